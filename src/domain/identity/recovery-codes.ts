import { randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { hashToken } from "../shared/index.ts";

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

/** `abcde-fghij`: 50 random bits, easy to read aloud and type; case, spaces and dashes do not matter. */
function newRecoveryCode(): string {
  const code = [...randomBytes(10)].map((byte) => ALPHABET[byte % 32]).join("");
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

export const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[\s-]/g, "");
export const looksLikeRecoveryCode = (code: string) => /^[a-z2-7]{10}$/.test(normaliseRecoveryCode(code));

/** New recovery codes for a person, replacing any earlier ones; shown once, stored only as hashes. */
export async function replaceRecoveryCodes(tx: Executor, o: { personId: string; now: Date }): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.delete(schema.totpRecoveryCodes).where(eq(schema.totpRecoveryCodes.personId, o.personId));
  await tx.insert(schema.totpRecoveryCodes).values(
    codes.map((code) => ({
      personId: o.personId,
      codeHash: hashToken(normaliseRecoveryCode(code)),
      createdAt: o.now,
    })),
  );
  return codes;
}

/** Spends one unused recovery code: a conditional update, so of two simultaneous uses exactly one succeeds. */
export async function spendRecoveryCode(
  tx: Executor,
  o: { personId: string; code: string; now: Date },
): Promise<boolean> {
  if (!looksLikeRecoveryCode(o.code)) return false;
  const spent = await tx
    .update(schema.totpRecoveryCodes)
    .set({ usedAt: o.now })
    .where(
      and(
        eq(schema.totpRecoveryCodes.personId, o.personId),
        eq(schema.totpRecoveryCodes.codeHash, hashToken(normaliseRecoveryCode(o.code))),
        isNull(schema.totpRecoveryCodes.usedAt),
      ),
    )
    .returning({ personId: schema.totpRecoveryCodes.personId });
  return spent.length > 0;
}
