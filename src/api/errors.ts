/**
 * @module api/errors
 * The one place where failures become HTTP answers. Every 4xx body is `{ problems: [...] }` in the shared
 * problem shape, with the field path for validation errors (a note's field named by the note field, by the
 * rule of shared/problem.ts); a 500 says only that something went wrong (with a reference to find it in the
 * log), never a stack trace.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { errorProblem, plainValidationMessage, type Problem } from '../shared/problem.js';
import { ServiceError, type ServiceErrorKind } from '../services/errors.js';

export function statusOf(kind: ServiceErrorKind): number {
  switch (kind) {
    case 'invalid':
      return 400;
    case 'unauthenticated':
      return 401;
    case 'forbidden':
      return 403;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'unsupported_media_type':
      return 415;
    case 'locked':
      return 423;
    case 'rate_limited':
      return 429;
  }
}

const LOCATION_OF_CONTEXT: Readonly<Record<string, string>> = {
  body: 'body',
  querystring: 'query',
  params: 'params',
  headers: 'headers',
};

/** Fastify error handler: maps every thrown error to a status and a problems body. */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof ServiceError) {
    return reply.code(statusOf(error.kind)).send({ problems: error.problems });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const location = LOCATION_OF_CONTEXT[error.validationContext ?? 'body'] ?? 'body';
    const bodyPath = location === 'body' ? request.routeOptions.config.bodyProblemPath : undefined;
    const pathOf = bodyPath ?? ((segments: Problem['path']) => [location, ...segments]);
    const problems = error.validation.map((issue) =>
      validationProblem(location, pathOf, issue.instancePath, issue.message ?? 'Invalid value.'),
    );
    return reply.code(400).send({ problems });
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return reply.code(status).send({ problems: [clientErrorProblem(error, status)] });
  }
  request.log.error({ err: error }, 'request failed');
  return reply.code(500).send({
    problems: [
      errorProblem(
        'server.error',
        `Something went wrong on our side and nothing was saved. Try again; if it keeps happening, tell your admin the reference ${request.id}.`,
      ),
    ],
  });
}

/** 404 for unknown API paths, in the same shape. */
export function notFoundProblem(method: string, url: string): Problem {
  return errorProblem('request.not_found', `There is no API route ${method} ${url.split('?')[0] ?? ''}.`);
}

/**
 * A refused value as a problem: its path is where it is in the request (`['body', 'email']`), or the note
 * field it is, on a route whose body carries note fields (`['fields', 'end']`; see shared/problem.ts).
 */
function validationProblem(
  location: string,
  pathOf: (segments: Problem['path']) => Problem['path'],
  instancePath: string,
  message: string,
): Problem {
  const segments = instancePath
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
  const field = segments.length === 0 ? location : String(segments[segments.length - 1]);
  return errorProblem('request.invalid', plainValidationMessage(field, message), pathOf(segments));
}

function clientErrorProblem(error: FastifyError, status: number): Problem {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return errorProblem(
        'request.unsupported_media_type',
        'Send the request body as JSON with the header Content-Type: application/json.',
        ['headers', 'content-type'],
      );
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return errorProblem(
        'request.empty_body',
        'Send a JSON object as the body ({} when there is nothing to send).',
        ['body'],
      );
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return errorProblem('request.too_large', 'The request body is too large.', ['body']);
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return errorProblem('request.malformed_json', 'The request body is not valid JSON.', ['body']);
    default:
      if (error instanceof SyntaxError) {
        return errorProblem('request.malformed_json', 'The request body is not valid JSON.', ['body']);
      }
      return errorProblem(`request.http_${status}`, error.message, []);
  }
}
