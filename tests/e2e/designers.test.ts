import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema, withPlatform } from "../../src/db/index.ts";
import { createSession, grantRole } from "../../src/domain/identity/index.ts";
import { type AppInstance, startApp } from "../support/app-instance.ts";
import { bothModes, expectAccessible, type JourneyOptions, launchBrowser, openTab } from "../support/browser.ts";
import { type Mailbox, startMailbox } from "../support/mailbox.ts";
import { givenProgramme } from "../support/programme-fixtures.ts";

let app: AppInstance;
let browser: Browser;
let mailbox: Mailbox;
let staffSession: string;
/** One trajectory per mode, so each run turns the setting on itself. */
const slugs: Record<"js" | "nojs", string> = { js: "", nojs: "" };

beforeAll(async () => {
  mailbox = await startMailbox();
  app = await startApp({ env: { SMTP_URL: mailbox.url } });
  const programme = await givenProgramme(app.database, { municipalities: 0, now: new Date() });
  for (const tag of ["js", "nojs"] as const) {
    const id = await programme.givenTrajectory({ deadline: "2999-12-31" });
    const [row] = await withPlatform(app.database.db, (tx) =>
      tx.select({ slug: schema.trajectories.slug }).from(schema.trajectories).where(eq(schema.trajectories.id, id)),
    );
    slugs[tag] = row!.slug;
  }
  staffSession = await withPlatform(app.database.db, async (tx) => {
    await grantRole(tx, { tenantId: programme.programmeId, personId: programme.staffId, role: "programme-staff" });
    return (await createSession(tx, { personId: programme.staffId, method: "magic-link", now: new Date() })).token;
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await mailbox?.close();
});

const main = async (page: Page) => (await page.locator("main").textContent()) ?? "";
const signUpButton = (page: Page) => page.getByRole("button", { name: "Aanmelden als ontwerper" });

describe.each(bothModes)("a designer signs up for a trajectory $name", (mode: JourneyOptions) => {
  const tag = mode.javaScript ? "js" : "nojs";
  const email = `ontwerper-${tag}@example.nl`;

  it("after staff turn it on: the public form refuses bad input, takes a sign-up once, mails it, and staff list it", async () => {
    const slug = slugs[tag];
    const staff = await openTab(browser, app.url, mode);
    await staff.context().addCookies([{ name: "samenspel-sessie", value: staffSession, url: app.url }]);
    const visitor = await openTab(browser, app.url, mode);

    // Off by default: the public page has no form.
    await visitor.goto(`/programma/trajecten/${slug}`);
    expect(await signUpButton(visitor).count()).toBe(0);

    await staff.goto(`/beheer/trajecten/${slug}`);
    await staff.getByLabel("Ontwerpers kunnen zich voor dit traject aanmelden", { exact: false }).check();
    await staff.getByRole("button", { name: "Opslaan", exact: true }).click();
    await staff.waitForURL(/melding=beschreven/);
    await expect.poll(() => staff.getByText("De tekst van het traject is opgeslagen.").count()).toBe(1);

    await visitor.goto(`/programma/trajecten/${slug}`);
    await expect.poll(() => signUpButton(visitor).count()).toBe(1);
    await expectAccessible(visitor);

    // Nothing filled in: a message next to every field, and in the summary.
    await signUpButton(visitor).click();
    await expect
      .poll(() => visitor.getByText("Zet een vinkje als u het goed vindt.", { exact: false }).count())
      .toBe(2);
    await expectAccessible(visitor);

    await visitor.getByLabel("Uw naam").fill("Sanne Stadmaker");
    await visitor.getByLabel("Uw e-mailadres").fill(email);
    await visitor.getByLabel("Organisatie of vakgebied").fill("Ontwerpbureau Plein");
    await visitor.getByLabel("Waarom wilt u meedoen?").fill("Ik maak tijdelijke pleinen met bewoners.");
    await visitor.getByLabel("Democratie in Actie mag deze gegevens bewaren", { exact: false }).check();
    await signUpButton(visitor).click();
    await visitor.waitForURL(/melding=ontwerper/);
    await expect
      .poll(() => visitor.getByText("Bedankt voor uw aanmelding als ontwerper.", { exact: false }).count())
      .toBe(1);
    await expectAccessible(visitor);

    const mail = await mailbox.waitForMail(email);
    expect(mail.subject).toBe("Aangemeld als ontwerper: Kernendemocratie");
    expect(mail.text).toContain("Beste Sanne Stadmaker,");
    expect(mail.text).toContain(`${app.url}/programma/trajecten/${slug}`);

    // The same address again, in capitals: refused with a clear message, nothing stored or mailed twice.
    await visitor.goto(`/programma/trajecten/${slug}`);
    await visitor.getByLabel("Uw naam").fill("Sanne S.");
    await visitor.getByLabel("Uw e-mailadres").fill(email.toUpperCase());
    await visitor.getByLabel("Organisatie of vakgebied").fill("Plein");
    await visitor.getByLabel("Waarom wilt u meedoen?").fill("Nog een keer.");
    await visitor.getByLabel("Democratie in Actie mag deze gegevens bewaren", { exact: false }).check();
    await signUpButton(visitor).click();
    await expect
      .poll(() => visitor.getByText("Met dit e-mailadres bent u al aangemeld als ontwerper", { exact: false }).count())
      .toBeGreaterThan(0);
    await expectAccessible(visitor);

    await staff.goto(`/beheer/trajecten/${slug}`);
    await staff.getByRole("link", { name: "Aanmeldingen van ontwerpers (1)" }).click();
    await staff.waitForURL(/\/ontwerpers$/);
    await expect.poll(() => main(staff)).toContain("Ik maak tijdelijke pleinen met bewoners.");
    expect(await main(staff)).toContain(email);
    expect(await main(staff)).not.toContain("Nog een keer.");
    await expectAccessible(staff);
    expect(mailbox.messages.filter((m) => m.to.includes(email))).toHaveLength(1);

    await staff.getByRole("button", { name: "Aanmelding van Sanne Stadmaker verwijderen" }).click();
    await staff.waitForURL(/melding=verwijderd/);
    await expect.poll(() => staff.getByText("De aanmelding is verwijderd.").count()).toBe(1);
    expect(await main(staff)).toContain("Er hebben zich nog geen ontwerpers aangemeld.");
  });
});
