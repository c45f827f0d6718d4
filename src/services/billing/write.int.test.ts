/**
 * The array literals the billing write sends as its `unnest` columns, read back by the real database (PGlite,
 * and PostgreSQL with TEST_DATABASE_URL): every value arrives as it was, quotes, backslashes, braces, commas,
 * the word NULL and empty strings included; values that cannot go unquoted are refused.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../../testing/index.js';
import { arrayLiteral, plainArrayLiteral } from './write.js';

let store: TestStore;

beforeAll(async () => {
  store = await openTestStore();
});

afterAll(async () => {
  await store.dispose();
});

async function readBack(
  literal: string,
  type: 'text' | 'uuid' | 'date' | 'integer' | 'jsonb',
): Promise<unknown[]> {
  const result = await sql<{
    value: unknown;
  }>`select value::text as value from unnest(${literal}::${sql.raw(type)}[]) with ordinality as t(value, position) order by position`.execute(
    store.db,
  );
  return result.rows.map((row) => row.value);
}

describe('array literals for unnest', () => {
  it('carries awkward text unchanged, each element quoted', async () => {
    const values = ['H0038', '', 'NULL', 'null', 'a,b', '{x}', 'say "hi"', 'back\\slash', ' spaced ', 'é–ü'];
    expect(await readBack(arrayLiteral(values), 'text')).toEqual(values);
  });

  it('carries JSON documents and nested array literals as text', async () => {
    const warnings = [JSON.stringify([{ message: 'a "quoted" \\ word, {braced}' }]), '[]'];
    const read = await readBack(arrayLiteral(warnings), 'jsonb');
    expect(read.map((each) => JSON.parse(String(each)) as unknown)).toEqual(
      warnings.map((each) => JSON.parse(each) as unknown),
    );
    const modifiers = [arrayLiteral(['HQ', 'U1']), arrayLiteral([])];
    const result = await sql<{
      value: string[];
    }>`select value::text[] as value from unnest(${arrayLiteral(modifiers)}::text[]) with ordinality as t(value, position) order by position`.execute(
      store.db,
    );
    expect(result.rows.map((row) => row.value)).toEqual([['HQ', 'U1'], []]);
  });

  it('carries uuids, dates, numbers and nulls unquoted', async () => {
    const ids = ['5b0f3a52-6a43-4a9e-9d59-5f1d1b6a0c11', null, '00000000-0000-0000-0000-000000000000'];
    expect(await readBack(plainArrayLiteral(ids), 'uuid')).toEqual(ids);
    expect(await readBack(plainArrayLiteral(['2026-07-01', '2027-06-30']), 'date')).toEqual([
      '2026-07-01',
      '2027-06-30',
    ]);
    expect(await readBack(plainArrayLiteral([0, 96, -3, null]), 'integer')).toEqual(['0', '96', '-3', null]);
    expect(await readBack(plainArrayLiteral([]), 'integer')).toEqual([]);
  });

  it.each([['NULL'], ['null'], ['a,b'], [''], ['a b'], ['"x"'], ['{}']])(
    'refuses %j as a plain element (it would change the array)',
    (value) => {
      expect(() => plainArrayLiteral([value])).toThrow(/not a plain array element/);
    },
  );

  it('refuses numbers that are not finite', () => {
    expect(() => plainArrayLiteral([Number.NaN])).toThrow(/not a plain array element/);
    expect(() => plainArrayLiteral([Number.POSITIVE_INFINITY])).toThrow(/not a plain array element/);
  });
});
