import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../tests/support/database.ts";
import { givenKern, givenTwoMunicipalities } from "../../../tests/support/tenant-fixtures.ts";
import { type DatabaseHandle, postgresCode, type Tx, withPlatform, withTenant } from "../../db/index.ts";
import { findOrCreatePerson } from "../identity/index.ts";
import { DomainError } from "../shared/index.ts";
import {
  createCouncil,
  currentMembers,
  endMemberTerm,
  getCouncil,
  listCouncils,
  listSeatsOf,
  type SeatMemberOptions,
  seatMember,
  termState,
} from "./index.ts";

const NOW = new Date("2026-03-02T10:00:00Z");
let handle: DatabaseHandle;
let tenantId: string;
let otherTenantId: string;
let kern: string;
let person: string;
let other: string;
let made = 0;

beforeAll(async () => {
  handle = await freshDatabase();
  [tenantId, otherTenantId] = (await givenTwoMunicipalities(handle)).map((t) => t.id) as [string, string];
  kern = await givenKern(handle, tenantId, "Aldeveen");
  [person, other] = await withPlatform(handle.db, async (tx) => [
    (await findOrCreatePerson(tx, { email: "secretaris@aldeveen.nl", displayName: "Sanne Secretaris" })).id,
    (await findOrCreatePerson(tx, { email: "lid@aldeveen.nl", displayName: "Lars Lid" })).id,
  ]);
});
afterAll(() => handle.close());

const inTenant = <T>(work: (tx: Tx) => Promise<T>, tenant = tenantId) =>
  withTenant(handle.db, { tenantId: tenant }, work);

/** A fresh council per test, so seats start empty. */
const newCouncil = (memberSeats = 3) =>
  inTenant(async (tx) => {
    made += 1;
    return (
      await createCouncil(tx, {
        tenantId,
        slug: `dorpsraad-${made}`,
        name: `Dorpsraad ${made}`,
        kind: "village-council",
        basis: "association",
        basisUrl: null,
        description: "Spreekt voor het dorp.",
        memberSeats,
        areaIds: [kern],
        actorPersonId: null,
        now: NOW,
      })
    ).id;
  });

const seat = (councilId: string, o: Partial<SeatMemberOptions> = {}) =>
  inTenant((tx) =>
    seatMember(tx, {
      tenantId,
      councilId,
      role: "secretary",
      name: "Sanne Secretaris",
      personId: null,
      startsOn: "2026-01-01",
      endsOn: "2027-12-31",
      actorPersonId: null,
      now: NOW,
      ...o,
    }),
  );

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => "accepted",
    (error: unknown) => (error instanceof DomainError ? error.code : (postgresCode(error) ?? String(error))),
  );

describe("councils", () => {
  it("creates a council with its areas, and refuses a second with the same slug or without an area", async () => {
    const id = await newCouncil();
    const council = await inTenant((tx) =>
      getCouncil(tx, { tenantId, slug: `dorpsraad-${made}`, today: "2026-03-02" }),
    );
    expect(council).toMatchObject({ id, kind: "village-council", areas: [{ id: kern, name: "Aldeveen" }] });
    const again = (areaIds: string[], slug = `dorpsraad-${made}`) =>
      refusal(
        inTenant((tx) =>
          createCouncil(tx, {
            tenantId,
            slug,
            name: "Nog een",
            kind: "village-council",
            basis: "association",
            basisUrl: null,
            description: "",
            memberSeats: 5,
            areaIds,
            actorPersonId: null,
            now: NOW,
          }),
        ),
      );
    expect(await again([kern])).toBe("councils.slug-taken");
    expect(await again([], "zonder-gebied")).toBe("councils.no-area");
    expect(await again(["00000000-0000-4000-8000-000000000001"], "elders")).toBe("councils.area-not-found");
    expect((await inTenant((tx) => listCouncils(tx, { tenantId }))).map((c) => c.id)).toContain(id);
    expect(await inTenant((tx) => listCouncils(tx, { tenantId: otherTenantId }), otherTenantId)).toEqual([]);
  });

  it("refuses an ordinance committee without a link to its ordinance, in the database", async () => {
    const result = await refusal(
      inTenant((tx) =>
        createCouncil(tx, {
          tenantId,
          slug: "gebiedscommissie",
          name: "Gebiedscommissie",
          kind: "area-committee",
          basis: "ordinance",
          basisUrl: null,
          description: "",
          memberSeats: 5,
          areaIds: [kern],
          actorPersonId: null,
          now: NOW,
        }),
      ),
    );
    expect(result).toBe("23514");
  });

  it("lets a seat hold one person at a time, and hands it on when a term ends", async () => {
    const councilId = await newCouncil();
    await seat(councilId, { startsOn: "2026-01-01", endsOn: "2026-06-30" });
    expect(await refusal(seat(councilId, { name: "Tweede", startsOn: "2026-06-30", endsOn: null }))).toBe(
      "councils.seat-taken",
    );
    expect(await refusal(seat(councilId, { name: "Opvolger", startsOn: "2026-07-01", endsOn: null }))).toBe("accepted");
  });

  it("refuses a second holder in the database itself, past the code", async () => {
    const councilId = await newCouncil();
    await seat(councilId, { startsOn: "2026-01-01", endsOn: null });
    const direct = await refusal(
      inTenant((tx) =>
        tx.execute(
          `insert into council_members (tenant_id, council_id, role, seat, name, starts_on, created_at)
           values ('${tenantId}', '${councilId}', 'secretary', 1, 'Indringer', '2030-01-01', now())` as never,
        ),
      ),
    );
    expect(direct).toBe("23P01");
  });

  it("gives members the lowest free seat, refuses when all are taken, and one seat per person", async () => {
    const councilId = await newCouncil(2);
    expect((await seat(councilId, { role: "member", name: "Een", personId: person })).seat).toBe(1);
    expect((await seat(councilId, { role: "member", name: "Twee" })).seat).toBe(2);
    expect(await refusal(seat(councilId, { role: "member", name: "Drie" }))).toBe("councils.no-free-seat");
    expect(await refusal(seat(councilId, { role: "chair", name: "Een", personId: person }))).toBe(
      "councils.person-seated",
    );
    expect(await refusal(seat(councilId, { role: "chair", startsOn: "2026-02-01", endsOn: "2026-01-01" }))).toBe(
      "councils.term-invalid",
    );
  });

  it("ends a term by itself when its last day has passed, and early by hand only once", async () => {
    const councilId = await newCouncil();
    const { id } = await seat(councilId, { personId: person, startsOn: "2026-01-01", endsOn: "2026-12-31" });
    expect(termState({ startsOn: "2026-01-01", endsOn: "2026-12-31" }, "2026-12-31")).toBe("current");
    expect(termState({ startsOn: "2026-01-01", endsOn: "2026-12-31" }, "2027-01-01")).toBe("ended");
    const seats = (today: string) => inTenant((tx) => listSeatsOf(tx, { tenantId, personId: person, today }));
    expect((await seats("2026-12-31")).filter((s) => s.councilId === councilId)).toHaveLength(1);
    expect((await seats("2027-01-01")).filter((s) => s.councilId === councilId)).toEqual([]);

    const end = (lastDayOn: string) =>
      refusal(
        inTenant((tx) =>
          endMemberTerm(tx, { tenantId, councilId, memberId: id, lastDayOn, actorPersonId: null, now: NOW }),
        ),
      );
    expect(await end("2025-12-01")).toBe("councils.term-invalid");
    expect(await end("2026-04-30")).toBe("accepted");
    expect(await end("2026-05-31")).toBe("councils.term-already-ended");
    const council = await inTenant((tx) =>
      getCouncil(tx, { tenantId, slug: `dorpsraad-${made}`, today: "2026-05-01" }),
    );
    expect(currentMembers(council!)).toEqual([]);
    expect(await seat(councilId, { name: "Opvolger", startsOn: "2026-05-01", endsOn: null })).toMatchObject({
      seat: 1,
    });
  });

  it("keeps another municipality out of the council", async () => {
    const councilId = await newCouncil();
    const result = await refusal(
      withTenant(handle.db, { tenantId: otherTenantId }, (tx) =>
        seatMember(tx, {
          tenantId: otherTenantId,
          councilId,
          role: "chair",
          name: "Indringer",
          personId: null,
          startsOn: "2026-01-01",
          endsOn: null,
          actorPersonId: null,
          now: NOW,
        }),
      ),
    );
    expect(result).toBe("councils.not-found");
  });

  it.runIf(process.env.DATABASE_URL)("seats exactly one of two people who take the same seat at once", async () => {
    const councilId = await newCouncil(1);
    const results = await Promise.all([
      refusal(seat(councilId, { role: "chair", name: "Een", personId: person })),
      refusal(seat(councilId, { role: "chair", name: "Twee", personId: other })),
      refusal(seat(councilId, { role: "member", name: "Drie" })),
      refusal(seat(councilId, { role: "member", name: "Vier" })),
    ]);
    expect(results.slice(0, 2).sort()).toEqual(["accepted", "councils.seat-taken"]);
    expect(results.slice(2).sort()).toEqual(["accepted", "councils.no-free-seat"]);
  });
});
