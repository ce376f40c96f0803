import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withPlatform, withTenant } from "../../src/db/index.ts";
import { createCouncil, seatMember } from "../../src/domain/councils/index.ts";
import { findOrCreatePerson, grantRole, setPassword } from "../../src/domain/identity/index.ts";
import { dutchDateOf } from "../../src/domain/shared/index.ts";
import { createTenant } from "../../src/domain/tenancy/index.ts";
import { type AppInstance, startApp } from "../support/app-instance.ts";
import { bothModes, expectAccessible, launchBrowser, openTab } from "../support/browser.ts";
import { givenKern } from "../support/tenant-fixtures.ts";

/** Issue 10, item 2: a secretary publishes a meeting with its agenda and minutes; a visitor reads it. */
let app: AppInstance;
let browser: Browser;
const PASSWORD = "vergaderen met notulen";
const PDF = Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");
// The meeting was last night, so its minutes can be written now.
const YESTERDAY = dutchDateOf(new Date(Date.now() - 86_400_000));
const IN_A_WEEK = dutchDateOf(new Date(Date.now() + 7 * 86_400_000));
const IN_TWO_WEEKS = dutchDateOf(new Date(Date.now() + 14 * 86_400_000));

beforeAll(async () => {
  app = await startApp();
  for (const slug of ["vergaderdorp", "vergaderdorp-js"]) {
    const tenant = await withPlatform(app.database.db, async (tx) => {
      const created = await createTenant(tx, { slug, name: `Gemeente ${slug}`, kind: "municipality" });
      const person = await findOrCreatePerson(tx, {
        email: `secretaris@${slug}.example.org`,
        displayName: "Sietske Secretaris",
      });
      await grantRole(tx, { tenantId: created.id, personId: person.id, role: "council-member" });
      await setPassword(tx, { personId: person.id, password: PASSWORD, now: new Date() });
      return { id: created.id, secretaryId: person.id };
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
        name: "Sietske Secretaris",
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
const formOf = (page: Page, button: string) =>
  page.locator("form", { has: page.getByRole("button", { name: button, exact: true }) });

describe.each(bothModes)("a council meeting $name", (mode) => {
  it("is prepared, published and given its minutes by the secretary, and the public sees only the open items", async () => {
    const slug = mode.javaScript ? "vergaderdorp-js" : "vergaderdorp";
    const workspace = `/${slug}/raad/dorpsraad-esveld`;
    const secretary = await openTab(browser, app.url, mode);
    await signIn(secretary, `secretaris@${slug}.example.org`, workspace);
    await secretary
      .getByRole("link", { name: "Vergaderingen klaarzetten, publiceren en het verslag toevoegen" })
      .click();
    await secretary.waitForURL(`${app.url}${workspace}/vergaderingen`);
    await expectAccessible(secretary);

    // Bad input changes nothing and says what to fix.
    const create = formOf(secretary, "Vergadering aanmaken");
    await create.getByLabel("Naam van de vergadering").fill("Openbare vergadering");
    await create.getByLabel("Datum").fill(YESTERDAY);
    await create.getByLabel("Begintijd").fill("21:00");
    await create.getByLabel("Eindtijd").fill("19:30");
    await create.getByRole("button", { name: "Vergadering aanmaken" }).click();
    await expect
      .poll(() => secretary.getByText("Plaats: Vul dit veld in.", { exact: false }).count())
      .toBeGreaterThan(0);
    expect(await secretary.getByText("Er zijn nog geen vergaderingen.").count()).toBe(1);
    await expectAccessible(secretary);
    await create.getByLabel("Plaats", { exact: true }).fill("Dorpshuis De Brink");
    await create.getByRole("button", { name: "Vergadering aanmaken" }).click();
    await expect
      .poll(() => secretary.getByText("De vergadering moet eindigen na het begin.", { exact: false }).count())
      .toBeGreaterThan(0);
    await create.getByLabel("Begintijd").fill("19:30");
    await create.getByLabel("Eindtijd").fill("21:30");
    await create.getByRole("button", { name: "Vergadering aanmaken" }).click();
    await secretary.waitForURL(/\/vergaderingen\/[0-9a-f-]+\?melding=created/);
    await expect.poll(() => status(secretary)).toContain("De vergadering is aangemaakt.");
    await expectAccessible(secretary);
    const meetingUrl = secretary.url().split("?")[0]!;
    const meetingId = meetingUrl.split("/").pop()!;

    for (const [title, visibility] of [
      ["Speelveld aan de Brink", "public"],
      ["Verkoop van het oude schoolgebouw", "closed"],
    ] as const) {
      const item = formOf(secretary, "Agendapunt toevoegen");
      await item.getByLabel("Onderwerp").fill(title);
      await item.getByLabel("Toelichting (niet verplicht)").fill(`Over ${title.toLowerCase()}.`);
      await item.getByLabel("Openbaar of besloten").selectOption(visibility);
      await item.getByRole("button", { name: "Agendapunt toevoegen" }).click();
      await secretary.waitForURL(/melding=item/);
    }
    for (const [point, title] of [
      ["1. Speelveld aan de Brink", "Tekening speelveld"],
      ["2. Verkoop van het oude schoolgebouw", "Taxatierapport school"],
    ]) {
      const document = formOf(secretary, "Stuk toevoegen");
      await document.getByLabel("Bij welk agendapunt?").selectOption({ label: point! });
      await document.getByLabel("Naam van het stuk").fill(title!);
      await document
        .getByLabel("Bestand")
        .setInputFiles({ name: "stuk.pdf", mimeType: "application/pdf", buffer: PDF });
      await document.getByRole("button", { name: "Stuk toevoegen" }).click();
      await secretary.waitForURL(/melding=document/);
    }
    await expect.poll(() => status(secretary)).toContain("Het stuk is toegevoegd.");
    await expectAccessible(secretary);
    const closedDocument = await secretary.getByRole("link", { name: /^Taxatierapport school/ }).getAttribute("href");

    await secretary.getByRole("button", { name: "Vergadering publiceren" }).click();
    await secretary.waitForURL(/melding=publish/);
    await expect.poll(() => status(secretary)).toContain("De vergadering staat nu online.");

    const report = formOf(secretary, "Verslag opslaan");
    await report.getByLabel("Soort verslag").selectOption("minutes");
    await report.getByLabel("Verslag van de hele vergadering").fill("Twaalf inwoners waren aanwezig.");
    await report.getByLabel("Bij punt 1: Speelveld aan de Brink").fill("De raad steunt het speelveld.");
    await report.getByLabel("Bij punt 2: Verkoop van het oude schoolgebouw").fill("Geheim besluit.");
    await report.getByRole("button", { name: "Verslag opslaan" }).click();
    await secretary.waitForURL(/melding=report/);
    await expect.poll(() => status(secretary)).toContain("Het verslag is opgeslagen.");
    await expectAccessible(secretary);

    const visitor = await openTab(browser, app.url, mode);
    await visitor.goto(`/${slug}/raden/dorpsraad-esveld`);
    await expectAccessible(visitor);
    expect(await visitor.getByText("Er staan geen vergaderingen gepland.").count()).toBe(1);
    await visitor.getByRole("link", { name: "Openbare vergadering" }).click();
    await visitor.waitForURL(`${app.url}/${slug}/raden/dorpsraad-esveld/vergaderingen/${meetingId}`);
    await expect.poll(() => visitor.getByRole("heading", { name: "1. Speelveld aan de Brink" }).count()).toBe(1);
    expect(await visitor.getByRole("heading", { name: "2. Besloten agendapunt" }).count()).toBe(1);
    expect(await visitor.getByText("De raad steunt het speelveld.").count()).toBe(1);
    expect(await visitor.getByText("Twaalf inwoners waren aanwezig.").count()).toBe(1);
    const page = await visitor.content();
    expect(page).not.toMatch(/schoolgebouw|Taxatierapport|Geheim besluit/);
    await expectAccessible(visitor);

    // The open item's document is public; the closed item's is not, not even by its address.
    const openDocument = await visitor.getByRole("link", { name: /^Tekening speelveld/ }).getAttribute("href");
    const open = await visitor.request.get(openDocument!);
    expect(open.status()).toBe(200);
    expect(open.headers()["content-type"]).toBe("application/pdf");
    expect((await visitor.request.get(closedDocument!)).status()).toBe(404);
    expect((await secretary.request.get(closedDocument!)).status()).toBe(200);

    const feed = await visitor.request.get(`/${slug}/raden/dorpsraad-esveld/agenda.ics`);
    expect(await feed.text()).toContain("SUMMARY:Dorpsraad Esveld: Openbare vergadering");
    for (const tab of [secretary, visitor]) await tab.context().close();
    // A long journey (two tabs, a dozen forms, axe on eight pages) on a shared two-core machine.
  }, 180_000);

  it("is moved and then cancelled by the secretary; the public page and the calendar feed follow", async () => {
    const slug = mode.javaScript ? "vergaderdorp-js" : "vergaderdorp";
    const meetings = `/${slug}/raad/dorpsraad-esveld/vergaderingen`;
    const secretary = await openTab(browser, app.url, mode);
    await signIn(secretary, `secretaris@${slug}.example.org`, meetings);
    const create = formOf(secretary, "Vergadering aanmaken");
    await create.getByLabel("Naam van de vergadering").fill("Najaarsvergadering");
    await create.getByLabel("Datum").fill(IN_A_WEEK);
    await create.getByLabel("Begintijd").fill("19:30");
    await create.getByLabel("Eindtijd").fill("21:30");
    await create.getByLabel("Plaats", { exact: true }).fill("Dorpshuis De Brink");
    await create.getByRole("button", { name: "Vergadering aanmaken" }).click();
    await secretary.waitForURL(/melding=created/);
    const meetingId = secretary.url().split("?")[0]!.split("/").pop()!;
    const item = formOf(secretary, "Agendapunt toevoegen");
    await item.getByLabel("Onderwerp").fill("Jaarplan");
    await item.getByRole("button", { name: "Agendapunt toevoegen" }).click();
    await secretary.waitForURL(/melding=item/);
    await secretary.getByRole("button", { name: "Vergadering publiceren" }).click();
    await secretary.waitForURL(/melding=publish/);
    const feed = async () =>
      (await (await secretary.request.get(`/${slug}/raden/dorpsraad-esveld/agenda.ics`)).text())
        .split("BEGIN:VEVENT")
        .find((event) => event.includes(meetingId))!;
    expect(await feed()).toContain("SEQUENCE:0");

    // Moving it: a bad time first, which changes nothing.
    const change = formOf(secretary, "Wijzigingen opslaan");
    await change.getByLabel("Datum").fill(IN_TWO_WEEKS);
    await change.getByLabel("Eindtijd").fill("19:00");
    await change.getByRole("button", { name: "Wijzigingen opslaan" }).click();
    await expect
      .poll(() => secretary.getByText("De vergadering moet eindigen na het begin.", { exact: false }).count())
      .toBeGreaterThan(0);
    await expectAccessible(secretary);
    expect(await feed()).toContain("SEQUENCE:0");
    await change.getByLabel("Datum").fill(IN_TWO_WEEKS);
    await change.getByLabel("Eindtijd").fill("22:00");
    await change.getByLabel("Plaats", { exact: true }).fill("Kerk Esveld");
    await change.getByRole("button", { name: "Wijzigingen opslaan" }).click();
    await secretary.waitForURL(/melding=change/);
    await expect.poll(() => status(secretary)).toContain("De wijzigingen zijn opgeslagen.");
    await expectAccessible(secretary);
    const moved = await feed();
    expect(moved).toContain("SEQUENCE:1");
    expect(moved).toContain(`DTSTART:${IN_TWO_WEEKS.replaceAll("-", "")}T`);
    expect(moved).toContain("LOCATION:Kerk Esveld");

    // Cancelling it: without a reason first.
    const cancel = formOf(secretary, "Vergadering afgelasten");
    await cancel.getByRole("button", { name: "Vergadering afgelasten" }).click();
    await expect
      .poll(() => secretary.getByText("Reden: Vul dit veld in.", { exact: false }).count())
      .toBeGreaterThan(0);
    await cancel.getByLabel("Reden").fill("Te weinig leden kunnen komen.");
    await cancel.getByRole("button", { name: "Vergadering afgelasten" }).click();
    await secretary.waitForURL(/melding=cancel/);
    await expect.poll(() => status(secretary)).toContain("De vergadering is afgelast.");
    expect(await secretary.getByRole("button", { name: "Wijzigingen opslaan" }).count()).toBe(0);
    await expectAccessible(secretary);
    const cancelled = await feed();
    expect(cancelled).toContain("STATUS:CANCELLED");
    expect(cancelled).toContain("SEQUENCE:2");

    const visitor = await openTab(browser, app.url, mode);
    await visitor.goto(`/${slug}/raden/dorpsraad-esveld`);
    await expect
      .poll(() => visitor.getByRole("listitem").filter({ hasText: "Najaarsvergadering" }).textContent())
      .toContain("(afgelast)");
    await visitor.getByRole("link", { name: "Najaarsvergadering" }).click();
    await visitor.waitForURL(`${app.url}/${slug}/raden/dorpsraad-esveld/vergaderingen/${meetingId}`);
    await expect.poll(() => visitor.getByText("Te weinig leden kunnen komen.").count()).toBe(1);
    expect(await visitor.getByText("Kerk Esveld").count()).toBe(1);
    await expectAccessible(visitor);
    for (const tab of [secretary, visitor]) await tab.context().close();
  }, 180_000);
});
