/**
 * @module web/components/report-section
 * The frame each report on the reports page shares: a titled section that loads its report for the page's
 * filters, offers the same report as a CSV download, and shows the figures once loaded; a table that
 * scrolls sideways in its own labelled region on a narrow screen; and the formats reports use.
 */
import { useId } from 'react';
import type { JSX, ReactNode } from 'react';
import type { ReportQuery } from '../../../src/shared/api/reports.js';
import { QueryView } from './load-state.js';
import type { Loadable } from './load-state.js';

export interface ReportSectionProps<T> {
  title: string;
  /** What the report counts, in a sentence or two. */
  intro: ReactNode;
  /** The report's query (`useQuery(apiQuery('/api/v1/reports/…', { query }))`). */
  report: Loadable<T>;
  /** The address of the same report as CSV. */
  csvHref: string;
  children: (data: T) => ReactNode;
}

export function ReportSection<T>({
  title,
  intro,
  report,
  csvHref,
  children,
}: ReportSectionProps<T>): JSX.Element {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="panel report-section">
      <h2 id={headingId}>{title}</h2>
      {intro}
      <p>
        <a className="report-csv" href={csvHref} download>
          Download {title.toLowerCase()} as CSV
        </a>
      </p>
      <QueryView query={report} what={title.toLowerCase()}>
        {children}
      </QueryView>
    </section>
  );
}

/** The report's filters as the reports page's address carries them; unset filters are left out. */
export function reportSearch(query: ReportQuery): URLSearchParams {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (query.programId !== undefined) params.set('programId', query.programId);
  if (query.payerPack !== undefined) params.set('payerPack', query.payerPack);
  return params;
}

export interface ReportColumn {
  label: string;
  /** Figures: right-aligned so their digits line up. */
  numeric?: boolean;
}

/**
 * A report table in a region of its own, which scrolls sideways when the table is wider than the screen.
 * The header row comes from `columns`; `children` are the body and footer.
 */
export function ReportTable({
  caption,
  columns,
  children,
}: {
  caption: string;
  columns: readonly ReportColumn[];
  children: ReactNode;
}): JSX.Element {
  const captionId = useId();
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="table report-table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={column.numeric === true ? 'numeric' : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        {children}
      </table>
    </div>
  );
}

const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "Oct 2026" for `2026-10`. */
export function formatMonth(month: string): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? month : monthFormat.format(date);
}

/** "66.7%", or "none" for a share of nothing. */
export function formatPercent(percent: number | null): string {
  return percent === null ? 'none' : `${percent.toFixed(1)}%`;
}
