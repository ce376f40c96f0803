import { asc, eq } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";

export type TenantSummary = Pick<typeof schema.tenants.$inferSelect, "id" | "slug" | "name" | "kind" | "province">;

const summary = {
  id: schema.tenants.id,
  slug: schema.tenants.slug,
  name: schema.tenants.name,
  kind: schema.tenants.kind,
  province: schema.tenants.province,
};

/** The municipalities on the platform, by name; public. */
export function listMunicipalities(tx: Executor): Promise<TenantSummary[]> {
  return tx
    .select(summary)
    .from(schema.tenants)
    .where(eq(schema.tenants.kind, "municipality"))
    .orderBy(asc(schema.tenants.name));
}
