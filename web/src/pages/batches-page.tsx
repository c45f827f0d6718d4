/**
 * @module web/pages/batches-page
 * Billing staff and admins: 837 files (`/billing/batches`). Choose a payer and make its files — every ready
 * claim of that payer, one file per program. When the writer refuses (a missing address, an NPI that fails
 * its check digit, no payer settings), nothing is written and each problem is listed in plain words with a
 * link to the claim it names. Below, every batch made, newest first, with a download link for its file and
 * "Mark as sent" once it has gone to the payer (its claims then count as submitted).
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { JSX } from 'react';
import { Link } from 'react-router';
import { NewBatchSchema, type Batch } from '../../../src/shared/api/billing.js';
import type { PayerPackId } from '../../../src/shared/index.js';
import { api, apiHref, apiQuery, invalidate, ok } from '../api/index.js';
import { BillingNav, RefusalProblems, payerOptions } from '../components/billing-parts.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { ErrorSummary } from '../components/error-summary.js';
import { SelectField } from '../components/fields.js';
import { QueryView } from '../components/load-state.js';
import { PageHeading } from '../components/page-heading.js';
import { None, ScrollTable } from '../components/payer-rules-parts.js';
import { StatusMessage } from '../components/status-message.js';
import { formatCents, formatDateTime } from '../lib/format.js';
import { usePayerName, usePayers } from '../lib/payers.js';
import { problemsUnder } from '../lib/problems.js';
import { useSchemaForm, useSubmission } from '../lib/use-schema-form.js';

export function BatchesPage(): JSX.Element {
  const batches = useQuery({ ...apiQuery('/api/v1/billing/batches'), select: (answer) => answer.batches });
  // A file made or sent changes the batches, the claims in them and the worklist's counts.
  const reload = (): void => void invalidate('/api/v1/billing', '/api/v1/reports');
  const [message, setMessage] = useState<string | null>(null);
  const payerName = usePayerName();
  return (
    <>
      <PageHeading title="837 batches">837 batches</PageHeading>
      <BillingNav />
      <StatusMessage message={message} />
      <section aria-labelledby="make-batch-heading" className="panel">
        <h2 id="make-batch-heading">Make 837 files</h2>
        <MakeBatchForm
          onMade={(made, payerPack) => {
            setMessage(madeText(made, payerName(payerPack)));
            reload();
          }}
        />
      </section>
      <section aria-labelledby="batches-heading">
        <h2 id="batches-heading">Batches</h2>
        <QueryView query={batches} what="the batches">
          {(list) => (
            <BatchTable
              batches={list}
              onSent={(batch) => {
                setMessage(
                  `Marked ${batch.fileName} as sent: its ${batch.claimCount} claims are now submitted.`,
                );
                reload();
              }}
            />
          )}
        </QueryView>
      </section>
    </>
  );
}

/** What making files did, for the payer named `payer`. */
function madeText(made: readonly Batch[], payer: string): string {
  if (made.length === 0) {
    return `No claims of ${payer} were ready, so no file was made.`;
  }
  const claims = made.reduce((sum, batch) => sum + batch.claimCount, 0);
  return `Made ${made.length} ${made.length === 1 ? 'file' : 'files'} for ${payer} with ${claims} ${claims === 1 ? 'claim' : 'claims'}. Download ${made.length === 1 ? 'it' : 'them'} below.`;
}

const PAYER_FIELD_ID = 'batch-payer';

function MakeBatchForm({ onMade }: { onMade: (made: Batch[], payerPack: PayerPackId) => void }): JSX.Element {
  const [payerPack, setPayerPack] = useState('');
  const payers = usePayers();
  const form = useSchemaForm({
    schema: NewBatchSchema,
    // The choice as made: the schema says when it is not a payer.
    input: { payerPack },
    send: async (body) => {
      const { batches: made } = await ok(api.POST('/api/v1/billing/batches', { body }));
      return { made, payerPack: body.payerPack };
    },
    afterSuccess: 'stay',
    onSuccess: ({ made, payerPack: pack }) => onMade(made, pack),
  });
  // A refusal names claims, not this form's field; the payer's own problem (no settings) stays beside it.
  const fieldProblems = problemsUnder(form.problems, 'payerPack');
  const claimProblems = form.problems.filter((problem) => !fieldProblems.includes(problem));
  return (
    <>
      <p>
        Every claim of the payer that is ready goes into one file per program. If any claim is not right, no
        file is made and each problem is listed with its claim. The payer’s ids come from the{' '}
        <Link to="/billing/settings">billing settings</Link>.
      </p>
      <ErrorSummary
        problems={fieldProblems}
        fieldIds={{ payerPack: PAYER_FIELD_ID }}
        focusKey={form.focusKey}
      />
      <RefusalProblems title="No file was made" problems={claimProblems} focusKey={form.focusKey} />
      <form onSubmit={form.submit} noValidate className="filters" aria-label="Make 837 files">
        <SelectField
          id={PAYER_FIELD_ID}
          name="payerPack"
          label="Payer"
          options={payerOptions(payers, 'Choose a payer…')}
          value={payerPack}
          onValueChange={setPayerPack}
          problems={fieldProblems}
        />
        <div className="button-row filters-buttons">
          <button type="submit" className="button" disabled={form.submitting}>
            {form.submitting ? 'Making files…' : 'Make 837 files'}
          </button>
        </div>
      </form>
    </>
  );
}

function BatchTable({ batches, onSent }: { batches: Batch[]; onSent: (batch: Batch) => void }): JSX.Element {
  const [sending, setSending] = useState<Batch | null>(null);
  const action = useSubmission();
  const payerName = usePayerName();
  if (batches.length === 0) {
    return <p>No 837 files have been made yet.</p>;
  }
  return (
    <>
      <RefusalProblems
        title="The batch was not marked as sent"
        problems={action.problems}
        focusKey={action.focusKey}
      />
      <ScrollTable caption="837 batches, newest first">
        <thead>
          <tr>
            <th scope="col">File (download)</th>
            <th scope="col">Payer</th>
            <th scope="col" className="numeric">
              Claims
            </th>
            <th scope="col" className="numeric">
              Lines
            </th>
            <th scope="col" className="numeric">
              Amount
            </th>
            <th scope="col">Made</th>
            <th scope="col">Sent</th>
          </tr>
        </thead>
        <tbody>
          {batches.map((batch) => (
            <tr key={batch.id}>
              <th scope="row" className="nowrap">
                <a
                  href={apiHref('/api/v1/billing/batches/{id}/file', { path: { id: batch.id } })}
                  download={batch.fileName}
                >
                  {batch.fileName}
                </a>
              </th>
              <td>{payerName(batch.payerPack)}</td>
              <td className="numeric">{batch.claimCount}</td>
              <td className="numeric">{batch.lineCount}</td>
              <td className="numeric">{formatCents(batch.totalCents)}</td>
              <td className="nowrap">
                <time dateTime={batch.createdAt}>{formatDateTime(batch.createdAt)}</time>
              </td>
              <td className="nowrap">
                {batch.submittedAt === null ? (
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    disabled={action.submitting}
                    onClick={() => setSending(batch)}
                  >
                    Mark as sent<span className="visually-hidden">: {batch.fileName}</span>
                  </button>
                ) : (
                  <time dateTime={batch.submittedAt}>{formatDateTime(batch.submittedAt)}</time>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      <ConfirmDialog
        open={sending !== null}
        title="Mark the file as sent?"
        confirmLabel="Mark as sent"
        onCancel={() => setSending(null)}
        onConfirm={() => {
          const batch = sending;
          setSending(null);
          if (batch === null) return;
          const params = { path: { id: batch.id } };
          action.send(() => ok(api.POST('/api/v1/billing/batches/{id}/submitted', { params, body: {} })), {
            afterSuccess: 'stay',
            onSuccess: onSent,
          });
        }}
      >
        <p>
          {sending === null ? <None /> : sending.fileName}: do this once the payer or clearinghouse has the
          file. Its claims become “sent to the payer”, ready for the payer’s answer.
        </p>
      </ConfirmDialog>
    </>
  );
}
