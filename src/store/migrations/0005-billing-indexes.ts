/**
 * @module store/migrations/0005-billing-indexes
 * Indexes for billing at a month's scale: the 837 export reads each payer's ready claims a page at a time in
 * file order (program, member, date, claim number), so the next page starts where the last one ended instead
 * of sorting every ready claim again.
 *
 * Forward-only: correct mistakes with a later migration.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
create index claims_ready_export_idx on claims
  (organisation_id, payer_pack, program_id, member_id, date_of_service, claim_number) where status = 'ready';
`,
    )
    .execute(db);
}
