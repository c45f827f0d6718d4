/**
 * @module services/demo-data/demo-groups
 * A synthetic group session for the demo: today's "Budgeting for the month" group in one program, led by the
 * demo peer with a co-facilitator for half of it, three members attending. The shared Interaction is written
 * and two attendees have their response and next steps; the third's are still to write, so the demo shows
 * both an attendee ready to sign and one whose note signing holds back. Each attendee's note is a draft
 * authored by the lead. Text is generic, never about a real person.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../store/index.js';
import { recordAudit, type AuditEntry } from '../audit/index.js';
import { systemClock, type Clock } from '../context.js';
import { groupNoteFields, insertFacilitators } from '../groups/index.js';
import { columnsOfFields, defaultFields, dueOnFor } from '../notes/index.js';
import { calendarDateIn } from '../time/index.js';

const TOPIC = 'Budgeting for the month';
const INTERACTION =
  'The group filled in a monthly budget worksheet together. Each person listed their fixed costs, then we talked through ways to plan for a surprise bill.';

/** Each attendee's own part, in attendance order; the last is left for the peer to write. */
const RESPONSES: readonly { memberResponse: string; nextSteps: string }[] = [
  {
    memberResponse:
      'Said the worksheet made the month feel less overwhelming and shared a tip about bus passes.',
    nextSteps: 'Fill in the worksheet for December and bring it to next week’s group.',
  },
  {
    memberResponse: 'Listened for most of the group, then asked how to set aside money for a phone bill.',
    nextSteps: 'Open a savings envelope for the phone bill this week.',
  },
  { memberResponse: '', nextSteps: '' },
];

/**
 * Inserts the demo group session and one draft note per attendee, in the caller's transaction.
 *
 * @param trx - the demo-data transaction
 * @param organisationId - the demo organisation
 * @param programId - the program the group is billed under (its members attend)
 * @param memberIds - the attendees, usually three
 * @param facilitatorIds - the lead first (the notes' author), then any co-facilitators
 * @param clock - "now" for the demo (the group was this morning, in the program's time zone)
 * @returns the group session's id
 */
export async function createDemoGroup(
  trx: Kysely<Database>,
  organisationId: string,
  programId: string,
  memberIds: readonly string[],
  facilitatorIds: readonly string[],
  clock: Clock = systemClock,
): Promise<string> {
  const [leadId, ...coFacilitatorIds] = facilitatorIds;
  if (leadId === undefined) throw new Error('a demo group needs a lead facilitator');
  const program = await trx
    .selectFrom('programs')
    .select('time_zone')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', programId)
    .executeTakeFirstOrThrow();
  const now = clock.now();
  const group = await trx
    .insertInto('group_sessions')
    .values({
      organisation_id: organisationId,
      program_id: programId,
      topic: TOPIC,
      date_of_service: calendarDateIn(now, program.time_zone),
      start_time: '10:00',
      end_time: '11:00',
      modality: 'in_person',
      member_location: null,
      place_of_service: '11',
      interaction: INTERACTION,
      created_by: leadId,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await insertFacilitators(trx, group, [
    { userId: leadId, role: 'lead', minutes: 60 },
    ...coFacilitatorIds.map((userId) => ({ userId, role: 'co_facilitator' as const, minutes: 30 })),
  ]);
  await recordAudit(trx, clock, systemEntry(organisationId, 'group.create', 'group_session', group.id));
  for (const [index, memberId] of memberIds.entries()) {
    const own = RESPONSES[index % RESPONSES.length] ?? { memberResponse: '', nextSteps: '' };
    const fields = {
      ...defaultFields({ serviceType: 'skill_building_group', dateOfService: group.date_of_service }),
      ...groupNoteFields(group, own.nextSteps),
      memberResponse: own.memberResponse,
    };
    const note = await trx
      .insertInto('service_notes')
      .values({
        ...columnsOfFields(fields),
        organisation_id: organisationId,
        member_id: memberId,
        program_id: programId,
        author_id: leadId,
        group_session_id: group.id,
        service_type: fields.serviceType,
        date_of_service: fields.dateOfService,
        due_on: await dueOnFor(trx, {
          organisationId,
          memberId,
          programId,
          dateOfService: fields.dateOfService,
        }),
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, clock, systemEntry(organisationId, 'note.create', 'service_note', note.id));
  }
  return group.id;
}

function systemEntry(
  organisationId: string,
  action: string,
  recordType: string,
  recordId: string,
): AuditEntry {
  return {
    organisationId,
    userId: null,
    userEmail: null,
    action,
    recordType,
    recordId,
    ip: null,
    outcome: 'success',
    details: { via: 'demo-data' },
  };
}
