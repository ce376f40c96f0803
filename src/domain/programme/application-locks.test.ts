import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../tests/support/database.ts";
import { givenProgramme } from "../../../tests/support/programme-fixtures.ts";
import { SERVER_ONLY, serverRun } from "../../../tests/support/server-only.ts";
import { rowsOf } from "../../../tests/support/sql.ts";
import { type DatabaseHandle, schema, type Tx, withTenant } from "../../db/index.ts";
import { moveApplication, recordCostItem } from "./index.ts";

/**
 * Check-then-act on an application: one transaction holds a change to the application open while another reads its
 * status. Deterministic: the held transaction commits only once the other one waits on the row's lock, or has already
 * finished, which is exactly what happens when the read takes no lock.
 */
const NOW = new Date("2019-03-01T10:00:00Z");
let handle: DatabaseHandle;
let programme: Awaited<ReturnType<typeof givenProgramme>>;

describe.runIf(serverRun)(`a status read before a change ${SERVER_ONLY}`, () => {
  beforeAll(async () => {
    handle = await freshDatabase();
    programme = await givenProgramme(handle, { municipalities: 2, now: NOW });
  });
  afterAll(() => handle.close());

  /** Runs `work` in a transaction that stays open until the returned `commit` is called. */
  function heldOpen(scope: { tenantId: string; personId: string }, work: (tx: Tx) => Promise<unknown>) {
    let commit: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      commit = resolve;
    });
    let started: () => void = () => {};
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    const done = withTenant(handle.db, scope, async (tx) => {
      await work(tx);
      started();
      await released;
    });
    return { running, commit, done };
  }

  /** Resolves once `work` waits for a row lock held by another transaction, or has already settled. */
  async function waitsOrSettles(work: Promise<unknown>): Promise<void> {
    let settled = false;
    work.then(
      () => (settled = true),
      () => (settled = true),
    );
    await expect
      .poll(
        async () => {
          if (settled) return true;
          const [waiting] = await rowsOf<{ n: number }>(
            handle.db,
            "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
          );
          return waiting!.n > 0;
        },
        { timeout: 20_000, interval: 20 },
      )
      .toBe(true);
  }

  const asStaff = { tenantId: "", personId: "" };
  beforeAll(() => {
    Object.assign(asStaff, { tenantId: programme.programmeId, personId: programme.staffId });
  });

  it("records the status a move really started from", async () => {
    const trajectory = await programme.givenTrajectory({ max: 15 });
    const application = await programme.throughIntake(trajectory, programme.municipalities[0]!);
    const move = (tx: Tx, to: "wait-listed" | "admitted") =>
      moveApplication(tx, {
        programmeTenantId: programme.programmeId,
        applicationId: application.id,
        to,
        actorPersonId: programme.staffId,
        now: NOW,
      });

    const first = heldOpen(asStaff, (tx) => move(tx, "wait-listed"));
    await first.running;
    const second = withTenant(handle.db, asStaff, (tx) => move(tx, "admitted"));
    await waitsOrSettles(second);
    first.commit();
    await first.done;
    expect((await second).status).toBe("admitted");

    const trail = await withTenant(handle.db, asStaff, (tx) =>
      tx
        .select({ from: schema.applicationEvents.fromStatus, to: schema.applicationEvents.toStatus })
        .from(schema.applicationEvents)
        .where(sql`${schema.applicationEvents.applicationId} = ${application.id}`)
        .orderBy(schema.applicationEvents.id),
    );
    expect(trail.slice(-2)).toEqual([
      { from: "intake-held", to: "wait-listed" },
      { from: "wait-listed", to: "admitted" },
    ]);
  });

  it("records no cost for a municipality that withdraws meanwhile", async () => {
    const trajectory = await programme.givenTrajectory({ max: 15 });
    const municipalityId = programme.municipalities[1]!;
    const application = await programme.admitted(trajectory, municipalityId);

    const withdrawal = heldOpen({ tenantId: municipalityId, personId: programme.coordinatorId }, (tx) =>
      moveApplication(tx, {
        programmeTenantId: programme.programmeId,
        applicationId: application.id,
        to: "withdrawn",
        actorPersonId: programme.coordinatorId,
        now: NOW,
      }),
    );
    await withdrawal.running;
    const cost = withTenant(handle.db, asStaff, (tx) =>
      recordCostItem(tx, {
        programmeTenantId: programme.programmeId,
        applicationId: application.id,
        kind: "invoice",
        supplier: "Bureau Dorpskracht",
        description: "Begeleiding dorpsavond",
        amountCents: 120_000,
        eligible: true,
        documentOn: "2019-03-01",
        actorPersonId: programme.staffId,
        now: NOW,
      }),
    );
    await waitsOrSettles(cost);
    withdrawal.commit();
    await withdrawal.done;
    await expect(cost).rejects.toMatchObject({ code: "programme.costs-need-admission" });
    const recorded = await withTenant(handle.db, asStaff, (tx) =>
      tx.select().from(schema.costItems).where(sql`${schema.costItems.applicationId} = ${application.id}`),
    );
    expect(recorded).toEqual([]);
  });
});
