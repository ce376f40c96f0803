import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, withPlatform } from "../../../src/db/index.ts";
import { createSession, findOrCreatePerson, setPassword } from "../../../src/domain/identity/index.ts";
import { freshDatabase } from "../../../tests/support/database.ts";
import { answerOf, routeHarness } from "../../../tests/support/route-harness.ts";
import * as security from "./security.tsx";
import * as signIn from "./sign-in.tsx";

let handle: DatabaseHandle;
let harness: ReturnType<typeof routeHarness>;
let personId: string;
const EMAIL = "owner@example.nl";
const PASSWORD = "the owner's passphrase";

beforeAll(async () => {
  handle = await freshDatabase();
  harness = routeHarness(handle);
  const person = await withPlatform(handle.db, (tx) => findOrCreatePerson(tx, { email: EMAIL, displayName: "Owner" }));
  personId = person.id;
  await withPlatform(handle.db, (tx) => setPassword(tx, { personId, password: PASSWORD, now: new Date() }));
});
afterAll(() => handle.close());

const signInFrom = (ip: string, fields: Record<string, string>) =>
  answerOf(() =>
    signIn.action({
      request: harness.post("/inloggen", "", fields),
      context: harness.context(ip),
      params: {},
    } as never),
  );

describe("sign-in abuse", () => {
  it("lets a stranger's wrong passwords lock out only the stranger: the owner and e-mail links keep working", async () => {
    const stranger = "198.51.100.9";
    for (let i = 0; i < 5; i++) {
      const answer = await signInFrom(stranger, { intent: "password", email: EMAIL, password: `guess ${i}` });
      expect(answer.status).toBe(400);
    }
    expect((await signInFrom(stranger, { intent: "password", email: EMAIL, password: PASSWORD })).status).toBe(429);
    const owner = await signInFrom("192.0.2.50", { intent: "password", email: EMAIL, password: PASSWORD });
    expect(owner.location).toBe("/account");
    const link = await signInFrom(stranger, { intent: "magic-link", email: EMAIL });
    expect(link.location).toBe("/inloggen/verstuurd");
  });

  it("answers a sign-in sent as JSON with 415, not 500", async () => {
    const request = new Request("http://samenspel.test/inloggen", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: EMAIL }),
    });
    const answer = await answerOf(() => signIn.action({ request, context: harness.context(), params: {} } as never));
    expect(answer.status).toBe(415);
  });

  it("asks an old session for the current password before setting a new one", async () => {
    const old = await withPlatform(handle.db, (tx) =>
      createSession(tx, { personId, method: "password", now: new Date(Date.now() - 30 * 60_000) }),
    );
    const cookie = `samenspel-sessie=${encodeURIComponent(old.token)}`;
    const change = (fields: Record<string, string>) =>
      answerOf(() =>
        security.action({
          request: harness.post("/account/beveiliging", cookie, { intent: "set-password", ...fields }),
          context: harness.context(),
          params: {},
        } as never),
      );
    const fresh = { password: "a brand new passphrase", repeat: "a brand new passphrase" };
    const refused = await change(fresh);
    expect(refused.status).toBe(403);
    expect(refused.errors).toMatchObject({ current: ["identity.error.stepUpRequired"] });
    expect((await change({ ...fresh, current: PASSWORD })).location).toBe("/account/beveiliging?melding=wachtwoord");
  });
});
