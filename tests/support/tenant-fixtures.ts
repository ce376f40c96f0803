import { type DatabaseHandle, withPlatform } from "../../src/db/index.ts";
import { createTenant, type Tenant } from "../../src/domain/tenancy/index.ts";

/** Two municipalities, Aldorp and Beekstad, for tests that prove one cannot reach the other's rows. */
export function givenTwoMunicipalities(handle: DatabaseHandle): Promise<[Tenant, Tenant]> {
  return withPlatform(handle.db, async (tx) => [
    await createTenant(tx, { slug: "aldorp", name: "Gemeente Aldorp", kind: "municipality" }),
    await createTenant(tx, { slug: "beekstad", name: "Gemeente Beekstad", kind: "municipality" }),
  ]);
}
