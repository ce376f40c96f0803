import type { MeetingSummary, TrajectorySummary } from "../../src/domain/programme/index.ts";
import type { Translate } from "../i18n/catalogue.ts";
import type { Locale } from "../i18n/define-messages.ts";
import { formatCalendarDate, formatDate, formatTimeRange } from "../i18n/format.ts";

type Period = Pick<TrajectorySummary, "startsOn" | "endsOn" | "durationMonths">;

/** "1 september 2019 tot en met 31 januari 2020", "vanaf 14 februari 2019, 12 maanden" */
export function periodText(t: Translate, locale: Locale, p: Period): string {
  if (!p.startsOn) return t("period.unknown");
  const from = formatCalendarDate(locale, p.startsOn);
  if (p.endsOn) return t("period.range", { from, to: formatCalendarDate(locale, p.endsOn) });
  if (p.durationMonths) return t("period.fromFor", { from, months: p.durationMonths });
  return t("period.from", { from });
}

type Places = Pick<TrajectorySummary, "minMunicipalities" | "maxMunicipalities">;

/** How many municipalities can take part: "maximaal 15", "minimaal 10", "10 tot 15". */
export function placesText(t: Translate, p: Places): string {
  const { minMunicipalities: min, maxMunicipalities: max } = p;
  if (min && max) return t("places.range", { min, max });
  if (max) return t("places.max", { max });
  if (min) return t("places.min", { min });
  return t("places.unknown");
}

/** "donderdag 14 februari 2019, 09:30–16:00", or the date alone for a meeting whose times are still to follow. */
export function meetingWhenText(
  t: Translate,
  locale: Locale,
  m: Pick<MeetingSummary, "startsAt" | "endsAt" | "allDay">,
) {
  const date = formatDate(locale, m.startsAt);
  return m.allDay
    ? t("meeting.allDay", { date })
    : t("meeting.at", { date, time: formatTimeRange(locale, m.startsAt, m.endsAt) });
}
