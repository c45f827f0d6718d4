/**
 * @module services/reports/billed
 * Billed units and amounts: current, counting claim lines (voids and superseded lines left out) with dates
 * of service in the range, summed by the database per payer, program, rendering peer, HCPCS code and month,
 * then rolled up into months and totals from those few grouped rows.
 */
import { sql, type Kysely } from 'kysely';
import type { BilledFigures, BilledReport, BilledRow, ReportQuery } from '../../shared/api/reports.js';
import type { Database } from '../../store/index.js';
import { recordAudit } from '../audit/index.js';
import type { Actor, ServiceContext } from '../context.js';
import { toCsv } from '../csv/index.js';
import { requireRole } from '../errors.js';
import { dollars, REPORT_READERS, reportReadEntry } from './common.js';

/** The month of a line's date of service, as the grouping key and the row's `month`. */
const MONTH = sql<string>`to_char(l.date_of_service, 'YYYY-MM')`;

async function billedRows(
  db: Kysely<Database>,
  organisationId: string,
  query: ReportQuery,
): Promise<BilledRow[]> {
  let select = db
    .selectFrom('claim_lines as l')
    .innerJoin('claims as c', 'c.id', 'l.claim_id')
    .innerJoin('programs as p', 'p.id', 'c.program_id')
    .innerJoin('users as u', 'u.id', 'c.rendering_provider_id')
    .select([
      'c.payer_pack',
      'c.program_id',
      'p.name as program_name',
      'c.rendering_provider_id',
      'u.display_name',
      'l.code',
      MONTH.as('month'),
      (eb) => eb.fn.countAll<string>().as('lines'),
      (eb) => eb.fn.sum<string>('l.units').as('units'),
      (eb) => eb.fn.sum<string>('l.charge_cents').as('cents'),
      (eb) => eb.fn.coalesce(eb.fn.sum<string>('l.expected_cents'), sql<string>`0`).as('expected_cents'),
      (eb) => eb.fn.countAll<string>().filterWhere('l.expected_cents', 'is', null).as('without_rate'),
    ])
    .where('l.organisation_id', '=', organisationId)
    .where('l.current', '=', true)
    .where('l.counts', '=', true)
    .where('l.date_of_service', '>=', query.from)
    .where('l.date_of_service', '<=', query.to);
  if (query.programId !== undefined) select = select.where('c.program_id', '=', query.programId);
  if (query.payerPack !== undefined) select = select.where('c.payer_pack', '=', query.payerPack);
  const rows = await select
    .groupBy([
      'c.payer_pack',
      'c.program_id',
      'p.name',
      'c.rendering_provider_id',
      'u.display_name',
      'l.code',
      MONTH,
    ])
    .orderBy('c.payer_pack')
    .orderBy('p.name')
    .orderBy('u.display_name')
    .orderBy('l.code')
    .orderBy(MONTH)
    .execute();
  return rows.map((row) => ({
    payerPack: row.payer_pack,
    program: { id: row.program_id, displayName: row.program_name },
    peer: { id: row.rendering_provider_id, displayName: row.display_name },
    code: row.code,
    month: row.month,
    lines: Number(row.lines),
    units: Number(row.units),
    chargeCents: Number(row.cents),
    expectedCents: Number(row.expected_cents),
    linesWithoutRate: Number(row.without_rate),
  }));
}

/** Every month from the month of `from` to the month of `to`, as YYYY-MM. */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) return months;
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year += 1;
  }
}

function sumOf(rows: readonly BilledFigures[]): BilledFigures {
  return rows.reduce(
    (sum, row) => ({
      lines: sum.lines + row.lines,
      units: sum.units + row.units,
      chargeCents: sum.chargeCents + row.chargeCents,
      expectedCents: sum.expectedCents + row.expectedCents,
      linesWithoutRate: sum.linesWithoutRate + row.linesWithoutRate,
    }),
    { lines: 0, units: 0, chargeCents: 0, expectedCents: 0, linesWithoutRate: 0 },
  );
}

/**
 * Billed units, charges and expected payments for the range. An aggregate names no member, so one `report.read` is audited.
 *
 * @throws ServiceError `forbidden` unless billing staff or an admin
 */
export async function getBilledReport(
  ctx: ServiceContext,
  actor: Actor,
  query: ReportQuery,
): Promise<BilledReport> {
  requireRole(actor, REPORT_READERS);
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await billedRows(trx, actor.organisationId, query);
    await recordAudit(trx, ctx.clock, reportReadEntry(actor, 'billed', query));
    return {
      rows,
      byMonth: monthsOf(query.from, query.to).map((month) => ({
        month,
        ...sumOf(rows.filter((row) => row.month === month)),
      })),
      totals: sumOf(rows),
    };
  });
}

/** The billed report's rows as CSV, charges and expected payments in dollars. */
export async function billedCsv(ctx: ServiceContext, actor: Actor, query: ReportQuery): Promise<string> {
  const report = await getBilledReport(ctx, actor, query);
  return toCsv(
    [
      'month',
      'payer',
      'program',
      'peer',
      'code',
      'lines',
      'units',
      'charge',
      'expected_payment',
      'lines_without_rate',
    ],
    report.rows.map((row) => [
      row.month,
      row.payerPack,
      row.program.displayName,
      row.peer.displayName,
      row.code,
      row.lines,
      row.units,
      dollars(row.chargeCents),
      dollars(row.expectedCents),
      row.linesWithoutRate,
    ]),
  );
}
