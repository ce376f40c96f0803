import type { Election } from "../election/election.ts";
import { projectIndex, totalCost } from "../election/election.ts";
import type { Amount } from "../explain/amount.ts";
import { toAmount } from "../explain/amount.ts";
import { supportersPerProject } from "../explain/context.ts";
import { type RuleSpec, ruleLabel } from "../rules/rule-spec.ts";
import { runRule } from "../rules/run-rule.ts";
import { checkEjrUpToOne, type EjrCheck } from "./ejr.ts";

export type ProjectAnalysis = {
  readonly project: string;
  readonly name: string;
  readonly cost: Amount;
  /** Its cost as a share of the budget (0–1). */
  readonly costShare: number;
  /** Voters whose ballot mentions it, and their share of all voters (0–1). */
  readonly supporters: number;
  readonly supporterShare: number;
  readonly selected: boolean;
};

export type OutcomeAnalysis = {
  readonly selected: readonly string[];
  readonly cost: Amount;
  /** The share of the budget spent (0–1). */
  readonly budgetShare: number;
  /** Voters with at least one selected project on their ballot, and their share of all voters (0–1). */
  readonly votersWithSelected: number;
  readonly votersWithSelectedShare: number;
  readonly projects: readonly ProjectAnalysis[];
  /** Approval and choose-1 ballots only. */
  readonly ejrUpToOne?: EjrCheck;
};

/** Who an outcome (project ids) serves: per project its supporters and cost share, and overall. */
export function analyseOutcome(
  election: Election,
  selected: readonly string[],
  options: { readonly satisfaction?: "cost" | "cardinality" } = {},
): OutcomeAnalysis {
  const index = projectIndex(election);
  const chosen = new Set(selected.map((id) => index.get(id)!));
  const supporters = supportersPerProject(election);
  let served = 0;
  for (const ballot of election.ballots) {
    if (ballot.projects.some((p) => chosen.has(p))) served += ballot.count;
  }
  const voters = Math.max(1, election.voterCount);
  const cost = totalCost(election, chosen);
  const approval = election.voteType === "approval" || election.voteType === "choose-1";
  return {
    selected,
    cost: toAmount(election, cost),
    budgetShare: cost / election.budget,
    votersWithSelected: served,
    votersWithSelectedShare: served / voters,
    projects: election.projects.map((project, p) => ({
      project: project.id,
      name: project.fields.name ?? project.fields.title ?? "",
      cost: toAmount(election, project.cost),
      costShare: project.cost / election.budget,
      supporters: supporters[p]!,
      supporterShare: supporters[p]! / voters,
      selected: chosen.has(p),
    })),
    ...(approval ? { ejrUpToOne: checkEjrUpToOne(election, selected, options) } : {}),
  };
}

export type RuleComparison = {
  readonly rule: RuleSpec;
  readonly label: string;
  readonly analysis: OutcomeAnalysis;
};

/**
 * The same election under several rules, side by side (a results page shows the rule used and one other). EJR up to
 * one is checked with the satisfaction each rule optimises (cardinality for Phragmén).
 */
export function compareRules(election: Election, rules: readonly RuleSpec[]): RuleComparison[] {
  return rules.map((rule) => {
    const { selected } = runRule(election, rule);
    const satisfaction = rule.rule === "phragmen" || rule.satisfaction === "cardinality" ? "cardinality" : "cost";
    return { rule, label: ruleLabel(rule), analysis: analyseOutcome(election, selected, { satisfaction }) };
  });
}
