import { type Executor, schema } from "../../db/index.ts";

export type AuditEntry = {
  tenantId: string | null;
  actorPersonId: string | null;
  action: string;
  subject?: string;
  details?: Record<string, unknown>;
};

/** Written in the same transaction as the change it records, so neither exists without the other. */
export async function recordAudit(tx: Executor, entry: AuditEntry): Promise<void> {
  await tx.insert(schema.auditLog).values({ ...entry, details: entry.details ?? {} });
}
