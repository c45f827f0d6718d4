/**
 * @module store/migrations/0008-payer-packs-unconstrained
 * Payer pack ids are no longer listed in the schema. Until now every column holding one (a program's packs,
 * coverage, authorizations, billing runs, claims, batches, held notes, payer settings) had a CHECK naming the
 * five packs that existed, so adding a pack meant a migration. A payer pack is one file now: the services
 * check a pack id against the packs that are loaded, and the database only stores it. Every other
 * constraint stays.
 *
 * Forward-only: correct mistakes with a later migration.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `alter table programs drop constraint programs_payer_packs_check;
alter table coverage_periods drop constraint coverage_periods_payer_pack_check;
alter table payer_settings drop constraint payer_settings_payer_pack_check;
alter table authorizations drop constraint authorizations_payer_pack_check;
alter table billing_runs drop constraint billing_runs_payer_pack_check;
alter table claim_batches drop constraint claim_batches_payer_pack_check;
alter table claims drop constraint claims_payer_pack_check;
alter table billing_holds drop constraint billing_holds_payer_pack_check;`,
    )
    .execute(db);
}
