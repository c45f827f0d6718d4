/**
 * @module web/lib/problems
 * Client-side validation with the shared zod schemas, producing the same problem shape the API returns,
 * so one set of components shows both.
 */
import type { z } from 'zod';
import { errorProblem, fieldOfPath } from '../../../src/shared/index.js';
import type { Problem } from '../../../src/shared/index.js';

/** Where the validated values travel in the request: the API prefixes problem paths with this. */
export type RequestLocation = 'body' | 'query';

/**
 * How a request that carries note fields names a place in its body, as the API does for it
 * (`noteRequestPath`, `attendeeRequestPath` in src/shared: a note field is `['fields', <field>, …]`).
 */
export type BodyProblemPath = (bodyPath: Problem['path']) => Problem['path'];

export type Validation<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/**
 * Validates `input` with a shared request schema before it is sent. Problem paths start with the request
 * location, or are named by the request's own rule for a body that carries note fields.
 *
 * @example
 * const result = validate(LoginRequestSchema, { email, password }, 'body');
 * if (!result.ok) showProblems(result.problems);
 */
export function validate<S extends z.ZodType>(
  schema: S,
  input: unknown,
  location: RequestLocation | BodyProblemPath,
): Validation<z.infer<S>> {
  const pathOf: BodyProblemPath =
    typeof location === 'function' ? location : (segments) => [location, ...segments];
  const parsed = schema.safeParse(input);
  if (parsed.success) {
    return { ok: true, value: parsed.data };
  }
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) =>
      errorProblem(
        `request.${issue.code}`,
        issue.message,
        pathOf(issue.path.filter((segment) => typeof segment === 'string' || typeof segment === 'number')),
      ),
    ),
  };
}

/** Problems about `field` or anything inside it (`roles` also matches `roles.0`). */
export function problemsUnder(problems: readonly Problem[], field: string): Problem[] {
  return problems.filter((problem) => {
    const name = fieldOfPath(problem.path);
    return name === field || name.startsWith(`${field}.`);
  });
}

/** The form field (top-level name) a problem is about, or null when it concerns the whole request. */
export function topFieldOf(problem: Problem): string | null {
  const name = fieldOfPath(problem.path);
  if (name === '' || problem.path.length === 0) {
    return null;
  }
  return name.split('.')[0] ?? null;
}
