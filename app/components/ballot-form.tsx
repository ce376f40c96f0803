import { useEffect, useState } from "react";
import type { RoundRules } from "../../src/domain/budgeting/index.ts";
import type { Translate } from "../i18n/catalogue.ts";
import { formatMoney } from "../i18n/format.ts";
import { useLocale, useT } from "../i18n/use-translation.ts";

export type BallotPlanView = { id: string; reference: string; title: string; description: string; costEuros: number };

const euros = (locale: "nl" | "en", amount: number) => formatMoney(locale, amount * 100).replace(/[.,]00$/, "");

/**
 * The ballot form and the winner rule, each in one plain sentence, as voters see them before they vote. `budgetEuros`
 * is the voter's area's budget; on a page for a round of several areas, which have budgets of their own, it is left
 * out and the sentence names no amount (the page's table gives each area's budget).
 */
export function rulesSentences(t: Translate, locale: "nl" | "en", rules: RoundRules, budgetEuros?: number) {
  const b = rules.ballot;
  const ballot =
    b.form === "knapsack"
      ? knapsackSentence(t, locale, b.minSharePercent, budgetEuros)
      : b.form === "approval"
        ? b.maxPlans
          ? t("budgeting.sentence.approval.max", { min: b.minPlans, max: b.maxPlans })
          : // "minstens 1 plannen" is not Dutch: one plan is a sentence of its own.
            b.minPlans <= 1
            ? t("budgeting.sentence.approval.one")
            : t("budgeting.sentence.approval", { min: b.minPlans })
        : b.form === "cumulative"
          ? t("budgeting.sentence.cumulative", { points: b.points, max: b.maxPointsPerPlan })
          : t("budgeting.sentence.ranking", { k: b.rankCount });
  return [ballot, t(`budgeting.sentence.rule.${rules.rule}`)];
}

/** The budget each voter of a round chooses within, if it is one: a round of one area. */
export function onlyBudget(areas: readonly { budgetEuros: number }[]): number | undefined {
  return areas.length === 1 ? areas[0]?.budgetEuros : undefined;
}

function knapsackSentence(t: Translate, locale: "nl" | "en", minSharePercent: number | null, budgetEuros?: number) {
  if (budgetEuros === undefined)
    return minSharePercent
      ? t("budgeting.sentence.knapsack.min.anyArea", { share: minSharePercent })
      : t("budgeting.sentence.knapsack.anyArea");
  const budget = euros(locale, budgetEuros);
  return minSharePercent
    ? t("budgeting.sentence.knapsack.min", {
        least: euros(locale, Math.ceil((budgetEuros * minSharePercent) / 100)),
        budget,
      })
    : t("budgeting.sentence.knapsack", { budget });
}

/**
 * The ballot: check boxes (knapsack, approval), number fields (cumulative) or one drop-down per place (ranking).
 * Without JavaScript it is a plain form; with it, the amount or points left are shown and announced politely.
 */
export function BallotFields({
  rules,
  plans,
  budgetEuros,
  chosen,
}: {
  rules: RoundRules;
  plans: readonly BallotPlanView[];
  budgetEuros: number;
  chosen?: { planIds: string[]; points: number[] | null };
}) {
  const t = useT();
  const locale = useLocale();
  const form = rules.ballot;
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set(chosen?.planIds ?? []));
  const [points, setPoints] = useState<Record<string, number>>(
    Object.fromEntries((chosen?.planIds ?? []).map((id, i) => [id, chosen?.points?.[i] ?? 0])),
  );
  const cost = new Map(plans.map((p) => [p.id, p.costEuros]));
  const spent = [...ticked].reduce((sum, id) => sum + (cost.get(id) ?? 0), 0);
  const given = Object.values(points).reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);

  if (form.form === "ranking") {
    return (
      <fieldset className="utrecht-form-fieldset">
        {/* The places belong together: a screen reader names the group before "1e keus", "2e keus". */}
        <legend className="utrecht-form-fieldset__legend">{t("budgeting.vote.rank.legend")}</legend>
        {Array.from({ length: Math.min(form.rankCount, plans.length) }, (_, i) => i + 1).map((place) => (
          <div className="utrecht-form-field" key={place}>
            <label className="utrecht-form-label" htmlFor={`rank-${place}`}>
              {t("budgeting.vote.rank", { n: place })}
            </label>
            <select
              id={`rank-${place}`}
              name="rank"
              className="utrecht-select utrecht-select--html-select"
              defaultValue={chosen?.planIds[place - 1] ?? ""}
            >
              <option value="">{t("budgeting.vote.rank.none")}</option>
              {plans.map((plan) => (
                <option key={plan.id} value={plan.id}>
                  {plan.title}
                </option>
              ))}
            </select>
          </div>
        ))}
      </fieldset>
    );
  }

  return (
    <fieldset className="utrecht-form-fieldset">
      <ul className="samenspel-ballot">
        {plans.map((plan) => (
          <li key={plan.id} className="samenspel-ballot__plan">
            {form.form === "cumulative" ? (
              <div className="utrecht-form-field">
                <label className="utrecht-form-label" htmlFor={`points-${plan.id}`}>
                  {t("budgeting.vote.pointsFor", { plan: plan.title })}
                </label>
                <input
                  id={`points-${plan.id}`}
                  className="utrecht-textbox utrecht-textbox--html-input"
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={form.maxPointsPerPlan}
                  name={`points.${plan.id}`}
                  defaultValue={points[plan.id] ?? 0}
                  onChange={(e) => setPoints({ ...points, [plan.id]: Number(e.currentTarget.value) })}
                />
              </div>
            ) : (
              <div className="samenspel-checkbox">
                <input
                  type="checkbox"
                  id={`plan-${plan.id}`}
                  name="plan"
                  value={plan.id}
                  className="utrecht-checkbox utrecht-checkbox--html-input"
                  defaultChecked={ticked.has(plan.id)}
                  onChange={(e) => {
                    const next = new Set(ticked);
                    if (e.currentTarget.checked) next.add(plan.id);
                    else next.delete(plan.id);
                    setTicked(next);
                  }}
                />
                <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={`plan-${plan.id}`}>
                  {plan.title} – {euros(locale, plan.costEuros)}
                </label>
              </div>
            )}
            <p className="utrecht-paragraph samenspel-ballot__description">{plan.description}</p>
          </li>
        ))}
      </ul>
      {hydrated && (form.form === "knapsack" || form.form === "cumulative") && (
        <p className="utrecht-paragraph samenspel-ballot__left" aria-live="polite">
          {form.form === "knapsack"
            ? t("budgeting.vote.left", { amount: euros(locale, budgetEuros - spent) })
            : t("budgeting.vote.pointsLeft", { points: form.points - given })}
        </p>
      )}
    </fieldset>
  );
}
