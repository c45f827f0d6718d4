/**
 * @module web/pages/billing-claims-page
 * Billing staff and admins: the claims billing runs made (`/billing/claims`), newest dates of service first,
 * filtered by status, payer, program and dates of service (kept in the URL, so the worklist's "claims by
 * status" can link here). Each claim opens onto its own page with its lines, history and actions.
 */
import { useQuery } from '@tanstack/react-query';
import type { JSX } from 'react';
import { Link } from 'react-router';
import { ClaimListQuerySchema, type Claim } from '../../../src/shared/api/billing.js';
import type { Payer, Program } from '../../../src/shared/index.js';
import { apiQuery } from '../api/index.js';
import type { GetParams } from '../api/index.js';
import {
  BillingNav,
  CLAIM_STATUS_OPTIONS,
  ClaimStatusBadge,
  UrlFilterForm,
  frequencyLabel,
  payerOptions,
  programName,
  programOptions,
  usePrograms,
  useUrlFilters,
  type FilterField,
} from '../components/billing-parts.js';
import { QueryView } from '../components/load-state.js';
import { PageHeading } from '../components/page-heading.js';
import { ScrollTable } from '../components/payer-rules-parts.js';
import { formatCents, formatDate } from '../lib/format.js';
import { usePayerName, usePayers } from '../lib/payers.js';

const FILTER_NAMES = ['status', 'payerPack', 'programId', 'from', 'to'] as const;
type FilterName = (typeof FILTER_NAMES)[number];

function filterFields(programs: readonly Program[], payers: readonly Payer[]): FilterField<FilterName>[] {
  return [
    { name: 'status', id: 'claims-status', label: 'Status', kind: 'select', options: CLAIM_STATUS_OPTIONS },
    {
      name: 'payerPack',
      id: 'claims-payer',
      label: 'Payer',
      kind: 'select',
      options: payerOptions(payers, 'Any payer'),
    },
    {
      name: 'programId',
      id: 'claims-program',
      label: 'Program',
      kind: 'select',
      options: programOptions(programs, 'Any program'),
    },
    { name: 'from', id: 'claims-from', label: 'Dates of service from', kind: 'date' },
    { name: 'to', id: 'claims-to', label: 'Dates of service to', kind: 'date' },
  ];
}

export function BillingClaimsPage(): JSX.Element {
  const filters = useUrlFilters(FILTER_NAMES);
  const programs = usePrograms();
  const payers = usePayers();
  // The URL's filters as they travel; the server checks them (a 400 shows beside the filter fields).
  const query = filters.applied as NonNullable<GetParams<'/api/v1/billing/claims'>['query']>;
  const claims = useQuery({
    ...apiQuery('/api/v1/billing/claims', { query }),
    select: (answer) => answer.claims,
  });
  const filterProblems = claims.error?.status === 400 ? claims.error.problems : [];
  return (
    <>
      <PageHeading title="Claims">Claims</PageHeading>
      <BillingNav />
      <section aria-labelledby="claims-filters-heading" className="panel">
        <h2 id="claims-filters-heading">Filters</h2>
        <UrlFilterForm
          key={filters.key}
          label="Claim filters"
          fields={filterFields(programs, payers)}
          schema={ClaimListQuerySchema}
          initial={filters.values}
          serverProblems={filterProblems}
          onApply={filters.apply}
          onClear={filters.clear}
          anySet={filters.key !== ''}
        />
      </section>
      <section aria-labelledby="claims-heading">
        <h2 id="claims-heading">The claims</h2>
        {filterProblems.length === 0 ? (
          <QueryView query={claims} what="the claims">
            {(list) => <ClaimTable claims={list} programs={programs} />}
          </QueryView>
        ) : null}
      </section>
    </>
  );
}

function ClaimTable({ claims, programs }: { claims: Claim[]; programs: Program[] }): JSX.Element {
  const payerName = usePayerName();
  if (claims.length === 0) {
    return <p>No claims match these filters.</p>;
  }
  const total = claims.reduce((sum, claim) => sum + claim.totalCents, 0);
  return (
    <>
      <p role="status" className="table-count">
        {claims.length} {claims.length === 1 ? 'claim' : 'claims'}, {formatCents(total)}.
      </p>
      <ScrollTable caption="Claims">
        <thead>
          <tr>
            <th scope="col">Claim</th>
            <th scope="col">Status</th>
            <th scope="col">Member</th>
            <th scope="col">Date of service</th>
            <th scope="col">Payer</th>
            <th scope="col">Program</th>
            <th scope="col" className="numeric">
              Lines
            </th>
            <th scope="col" className="numeric">
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          {claims.map((claim) => (
            <tr key={claim.id}>
              <th scope="row" className="nowrap">
                <Link to={`/billing/claims/${claim.id}`}>PL{claim.claimNumber}</Link>
                {claim.frequencyCode === '1' ? null : (
                  <span className="record-meta">{frequencyLabel(claim.frequencyCode)}</span>
                )}
              </th>
              <td>
                <ClaimStatusBadge status={claim.status} />
              </td>
              <td>{claim.member.displayName}</td>
              <td className="nowrap">
                <time dateTime={claim.dateOfService}>{formatDate(claim.dateOfService)}</time>
              </td>
              <td>{payerName(claim.payerPack)}</td>
              <td>{programName(programs, claim.programId)}</td>
              <td className="numeric">{claim.lineCount}</td>
              <td className="numeric">{formatCents(claim.totalCents)}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </>
  );
}
