/**
 * @module web/components/note-claim-preview
 * What the payer rules say about a note: the claim line (code, modifiers, units, amount, place of service),
 * whether it can be billed, the room left under each limit, the due date, and every problem in plain words
 * with the source it rests on (document, section, quotation — folded away until asked for). A problem
 * about a field of the note links to that field; one about the member's or the staff member's record says
 * where it is put right.
 */
import type { JSX } from 'react';
import { Link } from 'react-router';
import type { ClaimPreview, Problem, ProblemSource } from '../../../src/shared/index.js';
import { formatCents, formatDate } from '../lib/format.js';
import { controlIdOf, focusControl, problemRecordOf } from '../lib/note-problems.js';
import { Modifiers, None, SeverityBadge, SourceQuote, payerPackPath } from './payer-rules-parts.js';

/** Where the records behind a note's problems are: links for problems that are not about the note. */
export interface ProblemRecordLinks {
  memberId: string;
  authorId: string;
}

export interface NoteClaimPreviewProps {
  preview: ClaimPreview | null;
  /** A line under the heading saying how current the preview is ("Updating…"), if not current. */
  freshness?: string | null;
  /** Control ids of the note form, for links from problems to fields; absent for a read-only note. */
  fieldIds?: Readonly<Record<string, string>>;
  records?: ProblemRecordLinks;
  /** Problems to show when there is no preview to show them with (a refused preview request). */
  refusal?: readonly Problem[];
  title?: string;
}

function pluralise(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * The preview in one sentence, for the live region and the phone's summary bar.
 *
 * @example "H0038 HQ, 3 units, $68.01 — not billable: 1 error, 1 warning"
 */
export function previewSentence(preview: ClaimPreview | null): string {
  if (preview === null) {
    return 'No claim preview yet.';
  }
  const line = preview.lines[0];
  const claim =
    line === undefined
      ? 'No claim line'
      : [
          [line.code, ...line.modifiers].join(' '),
          pluralise(line.units, 'unit', 'units'),
          formatCents(preview.lines.reduce((sum, each) => sum + each.chargeCents, 0)),
        ].join(', ');
  const errors = preview.problems.filter((problem) => problem.severity === 'error').length;
  const warnings = preview.problems.filter((problem) => problem.severity === 'warning').length;
  const counts = [
    errors > 0 ? pluralise(errors, 'error', 'errors') : null,
    warnings > 0 ? pluralise(warnings, 'warning', 'warnings') : null,
  ].filter((part) => part !== null);
  const verdict = preview.billable ? 'billable' : 'not billable';
  return `${claim} — ${verdict}${counts.length > 0 ? `: ${counts.join(', ')}` : ''}`;
}

export function NoteClaimPreview({
  preview,
  freshness = null,
  fieldIds,
  records,
  refusal = [],
  title = 'Claim preview',
}: NoteClaimPreviewProps): JSX.Element {
  return (
    <section aria-labelledby="claim-preview-heading" className="panel claim-preview" id="claim-preview">
      <h2 id="claim-preview-heading">{title}</h2>
      {freshness === null ? null : <p className="preview-freshness">{freshness}</p>}
      {preview === null ? (
        <p>
          No preview yet. It appears as soon as the note has what the payer rules need, starting with the
          start and end times.
        </p>
      ) : (
        <PreviewBody preview={preview} fieldIds={fieldIds} records={records} />
      )}
      {refusal.length > 0 ? (
        <ProblemList
          problems={refusal}
          fieldIds={fieldIds}
          records={records}
          label="Why there is no preview"
        />
      ) : null}
    </section>
  );
}

function PreviewBody({
  preview,
  fieldIds,
  records,
}: {
  preview: ClaimPreview;
  fieldIds: Readonly<Record<string, string>> | undefined;
  records: ProblemRecordLinks | undefined;
}): JSX.Element {
  return (
    <>
      <p className={preview.billable ? 'preview-verdict preview-billable' : 'preview-verdict preview-held'}>
        <strong>{preview.billable ? 'Billable as shown.' : 'Not billable yet.'}</strong>{' '}
        {preview.billable
          ? 'No problem holds this claim.'
          : 'Put right the errors below before the claim can be billed.'}{' '}
        <span className="preview-pack">
          Judged by <Link to={payerPackPath(preview.pack.id)}>{preview.pack.name}</Link>, version{' '}
          {preview.pack.version}.
        </span>
      </p>
      {preview.lines.length === 0 ? (
        <p>No claim line: the payer rules found nothing to bill for this service.</p>
      ) : (
        preview.lines.map((line, index) => (
          <dl key={`${line.code}-${index}`} className="facts preview-line">
            <div>
              <dt>Code</dt>
              <dd>
                <code>{line.code}</code> {line.procedure}
              </dd>
            </div>
            <div>
              <dt>Modifiers</dt>
              <dd>
                <Modifiers modifiers={line.modifiers} />
              </dd>
            </div>
            <div>
              <dt>Units</dt>
              <dd>
                {line.units} ({pluralise(preview.minutes, 'minute', 'minutes')} with the member)
              </dd>
            </div>
            <div>
              <dt>Charge</dt>
              <dd>
                {line.unitChargeCents === 0 ? (
                  'No charge on file'
                ) : (
                  <>
                    {formatCents(line.chargeCents)}{' '}
                    <span className="muted">({formatCents(line.unitChargeCents)} a unit)</span>
                  </>
                )}
              </dd>
            </div>
            <div>
              <dt>Expected payment</dt>
              <dd>
                {line.expectedCents === null || line.unitRateCents === null ? (
                  'No rate on file'
                ) : (
                  <>
                    {formatCents(line.expectedCents)}{' '}
                    <span className="muted">({formatCents(line.unitRateCents)} a unit)</span>
                  </>
                )}
              </dd>
            </div>
            <div>
              <dt>Place of service</dt>
              <dd>{line.placeOfService === '' ? <None /> : <code>{line.placeOfService}</code>}</dd>
            </div>
          </dl>
        ))
      )}
      {preview.noteDueOn === null ? null : (
        <p>
          This note is due by <strong>{formatDate(preview.noteDueOn)}</strong>.
        </p>
      )}
      {preview.limits.length === 0 ? null : (
        <>
          <h3>Room under limits</h3>
          <ul className="plain-list preview-limits">
            {preview.limits.map((limit) => (
              <li key={limit.id}>
                <strong>{limit.label}</strong>:{' '}
                {limit.remaining < 0
                  ? `over by ${-limit.remaining} ${limit.unit}`
                  : `${limit.remaining} of ${limit.limit} ${limit.unit} left`}{' '}
                after this service, which uses {limit.thisService}.
              </li>
            ))}
          </ul>
        </>
      )}
      {preview.problems.length === 0 ? (
        <p>No problems: every rule of the pack is met.</p>
      ) : (
        <ProblemList
          problems={preview.problems}
          fieldIds={fieldIds}
          records={records}
          label={`Problems (${preview.problems.length})`}
          packId={preview.pack.id}
        />
      )}
    </>
  );
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Problems, errors first, each linked to its field or record, with its source folded underneath. */
export function ProblemList({
  problems,
  fieldIds,
  records,
  label,
  packId,
}: {
  problems: readonly Problem[];
  fieldIds: Readonly<Record<string, string>> | undefined;
  records: ProblemRecordLinks | undefined;
  label: string;
  packId?: string;
}): JSX.Element {
  const sorted = [...problems].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return (
    <>
      <h3>{label}</h3>
      <ul className="preview-problems">
        {sorted.map((problem, index) => (
          <li
            key={`${problem.code}-${index}`}
            className={`preview-problem preview-problem-${problem.severity}`}
          >
            <p>
              <SeverityBadge severity={problem.severity} />{' '}
              <ProblemMessage problem={problem} fieldIds={fieldIds} />
            </p>
            <RecordLink problem={problem} records={records} />
            {problem.source === undefined ? null : (
              <ProblemSourceDetails source={problem.source} packId={packId} />
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function ProblemMessage({
  problem,
  fieldIds,
}: {
  problem: Problem;
  fieldIds: Readonly<Record<string, string>> | undefined;
}): JSX.Element {
  const target = fieldIds === undefined ? undefined : controlIdOf(problem, fieldIds);
  if (target === undefined) {
    return <span>{problem.message}</span>;
  }
  return (
    <a
      href={`#${target}`}
      onClick={(event) => {
        event.preventDefault();
        focusControl(target);
      }}
    >
      {problem.message}
    </a>
  );
}

function RecordLink({
  problem,
  records,
}: {
  problem: Problem;
  records: ProblemRecordLinks | undefined;
}): JSX.Element | null {
  if (records === undefined) {
    return null;
  }
  switch (problemRecordOf(problem)) {
    case 'member':
      return (
        <p className="preview-record">
          Put right on <Link to={`/members/${records.memberId}`}>the member’s record</Link>.
        </p>
      );
    case 'staff':
      return (
        <p className="preview-record">
          Put right on <Link to={`/staff/${records.authorId}`}>the staff record</Link> (credentials).
        </p>
      );
    case 'other':
      return null;
  }
}

function ProblemSourceDetails({ source, packId }: { source: ProblemSource; packId?: string }): JSX.Element {
  return (
    <details className="preview-source">
      <summary>Source</summary>
      {source.quote === undefined ? (
        <p>
          <cite>{source.document}</cite>
          {source.section === undefined ? null : <>, {source.section}</>}
        </p>
      ) : (
        <SourceQuote
          citation={{ document: source.document, section: source.section ?? '', quote: source.quote }}
        />
      )}
      {source.ruleId === undefined || packId === undefined ? null : (
        <p>
          Rule <Link to={payerPackPath(packId, source.ruleId)}>{source.ruleId}</Link>
          {source.ruleVersion === undefined ? null : `, version ${source.ruleVersion}`}
        </p>
      )}
    </details>
  );
}
