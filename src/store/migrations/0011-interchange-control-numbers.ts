/**
 * @module store/migrations/0011-interchange-control-numbers
 * Interchange control numbers (ISA13, nine digits) are counted per organisation and submitter id (ISA06),
 * and billing staff can set the next one, so an installation that replaces another — or a re-install — need
 * never repeat a number the payer has already seen from that submitter (rules catalog, December 2026 review).
 * Until now every organisation drew from one global sequence, which a new installation starts again at 1.
 *
 * - `interchange_control_numbers` holds, per organisation and submitter, the next number to use; 1,000,000,000
 *   means every nine-digit number has been used. Exports take the next number by updating this row in their
 *   own transaction, so two exports for a submitter wait for each other and never share a number.
 * - A batch records the submitter its file was sent as, and a number is unique per organisation and
 *   submitter instead of across the whole database: two organisations may send the same submitter id (a
 *   clearinghouse's, say), each with its own numbers.
 *
 * Batches written before this migration get the submitter from their own file (ISA06 is fixed width:
 * characters 36–50), else the payer's settings as they stand. Each organisation and submitter with settings
 * or batches starts one above the highest number its batches used — counting batches whose submitter is not
 * known for every submitter of their organisation — so no number already sent is given again. The global
 * sequence stays as the column's default for rows written without one; exports always give the number.
 *
 * Forward-only: correct mistakes with a later migration.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `alter table claim_batches
  add column submitter_id text check (submitter_id ~ '^[A-Z0-9]{2,15}$'),
  add constraint claim_batches_interchange_control_number_check
    check (interchange_control_number between 1 and 999999999);

update claim_batches b set submitter_id = coalesce(
  case when b.content ~ '^ISA' and btrim(substr(b.content, 36, 15)) ~ '^[A-Z0-9]{2,15}$'
    then btrim(substr(b.content, 36, 15)) end,
  (select s.submitter_id from payer_settings s
   where s.organisation_id = b.organisation_id and s.payer_pack = b.payer_pack));

alter table claim_batches
  drop constraint claim_batches_interchange_control_number_key,
  add constraint claim_batches_submitter_control_number_key
    unique (organisation_id, submitter_id, interchange_control_number);

create table interchange_control_numbers (
  organisation_id uuid not null references organisations (id),
  submitter_id text not null check (submitter_id ~ '^[A-Z0-9]{2,15}$'),
  next_number integer not null check (next_number between 1 and 1000000000),
  primary key (organisation_id, submitter_id)
);

insert into interchange_control_numbers (organisation_id, submitter_id, next_number)
select s.organisation_id, s.submitter_id,
  coalesce((select max(b.interchange_control_number) from claim_batches b
            where b.organisation_id = s.organisation_id
              and (b.submitter_id = s.submitter_id or b.submitter_id is null)), 0) + 1
from (select organisation_id, submitter_id from payer_settings
      union
      select organisation_id, submitter_id from claim_batches where submitter_id is not null) s;`,
    )
    .execute(db);
}
