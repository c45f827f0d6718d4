/**
 * @module web/pages/reports-page
 * Billing staff and admins: the reports — billed units and amounts, note timeliness and authorization use —
 * for a range of dates of service, optionally one program or payer. The filters live in the URL query
 * (`from`, `to`, `programId`, `payerPack`), so a report can be bookmarked or sent to a colleague; without
 * them the page shows the last three months. Each report has a table, a chart and a CSV download.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { JSX } from 'react';
import { useSearchParams } from 'react-router';
import type { Payer, Problem, Program } from '../../../src/shared/index.js';
import { ReportQuerySchema } from '../../../src/shared/api/reports.js';
import type { ReportQuery } from '../../../src/shared/api/reports.js';
import { apiQuery } from '../api/index.js';
import { ErrorSummary } from '../components/error-summary.js';
import { SelectField, TextField } from '../components/fields.js';
import { PageHeading } from '../components/page-heading.js';
import { AuthorizationUseReportSection } from '../components/report-authorizations.js';
import { BilledReportSection } from '../components/report-billed.js';
import { TimelinessReportSection } from '../components/report-timeliness.js';
import { reportSearch } from '../components/report-section.js';
import { todayLocalDate } from '../lib/format.js';
import { payerChoices } from '../lib/payers.js';
import { problemsUnder, validate } from '../lib/problems.js';
import { useSchemaForm } from '../lib/use-schema-form.js';

interface FilterValues {
  from: string;
  to: string;
  programId: string;
  payerPack: string;
}

const FIELD_IDS: Record<keyof FilterValues, string> = {
  from: 'report-from',
  to: 'report-to',
  programId: 'report-program',
  payerPack: 'report-payer',
};

/** The first day of the month two months before `today`: with today, the last three months. */
function threeMonthsBack(today: string): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)) - 2;
  const start = month < 1 ? { year: year - 1, month: month + 12 } : { year, month };
  return `${start.year}-${String(start.month).padStart(2, '0')}-01`;
}

function filtersOf(params: URLSearchParams): FilterValues {
  const today = todayLocalDate();
  return {
    from: params.get('from') ?? threeMonthsBack(today),
    to: params.get('to') ?? today,
    programId: params.get('programId') ?? '',
    payerPack: params.get('payerPack') ?? '',
  };
}

/** The filters as the report query's input; empty choices are left out. */
function inputOf(values: FilterValues) {
  return {
    from: values.from,
    to: values.to,
    programId: values.programId === '' ? undefined : values.programId,
    payerPack: values.payerPack === '' ? undefined : values.payerPack,
  };
}

export function ReportsPage(): JSX.Element {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersOf(searchParams);
  const checked = validate(ReportQuerySchema, inputOf(filters), 'query');
  const { data: organisation } = useQuery(apiQuery('/api/v1/organisation'));
  const programs = organisation?.programs ?? [];
  const payers = organisation?.payers ?? [];
  const filterKey = new URLSearchParams(Object.entries(filters)).toString();

  return (
    <>
      <PageHeading title="Reports">Reports</PageHeading>
      <p>
        Billing, documentation timeliness and authorization use for a range of dates of service. Each report
        can be downloaded as CSV for a spreadsheet.
      </p>
      <ReportFilterForm
        key={filterKey}
        initial={filters}
        programs={programs}
        payers={payers}
        urlProblems={checked.ok ? [] : checked.problems}
        onApply={(query) => setSearchParams(reportSearch(query))}
      />
      {checked.ok ? <Reports query={checked.value} /> : null}
    </>
  );
}

function Reports({ query }: { query: ReportQuery }): JSX.Element {
  return (
    <>
      <BilledReportSection query={query} />
      <TimelinessReportSection query={query} />
      <AuthorizationUseReportSection query={query} />
    </>
  );
}

interface ReportFilterFormProps {
  initial: FilterValues;
  programs: readonly Program[];
  /** The payers the server has rules for, to filter by. */
  payers: readonly Payer[];
  /** Problems with the filters the URL carries (a link typed by hand). */
  urlProblems: readonly Problem[];
  onApply: (query: ReportQuery) => void;
}

function ReportFilterForm({
  initial,
  programs,
  payers,
  urlProblems,
  onApply,
}: ReportFilterFormProps): JSX.Element {
  const [values, setValues] = useState(initial);
  const form = useSchemaForm({
    schema: ReportQuerySchema,
    input: inputOf(values),
    location: 'query',
    apply: onApply,
  });
  const shown = form.problems.length > 0 ? form.problems : urlProblems;
  const set = (name: keyof FilterValues) => (value: string) =>
    setValues((previous) => ({ ...previous, [name]: value }));

  return (
    <section aria-labelledby="report-filters-heading" className="panel">
      <h2 id="report-filters-heading">Filters</h2>
      <ErrorSummary problems={shown} fieldIds={FIELD_IDS} focusKey={form.focusKey} />
      <form onSubmit={form.submit} noValidate className="filters">
        <TextField
          id={FIELD_IDS.from}
          name="from"
          label="First date of service"
          type="date"
          value={values.from}
          onValueChange={set('from')}
          problems={problemsUnder(shown, 'from')}
        />
        <TextField
          id={FIELD_IDS.to}
          name="to"
          label="Last date of service"
          type="date"
          value={values.to}
          onValueChange={set('to')}
          problems={problemsUnder(shown, 'to')}
        />
        <SelectField
          id={FIELD_IDS.programId}
          name="programId"
          label="Program"
          value={values.programId}
          onValueChange={set('programId')}
          options={[
            { value: '', label: 'All programs' },
            ...programs.map((program) => ({ value: program.id, label: program.name })),
          ]}
          problems={problemsUnder(shown, 'programId')}
        />
        <SelectField
          id={FIELD_IDS.payerPack}
          name="payerPack"
          label="Payer"
          value={values.payerPack}
          onValueChange={set('payerPack')}
          options={[{ value: '', label: 'All payers' }, ...payerChoices(payers)]}
          problems={problemsUnder(shown, 'payerPack')}
        />
        <div className="button-row filters-buttons">
          <button type="submit" className="button">
            Show reports
          </button>
        </div>
      </form>
    </section>
  );
}
