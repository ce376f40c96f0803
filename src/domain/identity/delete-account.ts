import { eq } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";

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
