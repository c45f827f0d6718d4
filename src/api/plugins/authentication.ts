/**
 * @module api/plugins/authentication
 * The session cookie and the per-route guard. Every route but login, health and the API description
 * declares the roles it admits; the guard resolves the session on the server, refuses a wrong role with
 * 403 (and an audit row), and gives the handler the acting user, whose organisation scopes every query.
 */
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { ROLES, hasAnyRole, type Role } from '../../shared/roles.js';
import { actorOf, resolveSession, type SessionView } from '../../services/auth/index.js';
import { recordAudit } from '../../services/audit/index.js';
import type { Actor, ServiceContext } from '../../services/context.js';
import { forbidden, unauthenticated } from '../../services/errors.js';

export const SESSION_COOKIE = 'peerline_session';

export interface Authenticated {
  readonly session: SessionView;
  readonly actor: Actor;
}

declare module 'fastify' {
  interface FastifyRequest {
    authenticated: Authenticated | null;
  }
}

/** Every role: for routes any signed-in user may call. */
export const ANY_ROLE: readonly Role[] = ROLES;

/** preHandler that admits a signed-in user holding one of `admitted`. */
export function requireUser(ctx: ServiceContext, admitted: readonly Role[]): preHandlerAsyncHookHandler {
  return async function guard(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const token = request.cookies[SESSION_COOKIE];
    const session =
      token === undefined
        ? undefined
        : await resolveSession(ctx, token, {
            ip: request.ip,
            userAgent: request.headers['user-agent'] ?? null,
          });
    if (session === undefined) {
      if (token !== undefined) {
        clearSessionCookie(reply, request);
      }
      throw unauthenticated('Your session has ended or you are not signed in. Sign in to continue.');
    }
    const actor = actorOf(session, request.ip);
    if (!hasAnyRole(actor.roles, admitted)) {
      await recordAudit(ctx.db, ctx.clock, {
        organisationId: actor.organisationId,
        userId: actor.userId,
        userEmail: actor.email,
        action: 'access.denied',
        recordType: 'route',
        recordId: `${request.method} ${request.routeOptions.url ?? request.url}`,
        ip: request.ip,
        outcome: 'denied',
        details: { held: actor.roles, admitted },
      });
      throw forbidden();
    }
    request.authenticated = { session, actor };
  };
}

/** The signed-in user of a request that passed `requireUser`. */
export function authenticatedOf(request: FastifyRequest): Authenticated {
  if (request.authenticated === null) {
    // A route forgot its guard: fail closed.
    throw unauthenticated();
  }
  return request.authenticated;
}

export function setSessionCookie(
  reply: FastifyReply,
  request: FastifyRequest,
  token: string,
  expires: Date,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    path: '/',
    expires,
  });
}

export function clearSessionCookie(reply: FastifyReply, request: FastifyRequest): void {
  reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    path: '/',
  });
}
