/**
 * @module testing/schema-snapshot
 * Everything about the `public` schema a migration can change, read back from the catalogue as plain rows:
 * columns (type, default, nullability), constraints with their definitions, indexes, triggers, our
 * functions and sequences. Two databases with equal snapshots have the same schema, whatever path of
 * migrations made each — which is what the store suite checks for a fresh and a step-by-step database.
 */
import { sql, type Kysely } from 'kysely';

export interface SchemaSnapshot {
  readonly columns: readonly Record<string, unknown>[];
  readonly constraints: readonly Record<string, unknown>[];
  readonly indexes: readonly Record<string, unknown>[];
  readonly triggers: readonly Record<string, unknown>[];
  readonly functions: readonly Record<string, unknown>[];
  readonly sequences: readonly Record<string, unknown>[];
}

/** Reads the `public` schema of `db`, each part in a fixed order so two snapshots compare row by row. */
export async function schemaSnapshot<DB>(db: Kysely<DB>): Promise<SchemaSnapshot> {
  const rows = async (
    query: ReturnType<typeof sql<Record<string, unknown>>>,
  ): Promise<Record<string, unknown>[]> => (await query.execute(db)).rows;
  return {
    columns: await rows(sql`
      select table_name, column_name, ordinal_position, data_type, udt_name, character_maximum_length,
             numeric_precision, numeric_scale, column_default, is_nullable, is_identity, identity_generation
      from information_schema.columns
      where table_schema = 'public'
      order by table_name, column_name`),
    constraints: await rows(sql`
      select conrelid::regclass::text as table_name, conname, contype, pg_get_constraintdef(oid) as definition
      from pg_constraint
      where connamespace = 'public'::regnamespace
      order by table_name, conname, definition`),
    indexes: await rows(sql`
      select tablename, indexname, indexdef
      from pg_indexes
      where schemaname = 'public'
      order by tablename, indexname`),
    triggers: await rows(sql`
      select tgrelid::regclass::text as table_name, tgname, pg_get_triggerdef(oid) as definition
      from pg_trigger
      where not tgisinternal
        and tgrelid in (select oid from pg_class where relnamespace = 'public'::regnamespace)
      order by table_name, tgname`),
    functions: await rows(sql`
      select proname, pg_get_functiondef(oid) as definition
      from pg_proc
      where pronamespace = 'public'::regnamespace and prokind = 'f'
      order by proname, definition`),
    sequences: await rows(sql`
      select sequence_name, data_type, start_value, minimum_value, maximum_value, increment, cycle_option
      from information_schema.sequences
      where sequence_schema = 'public'
      order by sequence_name`),
  };
}
