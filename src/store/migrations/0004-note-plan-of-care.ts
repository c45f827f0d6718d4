/**
 * @module store/migrations/0004-note-plan-of-care
 * A service note can document a version of the member's plan of care (Los Angeles bills the Plan of Care as
 * a peer note of its own): `service_notes.plan_of_care_id`. The version must be the same member's — enforced
 * by a foreign key over (plan, member) — and, like the rest of a signed note, cannot change once signed, so
 * the signed-note trigger's column list gains it. "Intervention in the plan of care" now defaults to false:
 * it is the author's statement, never assumed.
 *
 * Forward-only: correct mistakes with a later migration.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
alter table care_plans add constraint care_plans_id_member_key unique (id, member_id);

alter table service_notes
  add column plan_of_care_id uuid,
  add constraint service_notes_plan_of_care_fkey
    foreign key (plan_of_care_id, member_id) references care_plans (id, member_id),
  alter column intervention_in_plan set default false;
create index service_notes_plan_of_care_idx on service_notes (plan_of_care_id) where plan_of_care_id is not null;

-- As in 0002, with plan_of_care_id among the content a signature locks.
create or replace function service_notes_refuse_change_when_signed() returns trigger language plpgsql as $$
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
    new.signed_code, new.signed_units, new.signed_amount_cents, new.organisation_id, new.plan_of_care_id
  ) is distinct from (
    old.status, old.member_id, old.program_id, old.author_id, old.group_session_id, old.revision,
    old.service_type, old.activity, old.recipient, old.family_relation_to_treatment, old.date_of_service,
    old.start_time, old.end_time, old.gaps, old.modality, old.member_location, old.place_of_service,
    old.identity_verified, old.modifiers, old.goals_addressed, old.intervention_in_plan,
    old.family_coordination_documented, old.pin_plan, old.pin_interaction, old.member_response,
    old.pin_next_steps, old.late_reason, old.epsdt_justification, old.due_on, old.signed_at, old.signed_by,
    old.signed_code, old.signed_units, old.signed_amount_cents, old.organisation_id, old.plan_of_care_id
  ) then
    raise exception 'a signed note cannot be edited; add an addendum' using errcode = 'integrity_constraint_violation';
  end if;
  return new;
end;
$$;
`,
    )
    .execute(db);
}
