/**
 * @module testing/test-store
 * A fresh, migrated database per test file: PGlite in memory (loaded from a migrated template that the
 * global setup made once), or — when TEST_DATABASE_URL is set — a new PostgreSQL database on that server,
 * dropped afterwards. Tests use the real store either way; nothing of ours is mocked.
 */
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { DEFAULT_SECURITY_SETTINGS, type SecuritySettings } from '../config/index.js';
import type { Clock, ServiceContext } from '../services/context.js';
import { migrateToLatest, openStore, type Store } from '../store/index.js';

export interface TestStore extends Store {
  /** Closes the store and removes the database. */
  dispose(): Promise<void>;
}

/** Which database the database suites run on in this process. */
export function testDatabaseKind(): 'postgres' | 'pglite' {
  return process.env.TEST_DATABASE_URL === undefined || process.env.TEST_DATABASE_URL === ''
    ? 'pglite'
    : 'postgres';
}

/** A new database migrated to the latest migration. */
export async function openTestStore(): Promise<TestStore> {
  const store = await openTestDatabase(await migratedPgliteTemplate());
  await migrateToLatest(store.db);
  return store;
}

/** A new database with no migration applied, for tests that migrate it themselves. */
export function openEmptyTestStore(): Promise<TestStore> {
  return openTestDatabase(undefined);
}

async function openTestDatabase(loadDataDir: Blob | undefined): Promise<TestStore> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl === undefined || serverUrl === '') {
    const store = await openStore({
      kind: 'pglite-memory',
      ...(loadDataDir === undefined ? {} : { loadDataDir }),
    });
    return { ...store, dispose: () => store.close() };
  }
  const database = await createPostgresTestDatabase(serverUrl, 'test');
  const store = await openStore({ kind: 'postgres', url: database.url, poolSize: 5 });
  return {
    ...store,
    dispose: async () => {
      await store.close();
      await database.drop();
    },
  };
}

/** The migrated PGlite database the global setup dumped, if the suites run on PGlite and it made one. */
async function migratedPgliteTemplate(): Promise<Blob | undefined> {
  const templatePath = process.env.PEERLINE_TEST_TEMPLATE;
  if (templatePath === undefined || testDatabaseKind() === 'postgres') {
    return undefined;
  }
  return new Blob([new Uint8Array(await readFile(templatePath))]);
}

export interface PostgresTestDatabase {
  /** Connection string of the new, empty database. */
  readonly url: string;
  /** Drops it, closing any connections still open. */
  drop(): Promise<void>;
}

/** A new, empty database on the PostgreSQL server at `serverUrl`, named `peerline_<purpose>_…`. */
export async function createPostgresTestDatabase(
  serverUrl: string,
  purpose: string,
): Promise<PostgresTestDatabase> {
  const name = `peerline_${purpose}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`),
  };
}

async function adminQuery(serverUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A clock that stands still until the test moves it. */
export class ManualClock implements Clock {
  private current: number;
  constructor(start: Date | string = '2026-11-23T15:00:00Z') {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  advanceMinutes(minutes: number): void {
    this.current += minutes * 60_000;
  }
  advanceMs(milliseconds: number): void {
    this.current += milliseconds;
  }
  /** Moves the clock to `instant` (a scenario stepping through the days of a month). */
  set(instant: Date | string): void {
    this.current = new Date(instant).getTime();
  }
}

export function testContext(
  store: Store,
  clock: Clock = new ManualClock(),
  security: Partial<SecuritySettings> = {},
): ServiceContext & { clock: Clock } {
  return { db: store.db, clock, security: { ...DEFAULT_SECURITY_SETTINGS, ...security } };
}
