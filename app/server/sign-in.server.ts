import { data, type RouterContextProvider } from "react-router";
import { withPlatform } from "../../src/db/index.ts";
import {
  forgetSignInFailures,
  hitRateLimit,
  type IdentityErrorCode,
  recordSignInFailure,
  refuseWhileLockedOut,
} from "../../src/domain/identity/index.ts";
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
  "identity.step-up-required": { status: 403, message: "identity.error.stepUpRequired", field: "current" },
  "identity.totp-unavailable": { status: 503, message: "identity.error.totpUnavailable" },
} satisfies Record<IdentityErrorCode, DomainErrorAnswer>;

const WINDOW_SECONDS = 15 * 60;

/**
 * Counts every sign-in attempt per visitor address (30 per 15 minutes) and, for a known purpose such as a pending
 * second step or an e-mail link to one address, per that purpose and address (5 per 15 minutes), each in its own
 * transaction so the count stays even when the attempt fails. Nothing here counts per account alone: a stranger
 * cannot use up the owner's attempts. Throws `identity.rate-limited` past a limit.
 */
export async function limitSignInAttempts(context: Readonly<RouterContextProvider>, purpose?: string): Promise<void> {
  const { db } = services(context);
  const now = new Date();
  const ip = requestState(context).clientIp;
  await withPlatform(db, (tx) =>
    hitRateLimit(tx, { key: `sign-in:ip:${ip}`, limit: 30, windowSeconds: WINDOW_SECONDS, now }),
  );
  if (purpose) {
    const key = `sign-in:${purpose.toLowerCase()}:ip:${ip}`;
    await withPlatform(db, (tx) => hitRateLimit(tx, { key, limit: 5, windowSeconds: WINDOW_SECONDS, now }));
  }
}

/**
 * The password lockout of one account from one address (`sign-in-lockout.ts`): `check` before the attempt,
 * then `failed` or `succeeded` after it, each in its own transaction.
 */
export function passwordLockout(context: Readonly<RouterContextProvider>, email: string) {
  const { db } = services(context);
  const key = `sign-in:failures:${email.toLowerCase()}:ip:${requestState(context).clientIp}`;
  return {
    check: () => withPlatform(db, (tx) => refuseWhileLockedOut(tx, { key, now: new Date() })),
    failed: () => withPlatform(db, (tx) => recordSignInFailure(tx, { key, now: new Date() })),
    succeeded: () => withPlatform(db, (tx) => forgetSignInFailures(tx, { key })),
  };
}

/** For pages without a form to show it in: a refusal becomes a plain status with its message key. */
export function identityErrorData(error: unknown) {
  if (!isDomainError(error) || !(error.code in identityErrors)) throw error;
  const answer = identityErrors[error.code as IdentityErrorCode];
  return data({ error: answer.message }, { status: answer.status });
}
