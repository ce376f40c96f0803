import { type Database, withPlatform, withTenant } from "../db/index.ts";
import {
  addAgendaItem,
  attachMeetingDocument,
  createMeeting,
  getCouncil,
  publishMeeting,
  recordMeetingReport,
} from "../domain/councils/index.ts";
import { findOrCreatePerson } from "../domain/identity/index.ts";
import { addDays, dutchDateOf, dutchTime } from "../domain/shared/index.ts";
import { demoAccounts } from "./demo-accounts.ts";
import { receiptPdf } from "./demo-area-budgets.ts";

type DemoItem = { title: string; explanation: string; closed?: boolean; document?: string; report?: string };
type DemoMeeting = { title: string; daysFromNow: number; place: string; onlineUrl?: string; items: DemoItem[] };

/** The council whose secretary is a demo account, and its two meetings: one held (with minutes), one to come. */
const plans: Record<
  "veenhoven" | "dijkstad",
  { council: string; kind: "minutes" | "decisions"; meetings: DemoMeeting[] }
> = {
  veenhoven: {
    council: "dorpsraad-aldeveen",
    kind: "minutes",
    meetings: [
      {
        title: "Openbare dorpsraadvergadering voorjaar",
        daysFromNow: -21,
        place: "Dorpshuis De Brink, Brink 1, Aldeveen",
        items: [
          {
            title: "Opening en mededelingen",
            explanation: "",
            report: "De voorzitter opent om 19.30 uur. Er zijn 23 inwoners.",
          },
          {
            title: "Speelplek aan de Brink",
            explanation: "De gemeente vraagt advies over de plek en de inrichting van de nieuwe speelplek.",
            document: "Schetsontwerp speelplek",
            report: "De raad adviseert de speelplek naast de school te maken, met een hek langs de weg.",
          },
          {
            title: "Aankoop grond voor het dorpshuis",
            explanation: "Onderhandeling met de eigenaar van het perceel achter het dorpshuis.",
            closed: true,
            document: "Taxatie perceel",
            report: "Besproken in beslotenheid.",
          },
          { title: "Rondvraag en sluiting", explanation: "", report: "Geen vragen. Sluiting om 21.15 uur." },
        ],
      },
      {
        title: "Openbare dorpsraadvergadering najaar",
        daysFromNow: 14,
        place: "Dorpshuis De Brink, Brink 1, Aldeveen",
        onlineUrl: "https://vergadering.example.org/dorpsraad-aldeveen",
        items: [
          { title: "Opening en verslag vorige vergadering", explanation: "", document: "Notulen voorjaarsvergadering" },
          { title: "Dorpsbudget volgend jaar", explanation: "Welke plannen wil het dorp volgend jaar betalen?" },
          { title: "Rondvraag", explanation: "" },
        ],
      },
    ],
  },
  dijkstad: {
    council: "wijkraad-centrum",
    kind: "decisions",
    meetings: [
      {
        title: "Wijkraadvergadering",
        daysFromNow: -10,
        place: "Buurthuis De Schakel, Marktstraat 12, Dijkstad",
        items: [
          {
            title: "Groen in de Marktstraat",
            explanation: "Bewoners vragen om bomen en plantenbakken in de straat.",
            document: "Voorstel bewoners Marktstraat",
            report: "Besluit: de wijkraad steunt het voorstel en vraagt de gemeente om een ontwerp.",
          },
          {
            title: "Klacht over een buurtbewoner",
            explanation: "Persoonlijke situatie, daarom besloten.",
            closed: true,
            report: "Besluit: de voorzitter gaat in gesprek.",
          },
        ],
      },
      {
        title: "Wijkraadvergadering",
        daysFromNow: 21,
        place: "Buurthuis De Schakel, Marktstraat 12, Dijkstad",
        items: [
          { title: "Wijkschouw met de gemeente", explanation: "Afspraken voor de wandeling door de wijk." },
          { title: "Rondvraag", explanation: "" },
        ],
      },
    ],
  },
};

/**
 * Two meetings each for the Aldeveen dorpsraad and the Centrum wijkraad, prepared by their secretary (a demo
 * account) through the domain: one held three weeks ago with its report, one to come. Returns how many meetings.
 */
export async function seedCouncilMeetings(
  db: Database,
  tenantIds: ReadonlyMap<string, string>,
  now: Date,
): Promise<number> {
  let count = 0;
  for (const slug of ["veenhoven", "dijkstad"] as const) {
    const tenantId = tenantIds.get(slug)!;
    const plan = plans[slug];
    const account = demoAccounts.find((a) => a.tenant === slug && a.email.startsWith("secretaris@"))!;
    const secretary = await withPlatform(db, (tx) => findOrCreatePerson(tx, account));
    await withTenant(db, { tenantId }, async (tx) => {
      const council = await getCouncil(tx, { tenantId, slug: plan.council, today: dutchDateOf(now) });
      if (!council) throw new Error(`seed: no council ${plan.council}`);
      for (const [n, meeting] of plan.meetings.entries()) {
        const on = addDays(dutchDateOf(now), meeting.daysFromNow);
        const ref = { tenantId, councilId: council.id, actorPersonId: secretary.id, now };
        const { id: meetingId } = await createMeeting(tx, {
          ...ref,
          title: meeting.title,
          startsAt: dutchTime(on, "19:30"),
          endsAt: dutchTime(on, "21:30"),
          place: meeting.place,
          onlineUrl: meeting.onlineUrl ?? null,
          idempotencyKey: `seed-${plan.council}-${n}`,
        });
        const reports = [];
        for (const item of meeting.items) {
          const { id: itemId } = await addAgendaItem(tx, {
            ...ref,
            meetingId,
            title: item.title,
            explanation: item.explanation,
            visibility: item.closed ? "closed" : "public",
          });
          if (item.document)
            await attachMeetingDocument(tx, {
              ...ref,
              meetingId,
              itemId,
              title: item.document,
              bytes: receiptPdf(item.document),
              fileName: `${item.document}.pdf`,
            });
          if (item.report) reports.push({ itemId, report: item.report });
        }
        await publishMeeting(tx, { ...ref, meetingId });
        if (meeting.daysFromNow < 0)
          await recordMeetingReport(tx, {
            ...ref,
            meetingId,
            kind: plan.kind,
            report:
              plan.kind === "minutes"
                ? "Aanwezig: de voltallige dorpsraad en 23 inwoners. Het verslag per punt staat hieronder."
                : "",
            items: reports,
          });
        count += 1;
      }
    });
  }
  return count;
}
