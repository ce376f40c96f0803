import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withPlatform } from "../../src/db/index.ts";
import { createSession, findOrCreatePerson, grantRole } from "../../src/domain/identity/index.ts";
import { createTenant } from "../../src/domain/tenancy/index.ts";
import { type AppInstance, startApp } from "../support/app-instance.ts";
import { bothModes, descriptionOf, expectAccessible, launchBrowser, openTab } from "../support/browser.ts";
import { linkIn, type Mailbox, startMailbox } from "../support/mailbox.ts";
import { givenKern } from "../support/tenant-fixtures.ts";

/** Issue 12: a resident submits an initiative and exchanges messages with staff; an uitdaagrecht request is decided. */
let app: AppInstance;
let browser: Browser;
let mailbox: Mailbox;
const sessions = new Map<string, string>();

beforeAll(async () => {
  mailbox = await startMailbox();
  app = await startApp({ env: { SMTP_URL: mailbox.url } });
  for (const slug of ["loketdorp", "loketdorp-js"]) {
    const tenant = await withPlatform(app.database.db, (tx) =>
      createTenant(tx, { slug, name: `Gemeente ${slug}`, kind: "municipality" }),
    );
    await givenKern(app.database, tenant.id, "Oosterhoek");
    const token = await withPlatform(app.database.db, async (tx) => {
      const person = await findOrCreatePerson(tx, { email: `loket@${slug}.example.org`, displayName: "Lotte Loket" });
      await grantRole(tx, { tenantId: tenant.id, personId: person.id, role: "municipal-staff" });
      return (await createSession(tx, { personId: person.id, method: "magic-link", now: new Date() })).token;
    });
    sessions.set(slug, token);
  }
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await mailbox?.close();
});

async function staffTab(slug: string, javaScript: boolean): Promise<Page> {
  const page = await openTab(browser, app.url, { javaScript });
  await page.context().addCookies([{ name: "samenspel-sessie", value: sessions.get(slug)!, url: app.url }]);
  return page;
}

/** Nothing sticks out sideways on a 390 px phone. */
async function expectFitsPhone(page: Page) {
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

const notice = (page: Page) => page.getByRole("status").first().textContent();

describe.each(bothModes)("the initiatives desk $name", (mode) => {
  const slug = mode.javaScript ? "loketdorp-js" : "loketdorp";
  const initiator = `initiatiefnemer@${slug}.example.org`;

  it("takes an initiative, mails the reference, and carries messages both ways", async () => {
    const resident = await openTab(browser, app.url, mode);
    await resident.goto(`/${slug}/initiatieven`);
    await expectAccessible(resident);
    await resident.getByRole("link", { name: "Zelf een initiatief melden" }).click();
    await resident.waitForURL(/\/initiatieven\/indienen$/);
    await expectFitsPhone(resident);

    // Sent empty: the messages are next to the fields, and nothing is stored.
    await resident.getByRole("button", { name: "Initiatief versturen" }).click();
    await expect.poll(() => resident.getByText("Controleer de volgende velden").count()).toBe(1);
    await expectAccessible(resident);

    // The limit of the form's schema is stated under the field and read out with it; the field takes no more.
    const title = resident.getByLabel("Naam van uw initiatief");
    expect(await title.getAttribute("maxlength")).toBe("150");
    expect(await descriptionOf(title)).toContain("Maximaal 150 tekens");
    await title.fill("b".repeat(200));
    expect((await title.inputValue()).length).toBe(150);

    await resident.getByLabel("Naam van uw initiatief").fill("Bankjes langs de vaart");
    await resident
      .getByLabel("Wat wilt u doen?")
      .fill("Drie bankjes langs de vaart, zodat ouderen onderweg kunnen rusten.");
    await resident.getByLabel("In welk gebied?").selectOption({ label: "Oosterhoek" });
    await resident.getByLabel("Geld").check();
    await resident.getByLabel("Een vergunning").check();
    await resident.getByLabel("Uw naam").fill("Ria Vermeer");
    await resident.getByLabel("Uw e-mailadres").fill(initiator);
    await resident.getByLabel(/de gemeente mag mijn initiatief laten zien/).check();
    await resident.getByRole("button", { name: "Initiatief versturen" }).click();
    await resident.waitForURL(/referentie=INI-\d{4}-0001/);
    await expect.poll(() => notice(resident)).toMatch(/Uw referentienummer is INI-\d{4}-0001\./);
    await expectAccessible(resident);

    const confirmation = await mailbox.waitForMail(initiator);
    expect(confirmation.subject).toMatch(/^Uw initiatief is ontvangen \(INI-\d{4}-0001\)$/);
    await resident.goto(linkIn(confirmation, `${app.url}/${slug}/initiatieven/mijn/`));
    await expect.poll(() => resident.getByRole("heading", { level: 1 }).textContent()).toBe("Bankjes langs de vaart");
    await resident.getByLabel("Uw bericht aan de gemeente").fill("Kunnen de bankjes er voor de zomer staan?");
    await resident.getByRole("button", { name: "Bericht versturen" }).click();
    await resident.waitForURL(/melding=bericht/);
    await expect.poll(() => resident.getByText("Kunnen de bankjes er voor de zomer staan?").count()).toBe(1);
    await expectAccessible(resident);
    await expectFitsPhone(resident);

    // Staff: the work list, the initiative, a contact person, a status with a reason, and an answer.
    const staff = await staffTab(slug, mode.javaScript);
    const staffMail = await mailbox.waitForMail(`loket@${slug}.example.org`);
    expect(staffMail.subject).toMatch(/^Nieuw bericht bij initiatief INI-\d{4}-0001$/);
    await staff.goto(`/${slug}/beheer/initiatieven`);
    await expectAccessible(staff);
    await staff.getByRole("link", { name: /INI-\d{4}-0001/ }).click();
    await staff.waitForURL(/\/beheer\/initiatieven\/[0-9a-f-]{36}$/);
    await expectAccessible(staff);
    await staff.getByRole("button", { name: "Contactpersoon opslaan" }).click();
    await staff.waitForURL(/melding=assign/);
    await expect
      .poll(() => notice(staff))
      .toBe("De contactpersoon is opgeslagen. De initiatiefnemer krijgt een e-mail.");
    expect((await mailbox.waitForMail(initiator)).text).toContain("Uw contactpersoon bij de gemeente is Lotte Loket.");
    await staff.getByLabel("Reden").fill("Wij kijken samen met u naar de plek.");
    await staff.getByRole("button", { name: "Status opslaan" }).click();
    await staff.waitForURL(/melding=status/);
    expect((await mailbox.waitForMail(initiator)).text).toContain("De gemeente is met uw initiatief aan de slag.");
    await staff.getByLabel("Bericht aan de initiatiefnemer").fill("Ja, dat lukt voor de zomer.");
    await staff.getByRole("button", { name: "Bericht versturen" }).click();
    await staff.waitForURL(/melding=message/);
    await expectAccessible(staff);

    const answer = await mailbox.waitForMail(initiator);
    expect(answer.text).toContain("De gemeente heeft u een bericht gestuurd.");
    await resident.goto(linkIn(answer, `${app.url}/${slug}/initiatieven/mijn/`));
    await expect.poll(() => resident.getByText("Ja, dat lukt voor de zomer.").count()).toBe(1);
    expect(await resident.getByText("In behandeling – Wij kijken samen met u naar de plek.").count()).toBe(1);

    // The showcase shows it, without a name or an address.
    await resident.goto(`/${slug}/initiatieven`);
    expect(await resident.getByRole("heading", { name: "Bankjes langs de vaart" }).count()).toBe(1);
    const text = await resident.locator("main").textContent();
    expect(text).not.toContain("Ria Vermeer");
    expect(text).not.toContain(initiator);
    await resident.context().close();
    await staff.context().close();
  });

  it("takes an uitdaagrecht request to its decision, with reasons in the public register", async () => {
    const requester = `aanvrager@${slug}.example.org`;
    const resident = await openTab(browser, app.url, mode);
    await resident.goto(`/${slug}/uitdaagrecht`);
    await expectAccessible(resident);
    await resident.getByRole("link", { name: "Zelf een verzoek doen" }).click();
    await resident.waitForURL(/\/uitdaagrecht\/indienen$/);
    await resident.getByLabel("Welke taak wilt u overnemen?").fill("Het maaien van de dijk");
    await resident.getByLabel("Uw plan").fill("Wij maaien de dijk met schapen van de kinderboerderij.");
    await resident.getByLabel("Welk budget vraagt u? (niet verplicht)").fill("3.200");
    await resident.getByLabel("Steun in de buurt").fill("45 handtekeningen");
    await resident.getByLabel("Wie doet het verzoek?").selectOption("organisation");
    await resident.getByLabel("Naam van de contactpersoon").fill("Joost Dekker");
    await resident.getByLabel("E-mailadres van de contactpersoon").fill(requester);
    await resident.getByRole("button", { name: "Verzoek versturen" }).click();
    await expect.poll(() => resident.getByText("Vul de naam van de organisatie in.").count()).toBeGreaterThan(0);
    await expectAccessible(resident);
    await resident.getByLabel("Naam van de organisatie").fill("Kinderboerderij De Dijk");
    await resident.getByRole("button", { name: "Verzoek versturen" }).click();
    await resident.waitForURL(/referentie=UDR-\d{4}-0001/);
    expect((await mailbox.waitForMail(requester)).text).toContain("De gemeente beslist uiterlijk");
    await expectFitsPhone(resident);

    const staff = await staffTab(slug, mode.javaScript);
    await staff.goto(`/${slug}/beheer/uitdaagrecht`);
    await expectAccessible(staff);
    await staff.getByRole("link", { name: /UDR-\d{4}-0001/ }).click();
    await staff.waitForURL(/\/beheer\/uitdaagrecht\/[0-9a-f-]{36}$/);
    await staff.getByLabel("Stap", { exact: true }).selectOption("assess");
    await staff.getByRole("button", { name: "Stap opslaan" }).click();
    await staff.waitForURL(/melding=step/);
    await staff.getByLabel("Waarom is er meer tijd nodig?").fill("   ");
    await staff.getByRole("button", { name: "Termijn verlengen" }).click();
    await expect.poll(() => staff.getByText("Vul dit veld in.").count()).toBeGreaterThan(0);
    await staff.getByLabel("Waarom is er meer tijd nodig?").fill("Wij wachten op het advies van de wijkraad.");
    await staff.getByRole("button", { name: "Termijn verlengen" }).click();
    await staff.waitForURL(/melding=extend/);
    await expect.poll(() => staff.getByRole("button", { name: "Termijn verlengen" }).count()).toBe(0);
    expect((await mailbox.waitForMail(requester)).text).toContain("De gemeente beoordeelt uw verzoek nu.");
    expect((await mailbox.waitForMail(requester)).text).toContain("Wij wachten op het advies van de wijkraad.");
    await staff.getByLabel("Stap", { exact: true }).selectOption("honour");
    await staff.getByRole("button", { name: "Stap opslaan" }).click();
    await expect.poll(() => staff.getByText("Schrijf een reden. De indiener leest die.").count()).toBeGreaterThan(0);
    await expectAccessible(staff);
    await staff.getByLabel("Stap", { exact: true }).selectOption("honour");
    await staff.getByLabel("Redenen (verplicht bij een besluit)").fill("Het plan is goedkoper en de buurt doet mee.");
    await staff.getByRole("button", { name: "Stap opslaan" }).click();
    await staff.waitForURL(/melding=step/);
    await expectAccessible(staff);
    expect((await mailbox.waitForMail(requester)).text).toContain("Het plan is goedkoper en de buurt doet mee.");

    await resident.goto(`/${slug}/uitdaagrecht`);
    const row = await resident.locator(".samenspel-card").first().textContent();
    expect(row).toContain("Kinderboerderij De Dijk");
    expect(row).toContain("(verlengd)");
    expect(row).toContain("Toegekend op");
    expect(row).toContain("Het plan is goedkoper en de buurt doet mee.");
    expect(row).not.toContain("Joost Dekker");
    await expectAccessible(resident);
    await resident.context().close();
    await staff.context().close();
  });
});
