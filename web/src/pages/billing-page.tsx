/**
 * @module web/pages/billing-page
 * Billing staff and admins: the billing worklist (`/billing`). A form starts a billing run over a range of
 * dates of service (optionally one program or payer) and then shows its progress, polled every half second
 * until it ends (TanStack Query's `refetchInterval`); the worklist and the claims are read again when it does. Below it, the notes runs held, grouped by the problem holding them — each group with the
 * plain message, its source, who can clear it and what they do, how many notes and how much money, opening
 * onto the notes themselves (a missing charge links to the Fee schedule page) — then claims counted by status
 * and authorizations running out. The filters (`programId`, `payerPack`, `code`, `owner`, `from`, `to`) live
 * in the URL, and the held notes download as CSV with the same filters.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import type { JSX } from 'react';
import { Link } from 'react-router';
import {
  StartBillingRunRequestSchema,
  WorklistQuerySchema,
  type BillingRun,
  type HoldGroup,
  type HeldNote,
  type Worklist,
} from '../../../src/shared/api/billing.js';
import type { Payer, Program } from '../../../src/shared/index.js';
import { api, apiHref, apiQuery, invalidate, ok, queryClient } from '../api/index.js';
import type { GetParams } from '../api/index.js';
import {
  AuthorizationTable,
  BillingNav,
  claimsHref,
  OWNER_OPTIONS,
  UrlFilterForm,
  claimStatusLabel,
  isMissingCharge,
  ownerAction,
  ownerLabel,
  payerOptions,
  programName,
  programOptions,
  runStatusLabel,
  usePrograms,
  useUrlFilters,
  type AppliedFilters,
  type FilterField,
} from '../components/billing-parts.js';
import { ErrorSummary } from '../components/error-summary.js';
import { SelectField, TextField } from '../components/fields.js';
import { QueryView } from '../components/load-state.js';
import { PageHeading } from '../components/page-heading.js';
import { None, ScrollTable } from '../components/payer-rules-parts.js';
import { formatCents, formatDate, formatDateTime, todayLocalDate } from '../lib/format.js';
import { usePayerName, usePayers } from '../lib/payers.js';
import { problemsUnder } from '../lib/problems.js';
import { useSchemaForm } from '../lib/use-schema-form.js';

/** How often a running run is asked for its progress. */
const POLL_MS = 500;

const FILTER_NAMES = ['programId', 'payerPack', 'code', 'owner', 'from', 'to'] as const;
type FilterName = (typeof FILTER_NAMES)[number];

const RUN_IDS = { from: 'run-from', to: 'run-to', programId: 'run-program', payerPack: 'run-payer' } as const;

/** The worklist's filters; the problems to choose from are those holding notes now. */
function filterFields(
  programs: readonly Program[],
  payers: readonly Payer[],
  groups: readonly HoldGroup[],
  code: string,
): FilterField<FilterName>[] {
  const codes = [
    { value: '', label: 'Any problem' },
    ...groups.map((group) => ({ value: group.code, label: group.example })),
    ...(code === '' || groups.some((group) => group.code === code) ? [] : [{ value: code, label: code }]),
  ];
  return [
    {
      name: 'programId',
      id: 'worklist-program',
      label: 'Program',
      kind: 'select',
      options: programOptions(programs, 'Any program'),
    },
    {
      name: 'payerPack',
      id: 'worklist-payer',
      label: 'Payer',
      kind: 'select',
      options: payerOptions(payers, 'Any payer'),
    },
    { name: 'code', id: 'worklist-problem', label: 'Problem', kind: 'select', options: codes },
    { name: 'owner', id: 'worklist-owner', label: 'Who can fix it', kind: 'select', options: OWNER_OPTIONS },
    { name: 'from', id: 'worklist-from', label: 'Dates of service from', kind: 'date' },
    { name: 'to', id: 'worklist-to', label: 'Dates of service to', kind: 'date' },
  ];
}

/** The first and last day of the month before `today` (`YYYY-MM-DD`): what a monthly run usually bills. */
function lastMonth(today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const first = new Date(Date.UTC(year, month - 2, 1));
  const last = new Date(Date.UTC(year, month - 1, 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

export function BillingPage(): JSX.Element {
  const filters = useUrlFilters(FILTER_NAMES);
  const applied = filters.applied;
  const programs = usePrograms();
  const payers = usePayers();
  // The URL's filters as they travel; the server checks them (a 400 shows beside the filter fields).
  const query = applied as NonNullable<GetParams<'/api/v1/billing/worklist'>['query']>;
  const worklist = useQuery(apiQuery('/api/v1/billing/worklist', { query }));
  const filterProblems = worklist.error?.status === 400 ? worklist.error.problems : [];

  return (
    <>
      <PageHeading title="Billing">Billing</PageHeading>
      <BillingNav />
      <RunSection programs={programs} />
      <section aria-labelledby="worklist-filters-heading" className="panel">
        <h2 id="worklist-filters-heading">Filters</h2>
        <UrlFilterForm
          key={filters.key}
          label="Worklist filters"
          fields={filterFields(programs, payers, worklist.data?.groups ?? [], filters.values.code)}
          schema={WorklistQuerySchema}
          initial={filters.values}
          serverProblems={filterProblems}
          onApply={filters.apply}
          onClear={filters.clear}
          anySet={filters.key !== ''}
        />
        <p>
          <a
            href={apiHref('/api/v1/billing/worklist.csv', { query })}
            download
            className="button button-secondary"
          >
            Download the held notes as CSV
          </a>
        </p>
      </section>
      {filterProblems.length === 0 ? (
        <QueryView query={worklist} what="the worklist">
          {(loaded) => <WorklistView worklist={loaded} programs={programs} filters={applied} />}
        </QueryView>
      ) : null}
    </>
  );
}

// ——— Billing runs ———

function RunSection({ programs }: { programs: Program[] }): JSX.Element {
  const runs = useQuery({ ...apiQuery('/api/v1/billing/runs'), select: (answer) => answer.runs });
  const [started, setStarted] = useState<BillingRun | null>(null);
  // The run to show: the one started here, or else the most recent (which may still be running).
  const run = started ?? runs.data?.[0] ?? null;
  return (
    <section aria-labelledby="run-heading" className="panel">
      <h2 id="run-heading">Billing run</h2>
      <p>
        A run judges every signed note with a date of service in the range under its payer’s rules: notes that
        pass become claims ready for an 837 file, the others are held below with what holds them.
      </p>
      <StartRunForm programs={programs} running={run?.status === 'running'} onStarted={setStarted} />
      {run === null ? null : <RunProgress key={run.id} first={run} programs={programs} />}
    </section>
  );
}

function StartRunForm({
  programs,
  running,
  onStarted,
}: {
  programs: Program[];
  running: boolean;
  onStarted: (run: BillingRun) => void;
}): JSX.Element {
  const [values, setValues] = useState(() => ({
    ...lastMonth(todayLocalDate()),
    programId: '',
    payerPack: '',
  }));
  const payers = usePayers();
  const form = useSchemaForm({
    schema: StartBillingRunRequestSchema,
    input: {
      from: values.from,
      to: values.to,
      programId: values.programId === '' ? undefined : values.programId,
      payerPack: values.payerPack === '' ? undefined : values.payerPack,
    },
    send: async (body) => {
      const run = await ok(api.POST('/api/v1/billing/runs', { body }));
      // The answer is the run's first progress, shown at once; the list of runs is read again when it ends.
      queryClient.setQueryData(runQuery(run.id).queryKey, run);
      return run;
    },
    afterSuccess: 'stay',
    onSuccess: onStarted,
  });
  const field = (name: keyof typeof values) => ({
    id: RUN_IDS[name],
    name,
    value: values[name],
    onValueChange: (value: string) => setValues((previous) => ({ ...previous, [name]: value })),
    problems: problemsUnder(form.problems, name),
  });
  return (
    <>
      <ErrorSummary problems={form.problems} fieldIds={RUN_IDS} focusKey={form.focusKey} />
      <form onSubmit={form.submit} noValidate className="filters" aria-label="Start a billing run">
        <TextField {...field('from')} label="First date of service" type="date" />
        <TextField {...field('to')} label="Last date of service" type="date" />
        <SelectField
          {...field('programId')}
          label="Program (optional)"
          options={programOptions(programs, 'Every program')}
        />
        <SelectField
          {...field('payerPack')}
          label="Payer (optional)"
          options={payerOptions(payers, 'Every payer')}
        />
        <div className="button-row filters-buttons">
          <button type="submit" className="button" disabled={form.submitting || running}>
            {form.submitting ? 'Starting…' : 'Start billing run'}
          </button>
          {running ? <span className="field-hint">Wait for the run under way to finish.</span> : null}
        </div>
      </form>
    </>
  );
}

function runQuery(runId: string): ReturnType<typeof apiQuery<'/api/v1/billing/runs/{id}'>> {
  return apiQuery('/api/v1/billing/runs/{id}', { path: { id: runId } });
}

/**
 * A run's progress, starting from `first` and asked for every {@link POLL_MS} while it runs. A failed check
 * stops the polling until "Check again"; when the run ends, what it changed is read again.
 */
function RunProgress({ first, programs }: { first: BillingRun; programs: Program[] }): JSX.Element {
  // The run as started or listed is shown for one whole interval before the first check, as every answer is.
  const [checking, setChecking] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(() => setChecking(true), POLL_MS);
    return () => window.clearTimeout(timer);
  }, []);
  const progress = useQuery({
    ...runQuery(first.id),
    initialData: first,
    enabled: checking,
    refetchInterval: (query) =>
      query.state.status !== 'error' && query.state.data?.status === 'running' ? POLL_MS : false,
  });
  const run = progress.data ?? first;
  const payerName = usePayerName();
  const pollError = progress.error;

  // Seen running here and now ended: the worklist, claims and runs it changed are stale.
  const wasRunning = useRef(first.status === 'running');
  useEffect(() => {
    if (wasRunning.current && run.status !== 'running') {
      void invalidate('/api/v1/billing', '/api/v1/reports');
    }
    wasRunning.current = run.status === 'running';
  }, [run.status]);

  const scope = [
    run.programId === null ? null : programName(programs, run.programId),
    run.payerPack === null ? null : payerName(run.payerPack),
  ].filter((part) => part !== null);
  return (
    <div className="billing-run">
      <h3>
        Run of {formatDate(run.from)} to {formatDate(run.to)}
        {scope.length === 0 ? '' : ` (${scope.join(', ')})`}
      </h3>
      <p role="status" className="billing-run-status">
        <span className={`badge badge-run-${run.status}`}>{runStatusLabel(run.status)}</span>{' '}
        {runSentence(run)}
      </p>
      <progress
        className="billing-progress"
        max={Math.max(run.notesTotal, 1)}
        value={run.status === 'running' ? run.notesDone : Math.max(run.notesTotal, 1)}
        aria-label="Notes judged"
      />
      <dl className="facts facts-compact">
        <div>
          <dt>Notes judged</dt>
          <dd>
            {run.notesDone} of {run.notesTotal}
          </dd>
        </div>
        <div>
          <dt>Claimed</dt>
          <dd>{run.notesClaimed}</dd>
        </div>
        <div>
          <dt>Held</dt>
          <dd>{run.notesHeld}</dd>
        </div>
        <div>
          <dt>Charged</dt>
          <dd>{formatCents(run.chargeCents)}</dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd>
            {formatDateTime(run.startedAt)} by {run.startedBy.displayName}
          </dd>
        </div>
      </dl>
      {pollError === null ? null : (
        <div className="notice notice-error" role="alert">
          <p>
            <strong>Could not check the run’s progress.</strong> {pollError.message}
          </p>
          <button type="button" className="button button-secondary" onClick={() => void progress.refetch()}>
            Check again
          </button>
        </div>
      )}
    </div>
  );
}

/** The run's outcome in a sentence, announced once when it changes (not at every poll). */
function runSentence(run: BillingRun): string {
  switch (run.status) {
    case 'running':
      return 'Judging the notes…';
    case 'finished':
      return `${run.notesTotal} ${run.notesTotal === 1 ? 'note' : 'notes'} judged: ${run.notesClaimed} claimed (${run.claimsCreated} ${run.claimsCreated === 1 ? 'claim' : 'claims'}, ${formatCents(run.chargeCents)}), ${run.notesHeld} held.`;
    case 'failed':
      return `The run stopped: ${run.error ?? 'an error on the server'}. Notes judged before it stopped keep their result; start the run again for the rest.`;
    case 'interrupted':
      return 'The server stopped while the run was working. Start it again: notes already judged keep their result.';
  }
}

// ——— The worklist ———

function WorklistView({
  worklist,
  programs,
  filters,
}: {
  worklist: Worklist;
  programs: Program[];
  filters: AppliedFilters;
}): JSX.Element {
  const heldCents = worklist.held.reduce((sum, note) => sum + (note.signedChargeCents ?? 0), 0);
  return (
    <>
      <section aria-labelledby="held-heading">
        <h2 id="held-heading">Held notes by problem</h2>
        {worklist.groups.length === 0 ? (
          <p className="notice notice-success">
            {Object.keys(filters).length === 0 ? 'No notes are held.' : 'No held notes match these filters.'}
          </p>
        ) : (
          <>
            <p className="table-count">
              {worklist.held.length} {worklist.held.length === 1 ? 'note' : 'notes'} held, worth{' '}
              {formatCents(heldCents)} once cleared. A note with two problems is in both groups.
            </p>
            <ul className="card-list hold-groups" aria-label="Problems holding notes">
              {worklist.groups.map((group) => (
                <li key={group.code} className="card hold-group">
                  <HoldGroupCard
                    group={group}
                    notes={worklist.held.filter((note) =>
                      note.problems.some((problem) => problem.code === group.code),
                    )}
                    programs={programs}
                    filters={filters}
                  />
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section aria-labelledby="claims-by-status-heading">
        <h2 id="claims-by-status-heading">Claims by status</h2>
        <ScrollTable caption="Claims by status, with their amounts">
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col" className="numeric">
                Claims
              </th>
              <th scope="col" className="numeric">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {worklist.claimsByStatus.map((row) => (
              <tr key={row.status}>
                <th scope="row">
                  <Link
                    to={claimsHref({
                      status: row.status,
                      payerPack: filters.payerPack,
                      programId: filters.programId,
                      from: filters.from,
                      to: filters.to,
                    })}
                  >
                    {claimStatusLabel(row.status)}
                  </Link>
                </th>
                <td className="numeric">{row.claims}</td>
                <td className="numeric">{formatCents(row.chargeCents)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      </section>
      <section aria-labelledby="running-out-heading">
        <h2 id="running-out-heading">Authorizations running out</h2>
        {worklist.authorizationsRunningOut.length === 0 ? (
          <p>No authorization is running out.</p>
        ) : (
          <AuthorizationTable
            caption="Authorizations with under a fifth of their units left, or ending within 30 days"
            authorizations={worklist.authorizationsRunningOut}
          />
        )}
      </section>
    </>
  );
}

function HoldGroupCard({
  group,
  notes,
  programs,
  filters,
}: {
  group: HoldGroup;
  notes: HeldNote[];
  programs: Program[];
  filters: AppliedFilters;
}): JSX.Element {
  const headingId = useId();
  const messagesOf = (note: HeldNote): string =>
    note.problems
      .filter((problem) => problem.code === group.code)
      .map((problem) => problem.message)
      .join(' ');
  // Each note carries its own message; the column is there only when one says more than the heading.
  const ownMessages = notes.some((note) => messagesOf(note) !== group.example);
  const only = new URLSearchParams({ ...filters, code: group.code }).toString();
  return (
    <article aria-labelledby={headingId}>
      <h3 id={headingId} className="card-heading">
        {group.example}
      </h3>
      <dl className="facts">
        <div>
          <dt>Who can fix it</dt>
          <dd>{ownerLabel(group.owner)}</dd>
        </div>
        <div>
          <dt>What to do</dt>
          <dd>{ownerAction(group.owner)}</dd>
        </div>
        <div>
          <dt>Source</dt>
          <dd>
            {group.source === undefined ? (
              <None />
            ) : (
              <>
                <cite>{group.source.document}</cite>
                {group.source.section === undefined ? null : <>, {group.source.section}</>}
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>Notes held</dt>
          <dd>
            {group.notes}, worth {formatCents(group.chargeCents)}
          </dd>
        </div>
      </dl>
      {isMissingCharge(group.code) ? (
        <p>
          <Link to="/billing/fees">
            Enter the charge on the Fee schedule page
            <span className="visually-hidden">: {group.example}</span>
          </Link>
        </p>
      ) : null}
      {filters.code === group.code ? null : (
        <p>
          <Link to={`?${only}`}>
            Show only this problem<span className="visually-hidden">: {group.example}</span>
          </Link>
        </p>
      )}
      <details className="hold-notes">
        <summary>
          The {notes.length} {notes.length === 1 ? 'note' : 'notes'}
          {notes.length < group.notes ? ` listed (of ${group.notes})` : ''}
        </summary>
        <ScrollTable caption={`Notes held by: ${group.example}`}>
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">Date of service</th>
              <th scope="col">Peer</th>
              <th scope="col">Program</th>
              <th scope="col" className="numeric">
                Amount
              </th>
              {ownMessages ? <th scope="col">What is wrong</th> : null}
            </tr>
          </thead>
          <tbody>
            {notes.map((note) => (
              <tr key={note.noteId}>
                <th scope="row">
                  <Link to={`/notes/${note.noteId}`}>
                    {note.member.displayName}
                    <span className="visually-hidden">’s note of {formatDate(note.dateOfService)}</span>
                  </Link>
                </th>
                <td className="nowrap">
                  <time dateTime={note.dateOfService}>{formatDate(note.dateOfService)}</time>
                </td>
                <td>{note.author.displayName}</td>
                <td>{programName(programs, note.programId)}</td>
                <td className="numeric">
                  {note.signedChargeCents === null ? <None /> : formatCents(note.signedChargeCents)}
                </td>
                {ownMessages ? <td>{messagesOf(note)}</td> : null}
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      </details>
    </article>
  );
}
