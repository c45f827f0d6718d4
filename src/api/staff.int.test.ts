/**
 * /api/v1/staff over HTTP on a real database: role checks on the server (whatever the page shows), 4xx
 * answers naming each bad field by its path (the NPI check digit included), another organisation's staff
 * answering 404, and the compliance list's "needs attention" filter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffDetailResponseSchema, StaffListResponseSchema } from '../shared/api/index.js';
import type { Role } from '../shared/roles.js';
import {
  createFixtureOrganisation,
  ManualClock,
  openTestStore,
  problemsOf,
  startTestApp,
  testContext,
  testDatabaseKind,
  type FixtureOrganisation,
  type HttpClient,
  type TestApp,
  type TestStore,
} from '../testing/index.js';

let store: TestStore;
let testApp: TestApp;
let org: FixtureOrganisation;
let other: FixtureOrganisation;
const clients = new Map<Role, HttpClient>();

const CERTIFIED = {
  certificationType: 'medi_cal_peer',
  certificationNumber: 'CPS-1234',
  taxonomy: '175T00000X',
  certificationIssuedOn: '2025-01-01',
  certificationExpiresOn: '2027-01-01',
  npi: '1234567893',
  dateOfBirth: '1985-04-04',
  highSchoolDiploma: true,
  livedExperience: true,
};
const CERTIFIED_WITHOUT_NPI = { ...CERTIFIED, npi: null };

function client(role: Role): HttpClient {
  const found = clients.get(role);
  if (found === undefined) throw new Error(`no client for ${role}`);
  return found;
}

const staffUrl = (userId: string): string => `/api/v1/staff/${userId}`;

beforeAll(async () => {
  store = await openTestStore();
  const ctx = testContext(store, new ManualClock());
  testApp = await startTestApp(store, ctx);
  org = await createFixtureOrganisation(ctx, 'staff-http');
  other = await createFixtureOrganisation(ctx, 'staff-http-other');
  for (const role of ['peer', 'supervisor', 'billing', 'admin', 'clinician'] as const) {
    clients.set(role, await testApp.signIn(org.users[role].email));
  }
});

afterAll(async () => {
  await testApp.close();
  await store.dispose();
});

describe(`staff routes on ${testDatabaseKind()}`, () => {
  it('lets an admin save a profile and answers with the credentials, log and compliance', async () => {
    const response = await client('admin').put(staffUrl(org.users.peer.id), {
      ...CERTIFIED,
      supervisorId: org.users.supervisor.id,
    });
    expect(response.statusCode).toBe(200);
    const { staff } = StaffDetailResponseSchema.parse(response.json());
    expect(staff.profile).toMatchObject({
      hasProfile: true,
      npi: '1234567893',
      taxonomy: '175T00000X',
      supervisorName: `supervisor ${org.name.split(' ')[1] ?? ''}`,
    });
    expect(staff.permissions.editProfile).toBe(true);
    expect(staff.supervisorChoices.map((choice) => choice.id)).toEqual([org.users.supervisor.id]);
  });

  it('refuses profile changes from every role but admin with 403, whatever the user is looking at', async () => {
    for (const role of ['peer', 'supervisor', 'billing', 'clinician'] as const) {
      const response = await client(role).put(staffUrl(org.users.peer.id), CERTIFIED);
      expect(response.statusCode, role).toBe(403);
      expect(problemsOf(response)[0]?.code).toBe('access.forbidden');
    }
    const peerOwn = await client('peer').put(staffUrl(org.users.peer.id), { ...CERTIFIED, npi: null });
    expect(peerOwn.statusCode).toBe(403);
    const saved = await store.db
      .selectFrom('staff_profiles')
      .select('npi')
      .where('user_id', '=', org.users.peer.id)
      .executeTakeFirstOrThrow();
    expect(saved.npi).toBe('1234567893');
  });

  it('answers an NPI with a wrong check digit with 400 on body.npi', async () => {
    const response = await client('admin').put(staffUrl(org.users.peer.id), {
      ...CERTIFIED,
      npi: '1234567890',
    });
    expect(response.statusCode).toBe(400);
    const problems = problemsOf(response);
    expect(problems.map((problem) => problem.path)).toEqual([['body', 'npi']]);
    expect(problems[0]?.message).toContain('check digit');
  });

  it('names every bad field of a profile and of a log entry by its path', async () => {
    const profile = await client('admin').put(staffUrl(org.users.peer.id), {
      ...CERTIFIED,
      certificationExpiresOn: '2024-12-31',
      taxonomy: 'peer',
      dateOfBirth: '04/04/1985',
      surprise: true,
    });
    expect(profile.statusCode).toBe(400);
    expect(problemsOf(profile).map((problem) => problem.path.join('.'))).toEqual(
      expect.arrayContaining(['body.taxonomy', 'body.dateOfBirth']),
    );
    const order = await client('admin').put(staffUrl(org.users.peer.id), {
      ...CERTIFIED,
      certificationExpiresOn: '2024-12-31',
    });
    expect(problemsOf(order).map((problem) => problem.path.join('.'))).toEqual([
      'body.certificationExpiresOn',
    ]);
    const entry = await client('peer').post(`${staffUrl(org.users.peer.id)}/continuing-education`, {
      completedOn: '2026-01-05',
      title: '',
      provider: 'CalMHSA',
      hours: 2,
      lawAndEthicsHours: 3,
    });
    expect(entry.statusCode).toBe(400);
    expect(problemsOf(entry).map((problem) => problem.path.join('.'))).toEqual(
      expect.arrayContaining(['body.title', 'body.lawAndEthicsHours']),
    );
    const supervisor = await client('admin').put(staffUrl(org.users.peer.id), {
      ...CERTIFIED,
      supervisorId: org.users.billing.id,
    });
    expect(supervisor.statusCode).toBe(400);
    expect(problemsOf(supervisor)[0]?.path).toEqual(['body', 'supervisorId']);
  });

  it('answers another organisation’s staff member with 404 for every route', async () => {
    const foreign = other.users.peer.id;
    const admin = client('admin');
    const answers = [
      await admin.get(staffUrl(foreign)),
      await admin.put(staffUrl(foreign), CERTIFIED),
      await admin.post(`${staffUrl(foreign)}/continuing-education`, {
        completedOn: '2026-01-05',
        title: 'Ethics',
        provider: 'CalMHSA',
        hours: 2,
      }),
      await admin.request('DELETE', `${staffUrl(foreign)}/continuing-education/${foreign}`, {}),
    ];
    expect(answers.map((answer) => answer.statusCode)).toEqual([404, 404, 404, 404]);
    expect(answers[0]?.body).not.toContain(other.users.peer.email);
  });

  it('lets a peer add to their own log and read their page, but not remove entries or see a colleague', async () => {
    const peer = client('peer');
    const added = await peer.post(`${staffUrl(org.users.peer.id)}/continuing-education`, {
      completedOn: '2026-01-05',
      title: 'Law and ethics for peers',
      provider: 'CalMHSA',
      hours: 6,
      lawAndEthicsHours: 6,
    });
    expect(added.statusCode).toBe(201);
    const { staff } = StaffDetailResponseSchema.parse(added.json());
    const entryId = staff.continuingEducation[0]?.id ?? '';
    expect(staff.permissions).toEqual({
      editProfile: false,
      addContinuingEducation: true,
      removeContinuingEducation: false,
    });
    const remove = await peer.request(
      'DELETE',
      `${staffUrl(org.users.peer.id)}/continuing-education/${entryId}`,
      {},
    );
    expect(remove.statusCode).toBe(403);
    expect((await peer.get(staffUrl(org.users.supervisor.id))).statusCode).toBe(404);
    const removed = await client('admin').request(
      'DELETE',
      `${staffUrl(org.users.peer.id)}/continuing-education/${entryId}`,
      {},
    );
    expect(removed.statusCode).toBe(200);
    expect(StaffDetailResponseSchema.parse(removed.json()).staff.continuingEducation).toEqual([]);
  });

  it('filters the compliance list to staff who need attention, with the reason in words', async () => {
    await client('admin').put(staffUrl(org.users.supervisor.id), CERTIFIED_WITHOUT_NPI);
    await client('admin').put(staffUrl(org.users.peer.id), {
      ...CERTIFIED,
      certificationExpiresOn: '2026-01-31',
      supervisorId: org.users.supervisor.id,
    });
    const all = StaffListResponseSchema.parse((await client('supervisor').get('/api/v1/staff')).json());
    expect(all.staff.map((entry) => entry.userId).sort()).toEqual(
      [org.users.peer.id, org.users.supervisor.id].sort(),
    );
    const attention = StaffListResponseSchema.parse(
      (await client('admin').get('/api/v1/staff?needsAttention=true')).json(),
    );
    const peer = attention.staff.find((entry) => entry.userId === org.users.peer.id);
    expect(peer?.compliance.certification).toBe('expired');
    expect(peer?.compliance.findings.map((finding) => finding.message).join(' ')).toContain(
      'expired (expiry: 2026-01-31)',
    );
    expect(attention.staff.every((entry) => entry.compliance.status !== 'compliant')).toBe(true);
    const bad = await client('admin').get('/api/v1/staff?needsAttention=maybe');
    expect(problemsOf(bad)[0]?.path).toEqual(['query', 'needsAttention']);
  });
});
