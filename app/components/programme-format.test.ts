import { describe, expect, it } from "vitest";
import { meetingPlace } from "../../src/domain/programme/meeting-place.ts";
import { translator } from "../i18n/catalogue.ts";
import { meetingWhenText, periodText, placesText } from "./programme-format.ts";

const nl = translator("nl");
const en = translator("en");

describe("programme texts", () => {
  it("states a trajectory's period by its dates, its length or its start", () => {
    const period = { startsOn: "2019-09-01", endsOn: "2020-01-31", durationMonths: null };
    expect(periodText(nl, "nl", period)).toBe("1 september 2019 tot en met 31 januari 2020");
    expect(periodText(en, "en", period)).toBe("1 September 2019 to 31 January 2020");
    expect(periodText(nl, "nl", { startsOn: "2019-02-14", endsOn: null, durationMonths: 12 })).toBe(
      "vanaf 14 februari 2019, 12 maanden",
    );
    expect(periodText(nl, "nl", { startsOn: null, endsOn: null, durationMonths: null })).toBe("nog niet bekend");
  });

  it("states how many municipalities can take part", () => {
    expect(placesText(nl, { minMunicipalities: null, maxMunicipalities: 15 })).toBe("maximaal 15");
    expect(placesText(nl, { minMunicipalities: 10, maxMunicipalities: null })).toBe("minimaal 10");
    expect(placesText(en, { minMunicipalities: 10, maxMunicipalities: 15 })).toBe("10 to 15");
  });

  it("states when and where a meeting is, in Dutch time", () => {
    const utrecht = {
      startsAt: new Date("2018-06-14T07:00:00Z"),
      endsAt: new Date("2018-06-14T10:00:00Z"),
      allDay: false,
      venue: "Stadskantoor Utrecht",
      address: "Stadsplateau 1",
      city: "Utrecht",
    };
    expect(meetingWhenText(nl, "nl", utrecht)).toBe("donderdag 14 juni 2018, 09:00–12:00");
    expect(meetingPlace(utrecht)).toBe("Stadskantoor Utrecht, Stadsplateau 1, Utrecht");
    expect(meetingWhenText(nl, "nl", { ...utrecht, startsAt: new Date("2019-10-10T22:00:00Z"), allDay: true })).toBe(
      "vrijdag 11 oktober 2019 (tijden volgen)",
    );
    expect(meetingPlace({ venue: null, address: null, city: null })).toBeUndefined();
  });
});
