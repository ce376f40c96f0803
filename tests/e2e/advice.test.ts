import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatCalendarDate } from "../../app/i18n/format.ts";
import { withPlatform, withTenant } from "../../src/db/index.ts";
import { adviceDueOn, createCouncil, DEFAULT_ADVICE_TERMS, seatMember } from "../../src/domain/councils/index.ts";
import { findOrCreatePerson, grantRole, setPassword } from "../../src/domain/identity/index.ts";
import { dutchDateOf, nationalCalendar } from "../../src/domain/shared/index.ts";
import { createTenant } from "../../src/domain/tenancy/index.ts";
import { type AppInstance, startApp } from "../support/app-instance.ts";
import { bothModes, expectAccessible, launchBrowser, openTab } from "../support/browser.ts";
import { givenKern } from "../support/tenant-fixtures.ts";

/** Issue 10, item 3: an advice request through to the municipality's response; a visitor reads the register. */
let app: AppInstance;
let browser: Browser;
const PASSWORD = "advies met een termijn";
const PDF = Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");

beforeAll(async () => {
  app = await startApp();
  for (const slug of ["adviesdorp", "adviesdorp-js"]) {
    const tenant = await withPlatform(app.database.db, async (tx) => {
      const created = await createTenant(tx, { slug, name: `Gemeente ${slug}`, kind: "municipality" });
      const people = [
        { email: `staf@${slug}.example.org`, displayName: "Sanne Staf", role: "municipal-staff" as const },
        { email: `secretaris@${slug}.example.org`, displayName: "Sietse Secretaris", role: "council-member" as const },
      ];
      const ids: string[] = [];
      for (const person of people) {
        const p = await findOrCreatePerson(tx, person);
        await grantRole(tx, { tenantId: created.id, personId: p.id, role: person.role });
        await setPassword(tx, { personId: p.id, password: PASSWORD, now: new Date() });
        ids.push(p.id);
      }
      return { id: created.id, secretaryId: ids[1]! };
    });
    const kern = await givenKern(app.database, tenant.id, "Esveld");
    await withTenant(app.database.db, { tenantId: tenant.id }, async (tx) => {
      const now = new Date();
      const council = await createCouncil(tx, {
        tenantId: tenant.id,
        slug: "dorpsraad-esveld",
        name: "Dorpsraad Esveld",
        kind: "village-council",
        basis: "association",
        basisUrl: null,
        description: "",
        memberSeats: 5,
        areaIds: [kern],
        actorPersonId: null,
        now,
      });
      await seatMember(tx, {
        tenantId: tenant.id,
        councilId: council.id,
        role: "secretary",
        name: "Sietse Secretaris",
        personId: tenant.secretaryId,
        startsOn: "2025-01-01",
        endsOn: null,
        actorPersonId: null,
        now,
      });
    });
  }
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function signIn(page: Page, email: string, path: string) {
  await page.goto(path);
  await page.waitForURL(/\/inloggen\?terug=/);
  await page.locator("#password").getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Inloggen met wachtwoord" }).click();
  await page.waitForURL(`${app.url}${path}`);
}

const status = (page: Page) => page.getByRole("status").first().textContent();
const fact = (page: Page, key: string) =>
  page
    .locator(".utrecht-data-list__item", { has: page.getByText(key, { exact: true }) })
    .locator(".utrecht-data-list__item-value")
    .first()
    .textContent();

describe.each(bothModes)("an advice request $name", (mode) => {
  it("goes from the request to the council's advice to the municipality's response, and the register shows it", async () => {
    const slug = mode.javaScript ? "adviesdorp-js" : "adviesdorp";
    // The deadline the page must show: six weeks (the default) from today, extended past a weekend or holiday.
    const due = formatCalendarDate(
      "nl",
      adviceDueOn(dutchDateOf(new Date()), DEFAULT_ADVICE_TERMS.councilTerm, nationalCalendar),
    );

    const staff = await openTab(browser, app.url, mode);
    await signIn(staff, `staf@${slug}.example.org`, `/${slug}/beheer/advies`);
    await expectAccessible(staff);
    // Bad input changes nothing and says what to fix.
    await staff.getByLabel("Onderwerp").fill("Speelplek aan de brink");
    await staff.getByRole("button", { name: "Advies vragen" }).click();
    await expect
      .poll(() => staff.getByText("Vraag aan de raad: Vul dit veld in.", { exact: false }).count())
      .toBeGreaterThan(0);
    await expectAccessible(staff);
    await staff.getByLabel("Raad", { exact: true }).selectOption({ label: "Dorpsraad Esveld" });
    await staff.getByLabel("Onderwerp").fill("Speelplek aan de brink");
    await staff.getByLabel("Vraag aan de raad").fill("Waar op de brink moet de speelplek komen?");
    await staff.getByRole("button", { name: "Advies vragen" }).click();
    await staff.waitForURL(/\/beheer\/advies\/[0-9a-f-]+\?melding=requested/);
    await expect.poll(() => status(staff)).toContain("De raad is om advies gevraagd.");
    expect(await fact(staff, "Advies uiterlijk")).toBe(`${due} (6 weken)`);
    await expectAccessible(staff);
    const itemUrl = staff.url().split("?")[0]!;
    // The question's background, public with the request.
    await staff.getByLabel("PDF bij de vraag toevoegen", { exact: true }).setInputFiles({
      name: "ontwerp brink.pdf",
      mimeType: "application/pdf",
      buffer: PDF,
    });
    await staff.getByRole("button", { name: "Bestand toevoegen" }).click();
    await staff.waitForURL(/melding=attached/);
    await expect.poll(() => staff.getByRole("link", { name: "ontwerp-brink.pdf (PDF, 1 kB)" }).count()).toBe(1);
    await expectAccessible(staff);

    const secretary = await openTab(browser, app.url, mode);
    await signIn(secretary, `secretaris@${slug}.example.org`, `/${slug}/raad/dorpsraad-esveld/advies`);
    await expect.poll(() => secretary.getByRole("heading", { name: "Speelplek aan de brink" }).count()).toBe(1);
    await expectAccessible(secretary);
    await secretary.getByLabel("PDF bij het advies toevoegen", { exact: true }).setInputFiles({
      name: "schets.pdf",
      mimeType: "application/pdf",
      buffer: PDF,
    });
    await secretary.getByRole("button", { name: "Bestand toevoegen" }).click();
    await secretary.waitForURL(/melding=attached/);
    await expect.poll(() => secretary.getByRole("link", { name: "schets.pdf (PDF, 1 kB)" }).count()).toBe(1);
    await expectAccessible(secretary);
    await secretary
      .getByRole("form", { name: "Advies geven: Speelplek aan de brink" })
      .getByLabel("Advies")
      .fill("Naast de school, zodat ouders kunnen meekijken.");
    await secretary.getByRole("button", { name: "Advies versturen", exact: true }).click();
    await secretary.waitForURL(/melding=given/);
    await expect.poll(() => status(secretary)).toContain("Het advies is verstuurd.");
    await expectAccessible(secretary);

    await staff.goto(itemUrl);
    await staff.getByLabel("Wat doet de gemeente met het advies?").selectOption("partly-adopted");
    await staff.getByLabel("Toelichting en redenen").fill("De speelplek komt naast de school; het hek komt later.");
    await staff.getByRole("button", { name: "Reactie vastleggen" }).click();
    await staff.waitForURL(/melding=responded/);
    await expect.poll(() => status(staff)).toContain("De reactie is vastgelegd.");
    expect(await fact(staff, "Te laat")).toBe("Op tijd");
    await expectAccessible(staff);

    const visitor = await openTab(browser, app.url, mode);
    await visitor.goto(`/${slug}/advies`);
    await expect.poll(() => visitor.getByRole("heading", { name: "Speelplek aan de brink" }).count()).toBe(1);
    expect(await visitor.getByText("Deels overgenomen").count()).toBe(1);
    // Both files are public now: the request's from the start, the advice's since it was given.
    const sketch = visitor.getByRole("link", { name: "schets.pdf (PDF, 1 kB)" });
    expect(await visitor.getByRole("link", { name: "ontwerp-brink.pdf (PDF, 1 kB)" }).count()).toBe(1);
    const served = await visitor.request.get(`${app.url}${await sketch.getAttribute("href")}`);
    expect(served.status()).toBe(200);
    expect(served.headers()["content-type"]).toBe("application/pdf");
    expect(await visitor.locator("table tbody tr").allTextContents()).toEqual([
      `Dorpsraad Esveld${new Date().getFullYear()}11000`,
    ]);
    expect(await visitor.content()).not.toContain("Sanne Staf");
    expect(await visitor.content()).not.toContain("Sietse Secretaris");
    await expectAccessible(visitor);
    for (const page of [staff, secretary, visitor]) await page.context().close();
  });
});
