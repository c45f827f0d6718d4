/**
 * @module services/audit/record
 * Writes one audit event. Called inside the same transaction as the change it records, so a change is
 * never kept without its audit row (and a failed change leaves neither).
 */
import type { Kysely } from 'kysely';
import type { AuditOutcome } from '../../shared/api/audit.js';
import type { Database } from '../../store/index.js';
import type { Actor, Clock } from '../context.js';

export interface AuditEntry {
  organisationId: string | null;
  userId: string | null;
  userEmail: string | null;
  /** Dotted verb: `auth.login`, `user.create`, `member.read`. */
  action: string;
  recordType?: string | null;
  recordId?: string | null;
  ip: string | null;
  outcome: AuditOutcome;
  /** Non-PHI facts that explain the event (e.g. which fields changed, never their values). */
  details?: Record<string, unknown>;
}

export async function recordAudit(db: Kysely<Database>, clock: Clock, entry: AuditEntry): Promise<void> {
  await recordAuditMany(db, clock, [entry]);
}

/**
 * Writes several audit entries in one statement (a billing run reads members by the hundred and audits each).
 *
 * @param db - the caller's transaction, so the entries commit or roll back with what they describe
 */
export async function recordAuditMany(
  db: Kysely<Database>,
  clock: Clock,
  entries: readonly AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const occurredAt = clock.now();
  await db
    .insertInto('audit_events')
    .values(
      entries.map((entry) => ({
        organisation_id: entry.organisationId,
        occurred_at: occurredAt,
        user_id: entry.userId,
        user_email: entry.userEmail,
        action: entry.action,
        record_type: entry.recordType ?? null,
        record_id: entry.recordId ?? null,
        ip: entry.ip,
        outcome: entry.outcome,
        details: JSON.stringify(entry.details ?? {}),
      })),
    )
    .execute();
}

/** The audit entry for something the actor did to (or read of) a record. */
export function actorEntry(
  actor: Actor,
  action: string,
  record: { type: string; id: string | null },
  outcome: AuditOutcome = 'success',
  details?: Record<string, unknown>,
): AuditEntry {
  return {
    organisationId: actor.organisationId,
    userId: actor.userId,
    userEmail: actor.email,
    action,
    recordType: record.type,
    recordId: record.id,
    ip: actor.ip,
    outcome,
    ...(details === undefined ? {} : { details }),
  };
}
