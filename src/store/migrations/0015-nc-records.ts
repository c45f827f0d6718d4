/**
 * @module store/migrations/0015-nc-records
 * Records North Carolina's December-review rules need (rules-catalog.md; WellCare policy WNC.CP.231):
 * - the service order for medical necessity on the episode of care, beside its comprehensive clinical assessment:
 *   its date, the ordering clinician and their credential (002 Prior Approval B.2). Existing episodes have none,
 *   so their next North Carolina note asks for one — the order is not something a migration can know.
 * - the §I.D areas of need a plan-of-care version addresses (002 Policy/Criteria I.D), as a list of the five
 *   areas' names. Existing versions record none; an approved one is frozen, so North Carolina members need a
 *   new version that names them. The check lists the areas here, as the migration's own copy.
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
      'recovery_responsibility', 'daily_living_skills']::text[]);`,
    )
    .execute(db);
}
