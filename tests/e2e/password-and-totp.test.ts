import { generateSync } from "otplib";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withPlatform } from "../../src/db/index.ts";
import { createSession, findOrCreatePerson } from "../../src/domain/identity/index.ts";
import { type AppInstance, startApp } from "../support/app-instance.ts";
import { bothModes, expectAccessible, launchBrowser, openTab } from "../support/browser.ts";

let app: AppInstance;
let browser: Browser;
const PASSWORD = "drie woorden als wachtwoord";

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** A tab already signed in as a fresh person (the sign-in journeys themselves are tested elsewhere). */
async function signedInTab(mode: { javaScript: boolean }, email: string): Promise<Page> {
  const session = await withPlatform(app.database.db, async (tx) => {
    const person = await findOrCreatePerson(tx, { email, displayName: "Pim Wachtwoord" });
    return createSession(tx, { personId: person.id, method: "magic-link", now: new Date() });
  });
  const page = await openTab(browser, app.url, mode);
  await page.context().addCookies([{ name: "samenspel-sessie", value: session.token, url: app.url }]);
  return page;
}

/** The app's code now, or `ahead` seconds from now: a code works once, so a second sign-in takes the next one. */
const codeFor = (secret: string, ahead = 0) => generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + ahead });

describe.each(bothModes)("password and two-step verification $name", (mode) => {
  it("sets a password and TOTP, then signs in with both", async () => {
    const email = mode.javaScript ? "pim-js@example.nl" : "pim-nojs@example.nl";
    const page = await signedInTab(mode, email);
    await page.goto("/account");
    await page.getByRole("link", { name: "Wachtwoord en tweestapsverificatie" }).click();
    await page.waitForURL(`${app.url}/account/beveiliging`);
    await expectAccessible(page);

    await page.getByLabel("Nieuw wachtwoord", { exact: true }).fill("kort");
    await page.getByLabel("Herhaal het nieuwe wachtwoord").fill("anders");
    await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
    await expect.poll(() => page.getByText("Kies een wachtwoord van minstens 12 tekens.").count()).toBeGreaterThan(0);
    await expectAccessible(page);

    await page.getByLabel("Nieuw wachtwoord", { exact: true }).fill(PASSWORD);
    await page.getByLabel("Herhaal het nieuwe wachtwoord").fill(PASSWORD);
    await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
    await expect.poll(() => page.getByText("Uw wachtwoord is opgeslagen.").count()).toBe(1);

    const secret = (await page.getByTestId("totp-secret").textContent()) ?? "";
    await page.getByLabel("Code uit de app").fill("000000");
    await page.getByRole("button", { name: "Tweestapsverificatie aanzetten" }).click();
    await expect.poll(() => page.getByText("Deze code klopt niet.").count()).toBeGreaterThan(0);
    expect(await page.getByTestId("totp-secret").textContent()).toBe(secret);
    await page.getByLabel("Code uit de app").fill(codeFor(secret));
    await page.getByRole("button", { name: "Tweestapsverificatie aanzetten" }).click();
    await expect.poll(() => page.getByText("Tweestapsverificatie staat nu aan.").count()).toBe(1);
    expect(await page.getByTestId("recovery-codes").locator("li").count()).toBe(10);
    await expectAccessible(page);

    await page.getByRole("button", { name: "Uitloggen" }).click();
    await page.waitForURL(/\/inloggen\?melding=uitgelogd/);
    await page.locator("#password").getByLabel("E-mailadres").fill(email);
    await page.getByLabel("Wachtwoord", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Inloggen met wachtwoord" }).click();
    await page.waitForURL(`${app.url}/inloggen/tweede-stap?terug=%2Faccount`);
    await expectAccessible(page);
    await page.getByLabel("Code").fill("123456");
    await page.getByRole("button", { name: "Bevestigen" }).click();
    await expect.poll(() => page.getByText("Deze code klopt niet.").count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await page.getByLabel("Code").fill(codeFor(secret, 30));
    await page.getByRole("button", { name: "Bevestigen" }).click();
    await page.waitForURL(`${app.url}/account`);
    await expect.poll(() => page.locator("main").textContent()).toContain(email);

    // A new phone: the page offers a new key (never the active one), to be confirmed with a code from each app.
    await page.goto("/account/beveiliging");
    await expect.poll(() => page.getByRole("heading", { name: "Nieuwe telefoon of app?" }).count()).toBe(1);
    expect(await page.getByTestId("totp-secret").textContent()).not.toBe(secret);
    await page.getByLabel("Code uit de nieuwe app").fill("000000");
    await page.getByRole("button", { name: "Nieuwe app gebruiken" }).click();
    await expect.poll(() => page.locator(".utrecht-form-field-error-message").count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await page.context().close();
  });
});
