import { type Database, withPlatform, withTenant } from "../db/index.ts";
import { giveAdvice, listCouncils, requestAdvice, respondToAdvice, setAdviceTerms } from "../domain/councils/index.ts";
import { findOrCreatePerson } from "../domain/identity/index.ts";
import { demoAccounts } from "./demo-accounts.ts";

const DAY_MS = 86_400_000;
const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

/**
 * Advice in Veenhoven, asked of the Dorpsraad Aldeveen (whose secretary is a demo account): one answered in time,
 * one answered late, and one still open. Veenhoven counts its council's term in working days, so the open request's
 * deadline skips every holiday on the way (seeded on 2 December 2026 it runs past Christmas and New Year's Day into
 * January 2027). Dijkstad has one unsolicited advice of the Wijkraad Centrum, overdue for a response. Returns how
 * many pieces of advice.
 */
export async function seedAdvice(db: Database, tenantIds: ReadonlyMap<string, string>, now: Date): Promise<number> {
  const person = (tenant: string, prefix: string) =>
    withPlatform(db, async (tx) => {
      const account = demoAccounts.find((a) => a.tenant === tenant && a.email.startsWith(`${prefix}@`))!;
      return (await findOrCreatePerson(tx, account)).id;
    });
  let count = 0;

  const veenhoven = tenantIds.get("veenhoven")!;
  const staff = await person("veenhoven", "medewerker");
  const secretary = await person("veenhoven", "secretaris");
  count += await withTenant(db, { tenantId: veenhoven }, async (tx) => {
    const council = (await listCouncils(tx, { tenantId: veenhoven })).find((c) => c.name === "Dorpsraad Aldeveen")!;
    await setAdviceTerms(tx, {
      tenantId: veenhoven,
      terms: {
        councilTerm: { length: 30, unit: "working-days" },
        responseTerm: { length: 4, unit: "weeks" },
        reminderDays: 5,
      },
      actorPersonId: staff,
      now: daysBefore(now, 200),
    });
    const ask = (subject: string, question: string, at: Date) =>
      requestAdvice(tx, {
        tenantId: veenhoven,
        councilId: council.id,
        subject,
        question,
        actorPersonId: staff,
        now: at,
      });
    const give = (requestId: string, adviceText: string, at: Date) =>
      giveAdvice(tx, {
        tenantId: veenhoven,
        councilId: council.id,
        answer: { requestId },
        adviceText,
        actorPersonId: secretary,
        now: at,
      });

    const square = await ask(
      "Herinrichting dorpsplein Aldeveen",
      "De gemeente wil het dorpsplein opnieuw inrichten: minder parkeerplaatsen, meer groen en een speelplek. Wat vindt de dorpsraad van het schetsontwerp?",
      daysBefore(now, 150),
    );
    await give(
      square.id,
      "De dorpsraad steunt het ontwerp. Houd wel vier parkeerplaatsen bij de huisartsenpost en zet bankjes in de schaduw.",
      daysBefore(now, 125),
    );
    await respondToAdvice(tx, {
      tenantId: veenhoven,
      adviceId: square.id,
      outcome: "adopted",
      reasons:
        "Het college neemt het advies over: de parkeerplaatsen bij de huisartsenpost blijven en de bankjes komen onder de lindes.",
      actorPersonId: staff,
      now: daysBefore(now, 110),
    });

    const bus = await ask(
      "Nieuwe dienstregeling buslijn 21",
      "De vervoerder wil buslijn 21 in de avond minder vaak laten rijden. Hoe kijkt de dorpsraad daartegen aan?",
      daysBefore(now, 110),
    );
    await give(
      bus.id,
      "Niet doen: jongeren en ouderen zonder auto zijn 's avonds op de bus aangewezen. Als het toch moet, zet dan een belbus in.",
      daysBefore(now, 80),
    );
    await respondToAdvice(tx, {
      tenantId: veenhoven,
      adviceId: bus.id,
      outcome: "partly-adopted",
      reasons:
        "De provincie houdt de avondritten niet in stand. Wel komt er vanaf het nieuwe jaar een belbus op afroep, zoals de dorpsraad voorstelde.",
      actorPersonId: staff,
      now: daysBefore(now, 20),
    });

    await ask(
      "Kernenbeleid 2027–2030",
      "De gemeente schrijft een nieuw kernenbeleid voor de jaren 2027 tot en met 2030. Welke voorzieningen moeten in Aldeveen zeker blijven, en wat mist het dorp?",
      daysBefore(now, 1),
    );
    return 3;
  });

  const dijkstad = tenantIds.get("dijkstad")!;
  const dijkstadSecretary = await person("dijkstad", "secretaris");
  count += await withTenant(db, { tenantId: dijkstad }, async (tx) => {
    const council = (await listCouncils(tx, { tenantId: dijkstad })).find((c) => c.name === "Wijkraad Centrum")!;
    await giveAdvice(tx, {
      tenantId: dijkstad,
      councilId: council.id,
      answer: { subject: "Verlichting fietspad langs de singel" },
      adviceText:
        "Het fietspad langs de singel is 's avonds donker en voelt onveilig. De wijkraad adviseert lantaarns met een bewegingsmelder, zodat de vleermuizen weinig last hebben.",
      actorPersonId: dijkstadSecretary,
      now: daysBefore(now, 45),
    });
    return 1;
  });
  return count;
}
