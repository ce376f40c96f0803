export type { EjrCheck, EjrOptions } from "./analysis/ejr.ts";
export { checkEjrUpToOne } from "./analysis/ejr.ts";
export { isExhaustive, isFeasible } from "./analysis/exhaustiveness.ts";
export type { OutcomeAnalysis, ProjectAnalysis, RuleComparison } from "./analysis/outcome.ts";
export { analyseOutcome, compareRules } from "./analysis/outcome.ts";
export type { Ballot, Election, Project, Voter, VoteType } from "./election/election.ts";
export { toCurrency, totalCost, VOTE_TYPES } from "./election/election.ts";
export type { Rational } from "./election/rational.ts";
export type { Satisfaction } from "./election/satisfaction.ts";
export { SatisfactionError } from "./election/satisfaction.ts";
export type { Amount, Language } from "./explain/amount.ts";
export { formatMoney } from "./explain/amount.ts";
export type { TraceContext, TracedProject } from "./explain/context.ts";
export type { Trace } from "./explain/explain.ts";
export { explain } from "./explain/explain.ts";
export type { PabulibErrorCode } from "./pabulib/errors.ts";
export { PabulibError } from "./pabulib/errors.ts";
export type { ParseOptions } from "./pabulib/parse.ts";
export { createPabulibParser, parsePabulib, parsePabulibStream } from "./pabulib/parse.ts";
export { writePabulib } from "./pabulib/write.ts";
export type { Allocation } from "./rules/allocation.ts";
export type {
  Completion,
  EqualSharesAllocation,
  EqualSharesOptions,
  EqualSharesTrace,
} from "./rules/equal-shares/equal-shares.ts";
export { equalShares } from "./rules/equal-shares/equal-shares.ts";
export type {
  CompletionStep,
  EqualSharesLoser,
  EqualSharesPayment,
  EqualSharesRound,
} from "./rules/equal-shares/trace.ts";
export type { GreedyLoser, GreedyOptions, GreedyStep, GreedyTrace } from "./rules/greedy.ts";
export { greedy, greedyNoSkip } from "./rules/greedy.ts";
export type { PhragmenLoser, PhragmenOptions, PhragmenRound, PhragmenTrace } from "./rules/phragmen.ts";
export { phragmen } from "./rules/phragmen.ts";
export type { RuleName, RuleSpec } from "./rules/rule-spec.ts";
export { RULE_NAMES, ruleLabel } from "./rules/rule-spec.ts";
export { runRule } from "./rules/run-rule.ts";
export type { TieBreak } from "./rules/tie-break.ts";
export { lexicographic, mostSupportersThenLowestCost } from "./rules/tie-break.ts";
