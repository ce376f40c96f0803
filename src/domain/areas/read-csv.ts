import { parse } from "csv-parse/sync";
import type { ImportProblem } from "./errors.ts";

export type CsvRow = { line: number; field: (name: string) => string | undefined };
export type CsvTable = { columns: ReadonlySet<string>; rows: CsvRow[] };

/**
 * Reads a CBS-style CSV: semicolons or commas (whichever the header uses), an optional BOM, values padded with
 * spaces. Column names are compared without case and without StatLine's `_N` suffix (`AantalInwoners_5`).
 * Returns the problems instead when the file cannot be read as a table.
 */
export function readCsv(text: string): CsvTable | { problems: ImportProblem[] } {
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const delimiter = firstLine.split(";").length >= firstLine.split(",").length ? ";" : ",";
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      info: true,
      trim: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as typeof records; // csv-parse's types do not model `info: true`
  } catch (error) {
    const line = (error as { lines?: unknown }).lines;
    return { problems: [{ line: typeof line === "number" ? line : 1, reason: "csv" }] };
  }
  const [header, ...body] = records;
  if (!header) return { problems: [{ line: 1, reason: "header" }] };
  const names = header.record.map(normaliseColumn);
  const index = new Map(names.map((name, i) => [name, i] as const));
  const rows: CsvRow[] = [];
  const problems: ImportProblem[] = [];
  for (const { record, info } of body) {
    if (record.length !== names.length) {
      problems.push({ line: info.lines, reason: "columns", value: String(record.length) });
      continue;
    }
    rows.push({
      line: info.lines,
      field: (name) => {
        const i = index.get(name);
        return i === undefined ? undefined : record[i]?.trim();
      },
    });
  }
  return problems.length > 0 ? { problems } : { columns: new Set(names), rows };
}

/** A CSV's text: UTF-8 (with or without BOM), or Windows-1252 as older CBS and spreadsheet exports are. */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

export const normaliseColumn = (name: string) => name.trim().toLowerCase().replace(/_\d+$/, "");

/** The first of `aliases` that the header has. */
export const pickColumn = (columns: ReadonlySet<string>, aliases: readonly string[]) =>
  aliases.find((alias) => columns.has(alias));
