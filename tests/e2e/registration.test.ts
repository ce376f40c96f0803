import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withPlatform, withTenant } from "../../src/db/index.ts";
import { findOrCreatePerson } from "../../src/domain/identity/index.ts";
import { addMeetingSlot, scheduleMeeting, signUpForTrack } from "../../src/domain/programme/index.ts";
import { createTenant } from "../../src/domain/tenancy/index.ts";
import { type AppInstance, startApp } from "../support/app-instance.ts";
import { bothModes, expectAccessible, launchBrowser, openTab } from "../support/browser.ts";
import { linkIn, type Mailbox, startMailbox } from "../support/mailbox.ts";

let app: AppInstance;
let browser: Browser;
let mailbox: Mailbox;
let programmeId: string;
// A meeting in the future: the seed's are in 2019, when registration has long closed.
const day = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 2, 4));
const at = (hours: number) => new Date(day.getTime() + hours * 3_600_000);

beforeAll(async () => {
  mailbox = await startMailbox();
  app = await startApp({ env: { SMTP_URL: mailbox.url } });
  programmeId = await withPlatform(app.database.db, async (tx) => {
    const programme = await createTenant(tx, { slug: "dia", name: "Democratie in Actie", kind: "programme" });
    return programme.id;
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await mailbox?.close();
});

/** A meeting with one track of one place; returns its slot. */
const givenMeeting = (slug: string) =>
  withTenant(app.database.db, { tenantId: programmeId }, async (tx) => {
    const meeting = await scheduleMeeting(tx, {
      tenantId: programmeId,
      slug,
      kind: "start-session",
      title: "Opstartbijeenkomst",
      startsAt: at(8),
      endsAt: at(15),
      city: "Utrecht",
    });
    const track = await addMeetingSlot(tx, {
      tenantId: programmeId,
      meetingId: meeting.id,
      kind: "track",
      title: "Raadswerk",
      capacity: 1,
      startsAt: at(9),
      endsAt: at(11.5),
    });
    return track.id;
  });

describe.each(bothModes)("registering for a track $name", (mode) => {
  const suffix = mode.javaScript ? "js" : "nojs";
  const slug = `opstart-${suffix}`;
  const anna = `anna-${suffix}@example.nl`;
  const bram = `bram-${suffix}@example.nl`;

  it("signs in, registers with input beforehand, mails the .ics, and gives the place to the next in line on cancel", async () => {
    const slotId = await givenMeeting(slug);
    const page = await openTab(browser, app.url, mode);
    await page.goto(`/programma/bijeenkomsten/${slug}`);
    await expect.poll(() => page.getByText("Nog 1 plaats vrij.").count()).toBe(1);
    await expectAccessible(page);

    await page.getByRole("link", { name: "Log in om u aan te melden" }).click();
    await page.waitForURL(/\/inloggen\?terug=/);
    await page.getByLabel("E-mailadres").first().fill(anna);
    await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
    await page.waitForURL(/\/inloggen\/verstuurd$/);
    await page.goto(linkIn(await mailbox.waitForMail(anna), `${app.url}/inloggen/link/`));
    await page.getByRole("button", { name: "Inloggen", exact: true }).click();
    await page.waitForURL(`${app.url}/programma/bijeenkomsten/${slug}`);

    // Without the municipality the sign-up comes back with a message next to the field.
    await page.getByLabel("Uw input vooraf").fill("Hoe betrekken we de raad?");
    await page.getByRole("button", { name: "Aanmelden voor Raadswerk" }).click();
    await page.waitForURL(`${app.url}/programma/bijeenkomsten/${slug}/aanmelden`);
    await expect.poll(() => page.getByText("Vul dit veld in.").count()).toBe(1);
    await expectAccessible(page);
    expect(await page.getByLabel("Uw input vooraf").inputValue()).toBe("Hoe betrekken we de raad?");

    await page.getByLabel("Gemeente of organisatie").fill("Gemeente Dijkstad");
    await page.getByRole("button", { name: "Aanmelden voor Raadswerk" }).click();
    await page.waitForURL(/melding=aangemeld/);
    await expect.poll(() => page.getByText("U bent aangemeld.", { exact: true }).count()).toBe(1);
    await expectAccessible(page);

    const confirmation = await mailbox.waitForMail(anna);
    expect(confirmation.subject).toBe("Aangemeld: Raadswerk");
    const [ics] = confirmation.attachments;
    expect(ics?.filename).toBe("uitnodiging.ics");
    expect(ics?.content).toContain(`DTSTART:${at(9).toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`);
    expect(ics?.content).toContain("SUMMARY:Opstartbijeenkomst: Raadswerk");

    // Bram comes second: the wait-list.
    const bramId = await withPlatform(
      app.database.db,
      async (tx) => (await findOrCreatePerson(tx, { email: bram, displayName: "Bram" })).id,
    );
    await withTenant(app.database.db, { tenantId: programmeId, personId: bramId }, (tx) =>
      signUpForTrack(tx, {
        tenantId: programmeId,
        slotId,
        personId: bramId,
        answers: { organisation: "Gemeente Polderwijk" },
        meetingLink: (s) => `${app.url}/programma/bijeenkomsten/${s}`,
        now: new Date(),
      }),
    );
    expect((await mailbox.waitForMail(bram)).subject).toBe("Op de wachtlijst: Raadswerk");

    await page.goto("/programma/mijn-aanmeldingen");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Agenda-adres maken" }).click();
    await page.waitForURL(/melding=nieuw-adres/);
    const feedUrl = (await page.getByTestId("feed-url").textContent()) ?? "";
    const feed = await page.request.get(feedUrl);
    expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
    expect(await feed.text()).toContain("SUMMARY:Opstartbijeenkomst: Raadswerk");

    await page.getByRole("button", { name: "Afmelden voor Raadswerk" }).click();
    await page.waitForURL(/melding=afgemeld/);
    await expect.poll(() => page.getByText("U bent nergens voor aangemeld.").count()).toBe(1);
    await expectAccessible(page);

    const promoted = await mailbox.waitForMail(bram);
    expect(promoted.subject).toBe("U heeft een plaats: Raadswerk");
    expect(promoted.text).toContain("Er is een plaats vrijgekomen");
    expect(promoted.attachments[0]?.content).toContain("SUMMARY:Opstartbijeenkomst: Raadswerk");
    await page.context().close();
  });
});
