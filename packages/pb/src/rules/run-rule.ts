import type { Election } from "../election/election.ts";
import type { Trace } from "../explain/explain.ts";
import type { Allocation } from "./allocation.ts";
import { equalShares } from "./equal-shares/equal-shares.ts";
import { greedy, greedyNoSkip } from "./greedy.ts";
import { phragmen } from "./phragmen.ts";
import type { RuleSpec } from "./rule-spec.ts";
import { lexicographic, mostSupportersThenLowestCost } from "./tie-break.ts";

/** Runs the rule a spec names. */
export function runRule(
  election: Election,
  spec: RuleSpec,
  options: { readonly trace?: boolean; readonly onProgress?: (increments: number) => void } = {},
): Allocation<Trace> {
  const tieBreak = spec.tieBreak === "most-supporters" ? mostSupportersThenLowestCost : lexicographic;
  const satisfaction = spec.satisfaction ?? "cost";
  const trace = options.trace ?? false;
  switch (spec.rule) {
    case "greedy":
      return greedy(election, { satisfaction, tieBreak, trace });
    case "greedy-no-skip":
      return greedyNoSkip(election, { satisfaction, tieBreak, trace });
    case "phragmen":
      return phragmen(election, { tieBreak, trace });
    case "equal-shares":
      if (satisfaction === "borda") throw new RangeError("equal shares takes cost, cardinality or points satisfaction");
      return equalShares(election, {
        satisfaction,
        tieBreak,
        trace,
        completion: spec.completion ?? "none",
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      });
  }
}
