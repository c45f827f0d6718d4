/**
 * @module web/pages/claim-page
 * Billing staff and admins: one claim (`/billing/claims/:claimId`) — who and what it bills, its lines with
 * their notes, and its status history. Buttons record what the payer answered (sent, accepted with the
 * payer's claim number, rejected, paid, denied — only the moves CLAIM_STATUS_MOVES allows from its status),
 * and a claim the payer has on file can be replaced or voided with a reason. A refusal (409) is shown in
 * the server's plain words beside the form that caused it.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { JSX } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  ClaimCorrectionSchema,
  ClaimStatusChangeSchema,
  type ClaimCorrection,
  type ClaimDetail,
  type ClaimStatusChange,
} from '../../../src/shared/api/billing.js';
import { CLAIM_STATUS_MOVES, type ClaimStatus } from '../../../src/shared/billing.js';
import { api, apiQuery, invalidate, ok, showChanged } from '../api/index.js';
import {
  BillingNav,
  ClaimStatusBadge,
  claimStatusLabel,
  frequencyLabel,
  programName,
  usePrograms,
} from '../components/billing-parts.js';
import { ErrorSummary } from '../components/error-summary.js';
import { RadioGroup, TextAreaField, TextField } from '../components/fields.js';
import { RecordPage } from '../components/load-state.js';
import { PageHeading } from '../components/page-heading.js';
import { Modifiers, None, ScrollTable } from '../components/payer-rules-parts.js';
import { StatusMessage } from '../components/status-message.js';
import { formatCents, formatDate, formatDateTime } from '../lib/format.js';
import type { NoticeState } from '../lib/navigation-notice.js';
import { useNavigationNotice } from '../lib/navigation-notice.js';
import { usePayerName } from '../lib/payers.js';
import { problemsUnder } from '../lib/problems.js';
import { useSchemaForm } from '../lib/use-schema-form.js';

type Answer = ClaimStatusChange['status'];

/** The payer's answers billing staff record here (`batched` is the Batches page's doing). */
const ANSWERS: readonly Answer[] = ['submitted', 'accepted', 'rejected', 'paid', 'denied'];

/** Statuses the payer has the claim on file in, so it can be replaced or voided. */
const CORRECTABLE: readonly ClaimStatus[] = ['accepted', 'paid', 'denied'];

export function ClaimPage(): JSX.Element {
  const { claimId = '' } = useParams();
  const notice = useNavigationNotice();
  const record = apiQuery('/api/v1/billing/claims/{id}', { path: { id: claimId } });
  const claim = useQuery(record);
  // A payer's answer changes the claim, the claim list and the worklist's counts.
  const onChange = (updated: ClaimDetail): void =>
    showChanged(record, updated, '/api/v1/billing', '/api/v1/reports');
  return (
    <RecordPage
      query={claim}
      back={{ to: '/billing/claims', label: 'Back to claims' }}
      title="Claim"
      what="the claim"
      notFound={{
        title: 'Claim not found',
        text: 'There is no claim with this address in your organisation.',
      }}
    >
      {(loaded) => <ClaimView claim={loaded} notice={notice} onChange={onChange} />}
    </RecordPage>
  );
}

function ClaimView({
  claim,
  notice,
  onChange,
}: {
  claim: ClaimDetail;
  notice: string | null;
  onChange: (claim: ClaimDetail) => void;
}): JSX.Element {
  const programs = usePrograms();
  const payerName = usePayerName();
  const [saved, setSaved] = useState<string | null>(null);
  const answers = CLAIM_STATUS_MOVES[claim.status].filter((status): status is Answer =>
    ANSWERS.some((answer) => answer === status),
  );
  return (
    <>
      <PageHeading title={`Claim PL${claim.claimNumber}`}>Claim PL{claim.claimNumber}</PageHeading>
      <BillingNav />
      <StatusMessage message={saved ?? notice} />
      <p className="inline-list">
        <ClaimStatusBadge status={claim.status} />{' '}
        {claim.frequencyCode === '1' ? null : (
          <span className="badge badge-inactive">{frequencyLabel(claim.frequencyCode)}</span>
        )}
      </p>
      <dl className="facts facts-wide">
        <div>
          <dt>Member</dt>
          <dd>
            <Link to={`/members/${claim.member.id}`}>{claim.member.displayName}</Link>
          </dd>
        </div>
        <div>
          <dt>Date of service</dt>
          <dd>{formatDate(claim.dateOfService)}</dd>
        </div>
        <div>
          <dt>Payer</dt>
          <dd>{payerName(claim.payerPack)}</dd>
        </div>
        <div>
          <dt>Program</dt>
          <dd>{programName(programs, claim.programId)}</dd>
        </div>
        <div>
          <dt>Rendering provider</dt>
          <dd>{claim.renderingProvider.displayName}</dd>
        </div>
        <div>
          <dt>Charge</dt>
          <dd>
            {formatCents(claim.totalCents)} ({claim.lineCount} {claim.lineCount === 1 ? 'line' : 'lines'})
          </dd>
        </div>
        <div>
          <dt>Payer’s claim number</dt>
          <dd>{claim.payerClaimNumber ?? 'Not recorded'}</dd>
        </div>
        <div>
          <dt>837 file</dt>
          <dd>
            {claim.batchId === null ? 'Not in a file yet' : <Link to="/billing/batches">In a batch</Link>}
          </dd>
        </div>
        {claim.originalClaimId === null ? null : (
          <div>
            <dt>Corrects</dt>
            <dd>
              <Link to={`/billing/claims/${claim.originalClaimId}`}>The original claim</Link>
            </dd>
          </div>
        )}
        {claim.supersededBy === null ? null : (
          <div>
            <dt>Corrected by</dt>
            <dd>
              <Link to={`/billing/claims/${claim.supersededBy}`}>The newer claim</Link>
            </dd>
          </div>
        )}
      </dl>
      <section aria-labelledby="answer-heading" className="panel">
        <h2 id="answer-heading">The payer’s answer</h2>
        {answers.length === 0 ? (
          <p>{noAnswerText(claim.status)}</p>
        ) : (
          <AnswerForm
            key={claim.status}
            claim={claim}
            answers={answers}
            onSaved={(updated) => {
              setSaved(`Recorded: ${claimStatusLabel(updated.status)}.`);
              onChange(updated);
            }}
          />
        )}
      </section>
      {CORRECTABLE.includes(claim.status) && claim.supersededBy === null && claim.frequencyCode !== '8' ? (
        <section aria-labelledby="correct-heading" className="panel">
          <h2 id="correct-heading">Replace or void</h2>
          <CorrectionForm claim={claim} />
        </section>
      ) : null}
      <section aria-labelledby="lines-heading">
        <h2 id="lines-heading">Lines</h2>
        <ClaimLines claim={claim} />
      </section>
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        <ol className="record-list">
          {claim.events.map((event, index) => (
            <li key={`${event.at}-${index}`} className="record-item">
              <span className="record-text">
                <ClaimStatusBadge status={event.status} />{' '}
                <time dateTime={event.at}>{formatDateTime(event.at)}</time>
                {event.by === null ? null : ` by ${event.by}`}
                {event.comment === null ? null : <span className="record-meta">{event.comment}</span>}
              </span>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

function noAnswerText(status: ClaimStatus): string {
  switch (status) {
    case 'ready':
      return 'This claim is ready for an 837 file: make one on the Batches page, then mark it as sent.';
    case 'rejected':
      return 'The payer rejected this claim; its notes are billed again by the next billing run.';
    case 'paid':
    case 'denied':
      return `The payer ${status === 'paid' ? 'paid' : 'denied'} this claim: there is no further answer to record.`;
    case 'batched':
    case 'submitted':
    case 'accepted':
      return 'There is no answer to record at this point.';
  }
}

function answerLabel(answer: Answer): string {
  switch (answer) {
    case 'submitted':
      return 'Sent to the payer';
    case 'accepted':
      return 'Accepted by the payer (enter its claim number)';
    case 'rejected':
      return 'Rejected by the payer (its notes are billed again)';
    case 'paid':
      return 'Paid';
    case 'denied':
      return 'Denied';
  }
}

const ANSWER_IDS = {
  status: 'answer-status',
  payerClaimNumber: 'answer-payer-claim-number',
  comment: 'answer-comment',
} as const;

function AnswerForm({
  claim,
  answers,
  onSaved,
}: {
  claim: ClaimDetail;
  answers: readonly Answer[];
  onSaved: (claim: ClaimDetail) => void;
}): JSX.Element {
  const [status, setStatus] = useState<Answer>(answers[0] ?? 'submitted');
  const [payerClaimNumber, setPayerClaimNumber] = useState('');
  const [comment, setComment] = useState('');
  const form = useSchemaForm({
    schema: ClaimStatusChangeSchema,
    input: {
      status,
      payerClaimNumber: payerClaimNumber.trim() === '' ? undefined : payerClaimNumber,
      comment: comment.trim() === '' ? undefined : comment,
    },
    send: (body) =>
      ok(api.POST('/api/v1/billing/claims/{id}/status', { params: { path: { id: claim.id } }, body })),
    afterSuccess: 'stay',
    onSuccess: onSaved,
  });
  const fieldIds = { ...ANSWER_IDS, status: `${ANSWER_IDS.status}-${answers[0] ?? ''}` };
  return (
    <>
      <ErrorSummary problems={form.problems} fieldIds={fieldIds} focusKey={form.focusKey} />
      <form onSubmit={form.submit} noValidate className="form">
        <RadioGroup
          id={ANSWER_IDS.status}
          legend="What the payer answered"
          options={answers.map((answer) => ({ value: answer, label: answerLabel(answer) }))}
          value={status}
          onChange={setStatus}
          problems={problemsUnder(form.problems, 'status')}
        />
        {status === 'accepted' ? (
          <TextField
            id={ANSWER_IDS.payerClaimNumber}
            name="payerClaimNumber"
            label="Payer’s claim number"
            hint="The payer’s number for this claim (ICN); a replacement or void must cite it."
            autoComplete="off"
            spellCheck={false}
            value={payerClaimNumber}
            onValueChange={setPayerClaimNumber}
            problems={problemsUnder(form.problems, 'payerClaimNumber')}
          />
        ) : null}
        <TextAreaField
          id={ANSWER_IDS.comment}
          name="comment"
          label="Comment (optional)"
          hint="For example the payer’s reason for a rejection or denial."
          value={comment}
          onValueChange={setComment}
          problems={problemsUnder(form.problems, 'comment')}
        />
        <button type="submit" className="button" disabled={form.submitting}>
          {form.submitting ? 'Recording…' : 'Record the answer'}
        </button>
      </form>
    </>
  );
}

const CORRECTION_BUTTONS: Record<ClaimCorrection['kind'], string> = {
  replace: 'Replace the claim',
  void: 'Void the claim',
};

const CORRECTION_IDS = { kind: 'correction-kind-replace', reason: 'correction-reason' } as const;

function CorrectionForm({ claim }: { claim: ClaimDetail }): JSX.Element {
  const navigate = useNavigate();
  const [kind, setKind] = useState<ClaimCorrection['kind']>('replace');
  const [reason, setReason] = useState('');
  const form = useSchemaForm({
    schema: ClaimCorrectionSchema,
    input: { kind, reason },
    send: async (body) => {
      const params = { path: { id: claim.id } };
      const created = await ok(api.POST('/api/v1/billing/claims/{id}/corrections', { params, body }));
      await invalidate('/api/v1/billing', '/api/v1/reports');
      return created;
    },
    afterSuccess: 'leave',
    onSuccess: (created) => {
      const state: NoticeState = {
        notice: `Made ${created.frequencyCode === '8' ? 'a void' : 'a replacement'} of claim PL${claim.claimNumber}: it is ready for the next 837 file.`,
      };
      void navigate(`/billing/claims/${created.id}`, { state });
    },
  });
  return (
    <>
      <p>
        The payer has this claim on file. A replacement (frequency 7) judges its notes again and bills what
        they now say; a void (frequency 8) takes the claim back. Either goes in the next 837 file and cites
        the payer’s claim number.
      </p>
      <ErrorSummary problems={form.problems} fieldIds={CORRECTION_IDS} focusKey={form.focusKey} />
      <form onSubmit={form.submit} noValidate className="form">
        <RadioGroup
          id="correction-kind"
          legend="Correction"
          options={[
            { value: 'replace', label: 'Replace the claim' },
            { value: 'void', label: 'Void the claim' },
          ]}
          value={kind}
          onChange={setKind}
          problems={problemsUnder(form.problems, 'kind')}
        />
        <TextAreaField
          id={CORRECTION_IDS.reason}
          name="reason"
          label="Reason"
          hint="Why the claim is corrected; kept in its history."
          value={reason}
          onValueChange={setReason}
          problems={problemsUnder(form.problems, 'reason')}
        />
        <button type="submit" className="button button-danger" disabled={form.submitting}>
          {form.submitting ? 'Correcting…' : CORRECTION_BUTTONS[kind]}
        </button>
      </form>
    </>
  );
}

function ClaimLines({ claim }: { claim: ClaimDetail }): JSX.Element {
  return (
    <ScrollTable caption={`Lines of claim PL${claim.claimNumber}`}>
      <thead>
        <tr>
          <th scope="col">Line</th>
          <th scope="col">Note</th>
          <th scope="col">Code</th>
          <th scope="col">Modifiers</th>
          <th scope="col" className="numeric">
            Units
          </th>
          <th scope="col" className="numeric">
            Unit charge
          </th>
          <th scope="col" className="numeric">
            Charge
          </th>
          <th scope="col" className="numeric">
            Expected
          </th>
          <th scope="col">Place of service</th>
          <th scope="col">Authorization</th>
          <th scope="col">Warnings</th>
        </tr>
      </thead>
      <tbody>
        {claim.lines.map((line) => (
          <tr key={line.lineNumber} className={line.current ? undefined : 'line-superseded'}>
            <th scope="row">
              {line.lineNumber}
              {line.current ? null : <span className="record-meta">No longer billed</span>}
            </th>
            <td className="nowrap">
              <Link to={`/notes/${line.noteId}`}>
                Open the note<span className="visually-hidden"> of line {line.lineNumber}</span>
              </Link>
            </td>
            <td>
              <code>{line.code}</code>
            </td>
            <td>
              <Modifiers modifiers={line.modifiers} />
            </td>
            <td className="numeric">{line.units}</td>
            <td className="numeric">{formatCents(line.unitChargeCents)}</td>
            <td className="numeric">{formatCents(line.chargeCents)}</td>
            <td className="numeric">
              {line.expectedCents === null ? (
                <span className="muted">No rate</span>
              ) : (
                formatCents(line.expectedCents)
              )}
            </td>
            <td>
              <code>{line.placeOfService}</code>
            </td>
            <td className="wrap-anywhere">{line.authorizationNumber ?? <None />}</td>
            <td>
              {line.warnings.length === 0 ? (
                <None />
              ) : (
                <ul className="plain-list">
                  {line.warnings.map((warning, index) => (
                    <li key={`${warning.code}-${index}`}>{warning.message}</li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
