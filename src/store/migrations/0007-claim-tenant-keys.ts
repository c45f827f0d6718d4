/**
 * @module store/migrations/0007-claim-tenant-keys
 * Claims, their lines and their events checked by composite keys that carry the organisation (and, for a
 * line, the member): a claim's member must be a member of the claim's organisation, a line's claim must be of
 * the line's organisation and member, an event's claim of the event's organisation. Before, each column had
 * its own key (organisation, member, claim), which let a line name a claim of another member, and cost one
 * foreign-key check per column on every row a billing run writes — twelve a claimed note, now eight; the
 * billing benchmark measured the run about a quarter faster on PostgreSQL (docs/PERFORMANCE.md). The
 * organisation still exists through the member, whose own key names it.
 *
 * Forward-only: correct mistakes with a later migration.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `create unique index members_id_organisation_key on members (id, organisation_id);
create unique index claims_id_organisation_key on claims (id, organisation_id);
create unique index claims_id_organisation_member_key on claims (id, organisation_id, member_id);

alter table claims
  add constraint claims_member_organisation_fkey
    foreign key (member_id, organisation_id) references members (id, organisation_id),
  drop constraint claims_organisation_id_fkey,
  drop constraint claims_member_id_fkey;

alter table claim_lines
  add constraint claim_lines_claim_organisation_member_fkey
    foreign key (claim_id, organisation_id, member_id) references claims (id, organisation_id, member_id),
  drop constraint claim_lines_organisation_id_fkey,
  drop constraint claim_lines_claim_id_fkey,
  drop constraint claim_lines_member_id_fkey;

alter table claim_events
  add constraint claim_events_claim_organisation_fkey
    foreign key (claim_id, organisation_id) references claims (id, organisation_id),
  drop constraint claim_events_organisation_id_fkey,
  drop constraint claim_events_claim_id_fkey;`,
    )
    .execute(db);
}
