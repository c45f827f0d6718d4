/**
 * @module web/pages/care-plan-page
 * One version of a member's plan of care. While it is a draft (or returned), its author — or a supervisor
 * or admin — writes it with the member: long-term goals in the member's words, S.M.A.R.T. short-term goals
 * with target dates and statuses, and whether the member took part and agreed; then sends it for approval.
 * A clinician or supervisor who did not write it approves (signs) or returns it with a comment. An approved
 * version is read-only, with the approval signature; changes are a new version ("Start update").
 */
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { JSX } from 'react';
import { useParams } from 'react-router';
import {
  ApproveCarePlanRequestSchema,
  DEFAULT_CARE_PLAN_REVIEW_DAYS,
  MAX_SHORT_TERM_GOALS,
  ReturnCarePlanRequestSchema,
  UpdateCarePlanRequestSchema,
} from '../../../src/shared/index.js';
import type { CarePlan, UpdateCarePlanRequest } from '../../../src/shared/index.js';
import {
  GOAL_STATUSES,
  NEED_AREAS,
  type GoalStatus,
  type NeedArea,
} from '../../../src/shared/documentation.js';
import { api, apiQuery, showChanged } from '../api/index.js';
import {
  ApprovalSignature,
  CarePlanContentView,
  CarePlanStatusBadge,
  carePlanKindLabel,
  goalStatusLabel,
  needAreaLabel,
  planAfter,
  startCarePlanUpdate,
  useOpenCarePlan,
} from '../components/care-plan-parts.js';
import { RecordPage } from '../components/load-state.js';
import { ErrorSummary } from '../components/error-summary.js';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../components/fields.js';
import { PageHeading } from '../components/page-heading.js';
import { StatusMessage } from '../components/status-message.js';
import { problemsUnder } from '../lib/problems.js';
import { useSchemaForm } from '../lib/use-schema-form.js';

export function CarePlanPage(): JSX.Element {
  const { memberId = '', planId = '' } = useParams();
  const record = apiQuery('/api/v1/care-plans/{id}', { path: { id: planId } });
  const plan = useQuery({ ...record, select: (answer) => answer.plan });
  // Every call answers with the version as it now is; the lists of versions and the queue follow it.
  const onChange = (updated: CarePlan): void =>
    showChanged(record, { plan: updated }, '/api/v1/care-plans', '/api/v1/members/{memberId}/care-plans');
  return (
    <RecordPage
      query={plan}
      back={{ to: `/members/${memberId}/care-plans`, label: 'All versions of the plan' }}
      title="Plan of care"
      what="the plan of care"
      notFound={{
        title: 'Plan of care not found',
        text: 'There is no plan of care with this address that you can see.',
      }}
    >
      {(loaded) => <CarePlanVersion plan={loaded} onChange={onChange} />}
    </RecordPage>
  );
}

interface VersionProps {
  plan: CarePlan;
  /** The version as the server returned it after a change. */
  onChange: (plan: CarePlan) => void;
}

function CarePlanVersion({ plan, onChange }: VersionProps): JSX.Element {
  const [done, setDone] = useState<string | null>(null);
  const changed = (updated: CarePlan, message: string): void => {
    onChange(updated);
    setDone(message);
  };
  return (
    <>
      <PageHeading title={`Plan of care v${plan.version} – ${plan.member.displayName}`}>
        Plan of care, version {plan.version} <span className="heading-sub">{plan.member.displayName}</span>
      </PageHeading>
      <p>
        <CarePlanStatusBadge status={plan.status} /> {carePlanKindLabel(plan.kind)}, written by{' '}
        {plan.author.displayName}.
      </p>
      <StatusMessage message={done} />
      {plan.status === 'returned' && plan.returnComment !== null ? (
        <div className="notice notice-error">
          <p>
            <strong>Returned for changes:</strong> {plan.returnComment}
          </p>
        </div>
      ) : null}
      <ApprovalSignature plan={plan} />
      {plan.actions.edit ? (
        <CarePlanEditor key={plan.id} plan={plan} onChange={changed} />
      ) : (
        <CarePlanContentView plan={plan} />
      )}
      {plan.actions.approve || plan.actions.return ? <ApprovalPanel plan={plan} onChange={changed} /> : null}
      {plan.actions.startUpdate ? <StartUpdate plan={plan} /> : null}
    </>
  );
}

/** A goal as the editor holds it: `key` for React, `id` once the server has stored it. */
interface GoalDraft {
  key: string;
  id?: string;
  text: string;
  targetDate: string;
  status: GoalStatus;
}

let goalKeyCounter = 0;
function newGoalKey(): string {
  goalKeyCounter += 1;
  return `new-goal-${goalKeyCounter}`;
}

function goalsOf(plan: CarePlan): GoalDraft[] {
  return plan.shortTermGoals.map((goal) => ({
    key: goal.id,
    id: goal.id,
    text: goal.text,
    targetDate: goal.targetDate ?? '',
    status: goal.status,
  }));
}

const GOAL_STATUS_OPTIONS = GOAL_STATUSES.map((status) => ({
  value: status,
  label: goalStatusLabel(status),
}));

const FIELD_IDS = {
  longTermGoals: 'plan-long-term-goals',
  shortTermGoals: 'plan-add-goal',
  memberParticipated: 'plan-member-participated',
  memberAgreed: 'plan-member-agreed',
  needAreas: `plan-need-${NEED_AREAS[0]}`,
} as const;

function goalFieldId(index: number, field: 'text' | 'targetDate' | 'status'): string {
  return `plan-goal-${index + 1}-${field}`;
}

type Intent = 'save' | 'submit';

function CarePlanEditor({
  plan,
  onChange,
}: {
  plan: CarePlan;
  onChange: (plan: CarePlan, message: string) => void;
}): JSX.Element {
  const [longTermGoals, setLongTermGoals] = useState(plan.longTermGoals);
  const [goals, setGoals] = useState<GoalDraft[]>(() => goalsOf(plan));
  const [participated, setParticipated] = useState(plan.memberParticipated);
  const [agreed, setAgreed] = useState(plan.memberAgreed);
  const [needAreas, setNeedAreas] = useState<NeedArea[]>(plan.needAreas);
  const intent = useRef<Intent>('save');
  const addButton = useRef<HTMLButtonElement>(null);

  const input: UpdateCarePlanRequest = {
    longTermGoals,
    shortTermGoals: goals.map((goal) => ({
      ...(goal.id === undefined ? {} : { id: goal.id }),
      text: goal.text,
      targetDate: goal.targetDate === '' ? null : goal.targetDate,
      status: goal.status,
    })),
    memberParticipated: participated,
    memberAgreed: agreed,
    needAreas,
  };

  const form = useSchemaForm({
    schema: UpdateCarePlanRequestSchema,
    input,
    send: async (body) => {
      const params = { path: { id: plan.id } };
      const saved = await planAfter(api.PUT('/api/v1/care-plans/{id}', { params, body }));
      // Goals added since the last save now have ids: keep them, so the next save keeps the same goals.
      setGoals(goalsOf(saved));
      return intent.current === 'submit'
        ? planAfter(api.POST('/api/v1/care-plans/{id}/submit', { params, body: {} }))
        : saved;
    },
    afterSuccess: 'stay',
    onSuccess: (updated) =>
      onChange(
        updated,
        updated.status === 'submitted'
          ? 'Sent for approval. A supervisor or clinician will approve it or return it to you.'
          : 'Saved the draft.',
      ),
  });

  const fieldIds: Record<string, string> = { ...FIELD_IDS };
  goals.forEach((_, index) => {
    for (const field of ['text', 'targetDate', 'status'] as const) {
      fieldIds[`shortTermGoals.${index}.${field}`] = goalFieldId(index, field);
    }
  });

  const updateGoal = (key: string, change: Partial<GoalDraft>): void =>
    setGoals((current) => current.map((goal) => (goal.key === key ? { ...goal, ...change } : goal)));

  const removeGoal = (key: string): void => {
    setGoals((current) => current.filter((goal) => goal.key !== key));
    // The removed goal's button is gone; keep the keyboard user in the goals.
    addButton.current?.focus();
  };

  const addGoal = (): void => {
    const index = goals.length;
    setGoals((current) => [
      ...current,
      { key: newGoalKey(), text: '', targetDate: '', status: 'not_started' },
    ]);
    // Focus the new goal's text once it is on the page.
    window.setTimeout(() => document.getElementById(goalFieldId(index, 'text'))?.focus(), 0);
  };

  return (
    <form onSubmit={form.submit} noValidate className="form form-wide" aria-label="Plan of care">
      <ErrorSummary problems={form.problems} fieldIds={fieldIds} focusKey={form.focusKey} />
      <TextAreaField
        id={FIELD_IDS.longTermGoals}
        name="longTermGoals"
        label="Long-term goals, in the member’s own words"
        hint="Write what the member wants for their recovery, the way they say it."
        rows={4}
        value={longTermGoals}
        onValueChange={setLongTermGoals}
        problems={problemsUnder(form.problems, 'longTermGoals')}
      />
      <fieldset className="fieldset field">
        <legend className="field-label">Short-term goals</legend>
        <p className="field-hint">
          Each goal is specific, measurable, achievable, relevant to the long-term goals, and has a target
          date.
        </p>
        {problemsUnder(form.problems, 'shortTermGoals')
          .filter((problem) => problem.path.length <= 2)
          .map((problem) => (
            <p key={problem.code} className="field-error">
              {problem.message}
            </p>
          ))}
        <ol className="goal-list">
          {goals.map((goal, index) => (
            <li key={goal.key} className="goal-item">
              <h3 className="goal-heading">Short-term goal {index + 1}</h3>
              <TextAreaField
                id={goalFieldId(index, 'text')}
                label={`Goal ${index + 1}`}
                rows={2}
                value={goal.text}
                onValueChange={(text) => updateGoal(goal.key, { text })}
                problems={problemsUnder(form.problems, `shortTermGoals.${index}.text`)}
              />
              <div className="goal-fields">
                <TextField
                  id={goalFieldId(index, 'targetDate')}
                  label={`Target date of goal ${index + 1}`}
                  type="date"
                  value={goal.targetDate}
                  onValueChange={(targetDate) => updateGoal(goal.key, { targetDate })}
                  problems={problemsUnder(form.problems, `shortTermGoals.${index}.targetDate`)}
                />
                <SelectField
                  id={goalFieldId(index, 'status')}
                  label={`Status of goal ${index + 1}`}
                  options={GOAL_STATUS_OPTIONS}
                  value={goal.status}
                  onValueChange={(status) => updateGoal(goal.key, { status: status as GoalStatus })}
                  problems={problemsUnder(form.problems, `shortTermGoals.${index}.status`)}
                />
              </div>
              <button type="button" className="button button-secondary" onClick={() => removeGoal(goal.key)}>
                Remove goal {index + 1}
              </button>
            </li>
          ))}
        </ol>
        <button
          ref={addButton}
          id={FIELD_IDS.shortTermGoals}
          type="button"
          className="button button-secondary"
          onClick={addGoal}
          disabled={goals.length >= MAX_SHORT_TERM_GOALS}
        >
          Add a short-term goal
        </button>
      </fieldset>
      <fieldset className="fieldset field">
        <legend className="field-label">Areas of need the plan addresses</legend>
        <p className="field-hint">
          North Carolina (WellCare §I.D) pays only when the plan documents at least one of these needs.
        </p>
        {NEED_AREAS.map((area) => (
          <CheckboxField
            key={area}
            id={`plan-need-${area}`}
            label={needAreaLabel(area)}
            checked={needAreas.includes(area)}
            onCheckedChange={(checked) =>
              setNeedAreas((current) =>
                checked
                  ? NEED_AREAS.filter((each) => each === area || current.includes(each))
                  : current.filter((each) => each !== area),
              )
            }
            problems={area === NEED_AREAS[0] ? problemsUnder(form.problems, 'needAreas') : []}
          />
        ))}
      </fieldset>
      <CheckboxField
        id={FIELD_IDS.memberParticipated}
        label="The member took part in writing this plan"
        checked={participated}
        onCheckedChange={setParticipated}
        problems={problemsUnder(form.problems, 'memberParticipated')}
      />
      <CheckboxField
        id={FIELD_IDS.memberAgreed}
        label="The member agrees with this plan"
        checked={agreed}
        onCheckedChange={setAgreed}
        problems={problemsUnder(form.problems, 'memberAgreed')}
      />
      <div className="button-row">
        <button
          type="submit"
          className="button button-secondary"
          disabled={form.submitting}
          onClick={() => (intent.current = 'save')}
        >
          Save draft
        </button>
        <button
          type="submit"
          className="button"
          disabled={form.submitting}
          onClick={() => (intent.current = 'submit')}
        >
          Submit for approval
        </button>
      </div>
    </form>
  );
}

const APPROVE_FIELD_IDS = { effectiveFrom: 'approve-effective-from', reviewOn: 'approve-review-on' } as const;

function ApprovalPanel({
  plan,
  onChange,
}: {
  plan: CarePlan;
  onChange: (plan: CarePlan, message: string) => void;
}): JSX.Element {
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [reviewOn, setReviewOn] = useState('');
  const [comment, setComment] = useState('');
  const approve = useSchemaForm({
    schema: ApproveCarePlanRequestSchema,
    input: {
      ...(effectiveFrom === '' ? {} : { effectiveFrom }),
      ...(reviewOn === '' ? {} : { reviewOn }),
    },
    send: (body) =>
      planAfter(api.POST('/api/v1/care-plans/{id}/approve', { params: { path: { id: plan.id } }, body })),
    afterSuccess: 'stay',
    onSuccess: (updated) => onChange(updated, `Approved version ${updated.version} of the plan of care.`),
  });
  const sendBack = useSchemaForm({
    schema: ReturnCarePlanRequestSchema,
    input: { comment },
    send: (body) =>
      planAfter(api.POST('/api/v1/care-plans/{id}/return', { params: { path: { id: plan.id } }, body })),
    afterSuccess: 'stay',
    onSuccess: (updated) =>
      onChange(updated, `Returned version ${updated.version} to ${updated.author.displayName}.`),
  });

  return (
    <section aria-labelledby="approval-heading" className="panel">
      <h2 id="approval-heading">Approve or return</h2>
      {plan.returnComment === null ? null : (
        <p>
          <strong>Earlier comment:</strong> {plan.returnComment}
        </p>
      )}
      {plan.actions.approve ? (
        <form onSubmit={approve.submit} noValidate className="form" aria-labelledby="approve-heading">
          <h3 id="approve-heading">Approve and sign</h3>
          <p>
            Your approval is your signature, with the date and time. Leave the dates empty to start the plan
            today and review it in {DEFAULT_CARE_PLAN_REVIEW_DAYS} days.
          </p>
          <ErrorSummary
            problems={approve.problems}
            fieldIds={APPROVE_FIELD_IDS}
            focusKey={approve.focusKey}
          />
          <TextField
            id={APPROVE_FIELD_IDS.effectiveFrom}
            label="Effective from (optional)"
            type="date"
            value={effectiveFrom}
            onValueChange={setEffectiveFrom}
            problems={problemsUnder(approve.problems, 'effectiveFrom')}
          />
          <TextField
            id={APPROVE_FIELD_IDS.reviewOn}
            label="Review by (optional)"
            type="date"
            value={reviewOn}
            onValueChange={setReviewOn}
            problems={problemsUnder(approve.problems, 'reviewOn')}
          />
          <button type="submit" className="button" disabled={approve.submitting}>
            {approve.submitting ? 'Approving…' : 'Approve and sign'}
          </button>
        </form>
      ) : (
        <p>You wrote this plan, so another supervisor or a clinician approves it. You can still return it.</p>
      )}
      {plan.actions.return ? (
        <form onSubmit={sendBack.submit} noValidate className="form" aria-labelledby="return-heading">
          <h3 id="return-heading">Return with a comment</h3>
          <ErrorSummary
            problems={sendBack.problems}
            fieldIds={{ comment: 'return-comment' }}
            focusKey={sendBack.focusKey}
          />
          <TextAreaField
            id="return-comment"
            label="What should the author change?"
            rows={3}
            value={comment}
            onValueChange={setComment}
            problems={problemsUnder(sendBack.problems, 'comment')}
          />
          <button type="submit" className="button button-secondary" disabled={sendBack.submitting}>
            {sendBack.submitting ? 'Returning…' : 'Return to the author'}
          </button>
        </form>
      ) : null}
    </section>
  );
}

function StartUpdate({ plan }: { plan: CarePlan }): JSX.Element {
  const { action, open } = useOpenCarePlan();
  return (
    <section aria-labelledby="update-heading" className="panel">
      <h2 id="update-heading">Update the plan</h2>
      <p>
        An approved version never changes. Start an update to write version {plan.version + 1} with the
        member, beginning from this version’s goals; this version stays in effect until the update is
        approved.
      </p>
      <ErrorSummary problems={action.problems} focusKey={action.focusKey} />
      <button
        type="button"
        className="button"
        disabled={action.submitting}
        onClick={() => open(() => startCarePlanUpdate(plan.id))}
      >
        Start update
      </button>
    </section>
  );
}
