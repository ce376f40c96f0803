import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { DomainError } from "../shared/index.ts";
import { consumeSignInToken } from "./consume-sign-in-token.ts";
import { findOrCreatePerson, type Person } from "./find-or-create-person.ts";
import { hashToken, minutesAfter } from "./secret-token.ts";
import { createSession, type NewSession } from "./sessions.ts";

export const OIDC_ATTEMPT_MINUTES = 10;

export type OidcAttempt = { state: string; nonce: string; codeVerifier: string; returnTo?: string };

/** Remembers a started authorization-code flow under the hash of its `state`, for the callback to pick up once. */
export async function startOidcSignIn(tx: Executor, o: OidcAttempt & { now: Date }): Promise<void> {
  await tx.insert(schema.signInTokens).values({
    tokenHash: hashToken(o.state),
    purpose: "oidc",
    data: { nonce: o.nonce, codeVerifier: o.codeVerifier, ...(o.returnTo ? { returnTo: o.returnTo } : {}) },
    createdAt: o.now,
    expiresAt: minutesAfter(o.now, OIDC_ATTEMPT_MINUTES),
  });
}

/** The flow a callback's `state` belongs to, used up; unknown, expired or replayed states are refused. */
export async function takeOidcSignIn(tx: Executor, o: { state: string; now: Date }): Promise<OidcAttempt> {
  const row = await consumeSignInToken(tx, { token: o.state, purpose: "oidc", now: o.now });
  if (!row?.data.nonce || !row.data.codeVerifier) throw new DomainError("identity.oidc-state-invalid");
  const { nonce, codeVerifier, returnTo } = row.data;
  return { state: o.state, nonce, codeVerifier, ...(returnTo ? { returnTo } : {}) };
}

export type CompleteOidcSignInOptions = {
  issuer: string;
  subject: string;
  /** Only a verified address from the provider links to an existing account. */
  email?: string;
  name?: string;
  acr?: string;
  userAgent?: string | null;
  now: Date;
};

/**
 * Links the provider's (issuer, sub) to a person on first sight: the person with the verified e-mail address, or a
 * new one. Brokers such as DigiD give no address; such a person gets a placeholder until they add one.
 */
export async function completeOidcSignIn(
  tx: Executor,
  o: CompleteOidcSignInOptions,
): Promise<{ person: Person; session: NewSession }> {
  const [linked] = await tx
    .select({ person: schema.people })
    .from(schema.oidcIdentities)
    .innerJoin(schema.people, eq(schema.people.id, schema.oidcIdentities.personId))
    .where(and(eq(schema.oidcIdentities.issuer, o.issuer), eq(schema.oidcIdentities.subject, o.subject)));
  const person =
    linked?.person ??
    (await findOrCreatePerson(tx, {
      email: o.email ?? placeholderEmail(o.issuer, o.subject),
      displayName: o.name ?? o.email?.split("@")[0] ?? "",
    }));
  await tx
    .insert(schema.oidcIdentities)
    .values({ issuer: o.issuer, subject: o.subject, personId: person.id, lastAcr: o.acr ?? null, lastSignInAt: o.now })
    .onConflictDoUpdate({
      target: [schema.oidcIdentities.issuer, schema.oidcIdentities.subject],
      set: { lastAcr: sql`excluded.last_acr`, lastSignInAt: o.now },
    });
  const session = await createSession(tx, {
    personId: person.id,
    method: "oidc",
    acr: o.acr ?? null,
    userAgent: o.userAgent,
    now: o.now,
  });
  return { person, session };
}

/** Unique per identity and never deliverable (`.invalid` is reserved). */
function placeholderEmail(issuer: string, subject: string): string {
  const id = createHash("sha256").update(`${issuer}\n${subject}`).digest("hex").slice(0, 20);
  return `oidc-${id}@samenspel.invalid`;
}
