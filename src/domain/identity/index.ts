export { type AddTeamMemberOptions, addTeamMember, teamRoles } from "./add-team-member.ts";
export { SECOND_FACTOR_MINUTES, type SignInResult } from "./complete-first-factor.ts";
export { type CompleteOidcSignInOptions, completeOidcSignIn } from "./complete-oidc-sign-in.ts";
export { type ConfirmIdentityOptions, confirmIdentity, STEP_UP_MINUTES } from "./confirm-identity.ts";
export {
  type CreateSessionOptions,
  createSession,
  type NewSession,
  SESSION_DAYS,
  type SignInMethod,
} from "./create-session.ts";
export { deleteAccount } from "./delete-account.ts";
export { deleteExpiredSignInData, SIGN_IN_CLEAN_UP_JOB } from "./delete-expired-sign-in-data.ts";
export { type EnableTotpOptions, enableTotp } from "./enable-totp.ts";
export { IdentityError, type IdentityErrorCode } from "./errors.ts";
export { exportPersonalData } from "./export-personal-data.ts";
export { type FindOrCreatePersonOptions, findOrCreatePerson, type Person } from "./find-or-create-person.ts";
export { findPerson } from "./find-person.ts";
export { type CurrentSession, findSession } from "./find-session.ts";
export { findTenantAccess, type TenantAccess } from "./find-tenant-access.ts";
export { type GrantRoleOptions, grantRole, type Role, roles } from "./grant-role.ts";
export { type HitRateLimitOptions, hitRateLimit } from "./hit-rate-limit.ts";
export { listMemberships, type Membership } from "./list-memberships.ts";
export { listSessions, type SessionSummary } from "./list-sessions.ts";
export { listTeam, type TeamMember } from "./list-team.ts";
export { type Permission, permissions, rolesGrant } from "./permissions.ts";
export { RECOVERY_CODE_COUNT } from "./recovery-codes.ts";
export { type RedeemMagicLinkOptions, redeemMagicLink } from "./redeem-magic-link.ts";
export { MAGIC_LINK_MINUTES, type RequestMagicLinkOptions, requestMagicLink } from "./request-magic-link.ts";
export { type RevokeSessionsOptions, revokeSessions } from "./revoke-sessions.ts";
export { rolesInTenant } from "./roles-in-tenant.ts";
export { type SetPasswordOptions, setPassword } from "./set-password.ts";
export {
  FREE_FAILURES,
  forgetSignInFailures,
  lockedUntil,
  recordSignInFailure,
  refuseWhileLockedOut,
} from "./sign-in-lockout.ts";
export { type SignInWithPasswordOptions, signInWithPassword } from "./sign-in-with-password.ts";
export { OIDC_ATTEMPT_MINUTES, type OidcAttempt, startOidcSignIn } from "./start-oidc-sign-in.ts";
export { takeOidcSignIn } from "./take-oidc-sign-in.ts";
export { newTotpSecret, totpSetupSecret, totpUri } from "./totp.ts";
export { openTotpSecret, sealTotpSecret } from "./totp-secret-box.ts";
export { type VerifySecondFactorOptions, verifySecondFactor } from "./verify-second-factor.ts";
