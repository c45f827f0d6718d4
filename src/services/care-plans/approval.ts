/**
 * @module services/care-plans/approval
 * Sending a plan of care for approval, and approving or returning it. Approval is the signature of a
 * behavioral health professional (a clinician) or a peer support supervisor who did not write the plan; it
 * fixes the effective and review dates and freezes the version (the database refuses any later change).
 */
import { addDays } from '../../engine/index.js';
import {
  DEFAULT_CARE_PLAN_REVIEW_DAYS,
  type ApproveCarePlanRequest,
  type CarePlan,
  type ReturnCarePlanRequest,
} from '../../shared/api/care-plans.js';
import { errorProblem, type Problem } from '../../shared/problem.js';
import type { CarePlanRow } from '../../store/index.js';
import type { Actor, ServiceContext } from '../context.js';
import { conflict, invalid, ServiceError } from '../errors.js';
import { calendarDateIn } from '../time/index.js';
import { approvedInEffectOrder, approverRoleOf, describeVersion, versionsOf } from './plan-view.js';
import { onVersion, setVersion, type VersionStep } from './version-change.js';
import { assertEditable } from './write.js';

const SUBMIT: VersionStep = { purpose: 'write', action: 'care_plan.submit' };
const APPROVE: VersionStep = { purpose: 'write', action: 'care_plan.approve' };
const RETURN: VersionStep = { purpose: 'write', action: 'care_plan.return' };

/**
 * What a version needs before an approver sees it, each problem naming the field to fix. Pure, so the
 * editor's rules are testable without a database.
 */
export function submissionProblems(plan: {
  longTermGoals: string;
  shortTermGoals: readonly { targetDate: string | null }[];
  memberParticipated: boolean;
  memberAgreed: boolean;
}): Problem[] {
  const problems: Problem[] = [];
  if (plan.longTermGoals.trim() === '') {
    problems.push(
      errorProblem(
        'care_plan.long_term_goals_missing',
        'Write the member’s long-term goals, in their own words.',
        ['body', 'longTermGoals'],
      ),
    );
  }
  if (plan.shortTermGoals.length === 0) {
    problems.push(
      errorProblem(
        'care_plan.short_term_goals_missing',
        'Add at least one short-term goal: specific, measurable, achievable, relevant and with a target date.',
        ['body', 'shortTermGoals'],
      ),
    );
  }
  plan.shortTermGoals.forEach((goal, index) => {
    if (goal.targetDate === null) {
      problems.push(
        errorProblem(
          'care_plan.goal_target_date_missing',
          `Give short-term goal ${index + 1} a target date, so it is time-bound.`,
          ['body', 'shortTermGoals', index, 'targetDate'],
        ),
      );
    }
  });
  if (!plan.memberParticipated) {
    problems.push(
      errorProblem(
        'care_plan.member_participation_missing',
        'A plan of care is written with the member: record that they took part.',
        ['body', 'memberParticipated'],
      ),
    );
  }
  if (!plan.memberAgreed) {
    problems.push(
      errorProblem(
        'care_plan.member_agreement_missing',
        'Record that the member agrees with the plan; if they do not, change it with them first.',
        ['body', 'memberAgreed'],
      ),
    );
  }
  return problems;
}

/**
 * Sends a draft (or a returned version) for approval, once it is complete.
 *
 * @throws ServiceError `invalid` with the problems of {@link submissionProblems}; `conflict`
 *   `care_plan.not_editable`; `forbidden`; `not_found`
 */
export async function submitCarePlan(ctx: ServiceContext, actor: Actor, planId: string): Promise<CarePlan> {
  return onVersion(ctx, actor, planId, SUBMIT, async (trx, plan, reach) => {
    assertEditable(actor, plan);
    const problems = submissionProblems(await describeVersion(trx, actor, reach, plan.id));
    if (problems.length > 0) throw new ServiceError('invalid', problems);
    await setVersion(trx, ctx, plan, { status: 'submitted' });
    return {};
  });
}

/**
 * Approves and signs a submitted version. The effective date defaults to the day of approval (where the
 * member's program is) and the review date to {@link DEFAULT_CARE_PLAN_REVIEW_DAYS} days after it.
 *
 * @throws ServiceError `forbidden` `care_plan.approver_role` (neither a clinician nor a supervisor, or not in
 *   the capacity asked for) or `care_plan.own_plan` (the author cannot approve their own plan); `conflict`
 *   `care_plan.not_submitted`; `invalid` (an effective date before the previous approved version's)
 */
export async function approveCarePlan(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  request: ApproveCarePlanRequest,
): Promise<CarePlan> {
  const approverRole = approverRoleOf(actor, request.approverRole);
  if (approverRole === null) {
    throw approverRoleRefusal(
      request.approverRole === undefined
        ? 'A plan of care is approved by a behavioral health professional (clinician) or a peer support supervisor.'
        : 'Your roles do not let you sign in that capacity. Choose the capacity your role gives you.',
      request.approverRole === undefined ? [] : ['body', 'approverRole'],
    );
  }
  return onVersion(ctx, actor, planId, APPROVE, async (trx, plan, reach) => {
    assertSubmitted(plan);
    if (plan.author_id === actor.userId) {
      throw new ServiceError('forbidden', [
        errorProblem(
          'care_plan.own_plan',
          'You wrote this plan, so you cannot approve it. Ask another supervisor or a clinician to approve it.',
        ),
      ]);
    }
    const now = ctx.clock.now();
    const effectiveFrom = request.effectiveFrom ?? calendarDateIn(now, reach.timeZone);
    const reviewOn = request.reviewOn ?? addDays(effectiveFrom, DEFAULT_CARE_PLAN_REVIEW_DAYS);
    if (reviewOn < effectiveFrom) {
      throw invalid(
        'care_plan.review_before_effective',
        'The review date cannot be before the effective date.',
        ['body', 'reviewOn'],
      );
    }
    const previous = approvedInEffectOrder(await versionsOf(trx, reach.member)).at(-1);
    if (
      previous !== undefined &&
      previous.effective_from !== null &&
      effectiveFrom < previous.effective_from
    ) {
      throw invalid(
        'care_plan.effective_before_previous',
        `Version ${previous.version} took effect on ${previous.effective_from}; this version can take effect on that day or later.`,
        ['body', 'effectiveFrom'],
      );
    }
    await setVersion(trx, ctx, plan, {
      status: 'approved',
      approved_by: actor.userId,
      approver_role: approverRole,
      approved_at: now,
      effective_from: effectiveFrom,
      review_on: reviewOn,
    });
    return { approverRole, effectiveFrom, reviewOn };
  });
}

/**
 * Sends a submitted version back to its author with a comment saying what to change.
 *
 * @throws ServiceError `forbidden` `care_plan.approver_role`; `conflict` `care_plan.not_submitted`
 */
export async function returnCarePlan(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  request: ReturnCarePlanRequest,
): Promise<CarePlan> {
  if (approverRoleOf(actor) === null) {
    throw approverRoleRefusal(
      'Only those who approve plans of care (clinicians and peer support supervisors) can return one.',
      [],
    );
  }
  return onVersion(ctx, actor, planId, RETURN, async (trx, plan) => {
    assertSubmitted(plan);
    await setVersion(trx, ctx, plan, { status: 'returned', return_comment: request.comment });
    return {};
  });
}

function approverRoleRefusal(message: string, path: Problem['path']): ServiceError {
  return new ServiceError('forbidden', [errorProblem('care_plan.approver_role', message, path)]);
}

function assertSubmitted(plan: CarePlanRow): void {
  if (plan.status !== 'submitted') {
    throw conflict(
      'care_plan.not_submitted',
      plan.status === 'approved'
        ? `Version ${plan.version} is already approved.`
        : `Version ${plan.version} has not been sent for approval yet.`,
      [],
    );
  }
}
