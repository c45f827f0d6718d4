/**
 * Database suite: the demo group session — three attendees with draft notes sharing the Interaction, led by
 * the peer — reads through the group service like any other group, and signing it signs the two attendees
 * whose notes are complete and holds back the third.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addProgramMembers,
  createDocumentationFixture,
  fixtureMemberWith,
  ManualClock,
  openTestStore,
  testContext,
  testDatabaseKind,
  type DocumentationFixture,
  type TestStore,
} from '../../testing/index.js';
import type { Actor, ServiceContext } from '../context.js';
import { getGroup, signGroup } from '../groups/index.js';
import { createDemoGroup } from './demo-groups.js';

let store: TestStore;
let ctx: ServiceContext;
let fixture: DocumentationFixture;

beforeAll(async () => {
  store = await openTestStore();
  ctx = testContext(store, new ManualClock('2026-11-18T20:00:00Z'));
  fixture = await createDocumentationFixture(ctx, 'demo-groups');
});

afterAll(async () => {
  await store.dispose();
});

describe(`the demo group session on ${testDatabaseKind()}`, () => {
  it('has three attendees sharing the Interaction, and signs the two whose notes are complete', async () => {
    const member = fixtureMemberWith(fixture, 'ca-dhcs');
    const memberIds = [member.id, ...(await addProgramMembers(ctx, fixture, member, ['Dana', 'Emery']))];
    const groupId = await ctx.db
      .transaction()
      .execute((trx) =>
        createDemoGroup(
          trx,
          fixture.id,
          member.programId,
          memberIds,
          [fixture.users.peer.id, fixture.users.supervisor.id],
          ctx.clock,
        ),
      );
    const peer = fixture.users.peer;
    const actor: Actor = {
      userId: peer.id,
      email: peer.email,
      organisationId: fixture.id,
      roles: ['peer'],
      ip: null,
    };
    const group = await getGroup(ctx, actor, groupId);
    expect(group).toMatchObject({
      topic: 'Budgeting for the month',
      dateOfService: '2026-11-18',
      status: 'draft',
    });
    expect(group.facilitatorFte).toBe(1.5);
    expect(group.attendees).toHaveLength(3);
    expect(group.attendees.map((attendee) => attendee.preview?.lines[0]?.code)).toEqual([
      'H0025',
      'H0025',
      'H0025',
    ]);
    const result = await signGroup(ctx, actor, groupId);
    const byMember = new Map(result.outcomes.map((outcome) => [outcome.member.id, outcome.outcome]));
    expect(memberIds.map((id) => byMember.get(id))).toEqual(['signed', 'signed', 'blocked']);
  });
});
