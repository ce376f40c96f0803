import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withPlatform, withTenant } from "../../src/db/index.ts";
import { allocateBudget, budgetYearOf } from "../../src/domain/area-budgets/index.ts";
import {
  createCouncil,
  giveAdvice,
  requestAdvice,
  respondToAdvice,
  seatMember,
} from "../../src/domain/councils/index.ts";
import { findOrCreatePerson, setPassword } from "../../src/domain/identity/index.ts";
import { createTenant } from "../../src/domain/tenancy/index.ts";
import { type AppInstance, startApp } from "../support/app-instance.ts";
import { bothModes, expectAccessible, launchBrowser, openTab, signInWithPassword } from "../support/browser.ts";
import { givenKern } from "../support/tenant-fixtures.ts";

/**
 * Issue 10, item 4: a council member records a commitment and then a spend in the council's workspace; a visitor
 * reads the public advice register and the area's accountability page, which shows sums and no descriptions.
 */
let app: AppInstance;
let browser: Browser;
const PASSWORD = "een budget voor het dorp";
const year = budgetYearOf(new Date());
const kernOf: Record<string, string> = {};
const PDF = Buffer.from("%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

beforeAll(async () => {
  app = await startApp();
  for (const slug of ["budgetdorp", "budgetdorp-js"]) {
    const { tenantId, treasurer, secretary } = await withPlatform(app.database.db, async (tx) => {
      const tenant = await createTenant(tx, { slug, name: `Gemeente ${slug}`, kind: "municipality" });
      const person = async (email: string, displayName: string) => {
        const p = await findOrCreatePerson(tx, { email, displayName });
        await setPassword(tx, { personId: p.id, password: PASSWORD, now: new Date() });
        return p.id;
      };
      return {
        tenantId: tenant.id,
        treasurer: await person(`penningmeester@${slug}.example.org`, "Pien Penningmeester"),
        secretary: await person(`secretaris@${slug}.example.org`, "Sietse Secretaris"),
      };
    });
    const kern = await givenKern(app.database, tenantId, "Esveld");
    kernOf[slug] = kern;
    await withTenant(app.database.db, { tenantId }, async (tx) => {
      const now = new Date();
      const council = await createCouncil(tx, {
        tenantId,
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
      const seat = (role: "treasurer" | "secretary", name: string, personId: string) =>
        seatMember(tx, {
          tenantId,
          councilId: council.id,
          role,
          name,
          personId,
          startsOn: `${year - 1}-01-01`,
          endsOn: null,
          actorPersonId: null,
          now,
        });
      await seat("treasurer", "Pien Penningmeester", treasurer);
      await seat("secretary", "Sietse Secretaris", secretary);
      await allocateBudget(tx, {
        tenantId,
        areaId: kern,
        year,
        amountCents: 100_000,
        decidedOn: `${year}-01-05`,
        reference: "Raadsbesluit gebiedsbudgetten",
        actorPersonId: null,
        now,
      });
      const asked = await requestAdvice(tx, {
        tenantId,
        councilId: council.id,
        subject: "Bankjes op de brink",
        question: "Waar moeten de bankjes staan?",
        actorPersonId: null,
        now,
      });
      await giveAdvice(tx, {
        tenantId,
        councilId: council.id,
        answer: { requestId: asked.id },
        adviceText: "In de zon, bij de kastanje.",
        actorPersonId: secretary,
        now,
      });
      await respondToAdvice(tx, {
        tenantId,
        adviceId: asked.id,
        outcome: "adopted",
        reasons: "Zo doen we het.",
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

const status = (page: Page) => page.getByRole("status").first().textContent();
/** The amount in a figures table's row, by what the row is (`Uitgegeven`, `Nog beschikbaar`, …). */
const figure = (page: Page, what: string) =>
  page
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: what, exact: true }) })
    .first()
    .textContent();

describe.each(bothModes)("an area budget $name", (mode) => {
  it("takes a council member's commitment and then a spend, and a visitor reads the register and the account", async () => {
    const slug = mode.javaScript ? "budgetdorp-js" : "budgetdorp";
    const kern = kernOf[slug]!;
    const member = await openTab(browser, app.url, mode);
    await signInWithPassword(member, {
      path: `/${slug}/raad/dorpsraad-esveld`,
      email: `penningmeester@${slug}.example.org`,
      password: PASSWORD,
    });
    await expect.poll(() => figure(member, "Nog beschikbaar")).toContain("1.000,00");
    await expectAccessible(member);
    await member.getByRole("link", { name: "Toezeggingen en uitgaven van Esveld bekijken en vastleggen" }).click();
    await member.waitForURL(`${app.url}/${slug}/raad/dorpsraad-esveld/budget/${kern}`);
    await expectAccessible(member);

    // A commitment without its decision's date and minutes is refused, and nothing is booked.
    const commit = member.locator("form", { has: member.getByRole("button", { name: "Toezegging vastleggen" }) });
    await commit.getByLabel("Omschrijving").fill("Zomerfeest");
    await commit.getByRole("button", { name: "Toezegging vastleggen" }).click();
    await expect
      .poll(() => member.getByText("Verwijzing naar de notulen: Vul dit veld in.", { exact: false }).count())
      .toBeGreaterThan(0);
    await expect.poll(() => figure(member, "Toegezegd, nog niet betaald")).toMatch(/€\s0,00$/);
    await expectAccessible(member);

    await commit.getByLabel("Omschrijving").fill("Zomerfeest");
    await commit.getByLabel("Bedrag in euro").fill("400,00");
    await commit.getByLabel("Datum van het besluit").fill(`${year}-02-10`);
    await commit.getByLabel("Verwijzing naar de notulen").fill("Notulen 10 februari, punt 4");
    await commit.getByRole("button", { name: "Toezegging vastleggen" }).click();
    await member.waitForURL(/melding=commit/);
    await expect.poll(() => status(member)).toContain("De toezegging is vastgelegd.");
    await expect.poll(() => figure(member, "Toegezegd, nog niet betaald")).toContain("400,00");
    await expectAccessible(member);

    const spend = member.locator("form", { has: member.getByRole("button", { name: "Uitgave vastleggen" }) });
    await spend.getByLabel("Omschrijving").fill("Springkussen");
    await spend.getByLabel("Bedrag in euro").fill("150,00");
    await spend.getByLabel("Datum van betalen").fill(`${year}-02-20`);
    await spend.getByLabel("Categorie").selectOption("activities");
    await spend.getByLabel("Hoort bij toezegging").selectOption({ index: 1 });
    await spend
      .getByLabel("Bonnetje of factuur")
      .setInputFiles({ name: "bon.pdf", mimeType: "application/pdf", buffer: PDF });
    await spend.getByRole("button", { name: "Uitgave vastleggen" }).click();
    await member.waitForURL(/melding=spend/);
    await expect.poll(() => status(member)).toContain("De uitgave is vastgelegd, met het bonnetje.");
    await expect.poll(() => figure(member, "Uitgegeven")).toContain("150,00");
    await expect.poll(() => figure(member, "Toegezegd, nog niet betaald")).toContain("250,00");
    await expect.poll(() => figure(member, "Nog beschikbaar")).toContain("600,00");
    await expectAccessible(member);

    const visitor = await openTab(browser, app.url, mode);
    await visitor.goto(`/${slug}/gebiedsbudgetten/${kern}`);
    await expect.poll(() => figure(visitor, "Uitgegeven")).toContain("150,00");
    await expect.poll(() => figure(visitor, "Saldo")).toContain("850,00");
    expect(await visitor.getByText("Activiteiten").count()).toBeGreaterThan(0);
    const account = await visitor.content();
    for (const secret of ["Springkussen", "Zomerfeest", "Notulen", "Pien Penningmeester", "bestanden"])
      expect(account).not.toContain(secret);
    await expectAccessible(visitor);

    await visitor.goto(`/${slug}/advies`);
    await expect.poll(() => visitor.getByRole("heading", { name: "Bankjes op de brink" }).count()).toBe(1);
    expect(await visitor.getByText("Overgenomen", { exact: true }).count()).toBeGreaterThan(0);
    await expectAccessible(visitor);
    for (const page of [member, visitor]) await page.context().close();
  }, 120_000); // Nine pages through axe, replayed in a second tab without JavaScript: over a minute on a busy machine.
});
