/**
 * @module services/demo-data/demo-care-plans
 * Synthetic plans of care for the demo organisation: an approved plan (written by a peer, approved by a peer
 * support supervisor a month ago) for every demo member but the last, who has a draft still being written, so
 * the demo shows both a member who can be billed for and one whose notes the Medi-Cal rules hold back. Goals
 * are generic recovery goals, never about a real person.
 */
import type { Kysely } from 'kysely';
import { addDays } from '../../engine/index.js';
import { DEFAULT_CARE_PLAN_REVIEW_DAYS, type CarePlanApproverRole } from '../../shared/api/care-plans.js';
import type { Database } from '../../store/index.js';
import { insertCarePlanVersion } from '../care-plans/index.js';
import { recordAudit } from '../audit/index.js';
import { systemClock } from '../context.js';

/** How long before "now" the demo plans were approved. */
const APPROVED_DAYS_AGO = 30;

const LONG_TERM_GOALS: readonly string[] = [
  'I want a steady place to live and to get back to work I enjoy.',
  'I want to stay sober and be there for my family.',
  'I want to feel less alone and have people I can call on a bad day.',
  'I want to finish my GED and find a job with regular hours.',
];

const SHORT_TERM_GOALS: readonly string[][] = [
  ['Tour two housing programs with my peer', 'Update my résumé and apply for three jobs'],
  ['Go to two recovery meetings each week', 'Write down three people I can call when I have cravings'],
  ['Join the Thursday peer group', 'Call one friend or family member each week'],
  ['Sign up for a GED class', 'Practise for the reading test twice a week'],
];

export interface DemoCarePlanOptions {
  /** "Now" for the demo (plans were approved 30 days before it); the current time when omitted. */
  now?: Date;
  /** The approver's capacity; a supervisor signs as peer support supervisor. */
  approverRole?: Exclude<CarePlanApproverRole, 'other'>;
}

/**
 * Inserts the demo plans of care, in the caller's transaction.
 *
 * @param trx - the demo-data transaction
 * @param organisationId - the demo organisation
 * @param memberIds - the demo members; each but the last gets an approved plan, the last a draft
 * @param authorId - the peer who wrote the plans
 * @param approverId - the supervisor (or clinician) who approved them; must not be the author
 * @returns the ids of the plans written, in member order
 */
export async function createDemoCarePlans(
  trx: Kysely<Database>,
  organisationId: string,
  memberIds: readonly string[],
  authorId: string,
  approverId: string,
  options: DemoCarePlanOptions = {},
): Promise<string[]> {
  const now = options.now ?? systemClock.now();
  const approvedAt = new Date(now.getTime() - APPROVED_DAYS_AGO * 24 * 60 * 60 * 1000);
  const effectiveFrom = approvedAt.toISOString().slice(0, 10);
  const ids: string[] = [];
  for (const [index, memberId] of memberIds.entries()) {
    const approved = index < memberIds.length - 1;
    const goals = SHORT_TERM_GOALS[index % SHORT_TERM_GOALS.length] ?? [];
    const plan = await insertCarePlanVersion(trx, {
      organisationId,
      memberId,
      authorId,
      version: 1,
      kind: 'new',
      // Goals can be added only while a plan is not approved, so it is approved after they are in.
      status: approved ? 'submitted' : 'draft',
      content: {
        longTermGoals: LONG_TERM_GOALS[index % LONG_TERM_GOALS.length] ?? '',
        shortTermGoals: goals.map((text, position) => ({
          text,
          targetDate: approved ? addDays(effectiveFrom, 60 + position * 30) : null,
          status: position === 0 && approved ? 'in_progress' : 'not_started',
        })),
        memberParticipated: approved,
        memberAgreed: approved,
        // North Carolina §I.D: the needs the plan addresses (each demo goal is a daily-living or work skill).
        needAreas: ['symptom_management', 'daily_living_skills'],
      },
      now: approvedAt,
    });
    if (approved) {
      await trx
        .updateTable('care_plans')
        .set({
          status: 'approved',
          approved_by: approverId,
          approver_role: options.approverRole ?? 'peer_support_supervisor',
          approved_at: approvedAt,
          effective_from: effectiveFrom,
          review_on: addDays(effectiveFrom, DEFAULT_CARE_PLAN_REVIEW_DAYS),
        })
        .where('id', '=', plan.id)
        .execute();
    }
    await recordAudit(
      trx,
      { now: () => now },
      {
        organisationId,
        userId: null,
        userEmail: null,
        action: approved ? 'care_plan.approve' : 'care_plan.create',
        recordType: 'care_plan',
        recordId: plan.id,
        ip: null,
        outcome: 'success',
        details: { via: 'demo-data', memberId, version: 1 },
      },
    );
    ids.push(plan.id);
  }
  return ids;
}
