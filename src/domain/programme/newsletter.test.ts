import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../tests/support/database.ts";
import { type DatabaseHandle, withPlatform, withTenant } from "../../db/index.ts";
import { createTenant } from "../tenancy/index.ts";
import { confirmSubscription, listNewsletterRecipients, subscribeToNewsletter, unsubscribe } from "./index.ts";

const NOW = new Date("2019-06-01T10:00:00Z");
let handle: DatabaseHandle;
let tenantId: string;

beforeAll(async () => {
  handle = await freshDatabase();
  tenantId = (await withPlatform(handle.db, (tx) => createTenant(tx, { slug: "dia", name: "DiA", kind: "programme" })))
    .id;
});
afterAll(() => handle.close());

const inTenant = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(handle.db, { tenantId }, work);
const subscribe = (email: string, theme = "kernendemocratie") =>
  inTenant((tx) => subscribeToNewsletter(tx, { tenantId, email, theme, locale: "nl", now: NOW }));
const recipients = (theme = "kernendemocratie") => inTenant((tx) => listNewsletterRecipients(tx, { tenantId, theme }));

describe("newsletter subscriptions", () => {
  it("sends only to confirmed addresses, and stops at once after one click on unsubscribe", async () => {
    const { token } = await subscribe("Anna@Example.org");
    await subscribe("bram@example.org");
    expect(await recipients()).toEqual([]);

    expect(await inTenant((tx) => confirmSubscription(tx, { tenantId, token, now: NOW }))).toEqual({
      email: "anna@example.org",
      theme: "kernendemocratie",
    });
    const [anna] = await recipients();
    expect(anna?.email).toBe("anna@example.org");
    expect(await recipients("burgerbegroting")).toEqual([]);

    await inTenant((tx) => unsubscribe(tx, { tenantId, token: anna!.unsubscribeToken, now: NOW }));
    await inTenant((tx) => unsubscribe(tx, { tenantId, token: anna!.unsubscribeToken, now: NOW }));
    expect(await recipients()).toEqual([]);
  });

  it("needs a fresh confirmation to come back after unsubscribing, and refuses unknown links", async () => {
    const first = await subscribe("carla@example.org");
    await inTenant((tx) => confirmSubscription(tx, { tenantId, token: first.token, now: NOW }));
    const [carla] = (await recipients()).filter((r) => r.email === "carla@example.org");
    await inTenant((tx) => unsubscribe(tx, { tenantId, token: carla!.unsubscribeToken, now: NOW }));
    // The old confirmation link, followed after unsubscribing, does not bring the address back.
    await expect(
      inTenant((tx) => confirmSubscription(tx, { tenantId, token: first.token, now: NOW })),
    ).rejects.toMatchObject({ code: "programme.subscription-link-invalid" });
    expect((await recipients()).map((r) => r.email)).not.toContain("carla@example.org");

    const again = await subscribe("carla@example.org");
    expect((await recipients()).map((r) => r.email)).not.toContain("carla@example.org");
    await expect(
      inTenant((tx) => confirmSubscription(tx, { tenantId, token: first.token, now: NOW })),
    ).rejects.toMatchObject({
      code: "programme.subscription-link-invalid",
    });
    await inTenant((tx) => confirmSubscription(tx, { tenantId, token: again.token, now: NOW }));
    expect((await recipients()).map((r) => r.email)).toContain("carla@example.org");
    await expect(inTenant((tx) => unsubscribe(tx, { tenantId, token: "made-up", now: NOW }))).rejects.toMatchObject({
      code: "programme.subscription-link-invalid",
    });
  });
});
