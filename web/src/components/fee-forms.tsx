/**
 * @module web/components/fee-forms
 * The Fee schedule page's forms: add a price (payer, service, program, dates, charge and expected rate),
 * change one line's price and dates in a dialog, and import a CSV file. Prices are typed in dollars and sent
 * in cents; a price that is not an amount is said beside its field before anything is sent, the rest is
 * checked with the shared schema, and whatever the server still finds (an overlap, a program that does not
 * bill the payer) comes back beside the field it names.
 */
import { useId, useRef, useState } from 'react';
import type { FormEvent, JSX } from 'react';
import type { z } from 'zod';
import {
  FeeLineChangeSchema,
  FeeLineInputSchema,
  type FeeCsvImportResult,
  type FeeLine,
} from '../../../src/shared/api/fee-schedule.js';
import { errorProblem, fieldOfPath } from '../../../src/shared/index.js';
import type { Payer, Problem, Program } from '../../../src/shared/index.js';
import { api, invalidate, ok } from '../api/index.js';
import { feeService } from '../lib/fee-lines.js';
import { centsOfDollars, dollarsOfCents } from '../lib/money.js';
import { problemsUnder, validate } from '../lib/problems.js';
import { useSubmission, type Submission } from '../lib/use-schema-form.js';
import { payerOptions, programOptions } from './billing-parts.js';
import { Dialog } from './dialog.js';
import { ErrorSummary } from './error-summary.js';
import { FieldProblems, SelectField, TextField } from './fields.js';

/** What a change to the fee schedule makes stale: the schedule, its history, and the pages that show prices. */
export async function feesChanged(): Promise<void> {
  await invalidate('/api/v1/fee-schedule');
}

/** The two prices of a form, as typed in dollars. */
interface PriceTexts {
  charge: string;
  expected: string;
}

/**
 * The typed prices in cents, and a problem beside each that is not an amount of dollars. A bad or missing
 * charge still gives 1 cent, so the shared schema checks the other fields without saying the same thing twice.
 */
function pricesOf(texts: PriceTexts): {
  unitChargeCents: number;
  expectedUnitRateCents: number | null;
  problems: Problem[];
} {
  const problems: Problem[] = [];
  const charge = texts.charge.trim() === '' ? undefined : centsOfDollars(texts.charge);
  if (texts.charge.trim() === '') {
    problems.push(
      errorProblem('request.charge', 'Enter the charge for one unit in dollars, e.g. 46.67.', [
        'body',
        'unitChargeCents',
      ]),
    );
  } else if (charge === undefined) {
    problems.push(
      errorProblem(
        'request.charge',
        'Enter the charge in dollars and cents, e.g. 46.67 (digits and a point only).',
        ['body', 'unitChargeCents'],
      ),
    );
  }
  const expected = texts.expected.trim() === '' ? null : centsOfDollars(texts.expected);
  if (expected === undefined) {
    problems.push(
      errorProblem(
        'request.expected',
        'Enter the expected rate in dollars and cents, e.g. 11.75, or leave it empty to use the payer’s rate.',
        ['body', 'expectedUnitRateCents'],
      ),
    );
  }
  return {
    unitChargeCents: charge ?? 1,
    expectedUnitRateCents: expected ?? null,
    problems,
  };
}

/**
 * Checks a price form — the prices first, then everything with the shared schema — and sends it when both
 * pass; otherwise shows every problem at once.
 */
function submitPrices<S extends z.ZodType, R>(
  submission: Submission,
  schema: S,
  texts: PriceTexts,
  input: (prices: { unitChargeCents: number; expectedUnitRateCents: number | null }) => z.input<S>,
  send: (value: z.infer<S>) => Promise<R>,
  onSuccess: (result: R) => void,
  /** Problems the form finds itself, in plainer words than the schema's (an unchosen payer). */
  own: readonly Problem[] = [],
): void {
  const prices = pricesOf(texts);
  const checked = validate(schema, input(prices), 'body');
  const schemaProblems = checked.ok ? [] : checked.problems;
  const first = [...own, ...prices.problems];
  const problems = [
    ...first,
    // A field already said to be wrong is not said again in the schema's words.
    ...schemaProblems.filter(
      (problem) => !first.some((said) => said.path.join('.') === problem.path.join('.')),
    ),
  ];
  if (problems.length > 0 || !checked.ok) {
    submission.fail(problems);
    return;
  }
  submission.send(() => send(checked.value), { afterSuccess: 'stay', onSuccess });
}

/** Modifiers as typed, separated by spaces or commas: "hq" or "HQ, GT" (the schema says when one is wrong). */
function modifiersOf(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .filter((modifier) => modifier !== '')
    .map((modifier) => modifier.toUpperCase());
}

const ADD_IDS = {
  payerPack: 'fee-payer',
  code: 'fee-code',
  modifiers: 'fee-modifiers',
  programId: 'fee-program',
  effectiveFrom: 'fee-from',
  effectiveTo: 'fee-to',
  unitChargeCents: 'fee-charge',
  expectedUnitRateCents: 'fee-expected',
} as const;

const EMPTY_ADD = {
  payerPack: '',
  code: '',
  modifiers: '',
  programId: '',
  effectiveFrom: '',
  effectiveTo: '',
  charge: '',
  expected: '',
};
type AddValues = typeof EMPTY_ADD;

/**
 * Adds a price from a date. The program choices are those that bill the chosen payer; "All programs" prices
 * the service for every one of them.
 */
export function AddFeeForm({
  payers,
  programs,
  onAdded,
}: {
  payers: readonly Payer[];
  programs: readonly Program[];
  onAdded: (line: FeeLine) => void;
}): JSX.Element {
  const [values, setValues] = useState<AddValues>(EMPTY_ADD);
  const submission = useSubmission();
  const billing =
    values.payerPack === ''
      ? programs
      : programs.filter((program) => program.payerPacks.includes(values.payerPack));
  const text = (name: keyof AddValues) => ({
    name,
    value: values[name],
    onValueChange: (value: string) => setValues((previous) => ({ ...previous, [name]: value })),
  });
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (submission.submitting) return;
    submitPrices(
      submission,
      FeeLineInputSchema,
      values,
      (prices) => ({
        // The choices as made: the schema says when one is not a payer.
        payerPack: values.payerPack,
        programId: values.programId === '' ? null : values.programId,
        code: values.code,
        modifiers: modifiersOf(values.modifiers),
        effectiveFrom: values.effectiveFrom,
        effectiveTo: values.effectiveTo === '' ? null : values.effectiveTo,
        ...prices,
      }),
      async (body) => {
        const line = await ok(api.POST('/api/v1/fee-schedule', { body }));
        await feesChanged();
        return line;
      },
      (line) => {
        setValues(EMPTY_ADD);
        onAdded(line);
      },
      values.payerPack === ''
        ? [errorProblem('request.payer', 'Choose the payer the price is for.', ['body', 'payerPack'])]
        : [],
    );
  };
  const problems = (name: keyof typeof ADD_IDS): Problem[] => problemsUnder(submission.problems, name);
  return (
    <>
      <ErrorSummary problems={submission.problems} fieldIds={ADD_IDS} focusKey={submission.focusKey} />
      <form onSubmit={submit} noValidate className="form" aria-label="Add a price">
        <SelectField
          {...text('payerPack')}
          id={ADD_IDS.payerPack}
          label="Payer"
          options={payerOptions(payers, 'Choose the payer…')}
          problems={problems('payerPack')}
        />
        <div className="field-pair">
          <TextField
            {...text('code')}
            id={ADD_IDS.code}
            label="Procedure code"
            hint="HCPCS, e.g. H0038."
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            problems={problems('code')}
          />
          <TextField
            {...text('modifiers')}
            id={ADD_IDS.modifiers}
            label="Modifiers"
            hint="e.g. HQ for a group service; leave blank for individual services."
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            problems={problems('modifiers')}
          />
        </div>
        <SelectField
          {...text('programId')}
          id={ADD_IDS.programId}
          label="Program"
          hint="Only when one program charges a different price from the others."
          options={programOptions(billing, 'All programs')}
          problems={problems('programId')}
        />
        <div className="field-pair">
          <TextField
            {...text('effectiveFrom')}
            id={ADD_IDS.effectiveFrom}
            label="First day"
            hint="The price before it, if any, ends the day before."
            type="date"
            problems={problems('effectiveFrom')}
          />
          <TextField
            {...text('effectiveTo')}
            id={ADD_IDS.effectiveTo}
            label="Last day (optional)"
            hint="Leave empty while this is the current price."
            type="date"
            problems={problems('effectiveTo')}
          />
        </div>
        <PriceFields
          ids={ADD_IDS}
          values={values}
          onChange={(name, value) => setValues((previous) => ({ ...previous, [name]: value }))}
          problems={submission.problems}
        />
        <button type="submit" className="button" disabled={submission.submitting}>
          {submission.submitting ? 'Adding…' : 'Add the price'}
        </button>
      </form>
    </>
  );
}

/** The charge and the expected rate, in dollars, side by side. */
function PriceFields({
  ids,
  values,
  onChange,
  problems,
}: {
  ids: { unitChargeCents: string; expectedUnitRateCents: string };
  values: PriceTexts;
  onChange: (name: keyof PriceTexts, value: string) => void;
  problems: readonly Problem[];
}): JSX.Element {
  return (
    <div className="field-pair">
      <TextField
        id={ids.unitChargeCents}
        name="charge"
        label="Charge per unit ($)"
        hint="Your usual and customary charge: what the claim bills, e.g. 46.67."
        inputMode="decimal"
        autoComplete="off"
        value={values.charge}
        onValueChange={(value) => onChange('charge', value)}
        problems={problemsUnder(problems, 'unitChargeCents')}
      />
      <TextField
        id={ids.expectedUnitRateCents}
        name="expected"
        label="Expected rate per unit ($, optional)"
        hint="What the payer pays; leave empty to use the payer’s published rate."
        inputMode="decimal"
        autoComplete="off"
        value={values.expected}
        onValueChange={(value) => onChange('expected', value)}
        problems={problemsUnder(problems, 'expectedUnitRateCents')}
      />
    </div>
  );
}

const EDIT_IDS = {
  effectiveFrom: 'fee-edit-from',
  effectiveTo: 'fee-edit-to',
  unitChargeCents: 'fee-edit-charge',
  expectedUnitRateCents: 'fee-edit-expected',
} as const;

/** Changes one line's price and dates in a dialog; its payer, program, code and modifiers stay. */
export function EditFeeDialog({
  line,
  onClose,
  onSaved,
}: {
  /** The line being changed; null while the dialog is closed. */
  line: FeeLine | null;
  onClose: () => void;
  onSaved: (line: FeeLine) => void;
}): JSX.Element {
  const titleId = useId();
  return (
    <Dialog open={line !== null} titleId={titleId} onCancel={onClose}>
      {line === null ? null : (
        <EditFeeForm key={line.id} line={line} titleId={titleId} onClose={onClose} onSaved={onSaved} />
      )}
    </Dialog>
  );
}

function EditFeeForm({
  line,
  titleId,
  onClose,
  onSaved,
}: {
  line: FeeLine;
  titleId: string;
  onClose: () => void;
  onSaved: (line: FeeLine) => void;
}): JSX.Element {
  const [values, setValues] = useState(() => ({
    effectiveFrom: line.effectiveFrom,
    effectiveTo: line.effectiveTo ?? '',
    charge: dollarsOfCents(line.unitChargeCents),
    expected: line.expectedUnitRateCents === null ? '' : dollarsOfCents(line.expectedUnitRateCents),
  }));
  const submission = useSubmission();
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (submission.submitting) return;
    submitPrices(
      submission,
      FeeLineChangeSchema,
      values,
      (prices) => ({
        effectiveFrom: values.effectiveFrom,
        effectiveTo: values.effectiveTo === '' ? null : values.effectiveTo,
        ...prices,
      }),
      async (body) => {
        const saved = await ok(
          api.PUT('/api/v1/fee-schedule/{id}', { params: { path: { id: line.id } }, body }),
        );
        await feesChanged();
        return saved;
      },
      onSaved,
    );
  };
  const date = (name: 'effectiveFrom' | 'effectiveTo') => ({
    id: EDIT_IDS[name],
    name,
    value: values[name],
    onValueChange: (value: string) => setValues((previous) => ({ ...previous, [name]: value })),
    problems: problemsUnder(submission.problems, name),
    type: 'date',
  });
  return (
    <>
      <h2 id={titleId}>
        Change the price of {feeService(line)} under {line.payerName}
      </h2>
      <p>{line.program === null ? 'All programs.' : `Only ${line.program.name}.`}</p>
      <ErrorSummary problems={submission.problems} fieldIds={EDIT_IDS} focusKey={submission.focusKey} />
      <form onSubmit={submit} noValidate className="form" aria-label="Change the price">
        <div className="field-pair">
          <TextField {...date('effectiveFrom')} label="First day" />
          <TextField
            {...date('effectiveTo')}
            label="Last day (optional)"
            hint="Leave empty while this is the current price."
          />
        </div>
        <PriceFields
          ids={EDIT_IDS}
          values={values}
          onChange={(name, value) => setValues((previous) => ({ ...previous, [name]: value }))}
          problems={submission.problems}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={submission.submitting}>
            {submission.submitting ? 'Saving…' : 'Save the price'}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </>
  );
}

/**
 * Imports a CSV file as the export writes it: every row or none. The file is read in the browser and sent as
 * text; the answer counts what was added, changed and left as it was, or names every bad cell by row.
 */
export function ImportFeesForm({
  onImported,
}: {
  onImported: (result: FeeCsvImportResult) => void;
}): JSX.Element {
  const submission = useSubmission();
  const file = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<File | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (submission.submitting) return;
    if (chosen === null) {
      submission.fail([errorProblem('request.file', 'Choose the CSV file to import.', ['body', 'csv'])]);
      return;
    }
    submission.send(
      async () => {
        const csv = await chosen.text();
        const result = await ok(api.POST('/api/v1/fee-schedule/import', { body: { csv } }));
        await feesChanged();
        return result;
      },
      {
        afterSuccess: 'stay',
        onSuccess: (result) => {
          setChosen(null);
          if (file.current !== null) file.current.value = '';
          onImported(result);
        },
      },
    );
  };
  // Problems with the file as a whole stand beside it; a bad cell's row and column are in the summary.
  const fileProblems = submission.problems.filter(
    (problem) => fieldOfPath(problem.path) === 'csv' || problem.path.length === 0,
  );
  return (
    <>
      <ErrorSummary
        problems={submission.problems}
        fieldIds={{ csv: 'fee-import-file' }}
        focusKey={submission.focusKey}
        title="The file was not imported"
      />
      <form onSubmit={submit} noValidate className="form" aria-label="Import prices">
        <div className={fileProblems.length > 0 ? 'field field-invalid' : 'field'}>
          <label htmlFor="fee-import-file" className="field-label">
            CSV file
          </label>
          <div id="fee-import-file-hint" className="field-hint">
            The columns of the export: payer, payer name, program, code, modifiers, from, to, charge, expected
            rate. A row with a line’s payer, program, service and first day changes that line; others are
            added. Nothing is imported unless every row is right.
          </div>
          <FieldProblems id="fee-import-file-error" problems={fileProblems} />
          <input
            ref={file}
            id="fee-import-file"
            name="csv"
            type="file"
            accept=".csv,text/csv"
            aria-describedby={
              fileProblems.length > 0 ? 'fee-import-file-hint fee-import-file-error' : 'fee-import-file-hint'
            }
            aria-invalid={fileProblems.length > 0 || undefined}
            onChange={(event) => setChosen(event.target.files?.[0] ?? null)}
          />
        </div>
        <button type="submit" className="button" disabled={submission.submitting}>
          {submission.submitting ? 'Importing…' : 'Import the file'}
        </button>
      </form>
    </>
  );
}
