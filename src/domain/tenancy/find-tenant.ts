import { eq } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";

export type Tenant = typeof schema.tenants.$inferSelect;

export async function findTenantBySlug(tx: Executor, slug: string): Promise<Tenant | undefined> {
  const [tenant] = await tx.select().from(schema.tenants).where(eq(schema.tenants.slug, slug));
  return tenant;
}

/** A tenant by its id: a queue job knows the tenant's id, and links in mails need its slug. */
export async function findTenantById(tx: Executor, id: string): Promise<Tenant | undefined> {
  const [tenant] = await tx.select().from(schema.tenants).where(eq(schema.tenants.id, id));
  return tenant;
}

/** The national programme's own tenant (there is exactly one). */
export async function findProgrammeTenant(tx: Executor): Promise<Tenant | undefined> {
  const [tenant] = await tx.select().from(schema.tenants).where(eq(schema.tenants.kind, "programme"));
  return tenant;
}
