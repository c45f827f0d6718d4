/**
 * @module api/plugins/request-guard
 * Cross-site request forgery defence for a same-origin JSON API, without tokens: every write must be
 * `application/json` (a cross-site form cannot send that without a CORS preflight, which we never grant),
 * and when the browser says where the request comes from (Origin, Sec-Fetch-Site), it must be this site.
 * Clients that are not browsers send neither header and are not exposed to CSRF.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errorProblem } from '../../shared/problem.js';
import { ServiceError } from '../../services/errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerRequestGuard(
  app: FastifyInstance,
  options: { publicOrigin: string | undefined },
): void {
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method) || !request.url.startsWith('/api/')) {
      return;
    }
    const contentType = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
    if (contentType !== 'application/json') {
      throw new ServiceError('unsupported_media_type', [
        errorProblem(
          'request.unsupported_media_type',
          'Send the request body as JSON with the header Content-Type: application/json.',
          ['headers', 'content-type'],
        ),
      ]);
    }
    if (!isSameOrigin(request, options.publicOrigin)) {
      request.log.warn({ origin: request.headers.origin }, 'cross-site write refused');
      throw new ServiceError('forbidden', [
        errorProblem(
          'request.cross_site',
          'This request came from another web site and was refused. Use Peerline from its own address.',
          ['headers', 'origin'],
        ),
      ]);
    }
  });
}

function isSameOrigin(request: FastifyRequest, publicOrigin: string | undefined): boolean {
  const origin = request.headers.origin;
  if (origin !== undefined) {
    const expected = publicOrigin ?? `${request.protocol}://${request.host}`;
    return origin === expected;
  }
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite !== undefined) {
    return fetchSite === 'same-origin' || fetchSite === 'none';
  }
  return true;
}
