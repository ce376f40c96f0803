import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { givenMunicipality, givenRound, KNAPSACK, MARCH, NO_DATES } from "../../../tests/support/budgeting-fixtures.ts";
import { freshDatabase } from "../../../tests/support/database.ts";
import { type DatabaseHandle, schema, withTenant } from "../../db/index.ts";
import { movePhase } from "../shared/index.ts";
import { createRound, getRound, listPlans, reviewFeasibility, roundPhases, updateRound } from "./index.ts";

let handle: DatabaseHandle;
let town: Awaited<ReturnType<typeof givenMunicipality>>;

beforeAll(async () => {
  handle = await freshDatabase();
  town = await givenMunicipality(handle.db, "dijkstad");
});
afterAll(() => handle?.close());

describe("a round", () => {
  it("is created in preparation with its areas, rules and dates; a repeated submit gives the same round", async () => {
    const create = () =>
      withTenant(handle.db, { tenantId: town.tenantId }, (tx) =>
        createRound(tx, {
          tenantId: town.tenantId,
          actorPersonId: town.personId,
          slug: "burgerbegroting-2026",
          title: "Burgerbegroting Dijkstad 2026",
          body: "Wat wilt u in uw wijk?",
          rules: { ...KNAPSACK, ballot: { form: "knapsack", minSharePercent: 50 } },
          areas: [
            { name: "Centrum", budgetEuros: 100_000 },
            { name: "Dijkwijk", budgetEuros: 60_000 },
          ],
          schedule: NO_DATES.map((d) => (d.phase === "plans" ? { ...d, startsAt: MARCH(2) } : d)),
          idempotencyKey: "form-1",
          now: MARCH(1),
        }),
      );
    const first = await create();
    expect(await create()).toEqual(first);
    const round = await withTenant(handle.db, { tenantId: town.tenantId }, (tx) =>
      getRound(tx, { tenantId: town.tenantId, slug: "burgerbegroting-2026" }),
    );
    expect(round).toMatchObject({
      title: "Burgerbegroting Dijkstad 2026",
      rules: { ballot: { form: "knapsack", minSharePercent: 50 }, rule: "equal-shares-add1" },
      areas: [
        { name: "Centrum", budgetEuros: 100_000 },
        { name: "Dijkwijk", budgetEuros: 60_000 },
      ],
      track: { phase: "preparation", nextDueAt: MARCH(2) },
    });
  });

  it("refuses equal shares for a ranking ballot: Borda scores are no cost or points", async () => {
    await expect(
      givenRound(handle.db, {
        ...town,
        rules: { ...KNAPSACK, ballot: { form: "ranking", rankCount: 3 } },
      }),
    ).rejects.toMatchObject({ code: "budgeting.rule-not-for-form" });
  });

  it("cannot open voting while an area has no feasible plan", async () => {
    const round = await givenRound(handle.db, {
      ...town,
      areas: [
        { name: "Noord", budgetEuros: 50_000 },
        { name: "Zuid", budgetEuros: 50_000 },
      ],
      plans: [{ area: 0, title: "Speeltuin", cost: 20_000 }],
      until: "review",
    });
    await expect(round.move("review", "voting")).rejects.toMatchObject({
      code: "budgeting.no-feasible-plans",
      params: { area: "Zuid" },
    });
  });

  it("keeps its rules once voting has opened: the domain refuses, and so does the database", async () => {
    const round = await givenRound(handle.db, { ...town });
    const current = await withTenant(handle.db, { tenantId: town.tenantId }, (tx) =>
      getRound(tx, { tenantId: town.tenantId, id: round.roundId }),
    );
    expect(current.rulesFixedAt).toEqual(MARCH(2));
    await expect(
      withTenant(handle.db, { tenantId: town.tenantId }, (tx) =>
        updateRound(tx, {
          tenantId: town.tenantId,
          roundId: round.roundId,
          actorPersonId: town.personId,
          title: current.title,
          body: current.body,
          rules: { ...current.rules, rule: "greedy" },
          areas: current.areas,
        }),
      ),
    ).rejects.toMatchObject({ code: "budgeting.rules-fixed" });
    await expect(
      withTenant(handle.db, { tenantId: town.tenantId }, (tx) =>
        tx.update(schema.pbRounds).set({ rule: "greedy" }).where(eq(schema.pbRounds.id, round.roundId)),
      ),
    ).rejects.toThrow();
    await expect(
      withTenant(handle.db, { tenantId: town.tenantId }, (tx) =>
        tx.update(schema.pbRoundAreas).set({ budgetEuros: 1 }).where(eq(schema.pbRoundAreas.roundId, round.roundId)),
      ),
    ).rejects.toThrow();
    await expect(
      withTenant(handle.db, { tenantId: town.tenantId }, (tx) =>
        reviewFeasibility(tx, {
          tenantId: town.tenantId,
          roundId: round.roundId,
          planId: round.plans[0]!.id,
          actorPersonId: town.personId,
          feasible: false,
          officialCostEuros: null,
          reason: "Toch niet.",
        }),
      ),
    ).rejects.toMatchObject({ code: "budgeting.review-closed" });
    await expect(
      withTenant(handle.db, { tenantId: town.tenantId }, (tx) =>
        movePhase(tx, roundPhases, {
          tenantId: town.tenantId,
          subjectId: round.roundId,
          from: "voting",
          to: "review",
          actorPersonId: town.personId,
          now: MARCH(4),
        }),
      ),
    ).rejects.toMatchObject({ code: "phases.no-way-back" });
    // Text stays editable through the database as well: only the rules are frozen.
    await withTenant(handle.db, { tenantId: town.tenantId }, (tx) =>
      tx.execute(sql`update pb_rounds set title = 'Nieuwe titel' where id = ${round.roundId}`),
    );
  });

  it("numbers plans in order and shows residents only what staff published", async () => {
    const round = await givenRound(handle.db, {
      ...town,
      plans: [
        { area: 0, title: "Bankjes", cost: 5_000 },
        { area: 0, title: "Bomen", cost: 7_000 },
      ],
      until: "plans",
    });
    const { tenantId } = town;
    const all = await withTenant(handle.db, { tenantId }, (tx) =>
      listPlans(tx, { tenantId, roundId: round.roundId, show: "all" }),
    );
    expect(all.map((p) => [p.reference, p.title, p.feasibility])).toEqual([
      ["1", "Bankjes", "feasible"],
      ["2", "Bomen", "feasible"],
    ]);
  });
});
