import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes, URL-safe. Only its hash is stored, so a copy of the database cannot be used to sign in. */
export function newSecretToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export const minutesAfter = (now: Date, minutes: number) => new Date(now.getTime() + minutes * 60_000);
