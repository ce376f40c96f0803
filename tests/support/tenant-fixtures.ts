import { type DatabaseHandle, schema, withPlatform, withTenant } from "../../src/db/index.ts";
import { createTenant, type Tenant } from "../../src/domain/tenancy/index.ts";

/** Two municipalities, Aldorp and Beekstad, for tests that prove one cannot reach the other's rows. */
export function givenTwoMunicipalities(handle: DatabaseHandle): Promise<[Tenant, Tenant]> {
  return withPlatform(handle.db, async (tx) => [
    await createTenant(tx, { slug: "aldorp", name: "Gemeente Aldorp", kind: "municipality" }),
    await createTenant(tx, { slug: "beekstad", name: "Gemeente Beekstad", kind: "municipality" }),
  ]);
}

/** A municipality's area tree with one kern (or wijk) in it, as the CBS import would leave it; the kern's id. */
export async function givenKern(handle: DatabaseHandle, tenantId: string, name: string, number = 1): Promise<string> {
  return withTenant(handle.db, { tenantId }, async (tx) => {
    const now = new Date();
    const [municipality] = await tx
      .insert(schema.areas)
      .values({ tenantId, code: "GM9901", kind: "municipality", name: "Gemeente", createdAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: [schema.areas.tenantId, schema.areas.code], set: { updatedAt: now } })
      .returning();
    const [kern] = await tx
      .insert(schema.areas)
      .values({
        tenantId,
        code: `WK9901${String(number).padStart(2, "0")}`,
        kind: "kern",
        parentId: municipality!.id,
        name,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    return kern!.id;
  });
}
