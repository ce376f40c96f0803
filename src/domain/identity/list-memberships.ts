import { asc, eq } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import type { Role } from "./grant-role.ts";

export type Membership = { tenantId: string; tenantSlug: string; tenantName: string; role: Role };

/** Every role the person holds, in every tenant. */
export function listMemberships(tx: Executor, personId: string): Promise<Membership[]> {
  return tx
    .select({
      tenantId: schema.memberships.tenantId,
      tenantSlug: schema.tenants.slug,
      tenantName: schema.tenants.name,
      role: schema.memberships.role,
    })
    .from(schema.memberships)
    .innerJoin(schema.tenants, eq(schema.tenants.id, schema.memberships.tenantId))
    .where(eq(schema.memberships.personId, personId))
    .orderBy(asc(schema.tenants.name), asc(schema.memberships.role));
}
