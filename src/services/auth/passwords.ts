/**
 * @module services/auth/passwords
 * Password hashing (argon2id, OWASP minimum parameters) and the password policy: long enough, and not on
 * a list of ~49,000 passwords seen in breaches (the zxcvbn-ts common list), even with digits or symbols
 * tacked on at either end.
 */
import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../shared/api/common.js';
import type { Problem } from '../../shared/problem.js';
import { errorProblem } from '../../shared/problem.js';

/** OWASP Password Storage Cheat Sheet: argon2id, 19 MiB, 2 iterations, 1 lane (~30 ms here). */
// The library's Algorithm is a const enum, which isolated modules cannot read; 2 is its Argon2id.
const ARGON2ID: Algorithm = 2;
const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash must read as "wrong password", never as a crash or a match.
    return false;
  }
}

/**
 * A hash of a random password, verified against when the email is unknown, so that an unknown email
 * takes as long to refuse as a wrong password and response times don't reveal who has an account.
 */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(`decoy-${Math.random().toString(36)}-${Date.now()}`);
  return decoyHash;
}

const commonPasswords: ReadonlySet<string> = new Set(dictionary['passwords-common']);

/** Problems with a proposed password; empty when it is acceptable. Paths point at `field`. */
export function passwordPolicyProblems(
  password: string,
  context: { email?: string; field?: readonly (string | number)[] } = {},
): Problem[] {
  const path = [...(context.field ?? ['body', 'password'])];
  if (password.length < MIN_PASSWORD_LENGTH) {
    return [
      errorProblem(
        'password.too_short',
        `Use at least ${MIN_PASSWORD_LENGTH} characters; a short sentence is easy to remember.`,
        path,
      ),
    ];
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return [errorProblem('password.too_long', `Use at most ${MAX_PASSWORD_LENGTH} characters.`, path)];
  }
  if (isCommonPassword(password)) {
    return [
      errorProblem(
        'password.common',
        'This password is on a list of passwords found in data breaches, so attackers try it first. Choose another — several unrelated words work well.',
        path,
      ),
    ];
  }
  const localPart = context.email?.split('@')[0]?.toLowerCase();
  if (localPart !== undefined && localPart.length >= 4 && password.toLowerCase().includes(localPart)) {
    return [
      errorProblem(
        'password.contains_email',
        'Do not use your email name in your password; choose another.',
        path,
      ),
    ];
  }
  return [];
}

export function isCommonPassword(password: string): boolean {
  const lowered = password.toLowerCase();
  if (commonPasswords.has(lowered)) {
    return true;
  }
  // "Password2026!" is "password" with decoration: strip digits and symbols from both ends.
  const core = lowered.replace(/^[^a-z]+/, '').replace(/[^a-z]+$/, '');
  if (core.length >= 4 && core !== lowered && commonPasswords.has(core)) {
    return true;
  }
  if (/^(.)\1*$/.test(lowered)) {
    return true;
  }
  // "monkeymonkeymonkey": one common word repeated.
  for (let size = 4; size <= lowered.length / 2; size += 1) {
    const unit = lowered.slice(0, size);
    if (lowered.length % size === 0 && unit.repeat(lowered.length / size) === lowered) {
      return commonPasswords.has(unit);
    }
  }
  return false;
}
