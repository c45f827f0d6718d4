/**
 * @module store/migrations/0006-hold-payer
 * A held note remembers the payer pack it was judged under (null when the member had no coverage the
 * program bills), so the worklist can filter and export held notes by payer whatever filters the run had.
 *
 * Forward-only: correct mistakes with a later migration.
 */
import { sql, type Kysely } from 'kysely';
import { PAYER_PACK_IDS } from '../../shared/programs.js';

const textList = (values: readonly string[]): string => values.map((value) => `'${value}'`).join(', ');

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `alter table billing_holds add column payer_pack text check (payer_pack in (${textList(PAYER_PACK_IDS)}));`,
    )
    .execute(db);
}
