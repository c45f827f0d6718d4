/**
 * @module services/groups/group-view
 * Reads a group session as the API shows it: the session, its facilitators and FTE, and each attendee's
 * note with the payer rules' judgement of it (the claim preview with the group's size). Reading a group
 * reads every attendee's note, so each read is audited per note as well as for the group.
 */
import type { Kysely } from 'kysely';
import type {
  GroupAttendee,
  GroupSession,
  GroupSessionSummary,
  GroupStatus,
} from '../../shared/api/groups.js';
import type { Database, GroupSessionRow, ServiceNoteRow } from '../../store/index.js';
import { actorEntry, recordAudit } from '../audit/index.js';
import type { Actor, Clock } from '../context.js';
import { conflict } from '../errors.js';
import { attendeeFieldsOf, judgeAttendeeNote } from './attendee-notes.js';
import { canWriteGroups } from './group-access.js';
import { facilitatorFte, groupOfService } from '../claims/index.js';

export interface FacilitatorView {
  userId: string;
  displayName: string;
  role: 'lead' | 'co_facilitator';
  minutes: number;
}

export interface AttendeeNote {
  note: ServiceNoteRow;
  memberName: string;
}

/** How a member is named on group pages: the name they go by, then their last name. */
export function memberDisplayName(member: {
  first_name: string;
  last_name: string;
  preferred_name: string | null;
}): string {
  return `${member.preferred_name ?? member.first_name} ${member.last_name}`;
}

export async function facilitatorsOf(
  db: Kysely<Database>,
  group: GroupSessionRow,
): Promise<FacilitatorView[]> {
  const rows = await db
    .selectFrom('group_facilitators')
    .innerJoin('users', 'users.id', 'group_facilitators.user_id')
    .select([
      'group_facilitators.user_id',
      'users.display_name',
      'group_facilitators.role',
      'group_facilitators.minutes',
    ])
    .where('group_facilitators.group_session_id', '=', group.id)
    .where('group_facilitators.organisation_id', '=', group.organisation_id)
    .orderBy('group_facilitators.role', 'desc')
    .orderBy('users.display_name')
    .execute();
  return rows.map((row) => ({
    userId: row.user_id,
    displayName: row.display_name,
    role: row.role,
    minutes: row.minutes,
  }));
}

/** The attendees' notes, by member name. */
export async function attendeeNotesOf(db: Kysely<Database>, group: GroupSessionRow): Promise<AttendeeNote[]> {
  const rows = await db
    .selectFrom('service_notes')
    .innerJoin('members', 'members.id', 'service_notes.member_id')
    .selectAll('service_notes')
    .select(['members.first_name', 'members.last_name', 'members.preferred_name'])
    .where('service_notes.group_session_id', '=', group.id)
    .where('service_notes.organisation_id', '=', group.organisation_id)
    .orderBy('members.last_name')
    .orderBy('members.first_name')
    .orderBy('service_notes.id')
    .execute();
  return rows.map(({ first_name, last_name, preferred_name, ...note }) => ({
    note,
    memberName: memberDisplayName({ first_name, last_name, preferred_name }),
  }));
}

export function statusOf(notes: readonly { status: 'draft' | 'signed' }[]): GroupStatus {
  const signed = notes.filter((note) => note.status === 'signed').length;
  if (signed === 0) return 'draft';
  return signed === notes.length ? 'signed' : 'partly_signed';
}

/** Refuses a change once any attendee's note is signed: the session is then part of a legal record. */
export function assertNothingSigned(notes: readonly { status: 'draft' | 'signed' }[]): void {
  const signed = notes.filter((note) => note.status === 'signed').length;
  if (signed > 0) {
    throw conflict(
      'group.signed',
      `${signed} of the ${notes.length} attendees’ notes are signed, so the session and its attendance can no longer change. Correct a signed note with an addendum.`,
      [],
    );
  }
}

/**
 * The whole group as the API shows it, with every attendee's claim preview. Audits the read of the group
 * and of each attendee's note, in `db` (the caller's transaction when there is one).
 */
export async function groupView(
  db: Kysely<Database>,
  clock: Clock,
  actor: Actor,
  group: GroupSessionRow,
  options: { audit: boolean },
): Promise<GroupSession> {
  const [program, creator, facilitators, attendees] = await Promise.all([
    programOf(db, group),
    db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('id', '=', group.created_by)
      .executeTakeFirstOrThrow(),
    facilitatorsOf(db, group),
    attendeeNotesOf(db, group),
  ]);
  const minutes = facilitators.map((facilitator) => facilitator.minutes);
  const size = groupOfService(attendees.length, minutes, group.start_time, group.end_time);
  const attendeeViews: GroupAttendee[] = [];
  for (const attendee of attendees) {
    const judged = await judgeAttendeeNote(db, clock, attendee.note, size);
    attendeeViews.push({
      member: { id: attendee.note.member_id, displayName: attendee.memberName },
      noteId: attendee.note.id,
      noteStatus: attendee.note.status,
      revision: attendee.note.revision,
      fields: attendeeFieldsOf(attendee.note),
      nextSteps: attendee.note.pin_next_steps,
      dueOn: attendee.note.due_on,
      lateReasonNeeded: judged.lateReasonNeeded,
      signedAt: attendee.note.signed_at?.toISOString() ?? null,
      preview: judged.preview,
      problems: judged.problems,
    });
  }
  if (options.audit) {
    await recordAudit(
      db,
      clock,
      actorEntry(actor, 'group.read', { type: 'group_session', id: group.id }, 'success', {
        attendees: attendees.length,
      }),
    );
    for (const attendee of attendees) {
      await recordAudit(
        db,
        clock,
        actorEntry(actor, 'note.read', { type: 'service_note', id: attendee.note.id }, 'success', {
          via: 'group_session',
          groupSessionId: group.id,
        }),
      );
    }
  }
  const status = statusOf(attendees.map((attendee) => attendee.note));
  const lead = facilitators.find((facilitator) => facilitator.role === 'lead');
  return {
    ...summaryFields(group, program, status, attendees.length, lead),
    memberLocation: group.member_location,
    placeOfService: group.place_of_service,
    interaction: group.interaction,
    facilitators: facilitators.map((facilitator) => ({
      user: { id: facilitator.userId, displayName: facilitator.displayName },
      role: facilitator.role,
      minutes: facilitator.minutes,
    })),
    facilitatorFte: facilitatorFte(minutes, group.start_time, group.end_time),
    createdBy: { id: creator.id, displayName: creator.display_name },
    createdAt: group.created_at.toISOString(),
    attendees: attendeeViews,
    editable: canWriteGroups(actor) && status === 'draft',
  };
}

export function summaryFields(
  group: GroupSessionRow,
  program: { id: string; name: string },
  status: GroupStatus,
  attendeeCount: number,
  lead: { userId: string; displayName: string } | undefined,
): GroupSessionSummary {
  return {
    id: group.id,
    program,
    topic: group.topic,
    dateOfService: group.date_of_service,
    start: group.start_time,
    end: group.end_time,
    modality: group.modality,
    status,
    attendeeCount,
    lead: lead === undefined ? null : { id: lead.userId, displayName: lead.displayName },
    updatedAt: group.updated_at.toISOString(),
  };
}

async function programOf(
  db: Kysely<Database>,
  group: GroupSessionRow,
): Promise<{ id: string; name: string }> {
  return db
    .selectFrom('programs')
    .select(['id', 'name'])
    .where('id', '=', group.program_id)
    .where('organisation_id', '=', group.organisation_id)
    .executeTakeFirstOrThrow();
}
