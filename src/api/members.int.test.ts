/**
 * Members over HTTP: the real app on a real database. These pin what the member pages rely on — a 4xx
 * names the field to fix (down to a diagnosis in a list), a member out of reach is a 404 like a missing one,
 * wrong roles are refused by the route (and audited), and every change answers with the whole record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemberResponseSchema, MemberSearchResponseSchema, type MemberRecord } from '../shared/api/index.js';
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
let other: DocumentationFixture;
const clients = {} as Record<
  'admin' | 'peer' | 'supervisor' | 'billing' | 'clinician' | 'otherAdmin',
  HttpClient
>;

const URL = '/api/v1/members';

function memberOf(body: unknown): MemberRecord {
  return MemberResponseSchema.parse(body).member;
}

beforeAll(async () => {
  store = await openTestStore();
  const ctx = testContext(store, new ManualClock('2026-11-23T18:00:00Z'));
  testApp = await startTestApp(store, ctx);
  fixture = await createDocumentationFixture(ctx, 'members-http');
  other = await createDocumentationFixture(ctx, 'members-http-other');
  for (const role of ['admin', 'peer', 'supervisor', 'billing', 'clinician'] as const) {
    clients[role] = await testApp.signIn(fixture.users[role].email);
  }
  clients.otherAdmin = await testApp.signIn(other.users.admin.email);
});

afterAll(async () => {
  await testApp.close();
  await store.dispose();
});

describe(`members over HTTP on ${testDatabaseKind()}`, () => {
  let created: MemberRecord;

  it('adds a member (201) with coverage and a consent, answering the whole record', async () => {
    const response = await clients.admin.post(URL, {
      firstName: 'Jamal',
      lastName: 'Httpson',
      dateOfBirth: '1984-05-06',
      medicaidId: 'ZZNC50000001',
      programId: fixture.programs[2]?.id,
      assignedPeerId: fixture.users.peer.id,
      coverage: [
        { payerPack: 'nc-wellcare', planName: 'WellCare', memberNumber: 'ZZNC50000001', from: '2026-01-01' },
      ],
      consents: [{ kind: 'telehealth', givenOn: '2026-01-10' }],
    });
    expect(response.statusCode).toBe(201);
    created = memberOf(response.json());
    expect(created.coverage).toMatchObject([{ payerPack: 'nc-wellcare', to: null }]);
    expect(created.consents).toMatchObject([{ kind: 'telehealth', givenOn: '2026-01-10' }]);
  });

  it('answers 400 naming each field to fix, down to an entry in a list', async () => {
    const response = await clients.admin.post(URL, {
      firstName: ' ',
      lastName: 'Badfields',
      dateOfBirth: '14/03/1990',
      phone: '555-0142',
      programId: fixture.programs[0]?.id,
      diagnoses: [
        { code: 'depression', description: 'x', category: 'mental_health', recordedOn: '2026-01-01' },
      ],
      coverage: [
        {
          payerPack: 'ca-dhcs',
          planName: 'Medi-Cal',
          memberNumber: 'ZZCA1',
          from: '2026-02-01',
          to: '2026-01-01',
        },
      ],
    });
    expect(response.statusCode).toBe(400);
    const problems = problemsOf(response);
    const paths = problems.map((problem) => problem.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        ['body', 'firstName'],
        ['body', 'dateOfBirth'],
        ['body', 'phone'],
        ['body', 'diagnoses', 0, 'code'],
        ['body', 'coverage', 0, 'memberNumber'],
        ['body', 'coverage', 0, 'to'],
      ]),
    );
    const codeProblem = problems.find((problem) => problem.path.join('.') === 'body.diagnoses.0.code');
    expect(codeProblem?.message).toContain('F33.1');
    expect(problems.find((problem) => problem.path.join('.') === 'body.phone')?.message).toContain(
      '10-digit',
    );
  });

  it('changes the sex and home address, and answers 400 beside each part missing from half an address', async () => {
    const changed = await clients.admin.patch(`${URL}/${created.id}`, {
      sex: 'M',
      addressLine1: '300 Placeholder Lane',
      city: 'Raleigh',
      state: 'nc',
      postalCode: '27601',
    });
    expect(changed.statusCode).toBe(200);
    expect(memberOf(changed.json())).toMatchObject({ sex: 'M', state: 'NC', postalCode: '27601' });
    const half = await clients.admin.patch(`${URL}/${created.id}`, { city: 'Durham' });
    expect(half.statusCode).toBe(400);
    expect(problemsOf(half).map((problem) => problem.path)).toEqual(
      expect.arrayContaining([
        ['body', 'addressLine1'],
        ['body', 'state'],
        ['body', 'postalCode'],
      ]),
    );
  });

  it('answers 409 on the Medicaid ID field when another member has it', async () => {
    const response = await clients.admin.post(URL, {
      firstName: 'Second',
      lastName: 'Httpson',
      dateOfBirth: '1984-05-06',
      medicaidId: 'zznc50000001',
      programId: fixture.programs[2]?.id,
    });
    expect(response.statusCode).toBe(409);
    expect(problemsOf(response)[0]?.path).toEqual(['body', 'medicaidId']);
  });

  it('searches with the query string and checks it', async () => {
    const found = await clients.peer.get(`${URL}?name=https&scope=caseload`);
    expect(found.statusCode).toBe(200);
    expect(MemberSearchResponseSchema.parse(found.json()).members.map((member) => member.id)).toEqual([
      created.id,
    ]);
    const bad = await clients.peer.get(`${URL}?limit=0&dateOfBirth=yesterday&scope=team`);
    expect(bad.statusCode).toBe(400);
    expect(problemsOf(bad).map((problem) => problem.path)).toEqual(
      expect.arrayContaining([
        ['query', 'limit'],
        ['query', 'dateOfBirth'],
        ['query', 'scope'],
      ]),
    );
  });

  it('answers 404 for a member out of reach, of another organisation, or that does not exist', async () => {
    const outOfReach = fixture.members[0]?.id ?? '';
    await clients.admin.post(`${URL}/${outOfReach}/assign-peer`, { peerId: fixture.users.supervisor.id });
    // Assigned to the supervisor: the peer cannot see it, another organisation's admin neither.
    expect((await clients.peer.get(`${URL}/${outOfReach}`)).statusCode).toBe(404);
    expect((await clients.otherAdmin.get(`${URL}/${created.id}`)).statusCode).toBe(404);
    expect((await clients.otherAdmin.patch(`${URL}/${created.id}`, { pronouns: 'he/him' })).statusCode).toBe(
      404,
    );
    expect((await clients.admin.get(`${URL}/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
    const malformed = await clients.admin.get(`${URL}/not-an-id`);
    expect(malformed.statusCode).toBe(400);
    expect(problemsOf(malformed)[0]?.path).toEqual(['params', 'memberId']);
  });

  it('refuses billing staff clinical changes at the route (403, audited) but takes their coverage', async () => {
    const refused = await clients.billing.patch(`${URL}/${created.id}`, { pronouns: 'he/him' });
    expect(refused.statusCode).toBe(403);
    const denied = await store.db
      .selectFrom('audit_events')
      .select(['action', 'outcome'])
      .where('user_id', '=', fixture.users.billing.id)
      .where('action', '=', 'access.denied')
      .execute();
    expect(denied.length).toBeGreaterThan(0);
    const checked = await clients.billing.post(`${URL}/${created.id}/eligibility-checks`, {
      checkedOn: '2026-11-23',
      result: 'eligible',
      source: 'NCTracks',
    });
    expect(checked.statusCode).toBe(201);
    expect(memberOf(checked.json()).eligibilityChecks[0]?.checkedBy.id).toBe(fixture.users.billing.id);
  });

  it('lets the peer edit a sub-record and answers 404 for a sub-record id that is not this member’s', async () => {
    const added = await clients.peer.post(`${URL}/${created.id}/contacts`, {
      kind: 'significant_support',
      name: 'Mentor Httpson',
      phone: '',
      email: '',
    });
    expect(added.statusCode).toBe(201);
    const contact = memberOf(added.json()).contacts[0];
    expect(contact).toMatchObject({ phone: null, email: null });
    const replaced = await clients.peer.patch(`${URL}/${created.id}/contacts/${contact?.id ?? ''}`, {
      kind: 'significant_support',
      name: 'Mentor Httpson',
      email: 'not an email',
    });
    expect(replaced.statusCode).toBe(400);
    expect(problemsOf(replaced)[0]?.path).toEqual(['body', 'email']);
    const missing = await clients.peer.post(
      `${URL}/${created.id}/contacts/00000000-0000-4000-8000-000000000000/remove`,
      {},
    );
    expect(missing.statusCode).toBe(404);
    const removed = await clients.peer.post(`${URL}/${created.id}/contacts/${contact?.id ?? ''}/remove`, {});
    expect(memberOf(removed.json()).contacts).toEqual([]);
  });

  it('lets only admins and supervisors add members and list assignable peers', async () => {
    for (const client of [clients.peer, clients.billing, clients.clinician]) {
      expect((await client.get(`${URL}/assignable-peers`)).statusCode).toBe(403);
    }
    const peers = await clients.supervisor.get(`${URL}/assignable-peers`);
    expect(peers.statusCode).toBe(200);
    expect(peers.json()).toEqual({
      peers: expect.arrayContaining([expect.objectContaining({ id: fixture.users.peer.id })]) as unknown,
    });
  });

  it('revokes a consent and refuses a revocation date before it was given', async () => {
    const consentId = created.consents[0]?.id ?? '';
    const early = await clients.peer.post(`${URL}/${created.id}/consents/${consentId}/revoke`, {
      revokedOn: '2025-01-01',
    });
    expect(early.statusCode).toBe(400);
    expect(problemsOf(early)[0]?.path).toEqual(['body', 'revokedOn']);
    const revoked = await clients.peer.post(`${URL}/${created.id}/consents/${consentId}/revoke`, {
      revokedOn: '2026-11-01',
    });
    expect(memberOf(revoked.json()).consents[0]?.revokedOn).toBe('2026-11-01');
  });
});
