/**
 * @module web/lib/use-note-goals
 * The plan-of-care goals a note can say it worked on: the short-term goals of the member's plan in effect
 * on the date of service (else the current one), plus any goal the note already names from another version,
 * so a ticked box never disappears. Null when the member has no plan, or the plans cannot be read. Also the
 * versions a note can say it documents (whether the form asks is the server's answer: `form.asksPlanOfCareNote`).
 */
import type { CarePlan, MemberCarePlansResponse } from '../../../src/shared/index.js';
import { useQuery } from '@tanstack/react-query';
import { apiQuery } from '../api/index.js';
import { inForce } from './in-force.js';

export interface GoalOption {
  id: string;
  text: string;
}

function inEffectOn(plan: CarePlan, date: string): boolean {
  return (
    plan.status === 'approved' &&
    plan.effectiveFrom !== null &&
    inForce(date, plan.effectiveFrom, plan.effectiveTo)
  );
}

/**
 * The goals to offer, from the member's plans as the care-plans API lists them.
 *
 * @param plans - the member's plans of care
 * @param dateOfService - the note's date of service
 * @param chosen - ids of the goals the note already names
 */
export function goalOptions(
  plans: MemberCarePlansResponse,
  dateOfService: string,
  chosen: readonly string[],
): GoalOption[] | null {
  const plan =
    plans.plans.find((each) => inEffectOn(each, dateOfService)) ??
    plans.plans.find((each) => each.id === plans.currentPlanId);
  const options = (plan?.shortTermGoals ?? []).map((goal) => ({ id: goal.id, text: goal.text }));
  for (const id of chosen) {
    if (options.some((option) => option.id === id)) {
      continue;
    }
    const goal = plans.plans.flatMap((each) => each.shortTermGoals).find((each) => each.id === id);
    if (goal !== undefined) {
      options.push({ id: goal.id, text: goal.text });
    }
  }
  return options.length === 0 ? null : options;
}

/** The member's plans of care, or null while loading or when they cannot be read (no goals shown). */
export function useMemberCarePlans(memberId: string): MemberCarePlansResponse | null {
  const { data } = useQuery(apiQuery('/api/v1/members/{memberId}/care-plans', { path: { memberId } }));
  return data ?? null;
}

/** A version of the member's plan of care a note can say it documents. */
export interface PlanVersionOption {
  id: string;
  version: number;
  kind: CarePlan['kind'];
  status: CarePlan['status'];
}

/** Every version of the member's plan, newest first, for "this note documents the plan of care". */
export function planVersionOptions(plans: MemberCarePlansResponse): PlanVersionOption[] {
  return plans.plans
    .map((plan) => ({ id: plan.id, version: plan.version, kind: plan.kind, status: plan.status }))
    .sort((a, b) => b.version - a.version);
}
