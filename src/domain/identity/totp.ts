import { createHash } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";

export const newTotpSecret = () => generateSecret();

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/**
 * A secret offered during set-up that stays the same for one seed (the browser's raw session token, a secret of its
 * own), so a page reload or a wrong first code does not silently replace the key already typed into the app. 160 bits.
 */
export function totpSetupSecret(seed: string): string {
  const bytes = createHash("sha256").update(`totp-setup\n${seed}`).digest().subarray(0, 20);
  let bits = "";
  for (const byte of bytes) bits += byte.toString(2).padStart(8, "0");
  return Array.from(
    { length: bits.length / 5 },
    (_, i) => BASE32[Number.parseInt(bits.slice(i * 5, i * 5 + 5), 2)],
  ).join("");
}

/** The `otpauth://` address an authenticator app reads (typed in or pasted; no QR code needed). */
export const totpUri = (secret: string, label: string) => generateURI({ issuer: "Samenspel", label, secret });

/** A code of this 30-second step or the one before or after, for clocks that drift a little. */
export async function totpMatches(secret: string, code: string, now: Date): Promise<boolean> {
  return (await totpMatchingStep(secret, code, now)) !== undefined;
}

/** The 30-second time step (RFC 6238) whose code this is, within one step of `now`; undefined for a wrong code. */
export async function totpMatchingStep(secret: string, code: string, now: Date): Promise<number | undefined> {
  if (!/^\d{6}$/.test(code)) return undefined;
  // A secret otplib refuses (too short, not base 32) matches no code, rather than failing the request.
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: 30,
  }).catch(() => undefined);
  return result?.valid ? Math.floor(now.getTime() / 30_000) + result.delta : undefined;
}
