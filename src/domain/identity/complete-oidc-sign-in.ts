import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { createSession, type NewSession } from "./create-session.ts";
import { findOrCreatePerson, type Person } from "./find-or-create-person.ts";

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
