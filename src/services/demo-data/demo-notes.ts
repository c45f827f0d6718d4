/**
 * @module services/demo-data/demo-notes
 * Synthetic service notes for the demo caseload, so every notes page has something to show: signed notes
 * (one co-signed, some waiting in the supervisor's review queue, one returned with a comment), a draft from
 * today still being written, and one draft well past its due date for the overdue list; and for each Los
 * Angeles member with notes, a co-signed Plan of Care note documenting their approved plan, before all their
 * other notes (LA County SAPC bills the Plan of Care as the first progress note, and holds any service dated
 * before it). Each signed note keeps what the payer rules decided for it (code, units, amount), judged by the
 * same preview the form uses. PIN text is generic recovery coaching, never about a real person; dates are
 * relative to the clock's today.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { addDays } from '../../engine/index.js';
import type { NoteFields } from '../../shared/api/notes.js';
import type { ReviewStatus } from '../../shared/documentation.js';
import type { Database } from '../../store/index.js';
import { recordAudit } from '../audit/index.js';
import type { Clock } from '../context.js';
import { columnsOfFields, defaultFields, dueOnFor, previewNote } from '../notes/index.js';
import { calendarDateIn } from '../time/index.js';

/** A demo program: where its "today" is. */
export interface DemoNoteProgram {
  id: string;
  timeZone: string;
}

type DemoNoteKind = 'cosigned' | 'pending' | 'returned' | 'draft' | 'overdue_draft';

interface DemoNotePlan {
  kind: DemoNoteKind;
  /** Calendar days before today. */
  daysAgo: number;
  fields: Partial<NoteFields>;
  /** The note documents the member's approved plan of care (Los Angeles' Plan of Care note). */
  documentsPlanOfCare?: true;
}

const PIN = {
  plan: 'Work on the plan-of-care goal of finding steady housing, in the member’s own words.',
  interaction:
    'We looked at two housing listings together and practised what to say when calling a landlord. The member made one call while I was there.',
  nextSteps: 'The member calls the second landlord on Thursday; we meet again next week to plan the visit.',
};

const IN_OFFICE: Partial<NoteFields> = { start: '10:00', end: '11:00', placeOfService: '11', pin: PIN };
const BY_VIDEO: Partial<NoteFields> = {
  start: '14:00',
  end: '14:45',
  modality: 'video',
  memberLocation: 'home',
  activity: 'goal_setting',
  pin: {
    plan: 'Review the member’s weekly recovery goals.',
    interaction:
      'By video we went over the week; the member named two meetings they went to and one they missed.',
    nextSteps: 'The member picks one meeting to try on Saturday and texts me how it went.',
  },
};

/** What each member of the caseload gets, by position (the pattern repeats for longer caseloads). */
const PLANS_BY_MEMBER: readonly (readonly DemoNotePlan[])[] = [
  [
    { kind: 'cosigned', daysAgo: 9, fields: IN_OFFICE },
    { kind: 'pending', daysAgo: 2, fields: BY_VIDEO },
    {
      kind: 'draft',
      daysAgo: 0,
      fields: { start: '09:30', pin: { ...PIN, interaction: '', nextSteps: '' } },
    },
  ],
  [
    { kind: 'returned', daysAgo: 6, fields: IN_OFFICE },
    { kind: 'pending', daysAgo: 1, fields: IN_OFFICE },
  ],
  [{ kind: 'overdue_draft', daysAgo: 14, fields: { start: '13:00', end: '13:50', placeOfService: '11' } }],
];

/**
 * The Plan of Care note a Los Angeles member's notes open with: co-signed, so no review holds it. Three weeks
 * back: after the demo plans' approval (30 days back, demo-care-plans.ts) and before every other demo note
 * (`PLANS_BY_MEMBER` at most 14 days back, the group today), so each of those is on or after the member's first
 * Plan of Care note.
 */
const PLAN_OF_CARE_NOTE: DemoNotePlan = {
  kind: 'cosigned',
  daysAgo: 21,
  documentsPlanOfCare: true,
  fields: {
    ...IN_OFFICE,
    pin: {
      plan: 'Write the member’s plan of care with them: a long-term recovery goal in their own words and short-term goals they choose.',
      interaction:
        'We talked about what recovery looks like for the member and wrote their goals down together, each with a first step and a target date. The member took part throughout and agreed with the plan.',
      nextSteps:
        'The member takes the first step toward their first short-term goal this week; we meet next week to see how it went.',
    },
  },
};

/** The pack whose members' notes open with the Plan of Care note. */
const PLAN_OF_CARE_FIRST_PACK = 'ca-la-sapc';

const RETURN_COMMENT = 'Please say which plan-of-care goal this worked on, then add an addendum.';

/**
 * Inserts the demo notes in the caller's transaction, written by the peer and reviewed by the supervisor.
 *
 * @param trx - the demo-data transaction
 * @param organisationId - the demo organisation
 * @param memberIds - the demo caseload, in order (see `PLANS_BY_MEMBER` for what each gets)
 * @param peerId - the author of every note
 * @param supervisorId - the peer's supervisor, who co-signs and returns
 * @param programs - the demo programs (for each member's local "today")
 * @param clock - "now" for the demo
 * @returns the ids of the notes written
 */
export async function createDemoNotes(
  trx: Kysely<Database>,
  organisationId: string,
  memberIds: readonly string[],
  peerId: string,
  supervisorId: string,
  programs: readonly DemoNoteProgram[],
  clock: Clock,
): Promise<string[]> {
  return writeDemoNotes(
    trx,
    { organisationId, peerId, supervisorId, programs, clock },
    memberIds.map((memberId, index) => ({
      memberId,
      plans: PLANS_BY_MEMBER[index % PLANS_BY_MEMBER.length] ?? [],
      planOfCareId: null,
    })),
  );
}

/**
 * Inserts the Plan of Care note (see `PLAN_OF_CARE_NOTE`) of each of `memberIds` who is covered by Los Angeles
 * County SAPC and has an approved plan of care, in the caller's transaction. Call it after the demo plans of
 * care and before the members' other notes: those are judged as they are written, and a Los Angeles service
 * dated before the member's first signed Plan of Care note is held.
 *
 * @param trx - the demo-data transaction
 * @param organisationId - the demo organisation
 * @param memberIds - the demo members who have other notes (members of other payers are passed over)
 * @param peerId - the author (the demo peer wrote every demo plan with the member)
 * @param supervisorId - the peer's supervisor, who co-signs
 * @param programs - the demo programs (for each member's local "today")
 * @param clock - "now" for the demo
 * @returns the ids of the notes written
 */
export async function createDemoPlanOfCareNotes(
  trx: Kysely<Database>,
  organisationId: string,
  memberIds: readonly string[],
  peerId: string,
  supervisorId: string,
  programs: readonly DemoNoteProgram[],
  clock: Clock,
): Promise<string[]> {
  const plans = await planOfCareFirstPlans(trx, organisationId, memberIds);
  return writeDemoNotes(
    trx,
    { organisationId, peerId, supervisorId, programs, clock },
    memberIds.flatMap((memberId) => {
      const planOfCareId = plans.get(memberId);
      return planOfCareId === undefined ? [] : [{ memberId, plans: [PLAN_OF_CARE_NOTE], planOfCareId }];
    }),
  );
}

/** Who writes the demo notes, and where and when. */
interface DemoNoteAuthors {
  organisationId: string;
  peerId: string;
  supervisorId: string;
  programs: readonly DemoNoteProgram[];
  clock: Clock;
}

/** The notes one member gets; `planOfCareId` is the plan version their Plan of Care note documents. */
interface DemoMemberNotes {
  memberId: string;
  plans: readonly DemoNotePlan[];
  planOfCareId: string | null;
}

async function writeDemoNotes(
  trx: Kysely<Database>,
  authors: DemoNoteAuthors,
  entries: readonly DemoMemberNotes[],
): Promise<string[]> {
  const { organisationId, peerId, supervisorId, programs, clock } = authors;
  const now = clock.now();
  if (entries.length === 0) return [];
  const members = await trx
    .selectFrom('members')
    .select(['id', 'program_id'])
    .where('organisation_id', '=', organisationId)
    .where(
      'id',
      'in',
      entries.map((entry) => entry.memberId),
    )
    .execute();
  const ids: string[] = [];
  for (const { memberId, plans, planOfCareId } of entries) {
    const member = members.find((each) => each.id === memberId);
    const program = programs.find((each) => each.id === member?.program_id);
    if (member === undefined || program === undefined) continue;
    const today = calendarDateIn(now, program.timeZone);
    for (const plan of plans) {
      const dateOfService = addDays(today, -plan.daysAgo);
      const note = {
        organisationId,
        memberId,
        programId: member.program_id,
        authorId: peerId,
        dateOfService,
        planOfCareId: plan.documentsPlanOfCare === true ? planOfCareId : null,
      };
      const id = await insertDemoNote(trx, note, plan, supervisorId, now);
      await recordAudit(trx, clock, {
        organisationId,
        userId: null,
        userEmail: null,
        action: 'note.create',
        recordType: 'service_note',
        recordId: id,
        ip: null,
        outcome: 'success',
        details: { via: 'demo-data', kind: plan.kind },
      });
      ids.push(id);
    }
  }
  return ids;
}

/**
 * For the members covered by Los Angeles County SAPC, their first approved plan-of-care version, by member:
 * the plan their Plan of Care note documents. Members without one get no Plan of Care note (with no approved
 * plan, the pack's approved-plan rule already holds their notes).
 */
async function planOfCareFirstPlans(
  trx: Kysely<Database>,
  organisationId: string,
  memberIds: readonly string[],
): Promise<Map<string, string>> {
  if (memberIds.length === 0) return new Map();
  const rows = await trx
    .selectFrom('care_plans')
    .select(['care_plans.member_id', 'care_plans.id'])
    .where('care_plans.organisation_id', '=', organisationId)
    .where('care_plans.member_id', 'in', [...memberIds])
    .where('care_plans.status', '=', 'approved')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('coverage_periods')
          .select('coverage_periods.id')
          .whereRef('coverage_periods.member_id', '=', 'care_plans.member_id')
          .where('coverage_periods.payer_pack', '=', PLAN_OF_CARE_FIRST_PACK),
      ),
    )
    .orderBy('care_plans.version', 'desc')
    .execute();
  // Highest version first, so the lowest (the first approved) is the one kept.
  return new Map(rows.map((row) => [row.member_id, row.id]));
}

async function insertDemoNote(
  trx: Kysely<Database>,
  note: {
    organisationId: string;
    memberId: string;
    programId: string;
    authorId: string;
    dateOfService: string;
    planOfCareId: string | null;
  },
  plan: DemoNotePlan,
  supervisorId: string,
  now: Date,
): Promise<string> {
  const fields = {
    ...defaultFields({ serviceType: 'engagement', dateOfService: note.dateOfService }),
    ...plan.fields,
    planOfCareId: note.planOfCareId,
  };
  const reviewStatus = reviewStatusOf(plan.kind);
  const signed = reviewStatus !== 'not_required';
  // Signed in the afternoon of the day of service (US time), so never late.
  const signedAt = new Date(`${note.dateOfService}T22:00:00Z`);
  // The note's id is chosen here so its claim can be judged before it is stored, as signing would judge it.
  const id = randomUUID();
  const { preview } = await previewNote(trx, note.organisationId, {
    id,
    memberId: note.memberId,
    programId: note.programId,
    authorId: note.authorId,
    groupSessionId: null,
    reviewStatus: 'not_required',
    fields,
    signedOn: note.dateOfService,
  });
  const line = signed ? preview?.lines[0] : undefined;
  const reviewedAt = new Date(signedAt.getTime() + 20 * 60 * 60 * 1000);
  const reviewed = plan.kind === 'cosigned' || plan.kind === 'returned';
  const row = await trx
    .insertInto('service_notes')
    .values({
      id,
      organisation_id: note.organisationId,
      member_id: note.memberId,
      program_id: note.programId,
      author_id: note.authorId,
      status: signed ? 'signed' : 'draft',
      ...columnsOfFields(fields),
      service_type: fields.serviceType,
      date_of_service: note.dateOfService,
      due_on: await dueOnFor(trx, note),
      signed_at: signed ? signedAt : null,
      signed_by: signed ? note.authorId : null,
      signed_code: line?.code ?? null,
      signed_units: line?.units ?? null,
      signed_amount_cents: line?.chargeCents ?? null,
      review_status: reviewStatus,
      reviewed_by: reviewed ? supervisorId : null,
      reviewed_at: reviewed ? reviewedAt : null,
      created_at: signed ? signedAt : now,
      updated_at: reviewed ? reviewedAt : now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (reviewed) {
    await trx
      .insertInto('note_reviews')
      .values({
        organisation_id: note.organisationId,
        note_id: row.id,
        reviewer_id: supervisorId,
        action: plan.kind === 'cosigned' ? 'cosigned' : 'returned',
        comment: plan.kind === 'returned' ? RETURN_COMMENT : null,
        created_at: reviewedAt,
      })
      .execute();
  }
  return row.id;
}

/** A signed demo note's review status; drafts are not reviewed. */
function reviewStatusOf(kind: DemoNoteKind): ReviewStatus {
  switch (kind) {
    case 'cosigned':
    case 'pending':
    case 'returned':
      return kind;
    case 'draft':
    case 'overdue_draft':
      return 'not_required';
  }
}
