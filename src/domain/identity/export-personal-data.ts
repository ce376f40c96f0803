import { desc, eq } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { findPerson } from "./find-person.ts";
import { listMemberships } from "./list-memberships.ts";

/** Everything the platform keeps about a person, as they may ask for it (GDPR art. 15 and 20). */
export async function exportPersonalData(tx: Executor, personId: string) {
  const person = await findPerson(tx, personId);
  // In turn: one transaction is one connection.
  const memberships = await listMemberships(tx, personId);
  const sessions = await tx
    .select({
      method: schema.sessions.method,
      acr: schema.sessions.acr,
      createdAt: schema.sessions.createdAt,
      expiresAt: schema.sessions.expiresAt,
      revokedAt: schema.sessions.revokedAt,
      userAgent: schema.sessions.userAgent,
    })
    .from(schema.sessions)
    .where(eq(schema.sessions.personId, personId));
  const identities = await tx
    .select({
      issuer: schema.oidcIdentities.issuer,
      subject: schema.oidcIdentities.subject,
      lastAcr: schema.oidcIdentities.lastAcr,
      lastSignInAt: schema.oidcIdentities.lastSignInAt,
    })
    .from(schema.oidcIdentities)
    .where(eq(schema.oidcIdentities.personId, personId));
  const credential = await tx
    .select({ totpSecret: schema.passwordCredentials.totpSecret, updatedAt: schema.passwordCredentials.updatedAt })
    .from(schema.passwordCredentials)
    .where(eq(schema.passwordCredentials.personId, personId));
  const audit = await tx
    .select({ action: schema.auditLog.action, subject: schema.auditLog.subject, at: schema.auditLog.at })
    .from(schema.auditLog)
    .where(eq(schema.auditLog.actorPersonId, personId))
    .orderBy(desc(schema.auditLog.at));
  return {
    person,
    memberships,
    sessions,
    linkedIdentities: identities,
    password: credential[0]
      ? { set: true, totp: Boolean(credential[0].totpSecret), updatedAt: credential[0].updatedAt }
      : null,
    actions: audit,
  };
}
