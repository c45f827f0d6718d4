/**
 * @module api/app
 * Builds the Fastify application: security headers, cookies, the CSRF guard, rate limiting, zod validation
 * and serialization, the OpenAPI document and its docs page, the API routes, and the web app's files with a
 * fallback to index.html for client-side routes.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { errorProblem } from '../shared/problem.js';
import type { ServiceContext } from '../services/context.js';
import { ServiceError } from '../services/errors.js';
import type { DatabaseKind } from '../store/index.js';
import { handleError, notFoundProblem } from './errors.js';
import { loggerOptions, type LogLevel } from './logging.js';
import { registerRequestGuard } from './plugins/request-guard.js';
import { registerAuditRoutes } from './routes/audit.js';
import { registerAuthRoutes } from './routes/auth.js';
import { registerBillingRoutes } from './routes/billing.js';
import { registerFeeScheduleRoutes } from './routes/fee-schedule.js';
import { registerCarePlanRoutes } from './routes/care-plans.js';
import { registerClaimRoutes } from './routes/claims.js';
import { registerGroupRoutes } from './routes/groups.js';
import { registerMemberRoutes } from './routes/members.js';
import { registerNoteRoutes } from './routes/notes.js';
import { registerOrganisationRoutes } from './routes/organisation.js';
import { registerReportRoutes } from './routes/reports.js';
import { registerStaffRoutes } from './routes/staff.js';
import { registerUserRoutes } from './routes/users.js';
import type { ZodApp } from './types.js';

export interface AppOptions {
  ctx: ServiceContext;
  databaseKind: DatabaseKind;
  version: string;
  logLevel: LogLevel;
  /** A stream for log lines (tests capture them); defaults to stdout. */
  logStream?: { write(line: string): void };
  trustProxy: boolean;
  publicOrigin: string | undefined;
  loginRateLimitPerMinute: number;
  /** Built web app; when missing, `/` explains how to build it. */
  webRoot: string;
}

export async function buildApp(options: AppOptions): Promise<ZodApp> {
  const logger: FastifyServerOptions['logger'] =
    options.logStream === undefined
      ? loggerOptions(options.logLevel)
      : { ...loggerOptions(options.logLevel), stream: options.logStream };
  const app = Fastify({
    logger,
    trustProxy: options.trustProxy,
    bodyLimit: 1_048_576,
    // Request ids appear in 500 answers as a reference; random ones reveal nothing about traffic.
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.decorateRequest('authenticated', null);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        // Plain http is allowed (a laptop on a clinic network); https is the proxy's job in production.
        upgradeInsecureRequests: null,
      },
    },
    // The app serves only itself; no cross-origin embedding of its pages or resources.
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new ServiceError('rate_limited', [
        errorProblem(
          'request.rate_limited',
          `Too many sign-in attempts from this address. Wait ${Math.ceil(context.ttl / 1000)} seconds and try again.`,
        ),
      ]),
  });
  registerRequestGuard(app, { publicOrigin: options.publicOrigin });

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Peerline API',
        version: options.version,
        description:
          'Documentation and billing for Peer Support Services. Sign in with POST /api/v1/auth/login; the session cookie authenticates every other call. Writes must be JSON from the same origin. Every 4xx answers { problems: [{ severity, code, message, path, source? }] }.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'peerline_session' } },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  registerAuthRoutes(app, options.ctx, { loginRateLimitPerMinute: options.loginRateLimitPerMinute });
  registerUserRoutes(app, options.ctx);
  registerAuditRoutes(app, options.ctx);
  registerStaffRoutes(app, options.ctx);
  registerClaimRoutes(app, options.ctx);
  registerGroupRoutes(app, options.ctx);
  registerMemberRoutes(app, options.ctx);
  registerCarePlanRoutes(app, options.ctx);
  registerNoteRoutes(app, options.ctx);
  registerBillingRoutes(app, options.ctx);
  registerFeeScheduleRoutes(app, options.ctx);
  registerReportRoutes(app, options.ctx);
  registerOrganisationRoutes(app, options.ctx, {
    databaseKind: options.databaseKind,
    version: options.version,
  });

  await registerWebApp(app, options.webRoot);
  return app;
}

async function registerWebApp(app: ZodApp, webRoot: string): Promise<void> {
  const indexFile = path.join(webRoot, 'index.html');
  const built = existsSync(indexFile);
  if (built) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') {
      return reply.code(404).send({ problems: [notFoundProblem(request.method, request.url)] });
    }
    if (!built) {
      return reply
        .code(503)
        .type('text/plain')
        .send('The Peerline web app has not been built. Run `npm run build` (npm ci does it), then restart.');
    }
    // Client-side routes (/users, /audit …) all load the app shell.
    return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
  });
}
