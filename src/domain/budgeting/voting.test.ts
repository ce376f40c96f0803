import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { givenMunicipality, givenRound, MARCH } from "../../../tests/support/budgeting-fixtures.ts";
import { freshDatabase } from "../../../tests/support/database.ts";
import { countStatements } from "../../../tests/support/statements.ts";
import { type DatabaseHandle, schema, withTenant } from "../../db/index.ts";
import {
  CODE_ALPHABET,
  castBallot,
  changeBallot,
  checkBallot,
  countRound,
  createCodeBatch,
  deriveVotingCode,
  findBallotByReceipt,
  findVotingCode,
  getResult,
  getResultPage,
  revealCodeBatch,
} from "./index.ts";

const KEY = "test-voting-code-key-of-at-least-32-chars";
let handle: DatabaseHandle;
let town: Awaited<ReturnType<typeof givenMunicipality>>;
const serverRun = Boolean(process.env.DATABASE_URL);

beforeAll(async () => {
  handle = await freshDatabase();
  town = await givenMunicipality(handle.db, "veenhoven");
});
afterAll(() => handle?.close());

async function votingRound(size = 3) {
  const round = await givenRound(handle.db, {
    ...town,
    areas: [{ name: "Centrum", budgetEuros: 100_000 }],
    plans: [
      { area: 0, title: "Speeltuin", cost: 60_000 },
      { area: 0, title: "Bankjes", cost: 30_000 },
      { area: 0, title: "Bomen", cost: 40_000 },
    ],
  });
  const { tenantId } = town;
  const { batchId } = await withTenant(handle.db, { tenantId }, (tx) =>
    createCodeBatch(tx, {
      tenantId,
      roundId: round.roundId,
      roundAreaId: round.areas[0]!.id,
      size,
      key: KEY,
      actorPersonId: town.personId,
      now: MARCH(5),
    }),
  );
  const { codes } = await withTenant(handle.db, { tenantId }, (tx) =>
    revealCodeBatch(tx, {
      tenantId,
      roundId: round.roundId,
      batchId,
      key: KEY,
      actorPersonId: town.personId,
      format: "csv",
    }),
  );
  const cast = (code: string, planIds: string[], now = MARCH(6, 15)) =>
    withTenant(handle.db, { tenantId }, (tx) =>
      castBallot(tx, {
        tenantId,
        roundSlug: round.slug,
        code,
        choices: planIds.map((planId) => ({ planId })),
        key: KEY,
        now,
      }),
    );
  return { ...round, codes, cast };
}

describe("voting codes", () => {
  it("are 12 symbols without look-alikes, stored only as keyed hashes", async () => {
    const round = await votingRound();
    for (const code of round.codes)
      expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{4}(-[${CODE_ALPHABET}]{4}){2}$`));
    expect(new Set(round.codes).size).toBe(3);
    const stored = await handle.db
      .select({ hash: schema.pbVotingCodes.codeHash })
      .from(schema.pbVotingCodes)
      .where(eq(schema.pbVotingCodes.roundId, round.roundId));
    const dump = JSON.stringify(stored);
    for (const code of round.codes) {
      expect(dump).not.toContain(code.replaceAll("-", ""));
    }
    expect(stored.every((s) => /^[0-9a-f]{64}$/.test(s.hash))).toBe(true);
    // Another key gives other codes: the key, not the batch id alone, makes them.
    expect(deriveVotingCode("another-key-another-key-another-key", "batch", 0)).not.toBe(
      deriveVotingCode(KEY, "batch", 0),
    );
  });
});

describe("a ballot", () => {
  it("goes in once per code; the register knows only that the code voted, and the day", async () => {
    const round = await votingRound();
    const [speeltuin, bankjes] = round.plans;
    const { receipt } = await round.cast(round.codes[0]!.toLowerCase(), [speeltuin!.id, bankjes!.id]);
    expect(receipt).toHaveLength(12);
    await expect(round.cast(round.codes[0]!, [bankjes!.id])).rejects.toMatchObject({ code: "budgeting.already-voted" });
    // The voter hears it on entering the code, before filling in a ballot; an unused code opens the ballot.
    const enter = (code: string) =>
      withTenant(handle.db, { tenantId: town.tenantId }, (tx) =>
        findVotingCode(tx, { tenantId: town.tenantId, roundId: round.roundId, code, key: KEY }),
      );
    await expect(enter(round.codes[0]!)).rejects.toMatchObject({ code: "budgeting.already-voted" });
    await expect(enter(round.codes[1]!)).resolves.toMatchObject({ roundAreaId: round.areas[0]!.id });
    await expect(round.cast("ABCD-EFGH-JKMN", [bankjes!.id])).rejects.toMatchObject({ code: "budgeting.code-invalid" });
    const register = await handle.db
      .select()
      .from(schema.pbVoterRegister)
      .where(eq(schema.pbVoterRegister.roundId, round.roundId));
    expect(register).toHaveLength(1);
    expect(register[0]!.votedOn).toBe("2026-03-06");
    const [ballot] = await handle.db.select().from(schema.pbBallots).where(eq(schema.pbBallots.roundId, round.roundId));
    expect(ballot).toMatchObject({ castOn: "2026-03-06", planIds: [speeltuin!.id, bankjes!.id], source: "online" });
  });

  it("must fit the knapsack", async () => {
    const round = await votingRound();
    await expect(
      round.cast(
        round.codes[0]!,
        round.plans.map((p) => p.id),
      ),
    ).rejects.toMatchObject({
      code: "budgeting.ballot-invalid",
      params: { reason: "over-budget", budget: 100_000, spent: 130_000 },
    });
  });

  it("is changed with the receipt code until voting closes; the register does not change", async () => {
    const round = await votingRound();
    const [speeltuin, bankjes, bomen] = round.plans;
    const { receipt } = await round.cast(round.codes[1]!, [speeltuin!.id]);
    const { tenantId } = town;
    const change = (planIds: string[], code = receipt) =>
      withTenant(handle.db, { tenantId }, (tx) =>
        changeBallot(tx, {
          tenantId,
          roundSlug: round.slug,
          receipt: code,
          choices: planIds.map((planId) => ({ planId })),
          key: KEY,
          now: MARCH(7),
        }),
      );
    await change([bankjes!.id, bomen!.id]);
    const ballot = await withTenant(handle.db, { tenantId }, (tx) =>
      findBallotByReceipt(tx, { tenantId, roundId: round.roundId, receipt, key: KEY }),
    );
    expect(ballot.planIds).toEqual([bankjes!.id, bomen!.id]);
    await expect(change([bankjes!.id], "ABCD-EFGH-JKMN")).rejects.toMatchObject({ code: "budgeting.receipt-invalid" });
    await round.move("voting", "counting");
    await expect(change([speeltuin!.id])).rejects.toMatchObject({ code: "budgeting.voting-closed" });
  });

  it("is cast by code in one read and one write, and takes only plans on its own area's ballot", async () => {
    const round = await votingRound();
    const other = await votingRound();
    const refused = await countStatements(() => round.cast(round.codes[0]!, [other.plans[1]!.id]));
    expect(refused.result).toMatchObject({
      reason: { code: "budgeting.ballot-invalid", params: { reason: "unknown-plan" } },
    });
    // The tenant's settings, the read (round, track, code, plans) and the write (ballot and register).
    const cast = await countStatements(() => round.cast(round.codes[0]!, [round.plans[1]!.id]));
    expect(cast.result.status).toBe("fulfilled");
    expect(cast.statements).toBe(3);
    const ballots = await handle.db
      .select({ planIds: schema.pbBallots.planIds })
      .from(schema.pbBallots)
      .where(eq(schema.pbBallots.roundId, round.roundId));
    expect(ballots).toEqual([{ planIds: [round.plans[1]!.id] }]);
  });

  it.runIf(serverRun)("is cast exactly once when one code is submitted 100 times at once", async () => {
    const round = await votingRound(1);
    const attempts = await Promise.allSettled(
      Array.from({ length: 100 }, () => round.cast(round.codes[0]!, [round.plans[1]!.id])),
    );
    const won = attempts.filter((a) => a.status === "fulfilled");
    const lost = attempts.filter((a) => a.status === "rejected").map((a) => (a as PromiseRejectedResult).reason.code);
    expect(won).toHaveLength(1);
    expect(new Set(lost)).toEqual(new Set(["budgeting.already-voted"]));
    const ballots = await handle.db
      .select({ id: schema.pbBallots.id })
      .from(schema.pbBallots)
      .where(eq(schema.pbBallots.roundId, round.roundId));
    expect(ballots).toHaveLength(1);
  });
});

/** Column-name words that would tie a ballot to a voter, or date it finer than the day. */
const FORBIDDEN =
  /^(voter|voters|person|people|code|codes|sub|account|session|user|email|ip|address|created|updated|at|time|timestamp|position|seq|serial)$/;

describe("the ballot forms", () => {
  const plans = [
    { id: "a", costEuros: 10 },
    { id: "b", costEuros: 20 },
    { id: "c", costEuros: 30 },
  ];
  /** The refusal's reason and numbers, or the accepted ballot. */
  const check = (rules: Parameters<typeof checkBallot>[0], ids: string[]) => {
    try {
      return checkBallot(rules, { choices: ids.map((planId) => ({ planId })), plans, budgetEuros: 100 });
    } catch (error) {
      return { refused: (error as { code: string }).code, ...(error as { params: object }).params };
    }
  };

  it("approval takes from its minimum to its maximum number of plans, and a refusal says how many were given", () => {
    const approval = { form: "approval", minPlans: 2, maxPlans: 2 } as const;
    expect(check(approval, ["a"])).toEqual({
      refused: "budgeting.ballot-invalid",
      reason: "too-few",
      min: 2,
      given: 1,
    });
    expect(check(approval, ["a", "b", "c"])).toEqual({
      refused: "budgeting.ballot-invalid",
      reason: "too-many",
      max: 2,
      given: 3,
    });
    expect(check(approval, ["c", "a"])).toEqual({ planIds: ["c", "a"], points: null });
    expect(check({ ...approval, maxPlans: null }, ["a", "b", "c"])).toMatchObject({ planIds: ["a", "b", "c"] });
  });

  it("a ranking keeps the voter's order, takes at most k plans and each plan once", () => {
    const ranking = { form: "ranking", rankCount: 2 } as const;
    expect(check(ranking, ["c", "a"])).toEqual({ planIds: ["c", "a"], points: null });
    expect(check(ranking, ["c", "c"])).toMatchObject({ reason: "twice" });
    expect(check(ranking, ["c", "a", "b"])).toMatchObject({ reason: "too-many", max: 2, given: 3 });
    expect(check(ranking, [])).toMatchObject({ reason: "empty" });
  });
});

describe("ballot secrecy in the schema", () => {
  it("keeps every ballot table free of voter references and of times finer than the day", async () => {
    const { rows } = (await handle.db.execute(sql`
      select c.table_name, c.column_name, c.data_type
      from information_schema.columns c
      where c.table_schema = 'public' and c.table_name like '%ballot%'`)) as {
      rows: { table_name: string; column_name: string; data_type: string }[];
    };
    expect(rows.map((r) => r.table_name)).toContain("pb_ballots");
    for (const column of rows) {
      const words = column.column_name.split("_");
      expect(words, `${column.table_name}.${column.column_name}`).not.toEqual(
        expect.arrayContaining([expect.stringMatching(FORBIDDEN)]),
      );
      expect(column.data_type, `${column.table_name}.${column.column_name}`).not.toMatch(/timestamp|time /);
      expect(column.data_type).not.toMatch(/serial/);
    }
    const { rows: references } = (await handle.db.execute(sql`
      select tc.table_name, ccu.table_name as target
      from information_schema.table_constraints tc
      join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
      where tc.constraint_type = 'FOREIGN KEY' and tc.table_name like '%ballot%'`)) as {
      rows: { table_name: string; target: string }[];
    };
    expect(references.map((r) => r.target).sort()).toEqual(
      expect.not.arrayContaining(["people", "pb_voting_codes", "pb_voter_register", "sessions", "pb_code_batches"]),
    );
    const { rows: defaults } = (await handle.db.execute(sql`
      select column_name, column_default from information_schema.columns
      where table_name = 'pb_ballots' and column_name = 'id'`)) as { rows: { column_default: string }[] };
    expect(defaults[0]!.column_default).toContain("gen_random_uuid");
  });
});

describe("the count", () => {
  it("runs the round's rule and the comparison rule with packages/pb and stores the outcome for review", async () => {
    const round = await votingRound(5);
    const [speeltuin, bankjes, bomen] = round.plans.map((p) => p.id) as [string, string, string];
    await round.cast(round.codes[0]!, [speeltuin]);
    await round.cast(round.codes[1]!, [speeltuin]);
    await round.cast(round.codes[2]!, [speeltuin, bankjes]);
    await round.cast(round.codes[3]!, [bankjes, bomen]);
    await round.cast(round.codes[4]!, [bomen]);
    const { tenantId } = town;
    expect(
      await withTenant(handle.db, { tenantId }, (tx) =>
        countRound(tx, { tenantId, roundId: round.roundId, now: MARCH(9) }),
      ),
    ).toBe(false);
    await round.move("voting", "counting");
    await withTenant(handle.db, { tenantId }, (tx) =>
      countRound(tx, { tenantId, roundId: round.roundId, now: MARCH(9) }),
    );
    const result = await withTenant(handle.db, { tenantId }, (tx) =>
      getResult(tx, { tenantId, roundId: round.roundId, publishedOnly: false }),
    );
    expect(result?.status).toBe("to-review");
    const [area] = result!.outcome.areas;
    expect(area).toMatchObject({ voters: 5, budgetEuros: 100_000 });
    expect(area!.spentEuros).toBeLessThanOrEqual(100_000);
    // Greedy by votes: Speeltuin (3), then Bankjes (2) fits, Bomen (2) no longer does.
    expect(area!.comparisonSelected).toEqual([speeltuin, bankjes]);
    expect(area!.plans.find((p) => p.id === speeltuin)).toMatchObject({ votes: 3, costEuros: 60_000 });
    expect(area!.plans.every((p) => p.why.nl.length > 0 && p.why.en.length > 0)).toBe(true);
    expect(
      await withTenant(handle.db, { tenantId }, (tx) =>
        getResult(tx, { tenantId, roundId: round.roundId, publishedOnly: true }),
      ),
    ).toBeUndefined();
    await round.move("counting", "results");
    const published = await withTenant(handle.db, { tenantId }, (tx) =>
      getResult(tx, { tenantId, roundId: round.roundId, publishedOnly: true }),
    );
    expect(published?.status).toBe("published");

    // The results page's data was stored with the count: funded plans in the rule's order, the others in ballot order.
    const page = () => withTenant(handle.db, { tenantId }, (tx) => getResultPage(tx, { tenantId, slug: round.slug }));
    const stored = await page();
    const [pageArea] = stored!.page.areas;
    expect(pageArea!.funded.map((p) => p.id)).toEqual(area!.selected);
    expect(pageArea!.notFunded.map((p) => p.id)).toEqual(
      area!.plans.filter((p) => !area!.selected.includes(p.id)).map((p) => p.id),
    );
    expect(pageArea!.funded.find((p) => p.id === speeltuin)).toMatchObject({ score: 3, costEuros: 60_000 });
    expect(pageArea).toMatchObject({ voters: 5, points: false, general: area!.general });
    const whereRound = eq(schema.pbResults.roundId, round.roundId);
    const [row] = await withTenant(handle.db, { tenantId }, (tx) =>
      tx.select({ page: schema.pbResults.page }).from(schema.pbResults).where(whereRound),
    );
    expect(row!.page).toEqual(stored!.page);
  });
});
