import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { generateSync } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../tests/support/database.ts";
import { type DatabaseHandle, schema, withPlatform } from "../../db/index.ts";
import { isDomainError } from "../shared/index.ts";
import {
  confirmIdentity,
  createSession,
  enableTotp,
  FREE_FAILURES,
  findOrCreatePerson,
  findSession,
  forgetSignInFailures,
  newTotpSecret,
  openTotpSecret,
  RECOVERY_CODE_COUNT,
  recordSignInFailure,
  refuseWhileLockedOut,
  setPassword,
  signInWithPassword,
  verifySecondFactor,
} from "./index.ts";

let handle: DatabaseHandle;
const KEY = randomBytes(32);
const NOW = new Date("2027-03-01T09:00:00Z");
const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
const run = <T>(work: Parameters<typeof withPlatform<T>>[1]) => withPlatform(handle.db, work);
const codeOf = (secret: string, at: Date) => generateSync({ secret, epoch: Math.floor(at.getTime() / 1000) });
const errorCode = (promise: Promise<unknown>) =>
  promise.then(
    () => "no error",
    (error: unknown) => (isDomainError(error) ? error.code : String(error)),
  );

beforeAll(async () => {
  handle = await freshDatabase();
});
afterAll(() => handle.close());

/** A person with a password and TOTP on; returns the secret and the recovery codes. */
async function givenTotpPerson(email: string) {
  const person = await run((tx) => findOrCreatePerson(tx, { email, displayName: email }));
  await run((tx) => setPassword(tx, { personId: person.id, password: "a long passphrase", now: NOW }));
  const secret = newTotpSecret();
  const { recoveryCodes } = await run((tx) =>
    enableTotp(tx, { personId: person.id, secret, code: codeOf(secret, NOW), totpKey: KEY, now: NOW }),
  );
  return { person, secret, recoveryCodes };
}

async function pendingSecondStep(email: string, at: Date) {
  const first = await run((tx) => signInWithPassword(tx, { email, password: "a long passphrase", now: at }));
  if (first.kind !== "second-factor") throw new Error("expected the second step");
  return first.pendingToken;
}

describe("TOTP", () => {
  it("stores the secret sealed with the configured key, never in plain text", async () => {
    const { person, secret } = await givenTotpPerson("sealed@example.nl");
    const [row] = await handle.db
      .select()
      .from(schema.passwordCredentials)
      .where(eq(schema.passwordCredentials.personId, person.id));
    expect(row?.totpSecret).toMatch(/^v1\./);
    expect(row?.totpSecret).not.toContain(secret);
    expect(openTotpSecret(row!.totpSecret!, KEY)).toBe(secret);
    expect(openTotpSecret(row!.totpSecret!, randomBytes(32))).toBeUndefined();
  });

  it("accepts a code once: the same code again within its window is refused", async () => {
    const { person, secret } = await givenTotpPerson("replay@example.nl");
    const at = later(60);
    const code = codeOf(secret, at);
    const first = await pendingSecondStep(person.email, at);
    await run((tx) => verifySecondFactor(tx, { pendingToken: first, code, totpKey: KEY, now: at }));
    const second = await pendingSecondStep(person.email, later(70));
    expect(
      await errorCode(
        run((tx) => verifySecondFactor(tx, { pendingToken: second, code, totpKey: KEY, now: later(70) })),
      ),
    ).toBe("identity.code-invalid");
    // The next step's code is good.
    const next = codeOf(secret, later(120));
    await run((tx) => verifySecondFactor(tx, { pendingToken: second, code: next, totpKey: KEY, now: later(120) }));
  });

  it("gives recovery codes that each work once instead of the app's code", async () => {
    const { person, recoveryCodes } = await givenTotpPerson("recovery@example.nl");
    expect(recoveryCodes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(recoveryCodes).size).toBe(RECOVERY_CODE_COUNT);
    const stored = await handle.db
      .select()
      .from(schema.totpRecoveryCodes)
      .where(eq(schema.totpRecoveryCodes.personId, person.id));
    expect(stored.map((row) => row.codeHash)).not.toContain(recoveryCodes[0]);
    const first = await pendingSecondStep(person.email, later(10));
    const typed = recoveryCodes[0]!.toUpperCase().replace("-", " ");
    const done = await run((tx) =>
      verifySecondFactor(tx, { pendingToken: first, code: typed, totpKey: KEY, now: later(10) }),
    );
    expect(done.kind).toBe("signed-in");
    const second = await pendingSecondStep(person.email, later(20));
    expect(
      await errorCode(
        run((tx) =>
          verifySecondFactor(tx, { pendingToken: second, code: recoveryCodes[0]!, totpKey: KEY, now: later(20) }),
        ),
      ),
    ).toBe("identity.code-invalid");
  });
});

describe("step-up and sessions", () => {
  it("lets a recent sign-in or the current factor change how a person signs in, and nothing else", async () => {
    const person = await run((tx) => findOrCreatePerson(tx, { email: "stepup@example.nl", displayName: "S" }));
    const confirm = (signedInAt: Date, current?: string) =>
      errorCode(
        run((tx) => confirmIdentity(tx, { personId: person.id, signedInAt, current, totpKey: KEY, now: later(3600) })),
      );
    // No password yet: only a recent sign-in (the e-mail link) proves it.
    expect(await confirm(later(3600 - 120))).toBe("no error");
    expect(await confirm(NOW, "anything")).toBe("identity.step-up-required");
    await run((tx) => setPassword(tx, { personId: person.id, password: "a long passphrase", now: NOW }));
    expect(await confirm(NOW)).toBe("identity.step-up-required");
    expect(await confirm(NOW, "wrong")).toBe("identity.step-up-required");
    expect(await confirm(NOW, "a long passphrase")).toBe("no error");
  });

  it("ends the person's other sessions when the password changes, and keeps the one that changed it", async () => {
    const person = await run((tx) => findOrCreatePerson(tx, { email: "sessions@example.nl", displayName: "S" }));
    const [mine, thief] = await Promise.all(
      [0, 1].map(() => run((tx) => createSession(tx, { personId: person.id, method: "magic-link", now: NOW }))),
    );
    const mySession = await run((tx) => findSession(tx, { token: mine!.token, now: NOW }));
    await run((tx) =>
      setPassword(tx, {
        personId: person.id,
        password: "another passphrase",
        keepSessionIdHash: mySession!.idHash,
        now: NOW,
      }),
    );
    expect(await run((tx) => findSession(tx, { token: mine!.token, now: later(1) }))).toBeDefined();
    expect(await run((tx) => findSession(tx, { token: thief!.token, now: later(1) }))).toBeUndefined();
  });
});

describe("password lockout", () => {
  it("counts failures per account and address, waits longer after each, and forgets them on success", async () => {
    const stranger = "sign-in:failures:owner@example.nl:ip:198.51.100.9";
    const owner = "sign-in:failures:owner@example.nl:ip:192.0.2.1";
    const check = (key: string, at: Date) => errorCode(run((tx) => refuseWhileLockedOut(tx, { key, now: at })));
    for (let i = 0; i < FREE_FAILURES; i++) await run((tx) => recordSignInFailure(tx, { key: stranger, now: NOW }));
    expect(await check(stranger, later(1))).toBe("identity.rate-limited");
    expect(await check(owner, later(1))).toBe("no error");
    expect(await check(stranger, later(61))).toBe("no error");
    await run((tx) => recordSignInFailure(tx, { key: stranger, now: later(61) }));
    expect(await check(stranger, later(61 + 100))).toBe("identity.rate-limited");
    expect(await check(stranger, later(61 + 121))).toBe("no error");
    await run((tx) => forgetSignInFailures(tx, { key: stranger }));
    expect(await check(stranger, later(61 + 122))).toBe("no error");
  });
});
