/**
 * @module services/reports/common
 * What the reports share: who may read them, the audit entry each request leaves, shares as percentages and
 * amounts as dollars for CSV.
 */
import type { ReportName, ReportQuery } from '../../shared/api/reports.js';
import type { Role } from '../../shared/roles.js';
import { actorEntry, type AuditEntry } from '../audit/index.js';
import { BILLING_ROLES } from '../billing/index.js';
import type { Actor } from '../context.js';

/** Who reads the billing reports (billed amounts, authorization use): billing staff and admins. */
export const REPORT_READERS: readonly Role[] = BILLING_ROLES;
/** Who reads note timeliness: billing staff and admins for everyone, a supervisor for their team. */
export const TIMELINESS_READERS: readonly Role[] = [...BILLING_ROLES, 'supervisor'];

/** The `report.read` entry of one request: which report and which filters, no figures. */
export function reportReadEntry(actor: Actor, report: ReportName, query: ReportQuery): AuditEntry {
  return actorEntry(actor, 'report.read', { type: 'report', id: report }, 'success', {
    from: query.from,
    to: query.to,
    programId: query.programId ?? null,
    payerPack: query.payerPack ?? null,
  });
}

/**
 * `part` as a percentage of `whole`, rounded to one decimal; null when the whole is zero.
 *
 * @example percentOf(2, 3) // 66.7
 */
export function percentOf(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part * 1000) / whole) / 10;
}

/** Whole cents as dollars with two decimals, for CSV (`12345` → `123.45`). */
export function dollars(cents: number): string {
  return (cents / 100).toFixed(2);
}

/** A percentage for CSV: blank when there is no whole to share. */
export function percentCell(percent: number | null): string | null {
  return percent === null ? null : percent.toFixed(1);
}
