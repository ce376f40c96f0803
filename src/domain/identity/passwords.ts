import { hash, verify } from "@node-rs/argon2";

/** argon2id with the library's defaults (19 MiB, 2 passes), OWASP's minimum recommendation. */
export const hashPassword = (password: string) => hash(password);

let dummyHash: Promise<string> | undefined;

/**
 * Verifies against the stored hash, or against a throw-away one when there is none, so an unknown address costs
 * the same time as a wrong password and timing tells nobody who has an account.
 */
export async function passwordMatches(stored: string | undefined, password: string): Promise<boolean> {
  dummyHash ??= hash("not-a-password-of-anyone");
  const matches = await verify(stored ?? (await dummyHash), password);
  return stored !== undefined && matches;
}
