export * from "./client.ts";
export { inTurn } from "./in-turn.ts";
export { type DataStep, type MigrateOptions, migrate } from "./migrate.ts";
export * as schema from "./schema/index.ts";
export { postgresCode, type TenantContext, withPlatform, withTenant } from "./with-tenant.ts";
