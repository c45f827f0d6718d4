/**
 * @module services/csv
 * CSV for every export: RFC 4180 quoting, CRLF records and defused spreadsheet formulas, in one place.
 */
export { csvField, toCsv } from './csv.js';
export type { CsvCell } from './csv.js';
