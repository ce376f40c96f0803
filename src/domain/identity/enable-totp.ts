import { eq } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import { IdentityError } from "./errors.ts";
import { totpMatches } from "./totp.ts";

export type EnableTotpOptions = { personId: string; secret: string; code: string; now: Date };

/** Turns on the second step, once the person proved their app produces the right codes. Needs a password first. */
export async function enableTotp(tx: Executor, o: EnableTotpOptions): Promise<void> {
  if (!(await totpMatches(o.secret, o.code, o.now))) throw new IdentityError("identity.code-invalid");
  const updated = await tx
    .update(schema.passwordCredentials)
    .set({ totpSecret: o.secret, updatedAt: o.now })
    .where(eq(schema.passwordCredentials.personId, o.personId))
    .returning({ personId: schema.passwordCredentials.personId });
  if (updated.length === 0) throw new IdentityError("identity.password-required");
  await recordAudit(tx, { tenantId: null, actorPersonId: o.personId, action: "identity.totp-enabled" });
}
