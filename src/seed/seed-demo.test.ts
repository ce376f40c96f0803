import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../tests/support/database.ts";
import { type DatabaseHandle, schema, withPlatform, withTenant } from "../db/index.ts";
import { findAreaByPostcode, listAreas } from "../domain/areas/index.ts";
import { getRound, listRealisation } from "../domain/budgeting/index.ts";
import { listAdvice, timingOf } from "../domain/councils/index.ts";
import { roles as allRoles, listMemberships } from "../domain/identity/index.ts";
import { getProcess, positionOf } from "../domain/processes/index.ts";
import {
  getCostStatement,
  getLearningAgenda,
  getMeeting,
  getTrajectory,
  getWorkshop,
  listDesignSessions,
  listMeetings,
  listTrajectories,
  tallyApplications,
} from "../domain/programme/index.ts";
import { findProgrammeTenant, listMunicipalities } from "../domain/tenancy/index.ts";
import { seedDemo } from "./seed-demo.ts";

const NOW = new Date("2026-11-22T09:00:00Z");
let first: DatabaseHandle;
let second: DatabaseHandle;

beforeAll(async () => {
  [first, second] = await Promise.all([freshDatabase(), freshDatabase()]);
});
afterAll(async () => {
  await Promise.all([first?.close(), second?.close()]);
});

/** Everything the public pages show, without generated keys: equal content gives equal snapshots. */
async function content(handle: DatabaseHandle) {
  const programme = (await findProgrammeTenant(handle.db))!;
  const tenantId = programme.id;
  return withTenant(handle.db, { tenantId }, async (tx) => {
    const trajectories = await listTrajectories(tx, { tenantId });
    const meetings = await listMeetings(tx, { tenantId });
    const withoutIds = <T extends { id: string }>({ id: _, ...rest }: T) => rest;
    return {
      municipalities: (await listMunicipalities(tx)).map(withoutIds),
      trajectories: await Promise.all(
        trajectories.map(async (t) => {
          const {
            id: _,
            createdAt: __,
            tenantId: ___,
            ...details
          } = (await getTrajectory(tx, { tenantId, slug: t.slug }))!;
          return {
            ...details,
            supervisors: details.supervisors.map(withoutIds),
            meetings: details.meetings.map((m) => m.slug),
          };
        }),
      ),
      meetings: await Promise.all(
        meetings.map(async (m) => {
          const {
            id: _,
            tenantId: __,
            trajectoryId: ___,
            ...details
          } = (await getMeeting(tx, { tenantId, slug: m.slug }))!;
          return { ...details, slots: details.slots.map(withoutIds) };
        }),
      ),
    };
  });
}

// Seeding every instrument's demo content takes seconds on a quiet machine and much longer on a loaded CI runner;
// the limit is only there to stop a hang.
describe("seedDemo", { timeout: 180_000 }, () => {
  it("fills an empty database with the programme's content, municipalities and accounts", async () => {
    const report = await seedDemo(first.db, { now: NOW });
    expect(report).toEqual({
      seeded: true,
      tenants: 3,
      trajectories: 6,
      meetings: 8,
      slots: 13,
      workshops: 1,
      lessons: 3,
      // Veenhoven and Dijkstad admitted to Kernendemocratie, Dijkstad to Democratisch begroten; one waits for its intake.
      applications: 4,
      accounts: 14,
      // Dijkstad: 1 + 5 wijken + 12 buurten; Veenhoven: 1 + 12 kernen + 25 buurten.
      areas: 56,
      areaBudgets: 12,
      // Veenhoven: 12 dorpsraden and a gebiedscommissie; Dijkstad: 5 wijkraden.
      councils: 18,
      // Dorpsraad Aldeveen and Wijkraad Centrum: one held, with its report, and one to come.
      councilMeetings: 4,
      funds: 2,
      initiatives: 4,
      // Veenhoven: answered in time, answered late, open; Dijkstad: unsolicited, response overdue.
      advice: 4,
      processes: 2,
    });
    const programme = (await findProgrammeTenant(first.db))!;
    expect(programme.slug).toBe("democratie-in-actie");
    const tenantId = programme.id;
    await withTenant(first.db, { tenantId }, async (tx) => {
      expect(await listTrajectories(tx, { tenantId })).toHaveLength(6);

      const kernenId = (await getTrajectory(tx, { tenantId, slug: "kernendemocratie" }))!.id;
      const tally = await tallyApplications(tx, { programmeTenantId: tenantId, trajectoryId: kernenId });
      expect(tally.byStatus.admitted).toBe(2);
      expect(tally.admittedByProvince).toEqual([
        { province: "Drenthe", count: 1 },
        { province: "Zuid-Holland", count: 1 },
      ]);
      const [veenhoven] = await tx
        .select({ id: schema.applications.id })
        .from(schema.applications)
        .innerJoin(schema.tenants, eq(schema.tenants.id, schema.applications.municipalityId))
        .where(and(eq(schema.applications.trajectoryId, kernenId), eq(schema.tenants.slug, "veenhoven")));
      expect((await getLearningAgenda(tx, veenhoven!.id)).progress).toBe("in-progress");
      // The invoice entered twice is reversed: EUR 2,400 invoiced, the programme's half EUR 1,200.
      const costs = await getCostStatement(tx, veenhoven!.id);
      expect(costs.items).toHaveLength(4);
      expect(costs.invoiced).toMatchObject({ eligibleCents: 240_000, programmeCents: 120_000 });
      expect(costs.expected.programmeCents).toBe(360_000);

      const sessions = await listDesignSessions(tx, tenantId);
      expect(sessions.map((s) => [s.region, s.city, s.venue, s.address])).toEqual([
        ["Midden-west", "Utrecht", "Stadskantoor Utrecht", "Stadsplateau 1"],
        ["Noord-west", "Haarlem", "Seinwezen", "Kinderhuissingel 1"],
        ["Midden-oost", "Arnhem", "Provincie Gelderland", "Markt 11"],
        ["Noord-oost", "Assen", "Theatercafé Podium Zuidhaege", "Zuidhaege 2"],
        ["Zuid-oost", "Venlo", "Stadhuis Venlo", "Markt 2"],
        ["Zuid-west", "Breda", "Podium Bloos", "Speelhuislaan 153"],
      ]);
      // Summer time: 09:00 in Utrecht on 14 June 2018 is 07:00 UTC.
      expect(sessions[0]!.startsAt.toISOString()).toBe("2018-06-14T07:00:00.000Z");

      const start = (await getMeeting(tx, { tenantId, slug: "opstartsessie-ontwikkeltrajecten-2019" }))!;
      expect(start.kind).toBe("start-session");
      // Winter time: 09:30 on 14 February 2019 is 08:30 UTC.
      expect(start.startsAt.toISOString()).toBe("2019-02-14T08:30:00.000Z");
      expect(
        start.slots.map((s) => [s.kind, s.startsAt.toISOString().slice(11, 16), s.trajectory?.slug ?? null]),
      ).toEqual([
        ["walk-in", "08:30", null],
        ["track", "09:00", "faciliteren-van-lokaal-maatschappelijk-initiatief"],
        ["track", "09:00", "spelregels-voor-democratische-processen"],
        ["track", "09:00", "kernendemocratie"],
        ["walk-in", "12:00", null],
        ["track", "12:30", "democratisch-begroten"],
        ["track", "12:30", "veranderprocessen-in-de-lokale-democratie"],
      ]);
      expect(start.slots.filter((s) => s.kind === "track")).toHaveLength(5);

      const first = (await getTrajectory(tx, { tenantId, slug: "faciliteren-van-lokaal-maatschappelijk-initiatief" }))!;
      expect(first.supervisors.map((s) => `${s.name} (${s.organisation})`)).toEqual([
        "Arwin van Buuren (Erasmus Universiteit Rotterdam)",
        "Jitske van Popering-Verkerk (Erasmus Universiteit Rotterdam)",
        "Mathilde van de Ven (VNG)",
      ]);
      const kernen = (await getTrajectory(tx, { tenantId, slug: "kernendemocratie" }))!;
      expect([kernen.minMunicipalities, kernen.contactName, kernen.durationMonths]).toEqual([10, "Emma Klever", 12]);
      expect(kernen.meetings.map((m) => m.slug)).toEqual(["opstartsessie-ontwikkeltrajecten-2019"]);
      const anders = (await getTrajectory(tx, { tenantId, slug: "anders-werken-aan-stad-dorp-en-land-2" }))!;
      expect(anders).toMatchObject({
        maxMunicipalities: 15,
        startsOn: "2019-09-01",
        endsOn: "2020-01-31",
        applicationDeadlineOn: "2019-09-09",
      });
      expect(anders.meetings.map((m) => [m.kind, m.allDay, m.startsAt.toISOString()])).toEqual([
        ["kickoff", true, "2019-10-10T22:00:00.000Z"],
      ]);

      const workshop = (await getWorkshop(tx, {
        tenantId,
        slug: "van-burgerparticipatie-naar-overheidsparticipatie",
      }))!;
      expect(workshop).toMatchObject({
        format: "in-company",
        targetGroups: ["councillors"],
        themes: ["Sociaal domein"],
        maxParticipants: 20,
        dayparts: 1,
        investment: "on-request",
      });
      expect(workshop.questions).toHaveLength(6);
    });

    const municipalities = await withPlatform(first.db, (tx) => listMunicipalities(tx));
    const roles = await withPlatform(first.db, async (tx) => {
      expect(municipalities.map((m) => m.name)).toEqual(["Gemeente Dijkstad", "Gemeente Veenhoven"]);
      const people = await tx.query.people.findMany();
      return (await Promise.all(people.map((p) => listMemberships(tx, p.id)))).flat().map((m) => m.role);
    });
    expect(new Set(roles)).toEqual(new Set(allRoles));

    const veenhoven = municipalities.find((m) => m.slug === "veenhoven")!;
    await withTenant(first.db, { tenantId: veenhoven.id }, async (tx) => {
      const kernen = await listAreas(tx, { tenantId: veenhoven.id, kind: "kern" });
      expect(kernen).toHaveLength(12);
      expect(await findAreaByPostcode(tx, { tenantId: veenhoven.id, postcode: "7945 BC" })).toMatchObject({
        name: "Aldeveen-Dorp",
      });
      const advice = await listAdvice(tx, { tenantId: veenhoven.id });
      expect(
        advice.map((a) => [a.subject, a.status, a.requestedOn, a.adviceDueOn, timingOf(a, NOW).responseLate]),
      ).toEqual([
        // 30 working days from Saturday 21 November 2026 skip Christmas, Boxing Day and New Year's Day.
        ["Kernenbeleid 2027–2030", "requested", "2026-11-21", "2027-01-05", false],
        ["Nieuwe dienstregeling buslijn 21", "responded", "2026-08-04", "2026-09-15", true],
        ["Herinrichting dorpsplein Aldeveen", "responded", "2026-06-25", "2026-08-06", false],
      ]);
      // The village vision is mid-process, with the village evening's feedback published point by point.
      const vision = (await getProcess(tx, { tenantId: veenhoven.id, slug: "dorpsvisie-veenhoven-2030" }))!;
      expect(positionOf(vision).current?.stage).toBe("design");
      const evening = vision.phases.flatMap((p) => p.moments).find((m) => m.title === "Dorpsavond")!;
      expect(evening.feedback.map((f) => f.outcome)).toEqual(["taken-over", "partly", "not"]);
      // While the vision is written, the council's open advice request is one of its moments of influence.
      const design = vision.phases.find((p) => p.stage === "design")!;
      expect(design.moments.map((m) => [m.method, m.advice?.subject ?? null, m.advice?.status ?? null])).toEqual([
        ["meeting", null, null],
        ["council-advice", "Kernenbeleid 2027–2030", "requested"],
      ]);
      expect(design.moments[1]!.advice?.adviceDueOn).toBe("2027-01-05");
      // The finished round is being carried out: dated news on each plan equal shares funded.
      const round = await getRound(tx, { tenantId: veenhoven.id, slug: "dorpsbudget-2025" });
      expect(round.track.phase).toBe("realisation");
      const realisation = await listRealisation(tx, { tenantId: veenhoven.id, roundId: round.id });
      expect(realisation.map((plan) => [plan.title, plan.status, plan.updates.map((u) => u.happenedOn)])).toEqual([
        ["Speeltuin op de Brink", "realised", ["2026-01-20", "2026-04-07", "2026-05-16"]],
        ["Bibliotheekhoek in Aldeveen", "realised", ["2026-02-16", "2026-04-21"]],
        ["Opknappen dorpshuis Witteveen", "in-progress", ["2026-06-09", "2026-09-28"]],
      ]);
    });
    const dijkstad = municipalities.find((m) => m.slug === "dijkstad")!;
    await withTenant(first.db, { tenantId: dijkstad.id }, async (tx) => {
      // Its decision phase is the burgerbegroting round, voting now.
      const budget = (await getProcess(tx, { tenantId: dijkstad.id, slug: "burgerbegroting-dijkstad-2026" }))!;
      const decision = budget.phases.find((p) => p.stage === "decision")!;
      expect(positionOf(budget).current?.stage).toBe("decision");
      expect(decision.moments[0]!.round).toMatchObject({ slug: "burgerbegroting-2026", phase: "voting" });
    });
  });

  it("does nothing the second time", async () => {
    const before = await content(first);
    expect(await seedDemo(first.db, { now: NOW })).toEqual({ seeded: false });
    expect(await content(first)).toEqual(before);
  });

  it("gives the same content in another database, whatever the clock says", async () => {
    await seedDemo(second.db, { now: new Date("2030-01-01T00:00:00Z") });
    expect(await content(second)).toEqual(await content(first));
  });
});
