/**
 * The demo staff credentials are what the demo promises: a peer and a supervisor who are compliant under the
 * Medi-Cal packs on the day the demo is made, with synthetic NPIs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSyntheticNpi } from '../../synthetic/index.js';
import {
  createFixtureOrganisation,
  ManualClock,
  openTestStore,
  testContext,
  testDatabaseKind,
  type FixtureOrganisation,
  type TestStore,
} from '../../testing/index.js';
import type { Actor, ServiceContext } from '../context.js';
import { getStaffMember } from '../staff/index.js';
import { createDemoStaff } from './demo-staff.js';

let store: TestStore;
let ctx: ServiceContext;
let org: FixtureOrganisation;

beforeAll(async () => {
  store = await openTestStore();
  const clock = new ManualClock();
  ctx = testContext(store, clock);
  org = await createFixtureOrganisation(ctx, 'demo-staff');
  await ctx.db
    .transaction()
    .execute((trx) =>
      createDemoStaff(
        trx,
        org.id,
        { peerId: org.users.peer.id, supervisorId: org.users.supervisor.id },
        { now: clock.now() },
      ),
    );
  const alameda = await store.db
    .selectFrom('programs')
    .select('id')
    .where('organisation_id', '=', org.id)
    .where((eb) => eb(eb.val('ca-acbhd'), '=', eb.fn.any('payer_packs')))
    .executeTakeFirstOrThrow();
  await store.db
    .insertInto('members')
    .values({
      organisation_id: org.id,
      first_name: 'Demo',
      last_name: 'Member',
      date_of_birth: '1991-07-07',
      program_id: alameda.id,
      assigned_peer_id: org.users.peer.id,
    })
    .execute();
});

afterAll(async () => {
  await store.dispose();
});

describe(`demo staff on ${testDatabaseKind()}`, () => {
  it('makes the demo peer and supervisor compliant under the packs of the peer’s Alameda caseload', async () => {
    const admin: Actor = {
      userId: org.users.admin.id,
      email: org.users.admin.email,
      organisationId: org.id,
      roles: ['admin'],
      ip: null,
    };
    const peer = await getStaffMember(ctx, admin, org.users.peer.id);
    expect(peer.profile).toMatchObject({
      certificationType: 'medi_cal_peer',
      supervisorId: org.users.supervisor.id,
      taxonomy: '175T00000X',
    });
    expect(isSyntheticNpi(peer.profile.npi ?? '')).toBe(true);
    expect(peer.compliance).toMatchObject({ status: 'compliant', packs: ['ca-dhcs', 'ca-acbhd'] });
    const supervisor = await getStaffMember(ctx, admin, org.users.supervisor.id);
    expect(supervisor.compliance.status).toBe('compliant');
    expect(supervisor.profile.supervisorTrainingOn).not.toBeNull();
  });
});
