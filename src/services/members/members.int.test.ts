/**
 * Database suite: members through the service — adding a member with the records known at intake (all or
 * nothing), search by name, Medicaid ID and date of birth, each role's reach (peers their caseload,
 * supervisors their team, billing read-only but for coverage and eligibility, nothing of another
 * organisation), peer assignment, the sub-records, the audit row of every read and change (without PHI), and
 * the claim context the notes service reads. Runs on PGlite, or PostgreSQL with TEST_DATABASE_URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateMemberRequestSchema,
  MemberSearchQuerySchema,
  UpdateMemberRequestSchema,
  type CreateMemberRequestInput,
  type MemberRecord,
  type MemberSearchQueryInput,
} from '../../shared/api/members.js';
import type { Role } from '../../shared/roles.js';
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
import type { Actor, ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';
import { insertUser } from '../users/index.js';
import {
  addConsent,
  addContact,
  addCoverage,
  addDiagnosis,
  addEligibilityCheck,
  addEligibilityDetermination,
  addEpisode,
  assignPeer,
  coverageOn,
  createMember,
  getMember,
  listAssignablePeers,
  loadMemberClaimRecordsMany,
  memberClaimContext,
  removeContact,
  removeCoverage,
  removeDiagnosis,
  removeEligibilityDetermination,
  addOutsideGroupHours,
  removeOutsideGroupHours,
  revokeConsent,
  searchMembers,
  updateContact,
  updateDiagnosis,
  updateEligibilityDetermination,
  updateOutsideGroupHours,
  updateEpisode,
  updateMember,
} from './index.js';

let store: TestStore;
let ctx: ServiceContext;
let fixture: DocumentationFixture;
let other: DocumentationFixture;
/** A second peer of the fixture organisation, supervised by nobody. */
let outsider: Actor;

const actorOf = fixtureActor;
const as = (role: Role): Actor => actorOf(fixture, role);
const programOf = (index: number): string => fixture.programs[index]?.id ?? '';

/** The service error a promise rejects with, for asserting its kind and problems. */
async function refusal(promise: Promise<unknown>): Promise<ServiceError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ServiceError)) {
    throw new Error(`expected a ServiceError, got ${String(error)}`);
  }
  return error;
}

function create(actor: Actor, input: Partial<CreateMemberRequestInput>): Promise<MemberRecord> {
  return createMember(
    ctx,
    actor,
    CreateMemberRequestSchema.parse({
      firstName: 'Casey',
      lastName: 'Member',
      dateOfBirth: '1991-09-09',
      programId: programOf(0),
      ...input,
    }),
  );
}

function search(actor: Actor, query: MemberSearchQueryInput = {}) {
  return searchMembers(ctx, actor, MemberSearchQuerySchema.parse(query));
}

async function auditRows(recordId: string | null, action: string) {
  let query = store.db
    .selectFrom('audit_events')
    .select(['action', 'user_id', 'outcome', 'details', 'record_type', 'record_id'])
    .where('action', '=', action)
    .where('organisation_id', '=', fixture.id);
  query = recordId === null ? query.where('record_id', 'is', null) : query.where('record_id', '=', recordId);
  return query.orderBy('id').execute();
}

async function memberCount(lastName: string): Promise<number> {
  const rows = await store.db.selectFrom('members').select('id').where('last_name', '=', lastName).execute();
  return rows.length;
}

beforeAll(async () => {
  store = await openTestStore();
  ctx = testContext(store, new ManualClock('2026-11-23T18:00:00Z'));
  fixture = await createDocumentationFixture(ctx, 'members');
  other = await createDocumentationFixture(ctx, 'members-other');
  const row = await insertUser(store.db, new Date(), {
    organisationId: fixture.id,
    email: `outsider-${fixture.id}@fixtures.peerline.test`,
    displayName: 'Outsider Peer',
    roles: ['peer'],
    passwordHash: 'not-used',
  });
  outsider = { userId: row.id, email: row.email, organisationId: fixture.id, roles: ['peer'], ip: null };
});

afterAll(async () => {
  await store.dispose();
});

describe(`members on ${testDatabaseKind()}`, () => {
  describe('adding a member', () => {
    it('adds a member with the records known at intake, in one go, audited without PHI', async () => {
      const member = await create(as('admin'), {
        firstName: 'Rosa',
        lastName: 'Intake',
        preferredName: 'Ro',
        pronouns: 'she/her',
        medicaidId: 'zzca-1000-0001',
        phone: '(510) 555-0142',
        asamLevel: '',
        assignedPeerId: fixture.users.peer.id,
        contacts: [{ kind: 'family', name: 'Ana Intake', relationship: 'sister', phone: '510.555.0143' }],
        coverage: [
          { payerPack: 'ca-dhcs', planName: 'Medi-Cal', memberNumber: 'ZZCA10000001', from: '2026-01-01' },
        ],
        diagnoses: [
          {
            code: 'f331',
            description: 'Major depressive disorder',
            category: 'mental_health',
            recordedOn: '2026-01-05',
          },
        ],
        episodes: [{ programId: programOf(0), admittedOn: '2026-01-05', assessmentOn: '2026-01-08' }],
        consents: [{ kind: 'telehealth', givenOn: '2026-01-05' }],
      });
      // What people type is normalised: the Medicaid ID, phones and the ICD-10-CM code.
      expect(member.medicaidId).toBe('ZZCA10000001');
      expect(member.phone).toBe('5105550142');
      expect(member.asamLevel).toBeNull();
      expect(member.contacts).toMatchObject([{ kind: 'family', name: 'Ana Intake', phone: '5105550143' }]);
      expect(member.diagnoses).toMatchObject([{ code: 'F33.1', category: 'mental_health' }]);
      expect(member.coverage).toMatchObject([{ payerPack: 'ca-dhcs', from: '2026-01-01', to: null }]);
      expect(member.episodes).toMatchObject([{ program: { id: programOf(0) }, assessmentOn: '2026-01-08' }]);
      expect(member.consents).toMatchObject([{ kind: 'telehealth', givenOn: '2026-01-05', revokedOn: null }]);
      expect(member.assignedPeer?.id).toBe(fixture.users.peer.id);
      expect(member.access).toEqual({ canEdit: true, canEditCoverage: true, canAssignPeer: true });

      const [audit] = await auditRows(member.id, 'member.create');
      expect(audit?.user_id).toBe(fixture.users.admin.id);
      expect(audit?.details).toMatchObject({
        contacts: 1,
        coverage: 1,
        diagnoses: 1,
        episodes: 1,
        consents: 1,
      });
      expect(JSON.stringify(audit?.details)).not.toMatch(/Rosa|Intake|ZZCA|5105550142/);
    });

    it('keeps nothing when a record sent with the member is refused (an episode in another organisation’s program)', async () => {
      const refused = await refusal(
        create(as('admin'), {
          lastName: 'Rollback',
          contacts: [{ kind: 'guardian', name: 'Guardian Rollback' }],
          coverage: [
            { payerPack: 'ks-pahp', planName: 'KanCare', memberNumber: 'ZZKS10000001', from: '2026-01-01' },
          ],
          episodes: [{ programId: other.programs[0]?.id ?? '', admittedOn: '2026-01-05' }],
        }),
      );
      expect(refused.kind).toBe('invalid');
      expect(refused.problems[0]?.path).toEqual(['body', 'episodes', 0, 'programId']);
      expect(await memberCount('Rollback')).toBe(0);
      const contacts = await store.db
        .selectFrom('member_contacts')
        .select('id')
        .where('name', '=', 'Guardian Rollback')
        .execute();
      expect(contacts).toHaveLength(0);
    });

    it('refuses a Medicaid ID another member has, naming the field, and keeps nothing', async () => {
      const taken = fixture.members[0]?.medicaidId ?? '';
      const refused = await refusal(
        create(as('admin'), { lastName: 'Duplicate', medicaidId: taken.toLowerCase() }),
      );
      expect(refused.kind).toBe('conflict');
      expect(refused.problems[0]).toMatchObject({
        code: 'member.medicaid_id_taken',
        path: ['body', 'medicaidId'],
      });
      expect(await memberCount('Duplicate')).toBe(0);
    });

    it('refuses a date of birth in the future and a program of another organisation', async () => {
      const future = await refusal(create(as('admin'), { dateOfBirth: '2027-01-01' }));
      expect(future.problems[0]?.path).toEqual(['body', 'dateOfBirth']);
      const program = await refusal(create(as('admin'), { programId: other.programs[0]?.id ?? '' }));
      expect(program.problems[0]?.path).toEqual(['body', 'programId']);
    });

    it('lets a supervisor add a member only onto their own team’s caseload', async () => {
      const unassigned = await refusal(create(as('supervisor'), { lastName: 'Team' }));
      expect(unassigned.problems[0]?.path).toEqual(['body', 'assignedPeerId']);
      const elsewhere = await refusal(
        create(as('supervisor'), { lastName: 'Team', assignedPeerId: outsider.userId }),
      );
      expect(elsewhere.problems[0]?.code).toBe('member.peer_not_assignable');
      const added = await create(as('supervisor'), {
        lastName: 'Team',
        assignedPeerId: fixture.users.peer.id,
      });
      expect(added.assignedPeer?.id).toBe(fixture.users.peer.id);
    });

    it('records the sex and home address claims carry, the ZIP as digits, and changes them later', async () => {
      const member = await create(as('admin'), {
        lastName: 'Addressed',
        sex: 'F',
        addressLine1: ' 2417 Sample Court ',
        city: 'Oakland',
        state: 'ca',
        postalCode: '94612-0000',
        assignedPeerId: fixture.users.peer.id,
      });
      expect(member).toMatchObject({
        sex: 'F',
        addressLine1: '2417 Sample Court',
        city: 'Oakland',
        state: 'CA',
        postalCode: '946120000',
      });
      // Without a sex recorded the claim file says U (unknown), and no address is none at all.
      const plain = await create(as('admin'), { lastName: 'Unaddressed' });
      expect(plain).toMatchObject({
        sex: 'U',
        addressLine1: null,
        city: null,
        state: null,
        postalCode: null,
      });
      const moved = await updateMember(
        ctx,
        as('admin'),
        member.id,
        UpdateMemberRequestSchema.parse({
          sex: 'U',
          addressLine1: '100 Example Way',
          city: 'Berkeley',
          state: 'CA',
          postalCode: '94704',
        }),
      );
      expect(moved).toMatchObject({ sex: 'U', addressLine1: '100 Example Way', postalCode: '94704' });
    });

    it('refuses half an address with a problem beside each missing part, and a sex the 837 does not know', () => {
      // A claim needs the whole address: the form shows what to add next to each empty field.
      const half = CreateMemberRequestSchema.safeParse({
        firstName: 'Half',
        lastName: 'Address',
        dateOfBirth: '1990-01-01',
        programId: programOf(0),
        addressLine1: '12 Example Way',
        postalCode: '946',
      });
      expect(half.success).toBe(false);
      const issues = half.error?.issues.map((issue) => [issue.path.join('.'), issue.message]) ?? [];
      expect(issues).toEqual(
        expect.arrayContaining([
          ['postalCode', expect.stringContaining('five-digit ZIP')],
          ['city', expect.stringContaining('Fill in the city')],
          ['state', expect.stringContaining('Fill in the state')],
        ]),
      );
      const sex = UpdateMemberRequestSchema.safeParse({ sex: 'X' });
      expect(sex.error?.issues[0]?.message).toContain('female, male, or unknown');
      // Clearing the whole address (blank fields) is allowed.
      const cleared = UpdateMemberRequestSchema.parse({
        addressLine1: '',
        city: '',
        state: '',
        postalCode: '',
      });
      expect(cleared).toEqual({ addressLine1: null, city: null, state: null, postalCode: null });
    });

    it('does not let peers, clinicians or billing staff add members', async () => {
      for (const role of ['peer', 'clinician', 'billing'] as const) {
        expect((await refusal(create(as(role), { lastName: 'Nobody' }))).kind).toBe('forbidden');
      }
      expect(await memberCount('Nobody')).toBe(0);
    });
  });

  describe('search and caseloads', () => {
    let castillo: MemberRecord;
    let okafor: MemberRecord;
    let outsiders: MemberRecord;

    beforeAll(async () => {
      castillo = await create(as('admin'), {
        firstName: 'Imani',
        lastName: 'Castillo',
        dateOfBirth: '1975-02-14',
        medicaidId: 'ZZCA20000001',
        assignedPeerId: fixture.users.peer.id,
      });
      okafor = await create(as('admin'), {
        firstName: 'Imani',
        lastName: 'Okafor',
        preferredName: 'Mani',
        dateOfBirth: '1988-07-21',
        medicaidId: 'ZZCA20000002',
        assignedPeerId: outsider.userId,
      });
      outsiders = await create(actorOf(other, 'admin'), {
        firstName: 'Imani',
        lastName: 'Elsewhere',
        programId: other.programs[0]?.id ?? '',
      });
    });

    it('finds members by part of any name, in any case, every word matching', async () => {
      const byFirst = await search(as('admin'), { name: 'iMaN' });
      expect(byFirst.members.map((member) => member.lastName)).toEqual(
        expect.arrayContaining(['Castillo', 'Okafor']),
      );
      expect(byFirst.members.map((member) => member.id)).not.toContain(outsiders.id);
      const both = await search(as('admin'), { name: 'ima oKAF' });
      expect(both.members.map((member) => member.id)).toEqual([okafor.id]);
      const preferred = await search(as('admin'), { name: 'mani' });
      expect(preferred.members.map((member) => member.id)).toContain(okafor.id);
      // LIKE wildcards typed by a user match literally.
      expect((await search(as('admin'), { name: '%%' })).members).toEqual([]);
    });

    it('finds a member by Medicaid ID as typed (case and dashes do not matter) and by date of birth', async () => {
      expect((await search(as('admin'), { medicaidId: 'zzca-2000-0001' })).members.map((m) => m.id)).toEqual([
        castillo.id,
      ]);
      expect((await search(as('admin'), { dateOfBirth: '1975-02-14' })).members.map((m) => m.id)).toEqual([
        castillo.id,
      ]);
      expect((await search(as('admin'), { name: 'imani', dateOfBirth: '1988-07-21' })).members).toHaveLength(
        1,
      );
    });

    it('shows a peer only their own caseload, whatever they search for', async () => {
      const found = await search(as('peer'), { name: 'imani' });
      expect(found.members.map((member) => member.id)).toEqual([castillo.id]);
      expect((await search(as('peer'), { medicaidId: 'ZZCA20000002' })).members).toEqual([]);
      expect((await refusal(getMember(ctx, as('peer'), okafor.id))).kind).toBe('not_found');
      const outsiderCaseload = await search(outsider, { scope: 'caseload' });
      expect(outsiderCaseload.members.map((member) => member.id)).toEqual([okafor.id]);
    });

    it('shows a supervisor their team’s members but not other peers’, and their own caseload apart', async () => {
      const team = await search(as('supervisor'), { name: 'imani' });
      expect(team.members.map((member) => member.id)).toEqual([castillo.id]);
      expect((await refusal(getMember(ctx, as('supervisor'), okafor.id))).kind).toBe('not_found');
      // "My caseload" is the members assigned to the supervisor personally: none yet.
      expect((await search(as('supervisor'), { scope: 'caseload' })).members).toEqual([]);
    });

    it('shows admins, clinicians and billing staff every member of their organisation only', async () => {
      for (const role of ['admin', 'clinician', 'billing'] as const) {
        const found = await search(as(role), { name: 'imani' });
        const ids = found.members.map((member) => member.id);
        expect(ids).toEqual(expect.arrayContaining([castillo.id, okafor.id]));
        expect(ids).not.toContain(outsiders.id);
      }
    });

    it('pages by limit and says when more matched', async () => {
      const page = await search(as('admin'), { limit: 1 });
      expect(page.members).toHaveLength(1);
      expect(page.truncated).toBe(true);
    });

    it('leaves inactive members out unless asked for', async () => {
      const retired = await create(as('admin'), { firstName: 'Imani', lastName: 'Retired' });
      await updateMember(ctx, as('admin'), retired.id, { active: false });
      expect((await search(as('admin'), { name: 'retired' })).members).toEqual([]);
      const included = await search(as('admin'), { name: 'retired', includeInactive: 'true' });
      expect(included.members.map((member) => member.id)).toEqual([retired.id]);
    });

    it('audits each search with its count and criteria names, never the values searched for', async () => {
      await search(as('clinician'), { name: 'castillo', dateOfBirth: '1975-02-14' });
      const rows = await auditRows(null, 'member.search');
      const last = rows[rows.length - 1];
      expect(last?.user_id).toBe(fixture.users.clinician.id);
      expect(last?.details).toEqual({
        count: 1,
        truncated: false,
        scope: 'all',
        criteria: ['name', 'dateOfBirth'],
      });
      expect(JSON.stringify(rows.map((row) => row.details))).not.toMatch(/castillo|1975|ZZCA/i);
    });

    it('audits each read of a member’s record', async () => {
      const before = (await auditRows(castillo.id, 'member.read')).length;
      const record = await getMember(ctx, as('billing'), castillo.id);
      expect(record.id).toBe(castillo.id);
      const rows = await auditRows(castillo.id, 'member.read');
      expect(rows).toHaveLength(before + 1);
      expect(rows[rows.length - 1]).toMatchObject({
        user_id: fixture.users.billing.id,
        record_type: 'member',
      });
    });

    it('answers "not found" for another organisation’s member and for ids that cannot exist', async () => {
      expect((await refusal(getMember(ctx, actorOf(other, 'admin'), castillo.id))).kind).toBe('not_found');
      expect((await refusal(getMember(ctx, as('admin'), outsiders.id))).kind).toBe('not_found');
      expect((await refusal(getMember(ctx, as('admin'), 'not-a-uuid'))).kind).toBe('not_found');
      const change = await refusal(
        addContact(ctx, actorOf(other, 'admin'), castillo.id, { kind: 'family', name: 'Nobody' }),
      );
      expect(change.kind).toBe('not_found');
    });
  });

  describe('assigning peers', () => {
    it('lists the peers each assigner may choose', async () => {
      const byAdmin = (await listAssignablePeers(ctx, as('admin'))).map((peer) => peer.id);
      expect(byAdmin).toEqual(
        expect.arrayContaining([fixture.users.peer.id, fixture.users.supervisor.id, outsider.userId]),
      );
      expect(byAdmin).not.toContain(fixture.users.billing.id);
      const bySupervisor = (await listAssignablePeers(ctx, as('supervisor'))).map((peer) => peer.id).sort();
      expect(bySupervisor).toEqual([fixture.users.peer.id, fixture.users.supervisor.id].sort());
      expect((await refusal(listAssignablePeers(ctx, as('peer')))).kind).toBe('forbidden');
    });

    it('moves a member onto a caseload, audited with from and to', async () => {
      const member = await create(as('admin'), { lastName: 'Moving' });
      expect(member.assignedPeer).toBeNull();
      expect((await search(as('peer'), { name: 'moving' })).members).toEqual([]);
      const assigned = await assignPeer(ctx, as('admin'), member.id, fixture.users.peer.id);
      expect(assigned.assignedPeer?.id).toBe(fixture.users.peer.id);
      expect((await search(as('peer'), { scope: 'caseload', name: 'moving' })).members).toHaveLength(1);
      const [audit] = await auditRows(member.id, 'member.update');
      expect(audit?.details).toMatchObject({ part: 'assignment', from: null, to: fixture.users.peer.id });

      // A supervisor moves it within the team, but not to a peer outside it, and cannot unassign.
      expect(
        (await assignPeer(ctx, as('supervisor'), member.id, fixture.users.supervisor.id)).assignedPeer?.id,
      ).toBe(fixture.users.supervisor.id);
      const outside = await refusal(assignPeer(ctx, as('supervisor'), member.id, outsider.userId));
      expect(outside.problems[0]?.path).toEqual(['body', 'peerId']);
      expect((await refusal(assignPeer(ctx, as('supervisor'), member.id, null))).kind).toBe('forbidden');
      expect((await refusal(assignPeer(ctx, as('peer'), member.id, fixture.users.peer.id))).kind).toBe(
        'forbidden',
      );
    });
  });

  describe('the parts of a member’s record', () => {
    let member: MemberRecord;

    beforeAll(async () => {
      member = await create(as('admin'), { lastName: 'Parts', assignedPeerId: fixture.users.peer.id });
    });

    it('lets the assigned peer add, change and remove a contact', async () => {
      const added = await addContact(ctx, as('peer'), member.id, {
        kind: 'guardian',
        name: 'Grace Parts',
        relationship: 'mother',
        phone: '5105550150',
        email: null,
      });
      const contact = added.contacts[0];
      expect(contact).toMatchObject({ kind: 'guardian', name: 'Grace Parts', relationship: 'mother' });
      const changed = await updateContact(ctx, as('peer'), member.id, contact?.id ?? '', {
        kind: 'guardian',
        name: 'Grace Parts',
        relationship: 'legal guardian',
        phone: null,
        email: 'grace@example.org',
      });
      expect(changed.contacts[0]).toMatchObject({
        relationship: 'legal guardian',
        phone: null,
        email: 'grace@example.org',
      });
      const removed = await removeContact(ctx, as('peer'), member.id, contact?.id ?? '');
      expect(removed.contacts).toEqual([]);
      const audits = (await auditRows(member.id, 'member.update')).map((row) => row.details);
      expect(audits).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ part: 'contact', change: 'add', recordId: contact?.id }),
          expect.objectContaining({ part: 'contact', change: 'update', recordId: contact?.id }),
          expect.objectContaining({ part: 'contact', change: 'remove', recordId: contact?.id }),
        ]),
      );
      expect(JSON.stringify(audits)).not.toMatch(/Grace|guardian@|5105550150/);
    });

    it('answers "not found" for a sub-record of another member', async () => {
      const someoneElse = await getMember(ctx, as('admin'), fixture.members[0]?.id ?? '');
      const withContact = await addContact(ctx, as('admin'), someoneElse.id, {
        kind: 'family',
        name: 'Other Family',
      });
      const contactId = withContact.contacts[0]?.id ?? '';
      const refused = await refusal(
        updateContact(ctx, as('admin'), member.id, contactId, { kind: 'family', name: 'Hijack' }),
      );
      expect(refused.kind).toBe('not_found');
      expect(refused.problems[0]?.code).toBe('contact.not_found');
    });

    it('lets billing staff record coverage and eligibility but nothing clinical', async () => {
      const billing = as('billing');
      const read = await getMember(ctx, billing, member.id);
      expect(read.access).toEqual({ canEdit: false, canEditCoverage: true, canAssignPeer: false });
      const covered = await addCoverage(ctx, billing, member.id, {
        payerPack: 'ca-acbhd',
        planName: 'Alameda Alliance Medi-Cal',
        memberNumber: 'ZZCA30000001',
        from: '2026-01-01',
        to: null,
      });
      expect(covered.coverage).toHaveLength(1);
      const checked = await addEligibilityCheck(ctx, billing, member.id, {
        checkedOn: '2026-11-23',
        result: 'eligible',
        source: 'Medi-Cal AEVS',
      });
      expect(checked.eligibilityChecks[0]).toMatchObject({
        result: 'eligible',
        checkedBy: { id: fixture.users.billing.id },
      });
      const attempts = [
        () => updateMember(ctx, billing, member.id, { pronouns: 'they/them' }),
        () => addContact(ctx, billing, member.id, { kind: 'family', name: 'Billing Family' }),
        () =>
          addDiagnosis(ctx, billing, member.id, {
            code: 'F33.1',
            description: 'Depression',
            category: 'mental_health',
            recordedOn: '2026-01-01',
          }),
        () => addConsent(ctx, billing, member.id, { kind: 'telehealth', givenOn: '2026-01-01' }),
        () => addEpisode(ctx, billing, member.id, { programId: programOf(0), admittedOn: '2026-01-01' }),
      ];
      for (const attempt of attempts) {
        expect((await refusal(attempt())).kind).toBe('forbidden');
      }
      expect((await getMember(ctx, as('admin'), member.id)).pronouns).toBeNull();
    });

    it('refuses an eligibility check dated in the future', async () => {
      const refused = await refusal(
        addEligibilityCheck(ctx, as('billing'), member.id, {
          checkedOn: '2026-11-24',
          result: 'eligible',
          source: 'Portal',
        }),
      );
      expect(refused.problems[0]?.path).toEqual(['body', 'checkedOn']);
    });

    it('records, corrects and removes diagnoses; episodes get their discharge', async () => {
      const withDiagnosis = await addDiagnosis(ctx, as('clinician'), member.id, {
        code: 'F10.20',
        description: 'Alcohol use disorder, moderate',
        category: 'substance_use',
        recordedOn: '2026-02-01',
      });
      const diagnosisId = withDiagnosis.diagnoses[0]?.id ?? '';
      const resolved = await updateDiagnosis(ctx, as('clinician'), member.id, diagnosisId, {
        code: 'F10.20',
        description: 'Alcohol use disorder, moderate',
        category: 'substance_use',
        recordedOn: '2026-02-01',
        resolvedOn: '2026-10-01',
      });
      expect(resolved.diagnoses[0]?.resolvedOn).toBe('2026-10-01');
      expect((await removeDiagnosis(ctx, as('clinician'), member.id, diagnosisId)).diagnoses).toEqual([]);

      const withEpisode = await addEpisode(ctx, as('peer'), member.id, {
        programId: programOf(0),
        admittedOn: '2026-02-01',
        assessmentOn: '2026-02-03',
        assessmentClinician: 'Dr. Synthetic Clinician, LCSW',
      });
      const episodeId = withEpisode.episodes[0]?.id ?? '';
      const discharged = await updateEpisode(ctx, as('peer'), member.id, episodeId, {
        programId: programOf(0),
        admittedOn: '2026-02-01',
        dischargedOn: '2026-11-01',
        assessmentOn: '2026-02-03',
        assessmentClinician: 'Dr. Synthetic Clinician, LCSW',
        serviceOrderOn: '2026-02-04',
        serviceOrderClinician: 'Dr. Synthetic Orderer',
        serviceOrderCredential: 'MD',
      });
      expect(discharged.episodes[0]).toMatchObject({
        dischargedOn: '2026-11-01',
        assessmentOn: '2026-02-03',
        serviceOrderOn: '2026-02-04',
        serviceOrderClinician: 'Dr. Synthetic Orderer',
        serviceOrderCredential: 'MD',
      });
      expect(withEpisode.episodes[0]).toMatchObject({ serviceOrderOn: null, serviceOrderClinician: null });
    });

    it('revokes a consent once, on or after the day it was given, keeping it on record', async () => {
      const withConsent = await addConsent(ctx, as('peer'), member.id, {
        kind: 'audio_only',
        givenOn: '2026-03-01',
      });
      const consentId = withConsent.consents[0]?.id ?? '';
      const early = await refusal(
        revokeConsent(ctx, as('peer'), member.id, consentId, { revokedOn: '2026-02-01' }),
      );
      expect(early.problems[0]?.path).toEqual(['body', 'revokedOn']);
      const revoked = await revokeConsent(ctx, as('peer'), member.id, consentId, { revokedOn: '2026-06-01' });
      expect(revoked.consents[0]).toMatchObject({ kind: 'audio_only', revokedOn: '2026-06-01' });
      const again = await refusal(
        revokeConsent(ctx, as('peer'), member.id, consentId, { revokedOn: '2026-07-01' }),
      );
      expect(again.kind).toBe('conflict');
    });

    it('leaves the record unchanged when a change is refused half-way', async () => {
      // The program check runs inside the transaction; nothing of the episode is kept.
      const before = await getMember(ctx, as('admin'), member.id);
      const refused = await refusal(
        addEpisode(ctx, as('admin'), member.id, {
          programId: other.programs[0]?.id ?? '',
          admittedOn: '2026-01-01',
        }),
      );
      expect(refused.problems[0]?.path).toEqual(['body', 'programId']);
      const after = await getMember(ctx, as('admin'), member.id);
      expect(after.episodes).toEqual(before.episodes);
      expect(after.updatedAt).toBe(before.updatedAt);
    });

    it('lets billing remove a coverage period entered in error', async () => {
      const record = await getMember(ctx, as('billing'), member.id);
      const coverageId = record.coverage[0]?.id ?? '';
      expect((await removeCoverage(ctx, as('billing'), member.id, coverageId)).coverage).toEqual([]);
    });
  });

  describe('the claim context for notes', () => {
    it('reads the member’s records as the engine needs them on a date of service', async () => {
      const member = await create(as('admin'), {
        lastName: 'Context',
        dateOfBirth: '2010-04-04',
        asamLevel: '2.1',
        specialPopulations: ['katie_a'],
        hasMedicare: false,
        programId: programOf(0),
        coverage: [
          { payerPack: 'ca-dhcs', planName: 'Medi-Cal', memberNumber: 'ZZCA40000001', from: '2026-01-01' },
          {
            payerPack: 'ca-acbhd',
            planName: 'Alameda Medi-Cal',
            memberNumber: 'ZZCA40000001',
            from: '2026-01-01',
          },
        ],
        diagnoses: [
          { code: 'F43.10', description: 'PTSD', category: 'mental_health', recordedOn: '2026-01-02' },
        ],
        episodes: [{ programId: programOf(0), admittedOn: '2026-01-02', assessmentOn: '2026-01-06' }],
        consents: [
          { kind: 'telehealth', givenOn: '2026-01-02' },
          { kind: 'audio_only', givenOn: '2026-01-02', expiresOn: '2026-06-30' },
        ],
      });
      await addEligibilityCheck(ctx, as('billing'), member.id, {
        checkedOn: '2026-03-02',
        result: 'eligible',
        source: 'Medi-Cal AEVS',
      });
      const context = await memberClaimContext(store.db, fixture.id, member.id, '2026-03-02');
      expect(context).toEqual({
        dateOfBirth: '2010-04-04',
        coverage: [
          { payerPack: 'ca-acbhd', memberId: 'ZZCA40000001', from: '2026-01-01', to: null },
          { payerPack: 'ca-dhcs', memberId: 'ZZCA40000001', from: '2026-01-01', to: null },
        ],
        hasMedicare: false,
        diagnoses: [{ code: 'F43.10', category: 'mental_health' }],
        // ASAM 2.1 is not "ASAM Level 1" read strictly (rules-catalog.md, December review); the level travels.
        asamLevel1Met: false,
        specialPopulations: ['katie_a'],
        eligibilityVerifiedOn: ['2026-03-02'],
        consents: { telehealth: '2026-01-02', audioOnly: '2026-01-02' },
        comprehensiveAssessmentOn: '2026-01-06',
        episodeStart: '2026-01-02',
        asamLevel: '2.1',
      });
      expect((await memberClaimContext(store.db, fixture.id, member.id, '2026-07-01')).consents).toEqual({
        telehealth: '2026-01-02',
      });
      expect((await coverageOn(store.db, fixture.id, member.id, '2026-03-02'))?.payerPack).toBe('ca-acbhd');
      expect(await coverageOn(store.db, fixture.id, member.id, '2025-12-31')).toBeNull();
      const elsewhere = await refusal(memberClaimContext(store.db, other.id, member.id, '2026-03-02'));
      expect(elsewhere.kind).toBe('not_found');
    });
  });

  describe('Kansas eligibility criteria (003 Eligibility Criteria)', () => {
    it('records each criterion with its date and who determined it, and the claim context carries the latest by the date of service', async () => {
      const member = await create(as('admin'), {
        lastName: 'Eligible',
        assignedPeerId: fixture.users.peer.id,
      });
      const functional = await addEligibilityDetermination(ctx, as('clinician'), member.id, {
        criterion: 'functional_assessment',
        determinedOn: '2026-03-01',
        determinedBy: 'Dana Reyes, LMHP',
      });
      expect(functional.eligibilityDeterminations).toHaveLength(1);
      expect(functional.eligibilityDeterminations[0]).toMatchObject({
        criterion: 'functional_assessment',
        determinedOn: '2026-03-01',
        determinedBy: 'Dana Reyes, LMHP',
        recordedBy: { id: fixture.users.clinician.id },
      });
      const necessity = await addEligibilityDetermination(ctx, as('clinician'), member.id, {
        criterion: 'medical_necessity',
        determinedOn: '2026-05-01',
        determinedBy: 'Dana Reyes, LMHP',
      });
      const necessityId =
        necessity.eligibilityDeterminations.find((entry) => entry.criterion === 'medical_necessity')?.id ??
        '';
      const april = await memberClaimContext(store.db, fixture.id, member.id, '2026-04-01');
      expect([april.functionalAssessmentOn, april.medicalNecessityOn]).toEqual(['2026-03-01', undefined]);
      const may = await memberClaimContext(store.db, fixture.id, member.id, '2026-05-01');
      expect([may.functionalAssessmentOn, may.medicalNecessityOn]).toEqual(['2026-03-01', '2026-05-01']);

      await updateEligibilityDetermination(ctx, as('clinician'), member.id, necessityId, {
        criterion: 'medical_necessity',
        determinedOn: '2026-03-15',
        determinedBy: 'Dana Reyes, LMHP',
      });
      expect(
        (await memberClaimContext(store.db, fixture.id, member.id, '2026-04-01')).medicalNecessityOn,
      ).toBe('2026-03-15');
      const audit = await auditRows(member.id, 'member.update');
      expect(JSON.stringify(audit)).toContain('"part":"eligibility_determination"');
      expect(JSON.stringify(audit)).not.toContain('Dana Reyes');

      const removed = await removeEligibilityDetermination(ctx, as('clinician'), member.id, necessityId);
      expect(removed.eligibilityDeterminations.map((entry) => entry.criterion)).toEqual([
        'functional_assessment',
      ]);
    });

    it('refuses a determination dated in the future, and billing staff may not record one', async () => {
      const member = await create(as('admin'), { lastName: 'NotYet', assignedPeerId: fixture.users.peer.id });
      const future = await refusal(
        addEligibilityDetermination(ctx, as('clinician'), member.id, {
          criterion: 'functional_assessment',
          determinedOn: '2026-11-24',
          determinedBy: 'Dana Reyes, LMHP',
        }),
      );
      expect(future.problems[0]?.path).toEqual(['body', 'determinedOn']);
      const billing = await refusal(
        addEligibilityDetermination(ctx, as('billing'), member.id, {
          criterion: 'medical_necessity',
          determinedOn: '2026-11-01',
          determinedBy: 'Dana Reyes, LMHP',
        }),
      );
      expect(billing.kind).toBe('forbidden');
    });
  });

  describe('Kansas group hours delivered outside Peerline (003 Limitations/Exclusions)', () => {
    it('records, corrects and removes them, and the claim records carry them', async () => {
      const member = await create(as('admin'), {
        lastName: 'Elsewhere',
        assignedPeerId: fixture.users.peer.id,
      });
      const added = await addOutsideGroupHours(ctx, as('peer'), member.id, {
        deliveredOn: '2026-03-02',
        hours: 1.5,
        source: 'Prairie Center attendance record',
      });
      expect(added.outsideGroupHours).toHaveLength(1);
      expect(added.outsideGroupHours[0]).toMatchObject({
        deliveredOn: '2026-03-02',
        hours: 1.5,
        source: 'Prairie Center attendance record',
        recordedBy: { id: fixture.users.peer.id },
      });
      const id = added.outsideGroupHours[0]?.id ?? '';
      const corrected = await updateOutsideGroupHours(ctx, as('peer'), member.id, id, {
        deliveredOn: '2026-03-02',
        hours: 2.25,
        source: 'Prairie Center attendance record',
      });
      expect(corrected.outsideGroupHours[0]?.hours).toBe(2.25);
      const records = await loadMemberClaimRecordsMany(store.db, fixture.id, [member.id]);
      expect(records.get(member.id)?.outsideGroupHours).toEqual([{ deliveredOn: '2026-03-02', hours: 2.25 }]);
      const future = await refusal(
        addOutsideGroupHours(ctx, as('peer'), member.id, {
          deliveredOn: '2026-11-24',
          hours: 1,
          source: 'X',
        }),
      );
      expect(future.problems[0]?.path).toEqual(['body', 'deliveredOn']);
      const removed = await removeOutsideGroupHours(ctx, as('peer'), member.id, id);
      expect(removed.outsideGroupHours).toEqual([]);
    });
  });
});
