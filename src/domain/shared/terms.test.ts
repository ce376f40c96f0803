import { describe, expect, it } from "vitest";
import { dutchDateOf } from "./local-time.ts";
import { calendarWith, dueOn, isDayOff, isLate, legalHolidays } from "./terms.ts";

describe("legalHolidays", () => {
  it("takes exactly the days of the Algemene termijnenwet from date-holidays, Good Friday included", () => {
    expect([...legalHolidays(2026)]).toEqual([
      ["2026-01-01", "Nieuwjaar"],
      ["2026-04-03", "Goede Vrijdag"],
      ["2026-04-06", "Tweede paasdag"],
      ["2026-04-27", "Koningsdag"],
      ["2026-05-05", "Bevrijdingsdag"],
      ["2026-05-14", "Hemelvaartsdag"],
      ["2026-05-25", "Tweede pinksterdag"],
      ["2026-12-25", "Kerstmis"],
      ["2026-12-26", "Tweede kerstdag"],
    ]);
  });

  it("holds King's Day on Saturday 26 April when 27 April is a Sunday", () => {
    expect(legalHolidays(2025).has("2025-04-26")).toBe(true);
    expect(legalHolidays(2025).has("2025-04-27")).toBe(false);
    expect(legalHolidays(2031).has("2031-04-26")).toBe(true);
  });
});

describe("dueOn, calendar terms", () => {
  it("extends a term that ends on Good Friday past Easter Monday", () => {
    // Tuesday 31 March 2026 + 3 days = Good Friday 3 April; Saturday, Sunday, Easter Monday follow.
    expect(dueOn("2026-03-31", { length: 3, unit: "calendar-days" })).toBe("2026-04-07");
  });

  it("extends an Awb term of 8 weeks that ends on King's Day", () => {
    expect(dueOn("2026-03-02", { length: 8, unit: "weeks" })).toBe("2026-04-28");
  });

  it("extends past King's Day moved to Saturday 26 April, and the Sunday after it", () => {
    expect(dueOn("2025-04-19", { length: 7, unit: "calendar-days" })).toBe("2025-04-28");
  });

  it("extends past Christmas and the weekend", () => {
    expect(dueOn("2026-12-18", { length: 7, unit: "calendar-days" })).toBe("2026-12-28");
  });

  it("crosses the year boundary past New Year's Day and the decree's bridge day of 2 January 2026", () => {
    expect(dueOn("2025-12-22", { length: 10, unit: "calendar-days" })).toBe("2026-01-05");
  });

  it("extends past Ascension Day and the bridge day of 15 May 2026", () => {
    expect(dueOn("2026-05-07", { length: 7, unit: "calendar-days" })).toBe("2026-05-18");
  });

  it("leaves a term that ends on a working day alone", () => {
    expect(dueOn("2026-03-02", { length: 4, unit: "weeks" })).toBe("2026-03-30");
    expect(dueOn("2026-04-28", { length: 1, unit: "calendar-days" })).toBe("2026-04-29");
  });
});

describe("dueOn, working days", () => {
  it("skips Good Friday, the Easter weekend and Easter Monday throughout", () => {
    expect(dueOn("2026-04-02", { length: 2, unit: "working-days" })).toBe("2026-04-08");
  });

  it("skips Christmas, New Year's Day and the decree's 2 January across the year boundary", () => {
    expect(dueOn("2025-12-23", { length: 5, unit: "working-days" })).toBe("2026-01-05");
  });

  it("skips King's Day and Liberation Day", () => {
    expect(dueOn("2026-04-24", { length: 1, unit: "working-days" })).toBe("2026-04-28");
    expect(dueOn("2026-05-04", { length: 1, unit: "working-days" })).toBe("2026-05-06");
  });

  it("skips the days a municipality adds to the calendar", () => {
    const calendar = calendarWith(["2026-06-01"]);
    expect(isDayOff("2026-06-01", calendar)).toBe(true);
    expect(isDayOff("2026-06-01")).toBe(false);
    expect(dueOn("2026-05-29", { length: 1, unit: "working-days" }, calendar)).toBe("2026-06-02");
    expect(dueOn("2026-05-25", { length: 7, unit: "calendar-days" }, calendar)).toBe("2026-06-02");
  });

  it("refuses a term of no days and a date that does not exist", () => {
    expect(() => dueOn("2026-01-05", { length: 0, unit: "working-days" })).toThrow(RangeError);
    expect(() => dueOn("2026-02-30", { length: 1, unit: "calendar-days" })).toThrow(RangeError);
  });
});

describe("isLate", () => {
  it("counts the whole last day in the Netherlands as in time", () => {
    // 23:30 in Amsterdam (summer time) on the due date is in time; 00:30 the next day is late.
    expect(
      isLate({ dueOn: "2026-04-07", doneAt: new Date("2026-04-07T21:30:00Z"), now: new Date("2026-05-01T00:00:00Z") }),
    ).toBe(false);
    expect(
      isLate({ dueOn: "2026-04-07", doneAt: new Date("2026-04-07T22:30:00Z"), now: new Date("2026-04-07T22:30:00Z") }),
    ).toBe(true);
  });

  it("is late when nothing was done and the last day is over, not before", () => {
    expect(isLate({ dueOn: "2026-12-28", now: new Date("2026-12-28T22:59:00Z") })).toBe(false);
    expect(isLate({ dueOn: "2026-12-28", now: new Date("2026-12-28T23:00:00Z") })).toBe(true);
  });

  it("reads an instant as a Dutch date in winter and summer time", () => {
    expect(dutchDateOf(new Date("2026-01-01T23:30:00Z"))).toBe("2026-01-02");
    expect(dutchDateOf(new Date("2026-07-01T21:59:00Z"))).toBe("2026-07-01");
    expect(dutchDateOf(new Date("2026-07-01T22:00:00Z"))).toBe("2026-07-02");
  });
});
