/**
 * Plans of care over HTTP: the real app on a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL).
 * These pin what the plan pages rely on: status codes, field paths for bad input and for an incomplete plan,
 * role checks (billing reads, peers write, supervisors and clinicians approve), the approvers' queue, a
 * refused request that leaves nothing changed, and the routes in OpenAPI.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../shared/roles.js';
import {
  CarePlanListResponseSchema,
  CarePlanResponseSchema,
  MemberCarePlansResponseSchema,
  type CarePlan,
} from '../shared/api/index.js';
import {
  createDocumentationFixture,
  ManualClock,
  openTestStore,
  problemsOf,
  startTestApp,
  testContext,
  testDatabaseKind,
  type DocumentationFixture,
  type HttpClient,
  type TestApp,
  type TestStore,
} from '../testing/index.js';

let store: TestStore;
let testApp: TestApp;
let fixture: DocumentationFixture;
let memberId: string;
const clients = new Map<Role, HttpClient>();

beforeAll(async () => {
  store = await openTestStore();
  const ctx = testContext(store, new ManualClock('2026-11-23T18:00:00Z'));
  testApp = await startTestApp(store, ctx);
  fixture = await createDocumentationFixture(ctx, 'plans-http');
  memberId = fixture.members[0]?.id ?? '';
});

afterAll(async () => {
  await testApp.close();
  await store.dispose();
});

/** A signed-in client for the fixture user holding `role` (one session each for the whole suite). */
async function as(role: Role): Promise<HttpClient> {
  const known = clients.get(role);
  if (known !== undefined) return known;
  const client = await testApp.signIn(fixture.users[role].email);
  clients.set(role, client);
  return client;
}

async function call(
  role: Role,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload: object = {},
): Promise<LightMyRequestResponse> {
  return (await as(role)).request(method, url, method === 'GET' ? undefined : payload);
}

function planOf(response: LightMyRequestResponse, status = 200): CarePlan {
  expect(response.statusCode, response.body).toBe(status);
  return CarePlanResponseSchema.parse(response.json()).plan;
}

const CONTENT = {
  longTermGoals: 'I want to be a good dad and keep my job.',
  shortTermGoals: [
    { text: 'Eat dinner with my son three nights a week', targetDate: '2027-01-31', status: 'in_progress' },
  ],
  memberParticipated: true,
  memberAgreed: true,
};

describe(`plans of care over HTTP on ${testDatabaseKind()}`, () => {
  let planId: string;

  it('answers 401 without a session', async () => {
    const response = await testApp.app.inject({ url: `/api/v1/members/${memberId}/care-plans` });
    expect(response.statusCode).toBe(401);
  });

  it('lets a peer write the first plan (201) and read the versions', async () => {
    const created = planOf(
      await call('peer', 'POST', `/api/v1/members/${memberId}/care-plans`, { longTermGoals: 'A job.' }),
      201,
    );
    expect(created).toMatchObject({ version: 1, kind: 'new', status: 'draft' });
    planId = created.id;
    const list = await call('peer', 'GET', `/api/v1/members/${memberId}/care-plans`);
    expect(list.statusCode).toBe(200);
    expect(MemberCarePlansResponseSchema.parse(list.json())).toMatchObject({
      plans: [{ id: planId }],
      currentPlanId: null,
      canCreate: false,
    });
    const again = await call('peer', 'POST', `/api/v1/members/${memberId}/care-plans`, {});
    expect(again.statusCode).toBe(409);
  });

  it('answers bad input with 400 naming each field by its path, and changes nothing', async () => {
    const response = await call('peer', 'PUT', `/api/v1/care-plans/${planId}`, {
      ...CONTENT,
      shortTermGoals: [{ text: '', targetDate: '31/01/2027' }],
    });
    expect(response.statusCode).toBe(400);
    expect(problemsOf(response).map((problem) => problem.path)).toEqual(
      expect.arrayContaining([
        ['body', 'shortTermGoals', 0, 'text'],
        ['body', 'shortTermGoals', 0, 'targetDate'],
      ]),
    );
    // A goal id from nowhere is refused after the checks of the schema: nothing is half-saved.
    const unknownGoal = await call('peer', 'PUT', `/api/v1/care-plans/${planId}`, {
      ...CONTENT,
      shortTermGoals: [{ ...CONTENT.shortTermGoals[0], id: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(unknownGoal.statusCode).toBe(400);
    expect(planOf(await call('peer', 'GET', `/api/v1/care-plans/${planId}`)).longTermGoals).toBe('A job.');
    expect((await call('peer', 'GET', '/api/v1/care-plans/not-a-uuid')).statusCode).toBe(400);
  });

  it('refuses to submit an incomplete plan with a problem per field', async () => {
    const response = await call('peer', 'POST', `/api/v1/care-plans/${planId}/submit`);
    expect(response.statusCode).toBe(400);
    expect(problemsOf(response).map((problem) => problem.path)).toEqual([
      ['body', 'shortTermGoals'],
      ['body', 'memberParticipated'],
      ['body', 'memberAgreed'],
    ]);
  });

  it('lets billing read but not change (403), and the peer save and submit', async () => {
    expect((await call('billing', 'GET', `/api/v1/care-plans/${planId}`)).statusCode).toBe(200);
    expect((await call('billing', 'PUT', `/api/v1/care-plans/${planId}`, CONTENT)).statusCode).toBe(403);
    expect(
      planOf(await call('peer', 'PUT', `/api/v1/care-plans/${planId}`, CONTENT)).shortTermGoals,
    ).toHaveLength(1);
    expect(planOf(await call('peer', 'POST', `/api/v1/care-plans/${planId}/submit`)).status).toBe(
      'submitted',
    );
  });

  it('lists the plans waiting for approval for a supervisor, and none for another organisation', async () => {
    const response = await call('supervisor', 'GET', '/api/v1/care-plans?status=submitted');
    expect(response.statusCode).toBe(200);
    const { plans } = CarePlanListResponseSchema.parse(response.json());
    expect(plans.map((plan) => [plan.id, plan.member.id, plan.actions.approve])).toEqual([
      [planId, memberId, true],
    ]);
    const bad = await call('supervisor', 'GET', '/api/v1/care-plans?status=finished');
    expect(bad.statusCode).toBe(400);
    expect(problemsOf(bad)[0]?.path).toEqual(['query', 'status']);
  });

  it('refuses approval by a peer (403) and a return without a comment (400); a supervisor approves', async () => {
    expect((await call('peer', 'POST', `/api/v1/care-plans/${planId}/approve`, {})).statusCode).toBe(403);
    const noComment = await call('supervisor', 'POST', `/api/v1/care-plans/${planId}/return`, {
      comment: ' ',
    });
    expect(noComment.statusCode).toBe(400);
    expect(problemsOf(noComment)[0]?.path).toEqual(['body', 'comment']);
    const badDates = await call('supervisor', 'POST', `/api/v1/care-plans/${planId}/approve`, {
      effectiveFrom: '2026-12-01',
      reviewOn: '2026-11-01',
    });
    expect(badDates.statusCode).toBe(400);
    expect(problemsOf(badDates)[0]?.path).toEqual(['body', 'reviewOn']);
    const approved = planOf(await call('supervisor', 'POST', `/api/v1/care-plans/${planId}/approve`, {}));
    expect(approved).toMatchObject({
      status: 'approved',
      effectiveFrom: '2026-11-23',
      approval: { approverRole: 'peer_support_supervisor', approver: { id: fixture.users.supervisor.id } },
    });
    expect((await call('peer', 'PUT', `/api/v1/care-plans/${planId}`, CONTENT)).statusCode).toBe(409);
  });

  it('starts an update as version 2 (201)', async () => {
    const update = planOf(await call('peer', 'POST', `/api/v1/care-plans/${planId}/update`), 201);
    expect(update).toMatchObject({ version: 2, kind: 'updated', status: 'draft' });
    expect((await call('peer', 'POST', `/api/v1/care-plans/${planId}/update`)).statusCode).toBe(409);
    const audit = await store.db
      .selectFrom('audit_events')
      .select('action')
      .where('organisation_id', '=', fixture.id)
      .where('action', 'like', 'care_plan.%')
      .orderBy('id')
      .execute();
    expect(new Set(audit.map((row) => row.action))).toEqual(
      new Set([
        'care_plan.create',
        'care_plan.list',
        'care_plan.read',
        'care_plan.update',
        'care_plan.submit',
        'care_plan.approve',
        'care_plan.start_update',
      ]),
    );
  });

  it('describes the routes in OpenAPI', async () => {
    const document = (await testApp.app.inject({ url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/members/{memberId}/care-plans',
        '/api/v1/care-plans',
        '/api/v1/care-plans/{id}',
        '/api/v1/care-plans/{id}/approve',
      ]),
    );
    expect(Object.keys(document.paths['/api/v1/care-plans/{id}'] ?? {})).toEqual(
      expect.arrayContaining(['get', 'put']),
    );
  });
});
