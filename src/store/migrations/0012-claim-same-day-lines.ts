/**
 * @module store/migrations/0012-claim-same-day-lines
 * A claim records how its payer wanted same-day lines of one code and modifiers sent when it was made —
 * `separate` (a line per note) or `combine` (one line per code, modifiers and day) — so the 837 export sends it
 * exactly as its total was worked out, even if the payer's `sameDayLines` setting changes in between. Claims
 * made before this migration were all sent separate. Like the rest of a claim's content it never changes:
 * `claims_refuse_change` covers it too (its body repeats 0009's, which is frozen, with the new column added).
 *
 * Forward-only: correct mistakes with a later migration.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `alter table claims
  add column same_day_lines text not null default 'separate'
    check (same_day_lines in ('separate', 'combine'));

create or replace function claims_refuse_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'claims are never removed' using errcode = 'integrity_constraint_violation';
  end if;
  if (new.id, new.organisation_id, new.claim_number, new.run_id, new.member_id, new.program_id,
      new.payer_pack, new.rendering_provider_id, new.date_of_service, new.frequency_code,
      new.original_claim_id, new.total_cents, new.line_count, new.created_at, new.payer_member_id,
      new.diagnosis_codes, new.rendering_taxonomy, new.same_day_lines)
     is distinct from
     (old.id, old.organisation_id, old.claim_number, old.run_id, old.member_id, old.program_id,
      old.payer_pack, old.rendering_provider_id, old.date_of_service, old.frequency_code,
      old.original_claim_id, old.total_cents, old.line_count, old.created_at, old.payer_member_id,
      old.diagnosis_codes, old.rendering_taxonomy, old.same_day_lines) then
    raise exception 'a claim''s content never changes; correct it with a replacement or a void'
      using errcode = 'integrity_constraint_violation';
  end if;
  return new;
end;
$$;`,
    )
    .execute(db);
}
