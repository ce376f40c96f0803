import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  givenMunicipality,
  givenPublishedRound,
  givenRound,
  MARCH,
} from "../../../tests/support/budgeting-fixtures.ts";
import { freshDatabase } from "../../../tests/support/database.ts";
import { type DatabaseHandle, schema, withPlatform, withTenant } from "../../db/index.ts";
import { listRealisation, postPlanUpdate } from "./index.ts";

let handle: DatabaseHandle;
let town: Awaited<ReturnType<typeof givenMunicipality>>;

beforeAll(async () => {
  handle = await freshDatabase();
  town = await givenMunicipality(handle.db);
});
afterAll(() => handle?.close());

const PLANS = [
  { area: 0, title: "Speeltuin", cost: 60_000 },
  { area: 0, title: "Bankjes", cost: 30_000 },
  { area: 0, title: "Bomen", cost: 50_000 },
];

const post = (slug: string, planId: string, extra: Partial<Parameters<typeof postPlanUpdate>[1]> = {}) =>
  withTenant(handle.db, town, (tx) =>
    postPlanUpdate(tx, {
      tenantId: town.tenantId,
      roundSlug: slug,
      planId,
      status: "in-progress",
      body: "De aannemer is begonnen.",
      happenedOn: "2026-05-01",
      actorPersonId: town.personId,
      idempotencyKey: `test:${Math.random()}`,
      now: MARCH(20),
      ...extra,
    }),
  );

describe("realisation updates", () => {
  it("wait for the published result, and then only for the funded plans", async () => {
    const open = await givenRound(handle.db, { ...town, plans: PLANS });
    await expect(post(open.slug, open.plans[0]!.id)).rejects.toMatchObject({ code: "budgeting.result-not-ready" });
    expect(await withTenant(handle.db, town, (tx) => listRealisation(tx, { ...town, roundId: open.roundId }))).toEqual(
      [],
    );

    const round = await givenPublishedRound(handle.db, { ...town, plans: PLANS, ballots: [[0, 1], [0, 1], [0]] });
    const [speeltuin, bankjes, bomen] = round.plans;
    await expect(post(round.slug, bomen!.id)).rejects.toMatchObject({ code: "budgeting.plan-not-funded" });

    await post(round.slug, speeltuin!.id, { status: "realised", body: "Geopend!", happenedOn: "2026-09-01" });
    const key = "same-form-twice";
    const first = await post(round.slug, speeltuin!.id, { idempotencyKey: key, happenedOn: "2026-05-01" });
    const again = await post(round.slug, speeltuin!.id, { idempotencyKey: key, happenedOn: "2026-05-01" });
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });

    const plans = await withTenant(handle.db, town, (tx) => listRealisation(tx, { ...town, roundId: round.roundId }));
    expect(plans.map((p) => [p.title, p.status, p.updates.map((u) => u.happenedOn)])).toEqual([
      ["Speeltuin", "realised", ["2026-05-01", "2026-09-01"]],
      ["Bankjes", "planned", []],
    ]);
    expect(plans.map((p) => p.id)).toEqual([speeltuin!.id, bankjes!.id]);

    const audit = await withPlatform(handle.db, (tx) =>
      tx
        .select({ details: schema.auditLog.details })
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.tenantId, town.tenantId), eq(schema.auditLog.action, "budgeting.plan.update"))),
    );
    expect(audit).toHaveLength(2);
  });

  it("are append-only: the table refuses a change or a deletion", async () => {
    const round = await givenPublishedRound(handle.db, { ...town, plans: PLANS, ballots: [[0]] });
    const { id } = await post(round.slug, round.plans[0]!.id);
    await expect(
      withTenant(handle.db, town, (tx) =>
        tx.update(schema.pbPlanUpdates).set({ body: "Anders" }).where(eq(schema.pbPlanUpdates.id, id)),
      ),
    ).rejects.toThrow();
    await expect(
      withTenant(handle.db, town, (tx) => tx.delete(schema.pbPlanUpdates).where(eq(schema.pbPlanUpdates.id, id))),
    ).rejects.toThrow();
    const [row] = await withTenant(handle.db, town, (tx) =>
      tx.select({ body: schema.pbPlanUpdates.body }).from(schema.pbPlanUpdates).where(eq(schema.pbPlanUpdates.id, id)),
    );
    expect(row?.body).toBe("De aannemer is begonnen.");
  });
});
