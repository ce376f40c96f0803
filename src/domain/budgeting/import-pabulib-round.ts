import type { Election } from "@samenspel/pb";
import { and, eq, like } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { movePhase, recordAudit } from "../shared/index.ts";
import { dutchDay } from "./cast-ballot.ts";
import { countRound } from "./count-round.ts";
import { createRound } from "./create-round.ts";
import { BudgetingError } from "./errors.ts";
import { BALLOT_ROWS_PER_INSERT, insertBallots } from "./insert-ballots.ts";
import { type RoundPhase, roundPhases } from "./round-phases.ts";
import type { BallotRules, WinnerRule } from "./rules.ts";

export type ImportPabulibRoundOptions = {
  tenantId: string;
  election: Election;
  /** The file's name: the round's short name and its record of where it came from. */
  fileName: string;
  rule: WinnerRule;
  now: Date;
};

const MAX_EUROS = 2_000_000_000;

const refuse = (reason: string): never => {
  throw new BudgetingError("budgeting.import-invalid", { reason });
};

const whole = (value: string | undefined) => (value && /^\d+$/.test(value.trim()) ? Number(value) : undefined);

/** The round's ballot form for the file's vote type, with the limits its META gives or its ballots show. */
export function ballotRulesOf(election: Election): BallotRules {
  const meta = election.meta;
  const longest = Math.max(1, ...election.ballots.map((b) => b.projects.length));
  switch (election.voteType) {
    case "approval":
    case "choose-1": {
      if (meta.max_sum_cost !== undefined) return { form: "knapsack", minSharePercent: null };
      const maxPlans = election.voteType === "choose-1" ? 1 : (whole(meta.max_length) ?? null);
      return { form: "approval", minPlans: 1, maxPlans: maxPlans && maxPlans >= 1 ? maxPlans : null };
    }
    case "cumulative": {
      const sums = election.ballots.map((b) => (b.points ?? []).reduce((a, p) => a + p, 0));
      const highest = election.ballots.flatMap((b) => b.points ?? []);
      const points = Math.max(1, whole(meta.max_sum_points) ?? 0, ...sums);
      const perPlan = Math.min(points, Math.max(1, whole(meta.max_points) ?? 0, ...highest));
      return { form: "cumulative", points, maxPointsPerPlan: perPlan };
    }
    case "ordinal":
      return { form: "ranking", rankCount: Math.max(longest, whole(meta.max_length) ?? 0) };
    default:
      return refuse(`ballots of type "${election.voteType}" are not supported`);
  }
}

/** A short name from the file name, made unique among the municipality's rounds. */
async function freeSlug(tx: Tx, tenantId: string, fileName: string): Promise<string> {
  const base =
    (fileName.split(/[\\/]/).pop() ?? "")
      .replace(/\.pb$/i, "")
      .normalize("NFKD")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 50)
      .replace(/-+$/, "") || "pabulib";
  const taken = new Set(
    (
      await tx
        .select({ slug: schema.pbRounds.slug })
        .from(schema.pbRounds)
        .where(and(eq(schema.pbRounds.tenantId, tenantId), like(schema.pbRounds.slug, `${base}%`)))
    ).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * A closed round from a Pabulib file, for the operator command: the projects become published, feasible plans that
 * keep their project ids as reference numbers, the ballots become the round's (anonymous, dated today), and the
 * round is counted with packages/pb and published. Ties are broken by reference number, as the research library
 * does. One transaction: a file that cannot be a round leaves nothing behind.
 */
export async function importPabulibRound(tx: Tx, o: ImportPabulibRoundOptions): Promise<{ id: string; slug: string }> {
  const { election, tenantId, now } = o;
  if (election.moneyScale !== 1) refuse("amounts must be whole euros");
  if (election.budget <= 0 || election.budget > MAX_EUROS) refuse("the budget must be between 1 and 2,000,000,000");
  if (election.projects.length === 0) refuse("the file has no projects");
  if (election.projects.some((p) => p.cost <= 0 || p.cost > MAX_EUROS)) refuse("every project must cost something");
  if (election.voterCount === 0) refuse("the file has no votes");
  const ballot = ballotRulesOf(election);
  const comparisonRule: WinnerRule =
    o.rule !== "greedy" ? "greedy" : ballot.form === "ranking" ? "phragmen" : "equal-shares-add1";
  const meta = election.meta;
  const slug = await freeSlug(tx, tenantId, o.fileName);
  const round = await createRound(tx, {
    tenantId,
    actorPersonId: null,
    slug,
    title: (meta.description ?? "").trim().slice(0, 200) || slug,
    body: [meta.unit, meta.district ?? meta.subunit, meta.instance].filter(Boolean).join(" · "),
    rules: { ballot, rule: o.rule, comparisonRule, tieBreak: "reference", minAge: null },
    importedFrom: o.fileName.split(/[\\/]/).pop() ?? o.fileName,
    areas: [
      {
        areaId: null,
        name: (meta.district ?? meta.subunit ?? meta.unit ?? "").trim().slice(0, 200) || "Gemeente",
        budgetEuros: election.budget,
      },
    ],
    schedule: roundPhases.phases.slice(1).map((phase) => ({ phase, startsAt: null })),
    idempotencyKey: null,
    now,
  });
  const move = (from: RoundPhase, to: RoundPhase) =>
    movePhase(tx, roundPhases, { tenantId, subjectId: round.id, from, to, actorPersonId: null, now });
  await move("preparation", "plans");
  const [area] = await tx
    .select({ id: schema.pbRoundAreas.id })
    .from(schema.pbRoundAreas)
    .where(and(eq(schema.pbRoundAreas.tenantId, tenantId), eq(schema.pbRoundAreas.roundId, round.id)));
  const plans = await tx
    .insert(schema.pbPlans)
    .values(
      election.projects.map((project) => ({
        tenantId,
        roundId: round.id,
        roundAreaId: area!.id,
        reference: project.id,
        title: (project.fields.name ?? "").trim().slice(0, 300) || `Project ${project.id}`,
        description: (project.fields.description ?? "").trim(),
        estimatedCostEuros: project.cost,
        officialCostEuros: project.cost,
        status: "published" as const,
        feasibility: "feasible" as const,
        createdAt: now,
      })),
    )
    .returning({ id: schema.pbPlans.id, reference: schema.pbPlans.reference });
  const planId = new Map(plans.map((p) => [p.reference, p.id]));
  const ids = election.projects.map((p) => planId.get(p.id)!);
  await move("plans", "review");
  await move("review", "voting");
  const castOn = dutchDay(now);
  let rows: (typeof schema.pbBallots.$inferInsert)[] = [];
  const flush = async () => {
    await insertBallots(tx, rows);
    rows = [];
  };
  for (const b of election.ballots) {
    const row = {
      tenantId,
      roundId: round.id,
      roundAreaId: area!.id,
      castOn,
      source: "imported" as const,
      planIds: b.projects.map((p) => ids[p]!),
      points: b.points ? [...b.points] : null,
    };
    for (let i = 0; i < b.count; i++) {
      rows.push(row);
      if (rows.length >= BALLOT_ROWS_PER_INSERT) await flush();
    }
  }
  await flush();
  await move("voting", "counting");
  await countRound(tx, { tenantId, roundId: round.id, now });
  await move("counting", "results");
  await recordAudit(tx, {
    tenantId,
    actorPersonId: null,
    action: "budgeting.round.import",
    subject: o.fileName,
    details: { roundId: round.id, rule: o.rule, voters: election.voterCount },
  });
  return round;
}
