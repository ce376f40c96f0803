import { sql } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import { hashPassword } from "./passwords.ts";

export type SetPasswordOptions = { personId: string; password: string; now: Date };

/** Adds or replaces the person's password; a TOTP secret already set up stays. */
export async function setPassword(tx: Executor, o: SetPasswordOptions): Promise<void> {
  const passwordHash = await hashPassword(o.password);
  await tx
    .insert(schema.passwordCredentials)
    .values({ personId: o.personId, passwordHash, updatedAt: o.now })
    .onConflictDoUpdate({
      target: schema.passwordCredentials.personId,
      set: { passwordHash: sql`excluded.password_hash`, updatedAt: o.now },
    });
  await recordAudit(tx, { tenantId: null, actorPersonId: o.personId, action: "identity.password-set" });
}
