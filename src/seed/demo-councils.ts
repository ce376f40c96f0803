import { type Database, withPlatform, withTenant } from "../db/index.ts";
import { listAreas } from "../domain/areas/index.ts";
import { type CouncilKind, type CouncilRole, createCouncil, seatMember } from "../domain/councils/index.ts";
import { findOrCreatePerson } from "../domain/identity/index.ts";
import { slugify } from "../domain/processes/index.ts";
import { dutchDateOf } from "../domain/shared/index.ts";
import { demoAccounts } from "./demo-accounts.ts";

const firstNames = ["Anna", "Bram", "Carla", "Dirk", "Esther", "Frank", "Gerda", "Hendrik", "Ilse", "Jan", "Karin"];
const lastNames = ["Bakker", "Mulder", "de Boer", "Hoekstra", "Brink", "Meijer", "Visser", "Smit", "Kok", "Dijkstra"];
/** A fictional name, the same for the same number. */
const nameOf = (n: number) => `${firstNames[n % firstNames.length]} ${lastNames[(n * 7 + 3) % lastNames.length]}`;

/** Who sits on the council that has the demo accounts: its secretary and a member sign in. */
const accountCouncil = { veenhoven: "Aldeveen", dijkstad: "Centrum" } as const;

const descriptions: Record<"village" | "district" | "committee", (area: string) => string> = {
  village: (area) =>
    `De dorpsraad ${area} komt op voor de inwoners van ${area} en het buitengebied eromheen. Wij praten met de gemeente over verkeer, groen, voorzieningen en plannen voor het dorp, geven gevraagd en ongevraagd advies en verdelen het dorpsbudget.\n\nOnze vergaderingen zijn openbaar. Iedereen uit het dorp is welkom.`,
  district: (area) =>
    `De wijkraad ${area} is de stem van de bewoners van de wijk. Wij signaleren wat er speelt, adviseren de gemeente over plannen voor de wijk en beslissen samen over het wijkbudget.\n\nKom gerust langs op een van onze openbare vergaderingen.`,
  committee: (area) =>
    `De gebiedscommissie ${area} adviseert het college over het beleid voor de kernen in het zuiden van de gemeente. De gemeenteraad heeft de commissie ingesteld met een verordening. Zij stemt de plannen van de dorpsraden op elkaar af.`,
};

/**
 * Every Veenhoven kern gets a dorpsraad and the four southern kernen share a gebiedscommissie; every Dijkstad wijk a
 * wijkraad. Each has a chair, a secretary, a treasurer and two members; the Aldeveen and Centrum councils also had
 * a chair whose term ended, and their secretary and a member are the demo accounts. Returns how many councils.
 */
export async function seedCouncils(db: Database, tenantIds: ReadonlyMap<string, string>, now: Date): Promise<number> {
  const year = Number(dutchDateOf(now).slice(0, 4));
  let count = 0;
  let person = 0;
  for (const slug of ["veenhoven", "dijkstad"] as const) {
    const tenantId = tenantIds.get(slug)!;
    const accounts = await withPlatform(db, async (tx) => {
      const found = new Map<CouncilRole, { id: string; name: string }>();
      for (const account of demoAccounts.filter((a) => a.tenant === slug && a.role === "council-member")) {
        const p = await findOrCreatePerson(tx, account);
        found.set(account.email.startsWith("secretaris@") ? "secretary" : "member", { id: p.id, name: p.displayName });
      }
      return found;
    });
    count += await withTenant(db, { tenantId }, async (tx) => {
      const districts = await listAreas(tx, { tenantId, kind: slug === "veenhoven" ? "kern" : "wijk" });
      const kind: CouncilKind = slug === "veenhoven" ? "village-council" : "district-council";
      const plans: {
        name: string;
        kind: CouncilKind;
        areaIds: string[];
        description: string;
        basisUrl: string | null;
        withAccounts: boolean;
      }[] = districts.map((area) => ({
        name: `${slug === "veenhoven" ? "Dorpsraad" : "Wijkraad"} ${area.name}`,
        kind,
        areaIds: [area.id],
        description: descriptions[slug === "veenhoven" ? "village" : "district"](area.name),
        basisUrl: null,
        withAccounts: area.name === accountCouncil[slug],
      }));
      if (slug === "veenhoven")
        plans.push({
          name: "Gebiedscommissie Veenhoven-Zuid",
          kind: "area-committee",
          areaIds: districts.slice(-4).map((area) => area.id),
          description: descriptions.committee("Veenhoven-Zuid"),
          basisUrl: "https://lokaleregelgeving.overheid.nl/",
          withAccounts: false,
        });
      for (const plan of plans) {
        const council = await createCouncil(tx, {
          tenantId,
          slug: slugify(plan.name),
          name: plan.name,
          kind: plan.kind,
          basis: plan.basisUrl ? "ordinance" : "association",
          basisUrl: plan.basisUrl,
          description: plan.description,
          memberSeats: 5,
          areaIds: plan.areaIds,
          actorPersonId: null,
          now,
        });
        const seat = (
          role: CouncilRole,
          name: string,
          personId: string | null,
          startsOn: string,
          endsOn: string | null,
        ) =>
          seatMember(tx, {
            tenantId,
            councilId: council.id,
            role,
            name,
            personId,
            startsOn,
            endsOn,
            actorPersonId: null,
            now,
          });
        const term = { startsOn: `${year - 1}-01-01`, endsOn: `${year + 2}-12-31` };
        if (plan.withAccounts) await seat("chair", nameOf(person++), null, `${year - 5}-01-01`, `${year - 2}-12-31`);
        await seat("chair", nameOf(person++), null, term.startsOn, term.endsOn);
        const secretary = plan.withAccounts ? accounts.get("secretary") : undefined;
        await seat("secretary", secretary?.name ?? nameOf(person++), secretary?.id ?? null, term.startsOn, term.endsOn);
        await seat("treasurer", nameOf(person++), null, term.startsOn, null);
        const member = plan.withAccounts ? accounts.get("member") : undefined;
        await seat("member", member?.name ?? nameOf(person++), member?.id ?? null, term.startsOn, term.endsOn);
        await seat("member", nameOf(person++), null, `${year}-01-01`, null);
      }
      return plans.length;
    });
  }
  return count;
}
