/**
 * @module services/notes/note-claim
 * The claim of a note in hand — stored, or with unsaved fields on top — judged the one way the billing run
 * judges notes (services/claims): the claim context is loaded for the note's member, the member's signed notes
 * not yet billed that come before it (by date of service, start time, id) are judged first, each claimable
 * line joining the history, and then the note. So the preview a peer sees is what a billing run started now
 * would claim or hold, and signing keeps exactly that.
 *
 * - `signedOn` is the signing date — the day it was signed, or for a draft the day it would be signed on
 *   (today where the program is), so the form shows the claim as signing it now would make it;
 * - a note not signed yet is judged as needing no review: its own review is still to come;
 * - a group attendee's note takes the group's size from the caller when it knows it (`group`).
 */
import type { Kysely } from 'kysely';
import type { ClaimPreview, StaffContext } from '../../shared/api/claims.js';
import type { NoteFields } from '../../shared/api/notes.js';
import type { Problem } from '../../shared/problem.js';
import type { PayerPackId } from '../../shared/programs.js';
import { payerPackName } from '../../engine/index.js';
import type { Database, ServiceNoteRow } from '../../store/index.js';
import {
  historyStartFor,
  judgeInTurn,
  loadClaimContext,
  payerPackOn,
  type GroupContext,
  type Judgement,
  type NoteToJudge,
} from '../claims/index.js';
import { memberClaimContext } from '../members/index.js';
import { calendarDateIn } from '../time/index.js';
import { noteDueOn } from './due-dates.js';
import { fieldProblem } from './problems.js';

/** A note's claim as the notes use cases show and sign it. */
export interface NotePreview {
  /** The pack the note is judged by, or null when the member has no coverage this program bills. */
  payerPack: PayerPackId | null;
  /** The author's credentials on the date of service, when the note was judged (coverage and times). */
  staff: StaffContext | null;
  /** The claim as the payer's rules see it, or null when it cannot be previewed yet (see `missing`). */
  preview: ClaimPreview | null;
  /** Why there is no preview: times not entered, no coverage (paths name the note's fields). */
  missing: Problem[];
}

/**
 * The note as the claim rules judge it.
 *
 * @param note - the stored note
 * @param fields - its fields, or unsaved ones on top of them
 * @param signedOn - the signing date (see the module comment)
 * @param group - the group's size when the caller knows it
 */
export function noteInHand(
  note: ServiceNoteRow,
  fields: NoteFields,
  signedOn: string,
  group?: GroupContext,
): NoteToJudge {
  return {
    id: note.id,
    memberId: note.member_id,
    programId: note.program_id,
    authorId: note.author_id,
    groupSessionId: note.group_session_id,
    reviewStatus: note.status === 'signed' ? note.review_status : 'not_required',
    fields,
    signedOn,
    ...(group === undefined ? {} : { group }),
  };
}

/** "Today" where the program is: the reference day for due dates and the signing date. */
export async function programToday(
  db: Kysely<Database>,
  organisationId: string,
  programId: string,
  now: Date,
): Promise<string> {
  const program = await db
    .selectFrom('programs')
    .select('time_zone')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', programId)
    .executeTakeFirstOrThrow();
  return calendarDateIn(now, program.time_zone);
}

/**
 * Judges a note in hand after the member's earlier unbilled notes. No access check and no audit: the calling
 * use case has done both.
 *
 * @param db - the transaction the use case runs in
 * @param organisationId - the note's organisation
 * @param note - the note, from {@link noteInHand}
 */
export async function judgeNoteInHand(
  db: Kysely<Database>,
  organisationId: string,
  note: NoteToJudge,
): Promise<Judgement> {
  const date = note.fields.dateOfService;
  const context = await loadClaimContext(
    db,
    organisationId,
    [note.memberId],
    { from: historyStartFor(date), to: date },
    { inHand: [note] },
  );
  return judgeInTurn(context, note.id);
}

/** The note's claim as the form shows it: the engine's preview, or why there is none yet. */
export function notePreviewOf(judgement: Judgement): NotePreview {
  const { fields } = judgement.note;
  const missing: Problem[] = [];
  switch (judgement.kind) {
    case 'other_payer':
      throw new Error('a note in hand is judged for every payer');
    case 'no_coverage':
      missing.push(noCoverageProblem(fields.dateOfService, judgement.programPacks));
      missing.push(...missingTimes(fields));
      return { payerPack: null, staff: null, preview: null, missing };
    case 'no_times':
      return { payerPack: judgement.payerPack, staff: null, preview: null, missing: missingTimes(fields) };
    case 'judged':
      return { payerPack: judgement.payerPack, staff: judgement.staff, preview: judgement.preview, missing };
  }
}

/** Judges the note in hand and answers its claim as the form shows it. */
export async function previewNote(
  db: Kysely<Database>,
  organisationId: string,
  note: NoteToJudge,
): Promise<NotePreview> {
  return notePreviewOf(await judgeNoteInHand(db, organisationId, note));
}

function missingTimes(fields: NoteFields): Problem[] {
  const missing: Problem[] = [];
  if (fields.start === null) {
    missing.push(
      fieldProblem('warning', 'note.preview_needs_start', 'Enter the start time to see the claim.', [
        'start',
      ]),
    );
  }
  if (fields.end === null) {
    missing.push(
      fieldProblem('warning', 'note.preview_needs_end', 'Enter the end time to see the claim.', ['end']),
    );
  }
  return missing;
}

/** The form's warning that the member has no coverage the note's program bills on the date. */
export function noCoverageProblem(date: string, packs: readonly PayerPackId[]): Problem {
  const payers = packs.map((id) => payerPackName(id)).join(' or ');
  return fieldProblem(
    'warning',
    'note.no_coverage',
    `The member has no coverage with ${payers} on ${date}, so this service has no claim to preview. Check the date of service, or ask billing staff to record the member’s coverage.`,
    ['dateOfService'],
  );
}

/**
 * The note's due date: the business days its pack gives (the pack chosen as for the preview) after the date of
 * service.
 */
export async function dueOnFor(
  db: Kysely<Database>,
  note: { organisationId: string; memberId: string; programId: string; dateOfService: string },
): Promise<string> {
  const program = await db
    .selectFrom('programs')
    .select('payer_packs')
    .where('organisation_id', '=', note.organisationId)
    .where('id', '=', note.programId)
    .executeTakeFirstOrThrow();
  const member = await memberClaimContext(db, note.organisationId, note.memberId, note.dateOfService);
  return noteDueOn(payerPackOn(member.coverage, program.payer_packs, note.dateOfService), note.dateOfService);
}
