/**
 * Store suite: migrations, constraints and the append-only audit log, on PGlite or PostgreSQL.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, testDatabaseKind, type TestStore } from '../testing/index.js';
import { migrateToLatest, migrationState } from './index.js';
import { MIGRATIONS, migrationNumber } from './migrations/index.js';

let store: TestStore;

beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => {
  await store.dispose();
});

describe(`store on ${testDatabaseKind()}`, () => {
  it('reports the latest migration, and migrating again changes nothing', async () => {
    const names = Object.keys(MIGRATIONS).sort();
    const latest = names[names.length - 1];
    // The version is the latest file's number, not the count: numbers can be taken by branches not yet merged.
    const version = migrationNumber(latest ?? '');
    expect(await migrationState(store.db)).toEqual({ version, name: latest });
    expect(await migrateToLatest(store.db)).toEqual({ version, name: latest });
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the audit log', async () => {
    await sql`insert into audit_events (occurred_at, action, outcome) values (now(), 'test.event', 'success')`.execute(
      store.db,
    );
    await expect(sql`update audit_events set action = 'changed'`.execute(store.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_events`.execute(store.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_events`.execute(store.db)).rejects.toThrow(/append-only/);
    const rows = await store.db.selectFrom('audit_events').select('action').execute();
    expect(rows.map((row) => row.action)).toContain('test.event');
    expect(rows.map((row) => row.action)).not.toContain('changed');
  });

  it('refuses roles and program types that do not exist', async () => {
    const { id } = await store.db
      .insertInto('organisations')
      .values({ name: 'Constraint check (demo)', tax_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const user = {
      organisation_id: id,
      email: 'x@constraints.peerline.test',
      display_name: 'X',
      password_hash: 'h',
      roles: ['superuser'] as unknown as ['admin'],
      created_at: new Date(),
      updated_at: new Date(),
      locked_until: null,
      last_login_at: null,
    };
    await expect(store.db.insertInto('users').values(user).execute()).rejects.toThrow();
    await expect(
      store.db
        .insertInto('users')
        .values({ ...user, roles: ['admin'], email: 'Upper@constraints.peerline.test' })
        .execute(),
    ).rejects.toThrow();
  });

  it('returns calendar dates as YYYY-MM-DD strings and bigints as strings', async () => {
    const result = await sql<{
      day: unknown;
      big: unknown;
    }>`select '2026-07-01'::date as day, 9007199254740993::bigint as big`.execute(store.db);
    expect(result.rows[0]).toEqual({ day: '2026-07-01', big: '9007199254740993' });
  });
});
