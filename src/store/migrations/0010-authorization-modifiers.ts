/**
 * @module store/migrations/0010-authorization-modifiers
 * A prior authorization covers a service only when its code and modifiers match: an authorization for
 * H0038 does not cover H0038 HQ group services (rules catalog, December 2026 review). Authorizations record
 * their modifiers (none for an individual service) and, optionally, the program they were given for; with a
 * program they cover only that program's notes. The program is checked by a composite key that carries the
 * organisation, as claims are since 0007, so an authorization cannot name another organisation's program.
 *
 * Authorizations recorded before this migration get no modifiers and no program: they go on covering the
 * individual service in any program, as they did.
 *
 * Forward-only: correct mistakes with a later migration.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `create unique index programs_id_organisation_key on programs (id, organisation_id);

alter table authorizations
  add column modifiers text[] not null default '{}'
    check (cardinality(modifiers) <= 4 and array_to_string(modifiers, ' ') ~ '^([A-Z0-9]{2}( |$))*$'),
  add column program_id uuid,
  add constraint authorizations_program_organisation_fkey
    foreign key (program_id, organisation_id) references programs (id, organisation_id);`,
    )
    .execute(db);
}
