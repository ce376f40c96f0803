import type { Satisfaction } from "../election/satisfaction.ts";
import type { Completion } from "./equal-shares/equal-shares.ts";

// Plain data and names only (no rule code), so that the command line can read a rule without loading the engine.

export const RULE_NAMES = ["greedy", "greedy-no-skip", "equal-shares", "phragmen"] as const;
export type RuleName = (typeof RULE_NAMES)[number];

/** A rule with its options as plain data (what a results page stores, what the command line reads). */
export type RuleSpec = {
  readonly rule: RuleName;
  /** Default `cost`; ignored by Phragmén. */
  readonly satisfaction?: Satisfaction;
  /** Equal shares only; default `none`. */
  readonly completion?: Completion;
  /** Default `lexicographic`. */
  readonly tieBreak?: "lexicographic" | "most-supporters";
};

/** "equal shares (cost, add1)", "greedy (cost)", "Phragmén". */
export function ruleLabel(spec: RuleSpec): string {
  if (spec.rule === "phragmen") return "Phragmén";
  const completion = spec.rule === "equal-shares" && spec.completion && spec.completion !== "none";
  const details = [spec.satisfaction ?? "cost", ...(completion ? [spec.completion] : [])];
  return `${spec.rule.replaceAll("-", " ")} (${details.join(", ")})`;
}
