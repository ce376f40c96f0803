import { and, eq, isNull, lt, or } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { spendRecoveryCode } from "./recovery-codes.ts";
import { totpMatchingStep } from "./totp.ts";
import { openTotpSecret } from "./totp-secret-box.ts";

export type SpendSecondFactorOptions = { personId: string; code: string; totpKey: Buffer | undefined; now: Date };

/**
 * Accepts a code from the person's authenticator app, or one of their unused recovery codes, once. The app's code
 * is bound to its 30-second step: the step is recorded with a conditional update, so the same code (or an older
 * one) is refused afterwards, also when two arrive at once.
 */
export async function spendSecondFactor(tx: Executor, o: SpendSecondFactorOptions): Promise<boolean> {
  const code = o.code.trim();
  if (!/^\d{6}$/.test(code)) return spendRecoveryCode(tx, { personId: o.personId, code, now: o.now });
  const [credential] = await tx
    .select({ secret: schema.passwordCredentials.totpSecret })
    .from(schema.passwordCredentials)
    .where(eq(schema.passwordCredentials.personId, o.personId));
  const secret = credential?.secret ? openTotpSecret(credential.secret, o.totpKey) : undefined;
  if (!secret) return false;
  const step = await totpMatchingStep(secret, code, o.now);
  if (step === undefined) return false;
  const { passwordCredentials: c } = schema;
  const recorded = await tx
    .update(c)
    .set({ totpLastStep: step })
    .where(and(eq(c.personId, o.personId), or(isNull(c.totpLastStep), lt(c.totpLastStep, step))))
    .returning({ personId: c.personId });
  return recorded.length > 0;
}
