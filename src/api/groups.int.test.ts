/**
 * Group sessions over HTTP: the real app on a real database. These pin what the group pages rely on — the
 * session with each attendee's preview, the shared Interaction and each attendee's response saved, removing
 * an attendee, signing with each attendee's outcome — and the answers for bad input (field paths), a role
 * that only reads, and a group out of reach.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GroupListResponseSchema,
  GroupOptionsResponseSchema,
  GroupSessionResponseSchema,
  SignGroupResponseSchema,
  type CreateGroupSessionRequest,
} from '../shared/api/index.js';
import {
  addProgramMembers,
  createDocumentationFixture,
  fixtureMemberWith,
  ManualClock,
  openTestStore,
  problemsOf,
  startTestApp,
  testContext,
  type DocumentationFixture,
  type FixtureMember,
  type HttpClient,
  type TestApp,
  type TestStore,
} from '../testing/index.js';

let store: TestStore;
let testApp: TestApp;
let fixture: DocumentationFixture;
let member: FixtureMember;
let memberIds: string[];
let peer: HttpClient;

const GROUPS = '/api/v1/groups';

beforeAll(async () => {
  store = await openTestStore();
  const ctx = testContext(store, new ManualClock('2026-11-18T20:00:00Z'));
  testApp = await startTestApp(store, ctx);
  fixture = await createDocumentationFixture(ctx, 'groupshttp');
  member = fixtureMemberWith(fixture, 'ca-dhcs');
  memberIds = [member.id, ...(await addProgramMembers(ctx, fixture, member, ['Rowan', 'Sage']))];
  peer = await testApp.signIn(fixture.users.peer.email);
});

afterAll(async () => {
  await testApp.close();
  await store.dispose();
});

function session(): CreateGroupSessionRequest {
  return {
    programId: member.programId,
    topic: 'Getting ready for a job interview',
    dateOfService: '2026-11-18',
    start: '13:00',
    end: '14:30',
    modality: 'in_person',
    memberLocation: null,
    placeOfService: '11',
    interaction: '',
    facilitators: [
      { userId: fixture.users.peer.id, role: 'lead', minutes: 90 },
      { userId: fixture.users.supervisor.id, role: 'co_facilitator', minutes: 45 },
    ],
    memberIds,
  };
}

describe('a group session over HTTP', () => {
  it('is created, written, judged per attendee and signed', async () => {
    const created = await peer.post(GROUPS, session());
    expect(created.statusCode).toBe(201);
    const group = GroupSessionResponseSchema.parse(created.json()).group;
    expect(group.attendees).toHaveLength(3);
    expect(group.facilitatorFte).toBe(1.5);
    // 90 minutes of group: 6 units of H0025 for each attendee.
    expect(group.attendees.map((attendee) => attendee.preview?.lines[0]?.units)).toEqual([6, 6, 6]);

    const written = await peer.patch(`${GROUPS}/${group.id}`, {
      interaction: 'Practised answering three common interview questions in pairs.',
    });
    expect(written.statusCode).toBe(200);
    let current = GroupSessionResponseSchema.parse(written.json()).group;
    for (const attendee of current.attendees) {
      const saved = await peer.patch(`${GROUPS}/${group.id}/attendees/${attendee.member.id}`, {
        revision: attendee.revision,
        memberResponse: `${attendee.member.displayName} answered a question about their strengths.`,
        nextSteps: 'Practise the answers with a friend before Friday.',
      });
      expect(saved.statusCode).toBe(200);
      current = GroupSessionResponseSchema.parse(saved.json()).group;
    }
    const removed = await peer.request('DELETE', `${GROUPS}/${group.id}/attendees/${memberIds[2] ?? ''}`, {});
    expect(removed.statusCode).toBe(200);
    expect(GroupSessionResponseSchema.parse(removed.json()).group.attendees).toHaveLength(2);

    const signed = await peer.post(`${GROUPS}/${group.id}/sign`, {});
    expect(signed.statusCode).toBe(200);
    const result = SignGroupResponseSchema.parse(signed.json());
    expect(result.outcomes.map((outcome) => outcome.outcome)).toEqual(['signed', 'signed']);
    expect(result.group.status).toBe('signed');

    const locked = await peer.patch(`${GROUPS}/${group.id}`, { topic: 'Renamed' });
    expect(locked.statusCode).toBe(409);
    expect(problemsOf(locked)[0]?.code).toBe('group.signed');

    const list = GroupListResponseSchema.parse((await peer.get(GROUPS)).json());
    expect(list.groups.find((entry) => entry.id === group.id)).toMatchObject({
      status: 'signed',
      attendeeCount: 2,
      lead: { id: fixture.users.peer.id },
    });
  });

  it('answers bad input with 400 and the field paths', async () => {
    const missing = await peer.post(GROUPS, { ...session(), topic: ' ' });
    expect(missing.statusCode).toBe(400);
    expect(problemsOf(missing).map((problem) => problem.path)).toEqual([['body', 'topic']]);

    const twoLeads = await peer.post(GROUPS, {
      ...session(),
      facilitators: [
        { userId: fixture.users.peer.id, role: 'lead', minutes: 60 },
        { userId: fixture.users.supervisor.id, role: 'lead', minutes: 60 },
      ],
    });
    expect(twoLeads.statusCode).toBe(400);
    expect(problemsOf(twoLeads).map((problem) => problem.path)).toEqual([['body', 'facilitators']]);

    const badMinutes = await peer.post(GROUPS, {
      ...session(),
      facilitators: [{ userId: fixture.users.peer.id, role: 'lead', minutes: 0 }],
    });
    expect(problemsOf(badMinutes).map((problem) => problem.path)).toEqual([
      ['body', 'facilitators', 0, 'minutes'],
    ]);

    const offCaseload = await peer.post(GROUPS, { ...session(), memberIds: [crypto.randomUUID()] });
    expect(offCaseload.statusCode).toBe(400);
    expect(problemsOf(offCaseload)[0]?.path).toEqual(['body', 'memberIds', 0]);

    // An attendee's own fields are named by the note field, as from the note's own routes: a refused value
    // (request validation; `nextSteps` is the note's `pin.nextSteps`) and a goal that is not the member's
    // (the notes service) alike; the request's own `revision` stays in the body.
    const group = GroupSessionResponseSchema.parse((await peer.post(GROUPS, session())).json()).group;
    const attendee = group.attendees[0];
    const attendeeUrl = `${GROUPS}/${group.id}/attendees/${attendee?.member.id ?? ''}`;
    const foreignGoal = await peer.patch(attendeeUrl, {
      revision: attendee?.revision ?? 1,
      goalsAddressed: [crypto.randomUUID()],
    });
    expect(foreignGoal.statusCode).toBe(400);
    expect(problemsOf(foreignGoal).map((problem) => problem.path)).toEqual([['fields', 'goalsAddressed', 0]]);
    const malformed = await peer.patch(attendeeUrl, {
      revision: 0,
      lateReason: 'x'.repeat(2001),
      nextSteps: 'x'.repeat(10001),
    });
    expect(malformed.statusCode).toBe(400);
    expect(problemsOf(malformed).map((problem) => problem.path)).toEqual(
      expect.arrayContaining([
        ['body', 'revision'],
        ['fields', 'lateReason'],
        ['fields', 'pin', 'nextSteps'],
      ]),
    );
    const saved = await peer.patch(attendeeUrl, {
      revision: attendee?.revision ?? 1,
      lateReason: 'Documented the next morning.',
      identityVerified: true,
      familyCoordinationDocumented: true,
    });
    expect(saved.statusCode).toBe(200);
    expect(GroupSessionResponseSchema.parse(saved.json()).group.attendees[0]?.fields).toMatchObject({
      lateReason: 'Documented the next morning.',
      identityVerified: true,
      familyCoordinationDocumented: true,
    });
    const unknownField = await peer.patch(attendeeUrl, { revision: 99, start: '09:00' });
    expect(unknownField.statusCode).toBe(400);

    expect((await peer.get(`${GROUPS}/not-an-id`)).statusCode).toBe(400);
    expect((await peer.get(`${GROUPS}/${crypto.randomUUID()}`)).statusCode).toBe(404);
  });

  it('lets billing staff read a group but not change it, and keeps other organisations out', async () => {
    const created = GroupSessionResponseSchema.parse((await peer.post(GROUPS, session())).json()).group;
    const billing = await testApp.signIn(fixture.users.billing.email);
    expect((await billing.get(`${GROUPS}/${created.id}`)).statusCode).toBe(200);
    expect((await billing.patch(`${GROUPS}/${created.id}`, { topic: 'Changed' })).statusCode).toBe(403);
    expect((await billing.post(GROUPS, session())).statusCode).toBe(403);
    expect((await billing.get(`${GROUPS}/options`)).statusCode).toBe(403);

    const other = await createDocumentationFixture(testContext(store, new ManualClock()), 'groupsother');
    const outsider = await testApp.signIn(other.users.admin.email);
    expect((await outsider.get(`${GROUPS}/${created.id}`)).statusCode).toBe(404);
    expect((await outsider.post(`${GROUPS}/${created.id}/sign`, {})).statusCode).toBe(404);
  });

  it('describes every group route in the OpenAPI document', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json<{ paths: Record<string, unknown> }>().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/groups',
        '/api/v1/groups/options',
        '/api/v1/groups/{groupId}',
        '/api/v1/groups/{groupId}/attendees',
        '/api/v1/groups/{groupId}/attendees/{memberId}',
        '/api/v1/groups/{groupId}/sign',
      ]),
    );
  });

  it('offers the programs, facilitators and the peer’s members for a new group', async () => {
    const response = await peer.get(`${GROUPS}/options`);
    expect(response.statusCode).toBe(200);
    const options = GroupOptionsResponseSchema.parse(response.json());
    expect(options.members.map((entry) => entry.id)).toEqual(expect.arrayContaining(memberIds));
    expect(options.programs.length).toBeGreaterThan(0);
  });
});
