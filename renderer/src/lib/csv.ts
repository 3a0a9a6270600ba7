/**
 * CSV for spreadsheets: RFC 4180 quoting, CRLF lines, a UTF-8 byte order mark so Excel
 * reads names in any script, and a guard against formula injection: a cell that begins
 * with = + - @, a tab or a carriage return is prefixed with an apostrophe, so a member
 * name or a failed sign-in's e-mail like `=HYPERLINK(...)` stays text.
 */
export const CSV_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** The whole file: header first, every row the header's width. */
export function buildCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => cells.map(csvCell).join(',');
  return CSV_BOM + [header, ...rows].map(line).join('\r\n') + '\r\n';
}
