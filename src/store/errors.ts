/**
 * @module store/errors
 * Recognising database errors by their SQLSTATE, which PostgreSQL and PGlite report alike.
 */

/** 23505: a unique constraint refused the row. */
export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === '23505';
}

export function sqlState(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return undefined;
}
