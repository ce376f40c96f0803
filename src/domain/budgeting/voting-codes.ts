import { createHmac, randomBytes } from "node:crypto";

/** Digits and capitals without look-alikes (0/O, 1/I/L): 31 symbols, about 4.95 bits each. */
export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
/** 12 symbols: about 59 bits, printed as three groups of four. */
export const CODE_LENGTH = 12;

/** What a voter types, made comparable: capitals, without spaces or dashes. */
export function normaliseCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]+/g, "");
}

export function formatCode(code: string): string {
  return (
    normaliseCode(code)
      .match(/.{1,4}/g)
      ?.join("-") ?? ""
  );
}

/** Symbols from bytes by rejection (a byte ≥ 248 is skipped), so every symbol is equally likely. */
function symbols(source: (round: number) => Buffer): string {
  let code = "";
  for (let round = 0; code.length < CODE_LENGTH; round++) {
    for (const byte of source(round)) {
      if (byte >= 248) continue;
      code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
      if (code.length === CODE_LENGTH) break;
    }
  }
  return code;
}

/**
 * A batch's codes are derived from the configured key, the batch and the position, so staff can download a batch
 * again (for the printing house) while the database holds only hashes.
 */
export function deriveVotingCode(key: string, batchId: string, position: number): string {
  return symbols((round) => createHmac("sha256", key).update(`pb-code|${batchId}|${position}|${round}`).digest());
}

/** A receipt code for changing a ballot: random, shown once to the voter. */
export function newReceiptCode(): string {
  return symbols(() => randomBytes(32));
}

/** Keyed hash of a code (or receipt): a leaked table cannot be searched offline without the key. */
export function hashCode(key: string, purpose: "code" | "receipt", code: string): string {
  return createHmac("sha256", key)
    .update(`${purpose}|${normaliseCode(code)}`)
    .digest("hex");
}

export function looksLikeCode(input: string): boolean {
  const code = normaliseCode(input);
  return code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c));
}
