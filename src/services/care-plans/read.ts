/**
 * @module services/care-plans/read
 * Reading plans of care: a member's versions (with the one in effect today), one version, and the versions
 * in one status across the members the actor can see (the approvers' queue). Every read is audited in the
 * transaction that reads.
 */
import type { CarePlan, CarePlanListQuery, MemberCarePlansResponse } from '../../shared/api/care-plans.js';
import { canChangeClinicalRecords, visibleMembers } from '../access/index.js';
import { actorEntry, recordAudit } from '../audit/index.js';
import type { Actor, ServiceContext } from '../context.js';
import { calendarDateIn } from '../time/index.js';
import {
  approvedInEffectOrder,
  describePlans,
  inEffectOn,
  memberDisplayName,
  memberInReach,
  versionsOf,
} from './plan-view.js';
import { onVersion } from './version-change.js';

/**
 * Every version of the member's plan of care, newest first, with the approved one in effect today.
 *
 * @throws ServiceError `not_found` when the member is not in the actor's reach
 */
export async function listMemberCarePlans(
  ctx: ServiceContext,
  actor: Actor,
  memberId: string,
): Promise<MemberCarePlansResponse> {
  return ctx.db.transaction().execute(async (trx) => {
    const reach = await memberInReach(trx, actor, memberId, 'read');
    const versions = await versionsOf(trx, reach.member);
    const today = calendarDateIn(ctx.clock.now(), reach.timeZone);
    const current = inEffectOn(approvedInEffectOrder(versions), today);
    await recordAudit(
      trx,
      ctx.clock,
      actorEntry(actor, 'care_plan.list', { type: 'member', id: memberId }, 'success', {
        versions: versions.length,
      }),
    );
    return {
      member: { id: reach.member.id, displayName: memberDisplayName(reach.member) },
      plans: await describePlans(trx, actor, reach, versions, versions),
      currentPlanId: current?.id ?? null,
      canCreate: canChangeClinicalRecords(actor) && versions.length === 0,
    };
  });
}

/**
 * One version of a plan of care.
 *
 * @throws ServiceError `not_found` when there is no such plan, or its member is not in the actor's reach
 */
export async function getCarePlan(ctx: ServiceContext, actor: Actor, planId: string): Promise<CarePlan> {
  return onVersion(ctx, actor, planId, { purpose: 'read', action: 'care_plan.read' }, () =>
    Promise.resolve({}),
  );
}

/**
 * Plans in one status (by default those waiting for approval) of the members the actor can see, oldest
 * first so the longest-waiting comes first.
 */
export async function listCarePlans(
  ctx: ServiceContext,
  actor: Actor,
  query: CarePlanListQuery,
): Promise<CarePlan[]> {
  return ctx.db.transaction().execute(async (trx) => {
    const matching = await trx
      .selectFrom('care_plans')
      .innerJoin('members', 'members.id', 'care_plans.member_id')
      .select(['care_plans.id', 'care_plans.member_id'])
      .where('care_plans.organisation_id', '=', actor.organisationId)
      .where('care_plans.status', '=', query.status)
      .where(visibleMembers(actor))
      .orderBy('care_plans.updated_at')
      .orderBy('care_plans.id')
      .limit(200)
      .execute();
    const plans: CarePlan[] = [];
    for (const memberId of [...new Set(matching.map((row) => row.member_id))]) {
      const reach = await memberInReach(trx, actor, memberId, 'read');
      const versions = await versionsOf(trx, reach.member);
      const wanted = matching.flatMap((row) => versions.filter((plan) => plan.id === row.id));
      plans.push(...(await describePlans(trx, actor, reach, versions, wanted)));
    }
    const order = new Map(matching.map((row, index) => [row.id, index]));
    plans.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    await recordAudit(
      trx,
      ctx.clock,
      actorEntry(actor, 'care_plan.list', { type: 'care_plan', id: null }, 'success', {
        status: query.status,
        count: plans.length,
      }),
    );
    return plans;
  });
}
