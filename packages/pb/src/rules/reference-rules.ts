import type { Election } from "../election/election.ts";
import type { Allocation } from "./allocation.ts";
import { equalShares } from "./equal-shares/equal-shares.ts";
import { greedy, greedyNoSkip } from "./greedy.ts";
import { phragmen } from "./phragmen.ts";

type Run = (election: Election, onProgress?: (increments: number) => void) => Allocation;

/** The rule ids used by the pabutools reference outcomes (shared/pabulib-expected), mapped to this engine's calls. */
export const REFERENCE_RULES = {
  greedy_cost: (e) => greedy(e, { satisfaction: "cost" }),
  greedy_noskip: (e) => greedyNoSkip(e, { satisfaction: "cost" }),
  greedy_card: (e) => greedy(e, { satisfaction: "cardinality" }),
  greedy_points: (e) => greedy(e, { satisfaction: "points" }),
  greedy_borda: (e) => greedy(e, { satisfaction: "borda" }),
  mes_cost: (e) => equalShares(e, { satisfaction: "cost" }),
  mes_card: (e) => equalShares(e, { satisfaction: "cardinality" }),
  mes_points: (e) => equalShares(e, { satisfaction: "points" }),
  mes_cost_add1: (e, onProgress) => equalShares(e, { satisfaction: "cost", completion: "add1", ...(onProgress ? { onProgress } : {}) }),
  mes_card_add1: (e, onProgress) => equalShares(e, { satisfaction: "cardinality", completion: "add1", ...(onProgress ? { onProgress } : {}) }),
  mes_cost_add1_noexh: (e, onProgress) => equalShares(e, { satisfaction: "cost", completion: "add1-full", ...(onProgress ? { onProgress } : {}) }),
  mes_cost_add1u: (e, onProgress) => equalShares(e, { satisfaction: "cost", completion: "add1-greedy", ...(onProgress ? { onProgress } : {}) }),
  mes_card_add1u: (e, onProgress) => equalShares(e, { satisfaction: "cardinality", completion: "add1-greedy", ...(onProgress ? { onProgress } : {}) }),
  phragmen: (e) => phragmen(e),
} satisfies Record<string, Run>;

export type ReferenceRuleId = keyof typeof REFERENCE_RULES;
