import { eq } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import { IdentityError } from "./errors.ts";
import { replaceRecoveryCodes } from "./recovery-codes.ts";
import { totpMatchingStep } from "./totp.ts";
import { sealTotpSecret } from "./totp-secret-box.ts";

export type EnableTotpOptions = {
  personId: string;
  secret: string;
  code: string;
  totpKey: Buffer | undefined;
  now: Date;
};

/**
 * Turns on the second step, once the person proved their app produces the right codes. Needs a password first.
 * The secret is stored sealed with the configured key; the code that proved it is spent. Returns fresh recovery
 * codes, to be shown once. Replacing an active secret needs a step-up first (`confirmIdentity`).
 */
export async function enableTotp(tx: Executor, o: EnableTotpOptions): Promise<{ recoveryCodes: string[] }> {
  const step = await totpMatchingStep(o.secret, o.code, o.now);
  if (step === undefined) throw new IdentityError("identity.code-invalid");
  const updated = await tx
    .update(schema.passwordCredentials)
    .set({ totpSecret: sealTotpSecret(o.secret, o.totpKey), totpLastStep: step, updatedAt: o.now })
    .where(eq(schema.passwordCredentials.personId, o.personId))
    .returning({ personId: schema.passwordCredentials.personId });
  if (updated.length === 0) throw new IdentityError("identity.password-required");
  const recoveryCodes = await replaceRecoveryCodes(tx, { personId: o.personId, now: o.now });
  await recordAudit(tx, { tenantId: null, actorPersonId: o.personId, action: "identity.totp-enabled" });
  return { recoveryCodes };
}
