/**
 * @module web/components/report-section
 * The frame each report on the reports page shares: a titled section that loads its report for the page's
 * filters, offers the same report as a CSV download, and shows the figures once loaded; a table that
 * scrolls sideways in its own labelled region on a narrow screen; and the formats reports use.
 */
import { useId } from 'react';
import type { JSX, ReactNode } from 'react';
import type { ReportName, ReportQuery } from '../../../src/shared/api/reports.js';
import { reportCsvUrl, reportSearch } from '../api/reports.js';
import { useLoad } from '../lib/use-load.js';
import { LoadError, Loading } from './load-state.js';

export interface ReportSectionProps<T> {
  name: ReportName;
  title: string;
  /** What the report counts, in a sentence or two. */
  intro: ReactNode;
  query: ReportQuery;
  load: (query: ReportQuery, signal: AbortSignal) => Promise<T>;
  children: (data: T) => ReactNode;
}

export function ReportSection<T>({
  name,
  title,
  intro,
  query,
  load,
  children,
}: ReportSectionProps<T>): JSX.Element {
  const headingId = useId();
  const { state, reload } = useLoad((signal) => load(query, signal), [reportSearch(query).toString()]);
  return (
    <section aria-labelledby={headingId} className="panel report-section">
      <h2 id={headingId}>{title}</h2>
      {intro}
      <p>
        <a className="report-csv" href={reportCsvUrl(name, query)} download>
          Download {title.toLowerCase()} as CSV
        </a>
      </p>
      {state.status === 'loading' ? <Loading what={title.toLowerCase()} /> : null}
      {state.status === 'failed' ? (
        <LoadError error={state.error} what={title.toLowerCase()} onRetry={reload} />
      ) : null}
      {state.status === 'loaded' ? children(state.data) : null}
    </section>
  );
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
