/**
 * @module services/care-plans/write
 * Writing plans of care: a member's first plan (version 1, kind `new`), an update (a new draft version, kind
 * `updated`, copied from the latest approved one — which stays as it was), and saving a draft. A member has
 * at most one version open (draft, submitted or returned) at a time, so there is never a question of which
 * draft is "the" next plan. Every change and its audit row share one transaction.
 */
import type { Kysely } from 'kysely';
import type { CarePlan, CarePlanContent, CreateCarePlanRequest } from '../../shared/api/care-plans.js';
import { CarePlanContentSchema } from '../../shared/api/care-plans.js';
import { errorProblem, type Problem } from '../../shared/problem.js';
import { isUniqueViolation, type CarePlanRow, type Database, type MemberRow } from '../../store/index.js';
import { actorEntry, recordAudit } from '../audit/index.js';
import type { Actor, ServiceContext } from '../context.js';
import { conflict, forbidden, ServiceError } from '../errors.js';
import {
  approvedInEffectOrder,
  describeVersion,
  EDITABLE_STATUSES,
  mayEditAsPerson,
  memberInReach,
  OPEN_STATUSES,
  planForActor,
  versionsOf,
} from './plan-view.js';
import { onVersion, setVersion, type VersionStep } from './version-change.js';

const UPDATE: VersionStep = { purpose: 'write', action: 'care_plan.update' };

/**
 * Writes the member's first plan of care as a draft (version 1, kind `new`), with whatever content is sent.
 *
 * @throws ServiceError `not_found` (member out of reach), `forbidden` (the actor's role cannot change
 *   clinical records), `conflict` `care_plan.exists` (the member already has a plan: update it instead)
 */
export async function createCarePlan(
  ctx: ServiceContext,
  actor: Actor,
  memberId: string,
  request: CreateCarePlanRequest,
): Promise<CarePlan> {
  const content = CarePlanContentSchema.parse(request);
  return ctx.db.transaction().execute(async (trx) => {
    const reach = await memberInReach(trx, actor, memberId, 'write');
    const versions = await lockedVersionsOf(trx, reach.member);
    const latest = versions[0];
    if (latest !== undefined) {
      throw conflict(
        'care_plan.exists',
        `This member already has a plan of care (version ${latest.version}, ${latest.status}). Open it, or start an update from the approved version.`,
        [],
      );
    }
    const plan = await insertCarePlanVersion(trx, {
      ...newVersionBy(ctx, actor, reach.member),
      version: 1,
      kind: 'new',
      content,
    });
    await recordAudit(
      trx,
      ctx.clock,
      actorEntry(actor, 'care_plan.create', { type: 'care_plan', id: plan.id }, 'success', {
        memberId,
        version: 1,
        goals: content.shortTermGoals.length,
      }),
    );
    return describeVersion(trx, actor, reach, plan.id);
  });
}

/**
 * Starts an update: a new draft version (kind `updated`) holding a copy of the approved version `planId`'s
 * long-term and short-term goals. The approved version stays as it was and in effect until the update is
 * approved. Whether the member took part and agreed is not copied: the update is written with the member
 * anew.
 *
 * @throws ServiceError `not_found`, `forbidden`, `conflict` `care_plan.not_latest_approved` (only the latest
 *   approved version can be updated) or `care_plan.open_version` (an update is already being written)
 */
export async function startCarePlanUpdate(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
): Promise<CarePlan> {
  return ctx.db.transaction().execute(async (trx) => {
    const { plan: source, ...reach } = await planForActor(trx, actor, planId, 'write');
    const versions = await lockedVersionsOf(trx, reach.member);
    const open = versions.find((each) => OPEN_STATUSES.includes(each.status));
    if (open !== undefined) {
      throw conflict(
        'care_plan.open_version',
        `Version ${open.version} of this plan is already being written (${open.status}). Finish that version instead of starting another.`,
        [],
      );
    }
    const latestApproved = approvedInEffectOrder(versions).at(-1);
    if (source.status !== 'approved' || latestApproved?.id !== source.id) {
      throw conflict(
        'care_plan.not_latest_approved',
        latestApproved === undefined
          ? 'This plan has no approved version to update yet. Finish and submit the draft instead.'
          : `Only the latest approved version (version ${latestApproved.version}) can be updated.`,
        ['params', 'id'],
      );
    }
    const goals = await trx
      .selectFrom('care_plan_goals')
      .select(['text', 'target_date', 'status'])
      .where('organisation_id', '=', actor.organisationId)
      .where('care_plan_id', '=', source.id)
      .orderBy('position')
      .execute();
    const content: CarePlanContent = {
      longTermGoals: source.long_term_goals,
      shortTermGoals: goals.map((goal) => ({
        text: goal.text,
        targetDate: goal.target_date,
        status: goal.status,
      })),
      memberParticipated: false,
      memberAgreed: false,
      // The needs the plan addresses carry over; the update may change them.
      needAreas: source.need_areas,
    };
    const maxVersion = versions.reduce((max, each) => Math.max(max, each.version), 0);
    const plan = await insertCarePlanVersion(trx, {
      ...newVersionBy(ctx, actor, reach.member),
      version: maxVersion + 1,
      kind: 'updated',
      content,
    });
    await recordAudit(
      trx,
      ctx.clock,
      actorEntry(actor, 'care_plan.start_update', { type: 'care_plan', id: plan.id }, 'success', {
        memberId: source.member_id,
        version: maxVersion + 1,
        fromPlanId: source.id,
        fromVersion: source.version,
      }),
    );
    return describeVersion(trx, actor, reach, plan.id);
  });
}

/**
 * Saves a draft (or a returned version): the long-term goals, the short-term goals (the list sent replaces
 * the one stored; a goal sent with its id keeps it), and whether the member took part and agreed.
 *
 * @throws ServiceError `not_found`; `forbidden` (billing staff; or someone other than the author who is not
 *   a supervisor or admin); `conflict` `care_plan.not_editable` (submitted or approved); `invalid` (a goal id
 *   that is not one of this version's)
 */
export async function updateCarePlan(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  content: CarePlanContent,
): Promise<CarePlan> {
  return onVersion(ctx, actor, planId, UPDATE, async (trx, plan) => {
    assertEditable(actor, plan);
    const existing = await trx
      .selectFrom('care_plan_goals')
      .select('id')
      .where('organisation_id', '=', actor.organisationId)
      .where('care_plan_id', '=', plan.id)
      .execute();
    throwIfProblems(goalIdProblems(content, new Set(existing.map((goal) => goal.id))));
    await setVersion(trx, ctx, plan, {
      long_term_goals: content.longTermGoals,
      member_participated: content.memberParticipated,
      member_agreed: content.memberAgreed,
      need_areas: content.needAreas,
    });
    await trx
      .deleteFrom('care_plan_goals')
      .where('organisation_id', '=', actor.organisationId)
      .where('care_plan_id', '=', plan.id)
      .execute();
    await insertCarePlanGoals(trx, actor.organisationId, plan.id, content);
    return { goals: content.shortTermGoals.length, needAreas: content.needAreas };
  });
}

/**
 * Refuses a change of content unless the version is still open for writing and the actor wrote it or is a
 * supervisor or admin.
 */
export function assertEditable(actor: Actor, plan: CarePlanRow): void {
  if (!EDITABLE_STATUSES.includes(plan.status)) {
    throw conflict(
      'care_plan.not_editable',
      plan.status === 'approved'
        ? `Version ${plan.version} is approved and cannot change. Start an update to write a new version.`
        : `Version ${plan.version} is waiting for approval. Ask the approver to return it if it needs changes.`,
      [],
    );
  }
  if (!mayEditAsPerson(actor, plan)) {
    throw forbidden('Only the author of this plan, a supervisor or an admin can change it.');
  }
}

function goalIdProblems(content: CarePlanContent, existing: ReadonlySet<string>): Problem[] {
  const seen = new Set<string>();
  return content.shortTermGoals.flatMap((goal, index) => {
    if (goal.id === undefined) return [];
    const duplicate = seen.has(goal.id);
    seen.add(goal.id);
    if (existing.has(goal.id) && !duplicate) return [];
    return [
      errorProblem(
        'care_plan.goal_unknown',
        duplicate
          ? 'This goal appears twice; remove one of them.'
          : 'This goal is not one of this version’s goals. Reload the plan and add it again.',
        ['body', 'shortTermGoals', index, 'id'],
      ),
    ];
  });
}

function throwIfProblems(problems: Problem[]): void {
  if (problems.length > 0) throw new ServiceError('invalid', problems);
}

/**
 * The member's versions, newest first, with the member row locked for the rest of the transaction, so two
 * people starting a version at once cannot both pass the "one open version" check.
 */
async function lockedVersionsOf(db: Kysely<Database>, member: MemberRow): Promise<CarePlanRow[]> {
  await db
    .selectFrom('members')
    .select('id')
    .where('id', '=', member.id)
    .where('organisation_id', '=', member.organisation_id)
    .forUpdate()
    .execute();
  return versionsOf(db, member);
}

/** What a new version row holds; everything about approval starts empty. */
export interface NewCarePlanVersion {
  organisationId: string;
  memberId: string;
  authorId: string;
  version: number;
  kind: CarePlanRow['kind'];
  /** `draft` for the use cases; demo data writes `submitted` versions and then approves them. */
  status: 'draft' | 'submitted';
  content: CarePlanContent;
  now: Date;
}

/**
 * Inserts a version and its goals; a version number already taken (two people at once) becomes a 409.
 */
export async function insertCarePlanVersion(
  db: Kysely<Database>,
  version: NewCarePlanVersion,
): Promise<{ id: string }> {
  try {
    const plan = await db
      .insertInto('care_plans')
      .values({
        organisation_id: version.organisationId,
        member_id: version.memberId,
        version: version.version,
        kind: version.kind,
        status: version.status,
        long_term_goals: version.content.longTermGoals,
        member_participated: version.content.memberParticipated,
        member_agreed: version.content.memberAgreed,
        need_areas: version.content.needAreas,
        author_id: version.authorId,
        effective_from: null,
        review_on: null,
        approved_by: null,
        approver_role: null,
        approved_at: null,
        return_comment: null,
        created_at: version.now,
        updated_at: version.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertCarePlanGoals(db, version.organisationId, plan.id, version.content);
    return plan;
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(
        'care_plan.version_taken',
        'Someone else started a version of this plan at the same moment. Reload the plan and continue there.',
        [],
      );
    }
    throw error;
  }
}

function newVersionBy(
  ctx: ServiceContext,
  actor: Actor,
  member: MemberRow,
): Pick<NewCarePlanVersion, 'organisationId' | 'memberId' | 'authorId' | 'status' | 'now'> {
  return {
    organisationId: actor.organisationId,
    memberId: member.id,
    authorId: actor.userId,
    status: 'draft',
    now: ctx.clock.now(),
  };
}

/** Inserts the goals in order (position 1, 2, …), keeping the ids sent. */
export async function insertCarePlanGoals(
  db: Kysely<Database>,
  organisationId: string,
  planId: string,
  content: Pick<CarePlanContent, 'shortTermGoals'>,
): Promise<void> {
  if (content.shortTermGoals.length === 0) return;
  await db
    .insertInto('care_plan_goals')
    .values(
      content.shortTermGoals.map((goal, index) => ({
        ...(goal.id === undefined ? {} : { id: goal.id }),
        organisation_id: organisationId,
        care_plan_id: planId,
        position: index + 1,
        text: goal.text,
        target_date: goal.targetDate,
        status: goal.status,
      })),
    )
    .execute();
}
