import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/index.ts";
import { type AppInstance, startApp } from "../support/app-instance.ts";
import { freshDatabase } from "../support/database.ts";
import { type Mailbox, startMailbox } from "../support/mailbox.ts";
import { givenStaffMember, signIn, staffCookie } from "../support/staff-session.ts";

/**
 * Two app instances share one database, as behind a load balancer: sessions, rate limits and the queue live in
 * PostgreSQL, so it does not matter which instance a request reaches. (On PGlite both share one in-process handle.)
 */
let database: DatabaseHandle;
let mailbox: Mailbox;
let first: AppInstance;
let second: AppInstance;

beforeAll(async () => {
  [database, mailbox] = await Promise.all([freshDatabase(), startMailbox()]);
  // Only the second instance works the queue, so a mail asked for on the first one proves the queue is shared.
  first = await startApp({ database, env: { SMTP_URL: mailbox.url, RUN_WORKER: "false" } });
  second = await startApp({ database, env: { SMTP_URL: mailbox.url } });
  // One account per test: the attempts one test makes never count against another's.
  for (const email of ["twee@example.nl", "teller@example.nl"]) {
    await givenStaffMember(database, [], { email, displayName: "Twee Instanties" });
  }
});
afterAll(async () => {
  await first?.stop();
  await second?.stop();
  await mailbox?.close();
  await database?.close();
});

const form = (fields: Record<string, string>) => new URLSearchParams(fields);

describe("two instances on one database", () => {
  it("signs in on one instance and carries on, and signs out, on the other", async () => {
    const cookie = await staffCookie(first.url, "twee@example.nl");
    expect(cookie).toMatch(/^samenspel-sessie=/);

    const account = await fetch(`${second.url}/account`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(account.status).toBe(200);
    expect(await account.text()).toContain("twee@example.nl");

    // Posted as the sign-out button's form is: a body without a form type is refused (415).
    const signOut = await fetch(`${second.url}/uitloggen`, {
      method: "POST",
      body: new URLSearchParams(),
      headers: { Cookie: cookie },
      redirect: "manual",
    });
    expect(signOut.status).toBe(302);
    const after = await fetch(`${first.url}/account`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(after.status).toBe(302);
    expect(after.headers.get("Location")).toMatch(/^\/inloggen\?terug=/);
  });

  it("counts sign-in attempts across both instances", async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      const response = await signIn((attempt % 2 ? second : first).url, "teller@example.nl", "fout wachtwoord");
      statuses.push(response.status);
    }
    // Five attempts per address per quarter of an hour, wherever they arrive.
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    const refused = await signIn(first.url, "teller@example.nl");
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain("Te veel pogingen");
  });

  it("sends mail asked for on one instance from the other instance's worker", async () => {
    const response = await fetch(`${first.url}/inloggen`, {
      method: "POST",
      body: form({ intent: "magic-link", email: "wachtrij@example.nl" }),
      redirect: "manual",
    });
    expect(response.headers.get("Location")).toBe("/inloggen/verstuurd");
    const mail = await mailbox.waitForMail("wachtrij@example.nl");
    expect(mail.text).toContain(`${first.url}/inloggen/link/`);
  });
});
