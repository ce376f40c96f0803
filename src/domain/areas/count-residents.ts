import { and, eq, sum } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { schema } from "../../db/index.ts";
import { AreasError } from "./errors.ts";
import { findArea } from "./find-area.ts";

/**
 * The residents of an area: the CBS count of the area itself, or, where the CBS gives none, the sum over the
 * areas directly inside it. Null when neither is known. For "per 1,000 residents" figures.
 */
export async function countResidents(tx: Executor, o: { tenantId: string; areaId: string }): Promise<number | null> {
  const area = await findArea(tx, o);
  if (!area) throw new AreasError("areas.not-found");
  if (area.residents !== null) return area.residents;
  const [row] = await tx
    .select({ total: sum(schema.areas.residents) })
    .from(schema.areas)
    .where(and(eq(schema.areas.tenantId, o.tenantId), eq(schema.areas.parentId, area.id)));
  return row?.total == null ? null : Number(row.total);
}
