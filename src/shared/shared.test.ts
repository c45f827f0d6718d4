/**
 * Shared helpers: NPI check digits and problem paths.
 */
import { describe, expect, it } from 'vitest';
import { isValidNpi, npiCheckDigit } from './npi.js';
import { errorProblem, fieldOfPath, problemsForField } from './problem.js';

describe('NPI check digit (Luhn with the 80840 prefix)', () => {
  it.each([
    ['1234567893', true], // CMS's published example
    ['1234567890', false],
    ['9876543213', true], // used in the 837P skeleton in tech-notes
    ['123456789', false],
    ['12345678930', false],
    ['12345678a3', false],
  ])('%s is valid: %s', (npi, valid) => {
    expect(isValidNpi(npi)).toBe(valid);
  });

  it('computes the digit that makes every nine-digit stem valid', () => {
    for (const stem of ['123456789', '987654321', '000000000', '999999999', '100000000']) {
      expect(isValidNpi(`${stem}${npiCheckDigit(stem)}`)).toBe(true);
      expect(isValidNpi(`${stem}${(npiCheckDigit(stem) + 1) % 10}`)).toBe(false);
    }
  });
});

describe('problem paths', () => {
  it('drops the request location to name the form field', () => {
    expect(fieldOfPath(['body', 'email'])).toBe('email');
    expect(fieldOfPath(['body', 'roles', 0])).toBe('roles.0');
    expect(fieldOfPath(['query', 'from'])).toBe('from');
    expect(fieldOfPath(['service', 'minutes'])).toBe('service.minutes');
  });

  it('finds the problems of one field', () => {
    const problems = [
      errorProblem('a', 'A', ['body', 'email']),
      errorProblem('b', 'B', ['body', 'password']),
    ];
    expect(problemsForField(problems, 'password').map((problem) => problem.code)).toEqual(['b']);
  });
});
