import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, seedDemo } from "../../src/seed/index.ts";
import { type AppInstance, startApp } from "../support/app-instance.ts";
import { bothModes, expectAccessible, launchBrowser, openTab, signInWithPassword } from "../support/browser.ts";

let app: AppInstance;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  await seedDemo(app.database.db, { now: new Date("2026-11-22T12:00:00Z") });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe.each(bothModes)("knowledge bundle $name", (mode) => {
  it("finds lessons by Dutch word forms and narrows them by theme", async () => {
    const page = await openTab(browser, app.url, mode);
    await page.goto("/kennisbank");
    await expect.poll(() => page.getByRole("status").textContent()).toBe("3 lessen gevonden.");
    await expectAccessible(page);

    await page.getByLabel("Zoek in de lessen").fill("gemeente");
    await page.getByRole("button", { name: "Zoeken" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toBe("2 lessen gevonden.");
    // Dutch stemming: the singular finds "gemeenten" in the text, which the snippet marks; the lesson with only the
    // compound "demogemeente" comes second (ADR 0034).
    await expect.poll(() => page.locator("mark").first().textContent()).toBe("gemeenten");
    await expect
      .poll(() => page.getByRole("heading", { level: 2 }).allTextContents())
      .toEqual([
        "Voorbeeldles: elke kern vraagt een eigen vorm van invloed",
        "Voorbeeldles: spelregels vooraf bekendmaken voorkomt teleurstelling",
      ]);
    await expectAccessible(page);

    await page.getByLabel("Zoek in de lessen").fill("");
    await page.getByLabel("Thema").selectOption("Spelregels");
    await page.getByRole("button", { name: "Zoeken" }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 2 }).allTextContents())
      .toContain("Voorbeeldles: spelregels vooraf bekendmaken voorkomt teleurstelling");
    await expect.poll(() => page.getByText("Ervaring van Gemeente Dijkstad").count()).toBe(1);
    await page.context().close();
  });
});

// After both searches above: these take a lesson out of the bundle that the searches count.
describe.each([
  { ...bothModes[0]!, lesson: "Voorbeeldles: een initiatievenloket is pas het begin" },
  { ...bothModes[1]!, lesson: "Voorbeeldles: elke kern vraagt een eigen vorm van invloed" },
])("a lesson corrected and withdrawn by programme staff $name", (mode) => {
  it("refuses an empty text, saves the correction, and takes the lesson out of the public bundle", async () => {
    const page = await openTab(browser, app.url, mode);
    await signInWithPassword(page, {
      path: "/beheer/kennisbank",
      email: "programma@example.org",
      password: DEMO_PASSWORD,
    });
    // "Bewerken" with the title hidden for the eye; the only link that names the lesson.
    await page.getByRole("link", { name: mode.lesson }).click();
    await page.waitForURL(/\/beheer\/kennisbank\/[0-9a-f-]{36}$/);
    // With JavaScript the address changes before the new page is drawn: wait for the form, so axe checks it.
    await page.getByLabel("Tekst").waitFor();
    await expectAccessible(page);

    await page.getByLabel("Tekst").fill("");
    await page.getByRole("button", { name: "Wijzigingen opslaan" }).click();
    await expect.poll(() => page.getByText("Vul dit veld in").count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await page
      .getByLabel("Tekst")
      .fill("Gecorrigeerd: een loket of fonds is pas het begin van een andere manier van werken.");
    await page.getByRole("button", { name: "Wijzigingen opslaan" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toBe("De les is bijgewerkt.");

    await page.getByRole("button", { name: "Publicatie intrekken" }).click();
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toBe("De les staat niet meer in de kennisbank. Hij is weer een concept.");
    expect(await page.getByRole("button", { name: "Publiceren" }).count()).toBe(1);
    await expectAccessible(page);

    await page.goto("/kennisbank");
    await expect.poll(() => page.getByRole("heading", { level: 2 }).allTextContents()).not.toContain(mode.lesson);
    await page.context().close();
  });
});
