/**
 * @module web/pages/care-plans-page
 * A member's plan of care: the version in effect today, every version with its status, and the way on —
 * write the first plan, continue the version being written, or start an update of the approved one.
 */
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import type { JSX } from 'react';
import { Link, useParams } from 'react-router';
import type { CarePlan, MemberCarePlansResponse } from '../../../src/shared/index.js';
import { api, apiQuery } from '../api/index.js';
import {
  ApprovalSignature,
  CarePlanStatusBadge,
  carePlanKindLabel,
  carePlanPath,
  carePlanStatusLabel,
  effectivePeriod,
  planAfter,
  startCarePlanUpdate,
  useOpenCarePlan,
} from '../components/care-plan-parts.js';
import { RecordPage } from '../components/load-state.js';
import { ErrorSummary } from '../components/error-summary.js';
import { PageHeading } from '../components/page-heading.js';
import { formatDate } from '../lib/format.js';

export function CarePlansPage(): JSX.Element {
  const { memberId = '' } = useParams();
  const plans = useQuery(apiQuery('/api/v1/members/{memberId}/care-plans', { path: { memberId } }));
  return (
    <RecordPage
      query={plans}
      title="Plan of care"
      what="the plan of care"
      back={{ to: `/members/${memberId}`, label: 'Back to the member' }}
      notFound={{
        title: 'Member not found',
        text: 'There is no member with this address on your caseload or in your organisation.',
      }}
    >
      {(data) => <CarePlans data={data} />}
    </RecordPage>
  );
}

function CarePlans({ data }: { data: MemberCarePlansResponse }): JSX.Element {
  const { action, open: openPlan } = useOpenCarePlan();
  const { member, plans, currentPlanId, canCreate } = data;
  const current = plans.find((plan) => plan.id === currentPlanId);
  const open = plans.find((plan) => plan.status !== 'approved');
  const latestApproved = plans.find((plan) => plan.status === 'approved');
  const updatable = plans.find((plan) => plan.actions.startUpdate);

  return (
    <>
      <div className="page-title-row">
        <PageHeading title={`Plan of care – ${member.displayName}`}>
          Plan of care <span className="heading-sub">{member.displayName}</span>
        </PageHeading>
        {canCreate ? (
          <button
            type="button"
            className="button"
            disabled={action.submitting}
            onClick={() =>
              openPlan(() =>
                planAfter(
                  api.POST('/api/v1/members/{memberId}/care-plans', {
                    params: { path: { memberId: member.id } },
                    body: {},
                  }),
                ),
              )
            }
          >
            Write a plan of care
          </button>
        ) : null}
      </div>
      <ErrorSummary problems={action.problems} focusKey={action.focusKey} />

      <section aria-labelledby="current-plan-heading" className="panel">
        <h2 id="current-plan-heading">Current plan</h2>
        {current === undefined ? (
          <p>
            {latestApproved === undefined
              ? 'No plan of care has been approved for this member yet.'
              : `No approved version is in effect today (version ${latestApproved.version}: ${effectivePeriod(latestApproved)}).`}{' '}
            Payers that bill only under an approved plan, such as Medi-Cal, hold this member’s notes until one
            is.
          </p>
        ) : (
          <>
            <p>
              <Link to={carePlanPath(current)}>Version {current.version}</Link> (
              {carePlanKindLabel(current.kind)}
              ), {current.shortTermGoals.length} short-term{' '}
              {current.shortTermGoals.length === 1 ? 'goal' : 'goals'}.
            </p>
            <ApprovalSignature plan={current} />
          </>
        )}
        {open === undefined ? null : (
          <p className="notice notice-info">
            Version {open.version} is {carePlanStatusLabel(open.status).toLowerCase()}:{' '}
            <Link to={carePlanPath(open)}>{open.actions.edit ? 'continue writing it' : 'open it'}</Link>.
          </p>
        )}
        {updatable === undefined ? null : (
          <button
            type="button"
            className="button"
            disabled={action.submitting}
            onClick={() => openPlan(() => startCarePlanUpdate(updatable.id))}
          >
            Start update
          </button>
        )}
      </section>

      <VersionsTable plans={plans} currentPlanId={currentPlanId} />
    </>
  );
}

function VersionsTable({
  plans,
  currentPlanId,
}: {
  plans: CarePlan[];
  currentPlanId: string | null;
}): JSX.Element {
  const captionId = useId();
  if (plans.length === 0) {
    return <p>There are no versions yet.</p>;
  }
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="table">
        <caption id={captionId}>Every version ({plans.length})</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Status</th>
            <th scope="col">Kind</th>
            <th scope="col">In effect</th>
            <th scope="col">Review by</th>
            <th scope="col">Approved by</th>
          </tr>
        </thead>
        <tbody>
          {plans.map((plan) => (
            <tr key={plan.id}>
              <th scope="row">
                <Link to={carePlanPath(plan)}>Version {plan.version}</Link>
                {plan.id === currentPlanId ? ' (current)' : null}
              </th>
              <td>
                <CarePlanStatusBadge status={plan.status} />
              </td>
              <td>{carePlanKindLabel(plan.kind)}</td>
              <td className="nowrap">{plan.status === 'approved' ? effectivePeriod(plan) : '—'}</td>
              <td className="nowrap">{plan.reviewOn === null ? '—' : formatDate(plan.reviewOn)}</td>
              <td>{plan.approval?.approver.displayName ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
