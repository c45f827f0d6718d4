/**
 * The demo caseload is what the demo promises: three synthetic members per program, one a minor with a
 * guardian, covered by each of the program's packs, with diagnoses fitting the program, an open episode with
 * its assessment, eligibility confirmed today, and consents that differ — all readable by the notes service's
 * claim context on the day the demo is made.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageOn } from '../../engine/index.js';
import { isSyntheticMedicaidId, isSyntheticPhone } from '../../synthetic/index.js';
import {
  createFixtureOrganisation,
  ManualClock,
  openTestStore,
  testContext,
  testDatabaseKind,
  type FixtureOrganisation,
  type TestStore,
} from '../../testing/index.js';
import { memberClaimContext } from '../members/index.js';
import { createDemoMembers, type DemoMember, type DemoProgram } from './demo-members.js';

const TODAY = '2026-11-23';
let store: TestStore;
let org: FixtureOrganisation;
let programs: DemoProgram[];
let members: DemoMember[];

beforeAll(async () => {
  store = await openTestStore();
  const clock = new ManualClock(`${TODAY}T15:00:00Z`);
  const ctx = testContext(store, clock);
  org = await createFixtureOrganisation(ctx, 'demo-members');
  programs = (
    await store.db
      .selectFrom('programs')
      .select(['id', 'payer_packs'])
      .where('organisation_id', '=', org.id)
      .orderBy('name')
      .execute()
  ).map((row) => ({ id: row.id, payerPacks: row.payer_packs }));
  members = await ctx.db
    .transaction()
    .execute((trx) =>
      createDemoMembers(
        trx,
        org.id,
        programs,
        { peerId: org.users.peer.id, supervisorId: org.users.supervisor.id, billingId: org.users.billing.id },
        { now: clock.now() },
      ),
    );
});

afterAll(async () => {
  await store.dispose();
});

describe(`demo members on ${testDatabaseKind()}`, () => {
  it('adds three members per program, two on the peer’s caseload and one on the supervisor’s', () => {
    expect(members).toHaveLength(programs.length * 3);
    for (const program of programs) {
      const ofProgram = members.filter((member) => member.programId === program.id);
      expect(ofProgram.map((member) => member.assignedPeerId)).toEqual([
        org.users.peer.id,
        org.users.peer.id,
        org.users.supervisor.id,
      ]);
      expect(ofProgram.filter((member) => member.minor)).toHaveLength(1);
    }
  });

  it('uses only synthetic identifiers and gives each minor a guardian', async () => {
    const rows = await store.db
      .selectFrom('members')
      .select(['id', 'medicaid_id', 'phone', 'date_of_birth'])
      .where('organisation_id', '=', org.id)
      .execute();
    expect(new Set(rows.map((row) => row.medicaid_id)).size).toBe(rows.length);
    for (const row of rows) {
      expect(isSyntheticMedicaidId(row.medicaid_id ?? '')).toBe(true);
      expect(isSyntheticPhone(row.phone ?? '')).toBe(true);
      const minor = members.find((member) => member.id === row.id)?.minor ?? false;
      expect(ageOn(row.date_of_birth, TODAY) < 18).toBe(minor);
    }
    const guardians = await store.db
      .selectFrom('member_contacts')
      .select('member_id')
      .where('organisation_id', '=', org.id)
      .where('kind', '=', 'guardian')
      .execute();
    expect(guardians.map((row) => row.member_id).sort()).toEqual(
      members
        .filter((member) => member.minor)
        .map((member) => member.id)
        .sort(),
    );
  });

  it('gives the notes service a billable-looking member context today: coverage, diagnosis, eligibility, episode', async () => {
    for (const member of members) {
      const program = programs.find((entry) => entry.id === member.programId);
      const context = await memberClaimContext(store.db, org.id, member.id, TODAY);
      expect(context.coverage.map((entry) => entry.payerPack).sort()).toEqual(
        [...(program?.payerPacks ?? [])].sort(),
      );
      expect(context.diagnoses).toHaveLength(1);
      expect(context.eligibilityVerifiedOn).toContain(TODAY);
      expect(context.episodeStart).toBeDefined();
      expect(context.comprehensiveAssessmentOn).toBeDefined();
    }
  });

  it('gives DMC-ODS members a substance use diagnosis with an ASAM level, others a mental health one', async () => {
    const laSapc = programs.find((program) => program.payerPacks.includes('ca-la-sapc'));
    for (const member of members) {
      const context = await memberClaimContext(store.db, org.id, member.id, TODAY);
      const sud = member.programId === laSapc?.id;
      expect(context.diagnoses[0]?.category).toBe(sud ? 'substance_use' : 'mental_health');
      // "ASAM Level 1" is read strictly (rules-catalog.md, December review): only level 1.0 meets it.
      expect(context.asamLevel !== undefined).toBe(sud);
      expect(context.asamLevel1Met).toBe(context.asamLevel === '1.0');
    }
  });

  it('varies consents: telehealth and audio-only, telehealth only, neither', async () => {
    const firstProgram = members.filter((member) => member.programId === programs[0]?.id);
    const consents = await Promise.all(
      firstProgram.map(
        async (member) => (await memberClaimContext(store.db, org.id, member.id, TODAY)).consents,
      ),
    );
    expect(consents.map((entry) => Object.keys(entry).sort())).toEqual([
      ['audioOnly', 'telehealth'],
      ['telehealth'],
      [],
    ]);
  });
});
