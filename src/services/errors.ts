/**
 * @module services/errors
 * The one error type use cases throw. It carries problems in the shared shape and a kind; the HTTP layer
 * derives the status from the kind in one place (api/errors.ts).
 */
import { errorProblem, type Problem } from '../shared/problem.js';
import { hasAnyRole, type Role } from '../shared/roles.js';
import type { Actor } from './context.js';

export type ServiceErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'locked'
  | 'unsupported_media_type'
  | 'rate_limited';

export class ServiceError extends Error {
  override name = 'ServiceError';
  constructor(
    readonly kind: ServiceErrorKind,
    readonly problems: readonly Problem[],
  ) {
    super(problems.map((problem) => problem.message).join(' '));
  }
}

export function invalid(code: string, message: string, path: Problem['path']): ServiceError {
  return new ServiceError('invalid', [errorProblem(code, message, path)]);
}

/** Another organisation's record and a missing one answer alike, so ids reveal nothing. */
export function notFound(recordType: string): ServiceError {
  return new ServiceError('not_found', [
    errorProblem(`${recordType}.not_found`, `No such ${recordType.replace(/_/g, ' ')} in your organisation.`),
  ]);
}

export function conflict(code: string, message: string, path: Problem['path']): ServiceError {
  return new ServiceError('conflict', [errorProblem(code, message, path)]);
}

export function forbidden(
  message = 'Your role does not allow this. Ask a program admin if you need it.',
): ServiceError {
  return new ServiceError('forbidden', [errorProblem('access.forbidden', message)]);
}

export function unauthenticated(message = 'Sign in to continue.'): ServiceError {
  return new ServiceError('unauthenticated', [errorProblem('auth.required', message)]);
}

/** Throws `forbidden` unless the actor holds one of `admitted`; services check this as well as routes. */
export function requireRole(actor: Actor, admitted: readonly Role[]): void {
  if (!hasAnyRole(actor.roles, admitted)) {
    throw forbidden();
  }
}
