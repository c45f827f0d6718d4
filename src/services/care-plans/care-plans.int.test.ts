/**
 * Database suite: plans of care through the service — writing, submitting, returning and approving a
 * version, updates as new versions with every version kept, approved versions frozen (by the service and by
 * the database itself), who may do what, and the audit rows. Runs on PGlite, or PostgreSQL with
 * TEST_DATABASE_URL. The cases build on each other, as one member's plan does over time.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CarePlan, CarePlanContent } from '../../shared/api/care-plans.js';
import {
  createDocumentationFixture,
  ManualClock,
  openTestStore,
  testContext,
  testDatabaseKind,
  type DocumentationFixture,
  type TestStore,
  fixtureActor,
} from '../../testing/index.js';
import type { ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';
import {
  approveCarePlan,
  carePlanOn,
  createCarePlan,
  getCarePlan,
  listCarePlans,
  listMemberCarePlans,
  returnCarePlan,
  startCarePlanUpdate,
  submitCarePlan,
  submissionProblems,
  updateCarePlan,
} from './index.js';

let store: TestStore;
let ctx: ServiceContext;
let clock: ManualClock;
let fixture: DocumentationFixture;
let other: DocumentationFixture;
let memberId: string;

const actorOf = fixtureActor;

const COMPLETE: CarePlanContent = {
  longTermGoals: 'I want my own place and to get back to work at the bakery.',
  shortTermGoals: [
    {
      text: 'Visit two apartments with my peer by the end of the month',
      targetDate: '2026-12-31',
      status: 'not_started',
    },
    { text: 'Call the bakery about part-time shifts', targetDate: '2027-01-15', status: 'in_progress' },
  ],
  memberParticipated: true,
  memberAgreed: true,
  needAreas: ['work_preparation', 'self_advocacy'],
};

/** The service error a promise rejects with, for asserting its kind and problems. */
async function refusal(promise: Promise<unknown>): Promise<ServiceError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ServiceError)) throw new Error(`expected a ServiceError, got ${String(error)}`);
  return error;
}

async function auditOf(recordId: string): Promise<string[]> {
  const rows = await store.db
    .selectFrom('audit_events')
    .select(['action', 'user_email'])
    .where('record_id', '=', recordId)
    .orderBy('id')
    .execute();
  return rows.map((row) => `${row.action}:${row.user_email ?? 'system'}`);
}

beforeAll(async () => {
  store = await openTestStore();
  clock = new ManualClock('2026-11-23T18:00:00Z');
  ctx = testContext(store, clock);
  fixture = await createDocumentationFixture(ctx, 'plans');
  other = await createDocumentationFixture(ctx, 'elsewhere');
  memberId = fixture.members[0]?.id ?? '';
});

afterAll(async () => {
  await store.dispose();
});

describe(`plans of care on ${testDatabaseKind()}`, () => {
  let first: CarePlan;

  it('lets a peer write a first plan for a member of their caseload: version 1, new, a draft', async () => {
    const peer = actorOf(fixture, 'peer');
    const before = await listMemberCarePlans(ctx, peer, memberId);
    expect(before).toMatchObject({ plans: [], currentPlanId: null, canCreate: true });
    first = await createCarePlan(ctx, peer, memberId, { longTermGoals: 'I want my own place.' });
    expect(first).toMatchObject({
      version: 1,
      kind: 'new',
      status: 'draft',
      longTermGoals: 'I want my own place.',
      shortTermGoals: [],
      author: { id: peer.userId },
      approval: null,
      actions: { edit: true, submit: true, approve: false, return: false, startUpdate: false },
    });
    expect(await auditOf(first.id)).toEqual([`care_plan.create:${peer.email}`]);
    // A second "first plan" is refused: the draft is where the work goes on.
    expect((await refusal(createCarePlan(ctx, peer, memberId, {}))).problems[0]?.code).toBe(
      'care_plan.exists',
    );
  });

  it('refuses to submit an incomplete plan, naming each field to fix', async () => {
    const peer = actorOf(fixture, 'peer');
    await updateCarePlan(ctx, peer, first.id, {
      longTermGoals: '  ',
      shortTermGoals: [{ text: 'Find an apartment', targetDate: null, status: 'not_started' }],
      needAreas: [],
      memberParticipated: false,
      memberAgreed: false,
    });
    const error = await refusal(submitCarePlan(ctx, peer, first.id));
    expect(error.kind).toBe('invalid');
    expect(error.problems.map((problem) => problem.path)).toEqual([
      ['body', 'longTermGoals'],
      ['body', 'shortTermGoals', 0, 'targetDate'],
      ['body', 'memberParticipated'],
      ['body', 'memberAgreed'],
    ]);
    expect(submissionProblems({ ...COMPLETE, shortTermGoals: [] }).map((problem) => problem.code)).toEqual([
      'care_plan.short_term_goals_missing',
    ]);
    expect((await getCarePlan(ctx, peer, first.id)).status).toBe('draft');
  });

  it('keeps a goal’s id when a save sends it back, and refuses an id from elsewhere', async () => {
    const peer = actorOf(fixture, 'peer');
    const saved = await updateCarePlan(ctx, peer, first.id, COMPLETE);
    const [goalA, goalB] = saved.shortTermGoals;
    expect(saved.shortTermGoals.map((goal) => goal.text)).toEqual(
      COMPLETE.shortTermGoals.map((goal) => goal.text),
    );
    // North Carolina §I.D need areas are kept, in the policy's order whatever order they were ticked in.
    expect(saved.needAreas).toEqual(['self_advocacy', 'work_preparation']);

    const reordered = await updateCarePlan(ctx, peer, first.id, {
      ...COMPLETE,
      shortTermGoals: [
        { ...COMPLETE.shortTermGoals[1]!, id: goalB?.id },
        { ...COMPLETE.shortTermGoals[0]!, id: goalA?.id },
      ],
    });
    expect(reordered.shortTermGoals.map((goal) => goal.id)).toEqual([goalB?.id, goalA?.id]);
    const error = await refusal(
      updateCarePlan(ctx, peer, first.id, {
        ...COMPLETE,
        shortTermGoals: [{ ...COMPLETE.shortTermGoals[0]!, id: '00000000-0000-4000-8000-000000000000' }],
      }),
    );
    expect(error.problems[0]?.path).toEqual(['body', 'shortTermGoals', 0, 'id']);
    first = await updateCarePlan(ctx, peer, first.id, COMPLETE);
  });

  it('lets billing staff read the plan but never change it, and keeps other organisations out', async () => {
    const billing = actorOf(fixture, 'billing');
    const read = await getCarePlan(ctx, billing, first.id);
    expect(read.actions).toEqual({
      edit: false,
      submit: false,
      approve: false,
      return: false,
      startUpdate: false,
    });
    expect((await refusal(updateCarePlan(ctx, billing, first.id, COMPLETE))).kind).toBe('forbidden');
    expect((await refusal(submitCarePlan(ctx, billing, first.id))).kind).toBe('forbidden');
    expect((await refusal(createCarePlan(ctx, billing, fixture.members[1]?.id ?? '', {}))).kind).toBe(
      'forbidden',
    );
    expect((await refusal(getCarePlan(ctx, actorOf(other, 'admin'), first.id))).kind).toBe('not_found');
    expect((await refusal(listMemberCarePlans(ctx, actorOf(other, 'admin'), memberId))).kind).toBe(
      'not_found',
    );
    // A clinician may change clinical records, but not a plan someone else wrote.
    expect((await refusal(updateCarePlan(ctx, actorOf(fixture, 'clinician'), first.id, COMPLETE))).kind).toBe(
      'forbidden',
    );
    expect(await auditOf(first.id)).toContain(`care_plan.read:${billing.email}`);
  });

  it('submits a complete plan; then it waits for approval and cannot be edited', async () => {
    const peer = actorOf(fixture, 'peer');
    const submitted = await submitCarePlan(ctx, peer, first.id);
    expect(submitted).toMatchObject({ status: 'submitted', actions: { edit: false, approve: false } });
    expect((await refusal(updateCarePlan(ctx, peer, first.id, COMPLETE))).problems[0]?.code).toBe(
      'care_plan.not_editable',
    );
    const queue = await listCarePlans(ctx, actorOf(fixture, 'supervisor'), { status: 'submitted' });
    expect(queue.map((plan) => [plan.id, plan.actions.approve])).toEqual([[first.id, true]]);
    expect(await listCarePlans(ctx, actorOf(other, 'supervisor'), { status: 'submitted' })).toEqual([]);
  });

  it('lets only clinicians and supervisors approve or return, and not the plan’s own author', async () => {
    const peer = actorOf(fixture, 'peer');
    expect((await refusal(approveCarePlan(ctx, peer, first.id, {}))).problems[0]?.code).toBe(
      'care_plan.approver_role',
    );
    expect((await refusal(returnCarePlan(ctx, peer, first.id, { comment: 'x' }))).kind).toBe('forbidden');
    expect(
      (await refusal(approveCarePlan(ctx, actorOf(fixture, 'admin'), first.id, {}))).problems[0]?.code,
    ).toBe('care_plan.approver_role');

    // A supervisor who wrote a plan cannot approve it.
    const supervisor = actorOf(fixture, 'supervisor');
    const ownMember = fixture.members[1]?.id ?? '';
    const own = await createCarePlan(ctx, supervisor, ownMember, COMPLETE);
    await submitCarePlan(ctx, supervisor, own.id);
    const error = await refusal(approveCarePlan(ctx, supervisor, own.id, {}));
    expect(error).toMatchObject({ kind: 'forbidden', problems: [{ code: 'care_plan.own_plan' }] });
    expect((await getCarePlan(ctx, supervisor, own.id)).actions.approve).toBe(false);
  });

  it('returns a plan with a comment; the author fixes it and sends it again', async () => {
    const supervisor = actorOf(fixture, 'supervisor');
    const returned = await returnCarePlan(ctx, supervisor, first.id, {
      comment: 'Make the bakery goal measurable: how many calls?',
    });
    expect(returned.status).toBe('returned');
    expect(returned.returnComment).toContain('bakery');
    const peer = actorOf(fixture, 'peer');
    await updateCarePlan(ctx, peer, first.id, {
      ...COMPLETE,
      shortTermGoals: [
        COMPLETE.shortTermGoals[0]!,
        {
          text: 'Make two calls to the bakery about shifts',
          targetDate: '2027-01-15',
          status: 'in_progress',
        },
      ],
    });
    expect((await submitCarePlan(ctx, peer, first.id)).status).toBe('submitted');
  });

  it('approves as a peer support supervisor, effective the day of approval, review after 180 days', async () => {
    const supervisor = actorOf(fixture, 'supervisor');
    first = await approveCarePlan(ctx, supervisor, first.id, {});
    expect(first).toMatchObject({
      status: 'approved',
      effectiveFrom: '2026-11-23',
      effectiveTo: null,
      reviewOn: '2027-05-22',
      approval: {
        approver: { id: supervisor.userId },
        approverRole: 'peer_support_supervisor',
        approvedAt: '2026-11-23T18:00:00.000Z',
        approvedOn: '2026-11-23',
      },
    });
    expect(await auditOf(first.id)).toEqual(
      expect.arrayContaining([
        `care_plan.submit:${fixture.users.peer.email}`,
        `care_plan.return:${supervisor.email}`,
        `care_plan.approve:${supervisor.email}`,
      ]),
    );
    const list = await listMemberCarePlans(ctx, actorOf(fixture, 'peer'), memberId);
    expect(list).toMatchObject({ currentPlanId: first.id, canCreate: false });
    expect(list.plans[0]?.actions.startUpdate).toBe(true);
  });

  it('keeps an approved version frozen: the service refuses, and so does the database itself', async () => {
    const peer = actorOf(fixture, 'peer');
    expect((await refusal(updateCarePlan(ctx, actorOf(fixture, 'admin'), first.id, COMPLETE))).kind).toBe(
      'conflict',
    );
    expect((await refusal(submitCarePlan(ctx, peer, first.id))).kind).toBe('conflict');
    await expect(
      store.db
        .updateTable('care_plans')
        .set({ long_term_goals: 'changed behind the app' })
        .where('id', '=', first.id)
        .execute(),
    ).rejects.toThrow(/approved and cannot change/);
    await expect(sql`delete from care_plans where id = ${first.id}`.execute(store.db)).rejects.toThrow(
      /cannot be removed/,
    );
    await expect(
      store.db
        .updateTable('care_plan_goals')
        .set({ status: 'met' })
        .where('care_plan_id', '=', first.id)
        .execute(),
    ).rejects.toThrow(/cannot change/);
    await expect(
      store.db
        .insertInto('care_plan_goals')
        .values({ organisation_id: fixture.id, care_plan_id: first.id, position: 9, text: 'Sneaked in' })
        .execute(),
    ).rejects.toThrow(/cannot change/);
    expect((await getCarePlan(ctx, peer, first.id)).longTermGoals).toBe(COMPLETE.longTermGoals);
  });

  it('starts an update as a new draft version copied from the approved one, which stays in effect', async () => {
    clock.advanceMinutes(60 * 24 * 7);
    const peer = actorOf(fixture, 'peer');
    const update = await startCarePlanUpdate(ctx, peer, first.id);
    expect(update).toMatchObject({
      version: 2,
      kind: 'updated',
      status: 'draft',
      longTermGoals: first.longTermGoals,
      memberParticipated: false,
      memberAgreed: false,
      // The needs the plan addresses carry over to the update.
      needAreas: ['self_advocacy', 'work_preparation'],
      approval: null,
    });
    expect(update.shortTermGoals.map((goal) => [goal.text, goal.targetDate, goal.status])).toEqual(
      first.shortTermGoals.map((goal) => [goal.text, goal.targetDate, goal.status]),
    );
    // The copies are new goals of the new version; the approved version keeps its own.
    expect(update.shortTermGoals.map((goal) => goal.id)).not.toContain(first.shortTermGoals[0]?.id);
    expect((await refusal(startCarePlanUpdate(ctx, peer, first.id))).problems[0]?.code).toBe(
      'care_plan.open_version',
    );
    expect((await refusal(startCarePlanUpdate(ctx, peer, update.id))).kind).toBe('conflict');
    const list = await listMemberCarePlans(ctx, peer, memberId);
    expect(list.plans.map((plan) => [plan.version, plan.status])).toEqual([
      [2, 'draft'],
      [1, 'approved'],
    ]);
    expect(list.currentPlanId).toBe(first.id);
    expect(await auditOf(update.id)).toEqual([`care_plan.start_update:${peer.email}`]);
  });

  it('approves the update as a behavioral health professional from a later date; the first version ends the day before', async () => {
    const peer = actorOf(fixture, 'peer');
    const [draft] = (await listMemberCarePlans(ctx, peer, memberId)).plans;
    await updateCarePlan(ctx, peer, draft?.id ?? '', {
      ...COMPLETE,
      longTermGoals: 'My own place, and work.',
    });
    await submitCarePlan(ctx, peer, draft?.id ?? '');
    const clinician = actorOf(fixture, 'clinician');
    const early = await refusal(
      approveCarePlan(ctx, clinician, draft?.id ?? '', { effectiveFrom: '2026-11-01' }),
    );
    expect(early.problems[0]?.path).toEqual(['body', 'effectiveFrom']);
    const approved = await approveCarePlan(ctx, clinician, draft?.id ?? '', { effectiveFrom: '2027-01-01' });
    expect(approved).toMatchObject({
      effectiveFrom: '2027-01-01',
      reviewOn: '2027-06-30',
      approval: { approverRole: 'behavioral_health_professional' },
    });
    const list = await listMemberCarePlans(ctx, peer, memberId);
    expect(list.plans.map((plan) => [plan.version, plan.effectiveFrom, plan.effectiveTo])).toEqual([
      [2, '2027-01-01', null],
      [1, '2026-11-23', '2026-12-31'],
    ]);
    expect(list.currentPlanId).toBe(first.id);
  });

  it('answers carePlanOn with the version in effect on each date of service, and its goals', async () => {
    const before = await carePlanOn(store.db, fixture.id, memberId, '2026-11-01');
    // Nothing in effect yet: the first approved version is described, starting after the date of service.
    expect(before.carePlan).toEqual({
      approvedOn: '2026-11-23',
      approverRole: 'peer_support_supervisor',
      effectiveFrom: '2026-11-23',
      effectiveTo: '2026-12-31',
      // The review date set on approval reaches the engine (Los Angeles' review_due rule reads it).
      reviewOn: '2027-05-22',
      // And the need areas (North Carolina §I.D).
      needAreas: ['self_advocacy', 'work_preparation'],
    });
    const during = await carePlanOn(store.db, fixture.id, memberId, '2026-12-31');
    expect(during.plan).toMatchObject({ id: first.id, version: 1, reviewOn: '2027-05-22' });
    expect(during.goals).toEqual(first.shortTermGoals.map((goal) => ({ id: goal.id, text: goal.text })));
    const after = await carePlanOn(store.db, fixture.id, memberId, '2027-02-01');
    expect(after.carePlan).toEqual({
      approvedOn: '2026-11-30',
      approverRole: 'behavioral_health_professional',
      effectiveFrom: '2027-01-01',
      reviewOn: '2027-06-30',
      needAreas: ['self_advocacy', 'work_preparation'],
    });
    expect(after.plan?.version).toBe(2);
    // Scoped by organisation: another organisation's id finds nothing.
    expect(await carePlanOn(store.db, other.id, memberId, '2027-02-01')).toEqual({
      carePlan: undefined,
      plan: null,
      goals: [],
    });
  });
});
