/**
 * @module services/care-plans/version-change
 * The frame of every use case on one version of a plan: in one transaction, the version (locked when it is
 * to change) and its member if the actor may reach them, the use case's own work, its audit row, and the
 * version as it now stands. A refusal anywhere leaves nothing written, the audit row included.
 */
import type { Kysely } from 'kysely';
import type { CarePlan } from '../../shared/api/care-plans.js';
import type { CarePlanRow, Database } from '../../store/index.js';
import type { MemberAccessPurpose } from '../access/index.js';
import { actorEntry, recordAudit } from '../audit/index.js';
import type { Actor, ServiceContext } from '../context.js';
import { describeVersion, planForActor, type MemberInReach } from './plan-view.js';

export interface VersionStep {
  /** `read` for a read; `write` locks the version and needs a role that changes clinical records. */
  purpose: MemberAccessPurpose;
  /** The audit action, e.g. `care_plan.submit`. */
  action: string;
}

/** The work of one use case; what it returns goes into the audit row's details (never PHI). */
export type VersionWork = (
  trx: Kysely<Database>,
  plan: CarePlanRow,
  reach: MemberInReach,
) => Promise<Record<string, unknown>>;

/**
 * Runs `work` on version `planId` and returns the version afterwards.
 *
 * @throws ServiceError `not_found` (no such version in reach), `forbidden` (a `write` by a read-only role),
 *   and whatever `work` throws
 */
export async function onVersion(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  step: VersionStep,
  work: VersionWork,
): Promise<CarePlan> {
  return ctx.db.transaction().execute(async (trx) => {
    const { plan, ...reach } = await planForActor(trx, actor, planId, step.purpose, {
      forUpdate: step.purpose === 'write',
    });
    const details = await work(trx, plan, reach);
    await recordAudit(
      trx,
      ctx.clock,
      actorEntry(actor, step.action, { type: 'care_plan', id: plan.id }, 'success', {
        memberId: plan.member_id,
        version: plan.version,
        ...details,
      }),
    );
    return describeVersion(trx, actor, reach, plan.id);
  });
}

/** Sets columns of the version (and its `updated_at`). */
export async function setVersion(
  trx: Kysely<Database>,
  ctx: ServiceContext,
  plan: CarePlanRow,
  changes: Partial<
    Pick<
      CarePlanRow,
      | 'status'
      | 'long_term_goals'
      | 'member_participated'
      | 'member_agreed'
      | 'need_areas'
      | 'approved_by'
      | 'approver_role'
      | 'approved_at'
      | 'effective_from'
      | 'review_on'
      | 'return_comment'
    >
  >,
): Promise<void> {
  await trx
    .updateTable('care_plans')
    .set({ ...changes, updated_at: ctx.clock.now() })
    .where('id', '=', plan.id)
    .where('organisation_id', '=', plan.organisation_id)
    .execute();
}
