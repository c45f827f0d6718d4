/**
 * @module services/notes/read
 * Reading notes: one note with its live preview, the list (filtered, scoped to what the actor may see) and the
 * overdue list — unsigned notes past their due date, counted in business days on each program's today, and
 * tallied per author and per program. Every read is audited in the same transaction.
 */
import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import type {
  NoteListQuery,
  NoteResponse,
  NoteSummary,
  OverdueNotesQuery,
  OverdueNotesResponse,
} from '../../shared/api/notes.js';
import type { Database } from '../../store/index.js';
import { actorEntry, recordAudit } from '../audit/index.js';
import type { Actor, ServiceContext } from '../context.js';
import { calendarDateIn } from '../time/index.js';
import { noteForActor } from './note-access.js';
import { auditedSummaries, noteResponse, noteSummaryQuery, type NoteSummaryRow } from './note-view.js';

/** The most notes one overdue list holds. */
const OVERDUE_LIMIT = 500;

export async function getNote(ctx: ServiceContext, actor: Actor, noteId: string): Promise<NoteResponse> {
  return ctx.db.transaction().execute(async (trx) => {
    const note = await noteForActor(trx, actor, noteId);
    await recordAudit(trx, ctx.clock, actorEntry(actor, 'note.read', { type: 'service_note', id: note.id }));
    return noteResponse(trx, actor.organisationId, note.id, ctx.clock.now());
  });
}

/**
 * Notes the actor may see, newest date of service first — or, with `overdue`, oldest due date first.
 *
 * @param query - filters (member, author, program, status, review status, overdue) and a limit
 */
export async function listNotes(
  ctx: ServiceContext,
  actor: Actor,
  query: NoteListQuery,
): Promise<NoteSummary[]> {
  return ctx.db.transaction().execute(async (trx) => {
    let select = noteSummaryQuery(trx, actor);
    if (query.memberId !== undefined) select = select.where('service_notes.member_id', '=', query.memberId);
    if (query.authorId !== undefined) select = select.where('service_notes.author_id', '=', query.authorId);
    if (query.programId !== undefined) {
      select = select.where('service_notes.program_id', '=', query.programId);
    }
    if (query.status !== undefined) select = select.where('service_notes.status', '=', query.status);
    if (query.reviewStatus !== undefined) {
      select = select.where('service_notes.review_status', '=', query.reviewStatus);
    }
    if (query.overdue !== undefined) {
      const overdue = await overdueFilter(trx, actor, ctx.clock.now());
      select = select.where((eb) => (query.overdue === true ? overdue(eb) : eb.not(overdue(eb))));
    }
    const ordered =
      query.overdue === true
        ? select.orderBy('service_notes.due_on').orderBy('service_notes.date_of_service')
        : select.orderBy('service_notes.date_of_service', 'desc').orderBy('service_notes.updated_at', 'desc');
    const rows = await ordered.orderBy('service_notes.id').limit(query.limit).execute();
    return auditedSummaries(trx, ctx.clock, actor, rows, {
      view: 'notes',
      filters: Object.keys(query).filter((key) => key !== 'limit'),
    });
  });
}

/**
 * Unsigned notes past their due date that the actor may see, oldest due first, with the tallies per author and
 * per program the overdue page shows.
 */
export async function listOverdueNotes(
  ctx: ServiceContext,
  actor: Actor,
  query: OverdueNotesQuery,
): Promise<OverdueNotesResponse> {
  return ctx.db.transaction().execute(async (trx) => {
    const overdue = await overdueFilter(trx, actor, ctx.clock.now());
    let select = noteSummaryQuery(trx, actor).where(overdue);
    if (query.authorId !== undefined) select = select.where('service_notes.author_id', '=', query.authorId);
    if (query.programId !== undefined) {
      select = select.where('service_notes.program_id', '=', query.programId);
    }
    const rows = await select
      .orderBy('service_notes.due_on')
      .orderBy('service_notes.date_of_service')
      .orderBy('service_notes.id')
      .limit(OVERDUE_LIMIT)
      .execute();
    const notes = await auditedSummaries(trx, ctx.clock, actor, rows, { view: 'overdue' });
    return {
      notes,
      byAuthor: tally(rows, notes, (row) => row.author_id).map(({ first, ...counts }) => ({
        author: { id: first.author_id, displayName: first.author_name },
        ...counts,
      })),
      byProgram: tally(rows, notes, (row) => row.program_id).map(({ first, ...counts }) => ({
        program: { id: first.program_id, name: first.program_name },
        ...counts,
      })),
    };
  });
}

/**
 * "Unsigned and due before today", where today is each program's local date: one condition per program of
 * the organisation (there are few), so a note in Kansas and one in California are each judged on their own
 * day.
 */
async function overdueFilter(
  db: Kysely<Database>,
  actor: Actor,
  now: Date,
): Promise<(eb: ExpressionBuilder<Database, 'service_notes'>) => Expression<SqlBool>> {
  const programs = await db
    .selectFrom('programs')
    .select(['id', 'time_zone'])
    .where('organisation_id', '=', actor.organisationId)
    .execute();
  return (eb) =>
    eb.and([
      eb('service_notes.status', '=', 'draft'),
      eb.or(
        programs.map((program) =>
          eb.and([
            eb('service_notes.program_id', '=', program.id),
            eb('service_notes.due_on', '<', calendarDateIn(now, program.time_zone)),
          ]),
        ),
      ),
    ]);
}

/** Overdue notes grouped by `key`, largest group first, with the longest wait in each. */
function tally(
  rows: readonly NoteSummaryRow[],
  notes: readonly NoteSummary[],
  key: (row: NoteSummaryRow) => string,
): { first: NoteSummaryRow; count: number; maxBusinessDaysOverdue: number }[] {
  const groups = new Map<string, { first: NoteSummaryRow; count: number; maxBusinessDaysOverdue: number }>();
  rows.forEach((row, index) => {
    const days = notes[index]?.businessDaysOverdue ?? 0;
    const group = groups.get(key(row));
    if (group === undefined) {
      groups.set(key(row), { first: row, count: 1, maxBusinessDaysOverdue: days });
    } else {
      group.count += 1;
      group.maxBusinessDaysOverdue = Math.max(group.maxBusinessDaysOverdue, days);
    }
  });
  return [...groups.values()].sort(
    (a, b) => b.count - a.count || b.maxBusinessDaysOverdue - a.maxBusinessDaysOverdue,
  );
}
