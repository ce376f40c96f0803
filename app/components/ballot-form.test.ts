import { describe, expect, it } from "vitest";
import type { RoundRules } from "../../src/domain/budgeting/index.ts";
import { translator } from "../i18n/catalogue.ts";
import { onlyBudget, rulesSentences } from "./ballot-form.tsx";

const nl = translator("nl");
const en = translator("en");

function knapsack(minSharePercent: number | null): RoundRules {
  return {
    ballot: { form: "knapsack", minSharePercent },
    rule: "equal-shares-add1",
    comparisonRule: "greedy",
    tieBreak: "reference",
    minAge: null,
  };
}

describe("the sentences voters read before they vote", () => {
  it("name the area's budget when the voter's area is known", () => {
    expect(rulesSentences(nl, "nl", knapsack(null), 40_000)[0]).toBe(
      "U kiest plannen die samen niet meer kosten dan het budget van uw gebied (€\u00a040.000).",
    );
    expect(rulesSentences(nl, "nl", knapsack(50), 40_000)[0]).toBe(
      "U kiest plannen die samen tussen €\u00a020.000 en €\u00a040.000 kosten.",
    );
  });

  it("name no amount for a round of several areas, whose budgets differ (not the first area's)", () => {
    const areas = [{ budgetEuros: 60_000 }, { budgetEuros: 40_000 }];
    expect(onlyBudget(areas)).toBeUndefined();
    expect(onlyBudget([{ budgetEuros: 40_000 }])).toBe(40_000);
    expect(rulesSentences(nl, "nl", knapsack(null), onlyBudget(areas))[0]).toBe(
      "U kiest plannen die samen niet meer kosten dan het budget van uw gebied.",
    );
    expect(rulesSentences(en, "en", knapsack(50), onlyBudget(areas))[0]).toBe(
      "You choose plans that together cost at least 50% of your area's budget, and no more than that budget.",
    );
  });
});
