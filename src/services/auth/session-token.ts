/**
 * @module services/auth/session-token
 * Session tokens: 256 random bits, base64url in the cookie; only their SHA-256 is stored, so a copy of
 * the database cannot be used to sign in as anyone.
 */
import { createHash, randomBytes } from 'node:crypto';

export const SESSION_TOKEN_BYTES = 32;

export function newSessionToken(): string {
  return randomBytes(SESSION_TOKEN_BYTES).toString('base64url');
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A well-formed token is 43 base64url characters; anything else is refused before touching the database. */
export function isWellFormedSessionToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
