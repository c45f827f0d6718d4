/**
 * @module store/migrations/0001-foundation
 * Organisations, programs, users, sessions and the append-only audit log.
 * Forward-only: a mistake here is corrected by a later migration, never by editing this one.
 * The allowed values in this migration's CHECKs are written out as they were when it shipped, never read from
 * constants that can change, so a database made today and one made long ago get the same schema.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
create table organisations (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 200),
  tax_id text check (tax_id ~ '^[0-9]{9}$'),
  created_at timestamptz not null default now()
);

create table programs (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id),
  name text not null check (length(name) between 1 and 200),
  type text not null check (type in ('mh_outpatient', 'dmc_ods_outpatient', 'residential', 'inpatient', 'crisis')),
  npi text not null check (npi ~ '^[0-9]{10}$'),
  taxonomy text not null check (taxonomy ~ '^[0-9]{3}[0-9A-Z]{6}X$'),
  address_line1 text not null,
  address_line2 text,
  city text not null,
  state text not null check (state ~ '^[A-Z]{2}$'),
  postal_code text not null check (postal_code ~ '^[0-9]{5}([0-9]{4})?$'),
  time_zone text not null,
  payer_packs text[] not null default '{}'
    check (payer_packs <@ array['ca-dhcs', 'ca-acbhd', 'ca-la-sapc', 'nc-wellcare', 'ks-pahp']::text[]),
  created_at timestamptz not null default now(),
  unique (organisation_id, name)
);

create table users (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id),
  email text not null check (email = lower(email) and length(email) between 3 and 254),
  display_name text not null check (length(display_name) between 1 and 120),
  password_hash text not null,
  roles text[] not null
    check (cardinality(roles) > 0 and roles <@ array['peer', 'supervisor', 'clinician', 'billing', 'admin']::text[]),
  active boolean not null default true,
  failed_login_count integer not null default 0 check (failed_login_count >= 0),
  locked_until timestamptz,
  last_login_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- Email is the login name, so it is unique across organisations.
create unique index users_email_key on users (email);
create index users_organisation_idx on users (organisation_id, display_name);

create table sessions (
  id uuid primary key default gen_random_uuid(),
  token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  user_id uuid not null references users (id),
  organisation_id uuid not null references organisations (id),
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  idle_expires_at timestamptz not null,
  absolute_expires_at timestamptz not null,
  ip text,
  user_agent text
);
create index sessions_user_idx on sessions (user_id);
create index sessions_expiry_idx on sessions (absolute_expires_at);

create table audit_events (
  id bigint generated always as identity primary key,
  organisation_id uuid references organisations (id),
  occurred_at timestamptz not null,
  user_id uuid references users (id),
  user_email text,
  action text not null check (action ~ '^[a-z][a-z0-9_.-]*$'),
  record_type text,
  record_id text,
  ip text,
  outcome text not null check (outcome in ('success', 'failure', 'denied')),
  details jsonb not null default '{}'::jsonb
);
create index audit_events_org_idx on audit_events (organisation_id, id desc);
create index audit_events_user_idx on audit_events (organisation_id, user_id, id desc);
create index audit_events_record_idx on audit_events (organisation_id, record_type, record_id, id desc);
create index audit_events_time_idx on audit_events (organisation_id, occurred_at);

-- The audit log is append-only: the database itself refuses to change or remove a row.
create function audit_events_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_events is append-only: % is not allowed', tg_op
    using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_events_no_update_delete
  before update or delete on audit_events
  for each row execute function audit_events_refuse_change();
create trigger audit_events_no_truncate
  before truncate on audit_events
  for each statement execute function audit_events_refuse_change();
`,
    )
    .execute(db);
}
