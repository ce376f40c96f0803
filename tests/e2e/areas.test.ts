import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withPlatform } from "../../src/db/index.ts";
import { findOrCreatePerson, grantRole, setPassword } from "../../src/domain/identity/index.ts";
import { createTenant } from "../../src/domain/tenancy/index.ts";
import { type AppInstance, startApp } from "../support/app-instance.ts";
import { bothModes, expectAccessible, launchBrowser, openTab } from "../support/browser.ts";

/** Issue 10: staff import the CBS file; a bad file is refused line by line and changes nothing. */
let app: AppInstance;
let browser: Browser;
const PASSWORD = "gebieden inlezen met het cbs";

const header = `"ID";"WijkenEnBuurten";"Gemeentenaam_1";"SoortRegio_2";"Codering_3";"AantalInwoners_5"`;
const goodFile = [
  header,
  `1;"Aldorp";"Aldorp";"Gemeente  ";"GM9101    ";"3200"`,
  `2;"Aldorp-Kern";"Aldorp";"Wijk      ";"WK910101  ";"2400"`,
  `3;"Oude Dorp";"Aldorp";"Buurt     ";"BU91010100";"1900"`,
  `4;"Buitengebied";"Aldorp";"Buurt     ";"BU91010109";"500"`,
  `5;"Esveld";"Aldorp";"Wijk      ";"WK910102  ";"800"`,
].join("\r\n");
const badFile = [
  header,
  `1;"Aldorp";"Aldorp";"Gemeente";"GM9101";"3200"`,
  `2;"Nieuwland";"Aldorp";"Wijk";"WK91010";"12"`,
  `3;"";"Aldorp";"Buurt";"BU91010300";"veel"`,
].join("\n");

beforeAll(async () => {
  app = await startApp();
  await withPlatform(app.database.db, async (tx) => {
    for (const slug of ["aldorp-gb", "aldorp-gb-js"]) {
      const tenant = await createTenant(tx, { slug, name: `Gemeente ${slug}`, kind: "municipality" });
      const person = await findOrCreatePerson(tx, { email: `staf@${slug}.example.org`, displayName: "Sanne Staf" });
      await grantRole(tx, { tenantId: tenant.id, personId: person.id, role: "municipal-staff" });
      await setPassword(tx, { personId: person.id, password: PASSWORD, now: new Date() });
    }
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function signIn(page: Page, email: string, path: string) {
  await page.goto(path);
  await page.waitForURL(/\/inloggen\?terug=/);
  await page.locator("#password").getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Inloggen met wachtwoord" }).click();
  await page.waitForURL(`${app.url}${path}`);
}

const upload = (page: Page, name: string, text: string) =>
  page
    .locator("form", { has: page.getByRole("button", { name: "Inlezen", exact: true }) })
    .getByLabel("CSV-bestand")
    .setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text) });

const tableRows = (page: Page) => page.locator("table tbody tr").allTextContents();

describe.each(bothModes)("the CBS import $name", (mode) => {
  it("refuses a bad file line by line without changing anything, then imports a good one and again without duplicates", async () => {
    const slug = mode.javaScript ? "aldorp-gb-js" : "aldorp-gb";
    const path = `/${slug}/beheer/gebieden`;
    const page = await openTab(browser, app.url, mode);
    await signIn(page, `staf@${slug}.example.org`, path);
    await expect.poll(() => page.getByText("Er zijn nog geen gebieden.").count()).toBe(1);
    await expectAccessible(page);

    await upload(page, "fout.csv", badFile);
    await page.getByRole("button", { name: "Inlezen", exact: true }).click();
    await expect.poll(() => page.getByText("Er is niets veranderd.", { exact: false }).count()).toBeGreaterThan(0);
    const problems = await page.locator(".utrecht-alert li").allTextContents();
    expect(problems).toEqual([
      "Regel 3: “WK91010” is geen CBS-code (GM en 4 cijfers, WK en 6 cijfers of BU en 8 cijfers).",
      "Regel 4: de naam ontbreekt.",
      "Regel 4: “veel” is geen aantal inwoners.",
    ]);
    await expectAccessible(page);
    await page.goto(path);
    await expect.poll(() => page.getByText("Er zijn nog geen gebieden.").count()).toBe(1);

    await upload(page, "kwb.csv", goodFile);
    await page.getByLabel("Hoe heten de CBS-wijken in deze gemeente?").selectOption("kern");
    await page.getByRole("button", { name: "Inlezen", exact: true }).click();
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toBe("Het bestand is ingelezen: 5 nieuwe en 0 bijgewerkte gebieden. 0 regels gingen over een andere gemeente.");
    expect(await tableRows(page)).toEqual([
      "GM9101AldorpGemeente3.200",
      "WK910101Aldorp-KernKernAldorp2.400",
      "WK910102EsveldKernAldorp800",
      "BU91010100Oude DorpBuurtAldorp-Kern1.900",
      "BU91010109BuitengebiedBuurtAldorp-Kern500",
    ]);
    await expectAccessible(page);

    await upload(
      page,
      "kwb.csv",
      goodFile.replace(
        `"Esveld";"Aldorp";"Wijk      ";"WK910102  ";"800"`,
        `"Esveld";"Aldorp";"Wijk";"WK910102";"815"`,
      ),
    );
    await page.getByLabel("Hoe heten de CBS-wijken in deze gemeente?").selectOption("kern");
    await page.getByRole("button", { name: "Inlezen", exact: true }).click();
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toBe("Het bestand is ingelezen: 0 nieuwe en 5 bijgewerkte gebieden. 0 regels gingen over een andere gemeente.");
    expect(await tableRows(page)).toHaveLength(5);
    expect(await tableRows(page)).toContain("WK910102EsveldKernAldorp815");

    await page
      .locator("form", { has: page.getByRole("button", { name: "Postcodes inlezen" }) })
      .getByLabel("CSV-bestand")
      .setInputFiles({
        name: "pc6.csv",
        mimeType: "text/csv",
        buffer: Buffer.from("PC6;Buurt2024\n9101AA;BU91010100\n"),
      });
    await page.getByRole("button", { name: "Postcodes inlezen" }).click();
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toBe("1 postcodes gekoppeld. 0 regels gingen over een andere gemeente.");
    await page.getByLabel("Postcode", { exact: true }).fill("9101 aa");
    await page.getByRole("button", { name: "Zoeken" }).click();
    await expect.poll(() => page.getByText("9101 aa ligt in Oude Dorp (BU91010100).").count()).toBe(1);
    await expectAccessible(page);
    await page.context().close();
  });
});
