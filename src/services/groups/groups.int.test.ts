/**
 * Group sessions on a real database: a session with facilitators and attendees makes one draft note per
 * attendee sharing the Interaction; changes reach every draft; bad input is refused with field paths and
 * leaves nothing behind; each role reaches the groups it should; signing signs every note it can.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateGroupSessionRequest } from '../../shared/api/groups.js';
import type { Problem } from '../../shared/problem.js';
import type { Role } from '../../shared/roles.js';
import {
  addProgramMembers,
  createDocumentationFixture,
  fixtureMemberWith,
  ManualClock,
  openTestStore,
  testContext,
  type DocumentationFixture,
  type FixtureMember,
  type TestStore,
  fixtureActor,
} from '../../testing/index.js';
import type { Actor, ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';
import { insertUser } from '../users/index.js';
import {
  addAttendees,
  createGroup,
  getGroup,
  groupOptions,
  listGroups,
  removeAttendee,
  saveAttendee,
  signGroup,
  updateGroup,
} from './index.js';

let store: TestStore;
let ctx: ServiceContext;
let fixture: DocumentationFixture;
let caMember: FixtureMember;
let caMembers: string[];

const actorOf = (role: Role): Actor => fixtureActor(fixture, role);

function sessionRequest(memberIds: string[]): CreateGroupSessionRequest {
  return {
    programId: caMember.programId,
    topic: 'Budgeting for the month',
    dateOfService: '2026-11-18',
    start: '10:00',
    end: '11:00',
    modality: 'in_person',
    memberLocation: null,
    placeOfService: '11',
    interaction: 'Walked through a monthly budget worksheet together.',
    facilitators: [
      { userId: fixture.users.peer.id, role: 'lead', minutes: 60 },
      { userId: fixture.users.supervisor.id, role: 'co_facilitator', minutes: 30 },
    ],
    memberIds,
  };
}

async function refusal(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ServiceError)) throw new Error(`expected a ServiceError, got ${String(error)}`);
  return error;
}

async function auditActions(recordId: string): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom('audit_events')
    .select('action')
    .where('record_id', '=', recordId)
    .orderBy('id')
    .execute();
  return rows.map((row) => row.action);
}

beforeAll(async () => {
  store = await openTestStore();
  ctx = testContext(store, new ManualClock('2026-11-18T20:00:00Z'));
  fixture = await createDocumentationFixture(ctx, 'groups');
  caMember = fixtureMemberWith(fixture, 'ca-dhcs');
  caMembers = [caMember.id, ...(await addProgramMembers(ctx, fixture, caMember, ['Avery', 'Blake']))];
});

afterAll(async () => {
  await store.dispose();
});

describe('creating a group session', () => {
  it('makes one draft note per attendee, each sharing the session and its Interaction', async () => {
    const group = await createGroup(ctx, actorOf('peer'), sessionRequest(caMembers));
    expect(group.attendees).toHaveLength(3);
    expect(group.status).toBe('draft');
    expect(group.editable).toBe(true);
    expect(group.lead?.id).toBe(fixture.users.peer.id);
    // 60 + 30 facilitator minutes over a 60-minute session.
    expect(group.facilitatorFte).toBe(1.5);
    const notes = await ctx.db
      .selectFrom('service_notes')
      .selectAll()
      .where('group_session_id', '=', group.id)
      .execute();
    expect(notes.map((note) => note.member_id).sort()).toEqual([...caMembers].sort());
    for (const note of notes) {
      expect(note).toMatchObject({
        status: 'draft',
        service_type: 'skill_building_group',
        author_id: fixture.users.peer.id,
        date_of_service: '2026-11-18',
        start_time: '10:00',
        end_time: '11:00',
        place_of_service: '11',
        pin_interaction: 'Walked through a monthly budget worksheet together.',
        program_id: caMember.programId,
      });
    }
    expect(await auditActions(group.id)).toEqual([
      'group.create',
      'group.attendee_add',
      'group.attendee_add',
      'group.attendee_add',
    ]);
  });

  it('refuses bad facilitators, times and attendees with field paths, and writes nothing', async () => {
    const before = await ctx.db
      .selectFrom('group_sessions')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow();
    const [offCaseload = ''] = await addProgramMembers(ctx, fixture, caMember, ['Casey'], {
      assignedPeerId: null,
    });
    const kansas = fixtureMemberWith(fixture, 'ks-pahp');
    const request = sessionRequest([caMember.id, offCaseload, kansas.id]);
    request.facilitators = [
      { userId: fixture.users.peer.id, role: 'lead', minutes: 90 },
      { userId: fixture.users.billing.id, role: 'co_facilitator', minutes: 30 },
    ];
    const error = await refusal(createGroup(ctx, actorOf('peer'), request));
    expect(error.kind).toBe('invalid');
    expect(error.problems.map((problem) => [problem.code, problem.path])).toEqual([
      ['group.facilitator_minutes_over', ['body', 'facilitators', 0, 'minutes']],
      ['group.facilitator_not_staff', ['body', 'facilitators', 1, 'userId']],
    ]);
    request.facilitators = sessionRequest([]).facilitators;
    const members = await refusal(createGroup(ctx, actorOf('peer'), request));
    expect(members.problems.map((problem) => [problem.code, problem.path])).toEqual([
      ['group.member_unknown', ['body', 'memberIds', 1]],
      ['group.member_other_program', ['body', 'memberIds', 2]],
    ]);
    const times = await refusal(createGroup(ctx, actorOf('peer'), { ...sessionRequest([]), end: '09:00' }));
    expect(times.problems[0]?.path).toEqual(['body', 'end']);
    const after = await ctx.db
      .selectFrom('group_sessions')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow();
    expect(after.count).toBe(before.count);
  });

  it('does not let billing staff create a group', async () => {
    const error = await refusal(createGroup(ctx, actorOf('billing'), sessionRequest([])));
    expect(error.kind).toBe('forbidden');
  });

  it('offers the actor’s own members and the staff who can facilitate', async () => {
    const options = await groupOptions(ctx, actorOf('peer'));
    expect(options.members.map((member) => member.id)).toEqual(expect.arrayContaining(caMembers));
    expect(options.facilitators.map((person) => person.id)).toEqual(
      expect.arrayContaining([fixture.users.peer.id, fixture.users.supervisor.id]),
    );
    expect(options.facilitators.map((person) => person.id)).not.toContain(fixture.users.billing.id);
  });
});

describe('changing a group session', () => {
  it('copies a new Interaction and times into every draft note', async () => {
    const group = await createGroup(ctx, actorOf('peer'), sessionRequest(caMembers));
    const updated = await updateGroup(ctx, actorOf('peer'), group.id, {
      interaction: 'Each person drafted a budget for December.',
      end: '11:30',
    });
    expect(updated.facilitatorFte).toBe(1);
    const notes = await ctx.db
      .selectFrom('service_notes')
      .select(['pin_interaction', 'end_time', 'revision'])
      .where('group_session_id', '=', group.id)
      .execute();
    expect(notes).toHaveLength(3);
    for (const note of notes) {
      expect(note).toEqual({
        pin_interaction: 'Each person drafted a budget for December.',
        end_time: '11:30',
        revision: 2,
      });
    }
  });

  it('keeps every draft in step when a co-facilitator moves the date or the lead changes', async () => {
    // The co-facilitator has none of the attendees on their caseload and wrote none of the notes: holding
    // the group for writing is what lets them change it, and the notes follow the session.
    const coFacilitator = await insertUser(ctx.db, ctx.clock.now(), {
      organisationId: fixture.id,
      email: `co.facilitator.${Date.now()}@fixtures.peerline.test`,
      displayName: 'Co Facilitator',
      roles: ['peer'],
      passwordHash: 'not-a-real-hash',
    });
    const group = await createGroup(ctx, actorOf('peer'), {
      ...sessionRequest(caMembers),
      facilitators: [
        { userId: fixture.users.peer.id, role: 'lead', minutes: 60 },
        { userId: coFacilitator.id, role: 'co_facilitator', minutes: 60 },
      ],
    });
    const co: Actor = { ...actorOf('peer'), userId: coFacilitator.id, email: coFacilitator.email };
    await updateGroup(ctx, co, group.id, { dateOfService: '2026-11-25' });
    const notesOf = () =>
      ctx.db
        .selectFrom('service_notes')
        .select(['id', 'date_of_service', 'due_on', 'author_id', 'revision'])
        .where('group_session_id', '=', group.id)
        .execute();
    for (const note of await notesOf()) {
      // Thanksgiving and the weekend are skipped: three business days after 25 November is 1 December.
      expect(note).toMatchObject({
        date_of_service: '2026-11-25',
        due_on: '2026-12-01',
        author_id: fixture.users.peer.id,
        revision: 2,
      });
      const saved = await ctx.db
        .selectFrom('audit_events')
        .select(['user_id', 'details'])
        .where('record_id', '=', note.id)
        .where('action', '=', 'note.save')
        .executeTakeFirstOrThrow();
      expect(saved.user_id).toBe(coFacilitator.id);
      expect(saved.details).toMatchObject({ via: 'group_session', groupSessionId: group.id, revision: 2 });
    }
    await updateGroup(ctx, actorOf('peer'), group.id, {
      facilitators: [
        { userId: coFacilitator.id, role: 'lead', minutes: 60 },
        { userId: fixture.users.peer.id, role: 'co_facilitator', minutes: 60 },
      ],
    });
    for (const note of await notesOf()) {
      expect(note).toMatchObject({ author_id: coFacilitator.id, revision: 3, due_on: '2026-12-01' });
    }
  });

  it('refuses a shorter session than a facilitator was present, naming the end time', async () => {
    const group = await createGroup(ctx, actorOf('peer'), sessionRequest([]));
    const error = await refusal(updateGroup(ctx, actorOf('peer'), group.id, { end: '10:45' }));
    expect(error.problems.map((problem) => [problem.code, problem.path])).toEqual([
      ['group.facilitator_minutes_over', ['body', 'end']],
    ]);
  });

  it('saves each attendee’s own response and next steps, refusing a stale revision', async () => {
    const group = await createGroup(ctx, actorOf('peer'), sessionRequest(caMembers));
    const [first] = group.attendees;
    if (first === undefined) throw new Error('no attendee');
    const saved = await saveAttendee(ctx, actorOf('peer'), group.id, first.member.id, {
      revision: first.revision,
      memberResponse: 'Said the worksheet made the month feel manageable.',
      nextSteps: 'Bring last month’s receipts next week.',
    });
    const after = saved.attendees.find((attendee) => attendee.member.id === first.member.id);
    expect(after).toMatchObject({
      fields: { memberResponse: 'Said the worksheet made the month feel manageable.' },
      nextSteps: 'Bring last month’s receipts next week.',
      revision: first.revision + 1,
    });
    const others = saved.attendees.filter((attendee) => attendee.member.id !== first.member.id);
    expect(others.map((attendee) => attendee.fields.memberResponse)).toEqual(['', '']);
    const stale = await refusal(
      saveAttendee(ctx, actorOf('peer'), group.id, first.member.id, {
        revision: first.revision,
        nextSteps: 'x',
      }),
    );
    expect(stale.kind).toBe('conflict');
  });

  it('removes and adds attendees while the notes are drafts', async () => {
    const group = await createGroup(ctx, actorOf('peer'), sessionRequest(caMembers));
    const removed = await removeAttendee(ctx, actorOf('peer'), group.id, caMembers[2] ?? '');
    expect(removed.attendees).toHaveLength(2);
    const again = await addAttendees(ctx, actorOf('peer'), group.id, { memberIds: [caMembers[2] ?? ''] });
    expect(again.attendees).toHaveLength(3);
    const twice = await refusal(addAttendees(ctx, actorOf('peer'), group.id, { memberIds: [caMember.id] }));
    expect(twice.problems[0]).toMatchObject({
      code: 'group.already_attending',
      path: ['body', 'memberIds', 0],
    });
  });
});

describe('who reaches a group', () => {
  it('lets the facilitators, their supervisor and organisation-wide roles read it, and no other peer', async () => {
    const group = await createGroup(ctx, actorOf('peer'), sessionRequest([caMember.id]));
    for (const role of ['peer', 'supervisor', 'admin', 'billing', 'clinician'] as const) {
      expect((await getGroup(ctx, actorOf(role), group.id)).id).toBe(group.id);
    }
    const otherPeer = await insertUser(ctx.db, ctx.clock.now(), {
      organisationId: fixture.id,
      email: `other.peer.${group.id.slice(0, 8)}@fixtures.peerline.test`,
      displayName: 'Other Peer',
      roles: ['peer'],
      passwordHash: 'not-a-real-hash',
    });
    const outsider: Actor = { ...actorOf('peer'), userId: otherPeer.id, email: otherPeer.email };
    expect((await refusal(getGroup(ctx, outsider, group.id))).kind).toBe('not_found');
    expect((await listGroups(ctx, outsider, { limit: 50 })).map((entry) => entry.id)).not.toContain(group.id);
    expect((await listGroups(ctx, actorOf('supervisor'), { limit: 200 })).map((entry) => entry.id)).toContain(
      group.id,
    );
    expect((await refusal(updateGroup(ctx, actorOf('billing'), group.id, { topic: 'x' }))).kind).toBe(
      'forbidden',
    );
  });

  it('audits the read of the group and of each attendee’s note', async () => {
    const group = await createGroup(ctx, actorOf('peer'), sessionRequest(caMembers));
    await getGroup(ctx, actorOf('admin'), group.id);
    expect((await auditActions(group.id)).at(-1)).toBe('group.read');
    for (const attendee of group.attendees) {
      expect(await auditActions(attendee.noteId)).toContain('note.read');
    }
  });
});

describe('each attendee’s claim preview', () => {
  it('judges every attendee’s note as a group service, with its own code, units and amount', async () => {
    const group = await createGroup(ctx, actorOf('peer'), sessionRequest(caMembers));
    for (const attendee of group.attendees) {
      const line = attendee.preview?.lines[0];
      // Medi-Cal group peer support: H0025, 60 minutes = 4 units, at the individual rate ÷ 4.5.
      expect(line).toMatchObject({ code: 'H0025', units: 4, placeOfService: '11' });
      expect(line?.chargeCents).toBeGreaterThan(0);
      expect(attendee.preview?.pack.id).toBe('ca-dhcs');
      // Nothing written yet for the attendee: signing needs their next steps, and says so beside the field.
      expect(attendee.problems.map((problem) => problem.path.join('.'))).toContain('fields.pin.nextSteps');
    }
  });

  it('checks the group’s size against the pack: more than 8 members per facilitator FTE in Kansas', async () => {
    const kansas = fixtureMemberWith(fixture, 'ks-pahp');
    const names = Array.from({ length: 8 }, (_unused, index) => `Kay${index}`);
    const members = [kansas.id, ...(await addProgramMembers(ctx, fixture, kansas, names))];
    const group = await createGroup(ctx, actorOf('peer'), {
      ...sessionRequest(members),
      programId: kansas.programId,
      facilitators: [{ userId: fixture.users.peer.id, role: 'lead', minutes: 60 }],
    });
    const ratioProblems = (): string[][] =>
      group.attendees.map((attendee) =>
        (attendee.preview?.problems ?? [])
          .map((problem) => problem.code)
          .filter((code) => code === 'ks-pahp.group.ratio'),
      );
    expect(group.attendees).toHaveLength(9);
    expect(ratioProblems().every((codes) => codes.length === 1)).toBe(true);
    // A second facilitator for the whole hour makes it 4.5 members per FTE.
    const staffed = await updateGroup(ctx, actorOf('peer'), group.id, {
      facilitators: [
        { userId: fixture.users.peer.id, role: 'lead', minutes: 60 },
        { userId: fixture.users.supervisor.id, role: 'co_facilitator', minutes: 60 },
      ],
    });
    expect(staffed.facilitatorFte).toBe(2);
    for (const attendee of staffed.attendees) {
      expect(attendee.preview?.problems.map((problem) => problem.code)).not.toContain('ks-pahp.group.ratio');
    }
  });
});

describe('signing a group', () => {
  it('signs the notes that are complete, reports the blocked one with its reason, then locks the session', async () => {
    const group = await createGroup(ctx, actorOf('peer'), sessionRequest(caMembers));
    const [first, second, third] = group.attendees;
    if (first === undefined || second === undefined || third === undefined) {
      throw new Error('three attendees');
    }
    for (const attendee of [first, second]) {
      await saveAttendee(ctx, actorOf('peer'), group.id, attendee.member.id, {
        revision: attendee.revision,
        memberResponse: 'Shared how they plan the week’s groceries.',
        nextSteps: 'Try the worksheet for one week.',
      });
    }
    const result = await signGroup(ctx, actorOf('peer'), group.id);
    const outcomeOf = (memberId: string): string | undefined =>
      result.outcomes.find((entry) => entry.member.id === memberId)?.outcome;
    expect([outcomeOf(first.member.id), outcomeOf(second.member.id), outcomeOf(third.member.id)]).toEqual([
      'signed',
      'signed',
      'blocked',
    ]);
    const blocked = result.outcomes.find((entry) => entry.outcome === 'blocked');
    expect(blocked?.problems.length).toBeGreaterThan(0);
    expect(result.group.status).toBe('partly_signed');
    expect(result.group.editable).toBe(false);
    const signedNotes = await ctx.db
      .selectFrom('service_notes')
      .select(['status', 'signed_code', 'signed_units'])
      .where('group_session_id', '=', group.id)
      .where('status', '=', 'signed')
      .execute();
    expect(signedNotes).toEqual([
      { status: 'signed', signed_code: 'H0025', signed_units: 4 },
      { status: 'signed', signed_code: 'H0025', signed_units: 4 },
    ]);
    expect((await refusal(updateGroup(ctx, actorOf('peer'), group.id, { topic: 'Later' }))).kind).toBe(
      'conflict',
    );
    expect((await refusal(removeAttendee(ctx, actorOf('peer'), group.id, third.member.id))).kind).toBe(
      'conflict',
    );

    // The blocked attendee's note is completed and signed; the others stay as they were.
    const pending = result.group.attendees.find((attendee) => attendee.member.id === third.member.id);
    await saveAttendee(ctx, actorOf('peer'), group.id, third.member.id, {
      revision: pending?.revision ?? 0,
      memberResponse: 'Listened, and asked for a copy of the worksheet.',
      nextSteps: 'Fill in the worksheet with their peer next week.',
    });
    const again = await signGroup(ctx, actorOf('peer'), group.id);
    expect(again.outcomes.map((entry) => entry.outcome).sort()).toEqual([
      'already_signed',
      'already_signed',
      'signed',
    ]);
    expect(again.group.status).toBe('signed');
  });

  it('signs a late group once each attendee’s note says why it is late', async () => {
    // Run on Friday 13 November; Medi-Cal gives three business days, so the notes were due on Wednesday the
    // 18th and signing them on Thursday the 19th needs a reason. Before this, such a group could never sign.
    const late = { ...ctx, clock: new ManualClock('2026-11-19T20:00:00Z') };
    const group = await createGroup(late, actorOf('peer'), {
      ...sessionRequest(caMembers.slice(0, 2)),
      dateOfService: '2026-11-13',
    });
    for (const attendee of group.attendees) {
      expect(attendee).toMatchObject({ dueOn: '2026-11-18', lateReasonNeeded: true });
      await saveAttendee(late, actorOf('peer'), group.id, attendee.member.id, {
        revision: attendee.revision,
        memberResponse: 'Shared how they plan the week’s groceries.',
        nextSteps: 'Try the worksheet for one week.',
      });
    }
    const refused = await signGroup(late, actorOf('peer'), group.id);
    expect(refused.outcomes.map((entry) => entry.outcome)).toEqual(['blocked', 'blocked']);
    expect(refused.outcomes[0]?.problems.map((problem) => [problem.code, problem.path.join('.')])).toEqual([
      ['note.late_reason_missing', 'fields.lateReason'],
    ]);
    for (const attendee of refused.group.attendees) {
      expect(attendee.problems.map((problem) => problem.code)).toContain('note.late_reason_missing');
      const saved = await saveAttendee(late, actorOf('peer'), group.id, attendee.member.id, {
        revision: attendee.revision,
        lateReason: 'The facilitator was out sick the rest of the week.',
      });
      const after = saved.attendees.find((each) => each.member.id === attendee.member.id);
      expect(after?.fields.lateReason).toBe('The facilitator was out sick the rest of the week.');
      expect(after?.problems.map((problem) => problem.code)).not.toContain('note.late_reason_missing');
    }
    const signed = await signGroup(late, actorOf('peer'), group.id);
    expect(signed.outcomes.map((entry) => entry.outcome)).toEqual(['signed', 'signed']);
    expect(signed.group.status).toBe('signed');
  });

  it('signs an audio-only group once each attendee’s identity is verified', async () => {
    const group = await createGroup(ctx, actorOf('peer'), {
      ...sessionRequest([caMember.id]),
      modality: 'audio_only',
      memberLocation: 'home',
      placeOfService: null,
    });
    const [attendee] = group.attendees;
    if (attendee === undefined) throw new Error('one attendee');
    const written = await saveAttendee(ctx, actorOf('peer'), group.id, attendee.member.id, {
      revision: attendee.revision,
      memberResponse: 'Joined by phone and shared a budgeting tip.',
      nextSteps: 'Call in next week.',
    });
    const blocked = await signGroup(ctx, actorOf('peer'), group.id);
    expect(blocked.outcomes[0]?.problems.map((problem) => problem.code)).toEqual([
      'note.identity_not_verified',
    ]);
    await saveAttendee(ctx, actorOf('peer'), group.id, attendee.member.id, {
      revision: written.attendees[0]?.revision ?? 0,
      identityVerified: true,
    });
    const signed = await signGroup(ctx, actorOf('peer'), group.id);
    expect(signed.outcomes.map((entry) => entry.outcome)).toEqual(['signed']);
    expect(signed.group.attendees[0]?.fields.identityVerified).toBe(true);
  });

  it('records family coordination for a Kansas attendee under 18, and refuses a goal outside the member’s plan by name', async () => {
    const kansas = fixtureMemberWith(fixture, 'ks-pahp');
    const [minor = ''] = await addProgramMembers(ctx, fixture, kansas, ['Devon']);
    await ctx.db
      .updateTable('members')
      .set({ date_of_birth: '2011-02-01' })
      .where('id', '=', minor)
      .execute();
    const group = await createGroup(ctx, actorOf('peer'), {
      ...sessionRequest([minor]),
      programId: kansas.programId,
      facilitators: [{ userId: fixture.users.peer.id, role: 'lead', minutes: 60 }],
    });
    const [attendee] = group.attendees;
    if (attendee === undefined) throw new Error('one attendee');
    const rulesFailed = (problems: readonly Problem[] | undefined): string[] =>
      (problems ?? []).flatMap((problem) =>
        problem.source?.ruleId === undefined ? [] : [problem.source.ruleId],
      );
    expect(rulesFailed(attendee.preview?.problems)).toEqual(
      expect.arrayContaining(['ks-pahp.youth.family_coordination', 'ks-pahp.plan.treatment_plan_goal']),
    );
    const wrongGoal = await refusal(
      saveAttendee(ctx, actorOf('peer'), group.id, minor, {
        revision: attendee.revision,
        goalsAddressed: ['00000000-0000-4000-8000-000000000000'],
      }),
    );
    expect(wrongGoal.problems.map((problem) => [problem.code, problem.path])).toEqual([
      ['note.goal_not_in_plan', ['fields', 'goalsAddressed', 0]],
    ]);
    const saved = await saveAttendee(ctx, actorOf('peer'), group.id, minor, {
      revision: attendee.revision,
      familyCoordinationDocumented: true,
      interventionInPlan: true,
    });
    const after = saved.attendees[0];
    expect(after?.fields).toMatchObject({ familyCoordinationDocumented: true, interventionInPlan: true });
    expect(rulesFailed(after?.preview?.problems)).not.toContain('ks-pahp.youth.family_coordination');
    expect(rulesFailed(after?.preview?.problems)).not.toContain('ks-pahp.plan.treatment_plan_goal');
  });

  it('lets only the lead facilitator, the notes’ author, sign them', async () => {
    const group = await createGroup(ctx, actorOf('supervisor'), sessionRequest([caMember.id]));
    // The supervisor documented it, but the peer led it: the peer is the author.
    const note = await ctx.db
      .selectFrom('service_notes')
      .select('author_id')
      .where('group_session_id', '=', group.id)
      .executeTakeFirstOrThrow();
    expect(note.author_id).toBe(fixture.users.peer.id);
    const result = await signGroup(ctx, actorOf('supervisor'), group.id);
    expect(result.outcomes.map((entry) => entry.outcome)).toEqual(['blocked']);
  });
});
