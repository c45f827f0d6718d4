/**
 * @module web/pages/billing-settings-page
 * Billing staff and admins: each payer's 837 settings (`/billing/settings`) — who its files go to (payer
 * and receiver, with the ids from the payer's companion guide), who they come from (submitter and EDI
 * contact), whether they are test or production files, and the next interchange control number of its
 * submitter (sent only when changed, so saving other settings never trips over a number an export has just
 * used). One payer at a time, chosen from a list kept in
 * the URL (`payer`); the 837 writer refuses to make files for a payer without settings.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { JSX } from 'react';
import { useSearchParams } from 'react-router';
import { PayerSettingsSchema, type PayerSettings } from '../../../src/shared/api/billing.js';
import type { Payer, PayerPackId } from '../../../src/shared/index.js';
import { api, apiQuery, ok, showChanged } from '../api/index.js';
import { BillingNav } from '../components/billing-parts.js';
import { ErrorSummary } from '../components/error-summary.js';
import { RadioGroup, SelectField, TextField } from '../components/fields.js';
import { QueryView } from '../components/load-state.js';
import { PageHeading } from '../components/page-heading.js';
import { StatusMessage } from '../components/status-message.js';
import { payerChoices, payerName, usePayersQuery } from '../lib/payers.js';
import { problemsUnder } from '../lib/problems.js';
import { useSchemaForm } from '../lib/use-schema-form.js';

type TextName = Exclude<keyof PayerSettings, 'payerPack' | 'usageIndicator' | 'nextInterchangeControlNumber'>;
type Usage = PayerSettings['usageIndicator'];

/** The text fields, in the order of the file: payer, receiver, submitter, contact. */
const TEXT_FIELDS: readonly { name: TextName; label: string; hint?: string; id?: boolean }[] = [
  { name: 'payerName', label: 'Payer name', hint: 'As the payer’s companion guide writes it (837 2010BB).' },
  {
    name: 'payerId',
    label: 'Payer id',
    hint: 'The payer’s id in 837 files: 2–15 letters or digits.',
    id: true,
  },
  {
    name: 'receiverName',
    label: 'Receiver name',
    hint: 'Who receives the files: the payer or its clearinghouse.',
  },
  { name: 'receiverId', label: 'Receiver id', hint: 'The receiver’s interchange id (ISA08).', id: true },
  { name: 'submitterName', label: 'Submitter name', hint: 'Your organisation, as the payer enrolled it.' },
  {
    name: 'submitterId',
    label: 'Submitter id',
    hint: 'The id the payer gave you for sending files (ISA06).',
    id: true,
  },
  { name: 'contactName', label: 'EDI contact name' },
  { name: 'contactPhone', label: 'EDI contact phone', hint: 'Ten digits, no spaces.' },
];

const fieldId = (name: keyof PayerSettings): string => `payer-settings-${name}`;
const FIELD_IDS: Record<string, string> = {
  ...Object.fromEntries(TEXT_FIELDS.map((field) => [field.name, fieldId(field.name)])),
  usageIndicator: `${fieldId('usageIndicator')}-T`,
  nextInterchangeControlNumber: fieldId('nextInterchangeControlNumber'),
};

/** The next number as the settings show it: empty once every nine-digit number is used. */
const shownNumber = (settings: PayerSettings | null): string =>
  String(settings?.nextInterchangeControlNumber ?? '');

/** The number to send: none when unchanged or emptied; digits as a number; else NaN, which the schema refuses. */
function controlNumberOf(text: string, shown: string): number | undefined {
  const typed = text.trim();
  if (typed === shown || typed === '') return undefined;
  return /^\d+$/.test(typed) ? Number(typed) : Number.NaN;
}

export function BillingSettingsPage(): JSX.Element {
  const payers = usePayersQuery();
  return (
    <>
      <PageHeading title="Billing settings">Billing settings</PageHeading>
      <BillingNav />
      <p>
        Each payer’s ids for 837 files, from the payer’s companion guide and your enrollment with it. Files
        for a payer can be made once its settings are saved.
      </p>
      <QueryView query={payers} what="the payers">
        {(loaded) => <PayerSettingsChooser payers={loaded} />}
      </QueryView>
    </>
  );
}

/** The payer named in the URL (`payer`), else the first the server has rules for; a list, then its settings. */
function PayerSettingsChooser({ payers }: { payers: readonly Payer[] }): JSX.Element {
  const [searchParams, setSearchParams] = useSearchParams();
  const chosen = searchParams.get('payer');
  const payerPack: PayerPackId | undefined = payers.find((payer) => payer.id === chosen)?.id ?? payers[0]?.id;
  const settingsQuery = apiQuery('/api/v1/billing/payers');
  const settings = useQuery(settingsQuery);
  if (payerPack === undefined) {
    return <p>This server has no payer rules, so there is no payer to make 837 files for.</p>;
  }
  return (
    <>
      <SelectField
        id="payer-settings-payer"
        label="Payer"
        options={payerChoices(payers)}
        value={payerPack}
        onValueChange={(value) => setSearchParams({ payer: value }, { replace: true })}
      />
      <QueryView query={settings} what="the payer settings">
        {({ payers: everySaved }) => (
          <section aria-labelledby="payer-settings-heading" className="panel">
            <h2 id="payer-settings-heading">{payerName(payers, payerPack)}</h2>
            <PayerSettingsForm
              key={payerPack}
              payerPack={payerPack}
              payer={payerName(payers, payerPack)}
              saved={everySaved.find((each) => each.payerPack === payerPack) ?? null}
              onSaved={(saved) =>
                showChanged(
                  settingsQuery,
                  { payers: [...everySaved.filter((each) => each.payerPack !== saved.payerPack), saved] },
                  '/api/v1/billing/batches',
                )
              }
            />
          </section>
        )}
      </QueryView>
    </>
  );
}

function PayerSettingsForm({
  payerPack,
  payer,
  saved,
  onSaved,
}: {
  payerPack: PayerPackId;
  /** The payer's name, for the sentence that says the settings are saved. */
  payer: string;
  saved: PayerSettings | null;
  onSaved: (settings: PayerSettings) => void;
}): JSX.Element {
  const [values, setValues] = useState<Record<TextName, string>>(() => ({
    payerName: saved?.payerName ?? '',
    payerId: saved?.payerId ?? '',
    receiverName: saved?.receiverName ?? '',
    receiverId: saved?.receiverId ?? '',
    submitterName: saved?.submitterName ?? '',
    submitterId: saved?.submitterId ?? '',
    contactName: saved?.contactName ?? '',
    contactPhone: saved?.contactPhone ?? '',
  }));
  const [usage, setUsage] = useState<Usage>(saved?.usageIndicator ?? 'T');
  const [shown, setShown] = useState(() => shownNumber(saved));
  const [controlNumber, setControlNumber] = useState(shown);
  const [message, setMessage] = useState<string | null>(null);
  const form = useSchemaForm({
    schema: PayerSettingsSchema,
    input: {
      ...values,
      payerPack,
      usageIndicator: usage,
      nextInterchangeControlNumber: controlNumberOf(controlNumber, shown),
    },
    onAttempt: () => setMessage(null),
    send: (body) => ok(api.PUT('/api/v1/billing/payers', { body })),
    afterSuccess: 'stay',
    onSuccess: (settings) => {
      setMessage(`Saved the 837 settings of ${payer}.`);
      setShown(shownNumber(settings));
      setControlNumber(shownNumber(settings));
      onSaved(settings);
    },
  });
  return (
    <>
      {saved === null ? (
        <p className="notice notice-info">No settings yet: 837 files cannot be made for this payer.</p>
      ) : null}
      <ErrorSummary problems={form.problems} fieldIds={FIELD_IDS} focusKey={form.focusKey} />
      <form onSubmit={form.submit} noValidate className="form">
        {TEXT_FIELDS.map((field) => (
          <TextField
            key={field.name}
            id={fieldId(field.name)}
            name={field.name}
            label={field.label}
            hint={field.hint}
            autoComplete="off"
            spellCheck={field.id === true ? false : undefined}
            autoCapitalize={field.id === true ? 'characters' : undefined}
            inputMode={field.name === 'contactPhone' ? 'tel' : undefined}
            value={values[field.name]}
            onValueChange={(value) => setValues((previous) => ({ ...previous, [field.name]: value }))}
            problems={problemsUnder(form.problems, field.name)}
          />
        ))}
        <RadioGroup
          id={fieldId('usageIndicator')}
          legend="Files are"
          hint="Send test files until the payer says you may send production files."
          options={[
            { value: 'T', label: 'Test files (ISA15 T)' },
            { value: 'P', label: 'Production files (ISA15 P)' },
          ]}
          value={usage}
          onChange={setUsage}
          problems={problemsUnder(form.problems, 'usageIndicator')}
        />
        <TextField
          id={fieldId('nextInterchangeControlNumber')}
          name="nextInterchangeControlNumber"
          label="Next interchange control number"
          hint="The next ISA13 number for this submitter; when moving from another system, enter one more than the last it sent."
          autoComplete="off"
          inputMode="numeric"
          value={controlNumber}
          onValueChange={setControlNumber}
          problems={problemsUnder(form.problems, 'nextInterchangeControlNumber')}
        />
        <button type="submit" className="button" disabled={form.submitting}>
          {form.submitting ? 'Saving…' : 'Save settings'}
        </button>
      </form>
      <StatusMessage message={message} />
    </>
  );
}
