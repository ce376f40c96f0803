export * from "./client.ts";
export { EmbeddedDatabaseHeldError, holdEmbeddedDirectory } from "./embedded-lock.ts";
export { migrate } from "./migrate.ts";
export * as schema from "./schema/index.ts";
export { postgresCode, type TenantContext, withPlatform, withTenant } from "./with-tenant.ts";
