/**
 * @module engine/result
 * The result shape of every engine check: either a value, possibly with warnings, or no value and at least one
 * error. Keeping problems beside the value (rather than throwing) lets a form show every problem at once.
 */
import type { Problem } from '../shared/problem.js';

/** A checked value: `ok: true` carries the value and any warnings; `ok: false` carries at least one error. */
export type Checked<T> =
  | { readonly ok: true; readonly value: T; readonly problems: readonly Problem[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** Where a problem is about, as path segments (see `Problem['path']`). */
export type ProblemPath = Problem['path'];

/**
 * Wraps a value with the problems found while computing it; any error problem makes the result not ok.
 *
 * @param value - the computed value, kept only when no problem is an error
 * @param problems - warnings and errors found on the way
 */
export function checked<T>(value: T, problems: readonly Problem[]): Checked<T> {
  if (problems.some((problem) => problem.severity === 'error')) {
    return { ok: false, problems };
  }
  return { ok: true, value, problems };
}
