import { describe, expect, it } from "vitest";
import { formatCalendarDate, formatDate, formatMoney, formatTimeRange } from "./format.ts";

describe("Dutch formats", () => {
  it("writes dates, times and money the Dutch way, in Dutch time", () => {
    expect(formatDate("nl", "2019-10-11")).toBe("vrijdag 11 oktober 2019");
    expect(formatCalendarDate("nl", "2019-09-09")).toBe("9 september 2019");
    expect(formatTimeRange("nl", new Date("2019-02-14T08:30:00Z"), new Date("2019-02-14T11:30:00Z"))).toBe(
      "09:30–12:30",
    );
    // Summer time: 07:00 UTC is 09:00 in Utrecht.
    expect(formatTimeRange("nl", new Date("2018-06-14T07:00:00Z"), new Date("2018-06-14T10:00:00Z"))).toBe(
      "09:00–12:00",
    );
    expect(formatMoney("nl", 500_000).replace(/\s/g, " ")).toBe("€ 5.000,00");
  });

  it("writes them the British way in English", () => {
    expect(formatDate("en", "2019-10-11")).toBe("Friday, 11 October 2019");
    expect(formatCalendarDate("en", "2019-09-09")).toBe("9 September 2019");
  });
});
