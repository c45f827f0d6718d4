/**
 * @module services/notes/create
 * Starting a note: a draft for a member the author may write for, in the member's program unless another is
 * named, due the pack's number of business days after the date of service. `insertDraftNote` runs inside a
 * caller's transaction so a group session can start one note per attendee together with the session.
 */
import type { Kysely } from 'kysely';
import type { CreateNoteRequest, NoteFields, NoteResponse } from '../../shared/api/notes.js';
import type { Database } from '../../store/index.js';
import { memberForActor } from '../access/index.js';
import { actorEntry, recordAudit } from '../audit/index.js';
import type { Actor, Clock, ServiceContext } from '../context.js';
import { invalid } from '../errors.js';
import { dueOnFor } from './note-claim.js';
import { columnsOfFields, defaultFields, mergeFields } from '../note-fields/index.js';
import { requireNoteWriter } from './note-access.js';
import { noteResponse } from './note-view.js';
import { checkPlanReferences } from './plan-of-care.js';

export interface DraftNoteInput {
  memberId: string;
  /** Defaults to the member's program. */
  programId?: string | undefined;
  /** The fields to start with; the rest take the draft defaults. */
  fields: Partial<NoteFields> & Pick<NoteFields, 'serviceType' | 'dateOfService'>;
  /** The group session the note belongs to (one note per attendee), or none. */
  groupSessionId?: string | null;
  /**
   * Who the note is by, when not the actor: a group's lead facilitator, who renders the service and signs
   * every attendee's note although a co-facilitator may document the session. Only for callers that have
   * already checked the actor may write for this author (services/groups, through the group's own access
   * rules); the notes module checks only that the actor may write for the member. Defaults to the actor.
   */
  authorId?: string;
}

/**
 * Inserts a draft written by `actor` (or by `input.authorId`), with its `note.create` audit row, in the
 * caller's transaction.
 *
 * @param trx - the transaction (everything rolls back with it)
 * @param clock - the service clock
 * @param actor - who starts the note, and its author unless `input.authorId` names another: a peer,
 *   supervisor or admin who may change the member's record
 * @param input - member, program, first fields, group session and author
 * @returns the new note's id
 * @throws ServiceError `forbidden` for billing staff and clinicians, `not_found` for a member out of reach,
 *   `invalid` (path `body.programId`) for a program not in the organisation, and (paths `fields.goalsAddressed.<n>`,
 *   `fields.planOfCareId`) for goals or a plan version that are not the member's
 */
export async function insertDraftNote(
  trx: Kysely<Database>,
  clock: Clock,
  actor: Actor,
  input: DraftNoteInput,
): Promise<string> {
  requireNoteWriter(actor);
  const member = await memberForActor(trx, actor, input.memberId, 'write');
  const programId = input.programId ?? member.program_id;
  const program = await trx
    .selectFrom('programs')
    .select('id')
    .where('organisation_id', '=', actor.organisationId)
    .where('id', '=', programId)
    .executeTakeFirst();
  if (program === undefined) {
    throw invalid(
      'note.program_not_found',
      'No such program in your organisation. Choose one of its programs.',
      ['body', 'programId'],
    );
  }
  await checkPlanReferences(trx, { organisationId: actor.organisationId, memberId: member.id }, input.fields);
  const fields = mergeFields(defaultFields(input.fields), input.fields);
  const dueOn = await dueOnFor(trx, {
    organisationId: actor.organisationId,
    memberId: member.id,
    programId: program.id,
    dateOfService: fields.dateOfService,
  });
  const now = clock.now();
  const row = await trx
    .insertInto('service_notes')
    .values({
      ...columnsOfFields(fields),
      organisation_id: actor.organisationId,
      member_id: member.id,
      program_id: program.id,
      author_id: input.authorId ?? actor.userId,
      group_session_id: input.groupSessionId ?? null,
      service_type: fields.serviceType,
      date_of_service: fields.dateOfService,
      due_on: dueOn,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(
    trx,
    clock,
    actorEntry(actor, 'note.create', { type: 'service_note', id: row.id }, 'success', {
      memberId: member.id,
      programId: program.id,
      groupSessionId: input.groupSessionId ?? null,
    }),
  );
  return row.id;
}

/** Creates a draft note and answers it with its live preview. */
export async function createNote(
  ctx: ServiceContext,
  actor: Actor,
  request: CreateNoteRequest,
): Promise<NoteResponse> {
  const { memberId, programId, ...fields } = request;
  return ctx.db.transaction().execute(async (trx) => {
    const id = await insertDraftNote(trx, ctx.clock, actor, { memberId, programId, fields });
    return noteResponse(trx, actor.organisationId, id, ctx.clock.now());
  });
}
