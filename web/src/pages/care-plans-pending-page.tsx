/**
 * @module web/pages/care-plans-pending-page
 * Supervisors and clinicians: the plans of care waiting for approval among the members they can see, the
 * longest-waiting first, each linking to the version to approve or return.
 */
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import type { JSX } from 'react';
import { Link } from 'react-router';
import type { CarePlan } from '../../../src/shared/index.js';
import { apiQuery } from '../api/index.js';
import { carePlanKindLabel, carePlanPath } from '../components/care-plan-parts.js';
import { QueryView } from '../components/load-state.js';
import { PageHeading } from '../components/page-heading.js';
import { formatDateTime } from '../lib/format.js';

export function CarePlansPendingPage(): JSX.Element {
  const pending = useQuery({
    ...apiQuery('/api/v1/care-plans', { query: { status: 'submitted' } }),
    select: (answer) => answer.plans,
  });
  return (
    <>
      <PageHeading title="Plans to approve">Plans of care to approve</PageHeading>
      <QueryView query={pending} what="the plans waiting for approval">
        {(plans) => <PendingTable plans={plans} />}
      </QueryView>
    </>
  );
}

function PendingTable({ plans }: { plans: CarePlan[] }): JSX.Element {
  const captionId = useId();
  if (plans.length === 0) {
    return <p>No plans of care are waiting for approval.</p>;
  }
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="table">
        <caption id={captionId}>Waiting for approval ({plans.length})</caption>
        <thead>
          <tr>
            <th scope="col">Member</th>
            <th scope="col">Version</th>
            <th scope="col">Written by</th>
            <th scope="col">Sent</th>
          </tr>
        </thead>
        <tbody>
          {plans.map((plan) => (
            <tr key={plan.id}>
              <th scope="row">
                <Link to={carePlanPath(plan)}>{plan.member.displayName}</Link>
              </th>
              <td>
                {plan.version} ({carePlanKindLabel(plan.kind)})
              </td>
              <td>{plan.author.displayName}</td>
              <td className="nowrap">
                <time dateTime={plan.updatedAt}>{formatDateTime(plan.updatedAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
