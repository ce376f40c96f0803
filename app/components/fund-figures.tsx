import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import type { Translate } from "../i18n/catalogue.ts";
import { formatMoney } from "../i18n/format.ts";
import { useLocale, useT } from "../i18n/use-translation.ts";

/** A fund's money in one year, in one sentence: sums only. */
export function FundFiguresText({
  figures,
}: {
  figures: { year: number; budget: number; granted: number; paid: number; available: number };
}) {
  const t = useT();
  const locale = useLocale();
  const money = (cents: number) => formatMoney(locale, cents);
  return (
    <Paragraph>
      {t("funds.figures", {
        year: String(figures.year),
        budget: money(figures.budget),
        granted: money(figures.granted),
        paid: money(figures.paid),
        available: money(figures.available),
      })}
    </Paragraph>
  );
}

/** The fairness table's columns, for the page and its CSV alike. */
export const fairnessColumns = (t: Translate) => [
  t("funds.fairness.area"),
  t("funds.fairness.residents"),
  t("funds.fairness.applications"),
  t("funds.fairness.grants"),
  t("funds.fairness.granted"),
  t("funds.fairness.applicationsPer1000"),
  t("funds.fairness.grantsPer1000"),
  t("funds.fairness.grantedPer1000"),
  t("funds.fairness.grantRate"),
];

/** A fairness row's name: its area, "no area", or the suppressed areas taken together (named). */
export const areaLabel = (
  t: Translate,
  row: { area: string | null; combined: ReadonlyArray<string | null> | null },
): string =>
  row.combined
    ? t("funds.fairness.combined", {
        areas: row.combined.map((area) => area ?? t("funds.fairness.noArea")).join(", "),
      })
    : (row.area ?? t("funds.fairness.noArea"));
