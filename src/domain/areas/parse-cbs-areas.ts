import type { ImportProblem } from "./errors.ts";
import { pickColumn, readCsv } from "./read-csv.ts";

export type CbsLevel = "municipality" | "district" | "buurt";

/** One valid row of a Kerncijfers wijken en buurten file. */
export type CbsArea = {
  line: number;
  code: string;
  level: CbsLevel;
  name: string;
  residents: number | null;
  /** GM… for a wijk, WK… for a buurt; null for the municipality. */
  parentCode: string | null;
};

export type ParsedCbsFile = { rows: CbsArea[] } | { problems: ImportProblem[] };

const CODE_COLUMNS = ["codering", "gwb_code", "regiocode", "code"] as const;
const NAME_COLUMNS = ["wijkenenbuurten", "regio", "naam", "gwb_naam"] as const;
const RESIDENTS_COLUMNS = ["aantalinwoners", "a_inw", "inwoners"] as const;

const CODE = /^(GM[0-9]{4}|WK[0-9]{6}|BU[0-9]{8})$/;

/** The four digits of the municipality a GM, WK or BU code belongs to. */
export const municipalityDigits = (code: string) => code.slice(2, 6);

const levelOf = (code: string): CbsLevel =>
  code.startsWith("GM") ? "municipality" : code.startsWith("WK") ? "district" : "buurt";

const parentCodeOf = (code: string): string | null =>
  code.startsWith("WK") ? `GM${code.slice(2, 6)}` : code.startsWith("BU") ? `WK${code.slice(2, 8)}` : null;

/**
 * Reads and checks every row of a CBS file: the code (GM, WK or BU with its digits), a name and the number of
 * residents ("." is the CBS's "secret or none", read as unknown). The wijk and municipality a code belongs to are
 * in its digits, so the hierarchy needs no column of its own. Every problem is collected, not only the first.
 */
export function parseCbsAreas(text: string): ParsedCbsFile {
  const table = readCsv(text);
  if ("problems" in table) return table;
  const codeColumn = pickColumn(table.columns, CODE_COLUMNS);
  const nameColumn = pickColumn(table.columns, NAME_COLUMNS);
  const residentsColumn = pickColumn(table.columns, RESIDENTS_COLUMNS);
  if (!codeColumn || !nameColumn || !residentsColumn) {
    const missing = [
      codeColumn ? "" : "Codering",
      nameColumn ? "" : "WijkenEnBuurten",
      residentsColumn ? "" : "AantalInwoners",
    ];
    return { problems: [{ line: 1, reason: "header", value: missing.filter(Boolean).join(", ") }] };
  }
  const problems: ImportProblem[] = [];
  const rows: CbsArea[] = [];
  const firstLineOf = new Map<string, number>();
  for (const row of table.rows) {
    const code = (row.field(codeColumn) ?? "").toUpperCase();
    const name = row.field(nameColumn) ?? "";
    const residentsText = (row.field(residentsColumn) ?? "").replace(/\s/g, "");
    let ok = true;
    if (!CODE.test(code)) {
      problems.push({ line: row.line, reason: "code", value: code });
      ok = false;
    } else if (firstLineOf.has(code)) {
      problems.push({ line: row.line, reason: "duplicate", value: code });
      ok = false;
    }
    if (name === "") {
      problems.push({ line: row.line, reason: "name" });
      ok = false;
    }
    const residents = residentsText === "" || residentsText === "." ? null : Number(residentsText);
    if (residents !== null && !(Number.isSafeInteger(residents) && residents >= 0 && /^[0-9]+$/.test(residentsText))) {
      problems.push({ line: row.line, reason: "residents", value: residentsText });
      ok = false;
    }
    if (!ok) continue;
    firstLineOf.set(code, row.line);
    rows.push({ line: row.line, code, level: levelOf(code), name, residents, parentCode: parentCodeOf(code) });
  }
  return problems.length > 0 ? { problems } : { rows };
}
