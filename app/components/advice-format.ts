import type { AdviceStatus, AdviceTiming } from "../../src/domain/councils/index.ts";
import type { Term } from "../../src/domain/shared/index.ts";
import type { Translate } from "../i18n/catalogue.ts";

/** "6 weken", "10 working days". */
export const termText = (t: Translate, term: Term) =>
  t("advice.term", { length: term.length, unit: t(`advice.unit.${term.unit}`) });

/** The message key of an advice's timing: late, overdue, in time, or still running. */
export function timingKey(row: { timing: AdviceTiming; status: AdviceStatus }) {
  if (row.timing.responseLate) return "advice.timing.late" as const;
  if (row.timing.responseOverdue) return "advice.timing.overdue" as const;
  return row.status === "responded" ? ("advice.timing.inTime" as const) : ("advice.timing.open" as const);
}
