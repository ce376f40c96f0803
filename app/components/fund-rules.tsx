import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { formatCalendarDate, formatMoney } from "../i18n/format.ts";
import { useLocale, useT } from "../i18n/use-translation.ts";

type Rules = {
  maxCents: number;
  coFinancingPercent: number | null;
  hourValueCents: number | null;
  leadTimeDays: number;
  term: { length: number; unit: "calendar-days" | "weeks" | "working-days"; extension: number };
  intake: "continuous" | "decision-dates";
  decisionDates: string[];
  criteria: string[];
  requiredDocuments: string[];
  advancePercent: number;
  reportTermWeeks: number;
};

/** A fund's rules as a list a resident reads before applying. */
export function FundRules({ rules }: { rules: Rules }) {
  const t = useT();
  const locale = useLocale();
  const money = (cents: number) => formatMoney(locale, cents);
  const items = [
    t("funds.rules.max", { amount: money(rules.maxCents) }),
    rules.coFinancingPercent !== null &&
      (rules.hourValueCents
        ? t("funds.rules.coFinancingHours", { percent: rules.coFinancingPercent, hour: money(rules.hourValueCents) })
        : t("funds.rules.coFinancing", { percent: rules.coFinancingPercent })),
    t("funds.rules.leadTime", { days: rules.leadTimeDays }),
    rules.intake === "continuous"
      ? t("funds.rules.term", { length: rules.term.length, unit: t(`funds.unit.${rules.term.unit}`) })
      : t("funds.rules.dates", { dates: rules.decisionDates.map((d) => formatCalendarDate(locale, d)).join(", ") }),
    t("funds.rules.documents", { documents: rules.requiredDocuments.join(", ") || "–" }),
    t("funds.rules.criteria", { criteria: rules.criteria.join(", ") }),
    t("funds.rules.tranches", { percent: rules.advancePercent, weeks: rules.reportTermWeeks }),
  ].filter((item): item is string => typeof item === "string");
  return (
    <>
      <Paragraph>{t("funds.rules.title")}</Paragraph>
      <ul className="utrecht-unordered-list">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </>
  );
}
