/**
 * Migrations suite, on PGlite or PostgreSQL: a database migrated long ago, one step at a time as each
 * release came out, must end with exactly the schema of a database made today in one go — columns,
 * constraints, indexes, triggers, functions, sequences. And since 0008 no CHECK names a payer pack, so adding
 * a pack touches no schema: the database stores any pack id, and the services check it against the packs
 * that are loaded.
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
  }
}, 180_000);
afterAll(async () => {
  await Promise.all([fresh.dispose(), stepwise.dispose()]);
});

function namesAPayerPack(constraint: Record<string, unknown>): boolean {
  return payerPackIds().some((id) => String(constraint.definition).includes(`'${id}'`));
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
                                  date_of_service, total_cents, line_count, status_changed_at, created_at)
              values (${organisation}, ${member}, ${program}, ${pack}, ${user}, '2026-01-05', 100, 1, now(),
                      now())`.execute(db);
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
