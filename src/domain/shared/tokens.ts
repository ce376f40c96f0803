import { createHash, randomBytes } from "node:crypto";

/**
 * A secret for a link in an e-mail, a session cookie or a feed: 256 random bits, URL-safe. Only its hash is stored, so
 * a copy of the database cannot be used to sign in.
 */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
