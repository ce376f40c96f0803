import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema, withPlatform, withTenant } from "../../src/db/index.ts";
import { findOrCreatePerson, grantRole, setPassword } from "../../src/domain/identity/index.ts";
import {
  createProcess,
  getProcess,
  processPhases,
  publishProcess,
  setParticipationRule,
  updateMoment,
} from "../../src/domain/processes/index.ts";
import { PHASES_ADVANCE_JOB, phaseJobHandlers } from "../../src/domain/shared/index.ts";
import { createTenant } from "../../src/domain/tenancy/index.ts";
import { type AppInstance, startApp } from "../support/app-instance.ts";
import { bothModes, descriptionOf, expectAccessible, launchBrowser, openTab } from "../support/browser.ts";
import { linkIn, type Mailbox, startMailbox } from "../support/mailbox.ts";

/**
 * Issue 13: staff build a process from a template, remove a phase and add another (an overlap refused first), set
 * its levels and moments and publish it past the ordinance's flag (a published phase goes only with a reason); a resident reads the card on a phone, follows it and is mailed when a moment opens; staff publish feedback;
 * a participant evaluates a closed process and staff turn the remark into a draft lesson.
 */
let app: AppInstance;
let browser: Browser;
let mailbox: Mailbox;
const PASSWORD = "spelregels voor iedereen";
const tenants = new Map<string, string>();

const dutchDay = (offsetDays: number) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );

beforeAll(async () => {
  mailbox = await startMailbox();
  app = await startApp({ env: { SMTP_URL: mailbox.url } });
  const db = app.database.db;
  await withPlatform(db, async (tx) => {
    const programme = await createTenant(tx, {
      slug: "democratie-in-actie",
      name: "Democratie in Actie",
      kind: "programme",
    });
    await tx.insert(schema.trajectories).values({
      tenantId: programme.id,
      slug: "spelregels-voor-democratische-processen",
      title: "Spelregels voor democratische processen",
      theme: "spelregels",
      summary: "Spelregels",
    });
    for (const slug of ["veenhoven-sp", "veenhoven-sp-js"]) {
      const tenant = await createTenant(tx, { slug, name: `Gemeente ${slug}`, kind: "municipality" });
      tenants.set(slug, tenant.id);
      const person = await findOrCreatePerson(tx, { email: `staf@${slug}.example.org`, displayName: "Sanne Staf" });
      await grantRole(tx, { tenantId: tenant.id, personId: person.id, role: "municipal-staff" });
      await setPassword(tx, { personId: person.id, password: PASSWORD, now: new Date() });
    }
  });
  for (const [slug, tenantId] of tenants) {
    await withTenant(db, { tenantId }, async (tx) => {
      await setParticipationRule(tx, {
        tenantId,
        decisionKind: "dorpsvisie",
        label: "Dorpsvisie",
        needsPlan: true,
        minimumLevel: "meebeslissen",
        actorPersonId: null,
      });
      // A process that ran last year: it is closed, so participants can evaluate it.
      const { id } = await createProcess(tx, {
        tenantId,
        template: "herindeling",
        title: "Herindeling Veenhoven",
        startsOn: "2025-01-06",
        responsible: "Griffie",
        actorPersonId: null,
        now: new Date(),
      });
      await publishProcess(tx, {
        tenantId,
        tenantSlug: slug,
        processId: id,
        acceptFlags: true,
        actorPersonId: null,
        now: new Date(),
      });
    });
  }
  await advancePhases();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await mailbox?.close();
});

/** The queue's recurring step through dated phases (every minute in the app), taken now instead of waited for. */
const advancePhases = () =>
  phaseJobHandlers({ machines: [processPhases] })[PHASES_ADVANCE_JOB]!(
    {},
    { id: 0, kind: PHASES_ADVANCE_JOB, payload: {}, attempts: 1 },
    { now: new Date(), db: app.database.db },
  );

async function signIn(page: Page, email: string, path: string) {
  await page.goto(path);
  await page.waitForURL(/\/inloggen\?terug=/);
  await page.locator("#password").getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Inloggen met wachtwoord" }).click();
  await page.waitForURL(`${app.url}${path}`);
}

const status = (page: Page) => page.getByRole("status").first().textContent();
const formWith = (page: Page, button: string) =>
  page.locator("form", { has: page.getByRole("button", { name: button, exact: true }) });

describe.each(bothModes)("spelregels $name", (mode) => {
  const slug = mode.javaScript ? "veenhoven-sp-js" : "veenhoven-sp";
  const title = "Dorpsvisie Veenhoven 2030";
  const processSlug = "dorpsvisie-veenhoven-2030";
  const resident = `inwoner@${slug}.example.org`;

  it("staff build a process from a template, meet the ordinance, add a moment and publish", async () => {
    const page = await openTab(browser, app.url, mode);
    await signIn(page, `staf@${slug}.example.org`, `/${slug}/beheer/processen`);
    await expectAccessible(page);
    const create = formWith(page, "Proces maken");
    await create.getByLabel("Sjabloon").selectOption("dorpsvisie");
    await create.getByLabel("Titel").fill(title);
    await create.getByLabel("Startdatum").fill(dutchDay(-35));
    await create.getByLabel("Verantwoordelijk in de organisatie").fill("Team Ruimte");
    await create.getByRole("button", { name: "Proces maken" }).click();
    await page.waitForURL(new RegExp(`/${slug}/beheer/processen/${processSlug}\\?melding=created`));
    // Below the ordinance's minimum: the flag shows before publishing.
    await expect
      .poll(() => page.getByText("Let op: dit proces past niet bij de participatieverordening").count())
      .toBe(1);
    await expectAccessible(page);

    const design = formWith(page, "Fase Visie schrijven opslaan");
    await design.getByLabel("Niveau op de participatieladder").selectOption("meebeslissen");
    await design.getByRole("button", { name: "Fase Visie schrijven opslaan" }).click();
    await expect.poll(() => status(page)).toBe("De wijziging is opgeslagen.");
    expect(await page.getByText("Let op: dit proces past niet bij de participatieverordening").count()).toBe(0);

    // While it is a draft, a phase can go at once, and another stage's phase can come in its place.
    const evaluation = page.getByRole("region", { name: "Evaluatie (evaluatie)" });
    await evaluation.getByText("Fase verwijderen", { exact: true }).click();
    await evaluation.getByRole("button", { name: "Fase Evaluatie verwijderen" }).click();
    await expect.poll(() => status(page)).toBe("De fase is verwijderd.");
    expect(await page.getByRole("region", { name: "Evaluatie (evaluatie)" }).count()).toBe(0);
    const addPhase = page.getByRole("region", { name: "Een fase toevoegen" });
    await addPhase.getByLabel("Soort fase").selectOption("evaluation");
    await addPhase.getByLabel("Naam van de fase").fill("Terugblik met het dorp");
    // It would overlap the realisation phase (which runs a year from day 195): refused, nothing added.
    await addPhase.getByLabel("Begint op").fill(dutchDay(500));
    await addPhase.getByLabel("Eindigt op").fill(dutchDay(560));
    await addPhase.getByLabel("Niveau op de participatieladder").selectOption("raadplegen");
    await addPhase.getByLabel("Wie doet mee").fill("inwoners, dorpsraad");
    await addPhase.getByRole("button", { name: "Fase toevoegen" }).click();
    await expect
      .poll(() => page.getByRole("region", { name: "Een fase toevoegen" }).getByText("Fasen komen na elkaar.").count())
      .toBeGreaterThan(0);
    expect(await page.locator("section[aria-labelledby^='fase-']").count()).toBe(5);
    await expectAccessible(page);
    await addPhase.getByLabel("Begint op").fill(dutchDay(540));
    await addPhase.getByRole("button", { name: "Fase toevoegen" }).click();
    await expect.poll(() => status(page)).toBe("De fase is toegevoegd.");
    expect(await page.getByRole("region", { name: "Terugblik met het dorp (evaluatie)" }).count()).toBe(1);
    expect(await page.getByText("Dit proces heeft alle soorten fasen al.").count()).toBe(1);

    const ideas = page.getByRole("region", { name: "Ideeën ophalen (ideeën)" });
    await ideas.getByText("Moment van invloed toevoegen").click();
    const momentForm = ideas.locator("form", { has: page.getByRole("button", { name: "Moment toevoegen" }) });
    await momentForm.getByLabel("Naam van het moment").fill("Inloopavond jongeren");
    await momentForm.getByLabel("Waar u invloed op heeft").fill("Wat jongeren in het dorp willen");
    await momentForm.getByLabel("Open vanaf (datum)").fill(dutchDay(2));
    await momentForm.getByLabel("Open tot en met (datum)").fill(dutchDay(9));
    await momentForm.getByLabel("Terugkoppeling uiterlijk op").fill(dutchDay(40));
    await momentForm.getByRole("button", { name: "Moment toevoegen" }).click();
    await expect.poll(() => status(page)).toBe("Het moment van invloed is toegevoegd.");

    await page.getByRole("button", { name: "Publiceren" }).click();
    await expect.poll(() => status(page)).toBe("Het proces is gepubliceerd.");
    // Published: the two phases that have begun stay; the others can still go, with a reason.
    expect(await page.getByText("Deze fase is begonnen.", { exact: false }).count()).toBe(2);
    const later = page.getByRole("region", { name: "Terugblik met het dorp (evaluatie)" });
    await later.getByText("Fase verwijderen", { exact: true }).click();
    await later.getByRole("button", { name: "Fase Terugblik met het dorp verwijderen" }).click();
    await expect.poll(() => later.getByRole("alert").first().textContent()).toContain("Schrijf op waarom");
    expect(await page.getByRole("region", { name: "Terugblik met het dorp (evaluatie)" }).count()).toBe(1);
    await expectAccessible(page);
    await page.context().close();
  }, 150_000);

  it("a resident reads the card on a phone, follows it, and is mailed when a moment opens", async () => {
    const page = await openTab(browser, app.url, mode);
    await page.setViewportSize({ width: 390, height: 844 });
    // Publishing set the process on its dated phases; the queue's step brings it to today's phase.
    await advancePhases();
    await page.goto(`/${slug}/processen`);
    expect(await page.getByText("Nu: Ideeën ophalen (Raadplegen)", { exact: false }).count()).toBe(1);
    await expectAccessible(page);
    await page.getByRole("link", { name: title }).click();
    await page.waitForURL(`${app.url}/${slug}/processen/${processSlug}`);
    const current = page.locator('.samenspel-timeline li[aria-current="step"]');
    await expect.poll(() => current.locator("h3").textContent()).toBe("Ideeën ophalen – hier zijn we nu");
    expect(await page.locator(".samenspel-timeline > li").count()).toBe(6);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page);

    await page.getByLabel("E-mailadres").fill(resident);
    await page.getByRole("button", { name: "Volgen" }).click();
    await expect
      .poll(() => status(page))
      .toBe("Kijk in uw e-mail. Klik op de link in de mail om het volgen te bevestigen.");
    await page.goto(linkIn(await mailbox.waitForMail(resident), `${app.url}/${slug}/volgen/bevestigen/`));
    await page.getByRole("button", { name: "Bevestigen" }).click();
    await expect.poll(() => status(page)).toBe("Bedankt. U krijgt vanaf nu e-mail als er nieuws is.");

    // The day of the youth evening comes: it opens in a moment, and the follower hears of it.
    const tenantId = tenants.get(slug)!;
    await withTenant(app.database.db, { tenantId }, async (tx) => {
      const process = (await getProcess(tx, { tenantId, slug: processSlug }))!;
      const moment = process.phases.flatMap((p) => p.moments).find((m) => m.title === "Inloopavond jongeren")!;
      await updateMoment(tx, {
        ...moment,
        tenantId,
        tenantSlug: slug,
        momentId: moment.id,
        expectedVersion: moment.version,
        budgetRoundId: null,
        opensAt: new Date(Date.now() + 2_000),
        actorPersonId: null,
        now: new Date(),
      });
    });
    const opened = await mailbox.waitForMail(resident, { timeoutMs: 20_000 });
    expect(opened.text).toContain("Inloopavond jongeren");
    expect(opened.text).toContain(`${app.url}/${slug}/processen/${processSlug}`);
    await page.context().close();
  });

  it("staff publish feedback point by point; followers are mailed and the card shows it", async () => {
    const page = await openTab(browser, app.url, mode);
    await signIn(page, `staf@${slug}.example.org`, `/${slug}/beheer/processen/${processSlug}`);
    const form = page.getByRole("form", { name: "Terugkoppeling bij Dorpsavond" });
    await page.getByText("Terugkoppeling publiceren", { exact: true }).first().click();
    const first = form.getByRole("group", { name: "Punt 1" });
    for (const [field, max] of [
      ["Wat werd er ingebracht", "500"],
      ["Waarom", "1.000"],
    ] as const) {
      expect(await descriptionOf(first.getByLabel(field))).toBe(`Maximaal ${max} tekens`);
      expect(await first.getByLabel(field).getAttribute("maxlength")).toBe(max.replace(".", ""));
    }
    await first.getByLabel("Wat werd er ingebracht").fill("Meer groen op het dorpsplein");
    await first.getByLabel("Wat is ermee gedaan").selectOption("taken-over");
    await form.getByRole("button", { name: "Terugkoppeling publiceren" }).click();
    // A point without its reason is refused; nothing is published.
    await expect.poll(() => form.getByRole("alert").textContent()).toContain("Schrijf de reden op.");
    await expectAccessible(page);
    await form.getByRole("group", { name: "Punt 1" }).getByLabel("Waarom").fill("Het past in het budget.");
    await form.getByRole("button", { name: "Terugkoppeling publiceren" }).click();
    await expect.poll(() => status(page)).toBe("De terugkoppeling is gepubliceerd.");
    expect((await mailbox.waitForMail(resident)).text).toContain("Dorpsavond");
    await page.goto(`/${slug}/processen/${processSlug}`);
    expect(await page.getByText("Meer groen op het dorpsplein").count()).toBe(1);
    await page.context().close();
  });

  it("a participant evaluates a closed process, and staff turn the remark into a draft lesson", async () => {
    const page = await openTab(browser, app.url, mode);
    const path = `/${slug}/processen/herindeling-veenhoven`;
    await page.goto(path);
    expect(await page.getByRole("heading", { name: "Hoe vond u het?" }).count()).toBe(1);
    await page.getByRole("button", { name: "Versturen" }).click();
    await expect.poll(() => page.getByRole("alert").first().textContent()).toContain("Kies een antwoord.");
    await expectAccessible(page);
    for (const [question, answer] of [
      ["Was het duidelijk hoe u kon meedoen?", "4 – wel"],
      ["Voelde u zich gehoord?", "2 – niet"],
      ["Was de terugkoppeling goed?", "3 – neutraal"],
    ] as const) {
      await page.getByRole("group", { name: question }).getByLabel(answer).check();
    }
    await page.getByLabel("Wat kan beter? (mag leeg)").fill("Vertel eerder wat al vastligt.");
    await page.getByRole("button", { name: "Versturen" }).click();
    await expect.poll(() => status(page)).toBe("Bedankt voor uw antwoord.");

    await signIn(page, `staf@${slug}.example.org`, `/${slug}/beheer/processen/herindeling-veenhoven`);
    await expect.poll(() => page.getByText("Vertel eerder wat al vastligt.").count()).toBe(1);
    await page.getByRole("button", { name: "Maak hier een les van voor de kennisbank" }).click();
    await expect.poll(() => status(page)).toBe("De opmerking staat nu als concept-les in de kennisbank.");
    await expectAccessible(page);
    const lessons = await app.database.db.select().from(schema.lessons);
    expect(
      lessons.filter((l) => l.body === "Vertel eerder wat al vastligt." && l.municipalityId === tenants.get(slug)),
    ).toHaveLength(1);
    await page.context().close();
  });
});
