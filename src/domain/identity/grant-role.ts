import { type Executor, schema } from "../../db/index.ts";

export type Role = (typeof schema.roles)[number];
export const roles = schema.roles;

export type GrantRoleOptions = { tenantId: string; personId: string; role: Role };

/** Idempotent: granting a role a person already holds changes nothing. */
export async function grantRole(tx: Executor, options: GrantRoleOptions): Promise<void> {
  await tx.insert(schema.memberships).values(options).onConflictDoNothing();
}
