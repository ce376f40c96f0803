import { eq, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { schema } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import type { ImportProblem } from "./errors.ts";
import { type CbsArea, type CbsLevel, municipalityDigits, parseCbsAreas } from "./parse-cbs-areas.ts";

export type DistrictKind = "kern" | "wijk";

export type ImportCbsAreasOptions = {
  tenantId: string;
  actorPersonId: string | null;
  /** The CSV's text. */
  text: string;
  /** What this municipality calls a CBS wijk: a kern (merged villages) or a wijk. */
  districtKind: DistrictKind;
  /** GM…: needed only when the file holds several municipalities and the tenant has none yet. */
  municipalityCode?: string;
  now: Date;
};

export type ImportResult =
  | { status: "imported"; created: number; updated: number; skipped: number }
  | { status: "rejected"; problems: ImportProblem[] };

const LEVELS: readonly CbsLevel[] = ["municipality", "district", "buurt"];
const CHUNK = 500;

/**
 * Imports a municipality's areas from a CBS Kerncijfers wijken en buurten CSV. The code is the key: a re-import
 * updates names, residents and the hierarchy in place (upsert on the unique (tenant, code)), and areas missing
 * from a newer file stay, since budgets and councils may point at them. Rows of other municipalities are skipped.
 * Everything is checked before anything is written, so a file with a problem changes nothing.
 */
export async function importCbsAreas(tx: Tx, o: ImportCbsAreasOptions): Promise<ImportResult> {
  const parsed = parseCbsAreas(o.text);
  if ("problems" in parsed) return { status: "rejected", problems: parsed.problems };

  const existing = await tx
    .select({ id: schema.areas.id, code: schema.areas.code, kind: schema.areas.kind })
    .from(schema.areas)
    .where(eq(schema.areas.tenantId, o.tenantId));
  const root = existing.find((area) => area.kind === "municipality");
  const chosen = pickMunicipality(parsed.rows, root?.code, o.municipalityCode?.trim().toUpperCase() || undefined);
  if ("problem" in chosen) return { status: "rejected", problems: [chosen.problem] };

  const digits = municipalityDigits(chosen.code);
  const rows = parsed.rows.filter((row) => municipalityDigits(row.code) === digits);
  if (rows.length === 0) return { status: "rejected", problems: [{ line: 1, reason: "no-rows", value: chosen.code }] };
  const known = new Set([...existing.map((area) => area.code), ...rows.map((row) => row.code)]);
  const orphans = rows.filter((row) => row.parentCode !== null && !known.has(row.parentCode));
  if (orphans.length > 0) {
    return {
      status: "rejected",
      problems: orphans.map((row) => ({ line: row.line, reason: "parent", value: row.parentCode ?? "" })),
    };
  }

  const ids = new Map(existing.map((area) => [area.code, area.id] as const));
  let created = 0;
  for (const level of LEVELS) {
    const ofLevel = rows.filter((row) => row.level === level);
    for (let start = 0; start < ofLevel.length; start += CHUNK) {
      const written = await tx
        .insert(schema.areas)
        .values(
          ofLevel.slice(start, start + CHUNK).map((row) => ({
            tenantId: o.tenantId,
            code: row.code,
            kind: level === "district" ? o.districtKind : level,
            parentId: row.parentCode === null ? null : ids.get(row.parentCode)!,
            name: row.name,
            residents: row.residents,
            createdAt: o.now,
            updatedAt: o.now,
          })),
        )
        .onConflictDoUpdate({
          target: [schema.areas.tenantId, schema.areas.code],
          set: {
            kind: sql`excluded.kind`,
            parentId: sql`excluded.parent_id`,
            name: sql`excluded.name`,
            residents: sql`excluded.residents`,
            updatedAt: sql`excluded.updated_at`,
          },
        })
        .returning({ id: schema.areas.id, code: schema.areas.code, inserted: sql<boolean>`(xmax = 0)` });
      for (const area of written) {
        ids.set(area.code, area.id);
        if (area.inserted) created += 1;
      }
    }
  }
  const result = {
    status: "imported" as const,
    created,
    updated: rows.length - created,
    skipped: parsed.rows.length - rows.length,
  };
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "areas.import",
    subject: chosen.code,
    details: { created: result.created, updated: result.updated, skipped: result.skipped },
  });
  return result;
}

/**
 * Whose areas the file is read for: the tenant's own municipality once it has one, else the one chosen, else the
 * only municipality in the file.
 */
function pickMunicipality(
  rows: readonly CbsArea[],
  rootCode: string | undefined,
  chosenCode: string | undefined,
): { code: string } | { problem: ImportProblem } {
  if (rootCode && chosenCode && chosenCode !== rootCode) {
    return { problem: { line: 1, reason: "municipality-mismatch", value: chosenCode } };
  }
  if (rootCode ?? chosenCode) return { code: (rootCode ?? chosenCode)! };
  const municipalities = rows.filter((row) => row.level === "municipality");
  if (municipalities.length === 1) return { code: municipalities[0]!.code };
  return { problem: { line: municipalities[1]?.line ?? 1, reason: "municipality-ambiguous" } };
}
