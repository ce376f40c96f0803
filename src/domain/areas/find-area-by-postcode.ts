import { and, eq } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { schema } from "../../db/index.ts";
import { type Area, areaColumns } from "./list-areas.ts";

/** `1234 ab` → `1234AB`; undefined when it is no Dutch six-character postcode. */
export function normalisePostcode(input: string): string | undefined {
  const compact = input.replace(/\s/g, "").toUpperCase();
  return /^[1-9][0-9]{3}[A-Z]{2}$/.test(compact) ? compact : undefined;
}

/** The buurt a postcode lies in, with the tenant's PC6 table; undefined for an unknown or malformed postcode. */
export async function findAreaByPostcode(
  tx: Executor,
  o: { tenantId: string; postcode: string },
): Promise<Area | undefined> {
  const postcode = normalisePostcode(o.postcode);
  if (!postcode) return undefined;
  const [area] = await tx
    .select(areaColumns)
    .from(schema.postcodeAreas)
    .innerJoin(
      schema.areas,
      and(eq(schema.areas.tenantId, schema.postcodeAreas.tenantId), eq(schema.areas.id, schema.postcodeAreas.areaId)),
    )
    .where(and(eq(schema.postcodeAreas.tenantId, o.tenantId), eq(schema.postcodeAreas.postcode, postcode)));
  return area;
}
