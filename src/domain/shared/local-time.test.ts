import { describe, expect, it } from "vitest";
import { dutchTime } from "./local-time.ts";

describe("dutchTime", () => {
  it("is one hour ahead of UTC in winter and two in summer", () => {
    expect(dutchTime("2019-02-14", "09:30").toISOString()).toBe("2019-02-14T08:30:00.000Z");
    expect(dutchTime("2018-06-14", "09:00").toISOString()).toBe("2018-06-14T07:00:00.000Z");
    expect(dutchTime("2019-10-11").toISOString()).toBe("2019-10-10T22:00:00.000Z");
  });

  it("handles the days the clocks change", () => {
    expect(dutchTime("2019-03-31", "03:30").toISOString()).toBe("2019-03-31T01:30:00.000Z");
    expect(dutchTime("2019-03-31", "01:30").toISOString()).toBe("2019-03-31T00:30:00.000Z");
    expect(dutchTime("2019-10-27", "04:00").toISOString()).toBe("2019-10-27T03:00:00.000Z");
  });

  it("refuses what is not a date and a time", () => {
    expect(() => dutchTime("14-02-2019", "09:30")).toThrow(RangeError);
    expect(() => dutchTime("2019-02-14", "9:30")).toThrow(RangeError);
  });
});
