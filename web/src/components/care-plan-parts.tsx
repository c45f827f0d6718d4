/**
 * @module web/components/care-plan-parts
 * Pieces the plan-of-care pages share: the words for statuses, the status badge, the approval signature
 * line, the read-only view of a version's goals, and opening a version just written or started.
 */
import type { JSX } from 'react';
import { useNavigate } from 'react-router';
import { approverRoleLabel } from '../../../src/shared/index.js';
import type { CarePlan } from '../../../src/shared/index.js';
import type { CarePlanStatus, GoalStatus, NeedArea } from '../../../src/shared/documentation.js';
import { api, invalidate, ok } from '../api/index.js';
import { formatDate, formatDateTime } from '../lib/format.js';
import { useSubmission, type Submission } from '../lib/use-schema-form.js';

/** The plan of care as the server answers every call about one version. */
export async function planAfter(
  pending: Promise<{ data?: { plan: CarePlan }; response: Response }>,
): Promise<CarePlan> {
  return (await ok(pending)).plan;
}

/** Starts a new draft version copied from `planId`, the latest approved version. */
export function startCarePlanUpdate(planId: string): Promise<CarePlan> {
  return planAfter(
    api.POST('/api/v1/care-plans/{id}/update', { params: { path: { id: planId } }, body: {} }),
  );
}

/** The address of a version's page. */
export function carePlanPath(plan: Pick<CarePlan, 'id' | 'member'>): string {
  return `/members/${plan.member.id}/care-plans/${plan.id}`;
}

/**
 * Starts a call that creates a version (the first plan, or an update) and goes to its page once the server
 * has it; its problems show in an `ErrorSummary` fed from `action`.
 */
export function useOpenCarePlan(): { action: Submission; open: (start: () => Promise<CarePlan>) => void } {
  const navigate = useNavigate();
  const action = useSubmission();
  const open = (start: () => Promise<CarePlan>): void =>
    action.send(
      async () => {
        const plan = await start();
        // A new version changes the member's list of versions and perhaps the approvers' queue.
        await invalidate('/api/v1/care-plans', `/api/v1/members/{memberId}/care-plans`);
        return plan;
      },
      { afterSuccess: 'leave', onSuccess: (plan) => void navigate(carePlanPath(plan)) },
    );
  return { action, open };
}

export function carePlanStatusLabel(status: CarePlanStatus): string {
  switch (status) {
    case 'draft':
      return 'Draft';
    case 'submitted':
      return 'Waiting for approval';
    case 'approved':
      return 'Approved';
    case 'returned':
      return 'Returned for changes';
  }
}

/** A §I.D area of need (WellCare of North Carolina) in the policy's words, shortened. */
export function needAreaLabel(area: NeedArea): string {
  switch (area) {
    case 'symptom_management':
      return 'Skills to manage symptoms and use community resources';
    case 'self_advocacy':
      return 'Self-advocacy skills, to depend less on the mental health system';
    case 'work_preparation':
      return 'Preparing for a successful work experience';
    case 'recovery_responsibility':
      return 'Peer modeling to take more responsibility for their own recovery';
    case 'daily_living_skills':
      return 'Developing or maintaining daily living skills';
  }
}

export function goalStatusLabel(status: GoalStatus): string {
  switch (status) {
    case 'not_started':
      return 'Not started';
    case 'in_progress':
      return 'In progress';
    case 'met':
      return 'Met';
    case 'revised':
      return 'Revised';
    case 'discontinued':
      return 'Discontinued';
  }
}

export function carePlanKindLabel(kind: CarePlan['kind']): string {
  switch (kind) {
    case 'new':
      return 'New plan';
    case 'updated':
      return 'Update';
  }
}

function badgeClass(status: CarePlanStatus): string {
  switch (status) {
    case 'draft':
      return 'badge badge-inactive';
    case 'submitted':
      return 'badge badge-locked';
    case 'approved':
      return 'badge badge-success';
    case 'returned':
      return 'badge badge-failure';
  }
}

export function CarePlanStatusBadge({ status }: { status: CarePlanStatus }): JSX.Element {
  return <span className={badgeClass(status)}>{carePlanStatusLabel(status)}</span>;
}

/** "1 Dec 2026 – 31 Dec 2026", "from 1 Dec 2026", or "Not yet in effect". */
export function effectivePeriod(plan: Pick<CarePlan, 'effectiveFrom' | 'effectiveTo'>): string {
  if (plan.effectiveFrom === null) return 'Not yet in effect';
  if (plan.effectiveTo === null) return `From ${formatDate(plan.effectiveFrom)}`;
  return `${formatDate(plan.effectiveFrom)} – ${formatDate(plan.effectiveTo)}`;
}

/** The approver's signature: who, in what capacity, when; and the dates it set. */
export function ApprovalSignature({ plan }: { plan: CarePlan }): JSX.Element | null {
  const { approval } = plan;
  if (approval === null) return null;
  return (
    <div className="signature" aria-label="Approval signature">
      <p>
        <strong>
          Approved and signed by {approval.approver.displayName},{' '}
          {approverRoleLabel(approval.approverRole).toLowerCase()}
        </strong>
        , on <time dateTime={approval.approvedAt}>{formatDateTime(approval.approvedAt)}</time>.
      </p>
      <p>
        In effect: {effectivePeriod(plan)}
        {plan.reviewOn === null ? '' : `. Review by ${formatDate(plan.reviewOn)}`}.
      </p>
    </div>
  );
}

/** A version's content, read-only. */
export function CarePlanContentView({ plan }: { plan: CarePlan }): JSX.Element {
  return (
    <>
      <section aria-labelledby="long-term-heading">
        <h2 id="long-term-heading">Long-term goals, in the member’s words</h2>
        {plan.longTermGoals.trim() === '' ? (
          <p>None written yet.</p>
        ) : (
          <blockquote className="member-words">{plan.longTermGoals}</blockquote>
        )}
      </section>
      <section aria-labelledby="short-term-heading">
        <h2 id="short-term-heading">Short-term goals</h2>
        {plan.shortTermGoals.length === 0 ? (
          <p>None yet.</p>
        ) : (
          <ol className="goal-list">
            {plan.shortTermGoals.map((goal) => (
              <li key={goal.id} className="goal-item">
                <p className="goal-text">{goal.text}</p>
                <p className="goal-meta">
                  Target date: {goal.targetDate === null ? 'none' : formatDate(goal.targetDate)} · Status:{' '}
                  {goalStatusLabel(goal.status)}
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>
      <dl className="facts facts-wide">
        <div>
          <dt>The member took part in writing the plan</dt>
          <dd>{plan.memberParticipated ? 'Yes' : 'Not recorded'}</dd>
        </div>
        <div>
          <dt>The member agrees with the plan</dt>
          <dd>{plan.memberAgreed ? 'Yes' : 'Not recorded'}</dd>
        </div>
        <div>
          <dt>Areas of need it addresses</dt>
          <dd>
            {plan.needAreas.length === 0 ? 'None recorded' : plan.needAreas.map(needAreaLabel).join('; ')}
          </dd>
        </div>
        <div>
          <dt>Written by</dt>
          <dd>{plan.author.displayName}</dd>
        </div>
      </dl>
    </>
  );
}
