/**
 * @module store/migrations/0009-claim-judged-context
 * A claim records what its payer's rules judged it with, so its 837 carries exactly that: the member's id
 * with the payer (the coverage entry the claim was judged by), the diagnoses in force on the date of service
 * (in the order the 837 lists them, the principal first) and the rendering provider's taxonomy. Until now
 * the export read them again from the member's record and the peer's profile when it wrote the file, so a
 * record changed after billing changed a claim already made. What the rules do not judge — the member's name,
 * birth date and address, the peer's NPI and name — is still read when the file is written, so it can be
 * completed after billing.
 *
 * Claims written before this migration are filled in from what the export read for them, so they export as
 * before: the coverage with the claim's payer in force on the date (the latest start first), or an empty id
 * when there was none (the writer refuses that claim, as it did); the diagnoses in force, earliest recorded
 * first; the peer's taxonomy, or the peer specialist taxonomy when the peer has no profile. The new columns
 * are part of the claim's content, which never changes: `claims_refuse_change` now covers them too.
 *
 * Forward-only: correct mistakes with a later migration.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `alter table claims
  add column payer_member_id text,
  add column diagnosis_codes text[],
  add column rendering_taxonomy text;

update claims c set
  payer_member_id = coalesce(
    (select p.member_number from coverage_periods p
     where p.organisation_id = c.organisation_id and p.member_id = c.member_id and p.payer_pack = c.payer_pack
       and p.starts_on <= c.date_of_service and (p.ends_on is null or c.date_of_service <= p.ends_on)
     order by p.starts_on desc, p.id
     limit 1),
    ''),
  diagnosis_codes = array(
    select d.code from diagnoses d
    where d.organisation_id = c.organisation_id and d.member_id = c.member_id
      and d.recorded_on <= c.date_of_service and (d.resolved_on is null or c.date_of_service <= d.resolved_on)
    order by d.recorded_on, d.code),
  rendering_taxonomy = coalesce(
    (select s.taxonomy from staff_profiles s where s.user_id = c.rendering_provider_id),
    '175T00000X');

alter table claims
  alter column payer_member_id set not null,
  alter column diagnosis_codes set not null,
  alter column rendering_taxonomy set not null;

create or replace function claims_refuse_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'claims are never removed' using errcode = 'integrity_constraint_violation';
  end if;
  if (new.id, new.organisation_id, new.claim_number, new.run_id, new.member_id, new.program_id,
      new.payer_pack, new.rendering_provider_id, new.date_of_service, new.frequency_code,
      new.original_claim_id, new.total_cents, new.line_count, new.created_at, new.payer_member_id,
      new.diagnosis_codes, new.rendering_taxonomy)
     is distinct from
     (old.id, old.organisation_id, old.claim_number, old.run_id, old.member_id, old.program_id,
      old.payer_pack, old.rendering_provider_id, old.date_of_service, old.frequency_code,
      old.original_claim_id, old.total_cents, old.line_count, old.created_at, old.payer_member_id,
      old.diagnosis_codes, old.rendering_taxonomy) then
    raise exception 'a claim''s content never changes; correct it with a replacement or a void'
      using errcode = 'integrity_constraint_violation';
  end if;
  return new;
end;
$$;`,
    )
    .execute(db);
}
