/**
 * @module web/pages/fee-schedule-page
 * Billing staff and admins: the organisation's fee schedule (`/billing/fees`) — for each payer, the price of
 * each service (code and modifiers, all programs or one) over its dates: the charge a claim bills per unit and
 * the rate the payer is expected to pay (the payer's own rate when none is entered, "Not on file" when the
 * sources give none), and who changed it last. Billing staff add a price, change a line's price and dates,
 * remove a line after confirming, export the schedule as CSV and import one, and read the history of changes
 * (before → after). A note without a charge on file is held by the billing run with a message that sends
 * billing staff here; the next run after the price is entered claims it.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { JSX } from 'react';
import type { FeeLine } from '../../../src/shared/api/fee-schedule.js';
import type { Program } from '../../../src/shared/index.js';
import { api, apiHref, apiQuery } from '../api/index.js';
import { BillingNav, programName, usePrograms } from '../components/billing-parts.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { ErrorSummary } from '../components/error-summary.js';
import { AddFeeForm, EditFeeDialog, ImportFeesForm, feesChanged } from '../components/fee-forms.js';
import { QueryView } from '../components/load-state.js';
import { PageHeading } from '../components/page-heading.js';
import { ScrollTable } from '../components/payer-rules-parts.js';
import { StatusMessage } from '../components/status-message.js';
import {
  describeFeeChange,
  expectedRateText,
  feeDates,
  feeService,
  feesByPayer,
  type PayerFees,
} from '../lib/fee-lines.js';
import { formatCents, formatDate, formatDateTime } from '../lib/format.js';
import { usePayerName, usePayers } from '../lib/payers.js';
import { useSubmission } from '../lib/use-schema-form.js';

/** The history shows this many changes until asked for all of them. */
const HISTORY_SHOWN = 20;

export function FeeSchedulePage(): JSX.Element {
  const fees = useQuery({ ...apiQuery('/api/v1/fee-schedule'), select: (answer) => answer.fees });
  const payers = usePayers();
  const programs = usePrograms();
  const [message, setMessage] = useState<string | null>(null);
  const [editing, setEditing] = useState<FeeLine | null>(null);
  const [removing, setRemoving] = useState<FeeLine | null>(null);
  const removal = useSubmission();

  const remove = (line: FeeLine): void => {
    removal.send(
      async () => {
        await api.DELETE('/api/v1/fee-schedule/{id}', { params: { path: { id: line.id } }, body: {} });
        await feesChanged();
      },
      {
        afterSuccess: 'stay',
        onSuccess: () =>
          setMessage(
            `Removed the price of ${feeService(line)} under ${line.payerName} ${feeDates(line)}. Notes it priced are held by the next billing run until a price is entered.`,
          ),
      },
    );
  };

  return (
    <>
      <PageHeading title="Fee schedule">Fee schedule</PageHeading>
      <BillingNav />
      <p>
        What your organisation charges each payer per unit of a service, and what the payer is expected to
        pay. Billing runs price every claim line from here: a note whose service has no charge on file is held
        until one is entered.
      </p>
      <StatusMessage message={message} />
      <section aria-labelledby="fees-heading">
        <h2 id="fees-heading">Prices</h2>
        <ErrorSummary
          problems={removal.problems}
          focusKey={removal.focusKey}
          title="The price was not removed"
        />
        <QueryView query={fees} what="the fee schedule">
          {(lines) =>
            lines.length === 0 ? (
              <p className="notice notice-info">
                No prices are on file: every note is held until its charge is entered. Add a price below, or
                import a CSV file.
              </p>
            ) : (
              <>
                {feesByPayer(lines).map((group) => (
                  <PayerFeeTable
                    key={group.payerPack}
                    group={group}
                    busy={removal.submitting}
                    onEdit={(line) => {
                      setMessage(null);
                      setEditing(line);
                    }}
                    onRemove={(line) => {
                      setMessage(null);
                      setRemoving(line);
                    }}
                  />
                ))}
              </>
            )
          }
        </QueryView>
      </section>
      <section aria-labelledby="add-fee-heading" className="panel">
        <h2 id="add-fee-heading">Add a price</h2>
        <AddFeeForm
          payers={payers}
          programs={programs}
          onAdded={(line) =>
            setMessage(
              `Added the price of ${feeService(line)} under ${line.payerName}: ${formatCents(line.unitChargeCents)} a unit ${feeDates(line)}.`,
            )
          }
        />
      </section>
      <section aria-labelledby="fee-csv-heading" className="panel">
        <h2 id="fee-csv-heading">Export and import</h2>
        <p>
          <a href={apiHref('/api/v1/fee-schedule.csv', {})} download className="button button-secondary">
            Download the fee schedule as CSV
          </a>
        </p>
        <ImportFeesForm
          onImported={(result) =>
            setMessage(
              `Imported the file: ${result.added} ${result.added === 1 ? 'price' : 'prices'} added, ${result.changed} changed, ${result.unchanged} as they were.`,
            )
          }
        />
      </section>
      <FeeHistory programs={programs} />
      <EditFeeDialog
        line={editing}
        onClose={() => setEditing(null)}
        onSaved={(line) => {
          setEditing(null);
          setMessage(
            `Saved the price of ${feeService(line)} under ${line.payerName}: ${formatCents(line.unitChargeCents)} a unit ${feeDates(line)}.`,
          );
        }}
      />
      <ConfirmDialog
        open={removing !== null}
        title="Remove this price?"
        confirmLabel="Remove the price"
        destructive
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          const line = removing;
          setRemoving(null);
          if (line !== null) remove(line);
        }}
      >
        {removing === null ? null : (
          <p>
            {feeService(removing)} under {removing.payerName} at {formatCents(removing.unitChargeCents)} a
            unit {feeDates(removing)}. Notes with a date of service it covers are held by the next billing run
            until a price is entered; claims already made keep what they billed. The history keeps the line.
          </p>
        )}
      </ConfirmDialog>
    </>
  );
}

/** One payer's prices: a table that scrolls inside its own region on a phone. */
function PayerFeeTable({
  group,
  busy,
  onEdit,
  onRemove,
}: {
  group: PayerFees;
  busy: boolean;
  onEdit: (line: FeeLine) => void;
  onRemove: (line: FeeLine) => void;
}): JSX.Element {
  const headingId = `fees-${group.payerPack}-heading`;
  return (
    <section aria-labelledby={headingId} className="fee-payer">
      <h3 id={headingId}>{group.payerName}</h3>
      <ScrollTable caption={`Prices for ${group.payerName}, per unit`}>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Program</th>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col" className="numeric">
              Charge per unit
            </th>
            <th scope="col" className="numeric">
              Expected per unit
            </th>
            <th scope="col">Last changed</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {group.fees.map((line) => (
            <tr key={line.id}>
              <th scope="row" className="nowrap">
                <code>{feeService(line)}</code>
              </th>
              <td>{line.program?.name ?? 'All programs'}</td>
              <td className="nowrap">
                <time dateTime={line.effectiveFrom}>{formatDate(line.effectiveFrom)}</time>
              </td>
              <td className="nowrap">
                {line.effectiveTo === null ? (
                  'No end date'
                ) : (
                  <time dateTime={line.effectiveTo}>{formatDate(line.effectiveTo)}</time>
                )}
              </td>
              <td className="numeric">{formatCents(line.unitChargeCents)}</td>
              <td className="numeric">{expectedRateText(line)}</td>
              <td>
                {line.updatedBy ?? 'Peerline’s upgrade'}
                <span className="visually-hidden">,</span>
                <time dateTime={line.updatedAt} className="record-meta">
                  {formatDateTime(line.updatedAt)}
                </time>
              </td>
              <td>
                <div className="button-row button-row-tight">
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    onClick={() => onEdit(line)}
                  >
                    Change<span className="visually-hidden"> the price of {describeLine(line)}</span>
                  </button>
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    disabled={busy}
                    onClick={() => onRemove(line)}
                  >
                    Remove<span className="visually-hidden"> the price of {describeLine(line)}</span>
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </section>
  );
}

/** "H0038 HQ, all programs, from Jan 1, 2020": a line among its payer's, for the buttons' accessible names. */
function describeLine(line: FeeLine): string {
  return `${feeService(line)}, ${line.program?.name ?? 'all programs'}, ${feeDates(line)}`;
}

/** Who changed which line, when and how, newest first. */
function FeeHistory({ programs }: { programs: readonly Program[] }): JSX.Element {
  const history = useQuery({
    ...apiQuery('/api/v1/fee-schedule/history', {}),
    select: (answer) => answer.changes,
  });
  const payerName = usePayerName();
  const [all, setAll] = useState(false);
  const names = { payerName, programName: (id: string) => programName(programs, id) };
  return (
    <section aria-labelledby="fee-history-heading">
      <h2 id="fee-history-heading">History of changes</h2>
      <QueryView query={history} what="the history of the fee schedule">
        {(changes) =>
          changes.length === 0 ? (
            <p>No changes yet.</p>
          ) : (
            <>
              <ol className="plain-list fee-history" aria-label="Changes to the fee schedule, newest first">
                {(all ? changes : changes.slice(0, HISTORY_SHOWN)).map((change) => (
                  <li key={change.id}>
                    <p className="fee-history-when">
                      <time dateTime={change.changedAt}>{formatDateTime(change.changedAt)}</time>,{' '}
                      {change.changedBy ?? 'Peerline’s upgrade'}
                    </p>
                    <p>{describeFeeChange(change, names)}</p>
                  </li>
                ))}
              </ol>
              {all || changes.length <= HISTORY_SHOWN ? null : (
                <button type="button" className="button button-secondary" onClick={() => setAll(true)}>
                  Show all {changes.length} changes
                </button>
              )}
            </>
          )
        }
      </QueryView>
    </section>
  );
}
