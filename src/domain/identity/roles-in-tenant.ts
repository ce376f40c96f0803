import type { Executor } from "../../db/index.ts";
import type { Role } from "./grant-role.ts";
import { listMemberships } from "./list-memberships.ts";

/** The person's roles in one tenant (empty when they hold none there). */
export async function rolesInTenant(tx: Executor, o: { personId: string; tenantId: string }): Promise<Role[]> {
  const rows = await listMemberships(tx, o.personId);
  return rows.filter((row) => row.tenantId === o.tenantId).map((row) => row.role);
}
