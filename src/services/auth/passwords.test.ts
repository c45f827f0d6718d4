/**
 * Password policy and hashing: what is refused, what is accepted, and that hashes are argon2id.
 */
import { describe, expect, it } from 'vitest';
import { hashPassword, isCommonPassword, passwordPolicyProblems, verifyPassword } from './passwords.js';

describe('password policy', () => {
  it.each([
    ['short1234', 'password.too_short'],
    ['password1234', 'password.common'], // on the list outright
    ['Password2026!', 'password.common'], // a common word with digits and a symbol tacked on
    ['qwertyuiop123', 'password.common'],
    ['monkeymonkeymonkey', 'password.common'], // a common word repeated
    ['aaaaaaaaaaaaaaa', 'password.common'], // one character repeated
    ['x'.repeat(257), 'password.too_long'],
  ])('refuses %j with %s', (password, code) => {
    const problems = passwordPolicyProblems(password);
    expect(problems.map((problem) => problem.code)).toEqual([code]);
    expect(problems[0]?.path).toEqual(['body', 'password']);
  });

  it.each(['correct horse battery staple', 'river otter lantern 42', 'pl-nGiMIWEa-ZFlyez9HG8_HA'])(
    'accepts %j',
    (password) => {
      expect(passwordPolicyProblems(password)).toEqual([]);
    },
  );

  it('refuses a password containing the email name, at the field path given', () => {
    const problems = passwordPolicyProblems('jordan.rivers-is-here', {
      email: 'jordan.rivers@demo.peerline.test',
      field: ['password'],
    });
    expect(problems).toEqual([
      expect.objectContaining({ code: 'password.contains_email', path: ['password'] }),
    ]);
  });

  it('treats case as irrelevant when matching the common list', () => {
    expect(isCommonPassword('PASSWORD1234')).toBe(true);
    expect(isCommonPassword('lantern otter river')).toBe(false);
  });
});

describe('password hashing', () => {
  it('stores argon2id with the OWASP minimum parameters and verifies only the right password', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse battery stapler')).toBe(false);
  });

  it('reads a malformed stored hash as a wrong password', async () => {
    expect(await verifyPassword('not-a-hash', 'anything at all')).toBe(false);
  });
});
