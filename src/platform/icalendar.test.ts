import { describe, expect, it } from "vitest";
import { toICalendar } from "./icalendar.ts";

describe("toICalendar", () => {
  it("writes events with stable ids and UTC times, folding and escaping as RFC 5545 asks", () => {
    const text = toICalendar({
      name: "Democratie in Actie",
      events: [
        {
          uid: "slot-1@samenspel",
          startsAt: new Date("2019-02-14T09:00:00Z"),
          endsAt: new Date("2019-02-14T11:30:00Z"),
          title: "Opstartsessie Kernendemocratie; track 1, ochtend",
          location: "Stadskantoor Utrecht, Stadsplateau 1, Utrecht",
        },
      ],
    });
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text).toContain("METHOD:PUBLISH");
    expect(text).toContain("UID:slot-1@samenspel");
    expect(text).toContain("DTSTART:20190214T090000Z");
    expect(text).toContain("DTEND:20190214T113000Z");
    expect(text).toContain("SUMMARY:Opstartsessie Kernendemocratie\\; track 1\\, ochtend");
    expect(text.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
  });
});
