import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withPlatform } from "../../src/db/index.ts";
import { findOrCreatePerson, grantRole } from "../../src/domain/identity/index.ts";
import { createTenant } from "../../src/domain/tenancy/index.ts";
import { type AppInstance, startApp } from "../support/app-instance.ts";
import { bothModes, expectAccessible, launchBrowser, openTab } from "../support/browser.ts";
import { linkIn, type Mailbox, startMailbox } from "../support/mailbox.ts";

let app: AppInstance;
let browser: Browser;
let mailbox: Mailbox;

beforeAll(async () => {
  mailbox = await startMailbox();
  app = await startApp({ env: { SMTP_URL: mailbox.url } });
  await withPlatform(app.database.db, async (tx) => {
    const tenant = await createTenant(tx, { slug: "dijkstad", name: "Gemeente Dijkstad", kind: "municipality" });
    for (const email of ["staff-js@dijkstad.nl", "staff-nojs@dijkstad.nl"]) {
      const person = await findOrCreatePerson(tx, { email, displayName: "Sanne de Vries" });
      await grantRole(tx, { tenantId: tenant.id, personId: person.id, role: "municipal-staff" });
    }
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await mailbox?.close();
});

describe.each(bothModes)("signing in with an e-mail link $name", (mode) => {
  const staffEmail = mode.javaScript ? "staff-js@dijkstad.nl" : "staff-nojs@dijkstad.nl";

  it("mails a link that signs in after a confirming click, once, and back to where the person was going", async () => {
    const page = await openTab(browser, app.url, mode);
    await page.goto("/account");
    await page.waitForURL(/\/inloggen\?terug=%2Faccount/);
    await expectAccessible(page);

    await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
    await expect.poll(() => page.getByText("Vul dit veld in.").count()).toBeGreaterThan(0);
    await expectAccessible(page);

    await page.getByLabel("E-mailadres").first().fill(staffEmail);
    await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
    await page.waitForURL(/\/inloggen\/verstuurd$/);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Kijk in uw mail");
    await expectAccessible(page);

    const mail = await mailbox.waitForMail(staffEmail);
    expect(mail.subject).toBe("Uw inloglink voor Samenspel");
    const link = linkIn(mail, `${app.url}/inloggen/link/`);
    await page.goto(link);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Inloggen bevestigen");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Inloggen", exact: true }).click();
    await page.waitForURL(`${app.url}/account`);
    await expect.poll(() => page.locator("main").textContent()).toContain("Medewerker gemeente bij Gemeente Dijkstad");
    await expectAccessible(page);

    await page.getByRole("link", { name: "Naar beheer van Gemeente Dijkstad" }).click();
    await page.waitForURL(`${app.url}/dijkstad/beheer`);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Beheer – Gemeente Dijkstad");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Team" }).click();
    await page.waitForURL(`${app.url}/dijkstad/beheer/team`);
    await expect.poll(() => page.locator("main").textContent()).toContain(staffEmail);
    await expectAccessible(page);

    // The link was used up: opening it again shows the button, and pressing it says so.
    await page.goto(link);
    await page.getByRole("button", { name: "Inloggen", exact: true }).click();
    await expect.poll(() => page.getByText("Deze inloglink werkt niet meer").count()).toBe(1);
    await expectAccessible(page);

    await page.getByRole("button", { name: "Uitloggen" }).click();
    await page.waitForURL(/\/inloggen\?melding=uitgelogd/);
    await expect.poll(() => page.getByText("U bent uitgelogd.").count()).toBe(1);
    await page.goto("/account");
    await page.waitForURL(/\/inloggen\?terug=/);
    await page.context().close();
  });

  it("answers an unknown address exactly like a known one, and makes the account on first use", async () => {
    const newcomer = mode.javaScript ? "nieuw-js@example.nl" : "nieuw-nojs@example.nl";
    const page = await openTab(browser, app.url, mode);
    await page.goto("/inloggen");
    await page.getByLabel("E-mailadres").first().fill(newcomer);
    await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
    await page.waitForURL(/\/inloggen\/verstuurd$/);
    const mail = await mailbox.waitForMail(newcomer);
    await page.goto(linkIn(mail, `${app.url}/inloggen/link/`));
    await page.getByRole("button", { name: "Inloggen", exact: true }).click();
    await page.waitForURL(`${app.url}/account`);
    await expect.poll(() => page.locator("main").textContent()).toContain(newcomer);
    await expect.poll(() => page.locator("main").textContent()).toContain("U heeft nog geen rollen");

    await page.getByLabel("Ja, verwijder mijn account definitief").check();
    await page.getByRole("button", { name: "Account verwijderen" }).click();
    await page.waitForURL(/\/inloggen\?melding=verwijderd/);
    await expect.poll(() => page.getByText("Uw account is verwijderd.").count()).toBe(1);
    await expectAccessible(page);
    await page.context().close();
  });
});
