/**
 * @module services/reports/authorization-use
 * Authorization use: each prior authorization valid on any day of the range, with the units used (summed by
 * the database over the current, counting claim lines citing it, whatever their date), the units left, the
 * share used and the days it is still valid. The report names members, so each member listed is audited.
 */
import type { Kysely } from 'kysely';
import type { AuthorizationUse, AuthorizationUseReport, ReportQuery } from '../../shared/api/reports.js';
import type { Database } from '../../store/index.js';
import { daysBetween } from '../../engine/index.js';
import { actorEntry, recordAuditMany } from '../audit/index.js';
import { AUTHORIZATION_COLUMNS } from '../claims/index.js';
import type { Actor, ServiceContext } from '../context.js';
import { toCsv } from '../csv/index.js';
import { requireRole } from '../errors.js';
import { organisationToday } from '../staff/index.js';
import { percentCell, percentOf, REPORT_READERS, reportReadEntry } from './common.js';

async function authorizationRows(
  db: Kysely<Database>,
  organisationId: string,
  query: ReportQuery,
  today: string,
): Promise<AuthorizationUse[]> {
  let select = db
    .selectFrom('authorizations as a')
    .innerJoin('members as m', 'm.id', 'a.member_id')
    // Units per authorization, summed once over the lines that cite one, rather than once per row.
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('claim_lines as l')
          .select(['l.authorization_id', (sum) => sum.fn.sum<string>('l.units').as('units')])
          .where('l.organisation_id', '=', organisationId)
          .where('l.authorization_id', 'is not', null)
          .where('l.current', '=', true)
          .where('l.counts', '=', true)
          .groupBy('l.authorization_id')
          .as('used'),
      (join) => join.onRef('used.authorization_id', '=', 'a.id'),
    )
    .select([
      ...AUTHORIZATION_COLUMNS,
      'm.first_name',
      'm.last_name',
      'm.preferred_name',
      'used.units as used_units',
    ])
    .where('a.organisation_id', '=', organisationId)
    .where('a.valid_from', '<=', query.to)
    .where('a.valid_to', '>=', query.from);
  if (query.programId !== undefined) select = select.where('m.program_id', '=', query.programId);
  if (query.payerPack !== undefined) select = select.where('a.payer_pack', '=', query.payerPack);
  const rows = await select.orderBy('a.valid_to').orderBy('a.number').execute();
  return rows.map((row) => {
    const used = Number(row.used_units ?? 0);
    return {
      id: row.id,
      number: row.number,
      member: { id: row.member_id, displayName: `${row.preferred_name ?? row.first_name} ${row.last_name}` },
      payerPack: row.payer_pack,
      code: row.code,
      modifiers: row.modifiers,
      from: row.valid_from,
      to: row.valid_to,
      units: row.units,
      usedUnits: used,
      remainingUnits: row.units - used,
      usedPercent: percentOf(used, row.units),
      daysLeft: Math.max(0, daysBetween(today, row.valid_to) + 1),
    };
  });
}

/**
 * Authorization use for the range: one `report.read` for the report and one per member it names.
 *
 * @throws ServiceError `forbidden` unless billing staff or an admin
 */
export async function getAuthorizationUseReport(
  ctx: ServiceContext,
  actor: Actor,
  query: ReportQuery,
): Promise<AuthorizationUseReport> {
  requireRole(actor, REPORT_READERS);
  return ctx.db.transaction().execute(async (trx) => {
    const today = await organisationToday(trx, actor.organisationId, ctx.clock.now());
    const authorizations = await authorizationRows(trx, actor.organisationId, query, today);
    const members = [...new Set(authorizations.map((each) => each.member.id))];
    await recordAuditMany(trx, ctx.clock, [
      reportReadEntry(actor, 'authorizations', query),
      ...members.map((memberId) =>
        actorEntry(actor, 'report.read', { type: 'member', id: memberId }, 'success', {
          report: 'authorizations',
        }),
      ),
    ]);
    return { authorizations, today };
  });
}

/** Authorization use as CSV, one row per authorization. */
export async function authorizationUseCsv(
  ctx: ServiceContext,
  actor: Actor,
  query: ReportQuery,
): Promise<string> {
  const report = await getAuthorizationUseReport(ctx, actor, query);
  return toCsv(
    [
      'number',
      'member',
      'payer',
      'code',
      'modifiers',
      'from',
      'to',
      'units',
      'used',
      'remaining',
      'used_percent',
      'days_left',
    ],
    report.authorizations.map((each) => [
      each.number,
      each.member.displayName,
      each.payerPack,
      each.code,
      each.modifiers.join(' '),
      each.from,
      each.to,
      each.units,
      each.usedUnits,
      each.remainingUnits,
      percentCell(each.usedPercent),
      each.daysLeft,
    ]),
  );
}
