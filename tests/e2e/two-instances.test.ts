import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, withPlatform } from "../../src/db/index.ts";
import { findOrCreatePerson, setPassword } from "../../src/domain/identity/index.ts";
import { type AppInstance, startApp } from "../support/app-instance.ts";
import { freshDatabase } from "../support/database.ts";
import { type Mailbox, startMailbox } from "../support/mailbox.ts";

/**
 * Two app instances share one database, as behind a load balancer: sessions, rate limits and the queue live in
 * PostgreSQL, so it does not matter which instance a request reaches. (On PGlite both share one in-process handle.)
 */
let database: DatabaseHandle;
let mailbox: Mailbox;
let first: AppInstance;
let second: AppInstance;
const PASSWORD = "een lange zin als wachtwoord";

beforeAll(async () => {
  [database, mailbox] = await Promise.all([freshDatabase(), startMailbox()]);
  // Only the second instance works the queue, so a mail asked for on the first one proves the queue is shared.
  first = await startApp({ database, env: { SMTP_URL: mailbox.url, RUN_WORKER: "false" } });
  second = await startApp({ database, env: { SMTP_URL: mailbox.url } });
  // One account per test: the attempts one test makes never count against another's.
  await withPlatform(database.db, async (tx) => {
    for (const email of ["twee@example.nl", "teller@example.nl"]) {
      const person = await findOrCreatePerson(tx, { email, displayName: "Twee Instanties" });
      await setPassword(tx, { personId: person.id, password: PASSWORD, now: new Date() });
    }
  });
});
afterAll(async () => {
  await first?.stop();
  await second?.stop();
  await mailbox?.close();
  await database?.close();
});

const form = (fields: Record<string, string>) => new URLSearchParams(fields);
const cookieOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

async function signIn(app: AppInstance, password: string, email = "twee@example.nl"): Promise<Response> {
  return fetch(`${app.url}/inloggen`, {
    method: "POST",
    body: form({ intent: "password", email, password, terug: "/account" }),
    redirect: "manual",
  });
}

describe("two instances on one database", () => {
  it("signs in on one instance and carries on, and signs out, on the other", async () => {
    const signedIn = await signIn(first, PASSWORD);
    expect(signedIn.status).toBe(302);
    const cookie = cookieOf(signedIn);
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
      const response = await signIn(attempt % 2 ? second : first, "fout wachtwoord", "teller@example.nl");
      statuses.push(response.status);
    }
    // Five attempts per address per quarter of an hour, wherever they arrive.
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    const refused = await signIn(first, PASSWORD, "teller@example.nl");
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
