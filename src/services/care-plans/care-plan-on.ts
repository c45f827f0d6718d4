/**
 * @module services/care-plans/care-plan-on
 * The plan of care as the payer rules see it on a date of service: the claim preview's `member.carePlan`
 * (when it was approved, by whom, and the stretch it is in effect), plus the plan's goals for the note form's
 * "goals addressed" picker. The packs that bill only under an approved plan (Medi-Cal, Los Angeles) judge
 * this; the others ignore it.
 */
import type { Kysely } from 'kysely';
import type { MemberContext } from '../../shared/api/claims.js';
import type { CarePlanRow, Database } from '../../store/index.js';
import { calendarDateIn } from '../time/index.js';
import { approvedInEffectOrder, effectiveToOf, inEffectOn, inPolicyOrder } from './plan-view.js';

export interface CarePlanOnDate {
  /** For `ClaimPreviewRequest.member.carePlan`; undefined when the member has no approved plan at all. */
  carePlan: MemberContext['carePlan'];
  /** The approved version the answer describes, or null. */
  plan: { id: string; version: number; reviewOn: string | null } | null;
  /** That version's short-term goals, in order. */
  goals: { id: string; text: string }[];
}

/**
 * The approved plan of care in effect for the member on `dateOfService`. When none is in effect yet but one
 * is approved to start later, that one is described (its effective date after the date of service keeps the
 * engine's "approved plan in effect" false, while Los Angeles' plan-of-care note sees its approval recorded).
 * No access check and no audit: callers (the notes service, the billing run) have done both for the member.
 *
 * @param db - the transaction the caller runs in
 * @param organisationId - the member's organisation (every query is scoped by it)
 * @param memberId - the member
 * @param dateOfService - 'YYYY-MM-DD'
 * @example
 * const { carePlan, goals } = await carePlanOn(trx, actor.organisationId, note.member_id, note.date_of_service);
 * const request = { ...rest, member: { ...member, carePlan } };
 */
export async function carePlanOn(
  db: Kysely<Database>,
  organisationId: string,
  memberId: string,
  dateOfService: string,
): Promise<CarePlanOnDate> {
  const approved = await approvedPlansOf(db, organisationId, [memberId]);
  const inEffectOrder = approvedInEffectOrder(approved);
  const plan = planInEffectOn(inEffectOrder, dateOfService);
  if (plan === null) {
    return { carePlan: undefined, plan: null, goals: [] };
  }
  const goals = await db
    .selectFrom('care_plan_goals')
    .select(['id', 'text'])
    .where('organisation_id', '=', organisationId)
    .where('care_plan_id', '=', plan.id)
    .orderBy('position')
    .execute();
  return {
    carePlan: carePlanContextOf(plan, inEffectOrder),
    plan: { id: plan.id, version: plan.version, reviewOn: plan.review_on },
    goals,
  };
}

/** An approved plan-of-care version with its member's program time zone. */
export type ApprovedPlan = CarePlanRow & { time_zone: string };

/**
 * The approved version that describes the member's plan on `dateOfService`: the one in effect, or when none is
 * yet, the next one approved to start later (see {@link carePlanOn}); null when there is neither.
 *
 * @param inEffectOrder - the member's approved versions, from `approvedInEffectOrder`
 */
export function planInEffectOn<T extends CarePlanRow>(
  inEffectOrder: readonly T[],
  dateOfService: string,
): T | null {
  const plan =
    inEffectOn(inEffectOrder, dateOfService) ??
    inEffectOrder.find((each) => (each.effective_from ?? '') > dateOfService);
  return plan === undefined || plan.approved_at === null || plan.approver_role === null ? null : plan;
}

/**
 * The engine's `member.carePlan` for an approved version: when and by whom it was approved (the approval's
 * date where the program is), the stretch it is in effect, and the date set for its next review (Los
 * Angeles warns once that date has passed, so the progress note says the plan was reviewed or updated).
 *
 * @param plan - an approved version (from {@link planInEffectOn}) with its program's time zone
 * @param inEffectOrder - all the member's approved versions, from `approvedInEffectOrder`
 */
export function carePlanContextOf(
  plan: ApprovedPlan,
  inEffectOrder: readonly CarePlanRow[],
): MemberContext['carePlan'] {
  if (plan.approved_at === null || plan.approver_role === null) {
    return undefined;
  }
  const effectiveTo = effectiveToOf(plan, inEffectOrder);
  return {
    approvedOn: calendarDateIn(plan.approved_at, plan.time_zone),
    approverRole: plan.approver_role,
    ...(plan.effective_from === null ? {} : { effectiveFrom: plan.effective_from }),
    ...(effectiveTo === null ? {} : { effectiveTo }),
    ...(plan.review_on === null ? {} : { reviewOn: plan.review_on }),
    needAreas: inPolicyOrder(plan.need_areas),
  };
}

/**
 * The approved plan-of-care versions of some members, each with its member's program time zone (approval
 * dates are dates where the program is). One query, whatever the number of members.
 */
export function approvedPlansOf(
  db: Kysely<Database>,
  organisationId: string,
  memberIds: readonly string[],
): Promise<ApprovedPlan[]> {
  return db
    .selectFrom('care_plans')
    .innerJoin('members', 'members.id', 'care_plans.member_id')
    .innerJoin('programs', 'programs.id', 'members.program_id')
    .selectAll('care_plans')
    .select('programs.time_zone')
    .where('care_plans.organisation_id', '=', organisationId)
    .where('care_plans.member_id', 'in', [...memberIds])
    .where('care_plans.status', '=', 'approved')
    .execute();
}
