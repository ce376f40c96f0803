import { desc, eq } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";

export type AuditLogLine = {
  id: number;
  action: string;
  subject: string | null;
  at: Date;
  actorName: string | null;
};

/** The tenant's latest audit entries with the actor's name, for its staff area. */
export function listAuditLog(tx: Executor, o: { tenantId: string; limit?: number }): Promise<AuditLogLine[]> {
  return tx
    .select({
      id: schema.auditLog.id,
      action: schema.auditLog.action,
      subject: schema.auditLog.subject,
      at: schema.auditLog.at,
      actorName: schema.people.displayName,
    })
    .from(schema.auditLog)
    .leftJoin(schema.people, eq(schema.people.id, schema.auditLog.actorPersonId))
    .where(eq(schema.auditLog.tenantId, o.tenantId))
    .orderBy(desc(schema.auditLog.at), desc(schema.auditLog.id))
    .limit(o.limit ?? 20);
}
