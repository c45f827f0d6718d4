/**
 * @module services/care-plans/documented-plans
 * The plan-of-care versions that notes document (Los Angeles' Plan of Care note), as the payer rules judge
 * those notes: what each version holds (`service.planOfCare`) and its own approval (`member.carePlan`). Read
 * for many notes at once, in a fixed number of queries.
 */
import type { Kysely } from 'kysely';
import type { MemberContext, ServiceInput } from '../../shared/api/claims.js';
import type { Database } from '../../store/index.js';
import { carePlanContextOf } from './care-plan-on.js';

/** The plan version a note documents, as the payer rules judge that note. */
export interface DocumentedPlanOfCare {
  /** The engine's `service.planOfCare`: what the version holds. */
  planOfCare: NonNullable<ServiceInput['planOfCare']>;
  /** The engine's `member.carePlan`: that version's approval, or undefined while it is not approved. */
  carePlan: MemberContext['carePlan'];
}

/**
 * The content and approval of plan versions, by version id, each under the member it belongs to. A note may
 * only document its own member's plan: callers look a version up with {@link documentedPlanFor}, which
 * answers nothing for another member's, so a preview never judges another member's plan.
 *
 * @param db - the transaction
 * @param organisationId - every query is scoped by it
 * @param planIds - the versions the notes name
 */
export async function documentedPlansOf(
  db: Kysely<Database>,
  organisationId: string,
  planIds: readonly string[],
): Promise<Map<string, { memberId: string; documented: DocumentedPlanOfCare }>> {
  const found = new Map<string, { memberId: string; documented: DocumentedPlanOfCare }>();
  if (planIds.length === 0) return found;
  const ids = [...new Set(planIds)];
  const [plans, goals] = await Promise.all([
    db
      .selectFrom('care_plans')
      .innerJoin('members', 'members.id', 'care_plans.member_id')
      .innerJoin('programs', 'programs.id', 'members.program_id')
      .selectAll('care_plans')
      .select('programs.time_zone')
      .where('care_plans.organisation_id', '=', organisationId)
      .where('care_plans.id', 'in', ids)
      .execute(),
    db
      .selectFrom('care_plan_goals')
      .select(['care_plan_id', 'text', 'target_date'])
      .where('organisation_id', '=', organisationId)
      .where('care_plan_id', 'in', ids)
      .orderBy('care_plan_id')
      .orderBy('position')
      .execute(),
  ]);
  for (const plan of plans) {
    found.set(plan.id, {
      memberId: plan.member_id,
      documented: {
        planOfCare: {
          kind: plan.kind,
          longTermGoalsInMemberWords: plan.long_term_goals,
          shortTermGoals: goals
            .filter((goal) => goal.care_plan_id === plan.id)
            .map((goal) => ({
              text: goal.text,
              ...(goal.target_date === null ? {} : { targetDate: goal.target_date }),
            })),
          memberParticipated: plan.member_participated,
          memberAgreed: plan.member_agreed,
        },
        // The version alone: the note judges this version's approval, not where it sits among the others.
        carePlan: plan.status === 'approved' ? carePlanContextOf(plan, [plan]) : undefined,
      },
    });
  }
  return found;
}

/** The version `planId` as documented by a note of `memberId`, or null when it is not that member's. */
export function documentedPlanFor(
  plans: ReadonlyMap<string, { memberId: string; documented: DocumentedPlanOfCare }>,
  memberId: string,
  planId: string | null,
): DocumentedPlanOfCare | null {
  if (planId === null) return null;
  const plan = plans.get(planId);
  return plan === undefined || plan.memberId !== memberId ? null : plan.documented;
}
