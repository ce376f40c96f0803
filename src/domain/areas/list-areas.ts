import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { schema } from "../../db/index.ts";

export type AreaKind = (typeof schema.areaKinds)[number];

export type Area = {
  id: string;
  code: string;
  kind: AreaKind;
  parentId: string | null;
  name: string;
  /** The CBS count; null when the CBS has none. */
  residents: number | null;
};

export const areaColumns = {
  id: schema.areas.id,
  code: schema.areas.code,
  kind: schema.areas.kind,
  parentId: schema.areas.parentId,
  name: schema.areas.name,
  residents: schema.areas.residents,
};

/** Kind order: the municipality, then its kernen or wijken, then the buurten; by code within a kind. */
const byLevel = sql`case ${schema.areas.kind} when 'municipality' then 0 when 'buurt' then 2 else 1 end`;

/** Every area of a municipality, top-down; a buurt's code sorts it under its wijk. */
export async function listAreas(tx: Executor, o: { tenantId: string; kind?: AreaKind }): Promise<Area[]> {
  return tx
    .select(areaColumns)
    .from(schema.areas)
    .where(and(eq(schema.areas.tenantId, o.tenantId), o.kind ? eq(schema.areas.kind, o.kind) : undefined))
    .orderBy(byLevel, asc(schema.areas.code));
}

/** The areas directly inside one area (the kernen of a municipality, the buurten of a wijk). */
export async function listChildAreas(tx: Executor, o: { tenantId: string; parentId: string }): Promise<Area[]> {
  return tx
    .select(areaColumns)
    .from(schema.areas)
    .where(and(eq(schema.areas.tenantId, o.tenantId), eq(schema.areas.parentId, o.parentId)))
    .orderBy(asc(schema.areas.code));
}
