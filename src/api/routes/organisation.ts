/**
 * @module api/routes/organisation
 * GET /api/v1/organisation, PUT /api/v1/organisation/programs/:id/payers (admins) and GET /api/health.
 */
import {
  HealthResponseSchema,
  OrganisationResponseSchema,
  ProgramPayersRequestSchema,
  ProgramSchema,
} from '../../shared/api/organisation.js';
import { IdParamsSchema } from '../../shared/api/common.js';
import { getOrganisationOverview, setProgramPayers } from '../../services/organisations/index.js';
import type { ServiceContext } from '../../services/context.js';
import { migrationState, type DatabaseKind } from '../../store/index.js';
import { ANY_ROLE, authenticatedOf, requireUser } from '../plugins/authentication.js';
import { GUARDED, problemResponses, type ZodApp } from '../types.js';

export function registerOrganisationRoutes(
  app: ZodApp,
  ctx: ServiceContext,
  options: { databaseKind: DatabaseKind; version: string },
): void {
  app.get(
    '/api/v1/organisation',
    {
      preHandler: requireUser(ctx, ANY_ROLE),
      schema: {
        tags: ['organisation'],
        summary: 'Your organisation and its programs.',
        response: { 200: OrganisationResponseSchema, ...problemResponses(...GUARDED) },
      },
    },
    (request) => getOrganisationOverview(ctx, authenticatedOf(request).actor),
  );

  app.put(
    '/api/v1/organisation/programs/:id/payers',
    {
      preHandler: requireUser(ctx, ['admin']),
      schema: {
        tags: ['organisation'],
        summary: 'Set the payers a program bills (admins): pack ids from GET /api/v1/organisation’s payers.',
        params: IdParamsSchema,
        body: ProgramPayersRequestSchema,
        response: { 200: ProgramSchema, ...problemResponses(...GUARDED, 404, 415) },
      },
    },
    (request) => setProgramPayers(ctx, authenticatedOf(request).actor, request.params.id, request.body),
  );

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness and readiness: queries the database and reports its kind and migration.',
        response: { 200: HealthResponseSchema },
      },
    },
    async () => {
      const migration = await migrationState(ctx.db);
      return {
        status: 'ok' as const,
        version: options.version,
        database: {
          kind: options.databaseKind,
          migrationVersion: migration.version,
          migrationName: migration.name,
        },
      };
    },
  );
}
