import { generateSecret, generateURI, verify } from "otplib";

export const newTotpSecret = () => generateSecret();

/** The `otpauth://` address an authenticator app reads (typed in or pasted; no QR code needed). */
export const totpUri = (secret: string, label: string) => generateURI({ issuer: "Samenspel", label, secret });

/** A code of this 30-second step or the one before or after, for clocks that drift a little. */
export async function totpMatches(secret: string, code: string, now: Date): Promise<boolean> {
  if (!/^\d{6}$/.test(code)) return false;
  const result = await verify({ secret, token: code, epoch: Math.floor(now.getTime() / 1000), epochTolerance: 30 });
  return result.valid;
}
