import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema, withPlatform, withTenant } from "../../src/db/index.ts";
import { findOrCreatePerson, grantRole, setPassword } from "../../src/domain/identity/index.ts";
import { addMeetingSlot, getMeeting, scheduleMeeting, signUpForTrack } from "../../src/domain/programme/index.ts";
import { dutchTime } from "../../src/domain/shared/index.ts";
import { createTenant } from "../../src/domain/tenancy/index.ts";
import { type AppInstance, startApp } from "../support/app-instance.ts";
import { bothModes, expectAccessible, launchBrowser, openTab, signInWithPassword } from "../support/browser.ts";
import { type Mailbox, startMailbox } from "../support/mailbox.ts";

/**
 * Programme staff schedule a start session with two parallel tracks, people sign up, staff move it to the afternoon
 * and everyone signed up gets the updated `.ics` (same UID, SEQUENCE 1); with the move staff invite one municipality
 * only, which the public page then says (ADR 0033); the lists download as CSV; then staff call it off and the
 * cancelling `.ics` goes out. Bad input first on each form, axe on every page, JavaScript on and off.
 */
let app: AppInstance;
let browser: Browser;
let mailbox: Mailbox;
let programmeId: string;
const PASSWORD = "bijeenkomsten beheren";
const year = new Date().getUTCFullYear() + 1;
const day = `${year}-03-04`;
const utc = (hhmm: string) => `${year}0304T${String(Number(hhmm.slice(0, 2)) - 1).padStart(2, "0")}${hhmm.slice(3)}00Z`;

beforeAll(async () => {
  mailbox = await startMailbox();
  app = await startApp({ env: { SMTP_URL: mailbox.url } });
  programmeId = await withPlatform(app.database.db, async (tx) => {
    const programme = await createTenant(tx, { slug: "dia", name: "Democratie in Actie", kind: "programme" });
    await createTenant(tx, { slug: "dijkstad", name: "Gemeente Dijkstad", kind: "municipality" });
    for (const mode of ["js", "nojs"]) {
      // Someone without a role at Gemeente Dijkstad, once only its people may sign up.
      const outsider = await findOrCreatePerson(tx, {
        email: `buiten-${mode}@example.org`,
        displayName: "Buitenstaander",
      });
      await setPassword(tx, { personId: outsider.id, password: PASSWORD, now: new Date() });
      const staff = await findOrCreatePerson(tx, { email: `staf-${mode}@example.org`, displayName: "Staflid" });
      await setPassword(tx, { personId: staff.id, password: PASSWORD, now: new Date() });
      await grantRole(tx, { tenantId: programme.id, personId: staff.id, role: "programme-staff" });
    }
    return programme.id;
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await mailbox?.close();
});

const main = (page: Page) => page.locator("main").textContent();
const section = (page: Page, heading: string) =>
  page.locator("section").filter({ has: page.getByRole("heading", { name: heading }) });

async function signUp(slug: string, track: string, email: string) {
  const personId = await withPlatform(
    app.database.db,
    async (tx) => (await findOrCreatePerson(tx, { email, displayName: email.split("@")[0]! })).id,
  );
  await withTenant(app.database.db, { tenantId: programmeId, personId }, async (tx) => {
    const meeting = await getMeeting(tx, { tenantId: programmeId, slug });
    const slot = meeting!.slots.find((s) => s.title === track)!;
    await signUpForTrack(tx, {
      tenantId: programmeId,
      slotId: slot.id,
      personId,
      answers: { organisation: "Gemeente Dijkstad" },
      meetingLink: (s) => `${app.url}/programma/bijeenkomsten/${s}`,
      now: new Date(),
    });
  });
  return mailbox.waitForMail(email);
}

describe.each(bothModes)("staff manage a meeting $name", (mode) => {
  const suffix = mode.javaScript ? "js" : "nojs";
  const slug = `startbijeenkomst-${suffix}`;

  it("schedules it with parallel tracks, moves it with an updated .ics for everyone, exports and cancels it", async () => {
    const page = await openTab(browser, app.url, mode);
    await signInWithPassword(page, {
      path: "/beheer/bijeenkomsten",
      email: `staf-${suffix}@example.org`,
      password: PASSWORD,
    });
    await expectAccessible(page);
    await page.getByRole("link", { name: "Nieuwe bijeenkomst" }).first().click();
    await page.waitForURL(/\/beheer\/bijeenkomsten\/nieuw$/);
    await expectAccessible(page);

    // An end before the start comes back with a message at the end time, and nothing is made.
    await page.getByLabel("Naam van de bijeenkomst", { exact: true }).fill("Startbijeenkomst");
    await page.getByLabel("Webadres", { exact: true }).fill(slug);
    await page.getByLabel("Datum", { exact: true }).fill(day);
    await page.getByLabel("Begintijd", { exact: true }).fill("09:30");
    await page.getByLabel("Eindtijd", { exact: true }).fill("09:00");
    await page.getByLabel("Locatie (naam van het gebouw)", { exact: true }).fill("Stadskantoor");
    await page.getByLabel("Adres", { exact: true }).fill("Stadsplateau 1");
    await page.getByLabel("Plaats", { exact: true }).fill("Utrecht");
    await page.getByRole("button", { name: "Bijeenkomst plannen" }).click();
    await expect.poll(() => page.getByRole("alert").count()).toBeGreaterThan(0);
    expect(await main(page)).toContain("Eindtijd");
    await expectAccessible(page);
    await page.getByLabel("Eindtijd", { exact: true }).fill("16:00");
    await page.getByRole("button", { name: "Bijeenkomst plannen" }).click();
    await page.waitForURL(new RegExp(`/beheer/bijeenkomsten/${slug}\\?melding=created$`));
    await expectAccessible(page);

    // Two parallel tracks; a track without seats is refused first.
    const slotForm = section(page, "Onderdeel toevoegen");
    await slotForm.getByLabel("Onderdeel", { exact: true }).fill("Raadswerk");
    await slotForm.getByLabel("Begintijd", { exact: true }).fill("10:00");
    await slotForm.getByLabel("Eindtijd", { exact: true }).fill("12:30");
    await slotForm.getByRole("button", { name: "Onderdeel toevoegen" }).click();
    await expect
      .poll(() => page.getByText("Vul in hoeveel mensen aan dit onderdeel kunnen meedoen.").count())
      .toBeGreaterThan(0);
    await expectAccessible(page);
    for (const track of ["Raadswerk", "Wijkraden"]) {
      const form = section(page, "Onderdeel toevoegen");
      await form.getByLabel("Onderdeel", { exact: true }).fill(track);
      await form.getByLabel("Begintijd", { exact: true }).fill("10:00");
      await form.getByLabel("Eindtijd", { exact: true }).fill("12:30");
      await form.getByLabel("Plaatsen", { exact: true }).fill("1");
      await form.getByRole("button", { name: "Onderdeel toevoegen" }).click();
      await page.waitForURL(/melding=slot$/);
      await expect.poll(async () => (await main(page))?.includes(track)).toBe(true);
    }

    const anna = `anna-${suffix}@example.nl`;
    const bram = `bram-${suffix}@example.nl`;
    const cas = `cas-${suffix}@example.nl`;
    const confirmation = await signUp(slug, "Raadswerk", anna);
    expect(confirmation.attachments[0]?.content).toContain(`DTSTART:${utc("10:00")}`);
    const uid = /UID:(\S+)/.exec(confirmation.attachments[0]!.content)![1];
    await signUp(slug, "Wijkraden", bram);
    expect((await signUp(slug, "Raadswerk", cas)).subject).toBe("Op de wachtlijst: Raadswerk");

    await page.goto(`/beheer/bijeenkomsten/${slug}`);
    const list = page.getByRole("table", { name: "Aanmeldingen voor Startbijeenkomst" });
    await expect.poll(() => list.getByRole("row").count()).toBe(4);
    expect(await list.textContent()).toContain("Wachtlijst, plaats 1");
    await expectAccessible(page);

    // Staff move it to the afternoon: the tracks move along, and everyone gets the new appointment. From now on only
    // the people of Gemeente Dijkstad can sign up; those already signed up keep their places.
    const details = section(page, "Gegevens wijzigen of verplaatsen");
    await details.getByLabel("Begintijd", { exact: true }).fill("13:00");
    await details.getByLabel("Eindtijd", { exact: true }).fill("19:30");
    await details
      .getByLabel("Wie mag zich aanmelden?", { exact: true })
      .selectOption({ label: "Alleen medewerkers en raadsleden van de uitgenodigde gemeenten" });
    await details
      .getByRole("group", { name: "Uitgenodigde gemeenten" })
      .getByLabel("Gemeente Dijkstad", { exact: true })
      .check();
    await details.getByRole("button", { name: "Wijzigingen opslaan" }).click();
    await page.waitForURL(/melding=moved$/);
    await expectAccessible(page);
    const moved = await mailbox.waitForMail(anna);
    expect(moved.subject).toBe("Gewijzigd: Startbijeenkomst");
    const ics = moved.attachments[0]!.content;
    expect(ics).toContain(`UID:${uid}`);
    expect(ics).toContain("SEQUENCE:1");
    expect(ics).toContain(`DTSTART:${utc("13:30")}`);
    expect((await mailbox.waitForMail(bram)).attachments[0]?.content).toContain("SEQUENCE:1");
    const waiting = await mailbox.waitForMail(cas);
    expect(waiting.subject).toBe("Gewijzigd: Startbijeenkomst");
    expect(waiting.attachments).toEqual([]);

    const csv = await page.request.get(`/beheer/bijeenkomsten/${slug}/export.csv`);
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    const text = await csv.text();
    expect(text).toContain(anna);
    expect(text).toContain("Op de wachtlijst");
    const xlsx = await page.request.get(`/beheer/bijeenkomsten/${slug}/export.xlsx`);
    expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
    expect((await xlsx.body()).subarray(0, 2).toString()).toBe("PK");

    await page.goto(`/programma/bijeenkomsten/${slug}`);
    await expect
      .poll(() =>
        page.getByText("Alleen medewerkers en raadsleden van Gemeente Dijkstad kunnen zich aanmelden.").count(),
      )
      .toBe(1);
    await expectAccessible(page);
    // Someone outside the audience reads why before any form, on the meeting page and on the sign-up page.
    const outsider = await openTab(browser, app.url, mode);
    await signInWithPassword(outsider, {
      path: `/programma/bijeenkomsten/${slug}/aanmelden`,
      email: `buiten-${suffix}@example.org`,
      password: PASSWORD,
    });
    const why = "U heeft in Samenspel geen rol bij Gemeente Dijkstad. Daarom kunt u zich niet aanmelden.";
    for (const path of [`/programma/bijeenkomsten/${slug}/aanmelden`, `/programma/bijeenkomsten/${slug}`]) {
      await outsider.goto(path);
      await expect.poll(() => outsider.getByText(why, { exact: false }).count()).toBe(1);
      expect(await outsider.getByRole("button", { name: /^Aanmelden voor/ }).count()).toBe(0);
      await expectAccessible(outsider);
    }
    await outsider.context().close();
    await page.goto(`/beheer/bijeenkomsten/${slug}`);

    // Calling it off needs the box ticked; then everyone gets the cancelling .ics.
    const cancel = section(page, "Bijeenkomst afgelasten");
    await cancel.getByRole("button", { name: "Bijeenkomst afgelasten" }).click();
    await expect.poll(() => page.getByText("Vink aan dat de bijeenkomst niet doorgaat.").count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await section(page, "Bijeenkomst afgelasten")
      .getByLabel("Ja, deze bijeenkomst gaat niet door", { exact: true })
      .check();
    await section(page, "Bijeenkomst afgelasten").getByRole("button", { name: "Bijeenkomst afgelasten" }).click();
    await page.waitForURL(/melding=cancelled$/);
    await expectAccessible(page);
    const called = await mailbox.waitForMail(anna);
    expect(called.subject).toBe("Gaat niet door: Startbijeenkomst");
    expect(called.attachments[0]!.content).toContain("METHOD:CANCEL");
    expect(called.attachments[0]!.content).toContain("STATUS:CANCELLED");
    expect(called.attachments[0]!.content).toContain(`UID:${uid}`);

    await page.goto(`/programma/bijeenkomsten/${slug}`);
    await expect.poll(() => page.getByText("Deze bijeenkomst gaat niet door.").count()).toBe(1);
    await expectAccessible(page);
    const audit = await withPlatform(app.database.db, (tx) => tx.select().from(schema.auditLog));
    expect(audit.map((line) => line.action)).toEqual(
      expect.arrayContaining(["programme.meeting-scheduled", "programme.meeting-moved", "programme.meeting-cancelled"]),
    );
    await page.context().close();
  }, 180_000);
});

/**
 * The start session's places are provisional ("Democratie in Actie neemt na aanmelding contact met u op voor
 * definitieve aanmelding", ADR 0031): two people hold one, staff confirm the first and decline the second, and each
 * outcome is mailed; the confirmed place gets its `.ics`.
 */
describe.each(bothModes)("staff decide provisional places $name", (mode) => {
  const suffix = mode.javaScript ? "js" : "nojs";
  const slug = `voorlopig-${suffix}`;

  it("confirms one place with its appointment and declines another with a mail", async () => {
    await withTenant(app.database.db, { tenantId: programmeId }, async (tx) => {
      const meeting = await scheduleMeeting(tx, {
        tenantId: programmeId,
        slug,
        kind: "start-session",
        placesProvisional: true,
        title: "Opstartsessie",
        description: "Voorlopige plaatsen",
        startsAt: dutchTime(day, "09:30"),
        endsAt: dutchTime(day, "16:00"),
      });
      await addMeetingSlot(tx, {
        tenantId: programmeId,
        meetingId: meeting.id,
        kind: "track",
        title: "Raadswerk",
        startsAt: dutchTime(day, "10:00"),
        endsAt: dutchTime(day, "12:30"),
        capacity: 5,
      });
    });
    const [anna, bram] = [`anna-voorlopig-${suffix}@example.nl`, `bram-voorlopig-${suffix}@example.nl`];
    for (const email of [anna, bram]) {
      const held = await signUp(slug, "Raadswerk", email);
      expect(held.subject).toBe("Voorlopig aangemeld: Raadswerk");
      expect(held.attachments).toEqual([]);
    }

    const page = await openTab(browser, app.url, mode);
    await signInWithPassword(page, {
      path: `/beheer/bijeenkomsten/${slug}`,
      email: `staf-${suffix}@example.org`,
      password: PASSWORD,
    });
    const provisional = section(page, "Voorlopige plaatsen bevestigen");
    await expect.poll(() => provisional.getByRole("listitem").count()).toBe(2);
    await expectAccessible(page);

    await provisional.getByRole("button", { name: `Bevestig anna-voorlopig-${suffix} (Raadswerk)` }).click();
    await page.waitForURL(/melding=confirmed$/);
    await expect
      .poll(() => page.getByText("De plaats is bevestigd. De deelnemer krijgt een e-mail met de afspraak.").count())
      .toBe(1);
    await expectAccessible(page);
    const confirmed = await mailbox.waitForMail(anna);
    expect(confirmed.subject).toBe("Aangemeld: Raadswerk");
    expect(confirmed.attachments[0]?.content).toContain(`DTSTART:${utc("10:00")}`);

    await section(page, "Voorlopige plaatsen bevestigen")
      .getByRole("button", { name: `Wijs bram-voorlopig-${suffix} af (Raadswerk)` })
      .click();
    await page.waitForURL(/melding=declined$/);
    await expect.poll(() => page.getByText("De plaats is afgewezen. De deelnemer krijgt een e-mail.").count()).toBe(1);
    // Nobody is left to decide on, so the section is gone.
    expect(await section(page, "Voorlopige plaatsen bevestigen").count()).toBe(0);
    await expectAccessible(page);
    const declined = await mailbox.waitForMail(bram);
    expect(declined.subject).toBe("Geen plaats: Raadswerk");
    expect(declined.attachments).toEqual([]);
    await page.context().close();
  }, 120_000);
});
