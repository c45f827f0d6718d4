/**
 * @module api/routes/auth
 * POST /api/v1/auth/login, POST /api/v1/auth/logout, POST /api/v1/auth/change-password,
 * GET /api/v1/auth/session.
 */
import { z } from 'zod';
import {
  ChangePasswordRequestSchema,
  EmptyBodySchema,
  LoginRequestSchema,
  SessionResponseSchema,
} from '../../shared/api/auth.js';
import { changeOwnPassword, endSession, login, type SessionView } from '../../services/auth/index.js';
import type { ServiceContext } from '../../services/context.js';
import {
  ANY_ROLE,
  authenticatedOf,
  clearSessionCookie,
  requireUser,
  setSessionCookie,
} from '../plugins/authentication.js';
import { GUARDED, problemResponses, type ZodApp } from '../types.js';

export function registerAuthRoutes(
  app: ZodApp,
  ctx: ServiceContext,
  options: { loginRateLimitPerMinute: number },
): void {
  app.post(
    '/api/v1/auth/login',
    {
      config: { rateLimit: { max: options.loginRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password; sets the session cookie.',
        body: LoginRequestSchema,
        response: { 200: SessionResponseSchema, ...problemResponses(400, 401, 415, 423, 429) },
      },
    },
    async (request, reply) => {
      const result = await login(ctx, request.body, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      setSessionCookie(reply, request, result.token, result.session.absoluteExpiresAt);
      return sessionResponse(result.session);
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      preHandler: requireUser(ctx, ANY_ROLE),
      schema: {
        tags: ['auth'],
        summary: 'Sign out: ends the session on the server and clears the cookie.',
        body: EmptyBodySchema,
        response: { 204: z.null(), ...problemResponses(...GUARDED, 415) },
      },
    },
    async (request, reply) => {
      const { session, actor } = authenticatedOf(request);
      await endSession(ctx, session.sessionId, actor);
      clearSessionCookie(reply, request);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/change-password',
    {
      preHandler: requireUser(ctx, ANY_ROLE),
      schema: {
        tags: ['auth'],
        summary: 'Change your own password; your other sessions end, this one stays.',
        body: ChangePasswordRequestSchema,
        response: { 204: z.null(), ...problemResponses(...GUARDED, 415) },
      },
    },
    async (request, reply) => {
      const { session, actor } = authenticatedOf(request);
      await changeOwnPassword(ctx, actor, session.sessionId, request.body);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/auth/session',
    {
      preHandler: requireUser(ctx, ANY_ROLE),
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user and when the session ends; 401 when not signed in.',
        response: { 200: SessionResponseSchema, ...problemResponses(...GUARDED) },
      },
    },
    (request) => sessionResponse(authenticatedOf(request).session),
  );
}

function sessionResponse(session: SessionView): z.infer<typeof SessionResponseSchema> {
  return {
    user: session.user,
    idleExpiresAt: session.idleExpiresAt.toISOString(),
    absoluteExpiresAt: session.absoluteExpiresAt.toISOString(),
  };
}
