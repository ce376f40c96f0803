import { and, eq } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { schema } from "../../db/index.ts";
import { type Area, areaColumns } from "./list-areas.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One area of the tenant by its id; undefined for an unknown (or malformed) id. */
export async function findArea(tx: Executor, o: { tenantId: string; areaId: string }): Promise<Area | undefined> {
  if (!UUID.test(o.areaId)) return undefined;
  const [area] = await tx
    .select(areaColumns)
    .from(schema.areas)
    .where(and(eq(schema.areas.tenantId, o.tenantId), eq(schema.areas.id, o.areaId)));
  return area;
}

/** One area of the tenant by its CBS code (GM…, WK…, BU…). */
export async function findAreaByCode(tx: Executor, o: { tenantId: string; code: string }): Promise<Area | undefined> {
  const [area] = await tx
    .select(areaColumns)
    .from(schema.areas)
    .where(and(eq(schema.areas.tenantId, o.tenantId), eq(schema.areas.code, o.code.trim().toUpperCase())));
  return area;
}
