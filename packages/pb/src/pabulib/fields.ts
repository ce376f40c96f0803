/**
 * Splits one `;`-separated row into trimmed fields, honouring double quotes ("a;b" is one field, "" is a quote).
 * Rows without quotes, the vast majority, take the fast path.
 */
export function splitRow(row: string): string[] {
  if (!row.includes('"')) return row.split(";").map((field) => field.trim());
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < row.length; i++) {
    const char = row[i]!;
    if (quoted) {
      if (char !== '"') field += char;
      else if (row[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (char === '"') quoted = true;
    else if (char === ";") {
      fields.push(field.trim());
      field = "";
    } else field += char;
  }
  fields.push(field.trim());
  return fields;
}

/** True when the row ends inside a quoted field, so the next physical line continues it. */
export function endsInsideQuotes(row: string): boolean {
  let count = 0;
  for (let i = row.indexOf('"'); i !== -1; i = row.indexOf('"', i + 1)) count++;
  return count % 2 === 1;
}

/** Quotes a field for writing when it would otherwise be misread. */
export function quoteField(field: string): string {
  return /[;"\n\r]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}
