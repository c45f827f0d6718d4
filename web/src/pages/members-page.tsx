/**
 * @module web/pages/members-page
 * Members: search by name, Medicaid ID or date of birth among the members you can see (peers: their
 * caseload; supervisors: their team; others: the organisation), and for peers and supervisors a
 * "My caseload" tab with the members assigned to them. The search and tab live in the URL, so the back
 * button and a reload return to the same list.
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { JSX } from 'react';
import { Link, useSearchParams } from 'react-router';
import { MemberSearchQuerySchema } from '../../../src/shared/index.js';
import type { MemberSummary, Problem } from '../../../src/shared/index.js';
import { apiQuery } from '../api/index.js';
import type { GetParams } from '../api/index.js';
import { ErrorSummary } from '../components/error-summary.js';
import { TextField } from '../components/fields.js';
import { QueryView } from '../components/load-state.js';
import { MemberFacts, memberName } from '../components/member-parts.js';
import { PageHeading } from '../components/page-heading.js';
import { StatusMessage } from '../components/status-message.js';
import { useNavigationNotice } from '../lib/navigation-notice.js';
import { problemsUnder } from '../lib/problems.js';
import { useSchemaForm } from '../lib/use-schema-form.js';
import { useSignedInSession } from '../session/session-context.js';

const CRITERIA = ['name', 'medicaidId', 'dateOfBirth'] as const;
type Criteria = Record<(typeof CRITERIA)[number], string>;

const FIELD_IDS: Criteria = {
  name: 'member-search-name',
  medicaidId: 'member-search-medicaid-id',
  dateOfBirth: 'member-search-date-of-birth',
};

/** The criteria that are set, as query parameters. */
function setCriteria(values: Criteria): Record<string, string> {
  const query: Record<string, string> = {};
  for (const name of CRITERIA) {
    const value = values[name].trim();
    if (value !== '') {
      query[name] = value;
    }
  }
  return query;
}

export function MembersPage(): JSX.Element {
  const session = useSignedInSession();
  const roles = session.user.roles;
  const hasCaseload = roles.includes('peer') || roles.includes('supervisor');
  const addsMembers = roles.includes('admin') || roles.includes('supervisor');
  const [searchParams, setSearchParams] = useSearchParams();
  const caseload = hasCaseload && searchParams.get('scope') === 'caseload';
  const criteria: Criteria = {
    name: searchParams.get('name') ?? '',
    medicaidId: searchParams.get('medicaidId') ?? '',
    dateOfBirth: searchParams.get('dateOfBirth') ?? '',
  };
  const applied: NonNullable<GetParams<'/api/v1/members'>['query']> = caseload
    ? { scope: 'caseload' }
    : setCriteria(criteria);
  const key = new URLSearchParams(caseload ? { scope: 'caseload' } : setCriteria(criteria)).toString();
  const notice = useNavigationNotice();
  const found = useQuery(apiQuery('/api/v1/members', { query: applied }));
  // A 400 means the criteria in the URL are not valid: show the problems beside the search fields.
  const serverProblems = found.error?.status === 400 ? found.error.problems : [];

  return (
    <>
      <div className="page-title-row">
        <PageHeading title="Members">Members</PageHeading>
        {addsMembers ? (
          <Link to="/members/new" className="button">
            Add a member
          </Link>
        ) : null}
      </div>
      <StatusMessage message={notice} />
      {hasCaseload ? (
        <nav aria-label="Member lists" className="tab-links">
          <ul>
            <li>
              <Link to="/members" aria-current={caseload ? undefined : 'page'}>
                Search
              </Link>
            </li>
            <li>
              <Link to="/members?scope=caseload" aria-current={caseload ? 'page' : undefined}>
                My caseload
              </Link>
            </li>
          </ul>
        </nav>
      ) : null}
      {caseload ? (
        <p>The members assigned to you.</p>
      ) : (
        <SearchForm
          key={key}
          initial={criteria}
          serverProblems={serverProblems}
          onApply={(values) => setSearchParams(setCriteria(values))}
          onClear={() => setSearchParams({})}
          anySet={key !== ''}
        />
      )}
      <section aria-labelledby="member-results-heading">
        <h2 id="member-results-heading">{caseload ? 'My caseload' : 'Members found'}</h2>
        {serverProblems.length === 0 ? (
          <QueryView query={found} what="the members">
            {(result) => (
              <MemberList
                members={result.members}
                truncated={result.truncated}
                empty={caseload ? 'No members are assigned to you yet.' : 'No members match.'}
              />
            )}
          </QueryView>
        ) : null}
      </section>
    </>
  );
}

interface SearchFormProps {
  initial: Criteria;
  serverProblems: readonly Problem[];
  onApply: (values: Criteria) => void;
  onClear: () => void;
  anySet: boolean;
}

function SearchForm({ initial, serverProblems, onApply, onClear, anySet }: SearchFormProps): JSX.Element {
  const [values, setValues] = useState(initial);
  const form = useSchemaForm({
    schema: MemberSearchQuerySchema,
    input: setCriteria(values),
    location: 'query',
    apply: () => onApply(values),
  });
  const problems = form.problems.length > 0 ? form.problems : serverProblems;
  const field = (name: keyof Criteria) => ({
    id: FIELD_IDS[name],
    name,
    value: values[name],
    onValueChange: (value: string) => setValues((current) => ({ ...current, [name]: value })),
    problems: problemsUnder(problems, name),
  });
  return (
    <>
      <ErrorSummary problems={problems} fieldIds={FIELD_IDS} focusKey={form.focusKey} />
      <form onSubmit={form.submit} noValidate className="filters" role="search" aria-label="Members">
        <TextField
          {...field('name')}
          label="Name"
          hint="Part of a first, last or preferred name."
          type="search"
          autoComplete="off"
          spellCheck={false}
        />
        <TextField
          {...field('medicaidId')}
          label="Medicaid ID"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
        />
        <TextField {...field('dateOfBirth')} label="Date of birth" type="date" />
        <div className="button-row filters-buttons">
          <button type="submit" className="button">
            Search
          </button>
          {anySet ? (
            <button type="button" className="button button-secondary" onClick={onClear}>
              Clear search
            </button>
          ) : null}
        </div>
      </form>
    </>
  );
}

function MemberList({
  members,
  truncated,
  empty,
}: {
  members: MemberSummary[];
  truncated: boolean;
  empty: string;
}): JSX.Element {
  const countId = useId();
  if (members.length === 0) {
    return <p>{empty}</p>;
  }
  return (
    <>
      <p id={countId} className="table-count">
        {truncated
          ? `Showing the first ${members.length} members. Narrow the search to see others.`
          : `${members.length} ${members.length === 1 ? 'member' : 'members'}.`}
      </p>
      <ul className="card-list" aria-describedby={countId}>
        {members.map((member) => (
          <li key={member.id} className="card member-card">
            <h3 className="card-heading">
              <Link to={`/members/${member.id}`}>{memberName(member)}</Link>
            </h3>
            <dl className="facts facts-compact">
              <MemberFacts member={member} />
            </dl>
            {member.active ? null : <span className="badge badge-inactive">Inactive</span>}
          </li>
        ))}
      </ul>
    </>
  );
}
