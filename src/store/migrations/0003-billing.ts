/**
 * @module store/migrations/0003-billing
 * Billing: the payer identifiers an 837 needs, prior authorizations, billing runs, claims and their lines,
 * notes held with their problems, claim status history, and 837 batches. Members gain the sex and address the
 * 837's subscriber loop carries.
 *
 * What must never happen is enforced here, not only in code:
 * - a note is on at most one current claim line (`claim_lines_one_current_per_note`), so no run — repeated,
 *   concurrent or resumed after a crash — can bill a note twice;
 * - a claim has at most 50 lines, numbered 1–50 once each;
 * - claim lines never change except to stop being current (when a claim is corrected), and neither lines,
 *   claims nor batches are ever removed; claim status history is append-only;
 * - interchange control numbers come from a sequence that never cycles, and are unique.
 * Forward-only: correct mistakes with a later migration.
 * The allowed values in this migration's CHECKs are written out as they were when it shipped, never read from
 * constants that can change, so a database made today and one made long ago get the same schema.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
alter table members
  add column sex text not null default 'U' check (sex in ('F', 'M', 'U')),
  add column address_line1 text check (length(address_line1) between 1 and 55),
  add column city text check (length(city) between 1 and 30),
  add column state text check (state ~ '^[A-Z]{2}$'),
  add column postal_code text check (postal_code ~ '^[0-9]{5}([0-9]{4})?$');

-- Who Peerline's 837 files go to for each payer, and who they say they are from (837P 1000A/1000B, 2010BB,
-- ISA/GS sender and receiver). Set by an admin or billing staff; the writer refuses to run without it.
create table payer_settings (
  organisation_id uuid not null references organisations (id),
  payer_pack text not null check (payer_pack in ('ca-dhcs', 'ca-acbhd', 'ca-la-sapc', 'nc-wellcare', 'ks-pahp')),
  payer_name text not null check (length(payer_name) between 1 and 60),
  payer_id text not null check (payer_id ~ '^[A-Z0-9]{2,80}$'),
  receiver_name text not null check (length(receiver_name) between 1 and 60),
  receiver_id text not null check (receiver_id ~ '^[A-Z0-9]{2,15}$'),
  submitter_name text not null check (length(submitter_name) between 1 and 60),
  submitter_id text not null check (submitter_id ~ '^[A-Z0-9]{2,15}$'),
  contact_name text not null check (length(contact_name) between 1 and 60),
  contact_phone text not null check (contact_phone ~ '^[0-9]{10}$'),
  usage_indicator text not null default 'T' check (usage_indicator in ('T', 'P')),
  updated_at timestamptz not null default now(),
  primary key (organisation_id, payer_pack)
);

create table authorizations (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id),
  member_id uuid not null references members (id),
  payer_pack text not null check (payer_pack in ('ca-dhcs', 'ca-acbhd', 'ca-la-sapc', 'nc-wellcare', 'ks-pahp')),
  number text not null check (number ~ '^[A-Za-z0-9-]{1,50}$'),
  code text not null check (code ~ '^[A-Z][0-9]{4}$'),
  units integer not null check (units > 0),
  valid_from date not null,
  valid_to date not null,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  check (valid_from <= valid_to),
  unique (organisation_id, payer_pack, number)
);
create index authorizations_member_idx on authorizations (organisation_id, member_id, valid_to);

create table billing_runs (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id),
  started_by uuid not null references users (id),
  from_date date not null,
  to_date date not null,
  program_id uuid references programs (id),
  payer_pack text check (payer_pack in ('ca-dhcs', 'ca-acbhd', 'ca-la-sapc', 'nc-wellcare', 'ks-pahp')),
  status text not null default 'running' check (status in ('running', 'finished', 'failed', 'interrupted')),
  notes_total integer not null default 0 check (notes_total >= 0),
  notes_done integer not null default 0 check (notes_done >= 0),
  notes_claimed integer not null default 0 check (notes_claimed >= 0),
  notes_held integer not null default 0 check (notes_held >= 0),
  claims_created integer not null default 0 check (claims_created >= 0),
  amount_cents bigint not null default 0 check (amount_cents >= 0),
  error text,
  started_at timestamptz not null,
  heartbeat_at timestamptz not null,
  finished_at timestamptz,
  check (from_date <= to_date),
  check ((status = 'running') = (finished_at is null))
);
create index billing_runs_org_idx on billing_runs (organisation_id, started_at desc);

create sequence claim_number_seq;
-- ISA13 is nine digits; the sequence stops rather than wraps, so a control number is never used twice.
create sequence interchange_control_number_seq minvalue 1 maxvalue 999999999 no cycle;

create table claim_batches (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id),
  payer_pack text not null check (payer_pack in ('ca-dhcs', 'ca-acbhd', 'ca-la-sapc', 'nc-wellcare', 'ks-pahp')),
  interchange_control_number integer not null unique default nextval('interchange_control_number_seq'),
  file_name text not null,
  claim_count integer not null check (claim_count >= 1),
  line_count integer not null check (line_count >= 1),
  total_cents bigint not null check (total_cents >= 0),
  content text not null,
  created_by uuid not null references users (id),
  created_at timestamptz not null,
  submitted_at timestamptz
);
create index claim_batches_org_idx on claim_batches (organisation_id, created_at desc);

create table claims (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id),
  -- The patient control number the 837 carries (CLM01) and lines are numbered from (REF*6R).
  claim_number bigint not null unique default nextval('claim_number_seq'),
  run_id uuid references billing_runs (id),
  member_id uuid not null references members (id),
  program_id uuid not null references programs (id),
  payer_pack text not null check (payer_pack in ('ca-dhcs', 'ca-acbhd', 'ca-la-sapc', 'nc-wellcare', 'ks-pahp')),
  rendering_provider_id uuid not null references users (id),
  date_of_service date not null,
  frequency_code text not null default '1' check (frequency_code in ('1', '7', '8')),
  original_claim_id uuid references claims (id),
  status text not null default 'ready' check (status in ('ready', 'batched', 'submitted', 'accepted', 'rejected', 'paid', 'denied')),
  -- The payer's own number for the claim (its ICN), recorded on acceptance; corrections must cite it.
  payer_claim_number text check (payer_claim_number ~ '^[A-Za-z0-9-]{1,50}$'),
  superseded_by uuid references claims (id),
  batch_id uuid references claim_batches (id),
  total_cents bigint not null check (total_cents >= 0),
  line_count integer not null check (line_count between 1 and 50),
  status_changed_at timestamptz not null,
  created_at timestamptz not null,
  check ((frequency_code = '1') = (original_claim_id is null)),
  check ((status = 'ready') = (batch_id is null))
);
create index claims_status_idx on claims (organisation_id, status, date_of_service);
create index claims_member_idx on claims (organisation_id, member_id, date_of_service);
create index claims_batch_idx on claims (batch_id) where batch_id is not null;

create table claim_lines (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id),
  claim_id uuid not null references claims (id),
  note_id uuid not null references service_notes (id),
  -- Copied from the claim and the note so limit history reads one table.
  member_id uuid not null references members (id),
  date_of_service date not null,
  line_number smallint not null check (line_number between 1 and 50),
  code text not null check (code ~ '^[A-Z][0-9]{4}$'),
  modifiers text[] not null default '{}',
  units integer not null check (units >= 1),
  unit_rate_cents integer not null check (unit_rate_cents >= 0),
  amount_cents integer not null check (amount_cents >= 0),
  place_of_service text not null check (place_of_service ~ '^[0-9]{2}$'),
  group_minutes integer not null default 0 check (group_minutes >= 0),
  authorization_id uuid references authorizations (id),
  -- Whether this line is the note's claim now; false once a replacement or void has taken its place, or
  -- when billing staff release the lines of a rejected claim to be billed again.
  current boolean not null default true,
  -- False for the lines of a void: they keep the note from being billed again, but count toward no limit.
  counts boolean not null default true,
  warnings jsonb not null default '[]'::jsonb check (jsonb_typeof(warnings) = 'array'),
  unique (claim_id, line_number)
);
create unique index claim_lines_one_current_per_note on claim_lines (note_id) where current;
create index claim_lines_history_idx on claim_lines (organisation_id, member_id, date_of_service) where current and counts;
create index claim_lines_authorization_idx on claim_lines (authorization_id) where authorization_id is not null and current and counts;

create table claim_events (
  id bigint generated always as identity primary key,
  organisation_id uuid not null references organisations (id),
  claim_id uuid not null references claims (id),
  status text not null check (status in ('ready', 'batched', 'submitted', 'accepted', 'rejected', 'paid', 'denied')),
  comment text check (length(comment) <= 2000),
  user_id uuid references users (id),
  occurred_at timestamptz not null
);
create index claim_events_claim_idx on claim_events (claim_id, occurred_at);

-- A signed note the last run could not claim, with the problems that held it. Replaced on every run that
-- judges the note again; removed when the note is claimed.
create table billing_holds (
  note_id uuid primary key references service_notes (id),
  organisation_id uuid not null references organisations (id),
  run_id uuid not null references billing_runs (id),
  problems jsonb not null check (jsonb_typeof(problems) = 'array'),
  held_at timestamptz not null
);
create index billing_holds_org_idx on billing_holds (organisation_id, held_at);
create index billing_holds_run_idx on billing_holds (run_id);

-- The notes a run may still claim are found by this index: signed, by date.
create index service_notes_billing_idx on service_notes (organisation_id, date_of_service) where status = 'signed';

create function claim_lines_refuse_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'claim lines are never removed' using errcode = 'integrity_constraint_violation';
  end if;
  if (new.id, new.organisation_id, new.claim_id, new.note_id, new.member_id, new.date_of_service,
      new.line_number, new.code, new.modifiers, new.units, new.unit_rate_cents, new.amount_cents,
      new.place_of_service, new.group_minutes, new.authorization_id, new.counts, new.warnings)
     is distinct from
     (old.id, old.organisation_id, old.claim_id, old.note_id, old.member_id, old.date_of_service,
      old.line_number, old.code, old.modifiers, old.units, old.unit_rate_cents, old.amount_cents,
      old.place_of_service, old.group_minutes, old.authorization_id, old.counts, old.warnings)
     or (new.current and not old.current) then
    raise exception 'a claim line never changes; correct the claim with a replacement or a void'
      using errcode = 'integrity_constraint_violation';
  end if;
  return new;
end;
$$;
create trigger claim_lines_frozen before update or delete on claim_lines
  for each row execute function claim_lines_refuse_change();

create function claims_refuse_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'claims are never removed' using errcode = 'integrity_constraint_violation';
  end if;
  if (new.id, new.organisation_id, new.claim_number, new.run_id, new.member_id, new.program_id,
      new.payer_pack, new.rendering_provider_id, new.date_of_service, new.frequency_code,
      new.original_claim_id, new.total_cents, new.line_count, new.created_at)
     is distinct from
     (old.id, old.organisation_id, old.claim_number, old.run_id, old.member_id, old.program_id,
      old.payer_pack, old.rendering_provider_id, old.date_of_service, old.frequency_code,
      old.original_claim_id, old.total_cents, old.line_count, old.created_at) then
    raise exception 'a claim''s content never changes; correct it with a replacement or a void'
      using errcode = 'integrity_constraint_violation';
  end if;
  return new;
end;
$$;
create trigger claims_frozen before update or delete on claims
  for each row execute function claims_refuse_change();

-- documentation_refuse_change (0002) raises "<table> is append-only" for any update or delete.
create trigger claim_events_append_only before update or delete on claim_events
  for each row execute function documentation_refuse_change();
create trigger claim_batches_kept before delete on claim_batches
  for each row execute function documentation_refuse_change();
`,
    )
    .execute(db);
}
