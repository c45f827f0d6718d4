/**
 * @module testing/global-setup
 * Vitest global setup: makes one migrated PGlite database and dumps it to a file, so each test file can
 * load it (about 1 s) instead of running initdb and the migrations (about 3.5 s). Skipped when the suites
 * run on PostgreSQL (TEST_DATABASE_URL), where each file makes its own database.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from '../store/index.js';
import type { Database } from '../store/index.js';

let directory: string | undefined;

export async function setup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL !== undefined && process.env.TEST_DATABASE_URL !== '') {
    return;
  }
  directory = await mkdtemp(path.join(tmpdir(), 'peerline-template-'));
  const file = path.join(directory, 'template.tar.gz');
  const pglite = await PGlite.create('memory://');
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool(createPgConfig(pglite)) }),
  });
  await migrateToLatest(db);
  await db.destroy();
  const dump = await pglite.dumpDataDir('gzip');
  await pglite.close();
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  // Test workers are started after global setup and inherit this variable.
  process.env.PEERLINE_TEST_TEMPLATE = file;
}

export async function teardown(): Promise<void> {
  if (directory !== undefined) {
    await rm(directory, { recursive: true, force: true });
  }
}
