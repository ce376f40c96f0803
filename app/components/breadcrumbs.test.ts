import { describe, expect, it } from "vitest";
import { translator } from "../i18n/catalogue.ts";
import { endingHere } from "./breadcrumbs.tsx";
import { staffTrail } from "./staff-pages.ts";

const t = translator("nl");

describe("the staff area's breadcrumbs", () => {
  it("lead from the overview through the menu section to the page, for the programme and a municipality", () => {
    expect(staffTrail("/beheer/kennisbank/0b4a7d2e-1c7e-4a53-9a1e-2f0a6f1c9d11", "Les bewerken", t)).toEqual([
      { label: "Overzicht", to: "/beheer" },
      { label: "Kennisbank", to: "/beheer/kennisbank" },
      { label: "Les bewerken", to: "/beheer/kennisbank/0b4a7d2e-1c7e-4a53-9a1e-2f0a6f1c9d11" },
    ]);
    expect(staffTrail("/beheer/trajecten/kernen/kosten/abc", "Kostenoverzicht", t).map((c) => c.to)).toEqual([
      "/beheer",
      "/beheer/trajecten",
      "/beheer/trajecten/kernen/kosten/abc",
    ]);
    expect(staffTrail("/dijkstad/beheer/fondsen", "Fondsen", t).map((c) => c.to)).toEqual([
      "/dijkstad/beheer",
      "/dijkstad/beheer/fondsen",
    ]);
    expect(staffTrail("/beheer", "Beheer", t)).toEqual([{ label: "Overzicht", to: "/beheer" }]);
  });

  it("give no trail outside the staff area", () => {
    expect(staffTrail("/programma/trajecten/kernen", "Kernen", t)).toEqual([]);
  });
});

describe("a trail from the routes' handles", () => {
  const municipality = [{ label: "Gemeente Dijkstad", to: "/dijkstad" }];
  it("ends at the page itself, by its title, when the handles stop above it", () => {
    expect(endingHere(municipality, "/dijkstad/burgerbegroting/2026/stemmen", "Stemmen")).toEqual([
      ...municipality,
      { label: "Stemmen", to: "/dijkstad/burgerbegroting/2026/stemmen" },
    ]);
  });
  it("is left alone when it already ends at the page, or there is no trail or title", () => {
    expect(endingHere(municipality, "/dijkstad/", "Gemeente Dijkstad")).toEqual(municipality);
    expect(endingHere([], "/programma", "Programma")).toEqual([]);
    expect(endingHere(municipality, "/dijkstad/x", undefined)).toEqual(municipality);
  });
});
