/**
 * @module services/audit/list
 * Pages through an organisation's audit log, newest first, filtered by user, record and date.
 * Keyset paging on the id (`before`), so a page is stable while new events are being written.
 */
import { sql } from 'kysely';
import type { AuditEvent, AuditPage, AuditQuery } from '../../shared/api/audit.js';
import type { ServiceContext, Actor } from '../context.js';
import { invalid, requireRole } from '../errors.js';
import { actorEntry, recordAudit } from './record.js';

export async function listAuditEvents(
  ctx: ServiceContext,
  actor: Actor,
  query: AuditQuery,
): Promise<AuditPage> {
  requireRole(actor, ['admin']);
  if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
    throw invalid('audit.range_reversed', 'The "from" date is after the "to" date; swap them.', [
      'query',
      'from',
    ]);
  }
  let select = ctx.db
    .selectFrom('audit_events')
    .select([
      'id',
      'occurred_at',
      'user_id',
      'user_email',
      'action',
      'record_type',
      'record_id',
      'ip',
      'outcome',
    ])
    .where('organisation_id', '=', actor.organisationId);
  if (query.userId !== undefined) {
    select = select.where('user_id', '=', query.userId);
  }
  if (query.recordType !== undefined) {
    select = select.where('record_type', '=', query.recordType);
  }
  if (query.recordId !== undefined) {
    select = select.where('record_id', '=', query.recordId);
  }
  if (query.from !== undefined) {
    select = select.where('occurred_at', '>=', sql<Date>`${query.from}::date::timestamp at time zone 'UTC'`);
  }
  if (query.to !== undefined) {
    select = select.where(
      'occurred_at',
      '<',
      sql<Date>`(${query.to}::date + 1)::timestamp at time zone 'UTC'`,
    );
  }
  if (query.before !== undefined) {
    select = select.where('id', '<', query.before);
  }
  // One row more than asked tells whether an older page exists.
  const rows = await select
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const events: AuditEvent[] = page.map((row) => ({
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    userId: row.user_id,
    userEmail: row.user_email,
    action: row.action,
    recordType: row.record_type,
    recordId: row.record_id,
    ip: row.ip,
    outcome: row.outcome,
  }));
  await recordAudit(ctx.db, ctx.clock, actorEntry(actor, 'audit.read', { type: 'audit_log', id: null }));
  return {
    events,
    nextBefore: rows.length > query.limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}
