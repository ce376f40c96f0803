import { BudgetingError, type BudgetingErrorCode } from "./errors.ts";

export type BallotForm = "knapsack" | "approval" | "cumulative" | "ranking";
export type WinnerRule = "greedy" | "greedy-no-skip" | "equal-shares-add1" | "equal-shares-add1-full" | "phragmen";
export type TieBreak = "most-supporters" | "reference";
export type IdentificationMethod = "postal-code" | "oidc" | "email";

/** Who may vote besides the minimum age (in the rules): residents of the area only, identified in one way. */
export type Eligibility = { residentsOnly: boolean; identification: IdentificationMethod };
export const DEFAULT_ELIGIBILITY: Eligibility = { residentsOnly: true, identification: "postal-code" };
/** The identification methods staff choose from: postal voting codes, DigiD (OpenID Connect), or a link by e-mail. */
export const IDENTIFICATION_METHODS: readonly IdentificationMethod[] = ["postal-code", "oidc", "email"];

/** The longest name of a stack of paper ballots ("Stembureau Bibliotheek"); the staff form states it. */
export const PAPER_LABEL_MAX = 100;

/** Where a funded plan stands in its realisation; the newest update's status is the plan's. */
export type RealisationStatus = "planned" | "in-progress" | "realised" | "dropped";
export const REALISATION_STATUSES: readonly RealisationStatus[] = ["planned", "in-progress", "realised", "dropped"];

export const BALLOT_FORMS: readonly BallotForm[] = ["knapsack", "approval", "cumulative", "ranking"];
/** The rules staff choose from; `equal-shares-add1-full` is the operator command's variant for historical files. */
export const WINNER_RULES: readonly WinnerRule[] = ["greedy", "greedy-no-skip", "equal-shares-add1", "phragmen"];
/** The rules the operator command offers for a historical file. */
export const WINNER_RULES_FOR_IMPORT: readonly WinnerRule[] = [
  "greedy",
  "greedy-no-skip",
  "equal-shares-add1",
  "equal-shares-add1-full",
  "phragmen",
];

/** The ballot form with only the settings that belong to it. */
export type BallotRules =
  | { form: "knapsack"; minSharePercent: number | null }
  | { form: "approval"; minPlans: number; maxPlans: number | null }
  | { form: "cumulative"; points: number; maxPointsPerPlan: number }
  | { form: "ranking"; rankCount: number };

export type RoundRules = {
  ballot: BallotRules;
  rule: WinnerRule;
  comparisonRule: WinnerRule;
  tieBreak: TieBreak;
  minAge: number | null;
};

/** Satisfaction follows the ballot form: cost for knapsack and approval, points for cumulative, Borda for rankings. */
export function satisfactionOf(form: BallotForm): "cost" | "points" | "borda" {
  return form === "cumulative" ? "points" : form === "ranking" ? "borda" : "cost";
}

const fail = (reason: string, code: BudgetingErrorCode = "budgeting.invalid-rules") => {
  throw new BudgetingError(code, { reason });
};

/** Checks what the database's check constraint also guards, so staff get a reason instead of a violation. */
export function checkRules(rules: RoundRules): RoundRules {
  const b = rules.ballot;
  const whole = (n: number | null) => n === null || (Number.isInteger(n) && n >= 0);
  if (b.form === "knapsack" && b.minSharePercent !== null && !(b.minSharePercent >= 1 && b.minSharePercent <= 100)) {
    fail("min-share");
  }
  if (
    b.form === "approval" &&
    (!whole(b.minPlans) || b.minPlans < 1 || (b.maxPlans !== null && b.maxPlans < b.minPlans))
  ) {
    fail("plans-range");
  }
  if (
    b.form === "cumulative" &&
    (!whole(b.points) || b.points < 1 || b.maxPointsPerPlan < 1 || b.maxPointsPerPlan > b.points)
  ) {
    fail("points");
  }
  if (b.form === "ranking" && (!whole(b.rankCount) || b.rankCount < 1)) fail("rank-count");
  if (rules.minAge !== null && !(whole(rules.minAge) && rules.minAge <= 120)) fail("min-age");
  // Equal shares measures satisfaction in cost or points; a ranking's Borda score is not one of them.
  for (const rule of [rules.rule, rules.comparisonRule]) {
    if (rule.startsWith("equal-shares") && b.form === "ranking") fail(rule, "budgeting.rule-not-for-form");
  }
  return rules;
}

type RuleColumns = {
  ballotForm: BallotForm;
  minSharePercent: number | null;
  minPlans: number | null;
  maxPlans: number | null;
  points: number | null;
  maxPointsPerPlan: number | null;
  rankCount: number | null;
  rule: WinnerRule;
  comparisonRule: WinnerRule;
  tieBreak: TieBreak;
  minAge: number | null;
};

export function rulesToColumns(rules: RoundRules): RuleColumns {
  const b = rules.ballot;
  return {
    ballotForm: b.form,
    minSharePercent: b.form === "knapsack" ? b.minSharePercent : null,
    minPlans: b.form === "approval" ? b.minPlans : null,
    maxPlans: b.form === "approval" ? b.maxPlans : null,
    points: b.form === "cumulative" ? b.points : null,
    maxPointsPerPlan: b.form === "cumulative" ? b.maxPointsPerPlan : null,
    rankCount: b.form === "ranking" ? b.rankCount : null,
    rule: rules.rule,
    comparisonRule: rules.comparisonRule,
    tieBreak: rules.tieBreak,
    minAge: rules.minAge,
  };
}

export function rulesFromColumns(c: RuleColumns): RoundRules {
  const ballot: BallotRules =
    c.ballotForm === "knapsack"
      ? { form: "knapsack", minSharePercent: c.minSharePercent }
      : c.ballotForm === "approval"
        ? { form: "approval", minPlans: c.minPlans ?? 1, maxPlans: c.maxPlans }
        : c.ballotForm === "cumulative"
          ? { form: "cumulative", points: c.points ?? 1, maxPointsPerPlan: c.maxPointsPerPlan ?? 1 }
          : { form: "ranking", rankCount: c.rankCount ?? 1 };
  return { ballot, rule: c.rule, comparisonRule: c.comparisonRule, tieBreak: c.tieBreak, minAge: c.minAge };
}
