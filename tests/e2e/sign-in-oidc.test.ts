import { eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema, withPlatform } from "../../src/db/index.ts";
import { findOrCreatePerson, grantRole } from "../../src/domain/identity/index.ts";
import { createTenant } from "../../src/domain/tenancy/index.ts";
import { type AppInstance, freePort, startApp } from "../support/app-instance.ts";
import { bothModes, expectAccessible, launchBrowser, openTab } from "../support/browser.ts";
import { type OidcProvider, startOidcProvider, TEST_USER } from "../support/oidc-provider.ts";

let app: AppInstance;
let browser: Browser;
let provider: OidcProvider;

beforeAll(async () => {
  const port = await freePort();
  provider = await startOidcProvider({ redirectUri: `http://127.0.0.1:${port}/inloggen/oidc/terug` });
  app = await startApp({
    port,
    env: {
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_NAME: "DigiD",
    },
  });
  await withPlatform(app.database.db, async (tx) => {
    const tenant = await createTenant(tx, { slug: "dijkstad", name: "Gemeente Dijkstad", kind: "municipality" });
    const person = await findOrCreatePerson(tx, { email: TEST_USER.email, displayName: TEST_USER.name });
    await grantRole(tx, { tenantId: tenant.id, personId: person.id, role: "council-member" });
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await provider?.close();
});

describe.each(bothModes)("signing in with OpenID Connect $name", (mode) => {
  it("goes to the provider and back, links the identity by its verified address and keeps the acr", async () => {
    const page = await openTab(browser, app.url, mode);
    await page.goto("/inloggen?terug=%2Faccount");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Inloggen met DigiD" }).click();
    await page.waitForURL(`${app.url}/account`);
    await expect
      .poll(() => page.locator("main").textContent())
      .toContain("Lid dorps- of wijkraad bij Gemeente Dijkstad");
    await expect.poll(() => page.locator("main").textContent()).toContain("Inlogdienst");
    await expectAccessible(page);

    const identities = await app.database.db.select().from(schema.oidcIdentities);
    expect(identities).toMatchObject([{ issuer: provider.issuer, subject: TEST_USER.sub, lastAcr: TEST_USER.acr }]);
    const sessions = await app.database.db.select().from(schema.sessions).where(eq(schema.sessions.method, "oidc"));
    expect(sessions.at(-1)?.acr).toBe(TEST_USER.acr);
    await page.context().close();
  });

  it("refuses a callback that this browser did not start", async () => {
    const page = await openTab(browser, app.url, mode);
    await page.goto("/inloggen/oidc/terug?code=stolen&state=someone-elses");
    await page.waitForURL(/\/inloggen\?fout=oidc/);
    await expect.poll(() => page.getByText("Inloggen met DigiD is niet gelukt").count()).toBe(1);
    await expectAccessible(page);
    await page.goto("/account");
    await page.waitForURL(/\/inloggen\?terug=/);
    await page.context().close();
  });
});
