/**
 * @module shared/api/audit
 * The append-only audit log, paged newest first.
 */
import { z } from 'zod';
import { CalendarDateSchema, IdSchema, TimestampSchema } from './common.js';

export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export const AuditEventSchema = z.object({
  /** Monotonic sequence number, as a string (a PostgreSQL bigint). */
  id: z.string(),
  occurredAt: TimestampSchema,
  userId: IdSchema.nullable(),
  userEmail: z.string().nullable(),
  action: z.string(),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  ip: z.string().nullable(),
  outcome: z.enum(AUDIT_OUTCOMES),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

export const AUDIT_PAGE_SIZE_MAX = 200;

export const AuditQuerySchema = z.object({
  userId: IdSchema.optional(),
  recordType: z.string().trim().min(1).max(60).optional(),
  recordId: z.string().trim().min(1).max(120).optional(),
  /** First calendar day included (UTC). */
  from: CalendarDateSchema.optional(),
  /** Last calendar day included (UTC). */
  to: CalendarDateSchema.optional(),
  /** Return events older than this id (the `nextBefore` of the previous page). */
  before: z
    .string()
    .regex(/^\d{1,19}$/, { message: 'Use the nextBefore value from the previous page.' })
    .optional(),
  limit: z.coerce
    .number({ message: 'Use a whole number.' })
    .int({ message: 'Use a whole number.' })
    .min(1, { message: 'Use at least 1.' })
    .max(AUDIT_PAGE_SIZE_MAX, { message: `Use at most ${AUDIT_PAGE_SIZE_MAX}.` })
    .default(50),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditPageSchema = z.object({
  events: z.array(AuditEventSchema),
  /** Pass as `before` to get the next (older) page; null on the last page. */
  nextBefore: z.string().nullable(),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;
