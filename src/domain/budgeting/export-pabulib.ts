import { writePabulib } from "@samenspel/pb";
import { and, eq } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { buildElection, getResult } from "./count-round.ts";
import { BudgetingError } from "./errors.ts";
import { getRound } from "./get-round.ts";
import { listPlans } from "./list-plans.ts";

const PABULIB_RULES = {
  greedy: "greedy",
  "greedy-no-skip": "greedy-no-skip",
  "equal-shares-add1": "equalshares/add1",
  "equal-shares-add1-full": "equalshares/add1",
  phragmen: "phragmen",
} as const;

/**
 * One area of a counted round as a Pabulib file: the plans on the ballot (reference number, cost, title, votes,
 * selected) and every ballot without a voter: identical ballots are written together in a fixed order, so neither
 * the order of voting nor anything about a voter can be read from it. Only a published result is exported.
 */
export async function exportPabulib(
  tx: Executor,
  o: { tenantId: string; roundSlug: string; roundAreaId: string },
): Promise<{ fileName: string; text: string }> {
  const round = await getRound(tx, { tenantId: o.tenantId, slug: o.roundSlug });
  const area = round.areas.find((a) => a.id === o.roundAreaId);
  if (!area) throw new BudgetingError("budgeting.area-not-found");
  const result = await getResult(tx, { tenantId: o.tenantId, roundId: round.id, publishedOnly: true });
  if (!result) throw new BudgetingError("budgeting.result-not-ready");
  const counted = result.outcome.areas.find((a) => a.roundAreaId === area.id);
  const plans = (await listPlans(tx, { tenantId: o.tenantId, roundId: round.id, roundAreaId: area.id, show: "ballot" }))
    .map((p) => ({ ...p, costEuros: p.officialCostEuros ?? p.estimatedCostEuros }))
    .sort((a, b) => (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0));
  const ballots = await tx
    .select({ planIds: schema.pbBallots.planIds, points: schema.pbBallots.points })
    .from(schema.pbBallots)
    .where(and(eq(schema.pbBallots.tenantId, o.tenantId), eq(schema.pbBallots.roundAreaId, area.id)));
  const form = round.rules.ballot.form;
  const built = buildElection({ form, budgetEuros: area.budgetEuros, areaName: area.name }, plans, ballots);
  const key = (b: (typeof built.ballots)[number]) => `${b.projects.join(",")}|${b.points?.join(",") ?? ""}`;
  const selected = new Set(counted?.selected ?? []);
  const votes = new Map(counted?.plans.map((p) => [p.id, p.votes]) ?? []);
  const rules = round.rules.ballot;
  const election = {
    ...built,
    meta: {
      description: round.title,
      country: "Netherlands",
      unit: area.name,
      instance: round.slug,
      num_projects: String(plans.length),
      num_votes: String(built.voterCount),
      budget: String(area.budgetEuros),
      vote_type: built.voteType,
      rule: PABULIB_RULES[round.rules.rule],
      ...(rules.form === "approval" ? { min_length: String(rules.minPlans) } : {}),
      ...(rules.form === "approval" && rules.maxPlans ? { max_length: String(rules.maxPlans) } : {}),
      ...(rules.form === "knapsack" ? { max_sum_cost: String(area.budgetEuros) } : {}),
      ...(rules.form === "cumulative"
        ? { max_sum_points: String(rules.points), max_points: String(rules.maxPointsPerPlan) }
        : {}),
      ...(rules.form === "ranking" ? { max_length: String(rules.rankCount) } : {}),
      language: "nl",
      currency: "EUR",
    },
    projects: built.projects.map((p, i) => ({
      ...p,
      fields: {
        name: plans[i]!.title,
        votes: String(votes.get(plans[i]!.id) ?? 0),
        selected: selected.has(plans[i]!.id) ? "1" : "0",
      },
    })),
    projectColumns: ["project_id", "cost", "votes", "name", "selected"],
    voteColumns: form === "cumulative" ? ["voter_id", "vote", "points"] : ["voter_id", "vote"],
    ballots: [...built.ballots].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)),
  };
  const name = `${round.slug}-${area.name}`.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return { fileName: `${name}.pb`, text: writePabulib(election) };
}
