/**
 * @module store/migrations/0013-fee-schedule
 * The organisation's prices as data (rules catalog, December 2026 review, "Money"): a fee schedule per payer
 * pack (optionally per program), procedure code and modifiers, effective-dated, holding the **charge** (the
 * usual and customary charge the 837 bills) and the **expected rate** (what the payer is expected to pay; null
 * leaves it to the pack's rate). Until now a line's amount was the pack's rate, sent as the charge: North
 * Carolina's $0.00 placeholder and, for California and Alameda, Los Angeles's rate.
 *
 * - `fee_schedule` rows are the organisation's data and change in place (they are not signed records); every
 *   change is kept in `fee_schedule_changes`, append-only, with who made it and the row before and after.
 * - Claim lines keep what they billed: `unit_rate_cents` and `amount_cents` always held what the 837 carried,
 *   so they are renamed to `unit_charge_cents` and `charge_cents`, and the expected payment gets columns of its
 *   own (`expected_unit_rate_cents`, `expected_cents`; null when no rate is known). Lines already written
 *   expected what they charged — the pack's rate — so that is what they get. The frozen-line trigger is
 *   redefined with the new names and columns. A billing run's total is its charges (`charge_cents`).
 * - Every existing organisation gets a fee schedule equal to the pack rates of the packs whose seed gives one
 *   — Kansas (003: H0038 $11.75, H0038 HQ $4.37) and Los Angeles (004: H0038 $46.67, H0025 $10.37,
 *   H0050 HF $46.67) — with the charge at that rate and the expected rate left to the pack. The other packs
 *   get none, so their next billing run holds with "Enter the charge …" instead of billing $0.00 or Los
 *   Angeles's rate. The values are written out as they were when this shipped, never read from the packs.
 *
 * Forward-only: correct mistakes with a later migration.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
create table fee_schedule (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id),
  payer_pack text not null,
  -- Null: every program of the organisation that bills the payer; a program's own row wins over it.
  program_id uuid references programs (id),
  code text not null check (code ~ '^[A-Z][0-9]{4}$'),
  -- The procedure's modifiers, sorted: {HQ} for a group service, {} for an individual one.
  modifiers text[] not null default '{}' check (cardinality(modifiers) <= 4),
  effective_from date not null,
  effective_to date,
  unit_charge_cents integer not null check (unit_charge_cents between 1 and 99999999),
  expected_unit_rate_cents integer check (expected_unit_rate_cents between 0 and 99999999),
  updated_by uuid references users (id),
  updated_at timestamptz not null default now(),
  check (effective_to is null or effective_from <= effective_to)
);
create unique index fee_schedule_key on fee_schedule (
  organisation_id, payer_pack, coalesce(program_id, '00000000-0000-0000-0000-000000000000'::uuid), code,
  modifiers, effective_from);

create table fee_schedule_changes (
  id uuid primary key default gen_random_uuid(),
  -- The order changes were made in (several can share a moment: an import, or a price and the one it ends).
  seq bigint generated always as identity,
  organisation_id uuid not null references organisations (id),
  -- Not a foreign key: the history outlives a removed row.
  fee_id uuid not null,
  action text not null check (action in ('added', 'changed', 'removed')),
  before jsonb,
  after jsonb,
  -- Null for rows this migration added.
  changed_by uuid references users (id),
  changed_at timestamptz not null default now()
);
create index fee_schedule_changes_idx on fee_schedule_changes (organisation_id, seq);
create trigger fee_schedule_changes_append_only before update or delete on fee_schedule_changes
  for each row execute function documentation_refuse_change();

alter table claim_lines rename column unit_rate_cents to unit_charge_cents;
alter table claim_lines rename column amount_cents to charge_cents;
alter table claim_lines
  add column expected_unit_rate_cents integer check (expected_unit_rate_cents >= 0),
  add column expected_cents integer check (expected_cents >= 0);
update claim_lines set expected_unit_rate_cents = unit_charge_cents, expected_cents = charge_cents;

create or replace function claim_lines_refuse_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'claim lines are never removed' using errcode = 'integrity_constraint_violation';
  end if;
  if (new.id, new.organisation_id, new.claim_id, new.note_id, new.member_id, new.date_of_service,
      new.line_number, new.code, new.modifiers, new.units, new.unit_charge_cents, new.charge_cents,
      new.expected_unit_rate_cents, new.expected_cents,
      new.place_of_service, new.group_minutes, new.authorization_id, new.counts, new.warnings)
     is distinct from
     (old.id, old.organisation_id, old.claim_id, old.note_id, old.member_id, old.date_of_service,
      old.line_number, old.code, old.modifiers, old.units, old.unit_charge_cents, old.charge_cents,
      old.expected_unit_rate_cents, old.expected_cents,
      old.place_of_service, old.group_minutes, old.authorization_id, old.counts, old.warnings)
     or (new.current and not old.current) then
    raise exception 'a claim line never changes; correct the claim with a replacement or a void'
      using errcode = 'integrity_constraint_violation';
  end if;
  return new;
end;
$$;

alter table billing_runs rename column amount_cents to charge_cents;

with seeded as (
  insert into fee_schedule (organisation_id, payer_pack, code, modifiers, effective_from, unit_charge_cents)
  select o.id, rate.payer_pack, rate.code, rate.modifiers, rate.effective_from, rate.cents
  from organisations o
  cross join (values
    ('ks-pahp', 'H0038', '{}'::text[], date '2020-01-01', 1175),
    ('ks-pahp', 'H0038', '{HQ}'::text[], date '2020-01-01', 437),
    ('ca-la-sapc', 'H0038', '{}'::text[], date '2023-07-01', 4667),
    ('ca-la-sapc', 'H0025', '{}'::text[], date '2023-07-01', 1037),
    ('ca-la-sapc', 'H0050', '{HF}'::text[], date '2023-07-01', 4667)
  ) as rate (payer_pack, code, modifiers, effective_from, cents)
  returning *
)
insert into fee_schedule_changes (organisation_id, fee_id, action, after)
select organisation_id, id, 'added', jsonb_build_object(
  'payerPack', payer_pack, 'programId', program_id, 'code', code, 'modifiers', to_jsonb(modifiers),
  'effectiveFrom', effective_from::text, 'effectiveTo', null, 'unitChargeCents', unit_charge_cents,
  'expectedUnitRateCents', null)
from seeded;
`,
    )
    .execute(db);
}
