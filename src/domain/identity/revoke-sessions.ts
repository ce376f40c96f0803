import { and, eq, isNull, ne } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";

export type RevokeSessionsOptions = {
  personId: string;
  now: Date;
  /** One session (sign out, or "end this session"); without it every session of the person. */
  idHash?: string;
  /** Keep this one ("sign out everywhere else"). */
  exceptIdHash?: string;
};

/** Only the person's own sessions can be revoked: the person id is part of the condition. Returns how many ended. */
export async function revokeSessions(tx: Executor, o: RevokeSessionsOptions): Promise<number> {
  const ended = await tx
    .update(schema.sessions)
    .set({ revokedAt: o.now })
    .where(
      and(
        eq(schema.sessions.personId, o.personId),
        isNull(schema.sessions.revokedAt),
        o.idHash ? eq(schema.sessions.idHash, o.idHash) : undefined,
        o.exceptIdHash ? ne(schema.sessions.idHash, o.exceptIdHash) : undefined,
      ),
    )
    .returning({ idHash: schema.sessions.idHash });
  if (ended.length > 0) {
    await recordAudit(tx, {
      tenantId: null,
      actorPersonId: o.personId,
      action: o.idHash ? "identity.session-ended" : "identity.sessions-ended",
      details: { count: ended.length },
    });
  }
  return ended.length;
}
