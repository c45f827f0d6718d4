/**
 * @module services/billing/load
 * What a billing run reads for one chunk of members, in a fixed number of queries however many members and
 * notes the chunk holds: the members' signed notes still to bill, their stored facts, approved plans of care,
 * authorizations and counting claim lines, the authors' credentials, and the group sessions the notes belong
 * to. Everything is scoped by the run's organisation.
 */
import { sql, type ExpressionBuilder, type Kysely, type SqlBool, type Expression } from 'kysely';
import type { PayerPackId, ProgramType } from '../../shared/programs.js';
import type { BillingRunRow, Database } from '../../store/index.js';
import { approvedInEffectOrder } from '../care-plans/plan-view.js';
import { approvedPlansOf } from '../care-plans/index.js';
import { loadMemberClaimRecordsMany } from '../members/index.js';
import {
  documentedPlanOfCare,
  fieldsOfRow,
  groupContextOf,
  type DocumentedPlanOfCare,
  type GroupContext,
} from '../notes/index.js';
import { loadCredentialRecords } from '../staff/index.js';
import { calendarDateIn } from '../time/index.js';
import { MemberHistory, type StoredAuthorization } from './history.js';
import type { ApprovedPlan } from '../care-plans/index.js';
import type { ChunkContext, NoteToBill } from './judge.js';

/** The run's filters, as the queries need them. */
export type RunScope = Pick<
  BillingRunRow,
  'organisation_id' | 'from_date' | 'to_date' | 'program_id' | 'payer_pack'
>;

/** A program as the run judges its notes. */
export interface RunProgram {
  type: ProgramType;
  payerPacks: readonly PayerPackId[];
  timeZone: string;
}

/**
 * The run's notes still to bill, as a condition on `service_notes as n`: signed, in the date range (and
 * program), and on no current claim line. Held notes stay claimable: every run judges them again.
 */
export function claimableNote(
  scope: RunScope,
): (eb: ExpressionBuilder<Database & { n: Database['service_notes'] }, 'n'>) => Expression<SqlBool> {
  return (eb) =>
    eb.and([
      eb('n.organisation_id', '=', scope.organisation_id),
      eb('n.status', '=', 'signed'),
      eb('n.date_of_service', '>=', scope.from_date),
      eb('n.date_of_service', '<=', scope.to_date),
      ...(scope.program_id === null ? [] : [eb('n.program_id', '=', scope.program_id)]),
      eb.not(
        eb.exists(
          eb
            .selectFrom('claim_lines as l')
            .select(sql<number>`1`.as('one'))
            .whereRef('l.note_id', '=', 'n.id')
            .where('l.current', '=', true),
        ),
      ),
    ]);
}

/** Counts the notes a run would judge now (its progress bar's whole). */
export async function countClaimableNotes(db: Kysely<Database>, scope: RunScope): Promise<number> {
  const row = await db
    .selectFrom('service_notes as n')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where(claimableNote(scope))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Locks the next members after `cursor` (by id) who have notes to bill, skipping members another run has
 * locked: two runs at once share the work instead of judging the same member twice.
 */
export async function lockNextMembers(
  trx: Kysely<Database>,
  scope: RunScope,
  cursor: string | null,
  limit: number,
): Promise<string[]> {
  let query = trx
    .selectFrom('members as m')
    .select('m.id')
    .where('m.organisation_id', '=', scope.organisation_id)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('service_notes as n')
          .select(sql<number>`1`.as('one'))
          .whereRef('n.member_id', '=', 'm.id')
          .where(claimableNote(scope)),
      ),
    );
  if (cursor !== null) query = query.where('m.id', '>', cursor);
  const rows = await query.orderBy('m.id').limit(limit).forUpdate().skipLocked().execute();
  return rows.map((row) => row.id);
}

/** The organisation's programs, read once per run. */
export async function loadPrograms(
  db: Kysely<Database>,
  organisationId: string,
): Promise<Map<string, RunProgram>> {
  const rows = await db
    .selectFrom('programs')
    .select(['id', 'type', 'payer_packs', 'time_zone'])
    .where('organisation_id', '=', organisationId)
    .execute();
  return new Map(
    rows.map((row) => [row.id, { type: row.type, payerPacks: row.payer_packs, timeZone: row.time_zone }]),
  );
}

/** The chunk's notes (or just `noteIds` of them), in the order they are judged: member, date, start time, id. */
export async function loadNotes(
  trx: Kysely<Database>,
  scope: RunScope,
  memberIds: readonly string[],
  programs: ReadonlyMap<string, RunProgram>,
  noteIds?: readonly string[],
): Promise<NoteToBill[]> {
  let query = trx
    .selectFrom('service_notes as n')
    .selectAll('n')
    .where(claimableNote(scope))
    .where('n.member_id', 'in', [...memberIds]);
  if (noteIds !== undefined) query = query.where('n.id', 'in', [...noteIds]);
  const rows = await query
    .orderBy('n.member_id')
    .orderBy('n.date_of_service')
    .orderBy('n.start_time')
    .orderBy('n.id')
    .execute();
  return rows.map((row) => {
    const program = programs.get(row.program_id);
    if (program === undefined || row.signed_at === null) {
      throw new Error(`note ${row.id} is signed in no program of the organisation`);
    }
    return {
      id: row.id,
      memberId: row.member_id,
      programId: row.program_id,
      authorId: row.author_id,
      groupSessionId: row.group_session_id,
      reviewStatus: row.review_status,
      fields: fieldsOfRow(row),
      signedOn: signedOnIn(row.signed_at, program.timeZone),
    };
  });
}

const QUARTER_HOUR_MS = 15 * 60 * 1000;
/** Since 1980 every zone's offsets are whole quarter hours (some older local mean times were not). */
const QUARTER_HOURS_FROM = Date.UTC(1980, 0, 1);
/** Most days remembered by {@link signedOnIn} before it starts again. */
const SIGNED_ON_CACHE_SIZE = 10_000;
const signedOnCache = new Map<string, string>();

/**
 * `calendarDateIn`, remembered per time zone and UTC quarter hour: every time zone's offset is a whole number
 * of quarter hours and changes only on a quarter hour, so all instants of one UTC quarter hour fall on the same
 * local day. Notes are signed in the same few hundred quarter hours of a month; formatting each instant with
 * `Intl` cost more than the rest of reading the note.
 */
function signedOnIn(instant: Date, timeZone: string): string {
  if (instant.getTime() < QUARTER_HOURS_FROM) return calendarDateIn(instant, timeZone);
  const quarter = Math.floor(instant.getTime() / QUARTER_HOUR_MS);
  const key = `${timeZone}|${quarter}`;
  let day = signedOnCache.get(key);
  if (day === undefined) {
    day = calendarDateIn(new Date(quarter * QUARTER_HOUR_MS), timeZone);
    if (signedOnCache.size >= SIGNED_ON_CACHE_SIZE) signedOnCache.clear();
    signedOnCache.set(key, day);
  }
  return day;
}

/** Everything else the judge needs for the chunk's notes. */
export async function loadChunkContext(
  trx: Kysely<Database>,
  scope: RunScope,
  notes: readonly NoteToBill[],
  programs: ReadonlyMap<string, RunProgram>,
): Promise<ChunkContext> {
  const organisationId = scope.organisation_id;
  const memberIds = [...new Set(notes.map((note) => note.memberId))];
  const authorIds = [...new Set(notes.map((note) => note.authorId))];
  const sessionIds = [
    ...new Set(notes.flatMap((note) => (note.groupSessionId === null ? [] : [note.groupSessionId]))),
  ];
  // Limits look back at most a calendar year or a state fiscal year from the earliest date of service.
  const historyFrom = `${Number(scope.from_date.slice(0, 4)) - 1}-01-01`;
  const [members, plans, staff, groups, lines, authorizations] = await Promise.all([
    loadMemberClaimRecordsMany(trx, organisationId, memberIds),
    loadApprovedPlans(trx, organisationId, memberIds),
    loadCredentialRecords(trx, organisationId, authorIds, scope.to_date),
    loadGroups(trx, organisationId, sessionIds),
    memberIds.length === 0
      ? Promise.resolve([])
      : trx
          .selectFrom('claim_lines')
          .select(['member_id', 'date_of_service', 'code', 'units', 'group_minutes', 'authorization_id'])
          .where('organisation_id', '=', organisationId)
          .where('member_id', 'in', memberIds)
          .where('current', '=', true)
          .where('counts', '=', true)
          .where('date_of_service', '>=', historyFrom)
          .where('date_of_service', '<=', scope.to_date)
          .execute(),
    memberIds.length === 0
      ? Promise.resolve([])
      : trx
          .selectFrom('authorizations')
          .select(['id', 'member_id', 'payer_pack', 'number', 'code', 'units', 'valid_from', 'valid_to'])
          .where('organisation_id', '=', organisationId)
          .where('member_id', 'in', memberIds)
          .where('valid_to', '>=', scope.from_date)
          .where('valid_from', '<=', scope.to_date)
          .orderBy('valid_from')
          .orderBy('number')
          .execute(),
  ]);
  const histories = new Map<string, MemberHistory>();
  for (const line of lines) {
    let history = histories.get(line.member_id);
    if (history === undefined) {
      history = new MemberHistory();
      histories.set(line.member_id, history);
    }
    history.add({
      dateOfService: line.date_of_service,
      code: line.code,
      units: line.units,
      groupMinutes: line.group_minutes,
      authorizationId: line.authorization_id,
    });
  }
  const byMember = new Map<string, (StoredAuthorization & { payerPack: PayerPackId })[]>();
  for (const row of authorizations) {
    const list = byMember.get(row.member_id) ?? [];
    list.push({
      id: row.id,
      payerPack: row.payer_pack,
      number: row.number,
      code: row.code,
      units: row.units,
      from: row.valid_from,
      to: row.valid_to,
    });
    byMember.set(row.member_id, list);
  }
  const documentedPlans = new Map<string, DocumentedPlanOfCare>();
  // Plan-of-care notes are one per plan version, so reading each on its own stays cheap.
  for (const note of notes) {
    if (note.fields.planOfCareId === null) continue;
    const documented = await documentedPlanOfCare(
      trx,
      { organisationId, memberId: note.memberId },
      note.fields.planOfCareId,
    );
    if (documented !== null) documentedPlans.set(note.id, documented);
  }
  return {
    programs,
    members,
    documentedPlans,
    carePlans: plans,
    staff,
    groups,
    histories,
    authorizations: byMember,
    payerPack: scope.payer_pack,
  };
}

async function loadApprovedPlans(
  trx: Kysely<Database>,
  organisationId: string,
  memberIds: readonly string[],
): Promise<Map<string, ApprovedPlan[]>> {
  const plans = new Map<string, ApprovedPlan[]>();
  if (memberIds.length === 0) return plans;
  const rows = await approvedPlansOf(trx, organisationId, memberIds);
  for (const row of rows) {
    const list = plans.get(row.member_id) ?? [];
    list.push(row);
    plans.set(row.member_id, list);
  }
  for (const [memberId, list] of plans) {
    plans.set(memberId, approvedInEffectOrder(list));
  }
  return plans;
}

async function loadGroups(
  trx: Kysely<Database>,
  organisationId: string,
  sessionIds: readonly string[],
): Promise<Map<string, GroupContext>> {
  const groups = new Map<string, GroupContext>();
  if (sessionIds.length === 0) return groups;
  const ids = [...sessionIds];
  const [sessions, facilitators, attendees] = await Promise.all([
    trx
      .selectFrom('group_sessions')
      .select(['id', 'start_time', 'end_time'])
      .where('organisation_id', '=', organisationId)
      .where('id', 'in', ids)
      .execute(),
    trx
      .selectFrom('group_facilitators')
      .select(['group_session_id', 'minutes'])
      .where('organisation_id', '=', organisationId)
      .where('group_session_id', 'in', ids)
      .execute(),
    trx
      .selectFrom('service_notes')
      .select(['group_session_id', (eb) => eb.fn.countAll<string>().as('count')])
      .where('organisation_id', '=', organisationId)
      .where('group_session_id', 'in', ids)
      .groupBy('group_session_id')
      .execute(),
  ]);
  // By session first: a chunk can hold thousands of group sessions.
  const minutesBySession = new Map<string, number[]>();
  for (const row of facilitators) {
    const minutes = minutesBySession.get(row.group_session_id);
    if (minutes === undefined) minutesBySession.set(row.group_session_id, [row.minutes]);
    else minutes.push(row.minutes);
  }
  const attendeesBySession = new Map(attendees.map((row) => [row.group_session_id, Number(row.count)]));
  for (const session of sessions) {
    const count = attendeesBySession.get(session.id) ?? 0;
    const minutes = minutesBySession.get(session.id) ?? [];
    groups.set(session.id, groupContextOf(count, minutes, session.start_time, session.end_time));
  }
  return groups;
}
