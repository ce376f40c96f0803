import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  type KeyObject,
  randomBytes,
} from "node:crypto";
import type { Config } from "../../src/platform/config.ts";
import { clearCookie, readCookie, setCookie } from "./cookies.server.ts";

/**
 * What the page after a ballot shows, carried from the ballot's answer (a 303 to that page) to the page itself in a
 * short-lived cookie, so that the post does not render a page (Post/Redirect/Get) and a reload cannot post again.
 * The change code is never stored in clear on our side: the cookie is sealed with AES-256-GCM under a key derived
 * from the voting-code key, lives ten minutes, and the page that shows it clears it, so it is shown once.
 */
export type VoteFlash = {
  /** The municipality's slug: with the round's, what the receipt page checks the cookie against (no database). */
  gemeente: string;
  round: { slug: string; title: string };
  /** The change code of a new ballot; absent after a change. */
  receipt?: string;
};

const COOKIE = "samenspel-stembewijs";
const LIFETIME_SECONDS = 10 * 60;
const IV_BYTES = 12;
const TAG_BYTES = 16;

const keys = new Map<string, KeyObject>();
/**
 * A key of its own for the cookie, so that the cookie and the stored receipt hashes never share one; a KeyObject,
 * which the cipher takes as it is (a Buffer is checked and wrapped again on every seal and unseal).
 */
function keyOf(config: Config): KeyObject {
  let key = keys.get(config.votingCodeKey);
  if (!key) {
    key = createSecretKey(createHmac("sha256", config.votingCodeKey).update("vote-flash-cookie").digest());
    keys.set(config.votingCodeKey, key);
  }
  return key;
}

/** The `Set-Cookie` value that carries `flash` to the next page. */
export function voteFlashCookie(config: Config, flash: VoteFlash, now = new Date()): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keyOf(config), iv);
  cipher.setAAD(Buffer.from(COOKIE));
  const plain = JSON.stringify({ ...flash, until: now.getTime() + LIFETIME_SECONDS * 1000 });
  const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  const value = Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64url");
  return setCookie(config, COOKIE, value, LIFETIME_SECONDS);
}

/**
 * The flash for this round of this municipality, if the request carries a sound one that has not expired, and the
 * `Set-Cookie` value that clears it (sent whether or not it was sound: a stale or foreign one is gone too).
 */
export function takeVoteFlash(
  request: Request,
  config: Config,
  o: { gemeente: string; roundSlug: string; now?: Date },
): { flash: VoteFlash | undefined; clear: string | undefined } {
  const value = readCookie(request, config, COOKIE);
  if (value === undefined) return { flash: undefined, clear: undefined };
  const clear = clearCookie(config, COOKIE);
  const flash = unseal(config, value);
  const fits =
    flash !== undefined &&
    flash.gemeente === o.gemeente &&
    flash.round.slug === o.roundSlug &&
    flash.until > (o.now ?? new Date()).getTime();
  if (!fits) return { flash: undefined, clear };
  const { until: _, ...shown } = flash;
  return { flash: shown, clear };
}

function unseal(config: Config, value: string): (VoteFlash & { until: number }) | undefined {
  try {
    const bytes = Buffer.from(value, "base64url");
    const decipher = createDecipheriv("aes-256-gcm", keyOf(config), bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(COOKIE));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const plain = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    return JSON.parse(plain.toString("utf8")) as VoteFlash & { until: number };
  } catch {
    // Tampered with, sealed under another key, or not ours: as if there were none.
    return undefined;
  }
}
