import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { givenMunicipality, givenRound, MARCH } from "../../../tests/support/budgeting-fixtures.ts";
import { freshDatabase } from "../../../tests/support/database.ts";
import { type DatabaseHandle, schema, withTenant } from "../../db/index.ts";
import { movePhase } from "../shared/index.ts";
import { countRound, createPaperBatch, enterPaperBatch, getResult, listPaperBatches, roundPhases } from "./index.ts";

let handle: DatabaseHandle;
let town: Awaited<ReturnType<typeof givenMunicipality>>;
const staff: string[] = [];

beforeAll(async () => {
  handle = await freshDatabase();
  town = await givenMunicipality(handle.db, "dijkstad");
  for (const name of ["anna", "bram", "cor"]) {
    const [person] = await handle.db
      .insert(schema.people)
      .values({ displayName: name, email: `${name}@dijkstad.example.org` })
      .returning();
    staff.push(person!.id);
  }
});
afterAll(() => handle?.close());

/** A knapsack round (budget 100.000) with plans 1 (60.000), 2 (30.000) and 3 (40.000), voting open, and a batch. */
async function paperRound() {
  const { tenantId } = town;
  const round = await givenRound(handle.db, {
    ...town,
    plans: [
      { area: 0, title: "Speeltuin", cost: 60_000 },
      { area: 0, title: "Bankjes", cost: 30_000 },
      { area: 0, title: "Bomen", cost: 40_000 },
    ],
  });
  const batch = await withTenant(handle.db, { tenantId }, (tx) =>
    createPaperBatch(tx, {
      tenantId,
      roundId: round.roundId,
      roundAreaId: round.areas[0]!.id,
      label: "Stembureau 1",
      actorPersonId: staff[0]!,
      now: MARCH(7),
    }),
  );
  const enter = (person: number, text: string) =>
    withTenant(handle.db, { tenantId }, (tx) =>
      enterPaperBatch(tx, {
        tenantId,
        roundId: round.roundId,
        batchId: batch.id,
        personId: staff[person]!,
        text,
        now: MARCH(8),
      }),
    );
  const ballots = async () =>
    (
      await withTenant(handle.db, { tenantId }, (tx) =>
        tx
          .select({ n: count() })
          .from(schema.pbBallots)
          .where(and(eq(schema.pbBallots.roundId, round.roundId), eq(schema.pbBallots.source, "paper"))),
      )
    )[0]!.n;
  const state = async () =>
    (
      await withTenant(handle.db, { tenantId }, (tx) =>
        listPaperBatches(tx, { tenantId, roundId: round.roundId, personId: staff[0]! }),
      )
    )[0]!;
  return { round, batch, enter, ballots, state };
}

describe("paper ballots", () => {
  it("count once two staff members entered the same batch the same way", async () => {
    const { enter, ballots, state } = await paperRound();
    expect(await enter(0, "1, 2\n3\n\n2 , 3")).toEqual({ status: "open", differences: [] });
    expect(await ballots()).toBe(0);
    expect(await enter(1, "1,2\n3\n2,3\n")).toEqual({ status: "accepted", differences: [] });
    expect(await ballots()).toBe(3);
    expect(await state()).toMatchObject({ status: "accepted", entries: 2, ballots: 3 });
    await expect(enter(2, "1")).rejects.toMatchObject({ code: "budgeting.paper-batch-done" });
    expect(await ballots()).toBe(3);
  });

  it("block the batch on any difference, and publishing with it, until the entry is corrected", async () => {
    const { round, enter, ballots, state } = await paperRound();
    await enter(0, "1, 2\n3\n2, 3");
    expect(await enter(1, "1, 2\n2\n2, 3\n3")).toEqual({ status: "blocked", differences: [2, 4] });
    expect(await ballots()).toBe(0);
    expect(await state()).toMatchObject({ status: "blocked", differences: [2, 4] });
    const { tenantId } = town;
    const move = (from: "voting" | "counting", to: "counting" | "results") =>
      withTenant(handle.db, { tenantId }, (tx) =>
        movePhase(tx, roundPhases, {
          tenantId,
          subjectId: round.roundId,
          from,
          to,
          actorPersonId: staff[0]!,
          now: MARCH(9),
        }),
      );
    await move("voting", "counting");
    await withTenant(handle.db, { tenantId }, (tx) =>
      countRound(tx, { tenantId, roundId: round.roundId, now: MARCH(9) }),
    );
    await expect(move("counting", "results")).rejects.toMatchObject({ code: "budgeting.paper-pending" });
    // A third person may not settle it; the second corrects their own entry, after the close.
    await expect(enter(2, "1, 2\n3\n2, 3")).rejects.toMatchObject({ code: "budgeting.paper-third-person" });
    expect(await enter(1, "1, 2\n3\n2, 3")).toEqual({ status: "accepted", differences: [] });
    expect(await ballots()).toBe(3);
    await withTenant(handle.db, { tenantId }, (tx) =>
      countRound(tx, { tenantId, roundId: round.roundId, now: MARCH(9, 12) }),
    );
    await move("counting", "results");
    const result = await withTenant(handle.db, { tenantId }, (tx) =>
      getResult(tx, { tenantId, roundId: round.roundId, publishedOnly: true }),
    );
    expect(result?.outcome.areas[0]?.voters).toBe(3);
  });

  it.each([
    ["an unknown plan number", "1\n9", 2],
    ["a ballot over the budget", "2\n1, 2, 3", 2],
    ["a plan twice", "2\n\n2, 2", 3],
    ["points on a knapsack ballot", "1:5", 1],
  ])("refuse %s, naming the line, and keep nothing", async (_name, text, line) => {
    const { enter, ballots, state } = await paperRound();
    await expect(enter(0, text)).rejects.toMatchObject({ code: "budgeting.paper-line-invalid", params: { line } });
    expect(await state()).toMatchObject({ status: "open", entries: 0 });
    expect(await ballots()).toBe(0);
  });

  it("take a full batch of 10,000 lines, more ballots than one statement can insert", async () => {
    const { enter, ballots } = await paperRound();
    const stack = Array.from({ length: 10_000 }, (_, i) => ["1", "2, 3", "3"][i % 3]).join("\n");
    await enter(0, stack);
    expect(await enter(1, stack)).toEqual({ status: "accepted", differences: [] });
    expect(await ballots()).toBe(10_000);
  });

  it("let a person replace their own entry; it never counts as the second", async () => {
    const { enter, state } = await paperRound();
    await enter(0, "1");
    expect(await enter(0, "2")).toEqual({ status: "open", differences: [] });
    expect(await state()).toMatchObject({ status: "open", entries: 1, enteredByMe: true });
  });

  it("count a batch once when the two entries arrive at the same moment", async () => {
    const { enter, ballots, state } = await paperRound();
    const results = await Promise.all([enter(0, "1, 2\n3"), enter(1, "1, 2\n3")]);
    expect(results.map((r) => r.status).sort()).toEqual(["accepted", "open"]);
    expect(await ballots()).toBe(2);
    expect(await state()).toMatchObject({ status: "accepted" });
  });
});
