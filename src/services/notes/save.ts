/**
 * @module services/notes/save
 * Autosave and the live preview of unsaved fields. A save names the revision it started from: if the note has
 * moved on (another tab or device saved first) it is refused with 409 rather than overwriting, and a signed
 * note is never saved over — it changes only by addenda.
 */
import type { Kysely } from 'kysely';
import type { ClaimPreview } from '../../shared/api/claims.js';
import type { PreviewDraftRequest, SaveDraftRequest, SaveDraftResponse } from '../../shared/api/notes.js';
import type { Database, ServiceNoteRow } from '../../store/index.js';
import { actorEntry, recordAudit } from '../audit/index.js';
import type { Actor, Clock, ServiceContext } from '../context.js';
import { conflict, ServiceError } from '../errors.js';
import { dueOnFor, noteInHand, previewNote, programToday } from './note-claim.js';
import { columnsOfFields, fieldsOfRow, mergeFields } from '../note-fields/index.js';
import { lockedNoteOfOrganisation, noteForActor, requireAuthor, updateNote } from './note-access.js';
import { savedDraftResponse } from './note-view.js';
import { checkPlanReferences } from './plan-of-care.js';
import { asRequestErrors } from './problems.js';

/** Refuses any change to a signed note, in the words the form shows. */
export function refuseIfSigned(note: ServiceNoteRow): void {
  if (note.status === 'signed') {
    throw conflict(
      'note.signed',
      'This note is signed, and signed notes are changed by addenda. Reload to see it, then add an addendum.',
      ['params', 'id'],
    );
  }
}

/** Refuses a change made from an out-of-date copy of the note. */
export function refuseIfStale(note: ServiceNoteRow, revision: number): void {
  if (note.revision !== revision) {
    throw conflict(
      'note.stale_revision',
      'This note was changed in another tab or on another device since you opened it. Reload to see the latest version, then make your change again.',
      ['body', 'revision'],
    );
  }
}

/** How a caller other than the note's own form saves a draft inside its transaction. */
export interface SaveDraftOptions {
  /**
   * The caller has already decided, by its own rules, that the actor may change this draft, so the note is
   * found by organisation and id rather than through the actor's reach, and need not be the actor's own. Only
   * services/groups sets it: whoever may change a group keeps every attendee's note in step with the session,
   * though the notes are the lead facilitator's and the attendees need not be on the actor's caseload.
   */
  skipAccessCheck?: boolean;
  /**
   * Makes this user the note's author (a group's lead facilitator, after the facilitators change). Only for
   * callers that have checked the actor may write for them, as for `DraftNoteInput.authorId`.
   */
  authorId?: string;
  /** Where the save came from, for its audit row (`'group_session'`, recorded with the note's group). */
  via?: string;
}

/**
 * Saves the fields that changed since `revision` in the caller's transaction, with the due date following
 * a new date of service and the `note.save` audit row: the one save path for the form and group sessions.
 *
 * @param trx - the transaction (everything rolls back with it)
 * @param clock - the service clock
 * @param actor - the note's author, unless `options.skipAccessCheck`
 * @param noteId - the note
 * @param request - the revision the writer saw and the fields that changed
 * @param options - see `SaveDraftOptions`
 * @throws ServiceError `conflict` (409): the note is signed (`note.signed`) or has moved past `revision`
 *   (`note.stale_revision`); `forbidden`: not the author; `not_found`: out of reach; `invalid`: goals or a
 *   plan version that are not the member's (`fields.goalsAddressed.<n>`, `fields.planOfCareId`)
 */
export async function saveDraftIn(
  trx: Kysely<Database>,
  clock: Clock,
  actor: Actor,
  noteId: string,
  request: SaveDraftRequest,
  options: SaveDraftOptions = {},
): Promise<void> {
  const callerChecked = options.skipAccessCheck === true;
  const note = callerChecked
    ? await lockedNoteOfOrganisation(trx, actor.organisationId, noteId)
    : await noteForActor(trx, actor, noteId, { forUpdate: true });
  refuseIfSigned(note);
  if (!callerChecked) requireAuthor(actor, note, 'change this draft');
  refuseIfStale(note, request.revision);
  const changes = request.fields;
  await checkPlanReferences(trx, memberOf(note), changes);
  const dueOn =
    changes.dateOfService === undefined || changes.dateOfService === note.date_of_service
      ? note.due_on
      : await dueOnFor(trx, {
          organisationId: actor.organisationId,
          memberId: note.member_id,
          programId: note.program_id,
          dateOfService: changes.dateOfService,
        });
  await updateNote(trx, note, {
    ...columnsOfFields(changes),
    due_on: dueOn,
    ...(options.authorId === undefined ? {} : { author_id: options.authorId }),
    revision: note.revision + 1,
    updated_at: clock.now(),
  });
  await recordAudit(
    trx,
    clock,
    actorEntry(actor, 'note.save', { type: 'service_note', id: note.id }, 'success', {
      ...(options.via === undefined ? {} : { via: options.via, groupSessionId: note.group_session_id }),
      fields: Object.keys(changes),
      revision: note.revision + 1,
    }),
  );
}

/**
 * Saves the fields that changed since `revision` and answers the note's next revision with what signing it
 * still needs. It does not judge the claim: the form previews that while the peer types.
 *
 * @throws ServiceError as `saveDraftIn`
 */
export async function saveDraft(
  ctx: ServiceContext,
  actor: Actor,
  noteId: string,
  request: SaveDraftRequest,
): Promise<SaveDraftResponse> {
  return ctx.db.transaction().execute(async (trx) => {
    await saveDraftIn(trx, ctx.clock, actor, noteId, request);
    return savedDraftResponse(trx, actor.organisationId, noteId, ctx.clock.now());
  });
}

/**
 * The claim preview of the note with `fields` in place of the saved ones; nothing is saved (the read is
 * audited as `note.preview`).
 *
 * @throws ServiceError `invalid` naming the fields a preview needs (start, end) or the missing coverage, or
 *   goals or a plan version that are not the member's; `conflict` for a signed note
 */
export async function previewDraft(
  ctx: ServiceContext,
  actor: Actor,
  noteId: string,
  request: PreviewDraftRequest,
): Promise<ClaimPreview> {
  return ctx.db.transaction().execute(async (trx) => {
    const note = await noteForActor(trx, actor, noteId);
    refuseIfSigned(note);
    await checkPlanReferences(trx, memberOf(note), request.fields);
    const today = await programToday(trx, actor.organisationId, note.program_id, ctx.clock.now());
    const result = await previewNote(
      trx,
      actor.organisationId,
      noteInHand(note, mergeFields(fieldsOfRow(note), request.fields), today),
    );
    await recordAudit(
      trx,
      ctx.clock,
      actorEntry(actor, 'note.preview', { type: 'service_note', id: note.id }),
    );
    if (result.preview === null) {
      throw new ServiceError('invalid', asRequestErrors(result.missing));
    }
    return result.preview;
  });
}

function memberOf(note: ServiceNoteRow): { organisationId: string; memberId: string } {
  return { organisationId: note.organisation_id, memberId: note.member_id };
}
