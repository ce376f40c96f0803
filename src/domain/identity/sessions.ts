import { and, desc, eq, gt, isNull, ne } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import type { Person } from "./find-or-create-person.ts";
import { hashToken, newSecretToken } from "./secret-token.ts";

export type SignInMethod = (typeof schema.sessions.$inferSelect)["method"];
export const SESSION_DAYS = 14;

export type CreateSessionOptions = {
  personId: string;
  method: SignInMethod;
  acr?: string | null;
  userAgent?: string | null;
  now: Date;
};

export type NewSession = { token: string; expiresAt: Date };

/** A signed-in browser: the cookie gets the token, the table its hash. Every sign-in is audited. */
export async function createSession(tx: Executor, o: CreateSessionOptions): Promise<NewSession> {
  const { token, hash } = newSecretToken();
  const expiresAt = new Date(o.now.getTime() + SESSION_DAYS * 86_400_000);
  await tx.insert(schema.sessions).values({
    idHash: hash,
    personId: o.personId,
    method: o.method,
    acr: o.acr ?? null,
    userAgent: o.userAgent?.slice(0, 300) ?? null,
    createdAt: o.now,
    expiresAt,
  });
  await recordAudit(tx, {
    tenantId: null,
    actorPersonId: o.personId,
    action: "identity.signed-in",
    details: { method: o.method, ...(o.acr ? { acr: o.acr } : {}) },
  });
  return { token, expiresAt };
}

export type CurrentSession = { idHash: string; method: SignInMethod; acr: string | null; person: Person };

/** The live session behind a cookie token: not expired, not revoked, its person not deleted. */
export async function findSession(tx: Executor, o: { token: string; now: Date }): Promise<CurrentSession | undefined> {
  const [row] = await tx
    .select({ session: schema.sessions, person: schema.people })
    .from(schema.sessions)
    .innerJoin(schema.people, eq(schema.people.id, schema.sessions.personId))
    .where(
      and(
        eq(schema.sessions.idHash, hashToken(o.token)),
        isNull(schema.sessions.revokedAt),
        gt(schema.sessions.expiresAt, o.now),
      ),
    );
  if (!row) return undefined;
  return { idHash: row.session.idHash, method: row.session.method, acr: row.session.acr, person: row.person };
}

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
  return ended.length;
}
