import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema, withPlatform, withTenant } from "../../src/db/index.ts";
import {
  castBallot,
  countRound,
  createCodeBatch,
  formatCode,
  revealCodeBatch,
} from "../../src/domain/budgeting/index.ts";
import { findOrCreatePerson, grantRole, setPassword } from "../../src/domain/identity/index.ts";
import { createTenant } from "../../src/domain/tenancy/index.ts";
import { loadConfig } from "../../src/platform/config.ts";
import { type AppInstance, startApp } from "../support/app-instance.ts";
import { bothModes, descriptionOf, expectAccessible, launchBrowser, openTab } from "../support/browser.ts";
import { givenPublishedRound, givenRound, KNAPSACK } from "../support/budgeting-fixtures.ts";
import { linkIn, type Mailbox, type ReceivedMail, startMailbox } from "../support/mailbox.ts";

/**
 * Issue 11, lean: a resident submits a plan, staff review it, a voter votes with a postal code, staff publish; a voter
 * shares out points and changes the ballot with the change code before the close, the voting code refused a second time;
 * two staff members enter a stack of paper ballots, and a difference blocks it until the entries agree; a resident
 * follows a funded plan and hears of its realisation by e-mail; another follows a whole round, refused first without
 * an address, and hears that voting opened.
 */
let app: AppInstance;
let browser: Browser;
let mailbox: Mailbox;
const PASSWORD = "burgerbegroting met twee handen";
/** The key the test app derives its voting codes with (the development key, as no VOTING_CODE_KEY is set). */
const KEY = loadConfig({ NODE_ENV: "test", PORT: "0" }).votingCodeKey;
const towns = new Map<string, { tenantId: string; staffId: string }>();

beforeAll(async () => {
  mailbox = await startMailbox();
  app = await startApp({ env: { SMTP_URL: mailbox.url } });
  await withPlatform(app.database.db, async (tx) => {
    for (const slug of ["aldorp-pb", "aldorp-pb-js"]) {
      const tenant = await createTenant(tx, { slug, name: `Gemeente ${slug}`, kind: "municipality" });
      const staff = await findOrCreatePerson(tx, { email: `staf@${slug}.example.org`, displayName: "Sanne Staf" });
      await grantRole(tx, { tenantId: tenant.id, personId: staff.id, role: "municipal-staff" });
      await setPassword(tx, { personId: staff.id, password: PASSWORD, now: new Date() });
      // A second pair of hands for the paper ballots' double entry.
      const second = await findOrCreatePerson(tx, { email: `staf2@${slug}.example.org`, displayName: "Sem Staf" });
      await grantRole(tx, { tenantId: tenant.id, personId: second.id, role: "municipal-staff" });
      await setPassword(tx, { personId: second.id, password: PASSWORD, now: new Date() });
      const resident = await findOrCreatePerson(tx, { email: `inwoner@${slug}.example.org`, displayName: "Ineke" });
      await setPassword(tx, { personId: resident.id, password: PASSWORD, now: new Date() });
      towns.set(slug, { tenantId: tenant.id, staffId: staff.id });
    }
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await mailbox?.close();
});

async function signIn(page: Page, email: string, path: string) {
  await page.goto(path);
  await page.waitForURL(/\/inloggen\?terug=/);
  await page.locator("#password").getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Inloggen met wachtwoord" }).click();
  await page.waitForURL(`${app.url}${path}`);
}

/** Voting codes for the round's first area, made and revealed as staff do. */
function givenCodes(
  { tenantId, staffId }: { tenantId: string; staffId: string },
  round: { roundId: string; areas: { id: string }[] },
  size: number,
) {
  return withTenant(app.database.db, { tenantId }, async (tx) => {
    const { batchId } = await createCodeBatch(tx, {
      tenantId,
      roundId: round.roundId,
      roundAreaId: round.areas[0]!.id,
      size,
      key: KEY,
      actorPersonId: staffId,
      now: new Date(),
    });
    const revealed = await revealCodeBatch(tx, {
      tenantId,
      roundId: round.roundId,
      batchId,
      key: KEY,
      actorPersonId: staffId,
      format: "csv",
    });
    return revealed.codes;
  });
}

const PLANS = [
  { area: 0, title: "Speeltuin", cost: 60_000 },
  { area: 0, title: "Bankjes", cost: 30_000 },
];

describe.each(bothModes)("the burgerbegroting $name", (mode) => {
  const slug = mode.javaScript ? "aldorp-pb-js" : "aldorp-pb";
  const town = () => towns.get(slug)!;

  /** The follow form of the page: an address, then the notice to look in the mailbox. */
  async function askToFollow(page: Page, email: string) {
    await page.getByLabel("E-mailadres").fill(email);
    await page.getByRole("button", { name: "Volgen" }).click();
    await expect
      .poll(() => page.getByText("Kijk in uw e-mail. Klik op de link in de mail om het volgen te bevestigen.").count())
      .toBe(1);
    await expectAccessible(page);
  }

  /** The confirmation mail's link, its button, then the way back to what is followed. */
  async function confirmAndGoBack(page: Page, mail: ReceivedMail) {
    await page.goto(linkIn(mail, `${app.url}/${slug}/volgen/bevestigen/`));
    await page.getByRole("button", { name: "Bevestigen" }).click();
    await expect.poll(() => page.getByText("Bedankt. U krijgt vanaf nu e-mail als er nieuws is.").count()).toBe(1);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Terug naar de pagina" }).click();
  }

  /** One click on a mail's unsubscribe link, which its headers carry too (RFC 8058). */
  async function unsubscribeWith(page: Page, mail: ReceivedMail) {
    const unsubscribe = linkIn(mail, `${app.url}/${slug}/volgen/afmelden/`);
    expect(mail.headerLines.join(" ")).toContain(unsubscribe);
    await page.goto(unsubscribe);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Afmelden" }).click();
    await expect.poll(() => page.getByText("U bent afgemeld", { exact: false }).count()).toBe(1);
    await expectAccessible(page);
  }

  it("takes a resident's plan, refusing an empty form first, and lets staff publish and review it", async () => {
    const { tenantId, staffId } = town();
    const round = await givenRound(app.database.db, { tenantId, personId: staffId, plans: [], until: "plans" });
    const page = await openTab(browser, app.url, mode);
    const form = `/${slug}/burgerbegroting/${round.slug}/plan-indienen`;
    await signIn(page, `inwoner@${slug}.example.org`, form);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Plan indienen" }).click();
    await expect.poll(() => page.getByText("Controleer de volgende velden").count()).toBeGreaterThan(0);
    await page.getByLabel("Titel van uw plan").fill("Bloemen op de brink");
    await page.getByLabel("Beschrijving").fill("Bloembakken rond de brink, onderhouden door de buurt.");
    await page.getByLabel("Waar? (straat, plein of park)").fill("De Brink");
    await page.getByLabel("Wat kost het ongeveer? (hele euro's)").fill("4.500");
    await page.getByRole("button", { name: "Plan indienen" }).click();
    await expect.poll(() => page.getByText("Bedankt! Uw plan is ontvangen.", { exact: false }).count()).toBe(1);
    await expectAccessible(page);

    const staff = await openTab(browser, app.url, mode);
    const manage = `/${slug}/beheer/burgerbegroting/${round.slug}`;
    await signIn(staff, `staf@${slug}.example.org`, manage);
    await expectAccessible(staff);
    await staff.getByRole("button", { name: "Publiceren", exact: true }).click();
    await expect.poll(() => staff.getByText("Het plan is bijgewerkt.").count()).toBe(1);
    await staff.getByLabel("Kosten volgens de gemeente (hele euro's)").fill("5000");
    await staff.getByLabel("Toelichting (wordt gepubliceerd)").fill("Kan, met vaste bakken.");
    await staff.getByRole("button", { name: "Toetsing opslaan" }).click();
    await expect.poll(() => staff.getByText("De toetsing is opgeslagen.").count()).toBe(1);
    await expectAccessible(staff);
    await page.goto(`/${slug}/burgerbegroting/${round.slug}`);
    await expect.poll(() => page.getByText("Kan, met vaste bakken.", { exact: false }).count()).toBe(1);
    await expectAccessible(page);
  });

  it("takes a points ballot, refuses the code a second time, and lets the voter change the ballot with the change code", async () => {
    const { tenantId, staffId } = town();
    const db = app.database.db;
    const round = await givenRound(db, {
      tenantId,
      personId: staffId,
      plans: PLANS,
      rules: { ...KNAPSACK, ballot: { form: "cumulative", points: 10, maxPointsPerPlan: 6 } },
    });
    const [code] = await givenCodes(town(), round, 1);
    const page = await openTab(browser, app.url, mode);
    const enterCode = async () => {
      await page.goto(`/${slug}/burgerbegroting/${round.slug}/stemmen`);
      await page.getByLabel("Uw stemcode").fill(formatCode(code!));
      await page.getByRole("button", { name: "Verder" }).click();
    };
    await enterCode();
    await page.getByLabel("Punten voor Speeltuin").fill("6");
    await page.getByLabel("Punten voor Bankjes").fill("4");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Stem uitbrengen" }).click();
    await expect.poll(() => page.getByText("Dank u wel! Uw stem is opgeslagen.").count()).toBe(1);
    const receipt = /Uw wijzigcode is ([A-Z0-9-]+)\./.exec((await page.locator("main").textContent()) ?? "")![1]!;
    // The post answered with a redirect to the receipt page, which shows the change code once: not after a reload.
    expect(new URL(page.url()).pathname).toBe(`/${slug}/burgerbegroting/${round.slug}/gestemd`);
    await expectAccessible(page);
    await page.reload();
    await expect.poll(() => page.getByText("Hier staat geen wijzigcode meer.", { exact: false }).count()).toBe(1);
    expect(await page.getByText(receipt).count()).toBe(0);

    // The same voting code again is refused on entering it, before a ballot is filled in, and the voter is
    // pointed to the change code.
    await enterCode();
    await expect
      .poll(() => page.getByText("Met deze stemcode is al gestemd.", { exact: false }).count())
      .toBeGreaterThan(0);
    expect(await page.getByLabel("Punten voor Speeltuin").count()).toBe(0);
    await expectAccessible(page);

    // Before the close, the change code opens the ballot as it was cast, and the new points replace the old.
    await page.goto(`/${slug}/burgerbegroting/${round.slug}/stem-wijzigen`);
    await page.getByLabel("Uw wijzigcode").fill(receipt);
    await page.getByRole("button", { name: "Verder" }).click();
    await expect.poll(() => page.getByLabel("Punten voor Speeltuin").inputValue()).toBe("6");
    await page.getByLabel("Punten voor Speeltuin").fill("2");
    await page.getByLabel("Punten voor Bankjes").fill("6");
    await page.getByRole("button", { name: "Wijziging opslaan" }).click();
    await expect.poll(() => page.getByText("Uw stem is gewijzigd.").count()).toBe(1);
    await expectAccessible(page);
    const ballots = await withTenant(db, { tenantId }, (tx) => tx.select().from(schema.pbBallots));
    const ours = ballots.filter((ballot) => ballot.roundId === round.roundId);
    expect(ours).toHaveLength(1);
    const points = Object.fromEntries(ours[0]!.planIds.map((id, i) => [id, ours[0]!.points?.[i]]));
    expect(Object.fromEntries(round.plans.map((plan) => [plan.title, points[plan.id] ?? 0]))).toEqual({
      Speeltuin: 2,
      Bankjes: 6,
    });
  });

  it("takes an approval ballot of at most two plans, refusing three with the reason and storing nothing", async () => {
    const { tenantId, staffId } = town();
    const db = app.database.db;
    const round = await givenRound(db, {
      tenantId,
      personId: staffId,
      plans: [...PLANS, { area: 0, title: "Bomen", cost: 20_000 }],
      rules: { ...KNAPSACK, ballot: { form: "approval", minPlans: 1, maxPlans: 2 } },
    });
    const [code] = await givenCodes(town(), round, 1);
    const page = await openTab(browser, app.url, mode);
    await page.goto(`/${slug}/burgerbegroting/${round.slug}/stemmen`);
    await page.getByLabel("Uw stemcode").fill(formatCode(code!));
    await page.getByRole("button", { name: "Verder" }).click();
    await expect.poll(() => page.getByText("U kruist 1 tot 2 plannen aan die u goed vindt.").count()).toBe(1);
    await expectAccessible(page);
    const box = (title: string) => page.getByRole("checkbox", { name: title, exact: false });
    for (const title of ["Speeltuin", "Bankjes", "Bomen"]) await box(title).check();
    await page.getByRole("button", { name: "Stem uitbrengen" }).click();
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toContain("U hebt 3 plannen gekozen. Dat zijn er te veel: u mag er hoogstens 2 kiezen.");
    // The ballot is back as it was filled in, and nothing was stored: no ballot, and the code still works.
    expect(await Promise.all(["Speeltuin", "Bankjes", "Bomen"].map((title) => box(title).isChecked()))).toEqual([
      true,
      true,
      true,
    ]);
    await expectAccessible(page);
    const ours = async () =>
      (await withTenant(db, { tenantId }, (tx) => tx.select().from(schema.pbBallots))).filter(
        (ballot) => ballot.roundId === round.roundId,
      );
    expect(await ours()).toHaveLength(0);
    await box("Speeltuin").uncheck();
    await page.getByRole("button", { name: "Stem uitbrengen" }).click();
    await expect.poll(() => page.getByText("Dank u wel! Uw stem is opgeslagen.").count()).toBe(1);
    await expectAccessible(page);
    const [ballot] = await ours();
    const titles = new Map(round.plans.map((plan) => [plan.id, plan.title]));
    expect(ballot!.planIds.map((id) => titles.get(id)).sort()).toEqual(["Bankjes", "Bomen"]);
    expect(await ours()).toHaveLength(1);
  });

  it("takes a ranking of the top two, refusing one plan in two places, and keeps the voter's order", async () => {
    const { tenantId, staffId } = town();
    const db = app.database.db;
    const round = await givenRound(db, {
      tenantId,
      personId: staffId,
      plans: [...PLANS, { area: 0, title: "Bomen", cost: 20_000 }],
      // Equal shares measures no ranking (ADR 0016): the rounds of this form count greedy, with Borda scores.
      rules: { ...KNAPSACK, rule: "greedy", comparisonRule: "phragmen", ballot: { form: "ranking", rankCount: 2 } },
    });
    const [code] = await givenCodes(town(), round, 1);
    const page = await openTab(browser, app.url, mode);
    await page.goto(`/${slug}/burgerbegroting/${round.slug}/stemmen`);
    await page.getByLabel("Uw stemcode").fill(formatCode(code!));
    await page.getByRole("button", { name: "Verder" }).click();
    await expect
      .poll(() => page.getByText("U zet hoogstens 2 plannen op volgorde: uw favoriet eerst.").count())
      .toBe(1);
    await expectAccessible(page);
    await page.getByLabel("Keuze 1").selectOption({ label: "Bomen" });
    await page.getByLabel("Keuze 2").selectOption({ label: "Bomen" });
    await page.getByRole("button", { name: "Stem uitbrengen" }).click();
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toContain("U hebt een plan twee keer gekozen. Kies elk plan maar één keer.");
    await expectAccessible(page);
    expect(await page.getByLabel("Keuze 2").inputValue()).toBe(round.plans[2]!.id);
    await page.getByLabel("Keuze 2").selectOption({ label: "Speeltuin" });
    await page.getByRole("button", { name: "Stem uitbrengen" }).click();
    await expect.poll(() => page.getByText("Dank u wel! Uw stem is opgeslagen.").count()).toBe(1);
    await expectAccessible(page);
    const ballots = (await withTenant(db, { tenantId }, (tx) => tx.select().from(schema.pbBallots))).filter(
      (ballot) => ballot.roundId === round.roundId,
    );
    const titles = new Map(round.plans.map((plan) => [plan.id, plan.title]));
    expect(ballots.map((ballot) => ballot.planIds.map((id) => titles.get(id)))).toEqual([["Bomen", "Speeltuin"]]);
  });

  it("counts a stack of paper ballots only once two staff members entered it alike", async () => {
    const { tenantId, staffId } = town();
    const round = await givenRound(app.database.db, { tenantId, personId: staffId, plans: PLANS });
    const [playground, benches] = round.plans.map((plan) => plan.reference);
    const manage = `/${slug}/beheer/burgerbegroting/${round.slug}`;
    const first = await openTab(browser, app.url, mode);
    await signIn(first, `staf@${slug}.example.org`, manage);
    // The raw fields state their schema's limits as the shared fields do, and take no more.
    const label = first.getByLabel("Naam van de stapel");
    expect(await label.getAttribute("maxlength")).toBe("100");
    expect(await descriptionOf(label)).toBe("Maximaal 100 tekens");
    await label.fill("s".repeat(120));
    expect((await label.inputValue()).length).toBe(100);
    await label.fill("Bibliotheek");
    await first.getByRole("button", { name: "Stapel toevoegen" }).click();
    await expect.poll(() => first.getByText("De stapel is toegevoegd.").count()).toBe(1);
    const stack = (page: Page) => page.getByLabel("Stembiljetten van Bibliotheek, één per regel");
    expect(await stack(first).getAttribute("maxlength")).toBe("500000");
    expect(await descriptionOf(stack(first))).toMatch(/ \| Maximaal 500\.000 tekens$/);
    await stack(first).fill(`${playground}\n${benches}\n${playground}, ${benches}`);
    await first.getByRole("button", { name: "Invoer opslaan" }).click();
    await expect.poll(() => first.getByText("Wacht op invoer (1 van 2)").count()).toBe(1);
    await expectAccessible(first);

    // The second entry differs on line 2: the stack is blocked and counts for nothing.
    const second = await openTab(browser, app.url, mode);
    await signIn(second, `staf2@${slug}.example.org`, manage);
    await stack(second).fill(`${playground}\n${playground}\n${playground}, ${benches}`);
    await second.getByRole("button", { name: "Invoer opslaan" }).click();
    await expect
      .poll(() => second.getByText("Geblokkeerd: de twee invoeren verschillen op regel 2.", { exact: false }).count())
      .toBe(1);
    await expectAccessible(second);
    const paperBallots = async () =>
      (await withTenant(app.database.db, { tenantId }, (tx) => tx.select().from(schema.pbBallots))).filter(
        (ballot) => ballot.roundId === round.roundId && ballot.source === "paper",
      );
    expect(await paperBallots()).toHaveLength(0);
    await stack(second).fill(`${playground}\n${benches}\n${playground}, ${benches}`);
    await second.getByRole("button", { name: "Invoer opslaan" }).click();
    await expect.poll(() => second.getByText("Geteld: 3 stembiljetten").count()).toBe(1);
    expect(await paperBallots()).toHaveLength(3);
    await expectAccessible(second);
  });

  it("takes a vote with a postal code, and shows the result once staff publish it", async () => {
    const { tenantId, staffId } = town();
    const db = app.database.db;
    const round = await givenRound(db, { tenantId, personId: staffId, plans: PLANS });
    const codes = await givenCodes(town(), round, 3);
    const page = await openTab(browser, app.url, mode);
    await page.goto(`/${slug}/burgerbegroting/${round.slug}/stemmen`);
    await expectAccessible(page);
    await page.getByLabel("Uw stemcode").fill(formatCode(codes[0]!));
    await page.getByRole("button", { name: "Verder" }).click();
    await page.getByLabel("Bankjes", { exact: false }).check();
    await page.getByRole("button", { name: "Stem uitbrengen" }).click();
    await expect.poll(() => page.getByText("Dank u wel! Uw stem is opgeslagen.").count()).toBe(1);
    await expectAccessible(page);

    // Another voter, then the close and the count (the queue's work), then staff publish.
    await withTenant(db, { tenantId }, (tx) =>
      castBallot(tx, {
        tenantId,
        roundSlug: round.slug,
        code: codes[1]!,
        choices: [{ planId: round.plans[0]!.id }],
        key: KEY,
        now: new Date(),
      }),
    );
    await round.move("voting", "counting");
    await withTenant(db, { tenantId }, (tx) => countRound(tx, { tenantId, roundId: round.roundId, now: new Date() }));
    const staff = await openTab(browser, app.url, mode);
    const manage = `/${slug}/beheer/burgerbegroting/${round.slug}`;
    await signIn(staff, `staf@${slug}.example.org`, manage);
    await page.goto(`/${slug}/burgerbegroting/${round.slug}/uitslag`);
    await expect.poll(() => page.getByText("Deze pagina bestaat niet", { exact: false }).count()).toBeGreaterThan(0);
    await staff.getByRole("button", { name: "Uitslag publiceren" }).click();
    await expect.poll(() => staff.getByText("De ronde staat in een nieuwe fase.").count()).toBe(1);
    await expectAccessible(staff);
    await page.goto(`/${slug}/burgerbegroting/${round.slug}/uitslag`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("Uitslag");
    await expect.poll(() => page.getByText("2 stemmers.", { exact: false }).count()).toBeGreaterThan(0);
    await expectAccessible(page);
    // Each plan's explanation is on its own page, reached from the tables.
    await page.getByRole("link", { name: "Bankjes" }).first().click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Bankjes");
    await expect.poll(() => page.getByRole("heading", { name: "Waarom?" }).count()).toBe(1);
    await expectAccessible(page);
  });

  it("lets a resident follow a funded plan, and mails the realisation update staff post on it", async () => {
    const { tenantId, staffId } = town();
    const round = await givenPublishedRound(app.database.db, {
      tenantId,
      personId: staffId,
      plans: PLANS,
      ballots: [[0], [0, 1], [1]],
    });
    const resident = `volger@${slug}.example.org`;
    const realisation = `/${slug}/burgerbegroting/${round.slug}/uitvoering`;
    const page = await openTab(browser, app.url, mode);
    await page.goto(realisation);
    await expectAccessible(page);
    await page.getByLabel("Welk plan wilt u volgen?").selectOption({ label: "1. Speeltuin (Centrum)" });
    await askToFollow(page, resident);
    const confirmation = await mailbox.waitForMail(resident);
    expect(confirmation.subject).toContain("Speeltuin");
    // The way back is the followed plan on the realisation page, not the municipality's home.
    await confirmAndGoBack(page, confirmation);
    await expect.poll(() => page.url()).toBe(`${app.url}${realisation}#uitvoering-${round.plans[0]!.id}`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("Uitvoering");

    const staff = await openTab(browser, app.url, mode);
    await signIn(staff, `staf@${slug}.example.org`, `/${slug}/beheer/burgerbegroting/${round.slug}/uitvoering`);
    await staff.getByLabel("Plan", { exact: true }).selectOption({ label: "1. Speeltuin (Centrum)" });
    await staff.getByLabel("Stand van zaken").selectOption({ label: "In uitvoering" });
    await staff.getByLabel("Datum").fill("2026-11-02");
    await staff.getByLabel("Bericht", { exact: true }).fill("De aannemer heeft de grond afgegraven.");
    await staff.getByRole("button", { name: "Bericht plaatsen" }).click();
    await expect.poll(() => staff.getByText("Het bericht staat op de pagina over de uitvoering.").count()).toBe(1);
    await expectAccessible(staff);

    // Sent by the queue's worker, not while staff waited.
    const update = await mailbox.waitForMail(resident, { timeoutMs: 20_000 });
    expect(update.subject).toBe("Nieuws over Speeltuin");
    expect(update.text).toContain("De aannemer heeft de grond afgegraven.");
    expect(update.text).toContain("2 november 2026: in uitvoering");
    await unsubscribeWith(page, update);
    await page.context().close();
    await staff.context().close();
  });

  it("lets a resident follow a whole round: confirmed by e-mail, back to the round, a mail when voting opens, one-click stop", async () => {
    const { tenantId, staffId } = town();
    const round = await givenRound(app.database.db, { tenantId, personId: staffId, until: "review" });
    const resident = `rondevolger@${slug}.example.org`;
    const roundPage = `/${slug}/burgerbegroting/${round.slug}`;
    const page = await openTab(browser, app.url, mode);
    await page.goto(roundPage);
    await expectAccessible(page);

    // Without an address: a message at the field, and nothing stored.
    await page.getByRole("button", { name: "Volgen" }).click();
    await expect.poll(() => page.getByText("Controleer de volgende velden").count()).toBeGreaterThan(0);
    await expectAccessible(page);
    const follows = () => withPlatform(app.database.db, (tx) => tx.$count(schema.follows));
    const before = await follows();

    await askToFollow(page, resident);
    expect(await follows()).toBe(before + 1);

    const confirmation = await mailbox.waitForMail(resident);
    expect(confirmation.subject).toBe("Bevestig: u volgt Burgerbegroting");
    await confirmAndGoBack(page, confirmation);
    await expect.poll(() => page.url()).toBe(`${app.url}${roundPage}`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Burgerbegroting");

    // Staff open voting; the queue's worker mails the follower.
    await round.move("review", "voting");
    const voting = await mailbox.waitForMail(resident, { timeoutMs: 20_000 });
    expect(voting.subject).toBe("U kunt nu stemmen: Burgerbegroting");
    expect(voting.text).toContain(`${app.url}${roundPage}`);
    await unsubscribeWith(page, voting);
    await page.context().close();
  });
});
