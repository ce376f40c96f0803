import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { generateSync } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../tests/support/database.ts";
import { SERVER_ONLY, serverRun } from "../../../tests/support/server-only.ts";
import { type DatabaseHandle, schema, withPlatform } from "../../db/index.ts";
import { isDomainError } from "../shared/index.ts";
import { createTenant } from "../tenancy/index.ts";
import {
  addTeamMember,
  completeOidcSignIn,
  deleteAccount,
  deleteExpiredSignInData,
  enableTotp,
  exportPersonalData,
  findOrCreatePerson,
  findSession,
  hitRateLimit,
  listMemberships,
  listSessions,
  newTotpSecret,
  redeemMagicLink,
  requestMagicLink,
  revokeSessions,
  rolesGrant,
  type SignInResult,
  setPassword,
  signInWithPassword,
  startOidcSignIn,
  takeOidcSignIn,
  verifySecondFactor,
} from "./index.ts";

let handle: DatabaseHandle;
const KEY = randomBytes(32);
const NOW = new Date("2026-11-23T09:00:00Z");
const minutesLater = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const run = <T>(work: Parameters<typeof withPlatform<T>>[1]) => withPlatform(handle.db, work);

beforeAll(async () => {
  handle = await freshDatabase();
});
afterAll(() => handle.close());

/** Requests a link and returns the token from the queued mail, as the mailbox would see it. */
async function magicLinkFor(email: string, now = NOW): Promise<string> {
  let token = "";
  await run((tx) =>
    requestMagicLink(tx, {
      email,
      locale: "nl",
      now,
      linkFor: (t) => {
        token = t;
        return `http://test/inloggen/link/${t}`;
      },
    }),
  );
  return token;
}

const errorCode = (promise: Promise<unknown>) =>
  promise.then(
    () => "no error",
    (error: unknown) => (isDomainError(error) ? error.code : String(error)),
  );

const signedIn = (result: SignInResult) => {
  if (result.kind !== "signed-in") throw new Error(`expected a session, got ${result.kind}`);
  return result;
};

describe("magic links", () => {
  it("stores only the token's hash, mails the link, and answers alike for known and unknown addresses", async () => {
    await run((tx) => findOrCreatePerson(tx, { email: "known@example.nl", displayName: "Known" }));
    const known = await magicLinkFor("known@example.nl");
    const unknown = await magicLinkFor("nobody@example.nl");
    const tokens = await handle.db.select().from(schema.signInTokens);
    expect(tokens.map((row) => row.tokenHash)).not.toContain(known);
    expect(tokens.map((row) => row.tokenHash)).not.toContain(unknown);
    const mails = await handle.db.select().from(schema.jobs).where(eq(schema.jobs.kind, "mail.send"));
    expect(mails.map((job) => (job.payload as { to: string }).to).sort()).toEqual([
      "known@example.nl",
      "nobody@example.nl",
    ]);
  });

  it("signs in once; a second use, or a use after 15 minutes, is refused", async () => {
    const token = await magicLinkFor("once@example.nl");
    const first = signedIn(await run((tx) => redeemMagicLink(tx, { token, now: minutesLater(1) })));
    expect(first.person.email).toBe("once@example.nl");
    expect(await errorCode(run((tx) => redeemMagicLink(tx, { token, now: minutesLater(2) })))).toBe(
      "identity.link-invalid",
    );
    const late = await magicLinkFor("late@example.nl");
    expect(await errorCode(run((tx) => redeemMagicLink(tx, { token: late, now: minutesLater(15) })))).toBe(
      "identity.link-invalid",
    );
  });

  it("gives exactly one of two simultaneous uses a session", async ({ skip }) => {
    skip(!serverRun, SERVER_ONLY);
    const token = await magicLinkFor("race@example.nl");
    const results = await Promise.allSettled(
      [1, 2].map(() => run((tx) => redeemMagicLink(tx, { token, now: minutesLater(1) }))),
    );
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
  });
});

describe("sessions", () => {
  it("find, list and revoke: one, all others, or all", async () => {
    const person = await run((tx) => findOrCreatePerson(tx, { email: "sessions@example.nl", displayName: "S" }));
    const sessions = [];
    for (let i = 0; i < 3; i++) {
      const token = await magicLinkFor(person.email);
      sessions.push(signedIn(await run((tx) => redeemMagicLink(tx, { token, now: NOW }))).session);
    }
    const [a, b, c] = sessions as [(typeof sessions)[0], (typeof sessions)[0], (typeof sessions)[0]];
    const current = await run((tx) => findSession(tx, { token: a.token, now: NOW }));
    expect(current?.person.id).toBe(person.id);
    expect(await run((tx) => findSession(tx, { token: a.token, now: a.expiresAt }))).toBeUndefined();
    expect(await run((tx) => listSessions(tx, { personId: person.id, now: NOW }))).toHaveLength(3);

    await run((tx) => revokeSessions(tx, { personId: person.id, idHash: current!.idHash, now: NOW }));
    expect(await run((tx) => findSession(tx, { token: a.token, now: NOW }))).toBeUndefined();
    const bSession = await run((tx) => findSession(tx, { token: b.token, now: NOW }));
    await run((tx) => revokeSessions(tx, { personId: person.id, exceptIdHash: bSession!.idHash, now: NOW }));
    expect(await run((tx) => findSession(tx, { token: c.token, now: NOW }))).toBeUndefined();
    expect(await run((tx) => findSession(tx, { token: b.token, now: NOW }))).toBeDefined();
  });

  it("cannot revoke another person's session", async () => {
    const token = await magicLinkFor("victim@example.nl");
    const victim = signedIn(await run((tx) => redeemMagicLink(tx, { token, now: NOW })));
    const session = await run((tx) => findSession(tx, { token: victim.session.token, now: NOW }));
    const attacker = await run((tx) => findOrCreatePerson(tx, { email: "attacker@example.nl", displayName: "A" }));
    expect(await run((tx) => revokeSessions(tx, { personId: attacker.id, idHash: session!.idHash, now: NOW }))).toBe(0);
  });
});

describe("password and TOTP", () => {
  it("hashes with argon2id and gives one answer for unknown address, no password, and wrong password", async () => {
    const person = await run((tx) => findOrCreatePerson(tx, { email: "staff@example.nl", displayName: "Staff" }));
    await run((tx) => setPassword(tx, { personId: person.id, password: "correct horse battery", now: NOW }));
    const [credential] = await handle.db.select().from(schema.passwordCredentials);
    expect(credential?.passwordHash).toMatch(/^\$argon2id\$/);
    await run((tx) => findOrCreatePerson(tx, { email: "nopassword@example.nl", displayName: "N" }));
    for (const [email, password] of [
      ["staff@example.nl", "wrong"],
      ["nopassword@example.nl", "anything"],
      ["ghost@example.nl", "anything"],
    ] as const) {
      expect(await errorCode(run((tx) => signInWithPassword(tx, { email, password, now: NOW })))).toBe(
        "identity.credentials-invalid",
      );
    }
    const result = await run((tx) =>
      signInWithPassword(tx, { email: "STAFF@example.nl", password: "correct horse battery", now: NOW }),
    );
    expect(result.kind).toBe("signed-in");
  });

  it("asks for a TOTP code after the password once TOTP is on, and only a right code gives a session", async () => {
    const person = await run((tx) => findOrCreatePerson(tx, { email: "totp@example.nl", displayName: "T" }));
    const secret = newTotpSecret();
    const codeAt = (at: Date) => generateSync({ secret, epoch: Math.floor(at.getTime() / 1000) });
    expect(
      await errorCode(
        run((tx) => enableTotp(tx, { personId: person.id, secret, code: codeAt(NOW), totpKey: KEY, now: NOW })),
      ),
    ).toBe("identity.password-required");
    await run((tx) => setPassword(tx, { personId: person.id, password: "a long passphrase", now: NOW }));
    expect(
      await errorCode(
        run((tx) => enableTotp(tx, { personId: person.id, secret, code: "000000", totpKey: KEY, now: NOW })),
      ),
    ).toBe("identity.code-invalid");
    await run((tx) => enableTotp(tx, { personId: person.id, secret, code: codeAt(NOW), totpKey: KEY, now: NOW }));

    const first = await run((tx) =>
      signInWithPassword(tx, { email: person.email, password: "a long passphrase", returnTo: "/beheer", now: NOW }),
    );
    if (first.kind !== "second-factor") throw new Error("expected the second step");
    const pendingToken = first.pendingToken;
    expect(
      await errorCode(run((tx) => verifySecondFactor(tx, { pendingToken, code: "123456", totpKey: KEY, now: NOW }))),
    ).toBe("identity.code-invalid");
    const later = minutesLater(1);
    const done = await run((tx) =>
      verifySecondFactor(tx, { pendingToken, code: codeAt(later), totpKey: KEY, now: later }),
    );
    expect(done.returnTo).toBe("/beheer");
    expect(
      await errorCode(
        run((tx) => verifySecondFactor(tx, { pendingToken, code: codeAt(later), totpKey: KEY, now: later })),
      ),
    ).toBe("identity.second-factor-expired");

    const link = await magicLinkFor(person.email);
    expect((await run((tx) => redeemMagicLink(tx, { token: link, now: NOW }))).kind).toBe("second-factor");
  });
});

describe("clean-up", () => {
  it("forgets expired tokens, old sessions and old rate-limit windows, and keeps live ones", async () => {
    const live = await magicLinkFor("clean@example.nl", minutesLater(60 * 24 * 30));
    await magicLinkFor("stale@example.nl", NOW);
    await run((tx) => hitRateLimit(tx, { key: "ip:old", limit: 9, windowSeconds: 60, now: NOW }));
    await run((tx) => deleteExpiredSignInData(tx, { now: minutesLater(60 * 24 * 30) }));
    const tokens = await handle.db.select({ email: schema.signInTokens.email }).from(schema.signInTokens);
    expect(tokens.map((row) => row.email)).toEqual(["clean@example.nl"]);
    expect(await handle.db.select().from(schema.rateLimits).where(eq(schema.rateLimits.key, "ip:old"))).toEqual([]);
    expect(live).toBeTruthy();
  });
});

describe("rate limits", () => {
  it("allows the limit per window, refuses the next, and starts over in a new window", async () => {
    const hit = (now: Date) =>
      errorCode(run((tx) => hitRateLimit(tx, { key: "ip:1", limit: 3, windowSeconds: 60, now })));
    for (let i = 0; i < 3; i++) expect(await hit(NOW)).toBe("no error");
    expect(await hit(minutesLater(0.5))).toBe("identity.rate-limited");
    expect(await hit(minutesLater(1))).toBe("no error");
  });

  it("counts simultaneous attempts exactly", async ({ skip }) => {
    skip(!serverRun, SERVER_ONLY);
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        errorCode(run((tx) => hitRateLimit(tx, { key: "ip:race", limit: 5, windowSeconds: 60, now: NOW }))),
      ),
    );
    expect(results.filter((r) => r === "no error")).toHaveLength(5);
  });
});

describe("OpenID Connect", () => {
  it("takes a flow's state once, and links (issuer, sub) to the person with the same address", async () => {
    await run((tx) =>
      startOidcSignIn(tx, { state: "s1", nonce: "n1", codeVerifier: "v1", returnTo: "/account", now: NOW }),
    );
    expect(await run((tx) => takeOidcSignIn(tx, { state: "s1", now: NOW }))).toMatchObject({
      nonce: "n1",
      codeVerifier: "v1",
    });
    expect(await errorCode(run((tx) => takeOidcSignIn(tx, { state: "s1", now: NOW })))).toBe(
      "identity.oidc-state-invalid",
    );

    const existing = await run((tx) => findOrCreatePerson(tx, { email: "oidc@example.nl", displayName: "O" }));
    const claims = {
      issuer: "https://idp.test",
      subject: "sub-1",
      acr: "urn:etoegang:core:assurance-class:loa3",
      now: NOW,
    };
    const first = await run((tx) => completeOidcSignIn(tx, { ...claims, email: "oidc@example.nl" }));
    expect(first.person.id).toBe(existing.id);
    const again = await run((tx) => completeOidcSignIn(tx, claims));
    expect(again.person.id).toBe(existing.id);
    const session = await run((tx) => findSession(tx, { token: again.session.token, now: NOW }));
    expect(session).toMatchObject({ method: "oidc", acr: claims.acr });
    const noEmail = await run((tx) => completeOidcSignIn(tx, { ...claims, subject: "bsn-only" }));
    expect(noEmail.person.email).toMatch(/@samenspel\.invalid$/);
  });
});

describe("accounts and roles", () => {
  it("adds team members per tenant kind, grants rights by role, and deletes an account with everything attached", async () => {
    const tenant = await run((tx) => createTenant(tx, { slug: "dijkstad", name: "Dijkstad", kind: "municipality" }));
    const boss = await run((tx) => findOrCreatePerson(tx, { email: "boss@example.nl", displayName: "Boss" }));
    await run((tx) =>
      addTeamMember(tx, {
        tenantId: tenant.id,
        actorPersonId: boss.id,
        email: "New@Example.nl",
        role: "municipal-staff",
        now: NOW,
      }),
    );
    expect(
      await errorCode(
        run((tx) =>
          addTeamMember(tx, {
            tenantId: tenant.id,
            actorPersonId: boss.id,
            email: "x@example.nl",
            role: "programme-staff",
            now: NOW,
          }),
        ),
      ),
    ).toBe("identity.role-not-for-tenant");
    const token = await magicLinkFor("new@example.nl");
    const member = signedIn(await run((tx) => redeemMagicLink(tx, { token, now: NOW })));
    const memberships = await run((tx) => listMemberships(tx, member.person.id));
    expect(memberships).toMatchObject([{ tenantSlug: "dijkstad", role: "municipal-staff" }]);
    expect(rolesGrant(["municipal-staff"], "staff-area:view")).toBe(true);
    expect(rolesGrant(["municipal-staff"], "tenant:manage")).toBe(false);
    expect(rolesGrant(["resident", "council-member"], "staff-area:view")).toBe(false);

    const exported = await run((tx) => exportPersonalData(tx, member.person.id));
    expect(exported.person?.email).toBe("new@example.nl");
    expect(JSON.stringify(exported)).not.toContain(member.session.token);

    await run((tx) => deleteAccount(tx, { personId: member.person.id }));
    expect(await run((tx) => findSession(tx, { token: member.session.token, now: NOW }))).toBeUndefined();
    expect(await run((tx) => listMemberships(tx, member.person.id))).toEqual([]);
  });
});
