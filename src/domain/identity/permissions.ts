import type { Role } from "./grant-role.ts";

export const permissions = ["staff-area:view", "audit-log:view", "tenant:manage"] as const;
export type Permission = (typeof permissions)[number];

/**
 * What each role may do in the tenant where it is held. Small and in code on purpose (ADR 0004): a change of
 * rights is a reviewed change, and a test can enumerate it.
 */
const grants = {
  "programme-staff": ["staff-area:view", "audit-log:view", "tenant:manage"],
  "municipal-coordinator": ["staff-area:view", "audit-log:view", "tenant:manage"],
  "municipal-staff": ["staff-area:view", "audit-log:view"],
  supervisor: [],
  "council-member": [],
  resident: [],
} as const satisfies Record<Role, readonly Permission[]>;

export function rolesGrant(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => (grants[role] as readonly Permission[]).includes(permission));
}
