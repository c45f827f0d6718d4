/**
 * @module services/claims/context
 * Everything the claim rules read for some members' notes, in a fixed number of queries however many members
 * and notes there are: the members' signed notes not yet on a claim (in a date range), their stored facts
 * (coverage, diagnoses, consents, eligibility, episodes), approved plans of care and the plan versions notes
 * document, the authors' credentials, the group sessions' sizes, the claim lines that count toward limits,
 * the prior authorizations with their use and the organisation's fee schedule. The billing run loads it for a chunk of members; the note form's
 * preview and signing load it for one member with the note in hand. Everything is scoped by organisation.
 */
import { sql, type ExpressionBuilder, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { NoteFields } from '../../shared/api/notes.js';
import type { ReviewStatus } from '../../shared/documentation.js';
import type { PayerPackId, ProgramType } from '../../shared/programs.js';
import type { Database } from '../../store/index.js';
import { approvedInEffectOrder } from '../care-plans/plan-view.js';
import {
  approvedPlansOf,
  documentedPlansOf,
  type ApprovedPlan,
  type DocumentedPlanOfCare,
} from '../care-plans/index.js';
import { loadFeeSchedule, type StoredFee } from '../fee-schedule/index.js';
import { loadMemberClaimRecordsMany, type MemberClaimRecords } from '../members/index.js';
import { fieldsOfRow } from '../note-fields/index.js';
import { loadCredentialRecords, type CredentialRecord } from '../staff/index.js';
import { calendarDateIn } from '../time/index.js';
import { AUTHORIZATION_COLUMNS, usedUnitsOf } from './authorization-use.js';
import { groupContextOf, type GroupContext } from './group-size.js';
import { historyStartFor, MemberHistory, type StoredAuthorization } from './history.js';

/** A note as the claim rules judge it: a stored signed note, or one in hand with the fields on screen. */
export interface NoteToJudge {
  id: string;
  memberId: string;
  programId: string;
  authorId: string;
  groupSessionId: string | null;
  /** A signed note's review; a note not signed yet is judged as one needing none (its review is to come). */
  reviewStatus: ReviewStatus;
  fields: NoteFields;
  /** The day the note was signed where its program is — for a note not signed yet, the day it would be. */
  signedOn: string;
  /** The group's size when the caller knows it (a group signing its attendees); else its stored session's. */
  group?: GroupContext;
}

/** A program as its notes are judged. */
export interface ClaimProgram {
  type: ProgramType;
  payerPacks: readonly PayerPackId[];
  timeZone: string;
}

/** Dates of service, both ends included. */
export interface ClaimRange {
  from: string;
  to: string;
}

/** Everything loaded for some members' notes. */
export interface ClaimContext {
  programs: ReadonlyMap<string, ClaimProgram>;
  members: ReadonlyMap<string, MemberClaimRecords>;
  /** Each member's approved plan-of-care versions, in the order they take effect. */
  carePlans: ReadonlyMap<string, readonly ApprovedPlan[]>;
  staff: ReadonlyMap<string, CredentialRecord>;
  groups: ReadonlyMap<string, GroupContext>;
  /** The plan versions notes document (Los Angeles' Plan of Care note), by version id. */
  documentedPlans: ReadonlyMap<string, { memberId: string; documented: DocumentedPlanOfCare }>;
  /**
   * Each member's first signed note documenting a plan of care (Los Angeles: the Plan of Care is the first
   * progress note): its date of service, for members with one.
   */
  firstPlanOfCareNotes: ReadonlyMap<string, string>;
  /** Each member's counting claim lines; judging adds the lines it finds claimable. */
  histories: Map<string, MemberHistory>;
  /** Each member's prior authorizations, in the order they are drawn on. */
  authorizations: ReadonlyMap<string, readonly StoredAuthorization[]>;
  /** The organisation's fee schedule, every payer and date (`feesInForce` picks a note's). */
  fees: readonly StoredFee[];
  /** The notes to judge, in the order they are judged: member, date of service, start time, id. */
  notes: readonly NoteToJudge[];
}

export interface ClaimContextOptions {
  /** Only this program's stored notes are judged. */
  programId?: string | null;
  /** Only these stored notes are judged (a replacement claim's notes). */
  noteIds?: readonly string[];
  /** The organisation's programs, when the caller has read them already (a billing run, once). */
  programs?: ReadonlyMap<string, ClaimProgram>;
  /**
   * Notes in hand, judged besides the stored ones and in place of a stored note with the same id: a note
   * previewed with its unsaved fields, or one being signed. Their own claim lines are left out of the history
   * and of the authorizations' use, so a note is never counted against itself.
   */
  inHand?: readonly NoteToJudge[];
}

/**
 * Signed notes not yet on a current claim line, as a condition on `service_notes as n`: the notes a billing
 * run claims or holds. Held notes stay claimable: every run judges them again.
 */
export function claimableNote(
  organisationId: string,
  range: ClaimRange,
  programId: string | null = null,
): (eb: ExpressionBuilder<Database & { n: Database['service_notes'] }, 'n'>) => Expression<SqlBool> {
  return (eb) =>
    eb.and([
      eb('n.organisation_id', '=', organisationId),
      eb('n.status', '=', 'signed'),
      eb('n.date_of_service', '>=', range.from),
      eb('n.date_of_service', '<=', range.to),
      ...(programId === null ? [] : [eb('n.program_id', '=', programId)]),
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

/** The organisation's programs. */
export async function loadPrograms(
  db: Kysely<Database>,
  organisationId: string,
): Promise<Map<string, ClaimProgram>> {
  const rows = await db
    .selectFrom('programs')
    .select(['id', 'type', 'payer_packs', 'time_zone'])
    .where('organisation_id', '=', organisationId)
    .execute();
  return new Map(
    rows.map((row) => [row.id, { type: row.type, payerPacks: row.payer_packs, timeZone: row.time_zone }]),
  );
}

/**
 * Loads what the claim rules read for `memberIds`' notes: their stored claimable notes with a date of service
 * in `range`, and the notes in hand.
 *
 * @param trx - the caller's transaction
 * @param organisationId - every query is scoped by it
 * @param memberIds - the members (a billing chunk, or the one member of a note)
 * @param range - the dates of service of the stored notes to judge; history is read from `historyStartFor`
 *   its start
 * @param options - see {@link ClaimContextOptions}
 */
export async function loadClaimContext(
  trx: Kysely<Database>,
  organisationId: string,
  memberIds: readonly string[],
  range: ClaimRange,
  options: ClaimContextOptions = {},
): Promise<ClaimContext> {
  const inHand = options.inHand ?? [];
  const inHandIds = inHand.map((note) => note.id);
  const members = [...new Set([...memberIds, ...inHand.map((note) => note.memberId)])];
  const [programs, stored, records, plans, lines, authorizations, firstPlanOfCareNotes, fees] =
    await Promise.all([
      options.programs ?? loadPrograms(trx, organisationId),
      loadStoredNotes(trx, organisationId, members, range, options, inHandIds),
      loadMemberClaimRecordsMany(trx, organisationId, members),
      loadApprovedPlans(trx, organisationId, members),
      loadCountedLines(trx, organisationId, members, range, inHandIds),
      loadAuthorizations(trx, organisationId, members, range, inHandIds),
      loadFirstPlanOfCareNotes(trx, organisationId, members),
      loadFeeSchedule(trx, organisationId),
    ]);
  const notes = [...stored.map((row) => storedNote(row, programs)), ...inHand].sort(judgingOrder);
  const authorIds = [...new Set(notes.map((note) => note.authorId))];
  const sessionIds = [
    ...new Set(notes.flatMap((note) => (note.groupSessionId === null ? [] : [note.groupSessionId]))),
  ];
  const planIds = [
    ...new Set(
      notes.flatMap((note) => (note.fields.planOfCareId === null ? [] : [note.fields.planOfCareId])),
    ),
  ];
  const [staff, groups, documentedPlans] = await Promise.all([
    loadCredentialRecords(trx, organisationId, authorIds, range.to),
    loadGroups(trx, organisationId, sessionIds),
    documentedPlansOf(trx, organisationId, planIds),
  ]);
  return {
    programs,
    members: records,
    carePlans: plans,
    staff,
    groups,
    documentedPlans,
    firstPlanOfCareNotes,
    histories: lines,
    authorizations,
    fees,
    notes,
  };
}

/** Notes are judged per member by date of service, then start time (notes without one last), then id. */
function judgingOrder(a: NoteToJudge, b: NoteToJudge): number {
  return (
    compare(a.memberId, b.memberId) ||
    compare(a.fields.dateOfService, b.fields.dateOfService) ||
    compare(a.fields.start ?? '~', b.fields.start ?? '~') ||
    compare(a.id, b.id)
  );
}

function compare(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

async function loadStoredNotes(
  trx: Kysely<Database>,
  organisationId: string,
  memberIds: readonly string[],
  range: ClaimRange,
  options: ClaimContextOptions,
  inHandIds: readonly string[],
) {
  if (memberIds.length === 0 || (options.noteIds !== undefined && options.noteIds.length === 0)) return [];
  let query = trx
    .selectFrom('service_notes as n')
    .selectAll('n')
    .where(claimableNote(organisationId, range, options.programId ?? null))
    .where('n.member_id', 'in', [...memberIds]);
  if (options.noteIds !== undefined) query = query.where('n.id', 'in', [...options.noteIds]);
  if (inHandIds.length > 0) query = query.where('n.id', 'not in', [...inHandIds]);
  return query.execute();
}

function storedNote(
  row: Awaited<ReturnType<typeof loadStoredNotes>>[number],
  programs: ReadonlyMap<string, ClaimProgram>,
): NoteToJudge {
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
export function signedOnIn(instant: Date, timeZone: string): string {
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

/**
 * Each member's first signed note that documents a plan of care, by date of service. Only signed notes count:
 * a billing run judges with nothing else, and a preview must answer as it will (a draft Plan of Care note
 * counts once it is signed).
 */
async function loadFirstPlanOfCareNotes(
  trx: Kysely<Database>,
  organisationId: string,
  memberIds: readonly string[],
): Promise<Map<string, string>> {
  if (memberIds.length === 0) return new Map();
  const rows = await trx
    .selectFrom('service_notes')
    .select(['member_id', (eb) => eb.fn.min('date_of_service').as('first')])
    .where('organisation_id', '=', organisationId)
    .where('member_id', 'in', [...memberIds])
    .where('status', '=', 'signed')
    .where('plan_of_care_id', 'is not', null)
    .groupBy('member_id')
    .execute();
  return new Map(rows.map((row) => [row.member_id, row.first]));
}

/** The members' counting claim lines from the first day any limit looks back to, through the range's end. */
async function loadCountedLines(
  trx: Kysely<Database>,
  organisationId: string,
  memberIds: readonly string[],
  range: ClaimRange,
  inHandIds: readonly string[],
): Promise<Map<string, MemberHistory>> {
  const histories = new Map<string, MemberHistory>();
  if (memberIds.length === 0) return histories;
  let query = trx
    .selectFrom('claim_lines')
    .select(['member_id', 'date_of_service', 'code', 'units', 'group_minutes', 'authorization_id'])
    .where('organisation_id', '=', organisationId)
    .where('member_id', 'in', [...memberIds])
    .where('current', '=', true)
    .where('counts', '=', true)
    .where('date_of_service', '>=', historyStartFor(range.from))
    .where('date_of_service', '<=', range.to);
  if (inHandIds.length > 0) query = query.where('note_id', 'not in', [...inHandIds]);
  const byMember = new Map<string, Parameters<MemberHistory['add']>[0][]>();
  for (const line of await query.execute()) {
    const list = byMember.get(line.member_id) ?? [];
    list.push({
      dateOfService: line.date_of_service,
      code: line.code,
      units: line.units,
      groupMinutes: line.group_minutes,
      authorizationId: line.authorization_id,
    });
    byMember.set(line.member_id, list);
  }
  for (const memberId of memberIds) histories.set(memberId, new MemberHistory(byMember.get(memberId) ?? []));
  return histories;
}

/** The members' authorizations in force at some point of the range, with the units used so far. */
async function loadAuthorizations(
  trx: Kysely<Database>,
  organisationId: string,
  memberIds: readonly string[],
  range: ClaimRange,
  inHandIds: readonly string[],
): Promise<Map<string, StoredAuthorization[]>> {
  const byMember = new Map<string, StoredAuthorization[]>();
  if (memberIds.length === 0) return byMember;
  const rows = await trx
    .selectFrom('authorizations as a')
    .select([
      ...AUTHORIZATION_COLUMNS,
      (eb) => {
        const used = usedUnitsOf(eb);
        return (inHandIds.length === 0 ? used : used.where('used.note_id', 'not in', [...inHandIds])).as(
          'used_units',
        );
      },
    ])
    .where('a.organisation_id', '=', organisationId)
    .where('a.member_id', 'in', [...memberIds])
    .where('a.valid_to', '>=', range.from)
    .where('a.valid_from', '<=', range.to)
    .orderBy('a.valid_from')
    .orderBy('a.number')
    .execute();
  for (const row of rows) {
    const list = byMember.get(row.member_id) ?? [];
    list.push({
      id: row.id,
      payerPack: row.payer_pack,
      number: row.number,
      code: row.code,
      modifiers: row.modifiers,
      programId: row.program_id,
      units: row.units,
      from: row.valid_from,
      to: row.valid_to,
      usedUnits: Number(row.used_units ?? 0),
    });
    byMember.set(row.member_id, list);
  }
  return byMember;
}

async function loadApprovedPlans(
  trx: Kysely<Database>,
  organisationId: string,
  memberIds: readonly string[],
): Promise<Map<string, ApprovedPlan[]>> {
  const plans = new Map<string, ApprovedPlan[]>();
  if (memberIds.length === 0) return plans;
  for (const row of await approvedPlansOf(trx, organisationId, memberIds)) {
    const list = plans.get(row.member_id) ?? [];
    list.push(row);
    plans.set(row.member_id, list);
  }
  for (const [memberId, list] of plans) {
    plans.set(memberId, approvedInEffectOrder(list));
  }
  return plans;
}

/** Each group session's size: attendees (notes written for it) and facilitator FTE. */
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
