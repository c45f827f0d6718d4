/**
 * @module services/demo-data/demo-members
 * A synthetic caseload for the demo organisation: three members per program — two adults and a minor with
 * a guardian — covered by each of the program's payer packs, with diagnoses that fit the program (substance
 * use with an ASAM level for DMC-ODS, mental health otherwise), an open episode of care with its
 * comprehensive assessment, eligibility confirmed at admission and today, and consents that differ on purpose:
 * the first member consented to telehealth and audio-only, the minor to telehealth only, the third to neither
 * (a release of information only), so the note form's consent rules have something to show.
 *
 * Names, dates of birth, sex, Medicaid IDs (ZZ-prefixed), phones (555-01xx) and home addresses (a made-up
 * street in the program's city, ZIP+4 `0000`) come from the seeded synthetic generator, so claims for them
 * can be written to an 837 file; dates are relative to "now", so the demo stays current whenever it is
 * created.
 */
import type { Kysely } from 'kysely';
import { addDays, payerPackName } from '../../engine/index.js';
import type { MemberSex } from '../../shared/billing.js';
import { ELIGIBILITY_CRITERIA, type AsamLevel, type ConsentKind } from '../../shared/documentation.js';
import type { DiagnosisCategory } from '../../shared/api/members.js';
import type { PayerPackId, ProgramType } from '../../shared/programs.js';
import type { Database } from '../../store/index.js';
import {
  createRng,
  DEMO_SEED,
  formatDisplayName,
  syntheticDateOfBirth,
  syntheticMedicaidIdAt,
  syntheticPersonName,
  syntheticPhone,
  syntheticStreetLine,
  SYNTHETIC_ZIP4_ADD_ON,
  type Rng,
  type Seed,
} from '../../synthetic/index.js';
import { recordAudit } from '../audit/index.js';
import { systemClock } from '../context.js';

/** A demo program as the demo-data transaction created it. */
export interface DemoProgram {
  id: string;
  payerPacks: readonly PayerPackId[];
}

/** The demo users the caseload refers to. */
export interface DemoMemberUsers {
  /** Most members are on this peer's caseload. */
  peerId: string;
  /** Carries the third member of each program (falls back to the peer). */
  supervisorId?: string;
  /** Recorded as having checked eligibility (falls back to the peer). */
  billingId?: string;
}

export interface DemoMembersOptions {
  /** "Now" for the demo; the current time when omitted. */
  now?: Date;
  /** Seed of the synthetic people; the demo seed when omitted. */
  seed?: Seed;
}

export interface DemoMember {
  id: string;
  programId: string;
  assignedPeerId: string;
  displayName: string;
  /** Under 18 today (has a guardian contact). */
  minor: boolean;
}

interface DemoDiagnosis {
  code: string;
  description: string;
  category: DiagnosisCategory;
}

const MENTAL_HEALTH: readonly DemoDiagnosis[] = [
  { code: 'F33.1', description: 'Major depressive disorder, recurrent, moderate', category: 'mental_health' },
  { code: 'F43.10', description: 'Post-traumatic stress disorder, unspecified', category: 'mental_health' },
  { code: 'F41.1', description: 'Generalized anxiety disorder', category: 'mental_health' },
];
const SUBSTANCE_USE: readonly DemoDiagnosis[] = [
  { code: 'F10.20', description: 'Alcohol dependence, uncomplicated', category: 'substance_use' },
  // The second member of each program is the minor: cannabis is the likelier diagnosis at that age.
  { code: 'F12.20', description: 'Cannabis dependence, uncomplicated', category: 'substance_use' },
  { code: 'F11.20', description: 'Opioid dependence, uncomplicated', category: 'substance_use' },
];
const SUD_ASAM_LEVELS: readonly AsamLevel[] = ['1.0', '2.1', '1.0'];

/** Plan names as a member's card would show them, per built-in pack (the demo bills only those). */
const PLAN_NAMES: Readonly<Record<PayerPackId, string>> = {
  'ca-dhcs': 'Medi-Cal',
  'ca-acbhd': 'Alameda County Behavioral Health (Medi-Cal)',
  'ca-la-sapc': 'Los Angeles County DMC-ODS (Medi-Cal)',
  'nc-wellcare': 'WellCare of North Carolina (Medicaid)',
  'ks-pahp': 'KanCare Mental Health PAHP',
};

function planName(pack: PayerPackId): string {
  return PLAN_NAMES[pack] ?? payerPackName(pack);
}

/** The state a pack's Medicaid IDs are issued in, and where eligibility is checked (California otherwise). */
const STATES: Readonly<Record<PayerPackId, { code: string; eligibilitySource: string }>> = {
  'nc-wellcare': { code: 'NC', eligibilitySource: 'NCTracks eligibility inquiry' },
  'ks-pahp': { code: 'KS', eligibilitySource: 'KMAP eligibility verification' },
};
const CALIFORNIA = { code: 'CA', eligibilitySource: 'Medi-Cal AEVS' };

function stateOf(pack: PayerPackId | undefined): { code: string; eligibilitySource: string } {
  return (pack === undefined ? undefined : STATES[pack]) ?? CALIFORNIA;
}

/** What differs between the three members of a program. */
interface Profile {
  minor: boolean;
  consents: readonly ConsentKind[];
  contact: 'guardian' | 'family' | 'significant_support';
}
const PROFILES: readonly Profile[] = [
  { minor: false, consents: ['telehealth', 'audio_only'], contact: 'significant_support' },
  { minor: true, consents: ['telehealth'], contact: 'guardian' },
  { minor: false, consents: ['release_of_information'], contact: 'family' },
];

const RELATIONSHIP: Record<Profile['contact'], string> = {
  guardian: 'parent and legal guardian',
  family: 'sibling',
  significant_support: 'friend and recovery sponsor',
};

/**
 * Inserts the demo caseload, in the caller's transaction, with a `member.create` audit row per member
 * (by the system, via demo data).
 *
 * @param trx - the demo-data transaction
 * @param organisationId - the demo organisation
 * @param programs - the demo programs with their payer packs (three members each)
 * @param users - the demo peer (and supervisor and billing user, when there are)
 * @param options - "now" and the seed
 * @returns the members, in program order
 */
export async function createDemoMembers(
  trx: Kysely<Database>,
  organisationId: string,
  programs: readonly DemoProgram[],
  users: DemoMemberUsers,
  options: DemoMembersOptions = {},
): Promise<DemoMember[]> {
  const now = options.now ?? systemClock.now();
  const today = now.toISOString().slice(0, 10);
  const root = createRng(options.seed ?? DEMO_SEED).fork('members');
  const medicaidIds = root.fork('medicaid-ids');
  const rows = await trx
    .selectFrom('programs')
    .select(['id', 'type', 'city', 'state', 'postal_code'])
    .where('organisation_id', '=', organisationId)
    .execute();
  const typeOf = new Map(rows.map((row) => [row.id, row.type]));
  const placeOf = new Map(
    rows.map((row) => [row.id, { city: row.city, state: row.state, zip5: row.postal_code.slice(0, 5) }]),
  );
  const created: DemoMember[] = [];
  for (const [programIndex, program] of programs.entries()) {
    const programType: ProgramType = typeOf.get(program.id) ?? 'mh_outpatient';
    const substanceUse = programType === 'dmc_ods_outpatient';
    for (const [index, profile] of PROFILES.entries()) {
      const rng = root.fork(`program-${programIndex}`).at(index);
      const member = await insertDemoMember(trx, {
        organisationId,
        program,
        profile,
        rng,
        today,
        medicaidId: syntheticMedicaidIdAt(
          medicaidIds,
          stateOf(program.payerPacks[0]).code,
          programIndex * PROFILES.length + index,
        ),
        diagnosis: (substanceUse ? SUBSTANCE_USE : MENTAL_HEALTH)[index],
        asamLevel: substanceUse ? (SUD_ASAM_LEVELS[index] ?? '1.0') : null,
        place: placeOf.get(program.id),
        assignedPeerId: index === 2 ? (users.supervisorId ?? users.peerId) : users.peerId,
        checkedBy: users.billingId ?? users.peerId,
      });
      await recordAudit(
        trx,
        { now: () => now },
        {
          organisationId,
          userId: null,
          userEmail: null,
          action: 'member.create',
          recordType: 'member',
          recordId: member.id,
          ip: null,
          outcome: 'success',
          details: { via: 'demo-data' },
        },
      );
      created.push(member);
    }
  }
  return created;
}

interface DemoMemberPlan {
  organisationId: string;
  program: DemoProgram;
  profile: Profile;
  rng: Rng;
  today: string;
  medicaidId: string;
  diagnosis: DemoDiagnosis | undefined;
  asamLevel: AsamLevel | null;
  /** The program's city: members live there. */
  place: DemoPlace | undefined;
  assignedPeerId: string;
  checkedBy: string;
}

interface DemoPlace {
  city: string;
  state: string;
  zip5: string;
}

const DEMO_SEXES: readonly MemberSex[] = ['F', 'M'];

/**
 * The member's sex and home address for claims, from their own new stream (`address`), so adding them
 * shifted none of the values drawn before.
 */
function claimDemographics(rng: Rng, place: DemoPlace | undefined) {
  const stream = rng.fork('address');
  return {
    sex: stream.pick(DEMO_SEXES),
    ...(place === undefined
      ? {}
      : {
          address_line1: syntheticStreetLine(stream),
          city: place.city,
          state: place.state,
          postal_code: place.zip5 + SYNTHETIC_ZIP4_ADD_ON,
        }),
  };
}

async function insertDemoMember(trx: Kysely<Database>, plan: DemoMemberPlan): Promise<DemoMember> {
  const { organisationId, program, profile, rng, today } = plan;
  const name = syntheticPersonName(rng);
  const dateOfBirth = syntheticDateOfBirth(rng, {
    minAge: profile.minor ? 13 : 21,
    maxAge: profile.minor ? 17 : 64,
    onDate: today,
  });
  const admittedOn = addDays(today, -rng.int(45, 200));
  const owner = { organisation_id: organisationId };
  const member = await trx
    .insertInto('members')
    .values({
      ...owner,
      first_name: name.givenName,
      last_name: name.familyName,
      date_of_birth: dateOfBirth,
      medicaid_id: plan.medicaidId,
      phone: syntheticPhone(rng),
      has_medicare: false,
      asam_level: plan.asamLevel,
      // Katie A. is California's class of children in (or at risk of) foster care with mental health needs.
      special_populations: profile.minor && program.payerPacks.includes('ca-acbhd') ? ['katie_a'] : [],
      program_id: program.id,
      assigned_peer_id: plan.assignedPeerId,
      ...claimDemographics(rng, plan.place),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ofMember = { ...owner, member_id: member.id };
  const contactName = syntheticPersonName(rng);
  await trx
    .insertInto('member_contacts')
    .values({
      ...ofMember,
      kind: profile.contact,
      name: formatDisplayName({ givenName: contactName.givenName, familyName: name.familyName }),
      relationship: RELATIONSHIP[profile.contact],
      phone: syntheticPhone(rng),
    })
    .execute();
  for (const pack of program.payerPacks) {
    await trx
      .insertInto('coverage_periods')
      .values({
        ...ofMember,
        payer_pack: pack,
        plan_name: planName(pack),
        member_number: plan.medicaidId,
        starts_on: `${Number(today.slice(0, 4)) - 1}-01-01`,
      })
      .execute();
  }
  if (plan.diagnosis !== undefined) {
    await trx
      .insertInto('diagnoses')
      .values({ ...ofMember, ...plan.diagnosis, recorded_on: addDays(admittedOn, 2) })
      .execute();
  }
  const clinician = syntheticPersonName(rng);
  await trx
    .insertInto('episodes_of_care')
    .values({
      ...ofMember,
      program_id: program.id,
      admitted_on: admittedOn,
      assessment_on: addDays(admittedOn, 2),
      assessment_clinician: `${formatDisplayName(clinician)}, LCSW`,
      // North Carolina asks for the service order for medical necessity; the assessing clinician writes it.
      service_order_on: addDays(admittedOn, 2),
      service_order_clinician: formatDisplayName(clinician),
      service_order_credential: 'LCSW',
    })
    .execute();
  const source = stateOf(program.payerPacks[0]).eligibilitySource;
  for (const checkedOn of [admittedOn, today]) {
    await trx
      .insertInto('eligibility_checks')
      .values({ ...ofMember, checked_on: checkedOn, result: 'eligible', source, checked_by: plan.checkedBy })
      .execute();
  }
  if (program.payerPacks.includes('ks-pahp')) {
    // Kansas pays only for members found to meet both eligibility criteria (003), determined at admission by
    // the assessing clinician; no random draw, so the values drawn after stay as they were.
    for (const criterion of ELIGIBILITY_CRITERIA) {
      await trx
        .insertInto('eligibility_determinations')
        .values({
          ...ofMember,
          criterion,
          determined_on: admittedOn,
          determined_by: `${formatDisplayName(clinician)}, LCSW`,
          recorded_by: plan.checkedBy,
        })
        .execute();
    }
  }
  for (const kind of profile.consents) {
    await trx
      .insertInto('consents')
      .values({
        ...ofMember,
        kind,
        given_on: admittedOn,
        details:
          kind === 'release_of_information'
            ? 'Release to the member’s primary care clinic for care coordination.'
            : null,
      })
      .execute();
  }
  return {
    id: member.id,
    programId: program.id,
    assignedPeerId: plan.assignedPeerId,
    displayName: formatDisplayName(name),
    minor: profile.minor,
  };
}
