/**
 * @module services/audit
 * The append-only audit log: writing events and paging through them.
 */
export { recordAudit, recordAuditMany, actorEntry } from './record.js';
export type { AuditEntry } from './record.js';
export { listAuditEvents } from './list.js';
