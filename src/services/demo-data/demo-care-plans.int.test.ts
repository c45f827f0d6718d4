/**
 * Database suite: the demo plans of care — approved plans the payer rules accept for every demo member but
 * the last, whose plan is still a draft — readable through the plan-of-care service like any other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDocumentationFixture,
  ManualClock,
  openTestStore,
  testContext,
  testDatabaseKind,
  type DocumentationFixture,
  type TestStore,
} from '../../testing/index.js';
import { carePlanOn, listMemberCarePlans } from '../care-plans/index.js';
import type { ServiceContext } from '../context.js';
import { createDemoCarePlans } from './demo-care-plans.js';

let store: TestStore;
let ctx: ServiceContext;
let fixture: DocumentationFixture;

beforeAll(async () => {
  store = await openTestStore();
  ctx = testContext(store, new ManualClock('2026-11-23T18:00:00Z'));
  fixture = await createDocumentationFixture(ctx, 'demo-plans');
});

afterAll(async () => {
  await store.dispose();
});

describe(`demo plans of care on ${testDatabaseKind()}`, () => {
  it('approves a plan for each member but the last, whose plan is a draft', async () => {
    const memberIds = fixture.members.map((member) => member.id);
    const planIds = await ctx.db.transaction().execute((trx) =>
      createDemoCarePlans(trx, fixture.id, memberIds, fixture.users.peer.id, fixture.users.supervisor.id, {
        now: ctx.clock.now(),
      }),
    );
    expect(planIds).toHaveLength(memberIds.length);
    const onToday = await Promise.all(
      memberIds.map((memberId) => carePlanOn(ctx.db, fixture.id, memberId, '2026-11-23')),
    );
    expect(onToday.map((answer) => answer.carePlan?.approverRole ?? null)).toEqual([
      ...memberIds.slice(1).map(() => 'peer_support_supervisor'),
      null,
    ]);
    expect(onToday[0]?.carePlan).toMatchObject({ approvedOn: '2026-10-24', effectiveFrom: '2026-10-24' });
    expect(onToday[0]?.goals).toHaveLength(2);
    const peer = fixture.users.peer;
    const last = await listMemberCarePlans(
      ctx,
      { userId: peer.id, email: peer.email, organisationId: fixture.id, roles: ['peer'], ip: null },
      memberIds.at(-1) ?? '',
    );
    expect(last.plans.map((plan) => [plan.status, plan.actions.edit])).toEqual([['draft', true]]);
  });
});
