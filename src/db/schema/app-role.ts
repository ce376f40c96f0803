import { pgRole } from "drizzle-orm/pg-core";

/**
 * The role every request runs as inside `withTenant()`. It owns no table and is no superuser, so row-level-security
 * policies bind it. It is cluster-wide, so `migrate()` creates it idempotently instead of a migration.
 */
export const appRole = pgRole("samenspel_app").existing();
