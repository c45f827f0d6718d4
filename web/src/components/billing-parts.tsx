/**
 * @module web/components/billing-parts
 * Pieces the billing pages share: the tabs between them, claim and run statuses and who can clear a held
 * note in plain words, option lists for their filters, a status badge, the programs to filter by, a table of
 * prior authorizations, the problems of a refused action listed with a link to the claim each one names, and
 * filters kept in the URL (checked with the list's shared query schema).
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import type { JSX } from 'react';
import { Link, NavLink, useSearchParams } from 'react-router';
import type { z } from 'zod';
import type {
  BillingRunStatus,
  ClaimFrequencyCode,
  ClaimStatus,
  HoldOwner,
} from '../../../src/shared/billing.js';
import { CLAIM_STATUSES, HOLD_OWNERS } from '../../../src/shared/billing.js';
import type { AuthorizationView } from '../../../src/shared/api/billing.js';
import type { Payer, Problem, Program } from '../../../src/shared/index.js';
import { apiQuery } from '../api/index.js';
import { formatDate } from '../lib/format.js';
import { payerChoices, usePayerName } from '../lib/payers.js';
import { problemsUnder } from '../lib/problems.js';
import { useSchemaForm } from '../lib/use-schema-form.js';
import { ErrorSummary } from './error-summary.js';
import { SelectField, TextField } from './fields.js';
import type { Option } from './member-parts.js';
import { ScrollTable } from './payer-rules-parts.js';

/** The address of the claims page with `filters`, for links such as "the ready claims". */
export function claimsHref(filters: Readonly<Record<string, string | undefined>>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '') params.set(name, value);
  }
  const search = params.toString();
  return search === '' ? '/billing/claims' : `/billing/claims?${search}`;
}

/** The billing pages, in the order billing staff use them. */
const BILLING_PAGES = [
  { to: '/billing', label: 'Worklist', end: true },
  { to: '/billing/claims', label: 'Claims', end: false },
  { to: '/billing/batches', label: 'Batches', end: false },
  { to: '/billing/authorizations', label: 'Authorizations', end: false },
  { to: '/billing/fees', label: 'Fee schedule', end: false },
  { to: '/billing/settings', label: 'Settings', end: false },
] as const;

/** Tabs between the billing pages; the current one is marked for screen readers too. */
export function BillingNav(): JSX.Element {
  return (
    <nav aria-label="Billing pages" className="tab-links">
      <ul>
        {BILLING_PAGES.map((page) => (
          <li key={page.to}>
            <NavLink to={page.to} end={page.end}>
              {page.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function claimStatusLabel(status: ClaimStatus): string {
  switch (status) {
    case 'ready':
      return 'Ready to batch';
    case 'batched':
      return 'In an 837 file';
    case 'submitted':
      return 'Sent to the payer';
    case 'accepted':
      return 'Accepted';
    case 'rejected':
      return 'Rejected';
    case 'paid':
      return 'Paid';
    case 'denied':
      return 'Denied';
  }
}

/** The status as a word in a badge; the colour only repeats what the word says. */
export function ClaimStatusBadge({ status }: { status: ClaimStatus }): JSX.Element {
  return <span className={`badge badge-claim-${status}`}>{claimStatusLabel(status)}</span>;
}

export function frequencyLabel(code: ClaimFrequencyCode): string {
  switch (code) {
    case '1':
      return 'Original claim';
    case '7':
      return 'Replacement';
    case '8':
      return 'Void';
  }
}

export function runStatusLabel(status: BillingRunStatus): string {
  switch (status) {
    case 'running':
      return 'Running';
    case 'finished':
      return 'Finished';
    case 'failed':
      return 'Failed';
    case 'interrupted':
      return 'Interrupted';
  }
}

/** True for the problem of a note whose service has no charge on file (`<pack>.charge.present`). */
export function isMissingCharge(code: string): boolean {
  return code.endsWith('.charge.present');
}

/** Who can clear a held note. */
export function ownerLabel(owner: HoldOwner): string {
  switch (owner) {
    case 'peer':
      return 'The peer who wrote the note';
    case 'supervisor':
      return 'A supervisor';
    case 'billing':
      return 'Billing staff';
  }
}

/** What the person who can clear a held note does, in general; each problem's message says exactly what. */
export function ownerAction(owner: HoldOwner): string {
  switch (owner) {
    case 'peer':
      return 'The peer opens the note and puts it right with an addendum, or records what the member consented to on the member’s page. The next billing run claims it.';
    case 'supervisor':
      return 'A supervisor co-signs the note from the review queue, or brings the plan of care, diagnoses or the staff member’s credentials up to date. The next billing run claims it.';
    case 'billing':
      return 'Billing staff record the member’s coverage, eligibility or prior authorization, the payer’s settings, or the missing charge on the Fee schedule page. The next billing run claims it.';
  }
}

export const CLAIM_STATUS_OPTIONS: Option[] = [
  { value: '', label: 'Any status' },
  ...CLAIM_STATUSES.map((status) => ({ value: status, label: claimStatusLabel(status) })),
];

export const OWNER_OPTIONS: Option[] = [
  { value: '', label: 'Anyone' },
  ...HOLD_OWNERS.map((owner) => ({ value: owner, label: ownerLabel(owner) })),
];

/** The organisation's programs (to name and filter by), loaded once per page. */
export function usePrograms(): Program[] {
  const { data } = useQuery({ ...apiQuery('/api/v1/organisation'), select: (answer) => answer.programs });
  return data ?? [];
}

/** A program's name from its id; the id when the list has not loaded. */
export function programName(programs: readonly Program[], programId: string): string {
  return programs.find((program) => program.id === programId)?.name ?? programId;
}

/** The claim a refusal problem names (`['claims', <id>, …]`), if it names one. */
function claimIdOf(problem: Problem): string | null {
  const [root, id] = problem.path;
  return root === 'claims' && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id) ? id : null;
}

/**
 * Everything wrong with an action that was refused as a whole (an 837 batch, a batch's move): an alert
 * listing each problem in plain words, with a link to the claim it names (once per claim). It takes focus
 * whenever `focusKey` changes, like the forms' error summary.
 */
export function RefusalProblems({
  title,
  problems,
  focusKey = 0,
}: {
  title: string;
  problems: readonly Problem[];
  focusKey?: number;
}): JSX.Element | null {
  const summary = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (focusKey > 0) summary.current?.focus();
  }, [focusKey]);
  if (problems.length === 0) return null;
  const linked = new Set<string>();
  return (
    <div ref={summary} className="error-summary" role="alert" tabIndex={-1} aria-labelledby={titleId}>
      <h2 id={titleId} className="error-summary-title">
        {title}
      </h2>
      <ul>
        {problems.map((problem, index) => {
          const claimId = claimIdOf(problem);
          const link = claimId !== null && !linked.has(claimId);
          if (claimId !== null) linked.add(claimId);
          return (
            <li key={`${problem.code}-${index}`}>
              {problem.message}
              {link ? (
                <>
                  {' '}
                  <Link to={`/billing/claims/${claimId}`}>Open the claim</Link>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/**
 * The service an authorization covers, as billed: its code with its modifiers, e.g. "H0038 HQ" (an
 * authorization for H0038 alone covers individual services only).
 */
export function authorizedService(authorization: { code: string; modifiers: readonly string[] }): string {
  return [authorization.code, ...authorization.modifiers].join(' ');
}

/** Prior authorizations with the units authorized, used and left, in a table that scrolls on its own. */
export function AuthorizationTable({
  caption,
  authorizations,
}: {
  caption: string;
  authorizations: readonly AuthorizationView[];
}): JSX.Element {
  const payerName = usePayerName();
  return (
    <ScrollTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">Member</th>
          <th scope="col">Payer</th>
          <th scope="col">Number</th>
          <th scope="col">Service</th>
          <th scope="col">Program</th>
          <th scope="col" className="numeric">
            Authorized
          </th>
          <th scope="col" className="numeric">
            Used
          </th>
          <th scope="col" className="numeric">
            Left
          </th>
          <th scope="col">From</th>
          <th scope="col">To</th>
        </tr>
      </thead>
      <tbody>
        {authorizations.map((authorization) => (
          <tr key={authorization.id}>
            <th scope="row">
              <Link to={`/members/${authorization.member.id}`}>{authorization.member.displayName}</Link>
            </th>
            <td>{payerName(authorization.payerPack)}</td>
            <td className="wrap-anywhere">{authorization.number}</td>
            <td className="nowrap">
              <code>{authorizedService(authorization)}</code>
            </td>
            <td>{authorization.program?.name ?? 'Any'}</td>
            <td className="numeric">{authorization.units}</td>
            <td className="numeric">{authorization.usedUnits}</td>
            <td className="numeric">{authorization.remainingUnits}</td>
            <td className="nowrap">
              <time dateTime={authorization.from}>{formatDate(authorization.from)}</time>
            </td>
            <td className="nowrap">
              <time dateTime={authorization.to}>{formatDate(authorization.to)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

// ——— Filters kept in the URL ———

/** The filters that are set, as query parameters (and as the query of the list they filter). */
export type AppliedFilters = Record<string, string>;

/**
 * Filters named `names`, read from the URL: their values as typed (blank when unset), the ones that are set
 * (for the API and for links), a key that changes when they do, and setters that move the URL.
 */
export function useUrlFilters<N extends string>(
  names: readonly N[],
): {
  values: Record<N, string>;
  applied: AppliedFilters;
  key: string;
  apply: (values: Record<N, string>) => void;
  clear: () => void;
} {
  const [searchParams, setSearchParams] = useSearchParams();
  const values = Object.fromEntries(names.map((name) => [name, searchParams.get(name) ?? ''])) as Record<
    N,
    string
  >;
  const applied = appliedOf(names, values);
  return {
    values,
    applied,
    key: new URLSearchParams(applied).toString(),
    apply: (next) => setSearchParams(appliedOf(names, next)),
    clear: () => setSearchParams({}),
  };
}

function appliedOf<N extends string>(names: readonly N[], values: Record<N, string>): AppliedFilters {
  const query: AppliedFilters = {};
  for (const name of names) {
    const value = values[name].trim();
    if (value !== '') query[name] = value;
  }
  return query;
}

/** One filter: a choice from a list, or a date. */
export type FilterField<N extends string> =
  | { name: N; id: string; label: string; kind: 'select'; options: readonly Option[] }
  | { name: N; id: string; label: string; kind: 'date' };

export interface UrlFilterFormProps<N extends string, S extends z.ZodType> {
  /** Names the form for screen readers ("Worklist filters"). */
  label: string;
  fields: readonly FilterField<N>[];
  /** The shared query schema the filters must pass before they go into the URL. */
  schema: S;
  initial: Record<N, string>;
  /** Problems the server found with the filters in the URL (a 400 of the list). */
  serverProblems: readonly Problem[];
  onApply: (values: Record<N, string>) => void;
  onClear: () => void;
  anySet: boolean;
}

/**
 * Filters checked with the list's shared query schema, then put into the URL; problems beside each field.
 * Remount it (key) when the URL's filters change, so it starts from them.
 */
export function UrlFilterForm<N extends string, S extends z.ZodType>({
  label,
  fields,
  schema,
  initial,
  serverProblems,
  onApply,
  onClear,
  anySet,
}: UrlFilterFormProps<N, S>): JSX.Element {
  const [values, setValues] = useState(initial);
  const form = useSchemaForm({
    schema,
    // The strings as typed: checking them is what the schema is for.
    input: appliedOf(
      fields.map((field) => field.name),
      values,
    ) as z.input<S>,
    location: 'query',
    apply: () => onApply(values),
  });
  const shown = form.problems.length > 0 ? form.problems : serverProblems;
  const fieldIds = Object.fromEntries(fields.map((field) => [field.name, field.id]));
  return (
    <>
      <ErrorSummary problems={shown} fieldIds={fieldIds} focusKey={form.focusKey} />
      <form onSubmit={form.submit} noValidate className="filters" aria-label={label}>
        {fields.map((field) => {
          const common = {
            id: field.id,
            name: field.name,
            label: field.label,
            value: values[field.name],
            onValueChange: (value: string) => setValues((previous) => ({ ...previous, [field.name]: value })),
            problems: problemsUnder(shown, field.name),
          };
          switch (field.kind) {
            case 'select':
              return <SelectField key={field.name} {...common} options={field.options} />;
            case 'date':
              return <TextField key={field.name} {...common} type="date" />;
          }
        })}
        <div className="button-row filters-buttons">
          <button type="submit" className="button">
            Apply filters
          </button>
          {anySet ? (
            <button type="button" className="button button-secondary" onClick={onClear}>
              Clear filters
            </button>
          ) : null}
        </div>
      </form>
    </>
  );
}

/** "Any program" and then each of the organisation's programs. */
export function programOptions(programs: readonly Program[], none: string): Option[] {
  return [
    { value: '', label: none },
    ...programs.map((program) => ({ value: program.id, label: program.name })),
  ];
}

/** "Any payer" (or the given first choice) and then each payer the server has rules for (`usePayers`). */
export function payerOptions(payers: readonly Payer[], none: string): Option[] {
  return [{ value: '', label: none }, ...payerChoices(payers)];
}
