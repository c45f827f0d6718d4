/**
 * @module bench/claims/generate
 * The claims benchmark's workload: the synthetic demo organisation (one program per seed jurisdiction, one user
 * per role), then — written in bulk, `insert … select from unnest(arrays)` a few thousand rows per statement —
 * peers certified in each program's state with 9-prefixed NPIs (valid check digits), members spread over the
 * programs with coverage by every payer pack of their program, a diagnosis, an episode of care, eligibility,
 * consents, approved plans of care and (North Carolina) prior authorizations, and a month of signed notes.
 *
 * Everything comes from the seeded synthetic PRNG (`rng.fork(kind).at(index)`), ids included, so a seed and a
 * size always give the same organisation. The mix is meant to look like a real month:
 * - most notes billable: in person (office or home), some by video, a few audio-only;
 * - some held: waiting for a supervisor's co-signature or returned, audio-only without the member's consent,
 *   members without an approved plan of care (Medi-Cal), coverage that ended before the month;
 * - a few over a limit: North Carolina members without a prior authorization run past the 24 unmanaged units
 *   of their episode partway through the month.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { addDays, payerPackName } from '../../src/engine/index.js';
import type { PayerPackId, ProgramType } from '../../src/shared/programs.js';
import type { Database } from '../../src/store/index.js';
import type { ServiceContext } from '../../src/services/context.js';
import { createDemoData } from '../../src/services/demo-data/index.js';
import {
  createRng,
  formatDisplayName,
  syntheticDateOfBirth,
  syntheticMedicaidIdAt,
  syntheticNpi,
  syntheticPersonName,
  syntheticPhone,
  type Rng,
} from '../../src/synthetic/index.js';

/** Notes and members of a workload. */
export interface WorkloadSize {
  members: number;
  /** Signed notes in the month, spread evenly over the members. */
  notes: number;
}

export interface Workload extends WorkloadSize {
  organisationId: string;
  /** The billing user, who runs billing and writes the 837 files. */
  billingUserId: string;
  /** The month billed. */
  from: string;
  to: string;
  peers: number;
}

/** The month billed, and "now" when the data was made (early in the next month). */
export const MONTH_FROM = '2026-10-01';
export const MONTH_TO = '2026-10-31';
export const NOW = new Date('2026-11-09T18:00:00Z');
/** Members per peer's caseload. */
const CASELOAD = 200;
/** Rows per bulk INSERT statement. */
const ROWS_PER_STATEMENT = 5000;

const PIN = {
  plan: 'Work on the plan-of-care goal of finding steady housing, in the member’s own words.',
  interaction:
    'We looked at two housing listings together and practised what to say when calling a landlord. The member made one call while I was there.',
  response: 'Said it felt manageable for the first time.',
  nextSteps: 'The member calls the second landlord on Thursday; we meet again next week to plan the visit.',
};

interface Program {
  id: string;
  type: ProgramType;
  payerPacks: PayerPackId[];
  state: 'CA' | 'NC' | 'KS';
  certification: 'medi_cal_peer' | 'north_carolina_peer' | 'kansas_peer';
}

/** One column of a bulk insert: its name, PostgreSQL type and one value per row. */
interface Column {
  name: string;
  type: string;
  values: unknown[];
}

/** A set of rows built column by column. */
class Rows {
  private readonly columns = new Map<string, Column>();
  length = 0;

  constructor(private readonly types: Readonly<Record<string, string>>) {
    for (const [name, type] of Object.entries(types)) this.columns.set(name, { name, type, values: [] });
  }

  push(row: Readonly<Record<string, unknown>>): void {
    for (const column of this.columns.values()) column.values.push(row[column.name] ?? null);
    this.length += 1;
  }

  clear(): void {
    for (const column of this.columns.values()) column.values = [];
    this.length = 0;
  }

  list(): Column[] {
    return [...this.columns.values()];
  }
}

/**
 * `insert into table (columns…, constants…) select * from unnest($1::type[], …)`: one round trip for many rows,
 * with the columns that are the same on every row written once as constants.
 */
async function insertRows(
  db: Kysely<Database>,
  table: string,
  rows: Rows,
  constants: Readonly<Record<string, RawBuilder<unknown>>> = {},
): Promise<void> {
  if (rows.length === 0) return;
  const columns = rows.list();
  const names = [...columns.map((column) => column.name), ...Object.keys(constants)];
  const arrays = columns.map((column) => sql`${column.values}::${sql.raw(column.type)}[]`);
  const aliases = columns.map((column) => sql.ref(`u.${column.name}`));
  const values = [...aliases, ...Object.values(constants)];
  await sql`insert into ${sql.table(table)} (${sql.join(names.map((name) => sql.ref(name)))})
    select ${sql.join(values)} from unnest(${sql.join(arrays)}) as u(${sql.join(columns.map((column) => sql.ref(column.name)))})`.execute(
    db,
  );
  rows.clear();
}

/** Inserts `rows` whenever it has grown to a statement's worth. */
async function flushIfFull(
  db: Kysely<Database>,
  table: string,
  rows: Rows,
  constants: Readonly<Record<string, RawBuilder<unknown>>> = {},
): Promise<void> {
  if (rows.length >= ROWS_PER_STATEMENT) await insertRows(db, table, rows, constants);
}

/** A UUID (version 4 layout) drawn from `rng`, so ids are as reproducible as the rest. */
function uuidOf(rng: Rng): string {
  let hex = '';
  for (let index = 0; index < 8; index += 1) hex += rng.int(0, 0xffff).toString(16).padStart(4, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function stateOf(packs: readonly PayerPackId[]): Program['state'] {
  if (packs.includes('nc-wellcare')) return 'NC';
  if (packs.includes('ks-pahp')) return 'KS';
  return 'CA';
}

const CERTIFICATION = {
  CA: 'medi_cal_peer',
  NC: 'north_carolina_peer',
  KS: 'kansas_peer',
} as const;

const PLAN_NAME: Record<PayerPackId, string> = {
  'ca-dhcs': 'Medi-Cal',
  'ca-acbhd': 'Alameda County Behavioral Health (Medi-Cal)',
  'ca-la-sapc': 'Los Angeles County DMC-ODS (Medi-Cal)',
  'nc-wellcare': 'WellCare of North Carolina (Medicaid)',
  'ks-pahp': 'KanCare Mental Health PAHP',
};

function planName(pack: PayerPackId): string {
  return PLAN_NAME[pack] ?? payerPackName(pack);
}

/** The weekdays of the month, where notes fall. */
function weekdaysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(day);
  }
  return days;
}

/** What differs by state. */
const STATE = {
  CA: { city: 'Oakland', postalCode: '946120000', eligibilitySource: 'Medi-Cal AEVS' },
  NC: { city: 'Raleigh', postalCode: '276010000', eligibilitySource: 'NCTracks eligibility inquiry' },
  KS: { city: 'Wichita', postalCode: '672020000', eligibilitySource: 'KMAP eligibility verification' },
} as const;

const MODALITY_MIX = [
  ['in_person', 0.8],
  ['video', 0.17],
  ['audio_only', 0.03],
] as const;
const REVIEW_MIX = [
  ['not_required', 0.9],
  ['cosigned', 0.07],
  ['pending', 0.025],
  ['returned', 0.005],
] as const;

/** One of `mix`'s values, with its weight as the probability. */
function weighted<Value extends string>(rng: Rng, mix: readonly (readonly [Value, number])[]): Value {
  let left = rng.float();
  for (const [value, weight] of mix) {
    if (left < weight) return value;
    left -= weight;
  }
  return (mix[mix.length - 1] as readonly [Value, number])[0];
}

/** California derives telehealth's place of service; elsewhere the peer records 10 (the member's home). */
function placeOfService(
  modality: string,
  inPerson: string,
  state: Program['state'] | undefined,
): string | null {
  if (modality === 'in_person') return inPerson;
  return state === 'CA' ? null : '10';
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Creates the organisation and its month in `ctx.db` (a fresh, migrated database).
 *
 * @param log - progress lines
 */
export async function generateWorkload(
  ctx: ServiceContext,
  size: WorkloadSize,
  seed: string,
  log: (line: string) => void = () => undefined,
): Promise<Workload> {
  const db = ctx.db;
  const demo = await createDemoData(ctx, { seed, password: () => 'bench-password-never-used-0' });
  const organisationId = demo.organisationId;
  const users = await db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('organisation_id', '=', organisationId)
    .execute();
  const userId = (email: string): string => {
    const found = users.find((user) => user.email === email);
    if (found === undefined) throw new Error(`the demo has no ${email}`);
    return found.id;
  };
  const supervisorId = userId('supervisor@demo.peerline.test');
  const clinicianId = userId('clinician@demo.peerline.test');
  const billingUserId = userId('billing@demo.peerline.test');
  const programRows = await db
    .selectFrom('programs')
    .select(['id', 'type', 'payer_packs'])
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at')
    .orderBy('name')
    .execute();
  const programs: Program[] = programRows.map((row) => {
    const state = stateOf(row.payer_packs);
    return {
      id: row.id,
      type: row.type,
      payerPacks: row.payer_packs,
      state,
      certification: CERTIFICATION[state],
    };
  });
  const root = createRng(seed).fork('claims-bench');
  const constants = {
    organisation_id: sql`${organisationId}::uuid`,
  };

  // Peers: one per caseload of 200 members, in each program; certified in its state, supervised by the
  // demo supervisor, with a full cycle of continuing education.
  const peersPerProgram = Math.max(1, Math.ceil(size.members / CASELOAD / programs.length));
  const peerIds: string[][] = programs.map(() => []);
  const userRows = new Rows({ id: 'uuid', email: 'text', display_name: 'text' });
  const profileRows = new Rows({
    user_id: 'uuid',
    certification_type: 'text',
    certification_number: 'text',
    npi: 'text',
    date_of_birth: 'date',
  });
  const courseRows = new Rows({
    user_id: 'uuid',
    completed_on: 'date',
    title: 'text',
    hours: 'numeric',
    law_and_ethics_hours: 'numeric',
  });
  const today = NOW.toISOString().slice(0, 10);
  const issuedOn = addDays(today, -400);
  const npis = new Set<string>();
  const staffRng = root.fork('peers');
  for (const [programIndex, program] of programs.entries()) {
    for (let index = 0; index < peersPerProgram; index += 1) {
      const rng = staffRng.fork(program.state).at(programIndex * 100_000 + index);
      const id = uuidOf(rng);
      let npi = syntheticNpi(rng);
      while (npis.has(npi)) npi = syntheticNpi(rng);
      npis.add(npi);
      peerIds[programIndex]?.push(id);
      userRows.push({
        id,
        email: `peer-${programIndex}-${index}@bench.peerline.test`,
        display_name: formatDisplayName(syntheticPersonName(rng)),
      });
      profileRows.push({
        user_id: id,
        certification_type: program.certification,
        certification_number: `${program.state}-BENCH-${rng.digits(6)}`,
        npi,
        date_of_birth: syntheticDateOfBirth(rng, { minAge: 25, maxAge: 60, onDate: today }),
      });
      for (const [daysAgo, title, hours, ethics] of [
        [300, 'Law and ethics for peer support specialists', 6, 6],
        [200, 'Motivational interviewing basics', 8, 0],
        [60, 'Trauma-informed recovery coaching', 7, 0],
      ] as const) {
        courseRows.push({
          user_id: id,
          completed_on: addDays(today, -daysAgo),
          title,
          hours,
          law_and_ethics_hours: ethics,
        });
      }
    }
  }
  await insertRows(db, 'users', userRows, {
    ...constants,
    password_hash: sql`'!bench: no login'`,
    roles: sql`array['peer']::text[]`,
  });
  await insertRows(db, 'staff_profiles', profileRows, {
    ...constants,
    certification_issued_on: sql`${issuedOn}::date`,
    certification_expires_on: sql`${addDays(issuedOn, 730)}::date`,
    high_school_diploma: sql`true`,
    lived_experience: sql`true`,
    background_check_on: sql`${addDays(issuedOn, -14)}::date`,
    supervisor_id: sql`${supervisorId}::uuid`,
  });
  await insertRows(db, 'continuing_education', courseRows, {
    ...constants,
    provider: sql`'Synthetic Training Institute'`,
  });
  log(`${peersPerProgram * programs.length} peers`);

  // Members, round-robin over the programs, with everything a claim needs.
  const memberRows = new Rows({
    id: 'uuid',
    first_name: 'text',
    last_name: 'text',
    date_of_birth: 'date',
    medicaid_id: 'text',
    phone: 'text',
    asam_level: 'text',
    program_id: 'uuid',
    assigned_peer_id: 'uuid',
    sex: 'text',
    address_line1: 'text',
    city: 'text',
    state: 'text',
    postal_code: 'text',
  });
  const coverageRows = new Rows({
    member_id: 'uuid',
    payer_pack: 'text',
    plan_name: 'text',
    member_number: 'text',
    starts_on: 'date',
    ends_on: 'date',
  });
  const diagnosisRows = new Rows({
    member_id: 'uuid',
    code: 'text',
    description: 'text',
    category: 'text',
    recorded_on: 'date',
  });
  const episodeRows = new Rows({
    member_id: 'uuid',
    program_id: 'uuid',
    admitted_on: 'date',
    assessment_on: 'date',
  });
  const eligibilityRows = new Rows({ member_id: 'uuid', checked_on: 'date', source: 'text' });
  const consentRows = new Rows({ member_id: 'uuid', kind: 'text', given_on: 'date' });
  const planRows = new Rows({
    member_id: 'uuid',
    author_id: 'uuid',
    effective_from: 'date',
    approved_at: 'timestamptz',
  });
  const authorizationRows = new Rows({ member_id: 'uuid', number: 'text' });
  const members: {
    id: string;
    program: number;
    peer: string;
    audioConsent: boolean;
    minor: boolean;
  }[] = [];
  const memberRng = root.fork('members');
  const medicaidIds = root.fork('medicaid-ids');
  for (let index = 0; index < size.members; index += 1) {
    const rng = memberRng.at(index);
    const programIndex = index % programs.length;
    const program = programs[programIndex] as Program;
    const id = uuidOf(rng);
    const caseload = peerIds[programIndex] ?? [];
    const peer = caseload[Math.floor(index / programs.length) % caseload.length] as string;
    const minor = rng.chance(0.04);
    const name = syntheticPersonName(rng);
    const medicaidId = syntheticMedicaidIdAt(medicaidIds, program.state, index);
    const substanceUse = program.type === 'dmc_ods_outpatient';
    const admittedOn = addDays(MONTH_FROM, -rng.int(30, 400));
    memberRows.push({
      id,
      first_name: name.givenName,
      last_name: name.familyName,
      date_of_birth: syntheticDateOfBirth(rng, {
        minAge: minor ? 13 : 21,
        maxAge: minor ? 17 : 64,
        onDate: MONTH_FROM,
      }),
      medicaid_id: medicaidId,
      phone: syntheticPhone(rng),
      asam_level: substanceUse ? '1.0' : null,
      program_id: program.id,
      assigned_peer_id: peer,
      sex: rng.chance(0.5) ? 'F' : 'M',
      address_line1: `${rng.int(100, 9899)} Bench Street`,
      city: STATE[program.state].city,
      state: program.state,
      postal_code: STATE[program.state].postalCode,
    });
    // 1 % lost their coverage at the end of September: their notes are held.
    const lapsed = rng.chance(0.01);
    for (const pack of program.payerPacks) {
      coverageRows.push({
        member_id: id,
        payer_pack: pack,
        plan_name: planName(pack),
        member_number: medicaidId,
        starts_on: '2025-01-01',
        ends_on: lapsed ? '2026-09-30' : null,
      });
    }
    diagnosisRows.push(
      substanceUse
        ? {
            member_id: id,
            code: 'F10.20',
            description: 'Alcohol dependence, uncomplicated',
            category: 'substance_use',
            recorded_on: addDays(admittedOn, 2),
          }
        : {
            member_id: id,
            code: 'F33.1',
            description: 'Major depressive disorder, recurrent, moderate',
            category: 'mental_health',
            recorded_on: addDays(admittedOn, 2),
          },
    );
    episodeRows.push({
      member_id: id,
      program_id: program.id,
      admitted_on: admittedOn,
      assessment_on: addDays(admittedOn, 2),
    });
    for (const checkedOn of [admittedOn, addDays(MONTH_FROM, -3)]) {
      eligibilityRows.push({
        member_id: id,
        checked_on: checkedOn,
        source: STATE[program.state].eligibilitySource,
      });
    }
    // 97 % consented to telehealth and audio-only, 2 % to telehealth only, 1 % to neither.
    const consent = rng.float();
    const audioConsent = consent < 0.97;
    if (consent < 0.99) consentRows.push({ member_id: id, kind: 'telehealth', given_on: admittedOn });
    if (audioConsent) consentRows.push({ member_id: id, kind: 'audio_only', given_on: admittedOn });
    // 97 % have an approved plan of care in effect (Medi-Cal bills only under one).
    if (rng.chance(0.97)) {
      const effectiveFrom = addDays(admittedOn, 7);
      planRows.push({
        member_id: id,
        author_id: peer,
        effective_from: effectiveFrom,
        approved_at: new Date(`${effectiveFrom}T17:00:00Z`),
      });
    }
    // North Carolina: 95 % have a prior authorization for the year; the others run past the unmanaged units.
    if (program.state === 'NC' && rng.chance(0.95)) {
      authorizationRows.push({ member_id: id, number: `PA-${index}` });
    }
    members.push({ id, program: programIndex, peer, audioConsent, minor });
    if (memberRows.length >= ROWS_PER_STATEMENT) await flushMembers();
  }
  await flushMembers();
  log(`${size.members} members`);

  async function flushMembers(): Promise<void> {
    await insertRows(db, 'members', memberRows, constants);
    await insertRows(db, 'coverage_periods', coverageRows, constants);
    await insertRows(db, 'diagnoses', diagnosisRows, constants);
    // The service order (North Carolina) comes from the assessing clinician on the day of the assessment.
    await insertRows(db, 'episodes_of_care', episodeRows, {
      ...constants,
      assessment_clinician: sql`'Synthetic Clinician, LCSW'`,
      service_order_on: sql`u.assessment_on`,
      service_order_clinician: sql`'Synthetic Clinician'`,
      service_order_credential: sql`'LCSW'`,
    });
    await insertRows(db, 'eligibility_checks', eligibilityRows, {
      ...constants,
      result: sql`'eligible'`,
      checked_by: sql`${billingUserId}::uuid`,
    });
    await insertRows(db, 'consents', consentRows, constants);
    await insertRows(db, 'care_plans', planRows, {
      ...constants,
      version: sql`1`,
      kind: sql`'new'`,
      status: sql`'approved'`,
      long_term_goals: sql`'I want a steady place to live and to get back to work I enjoy.'`,
      member_participated: sql`true`,
      member_agreed: sql`true`,
      need_areas: sql`array['daily_living_skills']::text[]`,
      approved_by: sql`${clinicianId}::uuid`,
      approver_role: sql`'behavioral_health_professional'`,
    });
    await insertRows(db, 'authorizations', authorizationRows, {
      ...constants,
      payer_pack: sql`'nc-wellcare'`,
      code: sql`'H0038'`,
      units: sql`1000`,
      valid_from: sql`'2026-07-01'::date`,
      valid_to: sql`'2027-06-30'::date`,
      created_by: sql`${billingUserId}::uuid`,
    });
  }

  // The month's notes: each member's share on distinct weekdays (two on a day when there are more notes than
  // weekdays), at a random time, 15–90 minutes.
  const weekdays = weekdaysOf(MONTH_FROM, MONTH_TO);
  const noteRows = new Rows({
    member_id: 'uuid',
    program_id: 'uuid',
    author_id: 'uuid',
    service_type: 'text',
    date_of_service: 'date',
    start_time: 'text',
    end_time: 'text',
    modality: 'text',
    member_location: 'text',
    place_of_service: 'text',
    identity_verified: 'bool',
    family_coordination_documented: 'bool',
    due_on: 'date',
    signed_at: 'timestamptz',
    review_status: 'text',
    reviewed_by: 'uuid',
    reviewed_at: 'timestamptz',
  });
  const noteConstants = {
    ...constants,
    status: sql`'signed'`,
    gaps: sql`'[]'::jsonb`,
    intervention_in_plan: sql`true`,
    pin_plan: sql`${PIN.plan}::text`,
    pin_interaction: sql`${PIN.interaction}::text`,
    member_response: sql`${PIN.response}::text`,
    pin_next_steps: sql`${PIN.nextSteps}::text`,
    signed_by: sql`u.author_id`,
    created_at: sql`u.signed_at`,
    updated_at: sql`u.signed_at`,
  };
  const noteRng = root.fork('notes');
  const dailyChecks = new Rows({ member_id: 'uuid', checked_on: 'date', source: 'text' });
  const checkConstants = {
    ...constants,
    result: sql`'eligible'`,
    checked_by: sql`${billingUserId}::uuid`,
  };
  let written = 0;
  for (const [index, member] of members.entries()) {
    const count =
      Math.floor(((index + 1) * size.notes) / size.members) - Math.floor((index * size.notes) / size.members);
    const rng = noteRng.at(index);
    const offset = rng.int(0, weekdays.length - 1);
    for (let note = 0; note < count; note += 1) {
      const date = weekdays[(offset + note) % weekdays.length] as string;
      const second = note >= weekdays.length;
      const start = (second ? 14 * 60 : 8 * 60) + 15 * rng.int(0, 15);
      const minutes = 15 + 5 * rng.int(0, 15);
      // 80 % in person (office or home), 17 % video, 3 % audio only (which Kansas does not pay for).
      const modality = weighted(rng, MODALITY_MIX);
      const state = programs[member.program]?.state;
      // 90 % need no review, 7 % co-signed; 2.5 % wait for the supervisor and 0.5 % were returned (held).
      const reviewStatus = weighted(rng, REVIEW_MIX);
      const inPersonPlace = rng.chance(0.7) ? '11' : '12';
      const signedAt = new Date(`${date}T22:00:00Z`);
      const reviewedAt = new Date(signedAt.getTime() + 20 * 3_600_000);
      noteRows.push({
        member_id: member.id,
        program_id: programs[member.program]?.id,
        author_id: member.peer,
        service_type: rng.chance(0.85) ? 'engagement' : 'therapeutic_activity',
        date_of_service: date,
        start_time: clock(start),
        end_time: clock(start + minutes),
        modality,
        member_location: modality === 'in_person' ? null : 'home',
        place_of_service: placeOfService(modality, inPersonPlace, state),
        family_coordination_documented: member.minor && rng.chance(0.9),
        identity_verified: modality !== 'in_person',
        due_on: addDays(date, 3),
        signed_at: signedAt,
        review_status: reviewStatus,
        reviewed_by: reviewStatus === 'cosigned' || reviewStatus === 'returned' ? supervisorId : null,
        reviewed_at: reviewStatus === 'cosigned' || reviewStatus === 'returned' ? reviewedAt : null,
      });
      written += 1;
      // North Carolina verifies eligibility on every date of service; 3 % of the checks were forgotten.
      if (state === 'NC' && !second && rng.chance(0.97)) {
        dailyChecks.push({ member_id: member.id, checked_on: date, source: 'NCTracks' });
      }
    }
    await flushIfFull(db, 'eligibility_checks', dailyChecks, checkConstants);
    await flushIfFull(db, 'service_notes', noteRows, noteConstants);
    if (written % 100_000 < count) log(`${written} notes`);
  }
  await insertRows(db, 'service_notes', noteRows, noteConstants);
  await insertRows(db, 'eligibility_checks', dailyChecks, checkConstants);
  // Every payer's 837 settings (where the demo has none), so the claims can be written.
  for (const pack of new Set(programs.flatMap((program) => program.payerPacks))) {
    await db
      .insertInto('payer_settings')
      .values({
        organisation_id: organisationId,
        payer_pack: pack,
        payer_name: `${planName(pack).slice(0, 40)} (bench)`,
        payer_id: `BENCH${pack.replace(/[^a-z]/g, '').toUpperCase()}`.slice(0, 15),
        receiver_name: 'Synthetic Clearinghouse',
        receiver_id: 'RECEIVER01',
        submitter_name: 'Peerline Bench Agency',
        submitter_id: 'SUBMIT01',
        contact_name: 'Billing Desk',
        contact_phone: '5105550142',
        usage_indicator: 'T',
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  await sql`analyze`.execute(db);
  return {
    organisationId,
    billingUserId,
    from: MONTH_FROM,
    to: MONTH_TO,
    members: size.members,
    notes: written,
    peers: peersPerProgram * programs.length,
  };
}
