/**
 * @module store/migrations/0014-kansas-california-records
 * Records the December 2026 review of the rules catalog needs for Kansas (seed 003) and California (000, 001):
 *
 * - `eligibility_determinations`: Kansas "Eligibility Criteria" — "Meets functional assessment criteria for
 *   target population" and "Meets Medical Necessity criteria for rehabilitation services" — each recorded on the
 *   member with the date it was determined and who determined it. A determination is a clinical record: it is
 *   corrected by replacing its fields or removed when entered in error.
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
`,
    )
    .execute(db);
}
