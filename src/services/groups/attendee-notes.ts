/**
 * @module services/groups/attendee-notes
 * The one place the group module touches an attendee's service note. Creating, saving, judging and signing
 * a note is the notes module's work (services/notes), so the same rules apply to a group note as to any
 * other; this file says only what a group note holds — service type `skill_building_group`, activity
 * `skill_building`, the session's date, times, modality and place, the session's Interaction, the topic as
 * the Plan; each attendee's own fields (response, next steps, late reason, identity verified, family
 * coordination, who the service was with, goals …) — and that its author is the group's lead facilitator,
 * who therefore signs it.
 */
import type { Kysely } from 'kysely';
import type { ClaimPreview } from '../../shared/api/claims.js';
import type { AttendeeNoteFields, SaveAttendeeRequest } from '../../shared/api/groups.js';
import type { NoteFields } from '../../shared/api/notes.js';
import type { Problem } from '../../shared/problem.js';
import type { Database, GroupSessionRow, ServiceNoteRow } from '../../store/index.js';
import type { Actor, Clock, ServiceContext } from '../context.js';
import { fieldsOfRow, insertDraftNote, noteResponse, saveDraftIn, signNoteIn } from '../notes/index.js';
import type { GroupContext } from '../claims/index.js';

/** What an attendee's claim preview says, and what signing their note still needs. */
export interface AttendeeJudgement {
  preview: ClaimPreview | null;
  problems: Problem[];
  /** Signing now would be after the due date the payer sets. */
  lateReasonNeeded: boolean;
}

/**
 * The note fields every attendee's note takes from the session; `nextSteps` is the attendee's own (the
 * rest of PIN is the session's: the topic as Plan, the shared Interaction).
 */
export function groupNoteFields(
  group: GroupSessionRow,
  nextSteps: string,
): Pick<
  NoteFields,
  | 'serviceType'
  | 'activity'
  | 'dateOfService'
  | 'start'
  | 'end'
  | 'modality'
  | 'memberLocation'
  | 'placeOfService'
  | 'pin'
> {
  return {
    serviceType: 'skill_building_group',
    activity: 'skill_building',
    dateOfService: group.date_of_service,
    start: group.start_time,
    end: group.end_time,
    modality: group.modality,
    memberLocation: group.member_location,
    placeOfService: group.place_of_service,
    pin: { plan: group.topic, interaction: group.interaction, nextSteps },
  };
}

/**
 * Starts a draft note for a new attendee through the notes module (its access checks, due date and audit
 * row), in the caller's transaction, with the lead facilitator as its author — the caller has checked the
 * actor may change the group (and so document it for its lead).
 */
export async function createAttendeeNote(
  trx: Kysely<Database>,
  ctx: ServiceContext,
  actor: Actor,
  group: GroupSessionRow,
  memberId: string,
  leadId: string,
): Promise<string> {
  return insertDraftNote(trx, ctx.clock, actor, {
    memberId,
    programId: group.program_id,
    groupSessionId: group.id,
    fields: groupNoteFields(group, ''),
    authorId: leadId,
  });
}

/**
 * Copies the session (and its lead as author) into an attendee's draft note, as one new revision, through
 * the notes module's save (its due date for a new date of service, its `note.save` audit row, marked as
 * coming from the group session). The caller holds the group for writing, which is the access check here:
 * the note is the lead's and its member need not be on the actor's caseload.
 */
export async function syncAttendeeNote(
  trx: Kysely<Database>,
  clock: Clock,
  actor: Actor,
  group: GroupSessionRow,
  note: ServiceNoteRow,
  leadId: string,
): Promise<void> {
  await saveDraftIn(
    trx,
    clock,
    actor,
    note.id,
    { revision: note.revision, fields: groupNoteFields(group, note.pin_next_steps) },
    { skipAccessCheck: true, authorId: leadId, via: 'group_session' },
  );
}

/**
 * Saves the attendee's own fields and next steps through the notes module's autosave, in the caller's
 * transaction, so its rules apply (the author only, the revision the writer saw, never over a signed note,
 * goals of the member's own plan).
 * A refused field is named by the note field, as from any other route (`fields.lateReason`,
 * `fields.pin.nextSteps`: the rule of shared/problem.ts).
 */
export async function saveAttendeeParts(
  trx: Kysely<Database>,
  clock: Clock,
  actor: Actor,
  note: ServiceNoteRow,
  request: SaveAttendeeRequest,
): Promise<void> {
  const { revision, nextSteps, ...own } = request;
  const fields: Partial<NoteFields> = {
    ...own,
    ...(nextSteps === undefined
      ? {}
      : { pin: { plan: note.pin_plan, interaction: note.pin_interaction, nextSteps } }),
  };
  await saveDraftIn(trx, clock, actor, note.id, { revision, fields });
}

/** The attendee's own fields of their note, as the group page shows and edits them. */
export function attendeeFieldsOf(note: ServiceNoteRow): AttendeeNoteFields {
  const fields = fieldsOfRow(note);
  return {
    memberResponse: fields.memberResponse,
    recipient: fields.recipient,
    familyRelationToTreatment: fields.familyRelationToTreatment,
    identityVerified: fields.identityVerified,
    familyCoordinationDocumented: fields.familyCoordinationDocumented,
    interventionInPlan: fields.interventionInPlan,
    goalsAddressed: fields.goalsAddressed,
    lateReason: fields.lateReason,
    epsdtJustification: fields.epsdtJustification,
  };
}

/** The attendee's claim preview with the group's size, and what signing the note still needs. */
export async function judgeAttendeeNote(
  db: Kysely<Database>,
  clock: Clock,
  note: ServiceNoteRow,
  size: GroupContext | null,
): Promise<AttendeeJudgement> {
  const response = await noteResponse(
    db,
    note.organisation_id,
    note.id,
    clock.now(),
    size === null ? {} : { group: size },
  );
  return {
    preview: response.preview,
    problems: response.documentationProblems,
    lateReasonNeeded: response.note.lateReasonNeeded,
  };
}

/**
 * Signs one attendee's note through the notes module, in its own transaction, so one blocked attendee does
 * not stop the others.
 *
 * @throws ServiceError when the note cannot be signed, with the problems that say why
 */
export async function signAttendeeNote(
  ctx: ServiceContext,
  actor: Actor,
  note: ServiceNoteRow,
  size: GroupContext | null,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await signNoteIn(trx, ctx.clock, actor, note.id, note.revision, size ?? undefined);
  });
}
