/**
 * @module store/migrations/0002-documentation
 * Documentation records: staff credentials and continuing education; members with their contacts, coverage,
 * eligibility checks, diagnoses, episodes of care and consents; versioned plans of care with goals; service
 * notes with addenda and supervisor reviews; group sessions with facilitators.
 *
 * What must never happen is enforced here, not only in code: a signed note's content cannot change, an
 * approved plan of care cannot change, addenda and review entries are append-only, and a member attends a
 * group session at most once. Forward-only: correct mistakes with a later migration.
 * The allowed values in this migration's CHECKs are written out as they were when it shipped, never read from
 * constants that can change, so a database made today and one made long ago get the same schema.
 */
import { sql, type Kysely } from 'kysely';

const CLOCK_TIME = `'^([01][0-9]|2[0-3]):[0-5][0-9]$'`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
-- One row per user who delivers or supervises peer support. The user row holds the login; this holds the
-- credentials the payer packs check.
create table staff_profiles (
  user_id uuid primary key references users (id),
  organisation_id uuid not null references organisations (id),
  certification_type text check (certification_type in ('medi_cal_peer', 'medi_cal_peer_family', 'kansas_peer', 'north_carolina_peer', 'legacy_uncertified')),
  certification_number text check (length(certification_number) between 1 and 60),
  certification_issued_on date,
  certification_expires_on date,
  npi text check (npi ~ '^[0-9]{10}$'),
  taxonomy text not null default '175T00000X' check (taxonomy ~ '^[0-9]{3}[0-9A-Z]{6}X$'),
  date_of_birth date,
  high_school_diploma boolean not null default false,
  lived_experience boolean not null default false,
  background_check_on date,
  supervisor_id uuid references users (id) check (supervisor_id <> user_id),
  supervising_since date,
  supervisor_training_on date,
  updated_at timestamptz not null default now(),
  check (certification_expires_on is null or certification_issued_on is null
         or certification_issued_on <= certification_expires_on)
);
create index staff_profiles_supervisor_idx on staff_profiles (organisation_id, supervisor_id);
create unique index staff_profiles_npi_key on staff_profiles (organisation_id, npi) where npi is not null;

create table continuing_education (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id),
  user_id uuid not null references users (id),
  completed_on date not null,
  title text not null check (length(title) between 1 and 200),
  provider text not null check (length(provider) between 1 and 200),
  hours numeric(6, 2) not null check (hours > 0 and hours <= 200),
  law_and_ethics_hours numeric(6, 2) not null default 0
    check (law_and_ethics_hours >= 0 and law_and_ethics_hours <= hours),
  created_at timestamptz not null default now()
);
create index continuing_education_user_idx on continuing_education (organisation_id, user_id, completed_on);

create table members (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id),
  first_name text not null check (length(first_name) between 1 and 100),
  last_name text not null check (length(last_name) between 1 and 100),
  preferred_name text check (length(preferred_name) between 1 and 100),
  pronouns text check (length(pronouns) between 1 and 40),
  date_of_birth date not null,
  medicaid_id text check (medicaid_id ~ '^[A-Z0-9]{6,20}$'),
  phone text check (phone ~ '^[0-9]{10}$'),
  has_medicare boolean not null default false,
  asam_level text check (asam_level in ('0.5', '1.0', '2.1', '2.5', '3.1', '3.3', '3.5', '3.7', '4.0')),
  special_populations text[] not null default '{}'
    check (special_populations <@ array['katie_a', 'icc', 'ihbs']::text[]),
  program_id uuid not null references programs (id),
  assigned_peer_id uuid references users (id),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index members_medicaid_id_key on members (organisation_id, medicaid_id) where medicaid_id is not null;
create index members_name_idx on members (organisation_id, lower(last_name), lower(first_name));
create index members_birth_idx on members (organisation_id, date_of_birth);
create index members_caseload_idx on members (organisation_id, assigned_peer_id);

create table member_contacts (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id),
  member_id uuid not null references members (id),
  kind text not null check (kind in ('guardian', 'family', 'significant_support')),
  name text not null check (length(name) between 1 and 200),
  relationship text check (length(relationship) between 1 and 100),
  phone text check (phone ~ '^[0-9]{10}$'),
  email text check (length(email) between 3 and 254),
  created_at timestamptz not null default now()
);
create index member_contacts_member_idx on member_contacts (organisation_id, member_id);

create table coverage_periods (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id),
  member_id uuid not null references members (id),
  payer_pack text not null check (payer_pack in ('ca-dhcs', 'ca-acbhd', 'ca-la-sapc', 'nc-wellcare', 'ks-pahp')),
  plan_name text not null check (length(plan_name) between 1 and 200),
  member_number text not null check (member_number ~ '^[A-Z0-9]{6,30}$'),
  starts_on date not null,
  ends_on date,
  created_at timestamptz not null default now(),
  check (ends_on is null or starts_on <= ends_on)
);
create index coverage_periods_member_idx on coverage_periods (organisation_id, member_id, starts_on);

create table eligibility_checks (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id),
  member_id uuid not null references members (id),
  checked_on date not null,
  result text not null check (result in ('eligible', 'not_eligible', 'pending')),
  source text not null check (length(source) between 1 and 200),
  checked_by uuid not null references users (id),
  created_at timestamptz not null default now()
);
create index eligibility_checks_member_idx on eligibility_checks (organisation_id, member_id, checked_on);

create table diagnoses (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id),
  member_id uuid not null references members (id),
  code text not null check (code ~ '^[A-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?$'),
  description text not null check (length(description) between 1 and 300),
  category text not null check (category in ('mental_health', 'substance_use', 'intellectual_developmental')),
  recorded_on date not null,
  resolved_on date,
  created_at timestamptz not null default now(),
  check (resolved_on is null or recorded_on <= resolved_on)
);
create index diagnoses_member_idx on diagnoses (organisation_id, member_id);

create table episodes_of_care (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id),
  member_id uuid not null references members (id),
  program_id uuid not null references programs (id),
  admitted_on date not null,
  discharged_on date,
  assessment_on date,
  assessment_clinician text check (length(assessment_clinician) between 1 and 200),
  created_at timestamptz not null default now(),
  check (discharged_on is null or admitted_on <= discharged_on)
);
create index episodes_of_care_member_idx on episodes_of_care (organisation_id, member_id, admitted_on);

create table consents (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id),
  member_id uuid not null references members (id),
  kind text not null check (kind in ('telehealth', 'audio_only', 'release_of_information')),
  given_on date not null,
  expires_on date,
  revoked_on date,
  details text check (length(details) <= 2000),
  created_at timestamptz not null default now(),
  check (expires_on is null or given_on <= expires_on),
  check (revoked_on is null or given_on <= revoked_on)
);
create index consents_member_idx on consents (organisation_id, member_id, kind);

-- Plans of care are versioned: an update is a new row with the next version; an approved version is frozen.
create table care_plans (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id),
  member_id uuid not null references members (id),
  version integer not null check (version >= 1),
  kind text not null check (kind in ('new', 'updated')),
  status text not null default 'draft' check (status in ('draft', 'submitted', 'approved', 'returned')),
  long_term_goals text not null default '' check (length(long_term_goals) <= 5000),
  member_participated boolean not null default false,
  member_agreed boolean not null default false,
  author_id uuid not null references users (id),
  effective_from date,
  review_on date,
  approved_by uuid references users (id),
  approver_role text check (approver_role in ('behavioral_health_professional', 'peer_support_supervisor', 'other')),
  approved_at timestamptz,
  return_comment text check (length(return_comment) <= 2000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (member_id, version),
  check ((status = 'approved') = (approved_at is not null and approved_by is not null and approver_role is not null)),
  check (review_on is null or effective_from is null or effective_from <= review_on)
);
create index care_plans_member_idx on care_plans (organisation_id, member_id, version desc);

create table care_plan_goals (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id),
  care_plan_id uuid not null references care_plans (id),
  position integer not null check (position >= 1),
  text text not null check (length(text) between 1 and 1000),
  target_date date,
  status text not null default 'not_started' check (status in ('not_started', 'in_progress', 'met', 'revised', 'discontinued')),
  unique (care_plan_id, position)
);

create function care_plans_refuse_change_when_approved() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and old.status = 'approved' then
    raise exception 'care plan % version % is approved and cannot change; write a new version', old.member_id, old.version
      using errcode = 'integrity_constraint_violation';
  end if;
  if tg_op = 'DELETE' and old.status = 'approved' then
    raise exception 'an approved care plan cannot be removed' using errcode = 'integrity_constraint_violation';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end;
$$;
create trigger care_plans_frozen_when_approved
  before update or delete on care_plans
  for each row execute function care_plans_refuse_change_when_approved();

create function care_plan_goals_refuse_change_when_approved() returns trigger language plpgsql as $$
declare
  plan_status text;
begin
  select status into plan_status from care_plans
    where id = case when tg_op = 'DELETE' then old.care_plan_id else new.care_plan_id end;
  if plan_status = 'approved' then
    raise exception 'the goals of an approved care plan cannot change; write a new version'
      using errcode = 'integrity_constraint_violation';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end;
$$;
create trigger care_plan_goals_frozen_when_approved
  before insert or update or delete on care_plan_goals
  for each row execute function care_plan_goals_refuse_change_when_approved();

create table group_sessions (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id),
  program_id uuid not null references programs (id),
  topic text not null check (length(topic) between 1 and 200),
  date_of_service date not null,
  start_time text check (start_time ~ ${CLOCK_TIME}),
  end_time text check (end_time ~ ${CLOCK_TIME}),
  modality text not null default 'in_person' check (modality in ('in_person', 'video', 'audio_only')),
  member_location text check (member_location in ('home', 'community', 'clinic', 'school', 'work', 'other')),
  place_of_service text check (place_of_service ~ '^[0-9]{2}$'),
  interaction text not null default '' check (length(interaction) <= 10000),
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index group_sessions_program_idx on group_sessions (organisation_id, program_id, date_of_service);

create table group_facilitators (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id),
  group_session_id uuid not null references group_sessions (id),
  user_id uuid not null references users (id),
  role text not null check (role in ('lead', 'co_facilitator')),
  minutes integer not null check (minutes between 1 and 1440),
  unique (group_session_id, user_id)
);

create table service_notes (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id),
  member_id uuid not null references members (id),
  program_id uuid not null references programs (id),
  author_id uuid not null references users (id),
  group_session_id uuid references group_sessions (id),
  status text not null default 'draft' check (status in ('draft', 'signed')),
  -- Bumped by every draft save; a save names the revision it started from, so a stale tab cannot overwrite.
  revision integer not null default 1 check (revision >= 1),
  service_type text not null check (service_type in ('engagement', 'therapeutic_activity', 'skill_building_group', 'contingency_management')),
  activity text not null default 'recovery_coaching' check (activity in ('recovery_coaching', 'goal_setting', 'resource_linkage', 'skill_building', 'advocacy', 'family_education', 'crisis_support', 'transportation', 'habilitation', 'recreation', 'peer_supervision', 'childcare', 'academic_teaching', 'room_and_board', 'other')),
  recipient text not null default 'member' check (recipient in ('member', 'family_without_member')),
  family_relation_to_treatment text check (length(family_relation_to_treatment) <= 2000),
  date_of_service date not null,
  start_time text check (start_time ~ ${CLOCK_TIME}),
  end_time text check (end_time ~ ${CLOCK_TIME}),
  gaps jsonb not null default '[]'::jsonb check (jsonb_typeof(gaps) = 'array'),
  modality text not null default 'in_person' check (modality in ('in_person', 'video', 'audio_only')),
  member_location text check (member_location in ('home', 'community', 'clinic', 'school', 'work', 'other')),
  place_of_service text check (place_of_service ~ '^[0-9]{2}$'),
  identity_verified boolean not null default false,
  modifiers text[] not null default '{}',
  goals_addressed uuid[] not null default '{}',
  intervention_in_plan boolean not null default true,
  family_coordination_documented boolean not null default false,
  pin_plan text not null default '' check (length(pin_plan) <= 10000),
  pin_interaction text not null default '' check (length(pin_interaction) <= 10000),
  member_response text not null default '' check (length(member_response) <= 10000),
  pin_next_steps text not null default '' check (length(pin_next_steps) <= 10000),
  late_reason text check (length(late_reason) <= 2000),
  epsdt_justification text check (length(epsdt_justification) <= 2000),
  due_on date not null,
  signed_at timestamptz,
  signed_by uuid references users (id),
  -- What the engine decided at signing (the billing run judges again against real history).
  signed_code text,
  signed_units integer check (signed_units >= 0),
  signed_amount_cents integer check (signed_amount_cents >= 0),
  review_status text not null default 'not_required' check (review_status in ('not_required', 'pending', 'cosigned', 'returned')),
  reviewed_by uuid references users (id),
  reviewed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status = 'signed') = (signed_at is not null and signed_by is not null)),
  check (status = 'signed' or review_status = 'not_required'),
  check (member_location is not null or modality = 'in_person' or status = 'draft')
);
create index service_notes_member_idx on service_notes (organisation_id, member_id, date_of_service);
create index service_notes_author_idx on service_notes (organisation_id, author_id, status, due_on);
create index service_notes_review_idx on service_notes (organisation_id, review_status) where review_status in ('pending', 'returned');
create unique index service_notes_group_member_key on service_notes (group_session_id, member_id) where group_session_id is not null;

-- A signed note's content is the legal record: only its review fields may change afterwards, and it is never
-- removed. Corrections are addenda.
create function service_notes_refuse_change_when_signed() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    if old.status = 'signed' then
      raise exception 'a signed note cannot be removed' using errcode = 'integrity_constraint_violation';
    end if;
    return old;
  end if;
  if old.status = 'signed' and (
    new.status, new.member_id, new.program_id, new.author_id, new.group_session_id, new.revision,
    new.service_type, new.activity, new.recipient, new.family_relation_to_treatment, new.date_of_service,
    new.start_time, new.end_time, new.gaps, new.modality, new.member_location, new.place_of_service,
    new.identity_verified, new.modifiers, new.goals_addressed, new.intervention_in_plan,
    new.family_coordination_documented, new.pin_plan, new.pin_interaction, new.member_response,
    new.pin_next_steps, new.late_reason, new.epsdt_justification, new.due_on, new.signed_at, new.signed_by,
    new.signed_code, new.signed_units, new.signed_amount_cents, new.organisation_id
  ) is distinct from (
    old.status, old.member_id, old.program_id, old.author_id, old.group_session_id, old.revision,
    old.service_type, old.activity, old.recipient, old.family_relation_to_treatment, old.date_of_service,
    old.start_time, old.end_time, old.gaps, old.modality, old.member_location, old.place_of_service,
    old.identity_verified, old.modifiers, old.goals_addressed, old.intervention_in_plan,
    old.family_coordination_documented, old.pin_plan, old.pin_interaction, old.member_response,
    old.pin_next_steps, old.late_reason, old.epsdt_justification, old.due_on, old.signed_at, old.signed_by,
    old.signed_code, old.signed_units, old.signed_amount_cents, old.organisation_id
  ) then
    raise exception 'a signed note cannot be edited; add an addendum' using errcode = 'integrity_constraint_violation';
  end if;
  return new;
end;
$$;
create trigger service_notes_frozen_when_signed
  before update or delete on service_notes
  for each row execute function service_notes_refuse_change_when_signed();

create table note_addenda (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id),
  note_id uuid not null references service_notes (id),
  author_id uuid not null references users (id),
  created_at timestamptz not null,
  reason text not null check (length(reason) between 1 and 500),
  text text not null check (length(text) between 1 and 10000)
);
create index note_addenda_note_idx on note_addenda (organisation_id, note_id, created_at);

create table note_reviews (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id),
  note_id uuid not null references service_notes (id),
  reviewer_id uuid not null references users (id),
  action text not null check (action in ('cosigned', 'returned')),
  comment text check (length(comment) <= 2000),
  created_at timestamptz not null,
  check (action = 'cosigned' or comment is not null)
);
create index note_reviews_note_idx on note_reviews (organisation_id, note_id, created_at);

create function documentation_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only: % is not allowed', tg_table_name, tg_op
    using errcode = 'insufficient_privilege';
end;
$$;
create trigger note_addenda_append_only before update or delete on note_addenda
  for each row execute function documentation_refuse_change();
create trigger note_reviews_append_only before update or delete on note_reviews
  for each row execute function documentation_refuse_change();
`,
    )
    .execute(db);
}
