import { data, type RouterContextProvider } from "react-router";
import { withPlatform } from "../../src/db/index.ts";
import { hitRateLimit, type IdentityErrorCode } from "../../src/domain/identity/index.ts";
import { isDomainError } from "../../src/domain/shared/index.ts";
import { requestState, services } from "./context.ts";
import type { DomainErrorAnswer } from "./forms.server.ts";

/** Every refusal of the identity context as the visitor gets it. */
export const identityErrors = {
  "identity.rate-limited": { status: 429, message: "identity.error.rateLimited" },
  "identity.credentials-invalid": { status: 400, message: "identity.error.credentialsInvalid" },
  "identity.link-invalid": { status: 410, message: "identity.error.linkInvalid" },
  "identity.code-invalid": { status: 400, message: "identity.error.codeInvalid", field: "code" },
  "identity.second-factor-expired": { status: 410, message: "identity.error.secondFactorExpired" },
  "identity.oidc-state-invalid": { status: 400, message: "identity.error.oidcStateInvalid" },
  "identity.password-required": { status: 409, message: "identity.error.passwordRequired" },
  "identity.role-not-for-tenant": { status: 400, message: "identity.error.roleNotForTenant", field: "role" },
  "identity.tenant-not-found": { status: 404, message: "identity.error.tenantNotFound" },
} satisfies Record<IdentityErrorCode, DomainErrorAnswer>;

const WINDOW_SECONDS = 15 * 60;

/**
 * Counts a sign-in attempt per visitor address and, when known, per e-mail address, each in its own transaction so
 * the count stays even when the attempt fails. Throws `identity.rate-limited` past the limit.
 */
export async function limitSignInAttempts(context: Readonly<RouterContextProvider>, email?: string): Promise<void> {
  const { db } = services(context);
  const now = new Date();
  const ip = requestState(context).clientIp;
  await withPlatform(db, (tx) =>
    hitRateLimit(tx, { key: `sign-in:ip:${ip}`, limit: 30, windowSeconds: WINDOW_SECONDS, now }),
  );
  if (email) {
    const key = `sign-in:email:${email.toLowerCase()}`;
    await withPlatform(db, (tx) => hitRateLimit(tx, { key, limit: 5, windowSeconds: WINDOW_SECONDS, now }));
  }
}

/** For pages without a form to show it in: a refusal becomes a plain status with its message key. */
export function identityErrorData(error: unknown) {
  if (!isDomainError(error) || !(error.code in identityErrors)) throw error;
  const answer = identityErrors[error.code as IdentityErrorCode];
  return data({ error: answer.message }, { status: answer.status });
}
