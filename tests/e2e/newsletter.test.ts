import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withPlatform, withTenant } from "../../src/db/index.ts";
import { createSession, grantRole } from "../../src/domain/identity/index.ts";
import { confirmNewsletterSubscription, requestNewsletterSubscription } from "../../src/domain/programme/index.ts";
import { type AppInstance, startApp } from "../support/app-instance.ts";
import { bothModes, expectAccessible, launchBrowser, openTab } from "../support/browser.ts";
import { linkIn, type Mailbox, type ReceivedMail, startMailbox } from "../support/mailbox.ts";
import { givenProgramme } from "../support/programme-fixtures.ts";

let app: AppInstance;
let browser: Browser;
let mailbox: Mailbox;
let programmeId: string;
let staffSession: string;

beforeAll(async () => {
  mailbox = await startMailbox();
  app = await startApp({ env: { SMTP_URL: mailbox.url } });
  const programme = await givenProgramme(app.database, { municipalities: 0, now: new Date() });
  programmeId = programme.programmeId;
  await programme.givenTrajectory(); // theme "kernen"
  staffSession = await withPlatform(app.database.db, async (tx) => {
    await grantRole(tx, { tenantId: programmeId, personId: programme.staffId, role: "programme-staff" });
    return (await createSession(tx, { personId: programme.staffId, method: "magic-link", now: new Date() })).token;
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await mailbox?.close();
});

/** A subscriber confirmed behind the scenes: the witness that an edition has gone out. */
async function givenConfirmedSubscriber(email: string) {
  let token = "";
  await withTenant(app.database.db, { tenantId: programmeId }, async (tx) => {
    await requestNewsletterSubscription(tx, {
      tenantId: programmeId,
      email,
      themes: ["kernen"],
      locale: "nl",
      linkFor: (t) => {
        token = t;
        return t;
      },
      now: new Date(),
    });
    await confirmNewsletterSubscription(tx, { tenantId: programmeId, token, now: new Date() });
  });
  await mailbox.waitForMail(email); // the confirmation request
}

/** Staff write an edition, look at the preview (which sends nothing), then confirm it. */
async function sendEdition(page: Page, subject: string, readers: number, check = false) {
  await page.goto("/beheer/nieuwsbrief");
  await page.getByLabel("Thema (wie krijgt hem)").selectOption("kernen");
  await page.getByLabel("Onderwerp").fill(subject);
  await page.getByLabel("Tekst").fill("Beste lezer,\n\nNieuws uit de leergroep.\n\nTot de volgende keer.");
  await page.getByRole("button", { name: "Voorbeeld bekijken" }).click();
  await expect
    .poll(() => page.getByText(`Deze nieuwsbrief gaat naar ${readers} lezers met het thema kernen.`).count())
    .toBe(1);
  const preview = page.locator(".samenspel-mail-preview__mail");
  expect(await preview.textContent()).toContain("Beste lezer,");
  expect(await preview.textContent()).not.toContain("Hallo");
  if (check) await expectAccessible(page);
  expect(received("", subject)).toEqual([]);
  await page.getByRole("button", { name: `Ja, versturen naar ${readers} lezers` }).click();
  await page.waitForURL(/melding=verstuurd/);
  await expect.poll(() => page.getByText("De nieuwsbrief wordt verstuurd.").count()).toBe(1);
}

const received = (email: string, subject: string) =>
  mailbox.messages.filter((m: ReceivedMail) => m.to.includes(email) && m.subject === subject);

describe.each(bothModes)("the newsletter $name", (mode) => {
  const suffix = mode.javaScript ? "js" : "nojs";
  const reader = `lezer-${suffix}@example.nl`;
  const unconfirmed = `onbevestigd-${suffix}@example.nl`;
  const witness = `getuige-${suffix}@example.nl`;

  it("double opt-in, an edition only to confirmed readers, and one-click unsubscribe", async () => {
    const page = await openTab(browser, app.url, mode);
    await page.goto("/nieuwsbrief");
    await page.getByRole("button", { name: "Aanmelden voor de nieuwsbrief" }).click();
    await expect.poll(() => page.getByText("Kies minstens één thema.").count()).toBeGreaterThan(0);
    await expectAccessible(page);

    await page.getByLabel("E-mailadres").fill(reader);
    await page.getByLabel("kernen").check();
    await page.getByRole("button", { name: "Aanmelden voor de nieuwsbrief" }).click();
    await page.waitForURL(/melding=verstuurd/);
    await expectAccessible(page);

    await page.goto("/nieuwsbrief");
    await page.getByLabel("E-mailadres").fill(unconfirmed);
    await page.getByLabel("kernen").check();
    await page.getByRole("button", { name: "Aanmelden voor de nieuwsbrief" }).click();
    await page.waitForURL(/melding=verstuurd/);
    await mailbox.waitForMail(unconfirmed);

    const confirmation = await mailbox.waitForMail(reader);
    expect(confirmation.subject).toBe("Bevestig uw aanmelding voor de nieuwsbrief");
    await page.goto(linkIn(confirmation, `${app.url}/nieuwsbrief/bevestigen/`));
    await expectAccessible(page);
    await page.getByRole("button", { name: "Bevestigen" }).click();
    await expect.poll(() => page.getByText("U ontvangt vanaf nu de nieuwsbrief over: kernen.").count()).toBe(1);
    await expectAccessible(page);
    await givenConfirmedSubscriber(witness);

    const staff = await openTab(browser, app.url, mode);
    await staff.context().addCookies([{ name: "samenspel-sessie", value: staffSession, url: app.url }]);
    // Earlier runs' readers and witnesses of this theme are still subscribed: count them by what the page says.
    const readersNow = mode.javaScript ? 2 : 3;
    await sendEdition(staff, `Editie 1 ${suffix}`, readersNow, true);
    await expectAccessible(staff);

    const edition = await mailbox.waitForMail(reader);
    expect(edition.subject).toBe(`Editie 1 ${suffix}`);
    expect(edition.text).toContain("Nieuws uit de leergroep.");
    expect(edition.headerLines).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    const unsubscribeUrl = linkIn(edition, `${app.url}/nieuwsbrief/afmelden/`);
    const unfolded = edition.headerLines.map((line) => line.replace(/\r?\n[ \t]+/g, " "));
    expect(unfolded).toContain(`List-Unsubscribe: <${unsubscribeUrl}>`);
    await mailbox.waitForMail(witness);
    expect(received(unconfirmed, `Editie 1 ${suffix}`)).toEqual([]);

    // Per reader, staff see what the mail server said.
    await staff.getByRole("link", { name: `Editie 1 ${suffix}` }).click();
    await staff.waitForURL(/\/beheer\/nieuwsbrief\/[0-9a-f-]{36}$/);
    await expect
      .poll(async () => {
        await staff.reload();
        return staff.getByRole("row", { name: new RegExp(`${reader}.*verstuurd`) }).count();
      })
      .toBe(1);
    await expectAccessible(staff);

    // The page behind the link shows one button; a mail program posts the one-click form itself (RFC 8058).
    await page.goto(unsubscribeUrl);
    await expectAccessible(page);
    const oneClick = await fetch(unsubscribeUrl, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(oneClick.status).toBe(200);

    await sendEdition(staff, `Editie 2 ${suffix}`, readersNow - 1);
    expect((await mailbox.waitForMail(witness)).subject).toBe(`Editie 2 ${suffix}`);
    expect(received(reader, `Editie 2 ${suffix}`)).toEqual([]);
    await page.context().close();
    await staff.context().close();
  }, 240_000); // Two tabs, a preview, two editions and the delivery page, with axe; without JavaScript each a page load.
});
