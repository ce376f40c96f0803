import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../tests/support/database.ts";
import { givenProgramme } from "../../../tests/support/programme-fixtures.ts";
import { SERVER_ONLY, serverRun } from "../../../tests/support/server-only.ts";
import { type DatabaseHandle, schema, withTenant } from "../../db/index.ts";
import {
  countPlaces,
  findApplicationRefusal,
  listApplications,
  summariseTrajectories,
  tallyApplications,
} from "./index.ts";

const NOW = new Date("2019-03-01T10:00:00Z");
let handle: DatabaseHandle;
let programme: Awaited<ReturnType<typeof givenProgramme>>;

beforeAll(async () => {
  handle = await freshDatabase();
  programme = await givenProgramme(handle, { municipalities: 8, now: NOW });
});
afterAll(() => handle.close());

describe("applications", () => {
  it("goes from submission through intake to admission, every step on record", async () => {
    const trajectory = await programme.givenTrajectory({ max: 15, min: 1 });
    const application = await programme.throughIntake(trajectory, programme.municipalities[0]!);
    const admitted = await programme.move(application.id, "admitted", { note: "Sterk plan" });
    expect(admitted.status).toBe("admitted");
    expect(admitted.decidedAt).toEqual(NOW);
    const events = await withTenant(handle.db, { tenantId: programme.programmeId }, (tx) =>
      tx.select().from(schema.applicationEvents),
    );
    expect(events.filter((e) => e.applicationId === application.id).map((e) => e.toStatus)).toEqual([
      "submitted",
      "intake-scheduled",
      "intake-held",
      "admitted",
    ]);
    expect(
      await withTenant(handle.db, { tenantId: programme.programmeId }, (tx) =>
        countPlaces(tx, programme.programmeId, trajectory),
      ),
    ).toEqual({
      admitted: 1,
      min: 1,
      max: 15,
      placesLeft: 14,
      canStart: true,
    });
  });

  it("refuses steps out of order and a second open application, and allows a new one after withdrawal", async () => {
    const trajectory = await programme.givenTrajectory({ max: 15 });
    const application = await programme.apply(trajectory, programme.municipalities[1]!);
    await expect(programme.move(application.id, "admitted")).rejects.toMatchObject({
      code: "programme.application-transition-not-allowed",
      params: { from: "submitted", to: "admitted" },
    });
    await expect(programme.move(application.id, "intake-scheduled")).rejects.toMatchObject({
      code: "programme.intake-needs-date",
    });
    await expect(programme.apply(trajectory, programme.municipalities[1]!)).rejects.toMatchObject({
      code: "programme.application-already-open",
    });
    await programme.move(application.id, "withdrawn");
    await expect(programme.move(application.id, "intake-held")).rejects.toMatchObject({
      code: "programme.application-transition-not-allowed",
    });
    expect((await programme.apply(trajectory, programme.municipalities[1]!)).status).toBe("submitted");
  });

  it("refuses applications after the deadline", async () => {
    const trajectory = await programme.givenTrajectory({ max: 15, deadline: "2019-02-28" });
    await expect(programme.apply(trajectory, programme.municipalities[2]!)).rejects.toMatchObject({
      code: "programme.application-deadline-passed",
    });
  });

  it("says before the form is filled in why a municipality cannot apply: late, or already applied", async () => {
    const municipalityId = programme.municipalities[7]!;
    const refusal = (trajectoryId: string, applicationDeadlineOn: string | null) =>
      withTenant(handle.db, { tenantId: municipalityId, personId: programme.coordinatorId }, (tx) =>
        findApplicationRefusal(tx, { trajectoryId, applicationDeadlineOn, municipalityId, now: NOW }),
      );
    const late = await programme.givenTrajectory({ deadline: "2019-02-28" });
    expect(await refusal(late, "2019-02-28")).toBe("programme.application-deadline-passed");
    const open = await programme.givenTrajectory({ deadline: "2019-03-01" });
    expect(await refusal(open, "2019-03-01")).toBeUndefined();
    const application = await programme.apply(open, municipalityId);
    expect(await refusal(open, "2019-03-01")).toBe("programme.application-already-open");
    await programme.move(application.id, "withdrawn");
    expect(await refusal(open, "2019-03-01")).toBeUndefined();
  });

  it("shows a municipality its own applications only", async () => {
    const trajectory = await programme.givenTrajectory({ max: 15 });
    await programme.apply(trajectory, programme.municipalities[3]!);
    await programme.apply(trajectory, programme.municipalities[4]!);
    const seen = await withTenant(handle.db, { tenantId: programme.municipalities[3]! }, (tx) =>
      tx.select().from(schema.applications),
    );
    expect(seen.map((a) => a.municipalityId)).toEqual([programme.municipalities[3]]);
  });

  it("never admits more municipalities than the maximum, also when staff admit at once", async ({ skip }) => {
    skip(!serverRun, SERVER_ONLY);
    const trajectory = await programme.givenTrajectory({ max: 2 });
    const applications = [];
    for (const municipality of programme.municipalities.slice(0, 6))
      applications.push(await programme.throughIntake(trajectory, municipality));
    const results = await Promise.allSettled(applications.map((a) => programme.move(a.id, "admitted")));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    for (const r of results.filter((r) => r.status === "rejected")) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({
        code: "programme.trajectory-full",
        params: { max: 2 },
      });
    }
    const places = await withTenant(handle.db, { tenantId: programme.programmeId }, (tx) =>
      countPlaces(tx, programme.programmeId, trajectory),
    );
    expect(places.admitted).toBe(2);
    expect(places.placesLeft).toBe(0);

    const scope = { programmeTenantId: programme.programmeId, trajectoryId: trajectory };
    const tally = await withTenant(handle.db, { tenantId: programme.programmeId }, (tx) =>
      tallyApplications(tx, scope),
    );
    expect(tally.byStatus).toMatchObject({ admitted: 2, "intake-held": 4, submitted: 0 });
    expect(tally.admittedByProvince).toEqual([{ province: "", count: 2 }]);
    const queue = await withTenant(handle.db, { tenantId: programme.programmeId }, (tx) =>
      listApplications(tx, { ...scope, status: "intake-held" }),
    );
    expect(queue).toHaveLength(4);
  }, 60_000);

  it("sums up every trajectory for the dashboard as the per-trajectory tally and places do", async () => {
    const full = await programme.givenTrajectory({ max: 1, min: 2 });
    await programme.admitted(full, programme.municipalities[6]!);
    await programme.apply(full, programme.municipalities[7]!);
    const { programmeId: programmeTenantId } = programme;
    const overview = await withTenant(handle.db, { tenantId: programmeTenantId }, (tx) =>
      summariseTrajectories(tx, { programmeTenantId }),
    );
    const trajectories = await withTenant(handle.db, { tenantId: programmeTenantId }, (tx) =>
      tx.select({ id: schema.trajectories.id, slug: schema.trajectories.slug }).from(schema.trajectories),
    );
    expect(overview).toHaveLength(trajectories.length);
    for (const { id, slug } of trajectories) {
      const [tally, places] = await withTenant(
        handle.db,
        { tenantId: programmeTenantId },
        async (tx) =>
          [
            await tallyApplications(tx, { programmeTenantId, trajectoryId: id }),
            await countPlaces(tx, programmeTenantId, id),
          ] as const,
      );
      expect(overview.find((o) => o.slug === slug)).toMatchObject({ byStatus: tally.byStatus, places });
    }
    expect(overview.find((o) => o.places.max === 1 && o.places.min === 2)).toMatchObject({
      byStatus: { admitted: 1, submitted: 1 },
      places: { admitted: 1, placesLeft: 0, canStart: false },
    });
  });
});
