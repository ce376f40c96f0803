import ExcelJS from "exceljs";
import { dutchWallClock } from "../../src/domain/shared/index.ts";

/** An amount of money: written with the Dutch decimal comma, as a number (never escaped as a formula). */
export type Cents = { readonly cents: number };
export type Cell = string | number | Date | Cents;

/** Integer cents as Dutch Excel reads a number: `-1234,05`, no thousands separator. */
export function dutchDecimal(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError("cents");
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, "0")}`;
}

const dutchDateTime = new Intl.DateTimeFormat("nl-NL", {
  dateStyle: "short",
  timeStyle: "short",
  timeZone: "Europe/Amsterdam",
});

/**
 * CSV as Dutch Excel opens it by double-click: UTF-8 with a byte-order mark (or accents break), `;` between
 * fields (the comma is the decimal sign), CRLF line ends, every field quoted when it must be. Cells starting with
 * `=`, `+`, `-` or `@` get a leading apostrophe, so a municipality's text can never run as a formula.
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<Cell>>): string {
  const field = (cell: Cell) => {
    if (typeof cell === "object" && "cents" in cell) return dutchDecimal(cell.cents);
    let text = cell instanceof Date ? dutchDateTime.format(cell) : String(cell);
    if (/^[=+\-@]/.test(text)) text = `'${text}`;
    return /[";\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return `\uFEFF${rows.map((row) => row.map(field).join(";")).join("\r\n")}\r\n`;
}

/** One sheet with a bold, frozen header row; dates stay real dates, so the sheet can sort and filter them. */
export async function toXlsx(
  sheetName: string,
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<Cell>>,
): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Samenspel";
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow([...header]).font = { bold: true };
  for (const row of rows)
    sheet.addRow(
      row.map((cell) =>
        cell instanceof Date ? dutchWallClock(cell) : typeof cell === "object" ? cell.cents / 100 : cell,
      ),
    );
  sheet.columns.forEach((column, i) => {
    column.width = Math.min(60, Math.max(12, header[i]?.length ?? 10));
    if (rows.some((row) => row[i] instanceof Date)) column.numFmt = "dd-mm-yyyy hh:mm";
  });
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/**
 * A list as a download in the format its address ends with: `.xlsx` gives a workbook, anything else the CSV. Never
 * cached: it holds people's names and addresses.
 */
export async function spreadsheetResponse(
  request: Request,
  o: { name: string; sheet: string; header: readonly string[]; rows: ReadonlyArray<ReadonlyArray<Cell>> },
): Promise<Response> {
  const format = new URL(request.url).pathname.endsWith(".xlsx") ? "xlsx" : "csv";
  const body = format === "csv" ? toCsv([o.header, ...o.rows]) : await toXlsx(o.sheet, o.header, o.rows);
  return new Response(body, {
    headers: {
      "Content-Type":
        format === "csv"
          ? "text/csv; charset=utf-8"
          : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${o.name}.${format}"`,
      "Cache-Control": "no-store",
    },
  });
}
