/**
 * @module services/care-plans/plan-view
 * Reading plans of care from the store and turning them into the API shape. A version's effective end and
 * what the signed-in user may do with it depend on the member's other versions, so plans are always read a
 * member at a time, with all of that member's versions.
 */
import type { Kysely } from 'kysely';
import { addDays } from '../../engine/index.js';
import type { CarePlan, CarePlanActions, CarePlanApproverRole } from '../../shared/api/care-plans.js';
import { NEED_AREAS, type CarePlanStatus, type NeedArea } from '../../shared/documentation.js';
import { hasAnyRole, type Role } from '../../shared/roles.js';
import type { CarePlanGoalRow, CarePlanRow, Database, MemberRow } from '../../store/index.js';
import {
  canChangeClinicalRecords,
  isUuid,
  memberForActor,
  type MemberAccessPurpose,
} from '../access/index.js';
import type { Actor } from '../context.js';
import { notFound, ServiceError } from '../errors.js';
import { calendarDateIn } from '../time/index.js';

/** Versions still being written or waiting for approval; a member has at most one at a time. */
export const OPEN_STATUSES: readonly CarePlanStatus[] = ['draft', 'submitted', 'returned'];

/** Versions the author (or a supervisor or admin) may still change. */
export const EDITABLE_STATUSES: readonly CarePlanStatus[] = ['draft', 'returned'];

/** Roles that may change a plan someone else wrote. */
const EDITORS_OF_OTHERS: readonly Role[] = ['supervisor', 'admin'];

/**
 * The capacity in which the actor signs an approval, or null when their roles give none: clinicians sign as
 * behavioral health professionals (which every pack accepts), peer support supervisors as such.
 */
export function approverRoleOf(
  actor: Actor,
  requested?: Exclude<CarePlanApproverRole, 'other'>,
): Exclude<CarePlanApproverRole, 'other'> | null {
  const capacities: Exclude<CarePlanApproverRole, 'other'>[] = [];
  if (actor.roles.includes('clinician')) capacities.push('behavioral_health_professional');
  if (actor.roles.includes('supervisor')) capacities.push('peer_support_supervisor');
  if (requested !== undefined) return capacities.includes(requested) ? requested : null;
  return capacities[0] ?? null;
}

/** True when the actor may change this version's content (its author, or a supervisor or admin). */
export function mayEditAsPerson(actor: Actor, plan: Pick<CarePlanRow, 'author_id'>): boolean {
  return actor.userId === plan.author_id || hasAnyRole(actor.roles, EDITORS_OF_OTHERS);
}

/** A member with the time zone of their program, which decides what "today" and "approved on" mean. */
export interface MemberInReach {
  member: MemberRow;
  timeZone: string;
}

/** The member if the actor may see (or change) them, with their program's time zone. */
export async function memberInReach(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  purpose: MemberAccessPurpose,
): Promise<MemberInReach> {
  const member = await memberForActor(db, actor, memberId, purpose);
  return { member, timeZone: await timeZoneOfProgram(db, member) };
}

async function timeZoneOfProgram(
  db: Kysely<Database>,
  member: Pick<MemberRow, 'program_id' | 'organisation_id'>,
): Promise<string> {
  const program = await db
    .selectFrom('programs')
    .select('time_zone')
    .where('id', '=', member.program_id)
    .where('organisation_id', '=', member.organisation_id)
    .executeTakeFirstOrThrow();
  return program.time_zone;
}

/**
 * One plan version and its member, if the actor may see the member (for `write`, change their records).
 * A plan of a member out of reach answers "no such care plan", like one of another organisation.
 */
export async function planForActor(
  db: Kysely<Database>,
  actor: Actor,
  planId: string,
  purpose: MemberAccessPurpose,
  options: { forUpdate?: boolean } = {},
): Promise<MemberInReach & { plan: CarePlanRow }> {
  const plan = await selectPlan(db, actor.organisationId, planId, options.forUpdate === true);
  if (plan === undefined) throw notFound('care_plan');
  try {
    return { plan, ...(await memberInReach(db, actor, plan.member_id, purpose)) };
  } catch (error) {
    if (error instanceof ServiceError && error.kind === 'not_found') throw notFound('care_plan');
    throw error;
  }
}

async function selectPlan(
  db: Kysely<Database>,
  organisationId: string,
  planId: string,
  forUpdate: boolean,
): Promise<CarePlanRow | undefined> {
  // Ids that are not UUIDs cannot exist; the route's schema refuses them, but services are called directly too.
  if (!isUuid(planId)) return undefined;
  let query = db
    .selectFrom('care_plans')
    .selectAll()
    .where('id', '=', planId)
    .where('organisation_id', '=', organisationId);
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** Every version of the member's plan, newest first. */
export function versionsOf(db: Kysely<Database>, member: MemberRow): Promise<CarePlanRow[]> {
  return db
    .selectFrom('care_plans')
    .selectAll()
    .where('organisation_id', '=', member.organisation_id)
    .where('member_id', '=', member.id)
    .orderBy('version', 'desc')
    .execute();
}

/**
 * Approved versions in the order they take effect (effective date, then version). Approval refuses an
 * effective date before an earlier approved version's, so this is also version order.
 */
export function approvedInEffectOrder<T extends CarePlanRow>(versions: readonly T[]): T[] {
  return versions
    .filter((plan) => plan.status === 'approved' && plan.effective_from !== null)
    .sort((a, b) => (a.effective_from ?? '').localeCompare(b.effective_from ?? '') || a.version - b.version);
}

/** The day before the next approved version takes effect, or null for the latest. */
export function effectiveToOf(plan: CarePlanRow, inEffectOrder: readonly CarePlanRow[]): string | null {
  const index = inEffectOrder.findIndex((each) => each.id === plan.id);
  const next = index < 0 ? undefined : inEffectOrder[index + 1];
  return next === undefined || next.effective_from === null ? null : addDays(next.effective_from, -1);
}

/** The approved version in effect on `date`, if any. */
export function inEffectOn<T extends CarePlanRow>(inEffectOrder: readonly T[], date: string): T | undefined {
  return inEffectOrder.filter((plan) => (plan.effective_from ?? '') <= date).at(-1);
}

/** What the actor may do with `plan`, given all of the member's versions. */
export function actionsFor(
  actor: Actor,
  plan: CarePlanRow,
  versions: readonly CarePlanRow[],
): CarePlanActions {
  const writer = canChangeClinicalRecords(actor);
  const edit = writer && EDITABLE_STATUSES.includes(plan.status) && mayEditAsPerson(actor, plan);
  const approver = approverRoleOf(actor) !== null;
  const submitted = plan.status === 'submitted';
  const latestApproved = approvedInEffectOrder(versions).at(-1);
  return {
    edit,
    submit: edit,
    approve: submitted && approver && actor.userId !== plan.author_id,
    return: submitted && approver,
    startUpdate:
      writer &&
      latestApproved?.id === plan.id &&
      !versions.some((each) => OPEN_STATUSES.includes(each.status)),
  };
}

/** A member's name as colleagues use it. */
export function memberDisplayName(
  member: Pick<MemberRow, 'first_name' | 'last_name' | 'preferred_name'>,
): string {
  return `${member.preferred_name ?? member.first_name} ${member.last_name}`;
}

/**
 * The API shape of `plans` (all of one member's, or a subset of them), reading their goals and the names of
 * the people involved.
 *
 * @param versions - every version of the member's plan (decides effective ends and actions)
 * @param plans - the versions to describe, in the order wanted
 */
export async function describePlans(
  db: Kysely<Database>,
  actor: Actor,
  reach: MemberInReach,
  versions: readonly CarePlanRow[],
  plans: readonly CarePlanRow[],
): Promise<CarePlan[]> {
  if (plans.length === 0) return [];
  const planIds = plans.map((plan) => plan.id);
  const goals = await db
    .selectFrom('care_plan_goals')
    .selectAll()
    .where('organisation_id', '=', actor.organisationId)
    .where('care_plan_id', 'in', planIds)
    .orderBy('care_plan_id')
    .orderBy('position')
    .execute();
  const names = await namesOf(
    db,
    actor.organisationId,
    plans.flatMap((plan) => [plan.author_id, plan.approved_by ?? plan.author_id]),
  );
  const inEffectOrder = approvedInEffectOrder(versions);
  const person = (id: string): { id: string; displayName: string } => ({
    id,
    displayName: names.get(id) ?? 'Unknown user',
  });
  const member = { id: reach.member.id, displayName: memberDisplayName(reach.member) };
  return plans.map((plan) => ({
    id: plan.id,
    member,
    version: plan.version,
    kind: plan.kind,
    status: plan.status,
    longTermGoals: plan.long_term_goals,
    shortTermGoals: goals.filter((goal) => goal.care_plan_id === plan.id).map(toGoal),
    memberParticipated: plan.member_participated,
    memberAgreed: plan.member_agreed,
    needAreas: inPolicyOrder(plan.need_areas),
    author: person(plan.author_id),
    effectiveFrom: plan.effective_from,
    effectiveTo: plan.status === 'approved' ? effectiveToOf(plan, inEffectOrder) : null,
    reviewOn: plan.review_on,
    approval:
      plan.approved_by === null || plan.approver_role === null || plan.approved_at === null
        ? null
        : {
            approver: person(plan.approved_by),
            approverRole: plan.approver_role,
            approvedAt: plan.approved_at.toISOString(),
            approvedOn: calendarDateIn(plan.approved_at, reach.timeZone),
          },
    returnComment: plan.return_comment,
    createdAt: plan.created_at.toISOString(),
    updatedAt: plan.updated_at.toISOString(),
    actions: actionsFor(actor, plan, versions),
  }));
}

function toGoal(goal: CarePlanGoalRow): CarePlan['shortTermGoals'][number] {
  return { id: goal.id, text: goal.text, targetDate: goal.target_date, status: goal.status };
}

async function namesOf(
  db: Kysely<Database>,
  organisationId: string,
  userIds: readonly string[],
): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', [...new Set(userIds)])
    .execute();
  return new Map(rows.map((row) => [row.id, row.display_name]));
}

/** The API shape of one version, read afresh with the member's other versions (after a change). */
export async function describeVersion(
  db: Kysely<Database>,
  actor: Actor,
  reach: MemberInReach,
  planId: string,
): Promise<CarePlan> {
  const versions = await versionsOf(db, reach.member);
  const plan = versions.find((each) => each.id === planId);
  const [described] = plan === undefined ? [] : await describePlans(db, actor, reach, versions, [plan]);
  if (described === undefined) throw notFound('care_plan');
  return described;
}

/** Need areas in the order the policy lists them (§I.D 1–5), however they were ticked. */
export function inPolicyOrder(areas: readonly NeedArea[]): NeedArea[] {
  return NEED_AREAS.filter((area) => areas.includes(area));
}
