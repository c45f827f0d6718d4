/**
 * @module services/notes/sign
 * Signing: the author's signature locks the note (the database refuses any later change to its content).
 * Signing checks that the record is complete — times with the end after the start, every PIN part, where the
 * member was for telehealth, identity verified for audio-only, how a family-only service relates to treatment,
 * a late reason when signed after a due date the payer sets — and that the author's certification is current on the date
 * of service when the note bills. It keeps what the engine decided at that moment (code, units, amount).
 *
 * Review: a signed note goes to supervisor review ('pending') when its author has an assigned supervisor or
 * is a peer — peers' notes are always reviewed, by an admin when no supervisor is assigned yet; notes of
 * unsupervised supervisors and admins need no review ('not_required').
 */
import type { Kysely } from 'kysely';
import type { NoteResponse, SignNoteRequest } from '../../shared/api/notes.js';
import type { ReviewStatus } from '../../shared/documentation.js';
import type { Database } from '../../store/index.js';
import { actorEntry, recordAudit } from '../audit/index.js';
import type { Actor, Clock, ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';
import { certificationBlocker } from '../staff/index.js';
import type { GroupContext } from '../claims/index.js';
import { judgeNoteInHand, noteInHand, notePreviewOf, programToday, type NotePreview } from './note-claim.js';
import { lateReasonNeeded } from './due-dates.js';
import { fieldsOfRow } from '../note-fields/index.js';
import { noteForActor, requireAuthor, updateNote } from './note-access.js';
import { noteResponse } from './note-view.js';
import { pinProblems } from './language.js';
import { asRequestErrors, signingProblems } from './problems.js';
import { refuseIfSigned, refuseIfStale } from './save.js';

/**
 * Signs the note in the caller's transaction, with its `note.sign` audit row.
 *
 * @param trx - the transaction
 * @param clock - the service clock (the signing date is its date in the program's time zone)
 * @param actor - the author
 * @param noteId - the note
 * @param revision - the revision the author saw
 * @param group - the group's size, when a group use case signs its attendees' notes
 * @throws ServiceError `invalid` (400) with every missing field (paths `fields.…`); `conflict` (409) when
 *   the note is signed already or has moved past `revision`, or when the author's certification is not
 *   current on the date of service of a billable note (the reason shown, citing the pack's rule);
 *   `forbidden` for anyone but the author
 */
export async function signNoteIn(
  trx: Kysely<Database>,
  clock: Clock,
  actor: Actor,
  noteId: string,
  revision: number,
  group?: GroupContext,
): Promise<NotePreview> {
  const note = await noteForActor(trx, actor, noteId, { forUpdate: true });
  refuseIfSigned(note);
  requireAuthor(actor, note, 'sign this note');
  refuseIfStale(note, revision);
  const now = clock.now();
  const signedOn = await programToday(trx, actor.organisationId, note.program_id, now);
  const fields = fieldsOfRow(note);
  const judged = notePreviewOf(
    await judgeNoteInHand(trx, actor.organisationId, noteInHand(note, fields, signedOn, group)),
  );
  const { preview, staff, payerPack } = judged;
  const late = { dueOn: note.due_on, reasonNeeded: lateReasonNeeded(payerPack, note.due_on, signedOn) };
  const missing = [...signingProblems(fields, late), ...pinProblems(fields)];
  if (missing.length > 0) {
    throw new ServiceError('invalid', asRequestErrors(missing));
  }
  const line = preview?.lines[0];
  if (line !== undefined && staff !== null) {
    const blocker = certificationBlocker(staff, note.date_of_service, payerPack ?? undefined);
    if (blocker !== null) throw new ServiceError('conflict', [blocker]);
  }
  const reviewStatus = await reviewStatusOnSigning(trx, actor);
  await updateNote(trx, note, {
    status: 'signed',
    signed_at: now,
    signed_by: actor.userId,
    signed_code: line?.code ?? null,
    signed_units: line?.units ?? null,
    signed_amount_cents: line?.chargeCents ?? null,
    review_status: reviewStatus,
    updated_at: now,
  });
  await recordAudit(
    trx,
    clock,
    actorEntry(actor, 'note.sign', { type: 'service_note', id: note.id }, 'success', {
      revision,
      code: line?.code ?? null,
      units: line?.units ?? null,
      billable: preview?.billable ?? false,
      reviewStatus,
      late: signedOn > note.due_on,
    }),
  );
  return judged;
}

/** Signs the note the author saw at `revision` and answers it, now locked. */
export async function signNote(
  ctx: ServiceContext,
  actor: Actor,
  noteId: string,
  request: SignNoteRequest,
): Promise<NoteResponse> {
  return ctx.db.transaction().execute(async (trx) => {
    // The answer shows the claim as signing judged it, without judging it again.
    const preview = await signNoteIn(trx, ctx.clock, actor, noteId, request.revision);
    return noteResponse(trx, actor.organisationId, noteId, ctx.clock.now(), { preview });
  });
}

/** See the module comment: peers and supervised authors go to review. */
async function reviewStatusOnSigning(trx: Kysely<Database>, author: Actor): Promise<ReviewStatus> {
  if (author.roles.includes('peer')) return 'pending';
  const profile = await trx
    .selectFrom('staff_profiles')
    .select('supervisor_id')
    .where('organisation_id', '=', author.organisationId)
    .where('user_id', '=', author.userId)
    .executeTakeFirst();
  return (profile?.supervisor_id ?? null) === null ? 'not_required' : 'pending';
}
