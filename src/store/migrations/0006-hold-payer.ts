/**
 * @module store/migrations/0006-hold-payer
 * A held note remembers the payer pack it was judged under (null when the member had no coverage the
 * program bills), so the worklist can filter and export held notes by payer whatever filters the run had.
 *
 * Forward-only: correct mistakes with a later migration.
 * The allowed values in this migration's CHECKs are written out as they were when it shipped, never read from
 * constants that can change, so a database made today and one made long ago get the same schema.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `alter table billing_holds add column payer_pack text check (payer_pack in ('ca-dhcs', 'ca-acbhd', 'ca-la-sapc', 'nc-wellcare', 'ks-pahp'));`,
    )
    .execute(db);
}
