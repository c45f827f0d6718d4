/**
 * @module services/csv/csv
 * The one CSV writer behind every export (the billing worklist, the reports): RFC 4180 fields and records,
 * with cells a spreadsheet would run as formulas defused, for billing staff who open the files in Excel.
 */

/** A cell as the exports hold it: text, a number, or nothing (an empty field). */
export type CsvCell = string | number | null;

/** Characters that make a field need quotes (RFC 4180 §2.6). */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Characters a spreadsheet reads at the start of a cell as a formula (CSV injection). Only text is defused:
 * a number written by us (`-3`) is data, and a quote before it would turn it into text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field: empty for `null`; text starting like a formula gets a leading `'`; then quoted, with inner
 * quotes doubled, when it holds a comma, a quote or a line break.
 *
 * @param value - the cell
 * @example csvField('Smith, "Sam"') // '"Smith, ""Sam"""'
 */
export function csvField(value: CsvCell): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A CSV document: the header, then one record per row, each record ended by CRLF (RFC 4180 §2.1–2.3), the
 * last one too.
 *
 * @param header - the column names
 * @param rows - the records, each as long as the header
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
