import { and, eq, getTableColumns, gt, isNull, sql } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { hashToken } from "../shared/index.ts";
import type { Tenant } from "../tenancy/index.ts";
import type { Role } from "./grant-role.ts";

export type TenantAccess = { tenant: Tenant; roles: Role[] };

/**
 * A tenant (by its slug, or the programme's own without one) with the roles that the person of the live session
 * behind `token` holds in it, in one statement: a staff page's check costs this read beside the session's own, which
 * it need not wait for. No roles without a live session (expired, revoked, or no token).
 */
export async function findTenantAccess(
  tx: Executor,
  o: { tenantSlug: string | undefined; token: string | undefined; now: Date },
): Promise<TenantAccess | undefined> {
  const { tenants, memberships, sessions } = schema;
  const roles =
    o.token === undefined
      ? sql<Role[]>`'{}'::text[]`
      : sql<Role[]>`array(${tx
          .select({ role: memberships.role })
          .from(memberships)
          .innerJoin(sessions, eq(sessions.personId, memberships.personId))
          .where(
            and(
              eq(memberships.tenantId, tenants.id),
              eq(sessions.idHash, hashToken(o.token)),
              isNull(sessions.revokedAt),
              gt(sessions.expiresAt, o.now),
            ),
          )
          .orderBy(memberships.role)})`;
  const [row] = await tx
    .select({ tenant: getTableColumns(tenants), roles })
    .from(tenants)
    .where(o.tenantSlug === undefined ? eq(tenants.kind, "programme") : eq(tenants.slug, o.tenantSlug));
  return row;
}
