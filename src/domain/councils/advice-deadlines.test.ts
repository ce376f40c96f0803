import { describe, expect, it } from "vitest";
import { calendarWith, dutchTime, nationalCalendar } from "../shared/index.ts";
import { adviceDueOn, escalationAt, reminderAt, responseDueOn, tallyAdvice, timingOf } from "./advice-deadlines.ts";
import { adviceSteps, refusalOf, stepsFrom } from "./advice-states.ts";

const workingDays = (length: number) => ({ length, unit: "working-days" as const });
const calendarDays = (length: number) => ({ length, unit: "calendar-days" as const });

describe("advice deadlines across Dutch holidays", () => {
  it("skips Good Friday and Easter Monday in working days", () => {
    // Thursday 2 April 2026: Good Friday 3, weekend, Easter Monday 6 → the 1st working day is Tuesday 7 April.
    expect(adviceDueOn("2026-04-02", workingDays(1), nationalCalendar)).toBe("2026-04-07");
    expect(adviceDueOn("2026-04-02", workingDays(5), nationalCalendar)).toBe("2026-04-13");
  });

  it("extends a calendar term that ends on Good Friday past Easter Monday", () => {
    expect(responseDueOn("2026-03-06", { length: 4, unit: "weeks" }, nationalCalendar)).toBe("2026-04-07");
  });

  it("skips King's Day, and in 2031 holds it on Saturday 26 April", () => {
    // Friday 24 April 2026 + 1 working day: the weekend, Monday 27 April is King's Day → Tuesday 28.
    expect(adviceDueOn("2026-04-24", workingDays(1), nationalCalendar)).toBe("2026-04-28");
    // 2031: 27 April is a Sunday, King's Day is Saturday 26; a calendar term ending on the 26th moves to Monday 28.
    expect(adviceDueOn("2031-04-19", calendarDays(7), nationalCalendar)).toBe("2031-04-28");
    // …and Monday 28 April 2031 is an ordinary working day.
    expect(adviceDueOn("2031-04-25", workingDays(1), nationalCalendar)).toBe("2031-04-28");
  });

  it("runs over Christmas and into the new year, past New Year's Day", () => {
    // Friday 18 December 2026 + 10 working days: 21–24, (25, 26 off), 28–31, (1 Jan off), 4 Jan 2027, 5 Jan.
    expect(adviceDueOn("2026-12-18", workingDays(10), nationalCalendar)).toBe("2027-01-05");
    // Six calendar weeks from 20 November 2026 end on Friday 1 January 2027, a holiday → Monday 4 January.
    expect(adviceDueOn("2026-11-20", { length: 6, unit: "weeks" }, nationalCalendar)).toBe("2027-01-04");
  });

  it("skips the decree's bridge days and a municipality's own day off", () => {
    // 31 December 2025 + 1 working day: New Year's Day, bridge day Friday 2 January 2026, the weekend → Monday 5.
    expect(adviceDueOn("2025-12-31", workingDays(1), nationalCalendar)).toBe("2026-01-05");
    expect(adviceDueOn("2027-01-04", workingDays(1), calendarWith(["2027-01-05"]))).toBe("2027-01-06");
  });

  it("mails the reminder days before the last day and the escalation the morning after, at nine Dutch time", () => {
    expect(reminderAt("2027-01-05", 5)).toEqual(dutchTime("2026-12-31", "09:00"));
    expect(reminderAt("2027-01-05", 0)).toBeNull();
    expect(escalationAt("2027-01-05")).toEqual(new Date("2027-01-06T08:00:00Z"));
    expect(escalationAt("2026-06-30")).toEqual(new Date("2026-07-01T07:00:00Z"));
  });
});

const requested = {
  kind: "solicited" as const,
  status: "requested" as const,
  requestedOn: "2026-11-02",
  adviceDueOn: "2026-12-14",
  advisedOn: null,
  advisedAt: null,
  responseDueOn: null,
  respondedAt: null,
};
const advised = {
  ...requested,
  status: "advised" as const,
  advisedOn: "2026-12-10",
  advisedAt: new Date("2026-12-10T14:00:00Z"),
  responseDueOn: "2027-01-07",
};

describe("late and overdue", () => {
  it("counts a response on the last day, late in the Dutch evening, as in time", () => {
    // 22:30 UTC on 7 January is 23:30 in the Netherlands: still the 7th.
    const responded = { ...advised, status: "responded" as const, respondedAt: new Date("2027-01-07T22:30:00Z") };
    expect(timingOf(responded, new Date("2027-02-01T00:00:00Z"))).toMatchObject({ responseLate: false, late: false });
    // 23:30 UTC is already 8 January in the Netherlands.
    const late = { ...responded, respondedAt: new Date("2027-01-07T23:30:00Z") };
    expect(timingOf(late, new Date("2027-02-01T00:00:00Z"))).toMatchObject({ responseLate: true, late: true });
  });

  it("makes an unanswered advice overdue the day after its deadline, not on it", () => {
    expect(timingOf(advised, new Date("2027-01-07T20:00:00Z"))).toMatchObject({ responseOverdue: false, late: false });
    expect(timingOf(advised, new Date("2027-01-07T23:30:00Z"))).toMatchObject({ responseOverdue: true, late: true });
  });

  it("tells the council's lateness apart from the municipality's", () => {
    const now = new Date("2026-12-20T12:00:00Z");
    expect(timingOf(requested, now)).toMatchObject({ adviceLate: true, adviceOverdue: true, late: false });
    expect(timingOf(advised, now)).toMatchObject({ adviceLate: false, adviceOverdue: false, late: false });
    const unsolicited = { ...advised, kind: "unsolicited" as const, requestedOn: null, adviceDueOn: null };
    expect(timingOf(unsolicited, now).adviceLate).toBeNull();
  });

  it("tallies per council and year: responded, late, overdue", () => {
    const now = new Date("2027-03-01T12:00:00Z");
    const rows = [
      { ...advised, councilId: "a", status: "responded" as const, respondedAt: new Date("2027-01-05T10:00:00Z") },
      { ...advised, councilId: "a", status: "responded" as const, respondedAt: new Date("2027-01-20T10:00:00Z") },
      { ...advised, councilId: "a" },
      { ...requested, councilId: "a", requestedOn: "2027-01-11", adviceDueOn: "2027-02-22" },
      { ...advised, councilId: "b", advisedAt: new Date("2026-12-10T14:00:00Z") },
    ];
    expect(tallyAdvice(rows, now)).toEqual([
      { councilId: "a", year: 2027, total: 1, responded: 0, respondedLate: 0, responseOverdue: 0, adviceLate: 1 },
      { councilId: "a", year: 2026, total: 3, responded: 2, respondedLate: 1, responseOverdue: 1, adviceLate: 0 },
      { councilId: "b", year: 2026, total: 1, responded: 0, respondedLate: 0, responseOverdue: 1, adviceLate: 0 },
    ]);
  });
});

describe("the state table", () => {
  it("moves solicited advice requested → advised → responded and nothing else", () => {
    expect(adviceSteps.give).toMatchObject({ from: "requested", to: "advised" });
    expect(adviceSteps.respond).toMatchObject({ from: "advised", to: "responded" });
    expect(stepsFrom("requested")).toEqual(["give"]);
    expect(stepsFrom("advised")).toEqual(["respond"]);
    expect(stepsFrom("responded")).toEqual([]);
  });

  it("refuses every other move with a code that says why", () => {
    expect(refusalOf("give", "requested")).toBeNull();
    expect(refusalOf("give", "advised")).toBe("councils.advice-already-given");
    expect(refusalOf("give", "responded")).toBe("councils.advice-already-given");
    expect(refusalOf("respond", "advised")).toBeNull();
    expect(refusalOf("respond", "requested")).toBe("councils.advice-not-given-yet");
    expect(refusalOf("respond", "responded")).toBe("councils.advice-already-answered");
  });
});
