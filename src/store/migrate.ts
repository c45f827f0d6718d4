/**
 * @module store/migrate
 * Runs the numbered, forward-only migrations. Kysely's Migrator takes a PostgreSQL advisory lock for the
 * run, so several servers starting at once against one PostgreSQL database migrate it exactly once.
 */
import {
  Migrator,
  sql,
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
} from 'kysely';
import { MIGRATIONS, migrationNumber } from './migrations/index.js';
import type { Database } from './schema.js';

export const MIGRATION_TABLE = 'peerline_migration';
export const MIGRATION_LOCK_TABLE = 'peerline_migration_lock';

export interface MigrationState {
  /** Number of the last applied migration; 0 before the first. */
  version: number;
  name: string | null;
}

const provider: MigrationProvider = {
  getMigrations: (): Promise<Record<string, Migration>> => Promise.resolve({ ...MIGRATIONS }),
};

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** Applies every pending migration in order; returns the state afterwards. */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationState> {
  return run(db, (migrator) => migrator.migrateToLatest());
}

/**
 * Applies the pending migrations up to and including `name` (a key of `MIGRATIONS`), never past it; returns
 * the state afterwards. Tests use it to build a database the way an old installation was built, step by step.
 * Refuses a migration already passed: migrations are forward-only, and Kysely would "migrate down" by only
 * forgetting that they ran.
 */
export async function migrateTo(db: Kysely<Database>, name: string): Promise<MigrationState> {
  if (!Object.hasOwn(MIGRATIONS, name)) {
    throw new MigrationError(`There is no migration named ${name}`);
  }
  const current = await migrationState(db);
  if (migrationNumber(name) < current.version) {
    throw new MigrationError(`Migrations are forward-only: ${name} is before ${current.name ?? 'the first'}`);
  }
  return run(db, (migrator) => migrator.migrateTo(name));
}

async function run(
  db: Kysely<Database>,
  migrate: (migrator: Migrator) => Promise<MigrationResultSet>,
): Promise<MigrationState> {
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: MIGRATION_LOCK_TABLE,
  });
  const { error, results } = await migrate(migrator);
  if (error !== undefined) {
    const failed = results?.find((result) => result.status === 'Error');
    const name = failed?.migrationName ?? 'unknown';
    throw new MigrationError(`Migration ${name} failed: ${describe(error)}`, { cause: error });
  }
  return migrationState(db);
}

/** The last applied migration, read from the migration table. */
export async function migrationState(db: Kysely<Database>): Promise<MigrationState> {
  const exists = await sql<{
    present: boolean;
  }>`select to_regclass(${MIGRATION_TABLE}) is not null as present`.execute(db);
  if (exists.rows[0]?.present !== true) {
    return { version: 0, name: null };
  }
  const latest = await sql<{
    name: string;
  }>`select name from ${sql.table(MIGRATION_TABLE)} order by name desc limit 1`.execute(db);
  const name = latest.rows[0]?.name ?? null;
  return { version: name === null ? 0 : migrationNumber(name), name };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
