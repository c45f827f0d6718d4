/**
 * @module web/pages/staff-page
 * Staff compliance: every staff member the signed-in user may see (admins and billing staff everyone, a
 * supervisor their team), each with status badges and the payer rules' reasons in plain words, and a filter
 * for those who need attention (kept in the URL).
 */
import { useQuery } from '@tanstack/react-query';
import type { JSX } from 'react';
import { Link } from 'react-router';
import type { StaffListItem, StaffListResponse } from '../../../src/shared/index.js';
import { apiQuery } from '../api/index.js';
import { QueryView } from '../components/load-state.js';
import { PageHeading } from '../components/page-heading.js';
import {
  CertificationBadge,
  ComplianceBadge,
  certificationText,
  complianceStatusLabel,
} from '../components/staff-compliance.js';
import { formatDate } from '../lib/format.js';
import { useUrlToggle } from '../lib/use-url-toggle.js';

export function StaffPage(): JSX.Element {
  const [needsAttention, setNeedsAttention] = useUrlToggle('needsAttention');
  const staff = useQuery(
    apiQuery('/api/v1/staff', { query: { needsAttention: needsAttention ? 'true' : undefined } }),
  );

  return (
    <>
      <PageHeading title="Staff compliance">Staff compliance</PageHeading>
      <p>
        Each staff member’s credentials checked against the payer rules of the programs they work in. Open a
        name to see the details and the continuing-education log.
      </p>
      <div className="checkbox toolbar">
        <input
          id="needs-attention"
          type="checkbox"
          checked={needsAttention}
          onChange={(event) => setNeedsAttention(event.target.checked)}
        />
        <label htmlFor="needs-attention">Only staff who need attention</label>
      </div>
      <QueryView query={staff} what="the staff">
        {(list) => <StaffList list={list} needsAttention={needsAttention} />}
      </QueryView>
    </>
  );
}

function StaffList({
  list,
  needsAttention,
}: {
  list: StaffListResponse;
  needsAttention: boolean;
}): JSX.Element {
  if (list.staff.length === 0) {
    return (
      <p role="status">
        {needsAttention
          ? `Nobody needs attention on ${formatDate(list.asOf)}.`
          : 'There are no staff members to show.'}
      </p>
    );
  }
  return (
    <>
      <p role="status">
        {list.staff.length} {list.staff.length === 1 ? 'staff member' : 'staff members'}, checked on{' '}
        {formatDate(list.asOf)}.
      </p>
      <ul className="card-list" aria-label="Staff members">
        {list.staff.map((member) => (
          <li key={member.userId} className="card">
            <StaffCard member={member} />
          </li>
        ))}
      </ul>
    </>
  );
}

function StaffCard({ member }: { member: StaffListItem }): JSX.Element {
  const { compliance } = member;
  const reasons = compliance.findings.filter((finding) => finding.severity !== 'info');
  return (
    <article aria-label={`${member.displayName}: ${complianceStatusLabel(compliance.status)}`}>
      <h2 className="card-heading">
        <Link to={`/staff/${member.userId}`}>{member.displayName}</Link>
      </h2>
      <p className="inline-list">
        <ComplianceBadge status={compliance.status} /> <CertificationBadge state={compliance.certification} />
      </p>
      <dl className="facts">
        <div>
          <dt>Certification</dt>
          <dd>{certificationText(member.certificationType, member.certificationExpiresOn)}</dd>
        </div>
        <div>
          <dt>Supervisor</dt>
          <dd>{member.supervisorName ?? 'None assigned'}</dd>
        </div>
      </dl>
      {reasons.length === 0 ? null : (
        <>
          <h3 className="visually-hidden">Reasons</h3>
          <ul>
            {reasons.map((finding, index) => (
              <li key={`${finding.code}-${index}`}>{finding.message}</li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
