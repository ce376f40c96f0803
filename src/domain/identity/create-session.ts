import { type Executor, schema } from "../../db/index.ts";
import { newToken, recordAudit } from "../shared/index.ts";

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
  const { token, hash } = newToken();
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
