/**
 * @module store/database
 * Opens the database: PostgreSQL from a connection string, or the embedded PGlite database in a directory
 * (or in memory, for tests). Both go through `pg.Pool` and Kysely's PostgresDialect — PGlite via its
 * node-postgres adapter — so every query, type parser and transaction takes the same path on both.
 */
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataDirectory, type DataDirectoryLock } from './data-dir-lock.js';
import type { Database } from './schema.js';

export type DatabaseKind = 'pglite' | 'postgres';

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'pglite-memory'; loadDataDir?: Blob };

export interface Store {
  readonly db: Kysely<Database>;
  readonly kind: DatabaseKind;
  /** Ends the pool, closes PGlite cleanly (so its WAL is checkpointed) and releases the directory lock. */
  close(): Promise<void>;
}

// Calendar dates (dates of service, birth dates) stay 'YYYY-MM-DD' strings: pg's default turns them into
// a Date at local midnight, which shifts the day in any time zone west of UTC.
const DATE_OID = 1082;
pg.types.setTypeParser(DATE_OID, (value: string) => value);

/** Opens the target database. Does not migrate: call `migrateToLatest` next. */
export async function openStore(target: DatabaseTarget): Promise<Store> {
  switch (target.kind) {
    case 'postgres':
      return openPostgres(target.url, target.poolSize ?? 10);
    case 'pglite':
      return openPglite(target.dataDir, undefined);
    case 'pglite-memory':
      return openPglite(undefined, target.loadDataDir);
  }
}

function openPostgres(url: string, poolSize: number): Store {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client's error (server restart) must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    close: async () => {
      await db.destroy();
    },
  };
}

async function openPglite(dataDir: string | undefined, loadDataDir: Blob | undefined): Promise<Store> {
  const lock: DataDirectoryLock | undefined = dataDir === undefined ? undefined : lockDataDirectory(dataDir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dataDir ?? 'memory://', loadDataDir === undefined ? {} : { loadDataDir });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const pool = new pg.Pool(createPgConfig(pglite));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  let closed = false;
  return {
    db,
    kind: 'pglite',
    close: async () => {
      if (closed) {
        return;
      }
      closed = true;
      try {
        await db.destroy();
        await pglite.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/** Where the configuration says the database is. */
export function databaseTargetFromConfig(config: {
  databaseUrl: string | undefined;
  dataDir: string;
}): DatabaseTarget {
  return config.databaseUrl === undefined
    ? { kind: 'pglite', dataDir: config.dataDir }
    : { kind: 'postgres', url: config.databaseUrl };
}
