/**
 * @module services/notes/note-view
 * A note as the API shows it: the summary lists show (member, author, status, due date, business days
 * overdue on the program's today), the full note with its addenda and reviews, and the response the form
 * works from — the note, its live claim preview and the documentation problems signing would raise.
 */
import type { Kysely } from 'kysely';
import type {
  Note,
  NoteFields,
  NoteResponse,
  NoteSummary,
  SaveDraftResponse,
} from '../../shared/api/notes.js';
import type { Problem } from '../../shared/problem.js';
import type { Database, ServiceNoteRow } from '../../store/index.js';
import { actorEntry, recordAudit } from '../audit/index.js';
import type { Actor, Clock } from '../context.js';
import type { StaffContext } from '../../shared/api/claims.js';
import type { PayerPackId } from '../../shared/programs.js';
import { memberClaimContext } from '../members/index.js';
import { certificationBlocker, staffCredentialsOn } from '../staff/index.js';
import { calendarDateIn } from '../time/index.js';
import { payerPackOn, type GroupContext } from '../claims/index.js';
import { noCoverageProblem, noteInHand, previewNote, type NotePreview } from './note-claim.js';
import { businessDaysOverdue, lateReasonNeeded } from './due-dates.js';
import { fieldsOfRow } from '../note-fields/index.js';
import { visibleNotes } from './note-access.js';
import { signingProblems } from './problems.js';
import { languageProblems } from './language.js';
import { noteFormOf } from './note-form.js';

/** Notes joined with what a summary shows (member, author, program); scope it before use. */
function summaryBase(db: Kysely<Database>, organisationId: string) {
  return db
    .selectFrom('service_notes')
    .innerJoin('members', 'members.id', 'service_notes.member_id')
    .innerJoin('users as author', 'author.id', 'service_notes.author_id')
    .innerJoin('programs', 'programs.id', 'service_notes.program_id')
    .selectAll('service_notes')
    .select([
      'members.first_name',
      'members.last_name',
      'members.preferred_name',
      'author.display_name as author_name',
      'programs.name as program_name',
      'programs.time_zone',
    ])
    .where('service_notes.organisation_id', '=', organisationId);
}

/** Notes the actor may read, joined with what a summary shows. */
export function noteSummaryQuery(db: Kysely<Database>, actor: Actor): ReturnType<typeof summaryBase> {
  return summaryBase(db, actor.organisationId).where(visibleNotes(db, actor));
}

export type NoteSummaryRow = ServiceNoteRow & {
  first_name: string;
  last_name: string;
  preferred_name: string | null;
  author_name: string;
  program_name: string;
  time_zone: string;
};

/** The member as notes name them: the name they go by, then their family name. */
export function memberName(row: Pick<NoteSummaryRow, 'first_name' | 'last_name' | 'preferred_name'>): string {
  return `${row.preferred_name ?? row.first_name} ${row.last_name}`;
}

/** "Today" for a note: the date where its program is. */
export function referenceDay(row: Pick<NoteSummaryRow, 'time_zone'>, now: Date): string {
  return calendarDateIn(now, row.time_zone);
}

export function toSummary(row: NoteSummaryRow, now: Date): NoteSummary {
  return {
    id: row.id,
    member: { id: row.member_id, displayName: memberName(row) },
    programId: row.program_id,
    author: { id: row.author_id, displayName: row.author_name },
    groupSessionId: row.group_session_id,
    status: row.status,
    reviewStatus: row.review_status,
    serviceType: row.service_type,
    dateOfService: row.date_of_service,
    dueOn: row.due_on,
    businessDaysOverdue: businessDaysOverdue(row.status, row.due_on, referenceDay(row, now)),
    signedAt: row.signed_at?.toISOString() ?? null,
    updatedAt: row.updated_at.toISOString(),
  };
}

/**
 * A list of notes as summaries, with the `note.list` audit row naming the view and how many were shown.
 *
 * @param db - the transaction the list was read in
 * @param clock - the service clock (the reference day and the audit time)
 * @param details - which list (`view`) and any non-PHI facts about the query
 */
export async function auditedSummaries(
  db: Kysely<Database>,
  clock: Clock,
  actor: Actor,
  rows: readonly NoteSummaryRow[],
  details: { view: 'notes' | 'overdue' | 'reviews' } & Record<string, unknown>,
): Promise<NoteSummary[]> {
  await recordAudit(
    db,
    clock,
    actorEntry(actor, 'note.list', { type: 'service_note', id: null }, 'success', {
      ...details,
      count: rows.length,
    }),
  );
  const now = clock.now();
  return rows.map((row) => toSummary(row, now));
}

/** The note as the form's needs are worked out for it. */
function formNoteOf(row: NoteSummaryRow): { organisationId: string; memberId: string; programName: string } {
  return { organisationId: row.organisation_id, memberId: row.member_id, programName: row.program_name };
}

/** The day the note was signed, or for a draft the day signing it now would date it. */
export function signingDay(row: NoteSummaryRow, now: Date): string {
  return row.signed_at === null ? referenceDay(row, now) : calendarDateIn(row.signed_at, row.time_zone);
}

/**
 * What the form shows beside the payer's problems: for a draft, what signing still needs (and the author's
 * certification, when it would block signing), the member's missing coverage, and recovery-language
 * suggestions on the PIN text. A signed note is changed only by addenda, so it has none.
 */
export function documentationProblems(
  fields: NoteFields,
  billing: NoteBilling,
  late: { dueOn: string; reasonNeeded: boolean },
): Problem[] {
  const problems = [...signingProblems(fields, late), ...billing.noCoverage];
  if (billing.bills && billing.staff !== null) {
    const blocker = certificationBlocker(billing.staff, fields.dateOfService, billing.payerPack ?? undefined);
    if (blocker !== null) problems.push({ ...blocker, severity: 'warning' });
  }
  return [...problems, ...languageProblems(fields)];
}

/** What the documentation problems need to know of a note's billing. */
export interface NoteBilling {
  payerPack: PayerPackId | null;
  /** The missing coverage, as the form shows it (none when covered). */
  noCoverage: Problem[];
  /** The author's credentials on the date of service, when the note bills. */
  staff: StaffContext | null;
  /** Whether the note makes a claim line (its author's certification must then be current). */
  bills: boolean;
}

/** The billing facts of a judged note. */
export function billingOfPreview(preview: NotePreview): NoteBilling {
  return {
    payerPack: preview.payerPack,
    noCoverage: preview.missing.filter((problem) => problem.code === 'note.no_coverage'),
    staff: preview.staff,
    bills: preview.preview !== null && preview.preview.lines.length > 0,
  };
}

/**
 * The billing facts of a note without judging its claim (an autosave): the pack its member's coverage gives,
 * and — when covered with its times entered, so it will make a claim line — its author's credentials.
 */
export async function billingWithoutJudging(
  db: Kysely<Database>,
  row: Pick<ServiceNoteRow, 'organisation_id' | 'member_id' | 'program_id' | 'author_id'>,
  fields: NoteFields,
): Promise<NoteBilling> {
  const date = fields.dateOfService;
  const program = await db
    .selectFrom('programs')
    .select('payer_packs')
    .where('organisation_id', '=', row.organisation_id)
    .where('id', '=', row.program_id)
    .executeTakeFirstOrThrow();
  const member = await memberClaimContext(db, row.organisation_id, row.member_id, date);
  const payerPack = payerPackOn(member.coverage, program.payer_packs, date);
  if (payerPack === null) {
    return {
      payerPack,
      noCoverage: [noCoverageProblem(date, program.payer_packs)],
      staff: null,
      bills: false,
    };
  }
  const bills = fields.start !== null && fields.end !== null;
  const staff = bills
    ? await staffCredentialsOn(db, row.organisation_id, row.author_id, date, payerPack)
    : null;
  return { payerPack, noCoverage: [], staff, bills };
}

/**
 * The full response for one note: the note with its addenda and reviews, its live preview and documentation
 * problems. Runs in the caller's transaction, after its access check.
 *
 * @param db - the transaction
 * @param organisationId - the actor's organisation
 * @param noteId - the note
 * @param now - the clock's now (the reference day is its date in the program's time zone)
 * @param group - the group's size when a groups use case knows it
 */
export async function noteResponse(
  db: Kysely<Database>,
  organisationId: string,
  noteId: string,
  now: Date,
  judged: { group?: GroupContext; preview?: NotePreview } = {},
): Promise<NoteResponse> {
  const row = await summaryBase(db, organisationId)
    .where('service_notes.id', '=', noteId)
    .executeTakeFirstOrThrow();
  const fields = fieldsOfRow(row);
  const signedOn = signingDay(row, now);
  const preview =
    judged.preview ??
    (await previewNote(db, organisationId, noteInHand(row, fields, signedOn, judged.group)));
  const late = { dueOn: row.due_on, reasonNeeded: lateReasonNeeded(preview.payerPack, row.due_on, signedOn) };
  return {
    note: await fullNote(db, row, fields, preview, late.reasonNeeded, now),
    preview: preview.preview,
    documentationProblems:
      row.status === 'draft' ? documentationProblems(fields, billingOfPreview(preview), late) : [],
    form: await noteFormOf(db, formNoteOf(row), fields, preview.payerPack),
  };
}

async function fullNote(
  db: Kysely<Database>,
  row: NoteSummaryRow,
  fields: NoteFields,
  preview: NotePreview,
  lateReasonNeeded: boolean,
  now: Date,
): Promise<Note> {
  const addenda = await db
    .selectFrom('note_addenda')
    .innerJoin('users', 'users.id', 'note_addenda.author_id')
    .select([
      'note_addenda.id',
      'note_addenda.author_id',
      'users.display_name',
      'note_addenda.created_at',
      'note_addenda.reason',
      'note_addenda.text',
    ])
    .where('note_addenda.organisation_id', '=', row.organisation_id)
    .where('note_addenda.note_id', '=', row.id)
    .orderBy('note_addenda.created_at')
    .orderBy('note_addenda.id')
    .execute();
  const reviews = await db
    .selectFrom('note_reviews')
    .innerJoin('users', 'users.id', 'note_reviews.reviewer_id')
    .select([
      'note_reviews.id',
      'note_reviews.reviewer_id',
      'users.display_name',
      'note_reviews.action',
      'note_reviews.comment',
      'note_reviews.created_at',
    ])
    .where('note_reviews.organisation_id', '=', row.organisation_id)
    .where('note_reviews.note_id', '=', row.id)
    .orderBy('note_reviews.created_at')
    .orderBy('note_reviews.id')
    .execute();
  const signer =
    row.signed_by === null
      ? undefined
      : await db
          .selectFrom('users')
          .select(['id', 'display_name'])
          .where('organisation_id', '=', row.organisation_id)
          .where('id', '=', row.signed_by)
          .executeTakeFirst();
  return {
    ...toSummary(row, now),
    revision: row.revision,
    fields,
    payerPack: preview.payerPack,
    lateReasonNeeded,
    signedBy: signer === undefined ? null : { id: signer.id, displayName: signer.display_name },
    addenda: addenda.map((entry) => ({
      id: entry.id,
      author: { id: entry.author_id, displayName: entry.display_name },
      createdAt: entry.created_at.toISOString(),
      reason: entry.reason,
      text: entry.text,
    })),
    reviews: reviews.map((entry) => ({
      id: entry.id,
      reviewer: { id: entry.reviewer_id, displayName: entry.display_name },
      action: entry.action,
      comment: entry.comment,
      createdAt: entry.created_at.toISOString(),
    })),
  };
}

/**
 * An autosave's answer: the note's revision, due date and what signing still needs, without judging its claim.
 * Runs in the caller's transaction, after its access check.
 */
export async function savedDraftResponse(
  db: Kysely<Database>,
  organisationId: string,
  noteId: string,
  now: Date,
): Promise<SaveDraftResponse> {
  const row = await summaryBase(db, organisationId)
    .where('service_notes.id', '=', noteId)
    .executeTakeFirstOrThrow();
  const fields = fieldsOfRow(row);
  const signedOn = signingDay(row, now);
  const billing = await billingWithoutJudging(db, row, fields);
  const late = { dueOn: row.due_on, reasonNeeded: lateReasonNeeded(billing.payerPack, row.due_on, signedOn) };
  return {
    revision: row.revision,
    updatedAt: row.updated_at.toISOString(),
    fields,
    dueOn: row.due_on,
    lateReasonNeeded: late.reasonNeeded,
    documentationProblems: documentationProblems(fields, billing, late),
    form: await noteFormOf(db, formNoteOf(row), fields, billing.payerPack),
  };
}
