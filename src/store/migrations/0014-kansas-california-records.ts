/**
 * @module store/migrations/0014-kansas-california-records
 * Records the December 2026 review of the rules catalog needs for Kansas (seed 003) and California (000, 001):
 *
 * - `eligibility_determinations`: Kansas "Eligibility Criteria" — "Meets functional assessment criteria for
 *   target population" and "Meets Medical Necessity criteria for rehabilitation services" — each recorded on the
 *   member with the date it was determined and who determined it. A determination is a clinical record: it is
 *   corrected by replacing its fields or removed when entered in error.
 * - `staff_profiles.clinical_supervisor_name` and `clinical_supervisor_qualification`: Kansas "Additional Service
 *   Criteria 2" — the peer receives "regularly scheduled clinical supervision from a person meeting the
 *   qualifications of a Qualified Mental Health Professional (QMHP) or PAHP-designated LMHP". Who the clinical
 *   supervisor is (as written; they need not be a user) and which of the two they qualify as; both or neither.
 * - `outside_group_hours`: Kansas "Limitations/Exclusions" — the 750 hours are "group peer support (or a
 *   combination of group psychosocial rehabilitation and group peer support)", so group psychosocial
 *   rehabilitation hours delivered outside Peerline are recorded per member (date, hours, source) and count.
 * - `staff_profiles.taxonomy` may be empty: "Rendering taxonomy 175T00000X must be recorded for the peer (001);
 *   never filled in silently" — a profile saved without one no longer gets 175T00000X from a column default.
 *   Profiles already stored keep the value they hold.
 *
 * Forward-only: correct mistakes with a later migration.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
create table eligibility_determinations (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id),
  member_id uuid not null references members (id),
  criterion text not null check (criterion in ('functional_assessment', 'medical_necessity')),
  determined_on date not null,
  -- Who determined it, as written: a name and credential (they need not be a user of Peerline).
  determined_by text not null check (length(determined_by) between 1 and 200),
  recorded_by uuid not null references users (id),
  created_at timestamptz not null default now()
);
create index eligibility_determinations_member_idx
  on eligibility_determinations (organisation_id, member_id, determined_on);

create table outside_group_hours (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id),
  member_id uuid not null references members (id),
  delivered_on date not null,
  hours numeric(5, 2) not null check (hours > 0 and hours <= 24),
  -- Where the hours come from, e.g. the provider or the record they are taken from.
  source text not null check (length(source) between 1 and 200),
  recorded_by uuid not null references users (id),
  created_at timestamptz not null default now()
);
create index outside_group_hours_member_idx on outside_group_hours (organisation_id, member_id, delivered_on);

alter table staff_profiles alter column taxonomy drop not null;
alter table staff_profiles alter column taxonomy drop default;

alter table staff_profiles
  add column clinical_supervisor_name text check (length(clinical_supervisor_name) between 1 and 200),
  add column clinical_supervisor_qualification text check (clinical_supervisor_qualification in ('qmhp', 'lmhp')),
  add constraint staff_profiles_clinical_supervisor_whole
    check ((clinical_supervisor_name is null) = (clinical_supervisor_qualification is null));
`,
    )
    .execute(db);
}
