export { cachedTenantBySlug } from "./cached-tenant.ts";
export { type CreateTenantOptions, createTenant } from "./create-tenant.ts";
export { TenancyError, type TenancyErrorCode } from "./errors.ts";
export { findProgrammeTenant, findTenantById, findTenantBySlug, type Tenant } from "./find-tenant.ts";
export { listMunicipalities, type TenantSummary } from "./list-tenants.ts";
export { reservedSlugs } from "./reserved-slugs.ts";
