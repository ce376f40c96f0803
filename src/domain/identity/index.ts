export { deleteAccount, exportPersonalData, findPerson, rolesInTenant } from "./account.ts";
export { type AddTeamMemberOptions, addTeamMember, teamRoles } from "./add-team-member.ts";
export { SECOND_FACTOR_MINUTES, type SignInResult } from "./complete-first-factor.ts";
export { type EnableTotpOptions, enableTotp } from "./enable-totp.ts";
export type { IdentityErrorCode } from "./errors.ts";
export { type FindOrCreatePersonOptions, findOrCreatePerson, type Person } from "./find-or-create-person.ts";
export { type GrantRoleOptions, grantRole, type Role, roles } from "./grant-role.ts";
export { type HitRateLimitOptions, hitRateLimit } from "./hit-rate-limit.ts";
export { listMemberships, type Membership } from "./list-memberships.ts";
export { listTeam, type TeamMember } from "./list-team.ts";
export {
  type CompleteOidcSignInOptions,
  completeOidcSignIn,
  OIDC_ATTEMPT_MINUTES,
  type OidcAttempt,
  startOidcSignIn,
  takeOidcSignIn,
} from "./oidc-sign-in.ts";
export { type Permission, permissions, rolesGrant } from "./permissions.ts";
export { type RedeemMagicLinkOptions, redeemMagicLink } from "./redeem-magic-link.ts";
export { MAGIC_LINK_MINUTES, type RequestMagicLinkOptions, requestMagicLink } from "./request-magic-link.ts";
export {
  type CreateSessionOptions,
  type CurrentSession,
  createSession,
  findSession,
  listSessions,
  type NewSession,
  type RevokeSessionsOptions,
  revokeSessions,
  SESSION_DAYS,
  type SessionSummary,
  type SignInMethod,
} from "./sessions.ts";
export { type SetPasswordOptions, setPassword } from "./set-password.ts";
export { type SignInWithPasswordOptions, signInWithPassword } from "./sign-in-with-password.ts";
export { newTotpSecret, totpSetupSecret, totpUri } from "./totp.ts";
export { type VerifySecondFactorOptions, verifySecondFactor } from "./verify-second-factor.ts";
