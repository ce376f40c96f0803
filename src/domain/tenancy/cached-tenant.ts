import type { Database } from "../../db/index.ts";
import { sharedPageVersion } from "../../db/page-version.ts";
import { findTenantBySlug, type Tenant } from "./find-tenant.ts";

/** Tenants kept per process, at most: there are a few hundred municipalities; the rest of a slug's guesses are not kept. */
const MAX_TENANTS = 1_000;
const kept = new WeakMap<Database, Map<string, { version: string; tenant: Readonly<Tenant> }>>();

/**
 * A tenant by its slug, as every public page and form of a municipality looks it up, kept in this process while the
 * page version is the one it was read under (ADR 0015, addendum "the tenant by its slug"). A write to `tenants` bumps
 * the page version at commit (ADR 0030), in whichever process or machine made it, so a request that reads the version
 * after that commit reads the tenant anew: the same promise the page cache gives, through the same shared read (one
 * per turn of the event loop under load, instead of one tenant read per request). Only tenants that exist are kept.
 * The version could not be read: the tenant is read as if nothing were kept.
 */
export async function cachedTenantBySlug(db: Database, slug: string): Promise<Readonly<Tenant> | undefined> {
  let tenants = kept.get(db);
  if (!tenants) {
    tenants = new Map();
    kept.set(db, tenants);
  }
  const version = await sharedPageVersion(db).catch(() => undefined);
  const entry = tenants.get(slug);
  if (version !== undefined && entry?.version === version) return entry.tenant;
  // Read after the version: what is kept is at least as new as the version it is kept under.
  const tenant = await findTenantBySlug(db, slug);
  if (!tenant) tenants.delete(slug);
  if (version === undefined || !tenant) return tenant;
  if (tenants.size >= MAX_TENANTS) tenants.clear();
  tenants.set(slug, { version, tenant: Object.freeze(tenant) });
  return tenant;
}
