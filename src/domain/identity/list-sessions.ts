import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";

export type SessionSummary = Pick<
  typeof schema.sessions.$inferSelect,
  "idHash" | "method" | "acr" | "createdAt" | "expiresAt" | "userAgent"
>;

/** The person's live sessions, newest first. */
export function listSessions(tx: Executor, o: { personId: string; now: Date }): Promise<SessionSummary[]> {
  return tx
    .select({
      idHash: schema.sessions.idHash,
      method: schema.sessions.method,
      acr: schema.sessions.acr,
      createdAt: schema.sessions.createdAt,
      expiresAt: schema.sessions.expiresAt,
      userAgent: schema.sessions.userAgent,
    })
    .from(schema.sessions)
    .where(
      and(
        eq(schema.sessions.personId, o.personId),
        isNull(schema.sessions.revokedAt),
        gt(schema.sessions.expiresAt, o.now),
      ),
    )
    .orderBy(desc(schema.sessions.createdAt));
}
