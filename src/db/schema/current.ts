import { sql } from "drizzle-orm";

/**
 * The tenant and the acting person that `withTenant()` sets for the transaction; null outside one. Each is a scalar
 * subquery, so a policy reads the setting once per statement (an initplan) instead of once per row it filters; the
 * value still bounds an index scan, as a parameter does.
 */
export const currentTenant = sql`(select nullif(current_setting('app.tenant_id', true), '')::uuid)`;
export const currentPerson = sql`(select nullif(current_setting('app.person_id', true), '')::uuid)`;
