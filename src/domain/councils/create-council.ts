import { and, eq, inArray } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import { CouncilsError } from "./errors.ts";
import type { CouncilBasis, CouncilKind } from "./kinds.ts";

export type CreateCouncilOptions = {
  tenantId: string;
  slug: string;
  name: string;
  kind: CouncilKind;
  basis: CouncilBasis;
  basisUrl: string | null;
  description: string;
  memberSeats: number;
  /** The kernen, wijken or buurten it speaks for: at least one, all of this municipality. */
  areaIds: readonly string[];
  actorPersonId: string | null;
  now: Date;
};

export type CreatedCouncil = { id: string; slug: string };

/** A new council with its areas. The slug is the natural key: a second council with the same one is refused. */
export async function createCouncil(tx: Tx, o: CreateCouncilOptions): Promise<CreatedCouncil> {
  const areaIds = await councilAreasOf(tx, o);
  const [council] = await tx
    .insert(schema.councils)
    .values({
      tenantId: o.tenantId,
      slug: o.slug,
      name: o.name,
      kind: o.kind,
      basis: o.basis,
      basisUrl: o.basisUrl,
      description: o.description,
      memberSeats: o.memberSeats,
      createdAt: o.now,
    })
    .onConflictDoNothing({ target: [schema.councils.tenantId, schema.councils.slug] })
    .returning({ id: schema.councils.id, slug: schema.councils.slug });
  if (!council) throw new CouncilsError("councils.slug-taken", { slug: o.slug });
  await tx
    .insert(schema.councilAreas)
    .values(areaIds.map((areaId) => ({ tenantId: o.tenantId, councilId: council.id, areaId })));
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "councils.create",
    subject: council.id,
    details: { slug: council.slug, kind: o.kind, areas: areaIds.length },
  });
  return council;
}

/**
 * The distinct areas a council is to speak for: at least one, each a kern, wijk or buurt of this municipality (the
 * municipality as a whole is no council's area).
 */
export async function councilAreasOf(tx: Tx, o: { tenantId: string; areaIds: readonly string[] }): Promise<string[]> {
  const areaIds = [...new Set(o.areaIds)];
  if (areaIds.length === 0) throw new CouncilsError("councils.no-area");
  const found = await tx
    .select({ id: schema.areas.id, kind: schema.areas.kind })
    .from(schema.areas)
    .where(and(eq(schema.areas.tenantId, o.tenantId), inArray(schema.areas.id, areaIds)));
  if (found.length !== areaIds.length || found.some((area) => area.kind === "municipality"))
    throw new CouncilsError("councils.area-not-found");
  return areaIds;
}
