import { type Executor, schema } from "../../db/index.ts";
import type { AuditAction } from "./audit-actions.ts";

export type AuditEntry = {
  tenantId: string | null;
  actorPersonId: string | null;
  action: AuditAction;
  subject?: string;
  details?: Record<string, unknown>;
};

/**
 * Written in the same transaction as the change it records, so neither exists without the other. An entry without
 * an actor is the system's (a job, the seed); that is kept, since the actor is emptied too when an account is deleted.
 */
export async function recordAudit(tx: Executor, entry: AuditEntry): Promise<void> {
  await tx
    .insert(schema.auditLog)
    .values({ ...entry, bySystem: entry.actorPersonId === null, details: entry.details ?? {} });
}
