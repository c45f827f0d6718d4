/**
 * @module api/routes/organisation
 * GET /api/v1/organisation and GET /api/health.
 */
import { HealthResponseSchema, OrganisationResponseSchema } from '../../shared/api/organisation.js';
import { getOrganisationOverview } from '../../services/organisations/index.js';
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
