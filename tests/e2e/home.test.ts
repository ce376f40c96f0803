import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withPlatform } from "../../src/db/index.ts";
import { createTenant } from "../../src/domain/tenancy/index.ts";
import { type AppInstance, startApp } from "../support/app-instance.ts";
import { bothModes, expectAccessible, launchBrowser, openTab } from "../support/browser.ts";

let app: AppInstance;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  await withPlatform(app.database.db, (tx) =>
    createTenant(tx, { slug: "dijkstad", name: "Gemeente Dijkstad", kind: "municipality" }),
  );
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe.each(bothModes)("home page $name", (mode) => {
  it("shows the municipalities and switches to English and back", async () => {
    const page = await openTab(browser, app.url, mode);
    await page.goto("/");
    await expect.poll(() => page.locator("h1").textContent()).toContain("lokale democratie");
    await expect.poll(() => page.getByRole("link", { name: "Gemeente Dijkstad" }).count()).toBe(1);
    await expectAccessible(page);

    await page.getByRole("button", { name: "Switch to English" }).click();
    await page.waitForURL(`${app.url}/`);
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
    await expect.poll(() => page.locator("h1").textContent()).toContain("local democracy");
    await expectAccessible(page);

    await page.getByRole("button", { name: "Wissel naar Nederlands" }).click();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("nl");
    await page.context().close();
  });
});
