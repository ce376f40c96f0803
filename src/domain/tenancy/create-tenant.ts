import { type Executor, postgresCode, schema } from "../../db/index.ts";
import { TenancyError } from "./errors.ts";
import type { Tenant } from "./find-tenant.ts";
import { reservedSlugs } from "./reserved-slugs.ts";

export type CreateTenantOptions = {
  slug: string;
  name: string;
  kind: Tenant["kind"];
  province?: string;
  themeClass?: string;
  logoPath?: string;
  introNl?: string;
  introEn?: string;
};

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export async function createTenant(tx: Executor, options: CreateTenantOptions): Promise<Tenant> {
  if (!SLUG.test(options.slug)) throw new TenancyError("tenancy.invalid-slug", { slug: options.slug });
  if (reservedSlugs.has(options.slug)) throw new TenancyError("tenancy.reserved-slug", { slug: options.slug });
  try {
    const [tenant] = await tx.insert(schema.tenants).values(options).returning();
    return tenant!;
  } catch (error) {
    if (postgresCode(error) === "23505") throw new TenancyError("tenancy.slug-taken", { slug: options.slug });
    throw error;
  }
}
