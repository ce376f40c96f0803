import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { IdentityError } from "./errors.ts";

/**
 * TOTP secrets at rest: AES-256-GCM with the key from the configuration (`TOTP_KEY`), stored as
 * `v1.<iv>.<tag>.<ciphertext>` in base64url. A copy of the database alone then yields no codes. A secret stored
 * before encryption (plain base 32) is still read, and is sealed the next time TOTP is set up.
 */
export function sealTotpSecret(secret: string, key: Buffer | undefined): string {
  if (!key) throw new IdentityError("identity.totp-unavailable");
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), sealed]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

/** The plain secret, or undefined when it cannot be opened (another key, tampered with, or no key configured). */
export function openTotpSecret(stored: string, key: Buffer | undefined): string | undefined {
  if (!stored.startsWith("v1.")) return stored;
  if (!key) return undefined;
  const [, iv, tag, sealed] = stored.split(".");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv!, "base64url"));
    decipher.setAuthTag(Buffer.from(tag!, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(sealed!, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return undefined;
  }
}
