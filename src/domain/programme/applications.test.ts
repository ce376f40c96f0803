import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../tests/support/database.ts";
import { type DatabaseHandle, schema, withPlatform, withTenant } from "../../db/index.ts";
import { findOrCreatePerson } from "../identity/index.ts";
import { createTenant } from "../tenancy/index.ts";
import { countPlaces, moveApplication, submitApplication } from "./index.ts";

const NOW = new Date("2019-03-01T10:00:00Z");
let handle: DatabaseHandle;
let programmeId: string;
let staffId: string;
let coordinatorId: string;
let municipalities: string[];

beforeAll(async () => {
  handle = await freshDatabase();
  await withPlatform(handle.db, async (tx) => {
    programmeId = (await createTenant(tx, { slug: "dia", name: "DiA", kind: "programme" })).id;
    municipalities = [];
    for (let i = 0; i < 8; i++) {
      municipalities.push((await createTenant(tx, { slug: `gemeente-${i}`, name: `G${i}`, kind: "municipality" })).id);
    }
    staffId = (await findOrCreatePerson(tx, { email: "staff@example.org", displayName: "Staf" })).id;
    coordinatorId = (await findOrCreatePerson(tx, { email: "coord@example.org", displayName: "Coördinator" })).id;
  });
});
afterAll(() => handle.close());

async function givenTrajectory(max: number | null, min: number | null = null, deadline: string | null = null) {
  return withTenant(handle.db, { tenantId: programmeId }, async (tx) => {
    const [row] = await tx
      .insert(schema.trajectories)
      .values({
        tenantId: programmeId,
        slug: `t-${crypto.randomUUID()}`,
        title: "Kernendemocratie",
        theme: "kernen",
        summary: "s",
        maxMunicipalities: max,
        minMunicipalities: min,
        applicationDeadlineOn: deadline,
      })
      .returning();
    return row!.id;
  });
}

const apply = (trajectoryId: string, municipalityId: string) =>
  withTenant(handle.db, { tenantId: municipalityId, personId: coordinatorId }, (tx) =>
    submitApplication(tx, {
      programmeTenantId: programmeId,
      trajectoryId,
      municipalityId,
      personId: coordinatorId,
      project: "Dorpsraden na de herindeling",
      learningQuestion: "Hoe geven we kernen zeggenschap?",
      commitment: { college: "wethouder Jansen", council: "raadsbreed", civilService: "team participatie" },
      contacts: [{ name: "A. de Vries", email: "a.devries@example.org", role: "coördinator" }],
      now: NOW,
    }),
  );

const move = (applicationId: string, to: Parameters<typeof moveApplication>[1]["to"], extra = {}) =>
  withTenant(handle.db, { tenantId: programmeId, personId: staffId }, (tx) =>
    moveApplication(tx, {
      programmeTenantId: programmeId,
      applicationId,
      to,
      actorPersonId: staffId,
      now: NOW,
      ...extra,
    }),
  );

const throughIntake = async (trajectoryId: string, municipalityId: string) => {
  const application = await apply(trajectoryId, municipalityId);
  await move(application.id, "intake-scheduled", { intakeAt: new Date("2019-03-10T13:00:00Z") });
  await move(application.id, "intake-held");
  return application;
};

describe("applications", () => {
  it("goes from submission through intake to admission, every step on record", async () => {
    const trajectory = await givenTrajectory(15, 1);
    const application = await throughIntake(trajectory, municipalities[0]!);
    const admitted = await move(application.id, "admitted", { note: "Sterk plan" });
    expect(admitted.status).toBe("admitted");
    expect(admitted.decidedAt).toEqual(NOW);
    const events = await withTenant(handle.db, { tenantId: programmeId }, (tx) =>
      tx.select().from(schema.applicationEvents),
    );
    expect(events.filter((e) => e.applicationId === application.id).map((e) => e.toStatus)).toEqual([
      "submitted",
      "intake-scheduled",
      "intake-held",
      "admitted",
    ]);
    expect(
      await withTenant(handle.db, { tenantId: programmeId }, (tx) => countPlaces(tx, programmeId, trajectory)),
    ).toEqual({
      admitted: 1,
      min: 1,
      max: 15,
      placesLeft: 14,
      canStart: true,
    });
  });

  it("refuses steps out of order and a second open application, and allows a new one after withdrawal", async () => {
    const trajectory = await givenTrajectory(15);
    const application = await apply(trajectory, municipalities[1]!);
    await expect(move(application.id, "admitted")).rejects.toMatchObject({
      code: "programme.application-transition-not-allowed",
      params: { from: "submitted", to: "admitted" },
    });
    await expect(move(application.id, "intake-scheduled")).rejects.toMatchObject({
      code: "programme.intake-needs-date",
    });
    await expect(apply(trajectory, municipalities[1]!)).rejects.toMatchObject({
      code: "programme.application-already-open",
    });
    await move(application.id, "withdrawn");
    await expect(move(application.id, "intake-held")).rejects.toMatchObject({
      code: "programme.application-transition-not-allowed",
    });
    expect((await apply(trajectory, municipalities[1]!)).status).toBe("submitted");
  });

  it("refuses applications after the deadline", async () => {
    const trajectory = await givenTrajectory(15, null, "2019-02-28");
    await expect(apply(trajectory, municipalities[2]!)).rejects.toMatchObject({
      code: "programme.application-deadline-passed",
    });
  });

  it("shows a municipality its own applications only", async () => {
    const trajectory = await givenTrajectory(15);
    await apply(trajectory, municipalities[3]!);
    await apply(trajectory, municipalities[4]!);
    const seen = await withTenant(handle.db, { tenantId: municipalities[3]! }, (tx) =>
      tx.select().from(schema.applications),
    );
    expect(seen.map((a) => a.municipalityId)).toEqual([municipalities[3]]);
  });

  it("never admits more municipalities than the maximum, also when staff admit at once", async () => {
    const trajectory = await givenTrajectory(2);
    const applications = [];
    for (const municipality of municipalities.slice(0, 6))
      applications.push(await throughIntake(trajectory, municipality));
    const results = await Promise.allSettled(applications.map((a) => move(a.id, "admitted")));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    for (const r of results.filter((r) => r.status === "rejected")) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({
        code: "programme.trajectory-full",
        params: { max: 2 },
      });
    }
    const places = await withTenant(handle.db, { tenantId: programmeId }, (tx) =>
      countPlaces(tx, programmeId, trajectory),
    );
    expect(places.admitted).toBe(2);
    expect(places.placesLeft).toBe(0);
  }, 60_000);
});
