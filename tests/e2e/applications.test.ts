import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema, withPlatform, withTenant } from "../../src/db/index.ts";
import { findOrCreatePerson, grantRole } from "../../src/domain/identity/index.ts";
import { addAgendaItem, setActionStatus } from "../../src/domain/programme/index.ts";
import { type AppInstance, startApp } from "../support/app-instance.ts";
import { bothModes, expectAccessible, type JourneyOptions, launchBrowser, openTab } from "../support/browser.ts";
import { linkIn, type Mailbox, startMailbox } from "../support/mailbox.ts";
import { givenProgramme } from "../support/programme-fixtures.ts";

let app: AppInstance;
let browser: Browser;
let mailbox: Mailbox;
let slug: string;

/** Dates near today: forms refuse an intake or an invoice years away, so a fixed date would age out of range. */
const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const intakeOn = daysFromToday(30);
const dutchDate = (day: string, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat("nl-NL", { ...options, timeZone: "UTC" }).format(new Date(`${day}T12:00:00Z`));
const spelledOut = (day: string) => dutchDate(day, { weekday: "long", day: "numeric", month: "long", year: "numeric" });
const spelledShort = (day: string) => dutchDate(day, { day: "numeric", month: "long", year: "numeric" });

beforeAll(async () => {
  mailbox = await startMailbox();
  app = await startApp({ env: { SMTP_URL: mailbox.url } });
  const programme = await givenProgramme(app.database, { municipalities: 3, now: new Date() });
  const trajectory = await programme.givenTrajectory({ max: 5, min: 2 });
  // Gemeente 2 is already in the learning group, with a local action under way; its coordinator has not opted in.
  const peer = programme.municipalities[2]!;
  const admitted = await programme.admitted(trajectory, peer);
  const action = await withTenant(app.database.db, { tenantId: peer, personId: programme.coordinatorId }, (tx) =>
    addAgendaItem(tx, {
      programmeTenantId: programme.programmeId,
      applicationId: admitted.id,
      kind: "action",
      text: "Dorpshuis als ontmoetingsplek",
      actorPersonId: programme.coordinatorId,
      now: new Date(),
    }),
  );
  await withTenant(app.database.db, { tenantId: programme.programmeId, personId: programme.staffId }, (tx) =>
    setActionStatus(tx, {
      programmeTenantId: programme.programmeId,
      itemId: action.id,
      status: "in-progress",
      actorPersonId: programme.staffId,
      now: new Date(),
    }),
  );
  await withPlatform(app.database.db, async (tx) => {
    for (const [i, mode] of ["js", "nojs"].entries()) {
      const coordinator = await findOrCreatePerson(tx, {
        email: `coordinator-${mode}@example.org`,
        displayName: "Coördinator",
      });
      await grantRole(tx, {
        tenantId: programme.municipalities[i]!,
        personId: coordinator.id,
        role: "municipal-coordinator",
      });
      const staff = await findOrCreatePerson(tx, { email: `staf-${mode}@example.org`, displayName: "Staflid" });
      await grantRole(tx, { tenantId: programme.programmeId, personId: staff.id, role: "programme-staff" });
      const supervisor = await findOrCreatePerson(tx, { email: `begeleider-${mode}@example.org`, displayName: "Bea" });
      await grantRole(tx, { tenantId: programme.programmeId, personId: supervisor.id, role: "supervisor" });
    }
    const peerCoordinator = await findOrCreatePerson(tx, {
      email: "coordinator-peer@example.org",
      displayName: "Piet",
    });
    await grantRole(tx, { tenantId: peer, personId: peerCoordinator.id, role: "municipal-coordinator" });
    const [row] = await tx
      .select({ slug: schema.trajectories.slug })
      .from(schema.trajectories)
      .where(eq(schema.trajectories.id, trajectory));
    slug = row!.slug;
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await mailbox?.close();
});

/** Signs in by e-mail link from wherever the page was sent to the sign-in form, and comes back there. */
async function signIn(page: Page, email: string) {
  await page.waitForURL(/\/inloggen\?terug=/);
  await page.getByLabel("E-mailadres").first().fill(email);
  await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
  await page.waitForURL(/\/inloggen\/verstuurd$/);
  await page.goto(linkIn(await mailbox.waitForMail(email), `${app.url}/inloggen/link/`));
  await page.getByRole("button", { name: "Inloggen", exact: true }).click();
}

const main = (page: Page) => page.locator("main").textContent();
const formWith = (page: Page, button: string) =>
  page.locator("form", { has: page.getByRole("button", { name: button, exact: true }) });

describe.each(bothModes)("a municipality applies and the programme admits it $name", (mode: JourneyOptions) => {
  const tag = mode.javaScript ? "js" : "nojs";
  const municipality = mode.javaScript ? "Gemeente 0" : "Gemeente 1";
  const gemeente = mode.javaScript ? "gemeente-0" : "gemeente-1";
  const coordinatorEmail = `coordinator-${tag}@example.org`;

  it("runs from the application form through intake to admission, mails every step, and shares the costs", async () => {
    const coordinator = await openTab(browser, app.url, mode);
    await coordinator.goto(`/programma/trajecten/${slug}/aanmelden`);
    await signIn(coordinator, coordinatorEmail);
    await coordinator.waitForURL(`${app.url}/programma/trajecten/${slug}/aanmelden`);
    await expect.poll(() => coordinator.locator("h1").textContent()).toBe("Aanmelden voor Kernendemocratie");
    await expectAccessible(coordinator);

    await coordinator.getByRole("button", { name: "Aanmelding versturen" }).click();
    await expect.poll(() => coordinator.getByText("Vul ten minste één contactpersoon in").count()).toBeGreaterThan(0);
    await expectAccessible(coordinator);

    await coordinator.getByLabel("Concreet project of plan").fill("Dorpsraden na de herindeling");
    await coordinator.getByLabel("Leervraag").fill("Hoe geven we kernen zeggenschap?");
    await coordinator.getByLabel("Betrokkenheid van het college").fill("wethouder Jansen");
    await coordinator.getByLabel("Betrokkenheid van de gemeenteraad").fill("raadsbreed");
    await coordinator.getByLabel("Betrokkenheid van de ambtelijke organisatie").fill("team participatie");
    await coordinator.getByLabel("Naam contactpersoon 1").fill("Anne de Vries");
    await coordinator.getByLabel("E-mailadres contactpersoon 1").fill(`contact-${tag}@example.org`);
    await coordinator.getByLabel("Rol contactpersoon 1").fill("projectleider");
    await coordinator.getByRole("button", { name: "Aanmelding versturen" }).click();
    await coordinator.waitForURL(/\/aanmelden\/verstuurd\?gemeente=/);
    await expect.poll(() => coordinator.locator("h1").textContent()).toBe("Uw aanmelding is verstuurd");
    await expectAccessible(coordinator);
    expect((await mailbox.waitForMail(coordinatorEmail)).subject).toBe(
      `Aanmelding ${municipality} voor Kernendemocratie`,
    );
    expect((await mailbox.waitForMail(`contact-${tag}@example.org`)).text).toContain("De aanmelding is ontvangen.");

    await coordinator.getByRole("link", { name: "Bekijk de aanmeldingen van uw gemeente" }).click();
    await coordinator.waitForURL(`${app.url}/${gemeente}/beheer/aanmeldingen`);
    await expect.poll(() => main(coordinator)).toContain("Status: aangemeld");
    await expectAccessible(coordinator);

    const staff = await openTab(browser, app.url, mode);
    await staff.goto("/beheer/trajecten");
    await signIn(staff, `staf-${tag}@example.org`);
    await staff.waitForURL(`${app.url}/beheer/trajecten`);
    // A staff page's trail through the staff menu, which the staff area's parent route gives (`routes/staff/layout.tsx`).
    const trail = staff.getByRole("navigation", { name: "Kruimelpad" }).getByRole("link");
    await expect.poll(() => trail.allTextContents()).toEqual(["Home", "Overzicht", "Trajecten en aanmeldingen"]);
    await expectAccessible(staff);
    await staff.getByRole("link", { name: "Kernendemocratie" }).click();
    await staff.waitForURL(`${app.url}/beheer/trajecten/${slug}`);
    await expectAccessible(staff);
    // On a phone the dashboard's tables scroll by themselves, and each must take focus (scrollable-region-focusable).
    await staff.setViewportSize({ width: 390, height: 844 });
    await staff.locator("#dashboard").waitFor(); // with JavaScript the URL changes before the page has rendered
    const scrolls = await Promise.all(
      (await staff.locator(".samenspel-table-scroll").all()).map(async (wrapper) => {
        const [outer, inner] = [await wrapper.boundingBox(), await wrapper.locator("table").boundingBox()];
        return outer !== null && inner !== null && inner.width > outer.width;
      }),
    );
    expect(scrolls).toContain(true);
    await expectAccessible(staff);
    await staff.setViewportSize({ width: 1280, height: 720 });

    // The cost-sharing rule is on the public page until staff say it does not apply, and back when they tick it.
    const rule = "Deze regel geldt voor dit traject en staat op de openbare pagina";
    const publicPage = async () => {
      await coordinator.goto(`/programma/trajecten/${slug}`);
      return main(coordinator);
    };
    expect(await publicPage()).toContain("Kosten lokaal maatwerk");
    await staff.getByLabel(rule).uncheck();
    await staff.getByRole("button", { name: "Opslaan", exact: true }).click();
    await expect.poll(() => main(staff)).toContain("De tekst van het traject is opgeslagen.");
    await expectAccessible(staff);
    expect(await staff.getByLabel(rule).isChecked()).toBe(false);
    expect(await publicPage()).not.toContain("Kosten lokaal maatwerk");
    await staff.getByLabel(rule).check();
    // The full text ("Meer over het traject") is written in the small rich-text format; HTML stays text.
    await staff
      .getByLabel("Meer over het traject")
      .fill(
        `## Opzet ${tag}\n\nEen **rijk** programma met [leerateliers](https://example.org/ateliers).\n\n<b>geen html</b>`,
      );
    await staff.getByRole("button", { name: "Opslaan", exact: true }).click();
    // With JavaScript the box is ticked before the save is done: wait for the public page to follow.
    await expect.poll(publicPage).toContain("Kosten lokaal maatwerk");
    await expect.poll(() => coordinator.getByRole("heading", { name: `Opzet ${tag}`, level: 3 }).count()).toBe(1);
    expect(await coordinator.getByRole("link", { name: "leerateliers" }).getAttribute("href")).toBe(
      "https://example.org/ateliers",
    );
    expect(await main(coordinator)).toContain("<b>geen html</b>");
    await expectAccessible(coordinator);

    const plan = formWith(staff, `Intake plannen met ${municipality}`);
    await plan.getByLabel("Datum intake").fill(intakeOn);
    await plan.getByLabel("Tijd intake").fill("10:30");
    await plan.getByRole("button").click();
    await expect.poll(() => main(staff)).toContain("De aanmelding is nu: intake gepland");
    await expectAccessible(staff);
    await staff.getByRole("button", { name: `Intake gehouden met ${municipality}`, exact: true }).click();
    await expect.poll(() => main(staff)).toContain("De aanmelding is nu: intake gehouden");
    await staff.getByRole("button", { name: `${municipality} toelaten`, exact: true }).click();
    await expect.poll(() => main(staff)).toContain("De aanmelding is nu: toegelaten");
    await expectAccessible(staff);

    expect((await mailbox.waitForMail(coordinatorEmail)).text).toContain(
      `Het intakegesprek is op ${spelledOut(intakeOn)}`,
    );
    expect((await mailbox.waitForMail(coordinatorEmail)).text).toContain("Het intakegesprek heeft plaatsgevonden.");
    const admitted = await mailbox.waitForMail(coordinatorEmail);
    expect(admitted.text).toContain("Uw gemeente is toegelaten tot het traject");
    await coordinator.goto(linkIn(admitted, `${app.url}/${gemeente}/beheer/aanmeldingen`));
    await expect.poll(() => main(coordinator)).toContain("Status: toegelaten");
    await expectAccessible(coordinator);

    // Cost sharing: a quote and two invoices, one of them not eligible.
    await staff.getByRole("link", { name: municipality, exact: true }).click();
    await staff.waitForURL(/\/kosten\//);
    await expectAccessible(staff);
    const record = async (kind: string, amount: string, eligible: boolean, date: string) => {
      await staff.getByLabel("Soort").selectOption({ label: kind });
      await staff.getByLabel("Leverancier").fill("Bureau Dorp & Co");
      await staff.getByLabel("Omschrijving").fill(`${kind} begeleiding ${date}`);
      await staff.getByLabel("Bedrag").fill(amount);
      await staff
        .getByLabel("Komt voor vergoeding in aanmerking")
        .selectOption({ label: eligible ? "Ja, lokaal maatwerk" : "Nee, andere kosten" });
      await staff.getByLabel("Datum").fill(date);
      await staff.getByRole("button", { name: "Vastleggen" }).click();
      await expect.poll(() => main(staff)).toContain(`${kind} begeleiding ${date}`);
    };
    await staff.getByLabel("Bedrag").fill("12.50");
    await staff.getByRole("button", { name: "Vastleggen" }).click();
    await expect.poll(() => staff.getByText("Vul een bedrag in euro's in").count()).toBeGreaterThan(0);
    await expectAccessible(staff);
    await record("Offerte", "8.000,00", true, daysFromToday(-20));
    await record("Factuur", "1.234,57", true, daysFromToday(-10));
    await record("Factuur", "300", false, daysFromToday(-9));
    await expect.poll(() => main(staff)).toContain("De offerte of factuur is vastgelegd.");
    const statement = (await main(staff)) ?? "";
    expect(statement).toMatch(/Bijdrage van het programma \(50%\)\s*€\s617,28/);
    expect(statement).toMatch(/Deel van de gemeente\s*€\s917,29/);
    expect(statement).toMatch(/Bijdrage van het programma \(50%\)\s*€\s4\.000,00/);
    await expectAccessible(staff);

    // A mistake is corrected by a reversing line with its reason; the mistaken line stays on the statement.
    const correct = staff.getByRole("region", { name: "Een regel corrigeren" });
    await correct
      .getByLabel("Regel")
      .selectOption({ label: `${spelledShort(daysFromToday(-9))}, Factuur, Bureau Dorp & Co, € 300,00` });
    await correct.getByRole("button", { name: "Tegenboeken" }).click();
    await expect.poll(() => staff.getByText("Vul dit veld in").count()).toBeGreaterThan(0);
    await expectAccessible(staff);
    await correct.getByLabel("Reden van de correctie").fill("Reiskosten horen niet bij dit traject");
    await correct.getByRole("button", { name: "Tegenboeken" }).click();
    await expect.poll(() => main(staff)).toContain("De regel is tegengeboekt.");
    const corrected = (await main(staff)) ?? "";
    expect(corrected).toContain("Tegenboeking: Reiskosten horen niet bij dit traject");
    expect(corrected).toContain("(tegengeboekt)");
    expect(corrected).toMatch(/Deel van de gemeente\s*€\s617,29/);
    await expectAccessible(staff);

    await coordinator.getByRole("link", { name: "Bekijk het kostenoverzicht" }).click();
    await expect.poll(() => main(coordinator)).toMatch(/Deel van de gemeente\s*€\s617,29/);
    expect(await coordinator.getByRole("button", { name: "Vastleggen" }).count()).toBe(0);
    await expectAccessible(coordinator);

    // The municipality agrees its one concrete local action; a second application is refused before the form.
    await coordinator.goto(`/${gemeente}/beheer/aanmeldingen`);
    await coordinator.getByLabel("Soort").selectOption({ label: "Lokale actie" });
    await coordinator.getByLabel("Omschrijving").fill("Eerste dorpsavond in Oosterend");
    await coordinator.getByRole("button", { name: "Toevoegen aan leeragenda" }).click();
    await expect.poll(() => main(coordinator)).toContain("Er zijn lokale acties afgesproken.");
    await coordinator.goto(`/programma/trajecten/${slug}/aanmelden`);
    await expect.poll(() => main(coordinator)).toContain("Uw gemeente heeft zich al aangemeld voor dit traject.");
    expect(await coordinator.getByRole("button", { name: "Aanmelding versturen" }).count()).toBe(0);
    await expectAccessible(coordinator);

    // The supervisor reads what the municipality submitted and its learning agenda, with the action's status.
    const supervisor = await openTab(browser, app.url, mode);
    await supervisor.goto(`/beheer/trajecten/${slug}`);
    await signIn(supervisor, `begeleider-${tag}@example.org`);
    await supervisor.waitForURL(`${app.url}/beheer/trajecten/${slug}`);
    const submitted = supervisor.getByRole("article", { name: municipality, exact: true });
    await expect.poll(() => submitted.textContent()).toContain("Dorpsraden na de herindeling");
    const read = (await submitted.textContent()) ?? "";
    expect(read).toContain("raadsbreed");
    expect(read).toContain(`Anne de Vries (projectleider), contact-${tag}@example.org`);
    expect(read).toContain(`Leeragenda van ${municipality}`);
    expect(read).toContain("Eerste dorpsavond in Oosterend – nog niet begonnen");
    await expectAccessible(supervisor);

    // The learning group: the municipality sees Gemeente 2 and its action, without a contact, for Gemeente 2 has not
    // opted in. It opts in itself, and Gemeente 2's coordinator then sees its contact.
    await coordinator.goto(`/${gemeente}/beheer/aanmeldingen`);
    await coordinator.getByRole("link", { name: "Bekijk de andere gemeenten in de leergroep" }).click();
    await coordinator.waitForURL(`${app.url}/${gemeente}/beheer/aanmeldingen/leergroep`);
    const peer = coordinator.getByRole("article", { name: "Gemeente 2", exact: true });
    await expect.poll(() => peer.textContent()).toContain("Dorpshuis als ontmoetingsplek – bezig");
    expect(await peer.textContent()).toContain("Deze gemeente deelt geen contactpersoon.");
    await expectAccessible(coordinator);
    await coordinator.getByLabel("Laat onze contactpersoon zien aan de andere gemeenten in deze leergroep").check();
    await coordinator.getByRole("button", { name: "Opslaan", exact: true }).click();
    await expect.poll(() => main(coordinator)).toContain("Uw contactpersoon is nu zichtbaar voor de andere gemeenten");
    expect(await main(coordinator)).toContain("Uw gemeente laat haar contactpersoon zien aan de andere gemeenten.");
    await expectAccessible(coordinator);
    const other = await openTab(browser, app.url, mode);
    await other.goto("/gemeente-2/beheer/aanmeldingen/leergroep");
    await signIn(other, "coordinator-peer@example.org");
    await other.waitForURL(`${app.url}/gemeente-2/beheer/aanmeldingen/leergroep`);
    const seen = other.getByRole("article", { name: municipality, exact: true });
    await expect
      .poll(() => seen.textContent())
      .toContain(`Contactpersoon: Anne de Vries (projectleider), contact-${tag}@example.org`);
    expect(await seen.textContent()).toContain("Eerste dorpsavond in Oosterend – nog niet begonnen");
    await expectAccessible(other);
    await other.context().close();
    await supervisor.context().close();
    await coordinator.context().close();
    await staff.context().close();
  }, 300_000); // Four accounts through eighteen pages with axe, and without JavaScript every form a full page load.
});
