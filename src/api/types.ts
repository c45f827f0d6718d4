/**
 * @module api/types
 * The Fastify instance type with zod schemas as its type provider, and response-schema helpers.
 */
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ProblemResponseSchema, type Problem } from '../shared/problem.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * How this route's request validation names a place in the body in a problem, for a body that carries
     * note fields (`noteRequestPath`, `attendeeRequestPath`: a note field is `['fields', <field>, …]`).
     * Without it a place in the body is `['body', …]`.
     */
    bodyProblemPath?: (bodyPath: Problem['path']) => Problem['path'];
  }
}

export type ZodApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** Response schemas for the error statuses a route can answer, all in the problems shape. */
export function problemResponses<const Codes extends readonly number[]>(
  ...codes: Codes
): Record<Codes[number], typeof ProblemResponseSchema> {
  return Object.fromEntries(codes.map((code) => [code, ProblemResponseSchema])) as Record<
    Codes[number],
    typeof ProblemResponseSchema
  >;
}

/** Statuses every signed-in route can answer: bad input, not signed in, wrong role. */
export const GUARDED = [400, 401, 403] as const;
