/**
 * @module web/api/reports
 * The reports routes: billed units and amounts, note timeliness and authorization use, each parsed with its
 * shared schema (`src/shared/api/reports.ts`), and the address of each report's CSV for a download link.
 */
import {
  AuthorizationUseReportSchema,
  BilledReportSchema,
  TimelinessReportSchema,
} from '../../../src/shared/api/reports.js';
import type {
  AuthorizationUseReport,
  BilledReport,
  ReportName,
  ReportQuery,
  TimelinessReport,
} from '../../../src/shared/api/reports.js';
import { requestJson } from './legacy-client.js';

const REPORTS = '/api/v1/reports';

/** The query as it travels in the URL; unset filters are left out. */
export function reportSearch(query: ReportQuery): URLSearchParams {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (query.programId !== undefined) params.set('programId', query.programId);
  if (query.payerPack !== undefined) params.set('payerPack', query.payerPack);
  return params;
}

function reportRequest(query: ReportQuery, signal: AbortSignal | undefined) {
  return { query: Object.fromEntries(reportSearch(query)), signal };
}

export function getBilledReport(query: ReportQuery, signal?: AbortSignal): Promise<BilledReport> {
  return requestJson(`${REPORTS}/billed`, BilledReportSchema, reportRequest(query, signal));
}

export function getTimelinessReport(query: ReportQuery, signal?: AbortSignal): Promise<TimelinessReport> {
  return requestJson(`${REPORTS}/timeliness`, TimelinessReportSchema, reportRequest(query, signal));
}

export function getAuthorizationUseReport(
  query: ReportQuery,
  signal?: AbortSignal,
): Promise<AuthorizationUseReport> {
  return requestJson(`${REPORTS}/authorizations`, AuthorizationUseReportSchema, reportRequest(query, signal));
}

/** Where a report's CSV downloads from (the session cookie goes with an ordinary link). */
export function reportCsvUrl(name: ReportName, query: ReportQuery): string {
  return `${REPORTS}/${name}.csv?${reportSearch(query).toString()}`;
}
