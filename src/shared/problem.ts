/**
 * @module shared/problem
 * The one problem shape used everywhere: rules-engine edits, API validation errors and form field errors.
 * `path` names what the problem is about, as segments, so a form can put the message beside the right input.
 * One rule says how:
 *
 * - a field of a service note is `['fields', <field>, …]` (`['fields', 'pin', 'plan']`), from every route
 *   that touches a note — create, save, preview, sign, a group attendee's save — and from every source: the
 *   request schema, the notes and groups services, the payer rules (whose `['service', …]` the claims
 *   service maps onto the note field it comes from). A route whose body carries note fields says where
 *   (`noteRequestPath` in shared/api/notes.ts, `attendeeRequestPath` in shared/api/groups.ts), and the API's
 *   error handler names a refused one by the note field; the web app checks before sending by the same rule;
 * - anything else in a request is its location and place there: `['body', 'email']`, `['query', 'from']`,
 *   `['params', 'id']`, `['body', 'revision']`;
 * - the member's or staff member's record, as the payer rules see it: `['member', …]`, `['staff', …]`.
 */
import { z } from 'zod';

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Where a problem comes from: a rule's citation, or the part of Peerline that raised it. */
export const ProblemSourceSchema = z.object({
  /** Seed document file name or Peerline component, e.g. `000_1274c8781db8481b.txt` or `peerline-api`. */
  document: z.string(),
  section: z.string().optional(),
  quote: z.string().optional(),
  ruleId: z.string().optional(),
  ruleVersion: z.string().optional(),
});
export type ProblemSource = z.infer<typeof ProblemSourceSchema>;

export const ProblemSchema = z.object({
  severity: z.enum(SEVERITIES),
  /** Stable machine code, dotted: `auth.invalid_credentials`, `request.invalid`, `ca-dhcs.pos.excluded`. */
  code: z.string(),
  /** Plain words that say what is wrong and what to do about it. */
  message: z.string(),
  path: z.array(z.union([z.string(), z.number()])),
  source: ProblemSourceSchema.optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

/** Body of every 4xx (and of a 500, with a generic message). */
export const ProblemResponseSchema = z.object({ problems: z.array(ProblemSchema) });
export type ProblemResponse = z.infer<typeof ProblemResponseSchema>;

/** Builds an error-severity problem; the common case at the API edge. */
export function errorProblem(code: string, message: string, path: Problem['path'] = []): Problem {
  return { severity: 'error', code, message, path };
}

/** Problems that concern one form field, matched by the path after its location prefix (`body`, `query`). */
export function problemsForField(problems: readonly Problem[], field: string): Problem[] {
  return problems.filter((problem) => fieldOfPath(problem.path) === field);
}

/** The dotted field name of a path without its request-location prefix: `['body','roles',0]` → `roles.0`. */
export function fieldOfPath(path: Problem['path']): string {
  const [first, ...rest] = path;
  const withoutLocation = first === 'body' || first === 'query' || first === 'params' ? rest : path;
  return withoutLocation.join('.');
}

/**
 * A validation message in plain words: zod's wording for a missing field ("expected string, received
 * undefined") is not for people, so it becomes "Fill in <field>; it is required."
 */
export function plainValidationMessage(field: string, message: string): string {
  return /received undefined$/.test(message) ? `Fill in ${field}; it is required.` : message;
}
