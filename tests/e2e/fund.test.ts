import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withPlatform, withTenant } from "../../src/db/index.ts";
import { findOrCreatePerson, grantRole, type Role, setPassword } from "../../src/domain/identity/index.ts";
import { createFund } from "../../src/domain/initiatives/index.ts";
import { addDays, dutchDateOf } from "../../src/domain/shared/index.ts";
import { createTenant } from "../../src/domain/tenancy/index.ts";
import { type AppInstance, startApp } from "../support/app-instance.ts";
import { bothModes, expectAccessible, launchBrowser, openTab } from "../support/browser.ts";
import { givenKern } from "../support/tenant-fixtures.ts";

/**
 * Issue 12, item 2: a resident applies without the budget (incomplete), completes it, two committee members assess,
 * staff grant and pay 80 %, the resident reports, staff pay the rest; and a refusal with reasons.
 */
let app: AppInstance;
let browser: Browser;
const PASSWORD = "een fonds voor de buurt";
const PDF = Buffer.from("%PDF-1.7\n%%EOF\n");
const slugs = ["fonds-gem", "fonds-gem-js"] as const;
const people = ["bewoner", "commissie1", "commissie2", "medewerker"] as const;
const roles: Record<(typeof people)[number], Role> = {
  bewoner: "resident",
  commissie1: "fund-committee",
  commissie2: "fund-committee",
  medewerker: "municipal-staff",
};

beforeAll(async () => {
  app = await startApp();
  const now = new Date();
  for (const slug of slugs) {
    const tenant = await withPlatform(app.database.db, async (tx) => {
      const created = await createTenant(tx, { slug, name: `Gemeente ${slug}`, kind: "municipality" });
      for (const name of people) {
        const person = await findOrCreatePerson(tx, { email: `${name}@${slug}.example.org`, displayName: name });
        await grantRole(tx, { tenantId: created.id, personId: person.id, role: roles[name] });
        await setPassword(tx, { personId: person.id, password: PASSWORD, now });
      }
      return created;
    });
    await givenKern(app.database, tenant.id, "Noorderwijk");
    await withTenant(app.database.db, { tenantId: tenant.id }, (tx) =>
      createFund(tx, {
        tenantId: tenant.id,
        slug: "initiatievenfonds",
        name: "Initiatievenfonds",
        description: "Voor plannen van bewoners.",
        maxPerApplicationCents: 500_000,
        yearlyBudgetCents: 2_000_000,
        coFinancingPercent: null,
        hourValueCents: null,
        leadTimeDays: 56,
        decisionTermLength: 8,
        decisionTermUnit: "weeks",
        extensionLength: 4,
        intake: "continuous",
        decisionDates: [],
        criteria: ["Voor en door bewoners", "Haalbaarheid"],
        requiredDocuments: ["Begroting"],
        advancePercent: 80,
        reportTermWeeks: 8,
        actorPersonId: null,
        now,
      }),
    );
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

const as = async (mode: { javaScript: boolean }, slug: string, who: (typeof people)[number], path: string) => {
  const page = await openTab(browser, app.url, mode);
  await signIn(page, `${who}@${slug}.example.org`, path);
  return page;
};
const notice = (page: Page) => expect.poll(() => page.getByRole("status").first().textContent());

async function apply(page: Page, title: string, withBudget: boolean) {
  await expectAccessible(page);
  await page.getByLabel("Naam van uw plan").fill(title);
  await page.getByLabel("Wat gaat u doen, en voor wie?").fill("Een moestuin voor de hele straat.");
  await page.getByLabel("In welk gebied?").selectOption({ label: "Noorderwijk" });
  await page.getByLabel("Datum van de activiteit").fill(addDays(dutchDateOf(new Date()), 70));
  await page.getByLabel("Wat kost het in totaal?").fill("2.000");
  await page.getByLabel("Hoeveel vraagt u aan?").fill("1.800");
  if (withBudget)
    await page
      .getByLabel("Begroting")
      .setInputFiles({ name: "begroting.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Aanvraag versturen" }).click();
  await page.waitForURL(/\/fondsen\/aanvraag\/[0-9a-f-]+\?melding=applied/);
  return page.url().match(/aanvraag\/([0-9a-f-]+)/)![1]!;
}

describe.each(bothModes)("the initiatives fund $name", (mode) => {
  const slug = mode.javaScript ? slugs[1] : slugs[0];
  const staffPath = (id: string) => `/${slug}/beheer/fondsen/aanvragen/${id}`;

  it("takes an application from incomplete to complete, two assessments, a grant, two tranches and a report", async () => {
    const resident = await as(mode, slug, "bewoner", `/${slug}/fondsen/initiatievenfonds/aanvragen`);
    const id = await apply(resident, "Buurtmoestuin", false);
    await notice(resident).toContain("Uw aanvraag is verstuurd");
    expect(await resident.getByText("Niet compleet").count()).toBeGreaterThan(0);
    expect(await resident.getByText("Wat ontbreekt: Begroting").count()).toBe(1);
    await expectAccessible(resident);

    await resident
      .getByLabel("Begroting")
      .setInputFiles({ name: "begroting.pdf", mimeType: "application/pdf", buffer: PDF });
    await resident.getByRole("button", { name: "Aanvulling versturen" }).click();
    await notice(resident).toContain("De termijn voor het besluit is begonnen");
    expect(await resident.getByText("In beoordeling").count()).toBe(1);

    for (const [who, score] of [
      ["commissie1", "4"],
      ["commissie2", "5"],
    ] as const) {
      const member = await as(mode, slug, who, staffPath(id));
      await expectAccessible(member);
      await member.getByLabel("Heeft u belang bij deze aanvraag?").selectOption("no");
      await member.getByLabel("Score voor: Voor en door bewoners").selectOption(score);
      await member.getByLabel("Score voor: Haalbaarheid").selectOption("3");
      await member.getByRole("button", { name: "Beoordeling opslaan" }).click();
      await notice(member).toContain("Uw beoordeling is opgeslagen");
      expect(await member.getByRole("button", { name: "Besluit nemen" }).count()).toBe(0);
      await member.context().close();
    }

    const staff = await as(mode, slug, "medewerker", staffPath(id));
    await expect
      .poll(() => staff.locator("table", { hasText: "Scores per beoordelaar" }).locator("tbody tr").count())
      .toBe(2);
    await staff.getByLabel("Uw besluit").selectOption("granted");
    await staff.getByLabel("Toegekend bedrag").fill("1.500");
    await staff.getByLabel("Voorwaarden").fill("Vermeld de gemeente op de uitnodiging.");
    await staff.getByRole("button", { name: "Besluit nemen" }).click();
    await notice(staff).toContain("Het besluit is genomen");
    await expectAccessible(staff);
    await staff.getByRole("button", { name: "Voorschot betalen (€ 1.200,00)" }).click();
    await notice(staff).toContain("De betaling is geboekt");
    expect(await staff.getByText("Uitbetaald: € 1.200,00 van € 1.500,00.").count()).toBe(1);

    await resident.goto(`/${slug}/fondsen/aanvraag/${id}`);
    expect(await resident.getByText("Toegekend: € 1.500,00.", { exact: false }).count()).toBe(1);
    const letter = await resident.request.get(`/${slug}/fondsen/aanvraag/${id}/besluit.pdf`);
    expect(letter.headers()["content-type"]).toBe("application/pdf");
    await resident.getByLabel("Hoe ging het?").fill("Dertig buren hebben samen geplant.");
    await resident.getByLabel("Bonnetjes en foto's").setInputFiles([
      { name: "bon.pdf", mimeType: "application/pdf", buffer: PDF },
      { name: "bon2.pdf", mimeType: "application/pdf", buffer: PDF },
    ]);
    await resident.getByRole("button", { name: "Verslag versturen" }).click();
    await notice(resident).toContain("Uw verslag is ontvangen");
    await expectAccessible(resident);

    await staff.goto(staffPath(id));
    await staff.getByRole("button", { name: "Verslag goedkeuren en de rest betalen (€ 300,00)" }).click();
    await notice(staff).toContain("De betaling is geboekt");
    expect(await staff.getByText("Het verslag is goedgekeurd en alles is betaald.", { exact: false }).count()).toBe(1);
    await resident.context().close();
    await staff.context().close();
  });

  it("lets staff make a fund (a form with mistakes first) and change its rules", async () => {
    const staff = await as(mode, slug, "medewerker", `/${slug}/beheer/fondsen`);
    await staff.getByRole("link", { name: "Nieuw fonds maken" }).click();
    await staff.waitForURL(`${app.url}/${slug}/beheer/fondsen/nieuw`);
    await expectAccessible(staff);
    await staff.getByLabel("Naam van het fonds").fill("Leefbaarheidsbudget");
    await staff.getByLabel("Adres van het fonds").fill("Leefbaarheid Budget");
    await staff.getByLabel("Budget per jaar (euro)").fill("100.000");
    await staff.getByLabel("Eigen bijdrage (procent van de kosten)").fill("50");
    await staff.getByLabel("Waar let de beoordeling op?").fill("Voor en door bewoners");
    await staff.getByLabel("Wanneer wordt besloten?").selectOption("decision-dates");
    await staff.getByRole("button", { name: "Fonds maken" }).click();
    await expect.poll(() => staff.getByRole("alert").first().textContent()).toContain("Adres van het fonds");
    expect(
      await staff.getByText("Bij vaste data hoort minstens één besluitdatum.", { exact: false }).count(),
    ).toBeGreaterThan(0);
    await expectAccessible(staff);

    await staff.getByLabel("Adres van het fonds").fill("leefbaarheid");
    await staff.getByLabel("Vaste besluitdata").fill("2030-03-15\n2030-06-14");
    await staff.getByRole("button", { name: "Fonds maken" }).click();
    await notice(staff).toContain("Het fonds is gemaakt");
    await staff.getByLabel("Hoogste bedrag per aanvraag (euro)").fill("1.000");
    await staff.getByRole("button", { name: "Regels opslaan" }).click();
    await notice(staff).toContain("De regels zijn opgeslagen");
    await expectAccessible(staff);

    await staff.goto(`/${slug}/fondsen`);
    expect(await staff.getByText("U kunt maximaal € 1.000,00 aanvragen.").count()).toBe(1);
    await staff.context().close();
  });

  it("refuses with reasons, and a refusal without reasons changes nothing", async () => {
    const resident = await as(mode, slug, "bewoner", `/${slug}/fondsen/initiatievenfonds/aanvragen`);
    const id = await apply(resident, "Vuurwerkshow", true);
    const staff = await as(mode, slug, "medewerker", staffPath(id));
    await staff.getByLabel("Uw besluit").selectOption("refused");
    await staff.getByRole("button", { name: "Besluit nemen" }).click();
    await expect.poll(() => staff.getByRole("alert").first().textContent()).toContain("Redenen van de afwijzing");
    await expectAccessible(staff);
    await staff.goto(staffPath(id));
    expect(await staff.getByText("In beoordeling").count()).toBe(1);

    await staff.getByLabel("Uw besluit").selectOption("refused");
    await staff.getByLabel("Redenen van de afwijzing").fill("Het fonds steunt geen vuurwerk.");
    await staff.getByRole("button", { name: "Besluit nemen" }).click();
    await notice(staff).toContain("Het besluit is genomen");

    await resident.goto(`/${slug}/fondsen/aanvraag/${id}`);
    expect(await resident.getByText("Afgewezen. Redenen: Het fonds steunt geen vuurwerk.").count()).toBe(1);
    await expectAccessible(resident);
    await resident.context().close();
    await staff.context().close();
  });
});
