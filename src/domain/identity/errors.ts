import { DomainError } from "../shared/errors.ts";

/** Every refusal of the identity context; the web layer maps each to a status and a message (typed, so none is missed). */
export type IdentityErrorCode =
  | "identity.code-invalid"
  | "identity.credentials-invalid"
  | "identity.link-invalid"
  | "identity.oidc-state-invalid"
  | "identity.password-required"
  | "identity.rate-limited"
  | "identity.role-not-for-tenant"
  | "identity.second-factor-expired"
  | "identity.step-up-required"
  | "identity.totp-unavailable"
  | "identity.tenant-not-found";

export class IdentityError extends DomainError<IdentityErrorCode> {}
