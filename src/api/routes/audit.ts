/**
 * @module api/routes/audit
 * GET /api/v1/audit-events: the organisation's audit log, for admins.
 */
import { AuditPageSchema, AuditQuerySchema } from '../../shared/api/audit.js';
import { listAuditEvents } from '../../services/audit/index.js';
import type { ServiceContext } from '../../services/context.js';
import { authenticatedOf, requireUser } from '../plugins/authentication.js';
import { GUARDED, problemResponses, type ZodApp } from '../types.js';

export function registerAuditRoutes(app: ZodApp, ctx: ServiceContext): void {
  app.get(
    '/api/v1/audit-events',
    {
      preHandler: requireUser(ctx, ['admin']),
      schema: {
        tags: ['audit'],
        summary: 'Audit events, newest first; filter by user, record and date; page with `before`.',
        querystring: AuditQuerySchema,
        response: { 200: AuditPageSchema, ...problemResponses(...GUARDED) },
      },
    },
    (request) => listAuditEvents(ctx, authenticatedOf(request).actor, request.query),
  );
}
