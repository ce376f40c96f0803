import type { Election } from "../election/election.ts";
import type { Allocation } from "./allocation.ts";
import { equalShares } from "./equal-shares/equal-shares.ts";
import { greedy, greedyNoSkip } from "./greedy.ts";
import { phragmen } from "./phragmen.ts";

export type ReferenceRuleId =
  | "greedy_cost"
  | "greedy_noskip"
  | "greedy_card"
  | "greedy_points"
  | "greedy_borda"
  | "mes_cost"
  | "mes_card"
  | "mes_points"
  | "mes_cost_add1"
  | "mes_card_add1"
  | "mes_cost_add1_noexh"
  | "mes_cost_add1u"
  | "mes_card_add1u"
  | "phragmen";

type Run = (election: Election, onProgress?: (increments: number) => void) => Allocation;

/** The rule ids of the pabutools reference outcomes (shared/pabulib-expected/README.md), as calls of this engine. */
export const REFERENCE_RULES: Readonly<Record<ReferenceRuleId, Run>> = {
  greedy_cost: (e) => greedy(e, { satisfaction: "cost" }),
  greedy_noskip: (e) => greedyNoSkip(e, { satisfaction: "cost" }),
  greedy_card: (e) => greedy(e, { satisfaction: "cardinality" }),
  greedy_points: (e) => greedy(e, { satisfaction: "points" }),
  greedy_borda: (e) => greedy(e, { satisfaction: "borda" }),
  mes_cost: (e) => equalShares(e, { satisfaction: "cost" }),
  mes_card: (e) => equalShares(e, { satisfaction: "cardinality" }),
  mes_points: (e) => equalShares(e, { satisfaction: "points" }),
  mes_cost_add1: (e, onProgress) => equalShares(e, { satisfaction: "cost", completion: "add1", onProgress }),
  mes_card_add1: (e, onProgress) => equalShares(e, { satisfaction: "cardinality", completion: "add1", onProgress }),
  mes_cost_add1_noexh: (e, onProgress) => equalShares(e, { satisfaction: "cost", completion: "add1-full", onProgress }),
  mes_cost_add1u: (e, onProgress) => equalShares(e, { satisfaction: "cost", completion: "add1-greedy", onProgress }),
  mes_card_add1u: (e, onProgress) =>
    equalShares(e, { satisfaction: "cardinality", completion: "add1-greedy", onProgress }),
  phragmen: (e) => phragmen(e),
};

export function isReferenceRuleId(id: string): id is ReferenceRuleId {
  return Object.hasOwn(REFERENCE_RULES, id);
}
