import { desc, eq } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import type { Person } from "./find-or-create-person.ts";
import { listMemberships } from "./list-memberships.ts";

export async function findPerson(tx: Executor, personId: string): Promise<Person | undefined> {
  const [person] = await tx.select().from(schema.people).where(eq(schema.people.id, personId));
  return person;
}

/** Everything the platform keeps about a person, as they may ask for it (GDPR art. 15 and 20). */
export async function exportPersonalData(tx: Executor, personId: string) {
  const person = await findPerson(tx, personId);
  const [memberships, sessions, identities, credential, audit] = await Promise.all([
    listMemberships(tx, personId),
    tx
      .select({
        method: schema.sessions.method,
        acr: schema.sessions.acr,
        createdAt: schema.sessions.createdAt,
        expiresAt: schema.sessions.expiresAt,
        revokedAt: schema.sessions.revokedAt,
        userAgent: schema.sessions.userAgent,
      })
      .from(schema.sessions)
      .where(eq(schema.sessions.personId, personId)),
    tx
      .select({
        issuer: schema.oidcIdentities.issuer,
        subject: schema.oidcIdentities.subject,
        lastAcr: schema.oidcIdentities.lastAcr,
        lastSignInAt: schema.oidcIdentities.lastSignInAt,
      })
      .from(schema.oidcIdentities)
      .where(eq(schema.oidcIdentities.personId, personId)),
    tx
      .select({ totpSecret: schema.passwordCredentials.totpSecret, updatedAt: schema.passwordCredentials.updatedAt })
      .from(schema.passwordCredentials)
      .where(eq(schema.passwordCredentials.personId, personId)),
    tx
      .select({ action: schema.auditLog.action, subject: schema.auditLog.subject, at: schema.auditLog.at })
      .from(schema.auditLog)
      .where(eq(schema.auditLog.actorPersonId, personId))
      .orderBy(desc(schema.auditLog.at)),
  ]);
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

/**
 * Deletes the person; their sessions, roles, credentials and links go with them (foreign keys cascade), so they
 * are signed out everywhere. Audit rows stay, without the person.
 */
export async function deleteAccount(tx: Executor, o: { personId: string }): Promise<void> {
  await tx.delete(schema.people).where(eq(schema.people.id, o.personId));
  await recordAudit(tx, {
    tenantId: null,
    actorPersonId: null,
    action: "identity.account-deleted",
    subject: o.personId,
  });
}

/** The person's roles in one tenant (empty when they hold none there). */
export async function rolesInTenant(tx: Executor, o: { personId: string; tenantId: string }) {
  const rows = await listMemberships(tx, o.personId);
  return rows.filter((row) => row.tenantId === o.tenantId).map((row) => row.role);
}
