/**
 * @module store/migrations/0015-nc-records
 * Records North Carolina's December-review rules need (rules-catalog.md; WellCare policy WNC.CP.231):
 * - the service order for medical necessity on the episode of care, beside its comprehensive clinical assessment:
 *   its date, the ordering clinician and their credential (002 Prior Approval B.2). Existing episodes have none,
 *   so their next North Carolina note asks for one — the order is not something a migration can know.
 * - the §I.D areas of need a plan-of-care version addresses (002 Policy/Criteria I.D), as a list of the five
 *   areas' names. Existing versions record none; an approved one is frozen, so North Carolina members need a
 *   new version that names them. The check lists the areas here, as the migration's own copy.
 * - on a service note, why the member's consent to a telephone service could not be obtained, documented "in
 *   extenuating circumstances" (002 §V.G). Like the rest of a signed note it is locked by the signature, so
 *   the signed-note trigger (as in 0004) gains it.
 *
 * Forward-only: correct mistakes with a later migration.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `alter table episodes_of_care
  add column service_order_on date,
  add column service_order_clinician text,
  add column service_order_credential text;

alter table care_plans
  add column need_areas text[] not null default '{}'
    check (need_areas <@ array['symptom_management', 'self_advocacy', 'work_preparation',
      'recovery_responsibility', 'daily_living_skills']::text[]);

alter table service_notes add column consent_circumstances text;

-- As in 0004, with consent_circumstances among the content a signature locks.
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
    new.signed_code, new.signed_units, new.signed_amount_cents, new.organisation_id, new.plan_of_care_id,
    new.consent_circumstances
  ) is distinct from (
    old.status, old.member_id, old.program_id, old.author_id, old.group_session_id, old.revision,
    old.service_type, old.activity, old.recipient, old.family_relation_to_treatment, old.date_of_service,
    old.start_time, old.end_time, old.gaps, old.modality, old.member_location, old.place_of_service,
    old.identity_verified, old.modifiers, old.goals_addressed, old.intervention_in_plan,
    old.family_coordination_documented, old.pin_plan, old.pin_interaction, old.member_response,
    old.pin_next_steps, old.late_reason, old.epsdt_justification, old.due_on, old.signed_at, old.signed_by,
    old.signed_code, old.signed_units, old.signed_amount_cents, old.organisation_id, old.plan_of_care_id,
    old.consent_circumstances
  ) then
    raise exception 'a signed note cannot be edited; add an addendum' using errcode = 'integrity_constraint_violation';
  end if;
  return new;
end;
$$;`,
    )
    .execute(db);
}
