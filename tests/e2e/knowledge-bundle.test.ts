import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../src/seed/index.ts";
import { type AppInstance, startApp } from "../support/app-instance.ts";
import { bothModes, expectAccessible, launchBrowser, openTab } from "../support/browser.ts";

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
    await expect.poll(() => page.getByRole("status").textContent()).toBe("1 les gevonden.");
    // Dutch stemming: the singular finds "gemeenten" in the text, which the snippet marks.
    await expect.poll(() => page.locator("mark").first().textContent()).toBe("gemeenten");
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
