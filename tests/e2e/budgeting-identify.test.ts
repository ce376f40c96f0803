import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema, withPlatform, withTenant } from "../../src/db/index.ts";
import { findOrCreatePerson } from "../../src/domain/identity/index.ts";
import { createTenant } from "../../src/domain/tenancy/index.ts";
import { type AppInstance, freePort, startApp } from "../support/app-instance.ts";
import { bothModes, expectAccessible, launchBrowser, openTab } from "../support/browser.ts";
import { givenRound } from "../support/budgeting-fixtures.ts";
import { linkIn, type Mailbox, startMailbox } from "../support/mailbox.ts";
import { type OidcProvider, startOidcProvider, TEST_USER } from "../support/oidc-provider.ts";

/**
 * Issue 11 item 3: a round whose voters identify by e-mail (a single-use link from the in-process SMTP server) and
 * one whose voters identify with DigiD (the local OpenID provider). One ballot per address or `sub`, the receipt
 * changes it, and neither the address nor the `sub` is kept. A ballot or change the rules refuse comes back as it was
 * filled in, under the reason, with the pass (and the area chosen with it) or the change code still working.
 */
let app: AppInstance;
let browser: Browser;
let mailbox: Mailbox;
let provider: OidcProvider;
const towns = new Map<string, { tenantId: string; staffId: string }>();

beforeAll(async () => {
  const port = await freePort();
  mailbox = await startMailbox();
  provider = await startOidcProvider({ redirectUri: `http://127.0.0.1:${port}/inloggen/oidc/terug` });
  app = await startApp({
    port,
    env: {
      SMTP_URL: mailbox.url,
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_NAME: "DigiD",
    },
  });
  await withPlatform(app.database.db, async (tx) => {
    for (const slug of ["beekdal-pb", "beekdal-pb-js"]) {
      const tenant = await createTenant(tx, { slug, name: `Gemeente ${slug}`, kind: "municipality" });
      const staff = await findOrCreatePerson(tx, { email: `staf@${slug}.example.org`, displayName: "Sanne Staf" });
      towns.set(slug, { tenantId: tenant.id, staffId: staff.id });
    }
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await mailbox?.close();
  await provider?.close();
});

const mainText = (page: Page) => page.locator("main").textContent();

/** A ballot over the area's budget is answered with the reason, and with exactly these plans still ticked. */
async function expectRefusedWith(page: Page, ticked: string[]) {
  await expect.poll(() => page.getByRole("alert").textContent()).toContain("Haal een plan weg.");
  const boxes = page.getByRole("checkbox");
  const titles = await boxes.evaluateAll((inputs) =>
    (inputs as HTMLInputElement[])
      .filter((input) => input.checked)
      .map((input) => input.labels?.[0]?.textContent ?? ""),
  );
  expect(titles.map((title) => title.split(" – ")[0]!.trim()).sort()).toEqual([...ticked].sort());
}

describe.each(bothModes)("voting without a postal code $name", (mode) => {
  const slug = mode.javaScript ? "beekdal-pb-js" : "beekdal-pb";
  const town = () => towns.get(slug)!;

  it("mails a single-use link for the ballot, answers alike for any address, and keeps one ballot per address", async () => {
    const { tenantId, staffId } = town();
    const db = app.database.db;
    const round = await givenRound(db, {
      tenantId,
      personId: staffId,
      eligibility: { residentsOnly: true, identification: "email" },
      areas: [
        { name: "Noord", budgetEuros: 100_000 },
        { name: "Zuid", budgetEuros: 50_000 },
      ],
      plans: [
        { area: 0, title: "Speeltuin", cost: 60_000 },
        { area: 1, title: "Bankjes", cost: 30_000 },
        { area: 1, title: "Bomen", cost: 30_000 },
      ],
    });
    const voter = `kiezer@${slug}.example.org`;
    const page = await openTab(browser, app.url, mode);
    const votePage = `/${slug}/burgerbegroting/${round.slug}/stemmen`;
    const askLink = async (email: string) => {
      await page.goto(votePage);
      await page.getByLabel("Uw e-mailadres").fill(email);
      await page.getByRole("button", { name: "Stuur mij de link" }).click();
      await expect
        .poll(() =>
          page.getByText("Wij hebben een e-mail gestuurd naar het adres dat u gaf.", { exact: false }).count(),
        )
        .toBe(1);
      return mainText(page);
    };
    await page.goto(votePage);
    await expect.poll(() => mainText(page)).toContain("U stemt via een link die wij u mailen.");
    expect(await page.getByLabel("Uw stemcode").count()).toBe(0);
    await expectAccessible(page);
    const firstAnswer = await askLink(voter);
    await expectAccessible(page);

    const link = linkIn(await mailbox.waitForMail(voter), `${app.url}${votePage}?pas=`);
    await page.goto(link);
    await expect.poll(() => page.getByText("Voor welk gebied stemt u?", { exact: false }).count()).toBe(1);
    await expectAccessible(page);
    await page.getByLabel("Zuid").check();
    await page.getByRole("button", { name: "Verder" }).click();
    await expect.poll(() => page.getByText("U stemt voor Zuid.").count()).toBe(1);
    const box = (title: string) => page.getByRole("checkbox", { name: title, exact: false });
    await box("Bankjes").check();
    await box("Bomen").check();
    await expectAccessible(page);
    // Over Zuid's budget: the ballot comes back for the same area as it was filled in, under the reason, and the
    // pass is not used up, so taking a plan away casts it.
    await page.getByRole("button", { name: "Stem uitbrengen" }).click();
    await expectRefusedWith(page, ["Bankjes", "Bomen"]);
    expect(await page.getByText("U stemt voor Zuid.").count()).toBe(1);
    await expectAccessible(page);
    await box("Bomen").uncheck();
    await page.getByRole("button", { name: "Stem uitbrengen" }).click();
    await expect.poll(() => page.getByText("Dank u wel! Uw stem is opgeslagen.").count()).toBe(1);
    await expectAccessible(page);
    const receipt = /Uw wijzigcode is ([A-Z0-9-]+)\./.exec((await mainText(page)) ?? "")![1]!;

    // The link is used up; a new link for the address answers as for any address, and then says it has voted.
    await page.goto(link);
    await expect.poll(() => page.getByText("Deze link werkt niet meer.", { exact: false }).count()).toBe(1);
    await expectAccessible(page);
    expect(await askLink(voter.toUpperCase())).toBe(firstAnswer);
    expect(await askLink(`nooit-gezien@${slug}.example.org`)).toBe(firstAnswer);
    const again = linkIn(await mailbox.waitForMail(voter), `${app.url}${votePage}?pas=`);
    expect(again).not.toBe(link);
    await page.goto(again);
    await expect.poll(() => page.getByText("U hebt al gestemd.", { exact: false }).count()).toBe(1);
    expect(await page.getByRole("button", { name: "Stem uitbrengen" }).count()).toBe(0);

    // The change code works as it does for a postal code, and a change the rules refuse comes back as a change,
    // filled in as it was sent, with the ballot kept as it was.
    await page.goto(`/${slug}/burgerbegroting/${round.slug}/stem-wijzigen`);
    await page.getByLabel("Uw wijzigcode").fill(receipt);
    await page.getByRole("button", { name: "Verder" }).click();
    await expect.poll(() => box("Bankjes").isChecked()).toBe(true);
    await box("Bomen").check();
    await page.getByRole("button", { name: "Wijziging opslaan" }).click();
    await expectRefusedWith(page, ["Bankjes", "Bomen"]);
    await expectAccessible(page);
    const ballotsOfRound = async () =>
      (await withTenant(db, { tenantId }, (tx) => tx.select().from(schema.pbBallots))).filter(
        (row) => row.roundId === round.roundId,
      );
    expect(await ballotsOfRound()).toMatchObject([{ planIds: [round.plans[1]!.id] }]);
    await box("Bankjes").uncheck();
    await page.getByRole("button", { name: "Wijziging opslaan" }).click();
    await expect.poll(() => page.getByText("Uw stem is gewijzigd.").count()).toBe(1);

    const { register, ballots } = await withTenant(db, { tenantId }, async (tx) => ({
      register: await tx.select().from(schema.pbVoterRegister),
      ballots: await tx.select().from(schema.pbBallots),
    }));
    const ours = register.filter((row) => row.roundId === round.roundId);
    expect(ours).toHaveLength(1);
    expect(ours[0]!.voterKey).toMatch(/^email:[0-9a-f]{64}$/);
    const ballot = ballots.filter((row) => row.roundId === round.roundId);
    expect(ballot).toMatchObject([{ roundAreaId: round.areas[1]!.id, planIds: [round.plans[2]!.id] }]);
    expect(JSON.stringify({ ours, ballot })).not.toContain("kiezer");
  });

  it("lets a voter in after DigiD by the pseudonymous sub only, once, without an account or session", async () => {
    const { tenantId, staffId } = town();
    const db = app.database.db;
    const round = await givenRound(db, {
      tenantId,
      personId: staffId,
      eligibility: { residentsOnly: true, identification: "oidc" },
      plans: [
        { area: 0, title: "Speeltuin", cost: 60_000 },
        { area: 0, title: "Bankjes", cost: 30_000 },
        { area: 0, title: "Bomen", cost: 50_000 },
      ],
    });
    const page = await openTab(browser, app.url, mode);
    const votePage = `/${slug}/burgerbegroting/${round.slug}/stemmen`;
    const signInAndVote = async () => {
      await page.goto(votePage);
      await expect.poll(() => mainText(page)).toContain("U stemt na inloggen met DigiD.");
      await page.getByRole("button", { name: "Inloggen met DigiD en stemmen" }).click();
      await page.waitForURL(new RegExp(`${votePage}\\?pas=`));
    };
    await page.goto(votePage);
    await expectAccessible(page);
    await signInAndVote();
    await expect.poll(() => page.getByText("U stemt voor Centrum.").count()).toBe(1);
    const box = (title: string) => page.getByRole("checkbox", { name: title, exact: false });
    await box("Speeltuin").check();
    await box("Bomen").check();
    await expectAccessible(page);
    // Over the budget: back as filled in, under the reason; the pass DigiD gave still casts the corrected ballot.
    await page.getByRole("button", { name: "Stem uitbrengen" }).click();
    await expectRefusedWith(page, ["Speeltuin", "Bomen"]);
    await expectAccessible(page);
    await box("Bomen").uncheck();
    await page.getByRole("button", { name: "Stem uitbrengen" }).click();
    await expect.poll(() => page.getByText("Dank u wel! Uw stem is opgeslagen.").count()).toBe(1);
    await expectAccessible(page);

    await signInAndVote();
    await expect.poll(() => page.getByText("U hebt al gestemd.", { exact: false }).count()).toBe(1);
    await expectAccessible(page);

    const { register, ballots } = await withTenant(db, { tenantId }, async (tx) => ({
      register: await tx.select().from(schema.pbVoterRegister),
      ballots: await tx.select().from(schema.pbBallots),
    }));
    const ours = register.filter((row) => row.roundId === round.roundId);
    expect(ours).toHaveLength(1);
    expect(ours[0]!.voterKey).toMatch(/^oidc:[0-9a-f]{64}$/);
    expect(ballots.filter((row) => row.roundId === round.roundId)).toMatchObject([{ planIds: [round.plans[0]!.id] }]);
    expect(JSON.stringify(register)).not.toContain(TEST_USER.sub);
    // Voting is not signing in: no identity, no person for the broker's user, no session.
    expect(await db.select().from(schema.oidcIdentities)).toHaveLength(0);
    expect(await db.select().from(schema.sessions)).toHaveLength(0);
    await page.goto("/account");
    await page.waitForURL(/\/inloggen\?terug=/);
  });
});
