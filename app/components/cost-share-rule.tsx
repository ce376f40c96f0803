import { PROGRAMME_CAP_CENTS, PROGRAMME_SHARE_PERCENT } from "../../src/domain/programme/share-costs.ts";
import { formatMoney } from "../i18n/format.ts";
import { useLocale, useT } from "../i18n/use-translation.ts";

/**
 * The rule for the costs of local support in one sentence, built from the constants that `shareCosts` applies, so
 * what the pages promise cannot drift from what the cost statement computes.
 */
export function useCostShareRule(): string {
  const t = useT();
  const locale = useLocale();
  return t("costs.rule", { percent: PROGRAMME_SHARE_PERCENT, cap: formatMoney(locale, PROGRAMME_CAP_CENTS) });
}

/** The programme's share as a percentage, for labels beside the amounts it decides. */
export const programmeSharePercent = PROGRAMME_SHARE_PERCENT;
