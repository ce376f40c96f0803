import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { schema } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import type { ImportProblem } from "./errors.ts";
import { normalisePostcode } from "./find-area-by-postcode.ts";
import { municipalityDigits } from "./parse-cbs-areas.ts";
import { pickColumn, readCsv } from "./read-csv.ts";

const POSTCODE_COLUMNS = ["pc6", "postcode"] as const;
const BUURT_COLUMNS = ["buurtcode", "buurt", "bu_code"] as const;
const CHUNK = 1000;

export type ImportPostcodesResult =
  | { status: "imported"; postcodes: number; skipped: number }
  | { status: "rejected"; problems: ImportProblem[] };

/**
 * Imports the PC6 → buurt table (CBS "postcode-huisnummer-buurt", reduced to PC6): a column `PC6` and a column
 * whose name starts with `Buurt` (`Buurt2024`) holding a buurt code, with or without its `BU` prefix. Rows for
 * other municipalities are skipped; a buurt code of this municipality that the tenant does not have is a problem,
 * as is a malformed postcode. A re-import replaces a postcode's buurt. Nothing is written when a line is wrong.
 */
export async function importPostcodes(
  tx: Tx,
  o: { tenantId: string; actorPersonId: string | null; text: string },
): Promise<ImportPostcodesResult> {
  const table = readCsv(o.text);
  if ("problems" in table) return { status: "rejected", problems: table.problems };
  const postcodeColumn = pickColumn(table.columns, POSTCODE_COLUMNS);
  const buurtColumn =
    pickColumn(table.columns, BUURT_COLUMNS) ?? [...table.columns].find((name) => /^buurt\d{4}$/.test(name));
  if (!postcodeColumn || !buurtColumn) {
    return { status: "rejected", problems: [{ line: 1, reason: "header", value: "PC6, Buurtcode" }] };
  }
  const buurten = await tx
    .select({ id: schema.areas.id, code: schema.areas.code })
    .from(schema.areas)
    .where(and(eq(schema.areas.tenantId, o.tenantId), eq(schema.areas.kind, "buurt")));
  const [root] = await tx
    .select({ code: schema.areas.code })
    .from(schema.areas)
    .where(and(eq(schema.areas.tenantId, o.tenantId), eq(schema.areas.kind, "municipality")));
  const buurtIds = new Map(buurten.map((b) => [b.code, b.id] as const));
  const ownDigits = root ? municipalityDigits(root.code) : undefined;

  const problems: ImportProblem[] = [];
  const links = new Map<string, string>();
  let skipped = 0;
  for (const row of table.rows) {
    const rawPostcode = row.field(postcodeColumn) ?? "";
    const rawBuurt = (row.field(buurtColumn) ?? "").toUpperCase();
    const buurtCode = /^[0-9]{8}$/.test(rawBuurt) ? `BU${rawBuurt}` : rawBuurt;
    const postcode = normalisePostcode(rawPostcode);
    if (!/^BU[0-9]{8}$/.test(buurtCode)) {
      problems.push({ line: row.line, reason: "code", value: rawBuurt });
      continue;
    }
    if (municipalityDigits(buurtCode) !== ownDigits) {
      skipped += 1;
      continue;
    }
    if (!postcode) problems.push({ line: row.line, reason: "postcode", value: rawPostcode });
    const areaId = buurtIds.get(buurtCode);
    if (!areaId) problems.push({ line: row.line, reason: "unknown-buurt", value: buurtCode });
    if (postcode && areaId) links.set(postcode, areaId);
  }
  if (problems.length > 0) return { status: "rejected", problems };
  if (links.size === 0) return { status: "rejected", problems: [{ line: 1, reason: "no-rows" }] };

  const entries = [...links];
  for (let start = 0; start < entries.length; start += CHUNK) {
    await tx
      .insert(schema.postcodeAreas)
      .values(
        entries.slice(start, start + CHUNK).map(([postcode, areaId]) => ({ tenantId: o.tenantId, postcode, areaId })),
      )
      .onConflictDoUpdate({
        target: [schema.postcodeAreas.tenantId, schema.postcodeAreas.postcode],
        set: { areaId: sql`excluded.area_id` },
      });
  }
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "areas.import-postcodes",
    details: { postcodes: links.size, skipped },
  });
  return { status: "imported", postcodes: links.size, skipped };
}
