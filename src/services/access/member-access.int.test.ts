/**
 * Who sees which member: the one rule every member-scoped use case relies on, checked on the real database
 * for each role, across organisations, and for read versus write.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDocumentationFixture,
  kindOf,
  ManualClock,
  openTestStore,
  testContext,
  testDatabaseKind,
  type DocumentationFixture,
  type TestStore,
  fixtureActor,
} from '../../testing/index.js';
import type { Actor } from '../context.js';
import { memberForActor, visibleMembers } from './index.js';

let store: TestStore;
let org: DocumentationFixture;
let other: DocumentationFixture;
/** A member of `org` on nobody's caseload. */
let unassignedId: string;
/** A member of `org` on the caseload of a peer the fixture supervisor does not supervise. */
let otherPeersMemberId: string;

const actorOf = fixtureActor;

async function visibleIds(actor: Actor): Promise<Set<string>> {
  const rows = await store.db.selectFrom('members').select('id').where(visibleMembers(actor)).execute();
  return new Set(rows.map((row) => row.id));
}

beforeAll(async () => {
  store = await openTestStore();
  const ctx = testContext(store, new ManualClock());
  org = await createDocumentationFixture(ctx, 'access');
  other = await createDocumentationFixture(ctx, 'access-other');
  const template = await store.db
    .selectFrom('members')
    .select(['program_id'])
    .where('id', '=', org.members[0]?.id ?? '')
    .executeTakeFirstOrThrow();
  const insert = (assignedPeerId: string | null) =>
    store.db
      .insertInto('members')
      .values({
        organisation_id: org.id,
        first_name: 'Access',
        last_name: 'Probe',
        date_of_birth: '1991-01-01',
        program_id: template.program_id,
        assigned_peer_id: assignedPeerId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  unassignedId = (await insert(null)).id;
  // The clinician is not a supervised peer: a member assigned to them is outside the supervisor's team.
  otherPeersMemberId = (await insert(org.users.clinician.id)).id;
});

afterAll(async () => {
  await store.dispose();
});

describe(`member access on ${testDatabaseKind()}`, () => {
  it('lets admins, billing and clinicians see every member of their organisation and no other', async () => {
    for (const role of ['admin', 'billing', 'clinician'] as const) {
      const ids = await visibleIds(actorOf(org, role));
      for (const member of org.members) expect(ids.has(member.id)).toBe(true);
      expect(ids.has(unassignedId)).toBe(true);
      for (const member of other.members) expect(ids.has(member.id)).toBe(false);
    }
  });

  it('lets a peer see only their caseload', async () => {
    const ids = await visibleIds(actorOf(org, 'peer'));
    expect([...ids].sort()).toEqual(org.members.map((member) => member.id).sort());
  });

  it('lets a supervisor see the caseloads of the peers they supervise, not other caseloads', async () => {
    const ids = await visibleIds(actorOf(org, 'supervisor'));
    for (const member of org.members) expect(ids.has(member.id)).toBe(true);
    expect(ids.has(unassignedId)).toBe(false);
    expect(ids.has(otherPeersMemberId)).toBe(false);
  });

  it('answers not found for members out of reach, and forbidden for billing staff who write', async () => {
    const memberId = org.members[0]?.id ?? '';
    expect(await kindOf(memberForActor(store.db, actorOf(org, 'peer'), memberId, 'write'))).toBe('ok');
    expect(await kindOf(memberForActor(store.db, actorOf(org, 'peer'), unassignedId, 'read'))).toBe(
      'not_found',
    );
    expect(await kindOf(memberForActor(store.db, actorOf(other, 'admin'), memberId, 'read'))).toBe(
      'not_found',
    );
    expect(await kindOf(memberForActor(store.db, actorOf(org, 'billing'), memberId, 'read'))).toBe('ok');
    expect(await kindOf(memberForActor(store.db, actorOf(org, 'billing'), memberId, 'write'))).toBe(
      'forbidden',
    );
    expect(await kindOf(memberForActor(store.db, actorOf(org, 'admin'), 'not-a-uuid', 'read'))).toBe(
      'not_found',
    );
  });
});
