/**
 * @module api/logging
 * pino options for request logs. Requests are logged by method and path only — never the query string,
 * headers or body, where names, Medicaid ids or passwords could be — and the redaction list catches
 * secrets and member fields in anything else that gets logged.
 */
import type { FastifyServerOptions } from 'fastify';

/** Paths pino replaces with "[Redacted]" wherever they appear in a log line. */
export const LOG_REDACT_PATHS: readonly string[] = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers.authorization',
  '*.password',
  '*.newPassword',
  '*.token',
  '*.sessionToken',
  '*.cookie',
  // Member (PHI) fields, as named in API bodies and rows.
  '*.firstName',
  '*.lastName',
  '*.first_name',
  '*.last_name',
  '*.dateOfBirth',
  '*.date_of_birth',
  '*.medicaidId',
  '*.medicaid_id',
  '*.memberName',
  '*.diagnoses',
  '*.address',
  '*.phone',
  '*.email',
];

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

interface RequestLike {
  method: string;
  url: string;
  id: string;
}

export function loggerOptions(level: LogLevel): Exclude<FastifyServerOptions['logger'], boolean | undefined> {
  return {
    level,
    redact: { paths: [...LOG_REDACT_PATHS], censor: '[Redacted]' },
    serializers: {
      req: (request: RequestLike) => ({
        id: request.id,
        method: request.method,
        path: pathOnly(request.url),
      }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
      err: (error: Error & { code?: unknown }) => ({
        type: error.name,
        code: typeof error.code === 'string' ? error.code : undefined,
        message: error.message,
        stack: error.stack ?? '',
      }),
    },
  };
}

/** The URL without its query string: search terms (member names, ids) must not reach the log. */
export function pathOnly(url: string): string {
  const index = url.indexOf('?');
  return index === -1 ? url : url.slice(0, index);
}
