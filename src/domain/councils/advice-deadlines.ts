import { addDays, dueOn, dutchTime, isLate, type Term, type TermCalendar } from "../shared/index.ts";
import type { AdviceKind, AdviceStatus } from "./advice-states.ts";

/**
 * When advice is due and when it is late (ADR "When advice is late"). Deadlines are Dutch calendar dates, fixed when
 * their term starts: the council's on the day of the request, the municipality's on the day the advice came in.
 * Done on the last day itself is in time; a deadline whose day is over with nothing done is overdue, and counts as
 * late.
 */
export const adviceDueOn = (requestedOn: string, term: Term, calendar: TermCalendar) =>
  dueOn(requestedOn, term, calendar);
export const responseDueOn = (advisedOn: string, term: Term, calendar: TermCalendar) =>
  dueOn(advisedOn, term, calendar);

/** Reminders and escalations go out at nine in the morning, Dutch time. */
const MAIL_HOUR = "09:00";
/** The reminder: `days` calendar days before the last day; none when `days` is 0. */
export const reminderAt = (due: string, days: number): Date | null =>
  days > 0 ? dutchTime(addDays(due, -days), MAIL_HOUR) : null;
/** The escalation: the morning after the last day. */
export const escalationAt = (due: string): Date => dutchTime(addDays(due, 1), MAIL_HOUR);

export type AdviceDates = {
  kind: AdviceKind;
  status: AdviceStatus;
  requestedOn: string | null;
  adviceDueOn: string | null;
  advisedOn: string | null;
  advisedAt: Date | null;
  responseDueOn: string | null;
  respondedAt: Date | null;
};

export type AdviceTiming = {
  /** The council answered after its deadline; null for unsolicited advice. */
  adviceLate: boolean | null;
  /** Requested, not yet advised, and the council's deadline is over. */
  adviceOverdue: boolean;
  /** The municipality responded after its deadline. */
  responseLate: boolean;
  /** Advised, no response yet, and the municipality's deadline is over. */
  responseOverdue: boolean;
  /** The register's and the API's `late`: the municipality's response came late or is overdue. */
  late: boolean;
};

export function timingOf(a: AdviceDates, now: Date): AdviceTiming {
  const adviceLate = a.adviceDueOn ? isLate({ dueOn: a.adviceDueOn, doneAt: a.advisedAt, now }) : null;
  const responseMissed = a.responseDueOn ? isLate({ dueOn: a.responseDueOn, doneAt: a.respondedAt, now }) : false;
  const responseLate = a.status === "responded" && responseMissed;
  const responseOverdue = a.status === "advised" && responseMissed;
  return {
    adviceLate,
    adviceOverdue: a.status === "requested" && adviceLate === true,
    responseLate,
    responseOverdue,
    late: responseLate || responseOverdue,
  };
}

/** The year an advice belongs to in the register: the year it was asked for, or given unasked. */
export const adviceYearOf = (a: Pick<AdviceDates, "requestedOn" | "advisedOn">): number =>
  Number((a.requestedOn ?? a.advisedOn ?? "0").slice(0, 4));

export type AdviceTally = {
  councilId: string;
  year: number;
  total: number;
  /** Answered by the municipality, in time or not. */
  responded: number;
  respondedLate: number;
  /** Not answered, and the municipality's deadline is over. */
  responseOverdue: number;
  /** The council answered late, or has not answered and its deadline is over. */
  adviceLate: number;
};

/** How many responses were late or are overdue, per council and per year, in council and year order. */
export function tallyAdvice(rows: readonly (AdviceDates & { councilId: string })[], now: Date): AdviceTally[] {
  const tallies = new Map<string, AdviceTally>();
  for (const row of rows) {
    const year = adviceYearOf(row);
    const key = `${row.councilId}/${year}`;
    let tally = tallies.get(key);
    if (!tally) {
      tally = {
        councilId: row.councilId,
        year,
        total: 0,
        responded: 0,
        respondedLate: 0,
        responseOverdue: 0,
        adviceLate: 0,
      };
      tallies.set(key, tally);
    }
    const timing = timingOf(row, now);
    tally.total += 1;
    if (row.status === "responded") tally.responded += 1;
    if (timing.responseLate) tally.respondedLate += 1;
    if (timing.responseOverdue) tally.responseOverdue += 1;
    if (timing.adviceLate) tally.adviceLate += 1;
  }
  return [...tallies.values()].sort((a, b) => a.councilId.localeCompare(b.councilId) || b.year - a.year);
}
