/**
 * @module cli/usage-error
 * A failure the user can fix (a bad option, an unreadable or invalid input file): the CLI prints its message
 * as is, without a stack trace, and exits 1.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}
