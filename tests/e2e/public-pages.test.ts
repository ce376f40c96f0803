import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatMoney } from "../../app/i18n/format.ts";
import { PROGRAMME_CAP_CENTS, PROGRAMME_SHARE_PERCENT } from "../../src/domain/programme/index.ts";
import { seedDemo } from "../../src/seed/index.ts";
import { type AppInstance, startApp } from "../support/app-instance.ts";
import { bothModes, expectAccessible, launchBrowser, openTab } from "../support/browser.ts";

let app: AppInstance;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  await seedDemo(app.database.db, { now: new Date("2026-11-22T09:00:00Z") });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

type Visit = { path: string; h1: RegExp; shows: string[]; status?: number };

/**
 * The cost-sharing rule as every trajectory it applies to states it, with the numbers `shareCosts` computes with:
 * the pages fail here if the sentence goes or its numbers drift from the constants.
 */
const costShareRule = {
  nl: `Het programma betaalt ${PROGRAMME_SHARE_PERCENT}% van de kosten voor lokaal maatwerk, met een maximum van ${formatMoney("nl", PROGRAMME_CAP_CENTS)} per gemeente per traject.`,
  en: `The programme pays ${PROGRAMME_SHARE_PERCENT}% of the costs of local support, at most ${formatMoney("en", PROGRAMME_CAP_CENTS)} per municipality per trajectory.`,
};

/** Every public page, with real seed content it must show, in each language. */
const visits: Record<"nl" | "en", Visit[]> = {
  nl: [
    { path: "/", h1: /samen werken aan lokale democratie/, shows: ["Kernendemocratie", "Gemeente Veenhoven"] },
    {
      path: "/programma",
      h1: /Aanbod van Democratie in Actie/,
      shows: ["Anders werken aan stad, dorp en land #2", costShareRule.nl],
    },
    {
      path: "/programma/trajecten/kernendemocratie",
      h1: /Kernendemocratie/,
      shows: [
        "Emma Klever",
        "minimaal 10",
        "Freek van Berkel (Common Eye)",
        "vanaf 14 februari 2019, 12 maanden",
        costShareRule.nl,
      ],
    },
    {
      path: "/programma/trajecten/faciliteren-van-lokaal-maatschappelijk-initiatief",
      h1: /Faciliteren van lokaal maatschappelijk initiatief/,
      shows: [
        "Jitske van Popering-Verkerk (Erasmus Universiteit Rotterdam)",
        "Mathilde van de Ven (VNG)",
        costShareRule.nl,
      ],
    },
    {
      path: "/programma/trajecten/anders-werken-aan-stad-dorp-en-land-2",
      h1: /Anders werken aan stad, dorp en land #2/,
      shows: [
        "maximaal 15",
        "9 september 2019",
        "vrijdag 11 oktober 2019 (tijden volgen)",
        costShareRule.nl,
        "Meer over het traject",
        "Bent u ontwerper of stadmaker en wilt u meedoen?",
      ],
    },
    {
      path: "/programma/bijeenkomsten/opstartsessie-ontwikkeltrajecten-2019",
      h1: /Opstartsessie Ontwikkeltrajecten/,
      shows: ["09:30–10:00", "13:30–16:00", "Opstartsessie Veranderprocessen in de lokale democratie"],
    },
    {
      path: "/programma/ontwerpsessies",
      h1: /Regionale ontwerpsessies 2018/,
      shows: ["Stadskantoor Utrecht, Stadsplateau 1, Utrecht", "donderdag 14 juni 2018", "09:00–12:00", "Podium Bloos"],
    },
    {
      path: "/programma/workshops/van-burgerparticipatie-naar-overheidsparticipatie",
      h1: /van Burgerparticipatie naar Overheidsparticipatie/,
      shows: ["Op aanvraag", "Raadsleden", "1 dagdeel", "Sociaal domein"],
    },
    { path: "/toegankelijkheid", h1: /Toegankelijkheidsverklaring/, shows: ["WCAG 2.2", "axe"] },
    { path: "/privacy", h1: /Privacyverklaring/, shows: ["e-mailadres", "Mijn account"] },
    { path: "/dijkstad", h1: /Gemeente Dijkstad/, shows: ["Provincie Zuid-Holland", "Burgerbegroting"] },
    { path: "/veenhoven", h1: /Gemeente Veenhoven/, shows: ["Provincie Drenthe", "twaalf dorpen"] },
    {
      path: "/veenhoven/burgerbegroting/dorpsbudget-2025/uitvoering",
      h1: /Uitvoering – Dorpsbudget Veenhoven 2025/,
      shows: ["Speeltuin op de Brink", "Nu: Gerealiseerd", "De speeltuin is weer open.", "Volg een gekozen plan"],
    },
    { path: "/bestaat-niet", h1: /Pagina niet gevonden/, shows: [], status: 404 },
    { path: "/democratie-in-actie", h1: /Pagina niet gevonden/, shows: [], status: 404 },
  ],
  en: [
    { path: "/", h1: /working together on local democracy/, shows: ["What is Samenspel?", "Gemeente Dijkstad"] },
    {
      path: "/programma",
      h1: /What Democratie in Actie offers/,
      shows: ["Development trajectories", costShareRule.en],
    },
    {
      path: "/programma/trajecten/kernendemocratie",
      h1: /Kernendemocratie/,
      shows: ["Emma Klever", "at least 10", "from 14 February 2019, 12 months", "We offer", costShareRule.en],
    },
    {
      path: "/programma/bijeenkomsten/opstartsessie-ontwikkeltrajecten-2019",
      h1: /Opstartsessie Ontwikkeltrajecten/,
      shows: ["09:30–10:00", "Walk-in", "Parallel session, one of 3"],
    },
    {
      path: "/programma/ontwerpsessies",
      h1: /Regional design sessions 2018/,
      shows: ["Stadskantoor Utrecht, Stadsplateau 1, Utrecht", "Thursday, 14 June 2018"],
    },
    {
      path: "/programma/workshops/van-burgerparticipatie-naar-overheidsparticipatie",
      h1: /van Burgerparticipatie naar Overheidsparticipatie/,
      shows: ["On request", "Councillors", "1 half-day"],
    },
    { path: "/toegankelijkheid", h1: /Accessibility statement/, shows: ["WCAG 2.2", "keyboard"] },
    { path: "/privacy", h1: /Privacy statement/, shows: ["e-mail address", "My account"] },
    { path: "/dijkstad", h1: /Gemeente Dijkstad/, shows: ["Province of Zuid-Holland", "riverside town"] },
    { path: "/veenhoven", h1: /Gemeente Veenhoven/, shows: ["Province of Drenthe", "twelve villages"] },
    {
      path: "/veenhoven/burgerbegroting/dorpsbudget-2025/uitvoering",
      h1: /Realisation – Dorpsbudget Veenhoven 2025/,
      shows: ["Opknappen dorpshuis Witteveen", "Now: In progress", "Follow a chosen plan"],
    },
    { path: "/bestaat-niet", h1: /Page not found/, shows: [], status: 404 },
  ],
};

async function visit(page: Page, { path, h1, shows, status = 200 }: Visit) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(status);
  expect(await page.locator("h1").textContent(), path).toMatch(h1);
  const text = await page.locator("main").textContent();
  for (const expected of shows) expect(text, path).toContain(expected);
  await expectAccessible(page);
  return page.title();
}

describe.each(["nl", "en"] as const)("public pages in %s", (locale) => {
  it("shows the seeded content on every page, each with its own title, accessibly", async () => {
    const page = await openTab(browser, app.url, { javaScript: true });
    if (locale === "en") {
      await page.goto("/");
      await page.getByRole("button", { name: "Switch to English" }).click();
      await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
    }
    const titles = [];
    for (const target of visits[locale]) titles.push(await visit(page, target));
    const pageTitles = titles.filter((_, i) => visits[locale][i]!.status === undefined);
    expect(new Set(pageTitles).size, pageTitles.join(" | ")).toBe(pageTitles.length);
    await page.context().close();
  });
});

describe("reflow", () => {
  it("fits every page into 320 CSS pixels without sideways scrolling (WCAG 1.4.10)", async () => {
    const page = await openTab(browser, app.url, { javaScript: false });
    await page.setViewportSize({ width: 320, height: 640 });
    for (const { path } of visits.nl) {
      await page.goto(path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
    }
    await page.context().close();
  });
});

describe("municipality themes", () => {
  it("gives each municipality its own root class, stylesheet, logo and colours", async () => {
    const page = await openTab(browser, app.url, { javaScript: false });
    const accent = () =>
      page.locator(".samenspel-page-header").evaluate((header) => getComputedStyle(header).borderBottomColor);

    await page.goto("/programma");
    expect(await page.locator("html").getAttribute("class")).toBe("voorbeeld-theme");
    const programmeAccent = await accent();

    await page.goto("/dijkstad");
    expect(await page.locator("html").getAttribute("class")).toBe("voorbeeld-theme dijkstad-theme");
    expect(await page.getByRole("img", { name: "Logo van Gemeente Dijkstad" }).count()).toBe(1);
    expect(await accent()).toBe("rgb(0, 100, 105)");

    await page.goto("/veenhoven");
    expect(await page.locator("html").getAttribute("class")).toBe("voorbeeld-theme veenhoven-theme");
    expect(await accent()).toBe("rgb(125, 52, 17)");
    expect(programmeAccent).not.toBe(await accent());
    await page.context().close();
  });
});

describe.each(bothModes)("the offer's theme filter $name", (mode) => {
  it("narrows the trajectories to one theme and back", async () => {
    const page = await openTab(browser, app.url, mode);
    await page.goto("/programma");
    await page.getByLabel("Thema").selectOption("Kernendemocratie");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/thema=Kernendemocratie/);
    await expect.poll(() => page.getByRole("status").textContent()).toBe("1 ontwikkeltraject gevonden.");
    expect(await page.title()).toContain("Aanbod over Kernendemocratie");
    await expectAccessible(page);

    await page.getByLabel("Thema").selectOption("");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toBe("6 ontwikkeltrajecten gevonden.");
    await page.context().close();
  });
});

describe("skip link and breadcrumbs", () => {
  it("jumps to the main content and shows the trail to the page", async () => {
    const page = await openTab(browser, app.url, { javaScript: true });
    await page.goto("/programma/bijeenkomsten/ontwerpsessie-utrecht-2018");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Direct naar de inhoud" });
    await expect.poll(() => skip.evaluate((link) => link === document.activeElement)).toBe(true);
    const trail = page.getByRole("navigation", { name: "Kruimelpad" }).getByRole("link");
    expect(await trail.allInnerTexts()).toEqual([
      "Home",
      "Programma",
      "Regionale ontwerpsessies 2018",
      "Regionale ontwerpsessie Midden-west in Utrecht",
    ]);
    expect(await trail.last().getAttribute("aria-current")).toBe("page");
    await page.context().close();
  });
});
