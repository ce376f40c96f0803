import { sql } from "drizzle-orm";
import { pgPolicy, uuid } from "drizzle-orm/pg-core";
import { appRole } from "./app-role.ts";
import { currentTenant } from "./current.ts";
import { tenants } from "./identity.ts";

/** A tenant-owned table's `tenant_id`; pair it with `tenantIsolation()` in the table's extra config. */
export const tenantId = () =>
  uuid("tenant_id")
    .notNull()
    .references(() => tenants.id, { onDelete: "cascade" });

/** Rows are visible and writable only for the tenant set with `set_config('app.tenant_id', …, true)`. */
export const tenantIsolation = (table: string) =>
  pgPolicy(`${table}_tenant_isolation`, {
    as: "permissive",
    for: "all",
    to: appRole,
    using: sql`tenant_id = ${currentTenant}`,
    withCheck: sql`tenant_id = ${currentTenant}`,
  });

/** Published content (the programme's offer) that every tenant and the public may read; writing stays isolated. */
export const publicRead = (table: string) =>
  pgPolicy(`${table}_public_read`, { as: "permissive", for: "select", to: appRole, using: sql`true` });
