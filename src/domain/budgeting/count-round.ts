import { type Ballot, type Election, explain, type RuleSpec, runRule } from "@samenspel/pb";
import { and, eq, sql } from "drizzle-orm";
import { type Executor, schema, type Tx, withTenant } from "../../db/index.ts";
import type { JobHandlers } from "../../platform/queue/index.ts";
import { findPhaseTrack } from "../shared/index.ts";
import { getRound, type Round, type RoundArea } from "./get-round.ts";
import { listPlans, type Plan } from "./list-plans.ts";
import { COUNT_ROUND_JOB, roundPhases } from "./round-phases.ts";
import { type BallotForm, satisfactionOf, type TieBreak, type WinnerRule } from "./rules.ts";

/** One plan in the stored outcome: what the results page shows, frozen at the count. */
export type OutcomePlan = {
  id: string;
  reference: string;
  title: string;
  costEuros: number;
  /** Voters whose ballot names the plan. */
  votes: number;
  /** Points given in all (cumulative ballots), else null. */
  points: number | null;
  selected: boolean;
  comparisonSelected: boolean;
  /** The engine's sentences that are about this plan. */
  why: { nl: string[]; en: string[] };
};

export type AreaOutcome = {
  roundAreaId: string;
  name: string;
  budgetEuros: number;
  voters: number;
  /** Plan ids in the order the rule chose them. */
  selected: string[];
  comparisonSelected: string[];
  spentEuros: number;
  comparisonSpentEuros: number;
  /** Share of voters with at least one funded plan (null without voters). */
  shareWithFunded: number | null;
  comparisonShareWithFunded: number | null;
  /** The engine's sentences about the count as a whole (how the money was shared out). */
  general: { nl: string[]; en: string[] };
  plans: OutcomePlan[];
};

export type RoundOutcome = { rule: WinnerRule; comparisonRule: WinnerRule; areas: AreaOutcome[] };

const VOTE_TYPE = { knapsack: "approval", approval: "approval", cumulative: "cumulative", ranking: "ordinal" } as const;

/** The area's ballots as a packages/pb election: plans by reference, identical ballots merged with a count. */
export function buildElection(
  o: { form: BallotForm; budgetEuros: number; areaName: string },
  plans: readonly { id: string; reference: string; title: string; costEuros: number }[],
  ballots: Iterable<{ planIds: readonly string[]; points: readonly number[] | null }>,
): Election {
  const index = new Map(plans.map((p, i) => [p.id, i]));
  const titles = plans.map((p) => p.title);
  const merged = new Map<string, { projects: number[]; points?: number[]; count: number }>();
  let voterCount = 0;
  for (const ballot of ballots) {
    const pairs = ballot.planIds.flatMap((id, i) =>
      index.has(id) ? [{ p: index.get(id)!, points: ballot.points?.[i] ?? 0 }] : [],
    );
    // Approval and cumulative ballots list projects in ascending order; a ranking keeps the voter's order.
    if (o.form !== "ranking") pairs.sort((a, b) => a.p - b.p);
    const projects = pairs.map((x) => x.p);
    const points = o.form === "cumulative" ? pairs.map((x) => x.points) : undefined;
    const key = `${projects.join(",")}|${points?.join(",") ?? ""}`;
    const found = merged.get(key);
    if (found) found.count++;
    else merged.set(key, { projects, ...(points ? { points } : {}), count: 1 });
    voterCount++;
  }
  return {
    meta: { description: o.areaName, currency: "EUR", vote_type: VOTE_TYPE[o.form] },
    voteType: VOTE_TYPE[o.form],
    budget: o.budgetEuros,
    moneyScale: 1,
    projects: plans.map((p, i) => ({
      id: p.reference,
      cost: p.costEuros,
      // Two plans with one title still read apart in the explanations.
      fields: {
        name:
          titles.indexOf(p.title) === i && titles.lastIndexOf(p.title) === i ? p.title : `${p.title} (${p.reference})`,
      },
    })),
    ballots: [...merged.values()] as Ballot[],
    voterCount,
    projectColumns: ["project_id", "cost", "name"],
    voteColumns: ["voter_id", "vote"],
  };
}

/**
 * The round's rule as a packages/pb rule spec: there is no second implementation of any rule. Satisfaction follows
 * the ballot form (equal shares measures a ranking in cost, though rounds refuse that pair); `reference` breaks ties
 * by reference number as the research library does.
 */
export function ruleSpecOf(o: { rule: WinnerRule; form: BallotForm; tieBreak: TieBreak }): RuleSpec {
  const satisfaction = satisfactionOf(o.form);
  const tieBreak = o.tieBreak === "reference" ? "lexicographic" : "most-supporters";
  switch (o.rule) {
    case "greedy":
    case "greedy-no-skip":
      return { rule: o.rule, satisfaction, tieBreak };
    case "phragmen":
      return { rule: "phragmen", tieBreak };
    case "equal-shares-add1":
    case "equal-shares-add1-full":
      return {
        rule: "equal-shares",
        satisfaction: satisfaction === "borda" ? "cost" : satisfaction,
        completion: o.rule === "equal-shares-add1" ? "add1" : "add1-full",
        tieBreak,
      };
  }
}

function shareWithFunded(election: Election, selected: readonly string[]): number | null {
  if (election.voterCount === 0) return null;
  const funded = new Set(selected.map((id) => election.projects.findIndex((p) => p.id === id)));
  let served = 0;
  for (const ballot of election.ballots) if (ballot.projects.some((p) => funded.has(p))) served += ballot.count;
  return served / election.voterCount;
}

/** Counts one area with the round's rule and its comparison rule, keeping the engine's explanations. */
export function countArea(
  round: Pick<Round, "rules">,
  area: RoundArea,
  plans: readonly Plan[],
  ballots: Iterable<{ planIds: readonly string[]; points: readonly number[] | null }>,
): AreaOutcome {
  const onBallot = plans.map((p) => ({ ...p, costEuros: p.officialCostEuros ?? p.estimatedCostEuros }));
  const form = round.rules.ballot.form;
  const election = buildElection({ form, budgetEuros: area.budgetEuros, areaName: area.name }, onBallot, ballots);
  const options = { form, tieBreak: round.rules.tieBreak };
  const none = { selected: [] as readonly string[], cost: 0 };
  const run = (rule: WinnerRule) => runRule(election, ruleSpecOf({ ...options, rule }), { trace: true });
  const main = election.voterCount > 0 ? run(round.rules.rule) : none;
  const other = election.voterCount > 0 ? run(round.rules.comparisonRule) : none;
  const sentences = {
    nl: "trace" in main && main.trace ? explain(main.trace, "nl") : [],
    en: "trace" in main && main.trace ? explain(main.trace, "en") : [],
  };
  const byReference = new Map(onBallot.map((p) => [p.reference, p]));
  const ids = (refs: readonly string[]) => refs.map((r) => byReference.get(r)!.id);
  const votes = new Map<string, { votes: number; points: number }>();
  for (const ballot of election.ballots) {
    ballot.projects.forEach((p, i) => {
      const ref = election.projects[p]!.id;
      const tally = votes.get(ref) ?? { votes: 0, points: 0 };
      tally.votes += ballot.count;
      tally.points += ballot.count * (ballot.points?.[i] ?? 0);
      votes.set(ref, tally);
    });
  }
  const names = election.projects.map((p) => p.fields.name!);
  const about = (name: string, list: string[]) => list.filter((s) => s.includes(name));
  const mentionsAny = (s: string) => names.some((name) => s.includes(name));
  return {
    roundAreaId: area.id,
    name: area.name,
    budgetEuros: area.budgetEuros,
    voters: election.voterCount,
    selected: ids(main.selected),
    comparisonSelected: ids(other.selected),
    spentEuros: main.cost,
    comparisonSpentEuros: other.cost,
    shareWithFunded: shareWithFunded(election, main.selected),
    comparisonShareWithFunded: shareWithFunded(election, other.selected),
    general: { nl: sentences.nl.filter((s) => !mentionsAny(s)), en: sentences.en.filter((s) => !mentionsAny(s)) },
    plans: onBallot.map((plan, i) => ({
      id: plan.id,
      reference: plan.reference,
      title: plan.title,
      costEuros: plan.costEuros,
      votes: votes.get(plan.reference)?.votes ?? 0,
      points: form === "cumulative" ? (votes.get(plan.reference)?.points ?? 0) : null,
      selected: main.selected.includes(plan.reference),
      comparisonSelected: other.selected.includes(plan.reference),
      why: { nl: about(names[i]!, sentences.nl), en: about(names[i]!, sentences.en) },
    })),
  };
}

async function* ballotsOf(tx: Executor, o: { tenantId: string; roundAreaId: string }) {
  const rows = await tx
    .select({ planIds: schema.pbBallots.planIds, points: schema.pbBallots.points })
    .from(schema.pbBallots)
    .where(and(eq(schema.pbBallots.tenantId, o.tenantId), eq(schema.pbBallots.roundAreaId, o.roundAreaId)));
  yield* rows;
}

/**
 * The count at close: every area with packages/pb, the round's rule and its comparison rule. The outcome is stored
 * "to review"; a published result is never counted again. Does nothing unless the round is in counting.
 */
export async function countRound(tx: Tx, o: { tenantId: string; roundId: string; now: Date }): Promise<boolean> {
  const track = await findPhaseTrack(tx, roundPhases, { tenantId: o.tenantId, subjectId: o.roundId, lock: "share" });
  if (track?.phase !== "counting") return false;
  const round = await getRound(tx, { tenantId: o.tenantId, id: o.roundId });
  const areas: AreaOutcome[] = [];
  for (const area of round.areas) {
    const plans = await listPlans(tx, {
      tenantId: o.tenantId,
      roundId: round.id,
      roundAreaId: area.id,
      show: "ballot",
    });
    const ballots = [];
    for await (const ballot of ballotsOf(tx, { tenantId: o.tenantId, roundAreaId: area.id })) ballots.push(ballot);
    areas.push(countArea(round, area, plans, ballots));
  }
  const outcome: RoundOutcome = { rule: round.rules.rule, comparisonRule: round.rules.comparisonRule, areas };
  // The results page's data once, here: a published count never changes, so no page view derives it again.
  const page = resultPageOf(outcome);
  const values = {
    tenantId: o.tenantId,
    roundId: o.roundId,
    status: "to-review" as const,
    countedAt: o.now,
    outcome,
    page,
  };
  const [stored] = await tx
    .insert(schema.pbResults)
    .values(values)
    .onConflictDoUpdate({
      target: schema.pbResults.roundId,
      set: { countedAt: o.now, outcome, page },
      setWhere: eq(schema.pbResults.status, "to-review"),
    })
    .returning({ roundId: schema.pbResults.roundId });
  return Boolean(stored);
}

/** The worker's side: the count runs at the worker's clock, in the round's tenant. */
export function countRoundJobHandlers(): JobHandlers {
  return {
    [COUNT_ROUND_JOB]: async (payload, _job, { now, db }) => {
      const { tenantId, roundId } = payload as { tenantId: string; roundId: string };
      await withTenant(db, { tenantId }, (tx) => countRound(tx, { tenantId, roundId, now }));
    },
  };
}

export type StoredResult = {
  status: "to-review" | "published";
  countedAt: Date;
  publishedAt: Date | null;
  outcome: RoundOutcome;
};

const resultOf = (o: { tenantId: string; roundId: string; publishedOnly: boolean }) => {
  const r = schema.pbResults;
  return and(
    eq(r.tenantId, o.tenantId),
    eq(r.roundId, o.roundId),
    o.publishedOnly ? eq(r.status, "published") : undefined,
  );
};

/** The stored count; `publishedOnly` for the public: nothing is shown before staff publish it. */
export async function getResult(
  tx: Executor,
  o: { tenantId: string; roundId: string; publishedOnly: boolean },
): Promise<StoredResult | undefined> {
  const [row] = await tx.select().from(schema.pbResults).where(resultOf(o));
  if (!row) return undefined;
  return {
    status: row.status,
    countedAt: row.countedAt,
    publishedAt: row.publishedAt,
    outcome: row.outcome as unknown as RoundOutcome,
  };
}

/** A plan as a row of the results page's tables. */
export type ResultPlanRow = { id: string; reference: string; title: string; costEuros: number; score: number };

/**
 * What the public results page shows of a count, derived from it once when it is stored (a published count never
 * changes): per area its figures, the funded plans in the order the rule chose them, all the others in ballot order
 * (the page sends a slice of them), the comparison rule's choice and the engine's general sentences. Without the
 * plans' explanations, which each plan's own page shows.
 */
export type ResultPage = {
  rule: RoundOutcome["rule"];
  comparisonRule: RoundOutcome["comparisonRule"];
  areas: {
    roundAreaId: string;
    name: string;
    budgetEuros: number;
    voters: number;
    spentEuros: number;
    shareWithFunded: number | null;
    comparisonShareWithFunded: number | null;
    general: { nl: string[]; en: string[] };
    /** Cumulative ballots: the score column is points, not votes. */
    points: boolean;
    funded: ResultPlanRow[];
    notFunded: ResultPlanRow[];
    comparison: { id: string; title: string | undefined; costEuros: number }[];
    /** The comparison rule chose the same plans. */
    same: boolean;
  }[];
};

const planRow = (p: OutcomePlan): ResultPlanRow => ({
  id: p.id,
  reference: p.reference,
  title: p.title,
  costEuros: p.costEuros,
  score: p.points ?? p.votes,
});

/** The results page's data of a count (the plans' explanations are left out). */
export function resultPageOf(outcome: RoundOutcome): ResultPage {
  return {
    rule: outcome.rule,
    comparisonRule: outcome.comparisonRule,
    areas: outcome.areas.map((area) => {
      const byId = new Map(area.plans.map((p) => [p.id, p]));
      return {
        roundAreaId: area.roundAreaId,
        name: area.name,
        budgetEuros: area.budgetEuros,
        voters: area.voters,
        spentEuros: area.spentEuros,
        shareWithFunded: area.shareWithFunded,
        comparisonShareWithFunded: area.comparisonShareWithFunded,
        general: area.general,
        points: area.plans[0]?.points !== null && area.plans[0]?.points !== undefined,
        funded: area.selected.map((id) => planRow(byId.get(id)!)),
        notFunded: area.plans.filter((p) => !p.selected).map(planRow),
        comparison: area.comparisonSelected.map((id) => ({
          id,
          title: byId.get(id)?.title,
          costEuros: byId.get(id)?.costEuros ?? 0,
        })),
        same: [...area.comparisonSelected].sort().join() === [...area.selected].sort().join(),
      };
    }),
  };
}

/** One plan of a published count, with its explanation and its area's name; undefined for a plan it does not hold. */
export async function getPlanOutcome(
  tx: Executor,
  o: { tenantId: string; roundId: string; planId: string },
): Promise<{ areaName: string; plan: OutcomePlan } | undefined> {
  const r = schema.pbResults;
  const [row] = await tx
    .select({
      found: sql<{ areaName: string; plan: OutcomePlan } | null>`(
        select jsonb_build_object('areaName', a.area ->> 'name', 'plan', p.plan)
        from jsonb_array_elements(${r.outcome} -> 'areas') a(area), jsonb_array_elements(a.area -> 'plans') p(plan)
        where p.plan ->> 'id' = ${o.planId}
        limit 1
      )`,
    })
    .from(r)
    .where(resultOf({ ...o, publishedOnly: true }));
  return row?.found ?? undefined;
}

/** Whether the round's count is published, without reading it. */
export async function isResultPublished(tx: Executor, o: { tenantId: string; roundId: string }): Promise<boolean> {
  const [row] = await tx
    .select({ roundId: schema.pbResults.roundId })
    .from(schema.pbResults)
    .where(resultOf({ ...o, publishedOnly: true }));
  return row !== undefined;
}
