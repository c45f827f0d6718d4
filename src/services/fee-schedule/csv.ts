/**
 * @module services/fee-schedule/csv
 * The fee schedule as a CSV file, for billing staff who keep prices in a spreadsheet: the export writes every
 * line; the import reads the same columns back and writes every row in one transaction — a row with the same
 * payer, program, code, modifiers and first day as a line on file changes it, any other adds a line (ending
 * the price before it, as the page does). A file with any bad row writes nothing and names each bad row's
 * cell and what to put there. Prices are in dollars ("46.67"), programs by name.
 */
import { parse } from 'csv-parse/sync';
import type { FeeCsvImportResult } from '../../shared/api/fee-schedule.js';
import { FeeLineInputSchema, type FeeLineInput } from '../../shared/api/fee-schedule.js';
import { errorProblem, type Problem } from '../../shared/problem.js';
import { actorEntry, recordAudit } from '../audit/index.js';
import type { Actor, ServiceContext } from '../context.js';
import { toCsv } from '../csv/index.js';
import { ServiceError, requireRole } from '../errors.js';
import { FEE_EDITORS, listFees, putFee } from './fees.js';

/** The columns, in order; `payer_name` is written for people and ignored when read. */
export const FEE_CSV_COLUMNS = [
  'payer',
  'payer_name',
  'program',
  'code',
  'modifiers',
  'from',
  'to',
  'charge',
  'expected_rate',
] as const;
type Column = (typeof FEE_CSV_COLUMNS)[number];

/** Most rows one import reads. */
const MAX_ROWS = 5000;

/** The fee schedule as CSV: one row a line, in the page's order. */
export async function exportFeesCsv(ctx: ServiceContext, actor: Actor): Promise<string> {
  requireRole(actor, FEE_EDITORS);
  const lines = await listFees(ctx, actor, {});
  return toCsv(
    FEE_CSV_COLUMNS,
    lines.map((line) => [
      line.payerPack,
      line.payerName,
      line.program?.name ?? null,
      line.code,
      line.modifiers.join(' '),
      line.effectiveFrom,
      line.effectiveTo,
      dollars(line.unitChargeCents),
      line.expectedUnitRateCents === null ? null : dollars(line.expectedUnitRateCents),
    ]),
  );
}

function dollars(cents: number): string {
  return (cents / 100).toFixed(2);
}

/** "46.67", "$46.67" or "46" as cents; undefined when it is not an amount. */
function centsOf(text: string): number | undefined {
  const match = /^\$?(\d{1,6})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (match === null) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

/**
 * Reads a fee schedule CSV and writes its rows.
 *
 * @throws ServiceError `invalid` naming every bad cell (path `['csv', row, column]`, rows counted from 1 after
 *   the header) and writing nothing; `conflict` when a row's dates overlap a line on file, naming the row
 */
export async function importFeesCsv(
  ctx: ServiceContext,
  actor: Actor,
  csv: string,
): Promise<FeeCsvImportResult> {
  requireRole(actor, FEE_EDITORS);
  const records = readRecords(csv);
  const programs = await ctx.db
    .selectFrom('programs')
    .select(['id', 'name'])
    .where('organisation_id', '=', actor.organisationId)
    .execute();
  const programIds = new Map(programs.map((program) => [program.name.trim().toLowerCase(), program.id]));
  const problems: Problem[] = [];
  const inputs: FeeLineInput[] = [];
  records.forEach((record, index) => {
    const row = index + 1;
    const cell = (column: Column): string => (record[column] ?? '').trim();
    const fail = (column: Column, message: string): void => {
      problems.push(errorProblem('fee.csv_cell', `Row ${row}, ${column}: ${message}`, ['csv', row, column]));
    };
    const programName = cell('program');
    const programId = programName === '' ? null : programIds.get(programName.toLowerCase());
    if (programId === undefined) {
      fail(
        'program',
        `no program is called “${programName}”. Use a program’s name as the export writes it, or leave it empty for every program.`,
      );
    }
    const charge = centsOf(cell('charge'));
    if (charge === undefined) fail('charge', 'give the charge for one unit in dollars, e.g. 46.67.');
    const expectedText = cell('expected_rate');
    const expected = expectedText === '' ? null : centsOf(expectedText);
    if (expected === undefined) {
      fail('expected_rate', 'give the expected rate for one unit in dollars, e.g. 46.67, or leave it empty.');
    }
    const parsed = FeeLineInputSchema.safeParse({
      payerPack: cell('payer'),
      programId: programId ?? null,
      code: cell('code'),
      modifiers: cell('modifiers') === '' ? [] : cell('modifiers').split(/[\s,]+/),
      effectiveFrom: cell('from'),
      effectiveTo: cell('to') === '' ? null : cell('to'),
      unitChargeCents: charge ?? 1,
      expectedUnitRateCents: expected ?? null,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        fail(columnOf(issue.path[0]), issue.message);
      }
      return;
    }
    inputs.push(parsed.data);
  });
  if (problems.length > 0) throw new ServiceError('invalid', problems);

  const counts = { added: 0, changed: 0, unchanged: 0 };
  await ctx.db.transaction().execute(async (trx) => {
    for (const [index, input] of inputs.entries()) {
      try {
        const { outcome } = await putFee(trx, ctx, actor, input, ['csv', index + 1]);
        counts[outcome] += 1;
      } catch (error) {
        throw onRow(error, index + 1);
      }
    }
    await recordAudit(
      trx,
      ctx.clock,
      actorEntry(actor, 'fee_schedule.import', { type: 'fee_schedule', id: null }, 'success', counts),
    );
  });
  return counts;
}

/** The CSV's records by column name; a file without the columns is refused before any row is read. */
function readRecords(csv: string): Record<string, string>[] {
  let rows: string[][];
  try {
    rows = parse(csv, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch {
    throw new ServiceError('invalid', [
      errorProblem(
        'fee.csv_unreadable',
        'The file is not readable as CSV. Save it from the spreadsheet as “CSV (comma delimited)” and try again.',
        ['csv'],
      ),
    ]);
  }
  const [header = [], ...body] = rows;
  const names = header.map((name) => name.trim().toLowerCase());
  const missing = FEE_CSV_COLUMNS.filter((column) => column !== 'payer_name' && !names.includes(column));
  if (missing.length > 0) {
    throw new ServiceError('invalid', [
      errorProblem(
        'fee.csv_columns',
        `The file has no ${missing.join(', ')} column${missing.length === 1 ? '' : 's'}. Start from an export of the fee schedule: its first row names the columns.`,
        ['csv'],
      ),
    ]);
  }
  if (body.length > MAX_ROWS) {
    throw new ServiceError('invalid', [
      errorProblem(
        'fee.csv_rows',
        `The file has ${body.length} rows; import at most ${MAX_ROWS} at a time.`,
        ['csv'],
      ),
    ]);
  }
  return body.map((values) => Object.fromEntries(names.map((name, index) => [name, values[index] ?? ''])));
}

const COLUMN_OF_FIELD: Readonly<Record<string, Column>> = {
  payerPack: 'payer',
  programId: 'program',
  code: 'code',
  modifiers: 'modifiers',
  effectiveFrom: 'from',
  effectiveTo: 'to',
  unitChargeCents: 'charge',
  expectedUnitRateCents: 'expected_rate',
};

function columnOf(field: PropertyKey | undefined): Column {
  return (typeof field === 'string' ? COLUMN_OF_FIELD[field] : undefined) ?? 'payer';
}

/** A row's write refused: the same problems, said of the row. */
function onRow(error: unknown, row: number): unknown {
  if (!(error instanceof ServiceError)) return error;
  return new ServiceError(
    error.kind,
    error.problems.map((problem) => ({ ...problem, message: `Row ${row}: ${problem.message}` })),
  );
}
