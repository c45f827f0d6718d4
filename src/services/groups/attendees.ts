/**
 * @module services/groups/attendees
 * A group's attendance: adding members (each gets a draft note sharing the session's fields), removing one
 * while nothing is signed, and saving an attendee's own parts of their note — their response and next steps.
 */
import type { Kysely } from 'kysely';
import type { AddAttendeesRequest, GroupSession, SaveAttendeeRequest } from '../../shared/api/groups.js';
import { errorProblem, type Problem } from '../../shared/problem.js';
import type { Database, GroupSessionRow } from '../../store/index.js';
import { isUuid, memberForActor } from '../access/index.js';
import { actorEntry, recordAudit } from '../audit/index.js';
import type { Actor, ServiceContext } from '../context.js';
import { notFound, ServiceError } from '../errors.js';
import { createAttendeeNote, saveAttendeeParts } from './attendee-notes.js';
import { groupForActor } from './group-access.js';
import { assertNothingSigned, attendeeNotesOf, groupView, memberDisplayName } from './group-view.js';

/**
 * Gives each member a draft note in the group. Every member must be one the actor may change, in the
 * group's program, and not attending already; all problems are reported together, by position in
 * `memberIds` (path `body.memberIds.<n>`), and nothing is added unless all can be.
 */
export async function addAttendeeNotes(
  trx: Kysely<Database>,
  ctx: ServiceContext,
  actor: Actor,
  group: GroupSessionRow,
  memberIds: readonly string[],
  authorId: string,
): Promise<void> {
  const attending = new Set((await attendeeNotesOf(trx, group)).map((entry) => entry.note.member_id));
  const problems: Problem[] = [];
  for (const [index, memberId] of memberIds.entries()) {
    const path = ['body', 'memberIds', index];
    const member = await reachableMember(trx, actor, memberId);
    if (member === undefined) {
      problems.push(
        errorProblem('group.member_unknown', 'Choose a member from your caseload or team.', path),
      );
      continue;
    }
    const name = memberDisplayName(member);
    if (attending.has(member.id)) {
      problems.push(errorProblem('group.already_attending', `${name} is already in this group.`, path));
    } else if (!member.active) {
      problems.push(
        errorProblem('group.member_inactive', `${name} is no longer active, so cannot join a group.`, path),
      );
    } else if (member.program_id !== group.program_id) {
      problems.push(
        errorProblem(
          'group.member_other_program',
          `${name} is in another program; a group bills under one program, so add members of this group’s program.`,
          path,
        ),
      );
    }
  }
  if (problems.length > 0) throw new ServiceError('invalid', problems);
  for (const memberId of memberIds) {
    const noteId = await createAttendeeNote(trx, ctx, actor, group, memberId, authorId);
    await recordAudit(
      trx,
      ctx.clock,
      actorEntry(actor, 'group.attendee_add', { type: 'group_session', id: group.id }, 'success', {
        noteId,
      }),
    );
  }
}

export async function addAttendees(
  ctx: ServiceContext,
  actor: Actor,
  groupId: string,
  request: AddAttendeesRequest,
): Promise<GroupSession> {
  return ctx.db.transaction().execute(async (trx) => {
    const group = await groupForActor(trx, actor, groupId, 'write', { forUpdate: true });
    assertNothingSigned((await attendeeNotesOf(trx, group)).map((entry) => entry.note));
    await addAttendeeNotes(trx, ctx, actor, group, request.memberIds, await leadOf(trx, group));
    return groupView(trx, ctx.clock, actor, group, { audit: false });
  });
}

/** Removes an attendee and their draft note; refused once any note of the group is signed. */
export async function removeAttendee(
  ctx: ServiceContext,
  actor: Actor,
  groupId: string,
  memberId: string,
): Promise<GroupSession> {
  return ctx.db.transaction().execute(async (trx) => {
    const group = await groupForActor(trx, actor, groupId, 'write', { forUpdate: true });
    const notes = await attendeeNotesOf(trx, group);
    const attendee = notes.find((entry) => entry.note.member_id === memberId);
    if (attendee === undefined) throw notFound('attendee');
    assertNothingSigned(notes.map((entry) => entry.note));
    await trx
      .deleteFrom('service_notes')
      .where('id', '=', attendee.note.id)
      .where('organisation_id', '=', actor.organisationId)
      .where('status', '=', 'draft')
      .execute();
    await recordAudit(
      trx,
      ctx.clock,
      actorEntry(actor, 'group.attendee_remove', { type: 'group_session', id: group.id }, 'success', {
        noteId: attendee.note.id,
      }),
    );
    await recordAudit(
      trx,
      ctx.clock,
      actorEntry(actor, 'note.delete', { type: 'service_note', id: attendee.note.id }, 'success', {
        via: 'group_session',
        groupSessionId: group.id,
      }),
    );
    return groupView(trx, ctx.clock, actor, group, { audit: false });
  });
}

/**
 * Saves an attendee's response and next steps into their draft note, through the notes module's autosave
 * (so only the note's author — the lead facilitator — saves it, from the revision they saw), and answers the
 * session as it now stands — all in one transaction, so the answer is the save's and a refused save leaves
 * nothing behind.
 */
export async function saveAttendee(
  ctx: ServiceContext,
  actor: Actor,
  groupId: string,
  memberId: string,
  request: SaveAttendeeRequest,
): Promise<GroupSession> {
  return ctx.db.transaction().execute(async (trx) => {
    const group = await groupForActor(trx, actor, groupId, 'write');
    const attendee = (await attendeeNotesOf(trx, group)).find((entry) => entry.note.member_id === memberId);
    if (attendee === undefined) throw notFound('attendee');
    await saveAttendeeParts(trx, ctx.clock, actor, attendee.note, request);
    return groupView(trx, ctx.clock, actor, group, { audit: false });
  });
}

/** The member if the actor may change their record; undefined when out of reach (or not an id). */
async function reachableMember(db: Kysely<Database>, actor: Actor, memberId: string) {
  if (!isUuid(memberId)) return undefined;
  try {
    return await memberForActor(db, actor, memberId, 'write');
  } catch (error) {
    if (error instanceof ServiceError && error.kind === 'not_found') return undefined;
    throw error;
  }
}

async function leadOf(db: Kysely<Database>, group: GroupSessionRow): Promise<string> {
  const lead = await db
    .selectFrom('group_facilitators')
    .select('user_id')
    .where('group_session_id', '=', group.id)
    .where('organisation_id', '=', group.organisation_id)
    .where('role', '=', 'lead')
    .executeTakeFirstOrThrow();
  return lead.user_id;
}
