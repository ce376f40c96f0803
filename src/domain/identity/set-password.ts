import { sql } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import { hashPassword } from "./passwords.ts";
import { revokeSessions } from "./revoke-sessions.ts";

export type SetPasswordOptions = {
  personId: string;
  password: string;
  /** The session making the change stays; every other session of the person ends. */
  keepSessionIdHash?: string;
  now: Date;
};

/**
 * Adds or replaces the person's password; a TOTP secret already set up stays. Whoever may have had the old
 * password is signed out everywhere (after a step-up, `confirmIdentity`).
 */
export async function setPassword(tx: Executor, o: SetPasswordOptions): Promise<void> {
  const passwordHash = await hashPassword(o.password);
  await tx
    .insert(schema.passwordCredentials)
    .values({ personId: o.personId, passwordHash, updatedAt: o.now })
    .onConflictDoUpdate({
      target: schema.passwordCredentials.personId,
      set: { passwordHash: sql`excluded.password_hash`, updatedAt: o.now },
    });
  await revokeSessions(tx, { personId: o.personId, exceptIdHash: o.keepSessionIdHash, now: o.now });
  await recordAudit(tx, { tenantId: null, actorPersonId: o.personId, action: "identity.password-set" });
}
