/**
 * Staff credentials on the real database: who reads and changes whose profile, the audit trail, the
 * continuing-education cycle, the credentials the notes service hands the engine, and compliance computed
 * from the packs of the programs each staff member works in (with Kansas's share of community contacts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, getPack } from '../../engine/index.js';
import {
  StaffProfileRequestSchema,
  type StaffCompliance,
  type StaffProfileRequestInput,
} from '../../shared/api/staff.js';
import {
  createFixtureOrganisation,
  kindOf,
  ManualClock,
  openTestStore,
  testContext,
  testDatabaseKind,
  type FixtureOrganisation,
  type TestStore,
  fixtureActor,
} from '../../testing/index.js';
import type { ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';
import { insertUser } from '../users/index.js';
import {
  addContinuingEducation,
  certificationBlocker,
  getStaffMember,
  listStaff,
  removeContinuingEducation,
  staffCredentialsOn,
  upsertStaffProfile,
} from './index.js';

// The manual clock reads 2026-11-23T15:00Z: 07:00 in Oakland, where the fixture's first program is.
const TODAY = '2026-11-23';

let store: TestStore;
let ctx: ServiceContext;
let org: FixtureOrganisation;
let other: FixtureOrganisation;
/** org's programs: Alameda (ca-dhcs, ca-acbhd), Los Angeles (ca-dhcs, ca-la-sapc), NC, KS. */
let programs: { id: string; payerPacks: string[] }[];
/** A second peer in `org`, supervised by nobody. */
let loner: { id: string; email: string };

const actorOf = fixtureActor;

async function problemOf(promise: Promise<unknown>): Promise<{ kind: string; code: string; path: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ServiceError) {
      const problem = error.problems[0];
      return { kind: error.kind, code: problem?.code ?? '', path: problem?.path.join('.') ?? '' };
    }
    throw error;
  }
  return { kind: 'ok', code: '', path: '' };
}

function profile(input: StaffProfileRequestInput) {
  return StaffProfileRequestSchema.parse(input);
}

const CURRENT_MEDI_CAL: StaffProfileRequestInput = {
  certificationType: 'medi_cal_peer',
  certificationNumber: 'CPS-0001',
  taxonomy: '175T00000X',
  certificationIssuedOn: '2025-06-01',
  certificationExpiresOn: '2027-05-31',
  dateOfBirth: '1980-02-02',
  highSchoolDiploma: true,
  livedExperience: true,
  backgroundCheckOn: '2025-05-20',
};

/** Another peer of `org`, who never signs in. */
function addPeer(tag: string, displayName: string): Promise<{ id: string; email: string }> {
  return insertUser(store.db, ctx.clock.now(), {
    organisationId: org.id,
    email: `${tag}.${org.id}@fixtures.peerline.test`,
    displayName,
    roles: ['peer'],
    passwordHash: 'not-a-login',
  });
}

async function addMember(peerId: string, programId: string, dateOfBirth = '1990-01-01'): Promise<string> {
  const row = await store.db
    .insertInto('members')
    .values({
      organisation_id: org.id,
      first_name: 'Test',
      last_name: 'Member',
      date_of_birth: dateOfBirth,
      program_id: programId,
      assigned_peer_id: peerId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function auditActions(userId: string): Promise<string[]> {
  const rows = await store.db
    .selectFrom('audit_events')
    .select(['action', 'record_id'])
    .where('organisation_id', '=', org.id)
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
  return rows.map((row) => `${row.action}:${row.record_id ?? ''}`);
}

/** The fixture program billing under `pack` (each demo jurisdiction has its own). */
function programWith(pack: string): string {
  const program = programs.find((each) => each.payerPacks.includes(pack));
  if (program === undefined) throw new Error(`no program bills under ${pack}`);
  return program.id;
}

beforeAll(async () => {
  store = await openTestStore();
  ctx = testContext(store, new ManualClock());
  org = await createFixtureOrganisation(ctx, 'staff');
  other = await createFixtureOrganisation(ctx, 'staff-other');
  programs = (
    await store.db
      .selectFrom('programs')
      .select(['id', 'payer_packs'])
      .where('organisation_id', '=', org.id)
      .orderBy('created_at')
      .orderBy('name')
      .execute()
  ).map((row) => ({ id: row.id, payerPacks: row.payer_packs }));
  loner = await addPeer('loner', 'Loner Peer');
  const admin = actorOf(org, 'admin');
  await upsertStaffProfile(
    ctx,
    admin,
    org.users.supervisor.id,
    profile({ ...CURRENT_MEDI_CAL, supervisingSince: '2025-01-01', supervisorTrainingOn: '2025-02-01' }),
  );
  await upsertStaffProfile(
    ctx,
    admin,
    org.users.peer.id,
    profile({ ...CURRENT_MEDI_CAL, supervisorId: org.users.supervisor.id }),
  );
});

afterAll(async () => {
  await store.dispose();
});

describe(`staff credentials on ${testDatabaseKind()}`, () => {
  describe('who reads and changes whose credentials', () => {
    it('lets a peer read only their own profile; another peer’s answers not found', async () => {
      const peer = actorOf(org, 'peer');
      expect((await getStaffMember(ctx, peer, peer.userId)).profile.certificationType).toBe('medi_cal_peer');
      expect(await kindOf(getStaffMember(ctx, peer, loner.id))).toBe('not_found');
      const listed = await listStaff(ctx, peer, { needsAttention: false });
      expect(listed.staff.map((entry) => entry.userId)).toEqual([peer.userId]);
    });

    it('lets a supervisor read their team and themselves, and no one else', async () => {
      const supervisor = actorOf(org, 'supervisor');
      expect(await kindOf(getStaffMember(ctx, supervisor, org.users.peer.id))).toBe('ok');
      expect(await kindOf(getStaffMember(ctx, supervisor, supervisor.userId))).toBe('ok');
      expect(await kindOf(getStaffMember(ctx, supervisor, loner.id))).toBe('not_found');
      const listed = await listStaff(ctx, supervisor, { needsAttention: false });
      expect(new Set(listed.staff.map((entry) => entry.userId))).toEqual(
        new Set([org.users.peer.id, supervisor.userId]),
      );
    });

    it('lets billing staff read everyone but change nothing', async () => {
      const billing = actorOf(org, 'billing');
      const listed = await listStaff(ctx, billing, { needsAttention: false });
      expect(listed.staff.map((entry) => entry.userId)).toEqual(
        expect.arrayContaining([org.users.peer.id, org.users.supervisor.id, loner.id]),
      );
      const detail = await getStaffMember(ctx, billing, org.users.peer.id);
      expect(detail.permissions).toEqual({
        editProfile: false,
        addContinuingEducation: false,
        removeContinuingEducation: false,
      });
      expect(await kindOf(upsertStaffProfile(ctx, billing, org.users.peer.id, profile({})))).toBe(
        'forbidden',
      );
    });

    it('lists only staff roles (or saved profiles): admins, billing and clinicians are not staff', async () => {
      const listed = await listStaff(ctx, actorOf(org, 'admin'), { needsAttention: false });
      const ids = listed.staff.map((entry) => entry.userId);
      expect(ids).not.toContain(org.users.clinician.id);
      expect(ids).not.toContain(org.users.billing.id);
    });

    it('answers another organisation’s staff member as not found, for reads and changes alike', async () => {
      const admin = actorOf(org, 'admin');
      const foreign = other.users.peer.id;
      expect(await kindOf(getStaffMember(ctx, admin, foreign))).toBe('not_found');
      expect(await kindOf(upsertStaffProfile(ctx, admin, foreign, profile(CURRENT_MEDI_CAL)))).toBe(
        'not_found',
      );
      expect(
        await kindOf(
          addContinuingEducation(ctx, admin, foreign, {
            completedOn: '2026-01-01',
            title: 'X',
            provider: 'Y',
            hours: 1,
            lawAndEthicsHours: 0,
          }),
        ),
      ).toBe('not_found');
      expect(
        await store.db
          .selectFrom('staff_profiles')
          .select('user_id')
          .where('user_id', '=', foreign)
          .execute(),
      ).toEqual([]);
    });
  });

  describe('saving a profile', () => {
    it('audits reads and changes with the names of the fields changed, never their values', async () => {
      const admin = actorOf(org, 'admin');
      await getStaffMember(ctx, admin, org.users.peer.id);
      await upsertStaffProfile(
        ctx,
        admin,
        org.users.peer.id,
        profile({ ...CURRENT_MEDI_CAL, supervisorId: org.users.supervisor.id, npi: '1234567893' }),
      );
      const actions = await auditActions(admin.userId);
      expect(actions).toContain(`staff_profile.read:${org.users.peer.id}`);
      const update = await store.db
        .selectFrom('audit_events')
        .select('details')
        .where('action', '=', 'staff_profile.update')
        .where('record_id', '=', org.users.peer.id)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(update.details).toEqual({ created: false, fields: ['npi'] });
      expect(JSON.stringify(update.details)).not.toContain('1234567893');
    });

    it('refuses a supervisor who does not hold the supervisor role, naming the field; nothing is saved', async () => {
      const admin = actorOf(org, 'admin');
      const before = await auditActions(admin.userId);
      expect(
        await problemOf(
          upsertStaffProfile(ctx, admin, loner.id, profile({ supervisorId: org.users.clinician.id })),
        ),
      ).toEqual({ kind: 'invalid', code: 'staff.supervisor_invalid', path: 'body.supervisorId' });
      expect(
        await problemOf(upsertStaffProfile(ctx, admin, loner.id, profile({ supervisorId: loner.id }))),
      ).toMatchObject({ code: 'staff.own_supervisor', path: 'body.supervisorId' });
      expect(
        await problemOf(
          upsertStaffProfile(ctx, admin, loner.id, profile({ supervisingSince: '2026-01-01' })),
        ),
      ).toMatchObject({ code: 'staff.not_a_supervisor', path: 'body.supervisingSince' });
      expect(
        await problemOf(upsertStaffProfile(ctx, admin, loner.id, profile({ dateOfBirth: '2030-01-01' }))),
      ).toMatchObject({ code: 'staff.date_of_birth_future', path: 'body.dateOfBirth' });
      const saved = await store.db
        .selectFrom('staff_profiles')
        .select('user_id')
        .where('user_id', '=', loner.id)
        .execute();
      expect(saved).toEqual([]);
      expect(await auditActions(admin.userId)).toEqual(before);
    });

    it('refuses an NPI another staff member of the organisation already has, as a conflict on the field', async () => {
      const admin = actorOf(org, 'admin');
      expect(
        await problemOf(upsertStaffProfile(ctx, admin, loner.id, profile({ npi: '1234567893' }))),
      ).toEqual({ kind: 'conflict', code: 'staff.npi_taken', path: 'body.npi' });
      // Another organisation may hold the same number on its own records.
      const foreign = await upsertStaffProfile(
        ctx,
        actorOf(other, 'admin'),
        other.users.peer.id,
        profile({ npi: '1234567893' }),
      );
      expect(foreign.profile.npi).toBe('1234567893');
    });
  });

  describe('continuing education', () => {
    it('lets a staff member add their own, but not a colleague’s; only admins remove entries', async () => {
      const peer = actorOf(org, 'peer');
      const entry = {
        completedOn: '2026-03-01',
        title: 'Ethics',
        provider: 'CalMHSA',
        hours: 2,
        lawAndEthicsHours: 2,
      };
      const added = await addContinuingEducation(ctx, peer, peer.userId, entry);
      const id = added.continuingEducation.find((each) => each.title === 'Ethics')?.id ?? '';
      expect(id).not.toBe('');
      expect(await kindOf(addContinuingEducation(ctx, peer, loner.id, entry))).toBe('not_found');
      // A supervisor sees their team's log but adds only to their own.
      expect(await kindOf(addContinuingEducation(ctx, actorOf(org, 'supervisor'), peer.userId, entry))).toBe(
        'forbidden',
      );
      expect(await kindOf(removeContinuingEducation(ctx, peer, peer.userId, id))).toBe('forbidden');
      const admin = actorOf(org, 'admin');
      const after = await removeContinuingEducation(ctx, admin, peer.userId, id);
      expect(after.continuingEducation.some((each) => each.id === id)).toBe(false);
      expect(await kindOf(removeContinuingEducation(ctx, admin, peer.userId, id))).toBe('not_found');
      expect(await auditActions(admin.userId)).toContain(`continuing_education.delete:${id}`);
      expect(await auditActions(peer.userId)).toContain(`continuing_education.create:${id}`);
    });

    it('refuses training completed in the future', async () => {
      const peer = actorOf(org, 'peer');
      expect(
        await problemOf(
          addContinuingEducation(ctx, peer, peer.userId, {
            completedOn: addDays(TODAY, 1),
            title: 'Soon',
            provider: 'CalMHSA',
            hours: 1,
            lawAndEthicsHours: 0,
          }),
        ),
      ).toMatchObject({ code: 'continuing_education.future', path: 'body.completedOn' });
    });
  });

  describe('the credentials the notes service hands the engine', () => {
    it('counts continuing education from the certification’s issue date through the date of service', async () => {
      const admin = actorOf(org, 'admin');
      for (const [completedOn, hours, lawAndEthicsHours] of [
        ['2025-05-01', 10, 6], // before the issue date: the previous cycle
        ['2025-07-01', 4, 1],
        ['2026-02-01', 3, 2],
      ] as const) {
        await addContinuingEducation(ctx, admin, loner.id, {
          completedOn,
          title: `Course ${completedOn}`,
          provider: 'CalMHSA',
          hours,
          lawAndEthicsHours,
        });
      }
      await upsertStaffProfile(ctx, admin, loner.id, profile(CURRENT_MEDI_CAL));
      const staff = await staffCredentialsOn(store.db, org.id, loner.id, '2026-01-15', 'ca-dhcs');
      expect(staff).toEqual({
        certification: { type: 'medi_cal_peer', issuedOn: '2025-06-01', expiresOn: '2027-05-31' },
        dateOfBirth: '1980-02-02',
        highSchoolDiploma: true,
        livedExperience: true,
        taxonomy: '175T00000X',
        hasAssignedSupervisor: false,
        continuingEducation: { hours: 4, lawAndEthicsHours: 1 },
      });
      expect(
        (await staffCredentialsOn(store.db, org.id, loner.id, TODAY, 'ca-dhcs')).continuingEducation,
      ).toEqual({
        hours: 7,
        lawAndEthicsHours: 3,
      });
    });

    it('counts the cycle of the pack judged: a year in Alameda, two statewide, none where no rule reads it', async () => {
      // loner's entries (previous test): 2025-05-01, 2025-07-01 and 2026-02-01; issued 2025-06-01.
      const on = async (date: string, pack: 'ca-dhcs' | 'ca-la-sapc' | 'ca-acbhd' | 'ks-pahp') =>
        (await staffCredentialsOn(store.db, org.id, loner.id, date, pack)).continuingEducation;
      // Alameda's cycle restarted on 2026-06-01: nothing since; statewide and Los Angeles count from 2025-06-01.
      expect(await on(TODAY, 'ca-acbhd')).toEqual({ hours: 0, lawAndEthicsHours: 0 });
      expect(await on(TODAY, 'ca-la-sapc')).toEqual({ hours: 7, lawAndEthicsHours: 3 });
      // In the first year both cycles started on the issue date.
      expect(await on('2026-01-15', 'ca-acbhd')).toEqual({ hours: 4, lawAndEthicsHours: 1 });
      // Kansas sets no cycle: every entry up to the date.
      expect(await on(TODAY, 'ks-pahp')).toEqual({ hours: 17, lawAndEthicsHours: 9 });
    });

    it('has an assigned supervisor only while that supervisor’s account is active, and supervision for supervisors', async () => {
      expect(
        (await staffCredentialsOn(store.db, org.id, org.users.peer.id, TODAY, 'ca-dhcs'))
          .hasAssignedSupervisor,
      ).toBe(true);
      const supervisor = await staffCredentialsOn(
        store.db,
        org.id,
        org.users.supervisor.id,
        TODAY,
        'ca-dhcs',
      );
      expect(supervisor.supervision).toEqual({ startedOn: '2025-01-01', trainingCompletedOn: '2025-02-01' });
      await store.db
        .updateTable('users')
        .set({ active: false })
        .where('id', '=', org.users.supervisor.id)
        .execute();
      try {
        expect(
          (await staffCredentialsOn(store.db, org.id, org.users.peer.id, TODAY, 'ca-dhcs'))
            .hasAssignedSupervisor,
        ).toBe(false);
      } finally {
        await store.db
          .updateTable('users')
          .set({ active: true })
          .where('id', '=', org.users.supervisor.id)
          .execute();
      }
    });

    it('gives empty credentials for a user without a profile, and not found for another organisation’s user', async () => {
      const staff = await staffCredentialsOn(store.db, org.id, org.users.clinician.id, TODAY, 'ca-dhcs');
      expect(staff.certification).toBeUndefined();
      expect(certificationBlocker(staff, TODAY)?.code).toBe('staff.certification.missing');
      expect(await kindOf(staffCredentialsOn(store.db, org.id, other.users.peer.id, TODAY, 'ca-dhcs'))).toBe(
        'not_found',
      );
    });

    it('blocks signing with the expiry in the reason once the certification has expired on the date of service', async () => {
      const staff = await staffCredentialsOn(store.db, org.id, org.users.peer.id, '2027-06-01', 'ca-dhcs');
      const blocker = certificationBlocker(staff, '2027-06-01', 'ca-dhcs');
      expect(blocker).toMatchObject({
        severity: 'error',
        code: 'staff.certification.expired',
        path: ['staff', 'certification'],
        source: { ruleId: 'ca-dhcs.staff.certified' },
      });
      expect(blocker?.message).toContain('2027-05-31');
      expect(certificationBlocker(staff, '2027-05-31')).toBeNull();
    });
  });

  describe('compliance from the packs', () => {
    it('checks a peer against the packs of their caseload’s programs and finds a current Medi-Cal peer compliant', async () => {
      const admin = actorOf(org, 'admin');
      await addMember(org.users.peer.id, programWith('ca-acbhd'));
      // Within Alameda's one-year cycle (from the 2026-06-01 anniversary of the issue) and the two-year one.
      await addContinuingEducation(ctx, admin, org.users.peer.id, {
        completedOn: '2026-07-01',
        title: 'Recovery-oriented practice',
        provider: 'CalMHSA',
        hours: 20,
        lawAndEthicsHours: 6,
      });
      const detail = await getStaffMember(ctx, admin, org.users.peer.id);
      expect(detail.compliance).toMatchObject({
        status: 'compliant',
        certification: 'current',
        asOf: TODAY,
        packs: ['ca-dhcs', 'ca-acbhd'],
        packsFrom: 'caseload',
        findings: [],
      });
    });

    it('marks an expired certification not compliant, one finding naming every pack that requires it', async () => {
      const admin = actorOf(org, 'admin');
      const expired = await upsertStaffProfile(
        ctx,
        admin,
        org.users.peer.id,
        profile({
          ...CURRENT_MEDI_CAL,
          certificationExpiresOn: '2026-10-31',
          supervisorId: org.users.supervisor.id,
        }),
      );
      expect(expired.compliance.status).toBe('not_compliant');
      expect(expired.compliance.certification).toBe('expired');
      const finding = expired.compliance.findings.find((each) => each.code === 'ca-dhcs.staff.certified');
      expect(finding).toMatchObject({ severity: 'error', packs: ['ca-dhcs', 'ca-acbhd'] });
      expect(finding?.message).toContain('2026-10-31');
      const listed = await listStaff(ctx, admin, { needsAttention: true });
      expect(listed.staff.map((entry) => entry.userId)).toContain(org.users.peer.id);
      // A date before the expiry: still current then.
      const earlier = await listStaff(ctx, admin, { needsAttention: false, asOf: '2026-10-01' });
      expect(earlier.staff.find((entry) => entry.userId === org.users.peer.id)?.compliance.status).toBe(
        'compliant',
      );
      await upsertStaffProfile(
        ctx,
        admin,
        org.users.peer.id,
        profile({ ...CURRENT_MEDI_CAL, supervisorId: org.users.supervisor.id }),
      );
    });

    it('asks for attention when continuing education is short of the pack’s hours for the cycle, each pack its own', async () => {
      const admin = actorOf(org, 'admin');
      await addMember(loner.id, programWith('ca-acbhd'));
      const detail = await getStaffMember(ctx, admin, loner.id);
      const needed = getPack('ca-dhcs')?.settings.ceHoursPerCycle?.value;
      expect(detail.compliance.status).toBe('attention');
      expect(detail.compliance.packs).toEqual(['ca-dhcs', 'ca-acbhd']);
      // The summary shows the shortest cycle of the packs checked: Alameda's year, from 2026-06-01.
      expect(detail.compliance.continuingEducation).toEqual({
        cycleStart: '2026-06-01',
        hours: 0,
        lawAndEthicsHours: 0,
      });
      const findings = detail.compliance.findings.filter(
        (each) => each.code === 'ca-dhcs.staff.continuing_education',
      );
      expect(findings.map((each) => [each.severity, each.packs])).toEqual([
        ['warning', ['ca-dhcs']],
        ['warning', ['ca-acbhd']],
      ]);
      // Statewide counts the two years since 2025-06-01; Alameda (001: "per year") the year since 2026-06-01.
      expect(findings[0]?.message).toContain(`7 hours (3 law and ethics) of the ${String(needed)}`);
      expect(findings[1]?.message).toContain(`0 hours (0 law and ethics) of the ${String(needed)}`);
    });

    it('checks a supervisor’s training against the packs of their team’s programs, with the pack’s 60 days', async () => {
      const admin = actorOf(org, 'admin');
      // The peer now also serves a Los Angeles member: the supervisor falls under ca-la-sapc.
      await addMember(org.users.peer.id, programWith('ca-la-sapc'));
      const days = getPack('ca-la-sapc')?.settings.supervisorTrainingDays?.value;
      expect(typeof days).toBe('number');
      const since = addDays(TODAY, -Number(days) - 10);
      const base = { ...CURRENT_MEDI_CAL, supervisingSince: since };
      const overdue = await upsertStaffProfile(ctx, admin, org.users.supervisor.id, profile(base));
      expect(overdue.compliance.packs).toEqual(expect.arrayContaining(['ca-dhcs', 'ca-acbhd', 'ca-la-sapc']));
      const finding = overdue.compliance.findings.find(
        (each) => each.code === 'ca-la-sapc.staff.supervisor_training',
      );
      expect(finding?.severity).toBe('error');
      expect(finding?.message).toContain(addDays(since, Number(days)));
      const recent = await upsertStaffProfile(
        ctx,
        admin,
        org.users.supervisor.id,
        profile({ ...base, supervisingSince: addDays(TODAY, -10) }),
      );
      expect(
        recent.compliance.findings.find((each) => each.code === 'ca-la-sapc.staff.supervisor_training')
          ?.severity,
      ).toBe('warning');
      const trained = await upsertStaffProfile(
        ctx,
        admin,
        org.users.supervisor.id,
        profile({ ...base, supervisorTrainingOn: addDays(since, 30) }),
      );
      expect(trained.compliance.findings.map((each) => each.code)).not.toContain(
        'ca-la-sapc.staff.supervisor_training',
      );
    });

    it('finds a Kansas peer without a supervisor, and too young for a minor on their caseload', async () => {
      const admin = actorOf(org, 'admin');
      const kansas = await addPeer('kansas', 'Kansas Peer');
      // 19 on the date; the member is 17: two years apart, where Kansas asks for three.
      await addMember(kansas.id, programWith('ks-pahp'), '2009-06-01');
      const detail = await upsertStaffProfile(
        ctx,
        admin,
        kansas.id,
        profile({
          certificationType: 'kansas_peer',
          certificationIssuedOn: '2026-01-01',
          certificationExpiresOn: '2027-12-31',
          dateOfBirth: '2007-03-01',
          highSchoolDiploma: true,
          livedExperience: true,
        }),
      );
      expect(detail.compliance.packs).toEqual(['ks-pahp']);
      const byCode = new Map(detail.compliance.findings.map((each) => [each.code, each]));
      expect(byCode.get('ks-pahp.staff.older_than_youth')?.severity).toBe('error');
      // The claim rule (a warning) and the staff rule (an error) say the same: one finding, the error.
      const supervisor = detail.compliance.findings.filter(
        (each) => each.path.join('.') === 'staff.hasAssignedSupervisor',
      );
      expect(supervisor).toHaveLength(1);
      expect(supervisor[0]?.severity).toBe('error');
      expect(detail.compliance.status).toBe('not_compliant');
    });

    it('finds a Kansas peer without a QMHP or LMHP clinical supervisor, until one is recorded (003 Additional Service Criteria 2)', async () => {
      const admin = actorOf(org, 'admin');
      const kansas = await addPeer('kansas-clinical', 'Kansas Clinical Peer');
      await addMember(kansas.id, programWith('ks-pahp'), '1990-06-01');
      const fields = {
        certificationType: 'kansas_peer',
        certificationIssuedOn: '2026-01-01',
        certificationExpiresOn: '2027-12-31',
        dateOfBirth: '1980-03-01',
        highSchoolDiploma: true,
        livedExperience: true,
      } as const;
      const without = await upsertStaffProfile(ctx, admin, kansas.id, profile(fields));
      const finding = without.compliance.findings.find(
        (each) => each.code === 'ks-pahp.staff.clinical_supervision',
      );
      expect(finding?.severity).toBe('error');
      expect(finding?.message).toContain('record your clinical supervisor and their qualification');
      const withSupervisor = await upsertStaffProfile(
        ctx,
        admin,
        kansas.id,
        profile({
          ...fields,
          clinicalSupervisorName: 'Robin Ames, LMHP',
          clinicalSupervisorQualification: 'lmhp',
        }),
      );
      expect(withSupervisor.profile).toMatchObject({
        clinicalSupervisorName: 'Robin Ames, LMHP',
        clinicalSupervisorQualification: 'lmhp',
      });
      expect(withSupervisor.compliance.findings.map((each) => each.code)).not.toContain(
        'ks-pahp.staff.clinical_supervision',
      );
      // Saved without a taxonomy, the profile reaches the rules without one: never filled in (rules catalog).
      expect(
        (await staffCredentialsOn(store.db, org.id, kansas.id, TODAY, 'ks-pahp')).taxonomy,
      ).toBeUndefined();
      // Both or neither: a name without its qualification is refused beside the qualification.
      const half = StaffProfileRequestSchema.safeParse({ ...fields, clinicalSupervisorName: 'Robin Ames' });
      expect(half.error?.issues.map((issue) => issue.path)).toEqual([['clinicalSupervisorQualification']]);
    });

    it('warns a Kansas peer when their recent contacts, group attendees included, are not mostly in the community', async () => {
      const admin = actorOf(org, 'admin');
      const kansas = await addPeer('kansas-community', 'Kansas Community Peer');
      const programId = programWith('ks-pahp');
      const memberId = await addMember(kansas.id, programId);
      const otherMemberId = await addMember(kansas.id, programId);
      await upsertStaffProfile(
        ctx,
        admin,
        kansas.id,
        profile({
          certificationType: 'kansas_peer',
          certificationIssuedOn: '2026-01-01',
          certificationExpiresOn: '2027-12-31',
          dateOfBirth: '1980-03-01',
          highSchoolDiploma: true,
          livedExperience: true,
          supervisorId: org.users.supervisor.id,
          clinicalSupervisorName: 'Robin Ames, LMHP',
          clinicalSupervisorQualification: 'lmhp',
        }),
      );
      type Where = { placeOfService: string; memberLocation?: 'community' | 'home' };
      const note = async (
        date: string,
        where: Where,
        options: { status?: 'draft' | 'signed'; member?: string; groupSessionId?: string } = {},
      ): Promise<void> => {
        await store.db
          .insertInto('service_notes')
          .values({
            organisation_id: org.id,
            member_id: options.member ?? memberId,
            program_id: programId,
            author_id: kansas.id,
            status: options.status ?? 'signed',
            service_type: options.groupSessionId === undefined ? 'engagement' : 'skill_building_group',
            group_session_id: options.groupSessionId ?? null,
            date_of_service: date,
            start_time: '10:00',
            end_time: '11:00',
            gaps: '[]',
            modality: 'in_person',
            member_location: where.memberLocation ?? null,
            place_of_service: where.placeOfService,
            due_on: date,
            signed_at: options.status === 'draft' ? null : new Date(`${date}T20:00:00Z`),
            signed_by: options.status === 'draft' ? null : kansas.id,
          })
          .execute();
      };
      /** A group session led by the peer where `where` says, with a signed note for each of both members. */
      const group = async (date: string, where: Where): Promise<void> => {
        const session = await store.db
          .insertInto('group_sessions')
          .values({
            organisation_id: org.id,
            program_id: programId,
            topic: 'Budgeting',
            date_of_service: date,
            start_time: '10:00',
            end_time: '11:00',
            member_location: where.memberLocation ?? null,
            place_of_service: where.placeOfService,
            created_by: kansas.id,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        for (const member of [memberId, otherMemberId]) {
          await note(date, where, { member, groupSessionId: session.id });
        }
      };
      const complianceNow = async (): Promise<StaffCompliance> =>
        (await getStaffMember(ctx, admin, kansas.id)).compliance;
      const OFFICE = { placeOfService: '11' };
      // In the community: the member's location says so, or the place of service is a community one (home).
      await note(addDays(TODAY, -3), { placeOfService: '99', memberLocation: 'community' });
      await note(addDays(TODAY, -10), { placeOfService: '12' });
      await note(addDays(TODAY, -20), OFFICE);
      await note(TODAY, OFFICE);
      // Not counted: a day before the 90 days, a draft.
      await note(addDays(TODAY, -90), OFFICE);
      await note(addDays(TODAY, -5), OFFICE, { status: 'draft' });

      // Two of four is half, not the majority the contract asks for (more than the 0.5 setting).
      const half = await complianceNow();
      const setting = getPack('ks-pahp')?.settings.minCommunityContactShare;
      expect(setting?.value).toBe(0.5);
      expect(half.findings.map((each) => each.code)).toEqual(['ks-pahp.staff.community_contacts']);
      const [finding] = half.findings;
      expect(finding).toMatchObject({
        severity: 'warning',
        packs: ['ks-pahp'],
        source: { document: setting?.citation?.document, section: 'Definition' },
      });
      expect(finding?.message).toContain(
        `From ${addDays(TODAY, -89)} to ${TODAY}, 2 of your 4 contacts with members in Kansas Mental Health PAHP programs (50%)`,
      );
      expect(half.status).toBe('attention');

      // A third in the community on the first day of the 90: three of five, a majority.
      await note(addDays(TODAY, -89), { placeOfService: '99', memberLocation: 'community' });
      expect((await complianceNow()).findings).toEqual([]);

      // A group in the office is a contact with each of its two members: three of seven.
      await group(addDays(TODAY, -5), OFFICE);
      const withGroup = await complianceNow();
      expect(withGroup.findings[0]?.message).toContain('3 of your 7 contacts');
      expect(withGroup.status).toBe('attention');

      // A group in the park with the same two members: five of nine, a majority again.
      await group(addDays(TODAY, -6), { placeOfService: '99', memberLocation: 'community' });
      const majority = await complianceNow();
      expect(majority.findings).toEqual([]);
      expect(majority.status).toBe('compliant');
    });

    it('checks someone with nobody on their caseload against every program of the organisation', async () => {
      const admin = actorOf(org, 'admin');
      const newcomer = await addPeer('new', 'New Peer');
      const detail = await getStaffMember(ctx, admin, newcomer.id);
      expect(detail.compliance.packsFrom).toBe('organisation');
      expect(new Set(detail.compliance.packs)).toEqual(
        new Set(programs.flatMap((program) => program.payerPacks)),
      );
      expect(detail.compliance.certification).toBe('missing');
      expect(detail.profile.hasProfile).toBe(false);
    });
  });
});
