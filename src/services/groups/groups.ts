/**
 * @module services/groups/groups
 * Group sessions: what the new-session form offers, the list, one session, creating and changing one.
 * Each change runs in one transaction with its audit rows, and copies the session's fields into every
 * attendee's draft note, so the notes never disagree with their session. Once any attendee's note is
 * signed, the session, its facilitators and its attendance are the record and no longer change.
 */
import type { Kysely } from 'kysely';
import type {
  CreateGroupSessionRequest,
  GroupFacilitatorInput,
  GroupListQuery,
  GroupOptionsResponse,
  GroupSession,
  GroupSessionSummary,
  UpdateGroupSessionRequest,
} from '../../shared/api/groups.js';
import { errorProblem, type Problem } from '../../shared/problem.js';
import type { Role } from '../../shared/roles.js';
import type { Database, GroupSessionRow } from '../../store/index.js';
import { visibleMembers } from '../access/index.js';
import { actorEntry, recordAudit } from '../audit/index.js';
import type { Actor, ServiceContext } from '../context.js';
import { invalid, ServiceError } from '../errors.js';
import { addAttendeeNotes } from './attendees.js';
import { syncAttendeeNote } from './attendee-notes.js';
import { groupForActor, requireGroupWriter, visibleGroups } from './group-access.js';
import { sessionMinutes } from '../claims/index.js';
import {
  assertNothingSigned,
  attendeeNotesOf,
  groupView,
  memberDisplayName,
  statusOf,
  summaryFields,
} from './group-view.js';

/** Roles whose holders can facilitate a group (peer support is delivered by peers and their supervisors). */
const FACILITATOR_ROLES = ['peer', 'supervisor', 'clinician'] as const;

export async function groupOptions(ctx: ServiceContext, actor: Actor): Promise<GroupOptionsResponse> {
  requireGroupWriter(actor);
  return ctx.db.transaction().execute(async (trx) => {
    const programs = await trx
      .selectFrom('programs')
      .select(['id', 'name'])
      .where('organisation_id', '=', actor.organisationId)
      .orderBy('name')
      .execute();
    const facilitators = await trx
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('organisation_id', '=', actor.organisationId)
      .where('active', '=', true)
      .where((eb) => eb.or(FACILITATOR_ROLES.map((role) => eb(eb.val<Role>(role), '=', eb.fn.any('roles')))))
      .orderBy('display_name')
      .execute();
    const members = await trx
      .selectFrom('members')
      .select(['id', 'first_name', 'last_name', 'preferred_name', 'program_id'])
      .where(visibleMembers(actor))
      .where('members.active', '=', true)
      .orderBy('last_name')
      .orderBy('first_name')
      .execute();
    await recordAudit(
      trx,
      ctx.clock,
      actorEntry(actor, 'group.options.read', { type: 'member_list', id: null }, 'success', {
        members: members.length,
      }),
    );
    return {
      programs,
      facilitators: facilitators.map((user) => ({ id: user.id, displayName: user.display_name })),
      members: members.map((member) => ({
        id: member.id,
        displayName: memberDisplayName(member),
        programId: member.program_id,
      })),
    };
  });
}

export async function listGroups(
  ctx: ServiceContext,
  actor: Actor,
  query: GroupListQuery,
): Promise<GroupSessionSummary[]> {
  if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
    throw invalid('group.range_reversed', 'The "from" date is after the "to" date; swap them.', [
      'query',
      'from',
    ]);
  }
  return ctx.db.transaction().execute(async (trx) => {
    let select = trx
      .selectFrom('group_sessions')
      .innerJoin('programs', 'programs.id', 'group_sessions.program_id')
      .selectAll('group_sessions')
      .select('programs.name as program_name')
      .where(visibleGroups(actor));
    if (query.programId !== undefined) {
      select = select.where('group_sessions.program_id', '=', query.programId);
    }
    if (query.from !== undefined) select = select.where('group_sessions.date_of_service', '>=', query.from);
    if (query.to !== undefined) select = select.where('group_sessions.date_of_service', '<=', query.to);
    const rows = await select
      .orderBy('group_sessions.date_of_service', 'desc')
      .orderBy('group_sessions.start_time', 'desc')
      .orderBy('group_sessions.id')
      .limit(query.limit)
      .execute();
    const ids = rows.map((row) => row.id);
    const notes =
      ids.length === 0
        ? []
        : await trx
            .selectFrom('service_notes')
            .select(['group_session_id', 'status'])
            .where('organisation_id', '=', actor.organisationId)
            .where('group_session_id', 'in', ids)
            .execute();
    const leads =
      ids.length === 0
        ? []
        : await trx
            .selectFrom('group_facilitators')
            .innerJoin('users', 'users.id', 'group_facilitators.user_id')
            .select(['group_facilitators.group_session_id', 'users.id', 'users.display_name'])
            .where('group_facilitators.organisation_id', '=', actor.organisationId)
            .where('group_facilitators.group_session_id', 'in', ids)
            .where('group_facilitators.role', '=', 'lead')
            .execute();
    await recordAudit(
      trx,
      ctx.clock,
      actorEntry(actor, 'group.list', { type: 'group_session', id: null }, 'success', {
        count: rows.length,
      }),
    );
    return rows.map(({ program_name, ...group }) => {
      const own = notes.filter((note) => note.group_session_id === group.id);
      const lead = leads.find((entry) => entry.group_session_id === group.id);
      return summaryFields(
        group,
        { id: group.program_id, name: program_name },
        statusOf(own),
        own.length,
        lead === undefined ? undefined : { userId: lead.id, displayName: lead.display_name },
      );
    });
  });
}

export async function getGroup(ctx: ServiceContext, actor: Actor, groupId: string): Promise<GroupSession> {
  return ctx.db.transaction().execute(async (trx) => {
    const group = await groupForActor(trx, actor, groupId, 'read');
    return groupView(trx, ctx.clock, actor, group, { audit: true });
  });
}

export async function createGroup(
  ctx: ServiceContext,
  actor: Actor,
  request: CreateGroupSessionRequest,
): Promise<GroupSession> {
  requireGroupWriter(actor);
  return ctx.db.transaction().execute(async (trx) => {
    const program = await trx
      .selectFrom('programs')
      .select('id')
      .where('id', '=', request.programId)
      .where('organisation_id', '=', actor.organisationId)
      .executeTakeFirst();
    if (program === undefined) {
      throw invalid('group.program_unknown', 'Choose one of your organisation’s programs.', [
        'body',
        'programId',
      ]);
    }
    throwIfProblems([
      ...timeProblems(request.start, request.end),
      ...(await facilitatorProblems(trx, actor, request.facilitators, request.start, request.end)),
    ]);
    const now = ctx.clock.now();
    const group = await trx
      .insertInto('group_sessions')
      .values({
        organisation_id: actor.organisationId,
        program_id: request.programId,
        topic: request.topic,
        date_of_service: request.dateOfService,
        start_time: request.start,
        end_time: request.end,
        modality: request.modality,
        member_location: request.memberLocation,
        place_of_service: request.placeOfService,
        interaction: request.interaction,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await insertFacilitators(trx, group, request.facilitators);
    await recordAudit(
      trx,
      ctx.clock,
      actorEntry(actor, 'group.create', { type: 'group_session', id: group.id }, 'success', {
        facilitators: request.facilitators.length,
        attendees: request.memberIds.length,
      }),
    );
    await addAttendeeNotes(trx, ctx, actor, group, request.memberIds, leadOf(request.facilitators));
    return groupView(trx, ctx.clock, actor, group, { audit: false });
  });
}

export async function updateGroup(
  ctx: ServiceContext,
  actor: Actor,
  groupId: string,
  request: UpdateGroupSessionRequest,
): Promise<GroupSession> {
  return ctx.db.transaction().execute(async (trx) => {
    const current = await groupForActor(trx, actor, groupId, 'write', { forUpdate: true });
    const notes = await attendeeNotesOf(trx, current);
    assertNothingSigned(notes.map((entry) => entry.note));
    const start = request.start === undefined ? current.start_time : request.start;
    const end = request.end === undefined ? current.end_time : request.end;
    const facilitators = request.facilitators ?? (await storedFacilitators(trx, current));
    throwIfProblems([
      ...timeProblems(start, end),
      ...(request.facilitators === undefined && request.start === undefined && request.end === undefined
        ? []
        : await facilitatorProblems(
            trx,
            actor,
            facilitators,
            start,
            end,
            request.facilitators === undefined,
          )),
    ]);
    const group = await trx
      .updateTable('group_sessions')
      .set({
        ...(request.topic === undefined ? {} : { topic: request.topic }),
        ...(request.dateOfService === undefined ? {} : { date_of_service: request.dateOfService }),
        ...(request.start === undefined ? {} : { start_time: request.start }),
        ...(request.end === undefined ? {} : { end_time: request.end }),
        ...(request.modality === undefined ? {} : { modality: request.modality }),
        ...(request.memberLocation === undefined ? {} : { member_location: request.memberLocation }),
        ...(request.placeOfService === undefined ? {} : { place_of_service: request.placeOfService }),
        ...(request.interaction === undefined ? {} : { interaction: request.interaction }),
        updated_at: ctx.clock.now(),
      })
      .where('id', '=', current.id)
      .where('organisation_id', '=', actor.organisationId)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (request.facilitators !== undefined) {
      await trx.deleteFrom('group_facilitators').where('group_session_id', '=', group.id).execute();
      await insertFacilitators(trx, group, request.facilitators);
    }
    const lead = leadOf(facilitators);
    for (const { note } of notes) {
      await syncAttendeeNote(trx, ctx.clock, actor, group, note, lead);
    }
    await recordAudit(
      trx,
      ctx.clock,
      actorEntry(actor, 'group.update', { type: 'group_session', id: group.id }, 'success', {
        fields: Object.keys(request),
        notesUpdated: notes.length,
      }),
    );
    return groupView(trx, ctx.clock, actor, group, { audit: false });
  });
}

function leadOf(facilitators: readonly GroupFacilitatorInput[]): string {
  const lead = facilitators.find((facilitator) => facilitator.role === 'lead');
  if (lead === undefined) {
    // The request schema insists on one lead; stored sessions always have one.
    throw new Error('group session without a lead facilitator');
  }
  return lead.userId;
}

async function storedFacilitators(
  db: Kysely<Database>,
  group: GroupSessionRow,
): Promise<GroupFacilitatorInput[]> {
  const rows = await db
    .selectFrom('group_facilitators')
    .select(['user_id', 'role', 'minutes'])
    .where('group_session_id', '=', group.id)
    .where('organisation_id', '=', group.organisation_id)
    .execute();
  return rows.map((row) => ({ userId: row.user_id, role: row.role, minutes: row.minutes }));
}

/** Inserts a session's facilitators (the session's organisation scopes them). */
export async function insertFacilitators(
  db: Kysely<Database>,
  group: GroupSessionRow,
  facilitators: readonly GroupFacilitatorInput[],
): Promise<void> {
  await db
    .insertInto('group_facilitators')
    .values(
      facilitators.map((facilitator) => ({
        organisation_id: group.organisation_id,
        group_session_id: group.id,
        user_id: facilitator.userId,
        role: facilitator.role,
        minutes: facilitator.minutes,
      })),
    )
    .execute();
}

function timeProblems(start: string | null, end: string | null): Problem[] {
  if (start !== null && end !== null && sessionMinutes(start, end) === null) {
    return [
      errorProblem(
        'group.end_before_start',
        'The end time must be after the start time (a group cannot run past midnight).',
        ['body', 'end'],
      ),
    ];
  }
  return [];
}

/**
 * Each facilitator must be an active user of the organisation who delivers peer support, present no longer
 * than the session lasted. `stored` says the facilitators come from the database (a change of times only),
 * so a problem names the times rather than a facilitator row the request did not send.
 */
async function facilitatorProblems(
  db: Kysely<Database>,
  actor: Actor,
  facilitators: readonly GroupFacilitatorInput[],
  start: string | null,
  end: string | null,
  stored = false,
): Promise<Problem[]> {
  const users = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'roles', 'active'])
    .where('organisation_id', '=', actor.organisationId)
    .where(
      'id',
      'in',
      facilitators.map((facilitator) => facilitator.userId),
    )
    .execute();
  const length = sessionMinutes(start, end);
  const problems: Problem[] = [];
  facilitators.forEach((facilitator, index) => {
    const user = users.find((candidate) => candidate.id === facilitator.userId);
    const path = ['body', 'facilitators', index];
    if (user === undefined) {
      problems.push(
        errorProblem('group.facilitator_unknown', 'Choose a facilitator from your organisation’s staff.', [
          ...path,
          'userId',
        ]),
      );
      return;
    }
    if (!user.active || !user.roles.some((role) => (FACILITATOR_ROLES as readonly string[]).includes(role))) {
      problems.push(
        errorProblem(
          'group.facilitator_not_staff',
          `${user.display_name} cannot facilitate a group: choose an active peer, supervisor or clinician.`,
          [...path, 'userId'],
        ),
      );
    }
    if (length !== null && facilitator.minutes > length) {
      problems.push(
        errorProblem(
          'group.facilitator_minutes_over',
          `${user.display_name} is down for ${facilitator.minutes} minutes, but the group lasted ${length}. Enter the minutes they were present, at most ${length}.`,
          stored ? ['body', 'end'] : [...path, 'minutes'],
        ),
      );
    }
  });
  return problems;
}

function throwIfProblems(problems: Problem[]): void {
  if (problems.length > 0) throw new ServiceError('invalid', problems);
}
