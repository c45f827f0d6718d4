/**
 * Migrations suite, on PGlite or PostgreSQL: a database migrated long ago, one step at a time as each
 * release came out, must end with exactly the schema of a database made today in one go — columns,
 * constraints, indexes, triggers, functions, sequences. And since 0008 no CHECK names a payer pack, so adding
 * a pack touches no schema: the database stores any pack id, and the services check it against the packs
 * that are loaded. Claims written before 0009 get what their 837 was read with until then — the member's id
 * with the payer, the diagnoses on the date, the peer's taxonomy — as what they were judged with.
 * Authorizations written before 0010 cover individual services in any program, as they did (no modifiers, no
 * program). Batches written before 0011 get the submitter they were sent as, and each organisation and
 * submitter's interchange control numbers go on above every number its batches used.
 */
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payerPackIds } from '../engine/index.js';
import {
  openEmptyTestStore,
  openTestStore,
  schemaSnapshot,
  testDatabaseKind,
  type TestStore,
} from '../testing/index.js';
import { MigrationError, migrateTo, migrationState, type Database } from './index.js';
import { MIGRATIONS, migrationNumber } from './migrations/index.js';

const NAMES = Object.keys(MIGRATIONS).sort();
const FIRST = NAMES[0] ?? '';
const LATEST = NAMES[NAMES.length - 1] ?? '';

const BEFORE_UNCONSTRAINED = '0007-claim-tenant-keys';
const BEFORE_JUDGED_CONTEXT = '0008-payer-packs-unconstrained';
const BEFORE_AUTHORIZATION_MODIFIERS = '0009-claim-judged-context';
const BEFORE_CONTROL_NUMBERS = '0010-authorization-modifiers';
const BEFORE_FEE_SCHEDULE = '0012-claim-same-day-lines';

let fresh: TestStore;
let stepwise: TestStore;
/** Whether each step of the step-by-step database ended at the migration it was asked for. */
const steps: { asked: string; reached: string | null }[] = [];
/** The constraints naming a payer pack while the step-by-step database stood at 0007. */
let packConstraintsBefore: string[] = [];

// Two databases, one made the slow way (on PGlite, initdb and every migration): allow for a busy machine.
beforeAll(async () => {
  // The fresh database is the one every other suite starts from: migrated to the latest in one go.
  [fresh, stepwise] = await Promise.all([openTestStore(), openEmptyTestStore()]);

  // An installation from the first release, with a little data, upgraded release by release.
  steps.push({ asked: FIRST, reached: (await migrateTo(stepwise.db, FIRST)).name });
  await insertFirstReleaseData(stepwise.db);
  for (const name of NAMES.slice(1)) {
    steps.push({ asked: name, reached: (await migrateTo(stepwise.db, name)).name });
    if (name === BEFORE_UNCONSTRAINED) {
      const { constraints } = await schemaSnapshot(stepwise.db);
      packConstraintsBefore = constraints
        .filter(namesAPayerPack)
        .map((constraint) => String(constraint.conname));
    }
    if (name === BEFORE_JUDGED_CONTEXT) await insertClaimsBeforeJudgedContext(stepwise.db);
    if (name === BEFORE_AUTHORIZATION_MODIFIERS) await insertAuthorizationBeforeModifiers(stepwise.db);
    if (name === BEFORE_CONTROL_NUMBERS) await insertBatchesBeforeControlNumbers(stepwise.db);
    if (name === BEFORE_FEE_SCHEDULE) await insertRunBeforeFeeSchedule(stepwise.db);
  }
}, 180_000);
afterAll(async () => {
  await Promise.all([fresh.dispose(), stepwise.dispose()]);
});

function namesAPayerPack(constraint: Record<string, unknown>): boolean {
  return payerPackIds().some((id) => String(constraint.definition).includes(`'${id}'`));
}

/** A finished billing run of 'Upgraded since 0001' as runs before 0013 recorded their total. */
async function insertRunBeforeFeeSchedule(db: Kysely<Database>): Promise<void> {
  await sql`
    insert into billing_runs (organisation_id, started_by, from_date, to_date, status, notes_claimed,
                              amount_cents, started_at, heartbeat_at, finished_at)
    select o.id, u.id, '2026-11-01', '2026-11-30', 'finished', 2, 37336, now(), now(), now()
    from organisations o join users u on u.organisation_id = o.id
    where o.name = 'Upgraded since 0001'`.execute(db);
}

async function insertFirstReleaseData(db: Kysely<Database>): Promise<void> {
  await sql`
    with organisation as (
      insert into organisations (name) values ('Upgraded since 0001') returning id
    ), program as (
      insert into programs (organisation_id, name, type, npi, taxonomy, address_line1, city, state, postal_code,
                            time_zone, payer_packs)
      select id, 'Old program', 'mh_outpatient', '1234567893', '172V00000X', '1 Main St', 'Oakland', 'CA',
             '94612', 'America/Los_Angeles', array['ca-dhcs', 'ca-acbhd']
      from organisation
    )
    insert into users (organisation_id, email, display_name, password_hash, roles)
    select id, 'old@upgrade.peerline.test', 'Old admin', 'h', array['admin'] from organisation`.execute(db);
}

/**
 * An organisation with two claims as a billing run before 0009 wrote them: one by a peer with a profile, for a
 * member with coverage before, on and beside the date and diagnoses in and out of force; one by its admin (no
 * profile) with a payer the member has no coverage with.
 */
async function insertClaimsBeforeJudgedContext(db: Kysely<Database>): Promise<void> {
  await sql`
    with organisation as (
      insert into organisations (name) values ('Claims before 0009') returning id as organisation_id
    ), program as (
      insert into programs (organisation_id, name, type, npi, taxonomy, address_line1, city, state, postal_code,
                            time_zone, payer_packs)
      select organisation_id, 'Claims program', 'mh_outpatient', '1234567893', '172V00000X', '1 Main St',
             'Oakland', 'CA', '94612', 'America/Los_Angeles', array['ca-dhcs', 'ca-acbhd']
      from organisation
      returning id as program_id, organisation_id
    ), staff as (
      insert into users (organisation_id, email, display_name, password_hash, roles)
      select organisation_id, u.email, u.display_name, 'h', u.roles
      from organisation, (values ('peer@claims.peerline.test', 'Old peer', array['peer'], 1),
                                 ('admin@claims.peerline.test', 'Old admin', array['admin'], 2))
                         as u(email, display_name, roles, position)
      returning id, organisation_id, email
    ), profile as (
      insert into staff_profiles (user_id, organisation_id, taxonomy)
      select id, organisation_id, '101YP2500X' from staff where email = 'peer@claims.peerline.test'
    ), member as (
      insert into members (organisation_id, first_name, last_name, date_of_birth, program_id)
      select organisation_id, 'Old', 'Member', '1980-01-01', program_id from program
      returning id, organisation_id, program_id
    ), coverage as (
      insert into coverage_periods (organisation_id, member_id, payer_pack, plan_name, member_number, starts_on,
                                    ends_on)
      select organisation_id, id, c.payer_pack, 'Old plan', c.member_number, c.starts_on::date, c.ends_on::date
      from member, (values ('ca-dhcs', 'ZZOLD000001', '2025-01-01', '2025-12-31'),
                           ('ca-dhcs', 'ZZOLD000002', '2026-01-01', null),
                           ('ca-acbhd', 'ZZOLD000003', '2026-01-01', null))
                   as c(payer_pack, member_number, starts_on, ends_on)
    ), diagnosis as (
      insert into diagnoses (organisation_id, member_id, code, description, category, recorded_on, resolved_on)
      select organisation_id, id, d.code, 'Old diagnosis', 'mental_health', d.recorded_on::date, d.resolved_on::date
      from member, (values ('F41.1', '2026-02-01', null), ('F33.1', '2025-01-01', null),
                           ('F10.20', '2025-01-01', '2026-01-15'), ('F43.10', '2026-04-01', null))
                   as d(code, recorded_on, resolved_on)
    )
    insert into claims (organisation_id, member_id, program_id, payer_pack, rendering_provider_id, date_of_service,
                        total_cents, line_count, status_changed_at, created_at)
    select m.organisation_id, m.id, m.program_id, c.payer_pack, s.id, '2026-03-02', 100, 1, now(), now()
    from member m
      cross join (values ('ca-dhcs', 'peer@claims.peerline.test', 1), ('ca-la-sapc', 'admin@claims.peerline.test', 2))
                 as c(payer_pack, email, position)
      join staff s on s.email = c.email
    order by c.position`.execute(db);
}

/** An authorization as billing staff recorded one before 0010, for the member of 'Claims before 0009'. */
async function insertAuthorizationBeforeModifiers(db: Kysely<Database>): Promise<void> {
  await sql`
    insert into authorizations (organisation_id, member_id, payer_pack, number, code, units, valid_from, valid_to,
                                created_by)
    select m.organisation_id, m.id, 'ca-dhcs', 'OLD-AUTH-1', 'H0038', 10, '2026-01-01', '2026-12-31', u.id
    from members m
      join organisations o on o.id = m.organisation_id
      join users u on u.organisation_id = o.id and u.email = 'admin@claims.peerline.test'
    where o.name = 'Claims before 0009'`.execute(db);
}

/**
 * Two organisations' payer settings and batches as exports before 0011 wrote them, numbered from the one
 * global sequence. The first sent as OLDSUB before its Medi-Cal settings changed to SUBA (the file says so),
 * wrote an Alameda file whose text is not an interchange (its settings say SUBB), and one for a payer that has
 * no settings now (no submitter can be known). The second sends as SUBA too.
 */
async function insertBatchesBeforeControlNumbers(db: Kysely<Database>): Promise<void> {
  await sql`
    with organisation as (
      insert into organisations (name)
      values ('Batches before 0011'), ('Other batches before 0011')
      returning id as organisation_id, name
    ), billing as (
      insert into users (organisation_id, email, display_name, password_hash, roles)
      select organisation_id, lower(replace(name, ' ', '-')) || '@batches.peerline.test', 'Old billing', 'h',
             array['billing']
      from organisation
      returning id as user_id, organisation_id
    ), settings as (
      insert into payer_settings (organisation_id, payer_pack, payer_name, payer_id, receiver_name, receiver_id,
                                  submitter_name, submitter_id, contact_name, contact_phone)
      select o.organisation_id, s.payer_pack, 'Payer', 'PAYER', 'Receiver', 'RECEIVER', 'Submitter',
             s.submitter_id, 'Contact', '5555550100'
      from organisation o
        join (values ('Batches before 0011', 'ca-dhcs', 'SUBA'), ('Batches before 0011', 'ca-acbhd', 'SUBB'),
                     ('Other batches before 0011', 'ca-dhcs', 'SUBA'))
             as s(name, payer_pack, submitter_id) on s.name = o.name
    )
    insert into claim_batches (organisation_id, payer_pack, interchange_control_number, file_name, claim_count,
                               line_count, total_cents, content, created_by, created_at)
    select o.organisation_id, b.payer_pack, b.number, 'old.837', 1, 1, 100,
           case when b.sender is null then 'ISA*…'
                else 'ISA*00*          *00*          *ZZ*' || rpad(b.sender, 15) || '*ZZ*RECEIVER       *'
                     || '261120*0930*^*00501*' || lpad(b.number::text, 9, '0') || '*0*T*:~' end,
           u.user_id, now()
    from organisation o
      join billing u using (organisation_id)
      join (values ('Batches before 0011', 'ca-dhcs', 41, 'OLDSUB'), ('Batches before 0011', 'ca-dhcs', 45, 'SUBA'),
                   ('Batches before 0011', 'ca-acbhd', 57, null), ('Batches before 0011', 'ks-pahp', 50, null),
                   ('Other batches before 0011', 'ca-dhcs', 900, 'SUBA'))
           as b(name, payer_pack, number, sender) on b.name = o.name`.execute(db);
}

describe(`migrations on ${testDatabaseKind()}`, () => {
  it('migrates step by step, each step ending at the migration asked for', () => {
    expect(steps.map((step) => step.reached)).toEqual(NAMES);
    expect(steps.map((step) => step.asked)).toEqual(NAMES);
  });

  it('a database migrated step by step from 0001 has exactly the schema of a fresh one', async () => {
    const [freshSchema, stepwiseSchema] = await Promise.all([
      schemaSnapshot(fresh.db),
      schemaSnapshot(stepwise.db),
    ]);
    // A snapshot that read nothing would compare equal too.
    expect(freshSchema.columns.length).toBeGreaterThan(100);
    expect(freshSchema.constraints.length).toBeGreaterThan(100);
    expect(freshSchema.indexes.length).toBeGreaterThan(30);
    expect(freshSchema.triggers.length).toBeGreaterThan(5);
    expect(freshSchema.functions.length).toBeGreaterThan(5);
    expect(freshSchema.sequences.length).toBeGreaterThan(1);
    expect(stepwiseSchema).toEqual(freshSchema);
  });

  it('keeps the data written before the upgrade', async () => {
    const rows = await sql<{ payer_packs: string[]; roles: string[] }>`
      select p.payer_packs, u.roles from programs p join users u using (organisation_id)
      where p.name = 'Old program'`.execute(stepwise.db);
    expect(rows.rows).toEqual([{ payer_packs: ['ca-dhcs', 'ca-acbhd'], roles: ['admin'] }]);
  });

  it('gives claims written before 0009 what their 837 was read with, and keeps it from changing', async () => {
    const claims = await sql<{
      payer_member_id: string;
      diagnosis_codes: string[];
      rendering_taxonomy: string;
    }>`
      select c.payer_member_id, c.diagnosis_codes, c.rendering_taxonomy
      from claims c join organisations o on o.id = c.organisation_id
      where o.name = 'Claims before 0009'
      order by c.claim_number`.execute(stepwise.db);
    expect(claims.rows).toEqual([
      // The coverage with the claim's payer in force on the date; the diagnoses in force, earliest first.
      {
        payer_member_id: 'ZZOLD000002',
        diagnosis_codes: ['F33.1', 'F41.1'],
        rendering_taxonomy: '101YP2500X',
      },
      // No coverage with that payer: no id, which the writer refuses as it did. No profile: the default.
      { payer_member_id: '', diagnosis_codes: ['F33.1', 'F41.1'], rendering_taxonomy: '175T00000X' },
    ]);
    await expect(
      sql`update claims set diagnosis_codes = '{}' where payer_member_id = 'ZZOLD000002'`.execute(
        stepwise.db,
      ),
    ).rejects.toThrow(/a claim's content never changes/);
  });

  it('gives authorizations written before 0010 no modifiers and no program, and checks both', async () => {
    const ofOldOrganisation = sql`
      organisation_id = (select id from organisations where name = 'Claims before 0009')`;
    const rows = await sql<{ modifiers: string[]; program_id: string | null }>`
      select modifiers, program_id from authorizations where ${ofOldOrganisation}`.execute(stepwise.db);
    expect(rows.rows).toEqual([{ modifiers: [], program_id: null }]);
    // Another organisation's program, and a modifier that is not two capitals or digits, are refused.
    await expect(
      sql`update authorizations set program_id = (select id from programs where name = 'Old program')
          where ${ofOldOrganisation}`.execute(stepwise.db),
    ).rejects.toThrow(/authorizations_program_organisation_fkey/);
    await expect(
      sql`update authorizations set modifiers = array['hq'] where ${ofOldOrganisation}`.execute(stepwise.db),
    ).rejects.toThrow(/authorizations_modifiers_check/);
    await sql`update authorizations set modifiers = array['HQ', 'HF'],
                program_id = (select id from programs where name = 'Claims program')
              where ${ofOldOrganisation}`.execute(stepwise.db);
  });

  it('gives batches written before 0011 their submitter, and every submitter a next number above those used', async () => {
    const batches = await sql<{ name: string; number: number; submitter_id: string | null }>`
      select o.name, b.interchange_control_number as number, b.submitter_id
      from claim_batches b join organisations o on o.id = b.organisation_id
      where o.name ilike '%batches before 0011'
      order by b.interchange_control_number`.execute(stepwise.db);
    expect(batches.rows).toEqual([
      // The submitter the file says it was sent as, over the settings as they stand.
      { name: 'Batches before 0011', number: 41, submitter_id: 'OLDSUB' },
      { name: 'Batches before 0011', number: 45, submitter_id: 'SUBA' },
      // No payer settings and no interchange to read: not known.
      { name: 'Batches before 0011', number: 50, submitter_id: null },
      // Not an interchange: the payer's settings.
      { name: 'Batches before 0011', number: 57, submitter_id: 'SUBB' },
      { name: 'Other batches before 0011', number: 900, submitter_id: 'SUBA' },
    ]);
    const counters = await sql<{ name: string; submitter_id: string; next_number: number }>`
      select o.name, n.submitter_id, n.next_number
      from interchange_control_numbers n join organisations o on o.id = n.organisation_id
      where o.name ilike '%batches before 0011'
      order by o.name, n.submitter_id`.execute(stepwise.db);
    expect(counters.rows).toEqual([
      // Above the batch whose submitter is not known (50), and above each submitter's own.
      { name: 'Batches before 0011', submitter_id: 'OLDSUB', next_number: 51 },
      { name: 'Batches before 0011', submitter_id: 'SUBA', next_number: 51 },
      { name: 'Batches before 0011', submitter_id: 'SUBB', next_number: 58 },
      // Another organisation's numbers do not count.
      { name: 'Other batches before 0011', submitter_id: 'SUBA', next_number: 901 },
    ]);
    // A number is unique per organisation and submitter, not across organisations.
    const copy = (organisation: string, submitter: string, number: number) => sql`
      insert into claim_batches (organisation_id, payer_pack, submitter_id, interchange_control_number, file_name,
                                 claim_count, line_count, total_cents, content, created_by, created_at)
      select organisation_id, payer_pack, ${submitter}, ${number}, file_name, claim_count, line_count,
             total_cents, content, created_by, created_at
      from claim_batches
      where organisation_id = (select id from organisations where name = ${organisation})
      limit 1`;
    await expect(copy('Batches before 0011', 'SUBA', 45).execute(stepwise.db)).rejects.toThrow(
      /claim_batches_submitter_control_number_key/,
    );
    await copy('Other batches before 0011', 'SUBA', 45).execute(stepwise.db);
  });

  it('gives every organisation before 0013 the seed rates of Kansas and Los Angeles as its fee schedule, and no other', async () => {
    const { rows: organisations } = await sql<{ id: string }>`select id from organisations`.execute(
      stepwise.db,
    );
    expect(organisations.length).toBeGreaterThan(2);
    const lines = await stepwise.db
      .selectFrom('fee_schedule')
      .select([
        'organisation_id',
        'payer_pack',
        'program_id',
        'code',
        'modifiers',
        'effective_from',
        'effective_to',
        'unit_charge_cents',
        'expected_unit_rate_cents',
      ])
      .execute();
    for (const { id } of organisations) {
      const own = lines
        .filter((line) => line.organisation_id === id)
        .map((line) => [line.payer_pack, line.code, line.modifiers.join(' '), line.unit_charge_cents])
        .sort();
      // 003 Kansas: $11.75 and $4.37; 004 Los Angeles: $46.67, $10.37, $46.67. None for 000, 001, 002.
      expect(own).toEqual([
        ['ca-la-sapc', 'H0025', '', 1037],
        ['ca-la-sapc', 'H0038', '', 4667],
        ['ca-la-sapc', 'H0050', 'HF', 4667],
        ['ks-pahp', 'H0038', '', 1175],
        ['ks-pahp', 'H0038', 'HQ', 437],
      ]);
    }
    // The expected rate is left to the pack's; every line is in force from the pack's first rate, open-ended.
    expect(new Set(lines.map((line) => line.expected_unit_rate_cents))).toEqual(new Set([null]));
    expect(new Set(lines.map((line) => line.effective_to))).toEqual(new Set([null]));
    expect(new Set(lines.map((line) => line.program_id))).toEqual(new Set([null]));
    // Each line's history says the upgrade added it (no user).
    const history = await stepwise.db
      .selectFrom('fee_schedule_changes')
      .select(['fee_id', 'action', 'changed_by'])
      .execute();
    expect(history).toHaveLength(lines.length);
    expect(new Set(history.map((change) => `${change.action}/${String(change.changed_by)}`))).toEqual(
      new Set(['added/null']),
    );
    // A run's total was its lines' charges all along: it keeps it under its new name.
    const run = await stepwise.db
      .selectFrom('billing_runs')
      .select('charge_cents')
      .where('notes_claimed', '=', 2)
      .executeTakeFirstOrThrow();
    expect(Number(run.charge_cents)).toBe(37336);
  });

  it('refuses to go back to a migration already applied', async () => {
    // Kysely would "migrate down" by forgetting the later migrations ran, and the next start would re-run them.
    await expect(migrateTo(fresh.db, FIRST)).rejects.toThrow(MigrationError);
    await expect(migrateTo(fresh.db, 'no-such-migration')).rejects.toThrow(MigrationError);
    expect(await migrationState(fresh.db)).toEqual({ version: migrationNumber(LATEST), name: LATEST });
  });
});

describe('payer packs are not listed in the schema', () => {
  it('no constraint names a payer pack', async () => {
    const { constraints } = await schemaSnapshot(fresh.db);
    expect(constraints.filter(namesAPayerPack)).toEqual([]);
  });

  it('before 0008 eight checks named them, so the check above can fail', () => {
    expect(packConstraintsBefore.sort()).toEqual([
      'authorizations_payer_pack_check',
      'billing_holds_payer_pack_check',
      'billing_runs_payer_pack_check',
      'claim_batches_payer_pack_check',
      'claims_payer_pack_check',
      'coverage_periods_payer_pack_check',
      'payer_settings_payer_pack_check',
      'programs_payer_packs_check',
    ]);
  });

  it('stores a payer pack the schema has never heard of in every column that holds one', async () => {
    const db = fresh.db;
    const pack = 'zz-test';
    const organisation = await one(
      db,
      sql`insert into organisations (name) values ('New pack') returning id`,
    );
    const user = await one(
      db,
      sql`insert into users (organisation_id, email, display_name, password_hash, roles)
          values (${organisation}, 'peer@new-pack.peerline.test', 'Peer', 'h', array['peer', 'billing'])
          returning id`,
    );
    const program = await one(
      db,
      sql`insert into programs (organisation_id, name, type, npi, taxonomy, address_line1, city, state,
                                postal_code, time_zone, payer_packs)
          values (${organisation}, 'New pack program', 'crisis', '1234567893', '172V00000X', '1 Main St',
                  'Topeka', 'KS', '66603', 'America/Chicago', array[${pack}])
          returning id`,
    );
    const member = await one(
      db,
      sql`insert into members (organisation_id, first_name, last_name, date_of_birth, program_id)
          values (${organisation}, 'Test', 'Member', '1990-01-01', ${program}) returning id`,
    );
    await sql`insert into coverage_periods (organisation_id, member_id, payer_pack, plan_name, member_number, starts_on)
              values (${organisation}, ${member}, ${pack}, 'Test plan', 'ABC123456', '2026-01-01')`.execute(
      db,
    );
    await sql`insert into payer_settings (organisation_id, payer_pack, payer_name, payer_id, receiver_name, receiver_id,
                                          submitter_name, submitter_id, contact_name, contact_phone)
              values (${organisation}, ${pack}, 'Test payer', 'TESTPAYER', 'Test receiver', 'RECEIVER',
                      'Test submitter', 'SUBMITTER', 'Test contact', '5555550100')`.execute(db);
    await sql`insert into authorizations (organisation_id, member_id, payer_pack, number, code, units, valid_from,
                                          valid_to, created_by)
              values (${organisation}, ${member}, ${pack}, 'AUTH-1', 'H0038', 10, '2026-01-01', '2026-12-31',
                      ${user})`.execute(db);
    const run = await one(
      db,
      sql`insert into billing_runs (organisation_id, started_by, from_date, to_date, payer_pack, started_at,
                                    heartbeat_at)
          values (${organisation}, ${user}, '2026-01-01', '2026-01-31', ${pack}, now(), now()) returning id`,
    );
    await sql`insert into claim_batches (organisation_id, payer_pack, file_name, claim_count, line_count, total_cents,
                                         content, created_by, created_at)
              values (${organisation}, ${pack}, 'test.837', 1, 1, 100, 'ISA*', ${user}, now())`.execute(db);
    await sql`insert into claims (organisation_id, member_id, program_id, payer_pack, rendering_provider_id,
                                  date_of_service, total_cents, line_count, payer_member_id, diagnosis_codes,
                                  rendering_taxonomy, status_changed_at, created_at)
              values (${organisation}, ${member}, ${program}, ${pack}, ${user}, '2026-01-05', 100, 1, 'ABC123456',
                      array['F33.1'], '175T00000X', now(), now())`.execute(db);
    const note = await one(
      db,
      sql`insert into service_notes (organisation_id, member_id, program_id, author_id, service_type,
                                     date_of_service, due_on)
          values (${organisation}, ${member}, ${program}, ${user}, 'engagement', '2026-01-05', '2026-01-08')
          returning id`,
    );
    await sql`insert into billing_holds (note_id, organisation_id, run_id, problems, held_at, payer_pack)
              values (${note}, ${organisation}, ${run}, '[]'::jsonb, now(), ${pack})`.execute(db);

    const stored = await sql<{ count: number }>`
      select (select count(*) from programs where ${pack} = any (payer_packs))
           + (select count(*) from coverage_periods where payer_pack = ${pack})
           + (select count(*) from payer_settings where payer_pack = ${pack})
           + (select count(*) from authorizations where payer_pack = ${pack})
           + (select count(*) from billing_runs where payer_pack = ${pack})
           + (select count(*) from claim_batches where payer_pack = ${pack})
           + (select count(*) from claims where payer_pack = ${pack})
           + (select count(*) from billing_holds where payer_pack = ${pack}) as count`.execute(db);
    expect(Number(stored.rows[0]?.count)).toBe(8);
  });

  it('keeps every other check on those tables', async () => {
    const organisation = await one(
      fresh.db,
      sql`insert into organisations (name) values ('Other checks') returning id`,
    );
    // A program type that does not exist, and a payer setting with a usage indicator other than T or P, are
    // still refused although their tables lost the payer pack check.
    await expect(
      sql`insert into programs (organisation_id, name, type, npi, taxonomy, address_line1, city, state,
                                postal_code, time_zone)
          values (${organisation}, 'Bad type', 'no_such_type', '1234567893', '172V00000X', '1 Main St',
                  'Topeka', 'KS', '66603', 'America/Chicago')`.execute(fresh.db),
    ).rejects.toThrow(/programs_type_check/);
    await expect(
      sql`insert into payer_settings (organisation_id, payer_pack, payer_name, payer_id, receiver_name, receiver_id,
                                      submitter_name, submitter_id, contact_name, contact_phone, usage_indicator)
          values (${organisation}, 'zz-test', 'Payer', 'PAYER', 'Receiver', 'RECEIVER', 'Submitter', 'SUBMITTER',
                  'Contact', '5555550100', 'X')`.execute(fresh.db),
    ).rejects.toThrow(/payer_settings_usage_indicator_check/);
  });
});

/** Runs an insert that returns one `id` and gives it back. */
async function one(db: Kysely<Database>, query: ReturnType<typeof sql<{ id: string }>>): Promise<string> {
  const result = await query.execute(db);
  const id = result.rows[0]?.id;
  if (id === undefined) {
    throw new Error('the insert returned no id');
  }
  return id;
}
