/**
 * @module web/pages/audit-page
 * Admins: the audit log, newest first. The filters live in the URL query (`userId`, `recordType`,
 * `recordId`, `from`, `to`), so a filtered view can be bookmarked or sent to a colleague; "Older events"
 * pages back with the server's `nextBefore`.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import type { JSX } from 'react';
import { Link, useSearchParams } from 'react-router';
import { AuditQuerySchema } from '../../../src/shared/index.js';
import type { AuditEvent, AuditOutcome, AuditPage, Problem, User } from '../../../src/shared/index.js';
import { api, apiQuery, asApiError, ok } from '../api/index.js';
import type { ApiError } from '../api/index.js';
import { ErrorSummary } from '../components/error-summary.js';
import { SelectField, TextField } from '../components/fields.js';
import { LoadError, Loading, queryState } from '../components/load-state.js';
import { PageHeading } from '../components/page-heading.js';
import { formatDateTimeSeconds } from '../lib/format.js';
import { problemsUnder } from '../lib/problems.js';
import { useSchemaForm } from '../lib/use-schema-form.js';

const FILTER_NAMES = ['userId', 'recordType', 'recordId', 'from', 'to'] as const;
type FilterName = (typeof FILTER_NAMES)[number];
type FilterValues = Record<FilterName, string>;

const FIELD_IDS: Record<FilterName, string> = {
  userId: 'audit-user',
  recordType: 'audit-record-type',
  recordId: 'audit-record-id',
  from: 'audit-from',
  to: 'audit-to',
};

function filtersOf(params: URLSearchParams): FilterValues {
  return {
    userId: params.get('userId') ?? '',
    recordType: params.get('recordType') ?? '',
    recordId: params.get('recordId') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
}

/** The filters that are set, as query parameters. */
function setFilters(values: FilterValues): Record<string, string> {
  const query: Record<string, string> = {};
  for (const name of FILTER_NAMES) {
    const value = values[name].trim();
    if (value !== '') {
      query[name] = value;
    }
  }
  return query;
}

function outcomeLabel(outcome: AuditOutcome): string {
  switch (outcome) {
    case 'success':
      return 'Success';
    case 'failure':
      return 'Failure';
    case 'denied':
      return 'Denied';
  }
}

const timeZone = new Intl.DateTimeFormat().resolvedOptions().timeZone;

export function AuditPage(): JSX.Element {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersOf(searchParams);
  const applied = setFilters(filters);
  const filterKey = new URLSearchParams(applied).toString();
  const users = useQuery({
    ...apiQuery('/api/v1/users', { query: { includeInactive: 'true' } }),
    select: (answer) => answer.users,
  });
  const first = useQuery(apiQuery('/api/v1/audit-events', { query: applied }));

  // A 400 means the filters in the URL are not valid: show the problems beside the filter fields.
  const filterProblems = first.error?.status === 400 ? first.error.problems : [];
  const firstState = queryState(first);

  return (
    <>
      <PageHeading title="Audit log">Audit log</PageHeading>
      <p>
        Every sign-in and change in Peerline, newest first. Times are in your time zone ({timeZone}); the date
        filters use calendar days in UTC.
      </p>
      <AuditFilterForm
        key={filterKey}
        initial={filters}
        users={users.data ?? []}
        serverProblems={filterProblems}
        onApply={(values) => setSearchParams(setFilters(values))}
        onClear={() => setSearchParams({})}
        anySet={filterKey !== ''}
      />
      {users.error !== null ? (
        <p className="notice notice-error" role="alert">
          The user list could not be loaded, so the User filter lists no names. {users.error.message}
        </p>
      ) : null}
      <section aria-labelledby="audit-events-heading">
        <h2 id="audit-events-heading">Events</h2>
        {firstState.status === 'loading' ? <Loading what="audit events" /> : null}
        {(firstState.status === 'failed' || firstState.status === 'not-found') &&
        filterProblems.length === 0 ? (
          <LoadError error={firstState.error} what="the audit log" onRetry={() => void first.refetch()} />
        ) : null}
        {firstState.status === 'loaded' ? (
          // Remounted with each new first page: older pages follow from the newest answer.
          <AuditEvents
            key={`${filterKey}@${first.dataUpdatedAt}`}
            filters={applied}
            firstPage={firstState.data}
          />
        ) : null}
      </section>
    </>
  );
}

interface AuditFilterFormProps {
  initial: FilterValues;
  users: readonly User[];
  serverProblems: readonly Problem[];
  onApply: (values: FilterValues) => void;
  onClear: () => void;
  anySet: boolean;
}

function AuditFilterForm({
  initial,
  users,
  serverProblems,
  onApply,
  onClear,
  anySet,
}: AuditFilterFormProps): JSX.Element {
  const [values, setValues] = useState(initial);
  const form = useSchemaForm({
    schema: AuditQuerySchema,
    input: setFilters(values),
    location: 'query',
    apply: () => onApply(values),
  });
  const shown = form.problems.length > 0 ? form.problems : serverProblems;
  const set = (name: FilterName) => (value: string) =>
    setValues((previous) => ({ ...previous, [name]: value }));

  const userOptions = [
    { value: '', label: 'Any user' },
    ...[...users]
      .sort((a, b) => a.displayName.localeCompare(b.displayName))
      .map((user) => ({ value: user.id, label: `${user.displayName} (${user.email})` })),
  ];
  if (values.userId !== '' && !users.some((user) => user.id === values.userId)) {
    userOptions.push({ value: values.userId, label: `User ${values.userId}` });
  }

  return (
    <section aria-labelledby="audit-filters-heading" className="panel">
      <h2 id="audit-filters-heading">Filters</h2>
      <ErrorSummary problems={shown} fieldIds={FIELD_IDS} focusKey={form.focusKey} />
      <form onSubmit={form.submit} noValidate className="filters">
        <SelectField
          id={FIELD_IDS.userId}
          name="userId"
          label="User"
          value={values.userId}
          onValueChange={set('userId')}
          options={userOptions}
          problems={problemsUnder(shown, 'userId')}
        />
        <TextField
          id={FIELD_IDS.recordType}
          name="recordType"
          label="Record type"
          hint="As shown in the Record column."
          autoComplete="off"
          value={values.recordType}
          onValueChange={set('recordType')}
          problems={problemsUnder(shown, 'recordType')}
        />
        <TextField
          id={FIELD_IDS.recordId}
          name="recordId"
          label="Record ID"
          autoComplete="off"
          spellCheck={false}
          value={values.recordId}
          onValueChange={set('recordId')}
          problems={problemsUnder(shown, 'recordId')}
        />
        <TextField
          id={FIELD_IDS.from}
          name="from"
          label="From date"
          type="date"
          hint="First day included (UTC)."
          value={values.from}
          onValueChange={set('from')}
          problems={problemsUnder(shown, 'from')}
        />
        <TextField
          id={FIELD_IDS.to}
          name="to"
          label="To date"
          type="date"
          hint="Last day included (UTC)."
          value={values.to}
          onValueChange={set('to')}
          problems={problemsUnder(shown, 'to')}
        />
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
    </section>
  );
}

interface AuditEventsProps {
  filters: Readonly<Record<string, string>>;
  firstPage: AuditPage;
}

/** The events of the first page plus any older pages loaded since; remounted when the filters change. */
function AuditEvents({ filters, firstPage }: AuditEventsProps): JSX.Element {
  const [events, setEvents] = useState<AuditEvent[]>(firstPage.events);
  const [nextBefore, setNextBefore] = useState(firstPage.nextBefore);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderError, setOlderError] = useState<ApiError | null>(null);
  const endOfLog = useRef<HTMLParagraphElement>(null);
  const captionId = useId();

  // When the last page arrives the "Older events" button goes away: keep focus where the user was.
  const pagedToEnd = useRef(false);
  useEffect(() => {
    if (nextBefore === null && pagedToEnd.current) {
      endOfLog.current?.focus();
    }
  }, [nextBefore]);

  const loadOlder = (): void => {
    if (loadingOlder || nextBefore === null) {
      return;
    }
    setLoadingOlder(true);
    setOlderError(null);
    pagedToEnd.current = true;
    ok(api.GET('/api/v1/audit-events', { params: { query: { ...filters, before: nextBefore } } })).then(
      (page) => {
        setEvents((previous) => [...previous, ...page.events]);
        setNextBefore(page.nextBefore);
        setLoadingOlder(false);
      },
      (error: unknown) => {
        setLoadingOlder(false);
        setOlderError(asApiError(error));
      },
    );
  };

  if (events.length === 0) {
    return <p>No events match these filters.</p>;
  }

  return (
    <>
      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="table">
          <caption id={captionId}>Audit events, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">User</th>
              <th scope="col">Action</th>
              <th scope="col">Record</th>
              <th scope="col">IP address</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id}>
                <td className="nowrap">
                  <time dateTime={event.occurredAt}>{formatDateTimeSeconds(event.occurredAt)}</time>
                </td>
                <td className="wrap-anywhere">{event.userEmail ?? event.userId ?? <None />}</td>
                <td>
                  <code>{event.action}</code>
                </td>
                <td className="wrap-anywhere">
                  <RecordCell recordType={event.recordType} recordId={event.recordId} />
                </td>
                <td className="wrap-anywhere">{event.ip ?? <None />}</td>
                <td>
                  <span className={`badge badge-${event.outcome}`}>{outcomeLabel(event.outcome)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p role="status" className="table-count">
        Showing {events.length} {events.length === 1 ? 'event' : 'events'}.
      </p>
      {olderError === null ? null : (
        <div className="notice notice-error" role="alert">
          <p>
            <strong>Could not load older events.</strong> {olderError.message}
          </p>
        </div>
      )}
      {nextBefore === null ? (
        <p ref={endOfLog} tabIndex={-1} className="end-of-log">
          No older events.
        </p>
      ) : (
        <button
          type="button"
          className="button button-secondary"
          aria-disabled={loadingOlder}
          onClick={loadOlder}
        >
          {loadingOlder ? 'Loading older events…' : 'Older events'}
        </button>
      )}
    </>
  );
}

/** The record an event concerns; when it is fully identified, a link that filters the log to it. */
function RecordCell({
  recordType,
  recordId,
}: {
  recordType: string | null;
  recordId: string | null;
}): JSX.Element {
  if (recordType === null && recordId === null) {
    return <None />;
  }
  if (recordType === null || recordId === null) {
    return <>{recordType ?? recordId}</>;
  }
  return (
    <Link to={{ search: new URLSearchParams({ recordType, recordId }).toString() }}>
      <span className="visually-hidden">Show events for </span>
      {recordType} <code>{recordId}</code>
    </Link>
  );
}

/** An empty cell, said as "none" to screen readers rather than "dash". */
function None(): JSX.Element {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">none</span>
    </>
  );
}
