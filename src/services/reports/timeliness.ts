/**
 * @module services/reports/timeliness
 * Note timeliness: signed notes with dates of service in the range, each on time (signed on or before its
 * due date, the signature dated in the program's time zone), late with a written reason, or late without one
 * — counted by the database per program and peer, then rolled up per program, per peer and in total.
 * Billing staff and admins see the organisation; a supervisor sees the notes they and their supervisees
 * signed. The payer filter does not apply: a note has no payer until a billing run claims it.
 */
import { sql, type Kysely } from 'kysely';
import type { ReportQuery, TimelinessFigures, TimelinessReport } from '../../shared/api/reports.js';
import type { Database } from '../../store/index.js';
import { recordAudit } from '../audit/index.js';
import type { Actor, ServiceContext } from '../context.js';
import { toCsv } from '../csv/index.js';
import { requireRole } from '../errors.js';
import { visibleStaff } from '../staff/index.js';
import { percentCell, percentOf, reportReadEntry, TIMELINESS_READERS } from './common.js';

/** Signed after the due date, by the calendar where the program is. */
const LATE = sql<boolean>`(n.signed_at at time zone p.time_zone)::date > n.due_on`;
/** A late reason that says something. */
const HAS_REASON = sql<boolean>`coalesce(btrim(n.late_reason), '') <> ''`;

interface Counts {
  signed: number;
  onTime: number;
  lateWithReason: number;
  lateWithoutReason: number;
}

interface Named {
  id: string;
  displayName: string;
}

interface CountRow extends Counts {
  program: Named;
  peer: Named;
}

async function countsByProgramAndPeer(
  db: Kysely<Database>,
  actor: Actor,
  query: ReportQuery,
): Promise<CountRow[]> {
  let select = db
    .selectFrom('service_notes as n')
    .innerJoin('programs as p', 'p.id', 'n.program_id')
    .innerJoin('users', 'users.id', 'n.author_id')
    .select([
      'n.program_id',
      'p.name as program_name',
      'n.author_id',
      'users.display_name',
      (eb) => eb.fn.countAll<string>().as('signed'),
      sql<string>`count(*) filter (where not ${LATE})`.as('on_time'),
      sql<string>`count(*) filter (where ${LATE} and ${HAS_REASON})`.as('late_with_reason'),
      sql<string>`count(*) filter (where ${LATE} and not ${HAS_REASON})`.as('late_without_reason'),
    ])
    .where('n.organisation_id', '=', actor.organisationId)
    // Billing staff and admins: everyone's notes; a supervisor: their own and their supervisees'.
    .where(visibleStaff(actor))
    .where('n.status', '=', 'signed')
    .where('n.signed_at', 'is not', null)
    .where('n.date_of_service', '>=', query.from)
    .where('n.date_of_service', '<=', query.to);
  if (query.programId !== undefined) select = select.where('n.program_id', '=', query.programId);
  const rows = await select
    .groupBy(['n.program_id', 'p.name', 'n.author_id', 'users.display_name'])
    .execute();
  return rows.map((row) => ({
    program: { id: row.program_id, displayName: row.program_name },
    peer: { id: row.author_id, displayName: row.display_name },
    signed: Number(row.signed),
    onTime: Number(row.on_time),
    lateWithReason: Number(row.late_with_reason),
    lateWithoutReason: Number(row.late_without_reason),
  }));
}

function figuresOf(rows: readonly Counts[]): TimelinessFigures {
  const sum = (pick: (row: Counts) => number): number => rows.reduce((total, row) => total + pick(row), 0);
  const signed = sum((row) => row.signed);
  const onTime = sum((row) => row.onTime);
  const lateWithReason = sum((row) => row.lateWithReason);
  const lateWithoutReason = sum((row) => row.lateWithoutReason);
  return {
    signed,
    onTime,
    lateWithReason,
    lateWithoutReason,
    onTimePercent: percentOf(onTime, signed),
    lateWithReasonPercent: percentOf(lateWithReason, signed),
    lateWithoutReasonPercent: percentOf(lateWithoutReason, signed),
  };
}

/** The figures of each program (or peer) the rows name, in order of name. */
function rollUp(
  rows: readonly CountRow[],
  keyOf: (row: CountRow) => Named,
): { named: Named; figures: TimelinessFigures }[] {
  const groups = new Map<string, { named: Named; rows: CountRow[] }>();
  for (const row of rows) {
    const named = keyOf(row);
    const group = groups.get(named.id) ?? { named, rows: [] };
    group.rows.push(row);
    groups.set(named.id, group);
  }
  return [...groups.values()]
    .map((group) => ({ named: group.named, figures: figuresOf(group.rows) }))
    .sort((a, b) => a.named.displayName.localeCompare(b.named.displayName));
}

/**
 * Note timeliness for the range. An aggregate names no member, so one `report.read` is audited.
 *
 * @throws ServiceError `forbidden` unless billing staff, an admin or a supervisor
 */
export async function getTimelinessReport(
  ctx: ServiceContext,
  actor: Actor,
  query: ReportQuery,
): Promise<TimelinessReport> {
  requireRole(actor, TIMELINESS_READERS);
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await countsByProgramAndPeer(trx, actor, query);
    await recordAudit(trx, ctx.clock, reportReadEntry(actor, 'timeliness', query));
    return {
      byProgram: rollUp(rows, (row) => row.program).map(({ named, figures }) => ({
        program: named,
        ...figures,
      })),
      byPeer: rollUp(rows, (row) => row.peer).map(({ named, figures }) => ({ peer: named, ...figures })),
      totals: figuresOf(rows),
    };
  });
}

/** Timeliness as CSV: a row per program, then a row per peer, then the total. */
export async function timelinessCsv(ctx: ServiceContext, actor: Actor, query: ReportQuery): Promise<string> {
  const report = await getTimelinessReport(ctx, actor, query);
  const row = (group: string, name: string, figures: TimelinessFigures) => [
    group,
    name,
    figures.signed,
    figures.onTime,
    figures.lateWithReason,
    figures.lateWithoutReason,
    percentCell(figures.onTimePercent),
    percentCell(figures.lateWithReasonPercent),
    percentCell(figures.lateWithoutReasonPercent),
  ];
  return toCsv(
    [
      'group',
      'name',
      'signed',
      'on_time',
      'late_with_reason',
      'late_without_reason',
      'on_time_percent',
      'late_with_reason_percent',
      'late_without_reason_percent',
    ],
    [
      ...report.byProgram.map((each) => row('program', each.program.displayName, each)),
      ...report.byPeer.map((each) => row('peer', each.peer.displayName, each)),
      row('total', 'All', report.totals),
    ],
  );
}
