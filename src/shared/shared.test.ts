/**
 * Shared helpers: NPI check digits and problem paths.
 */
import { describe, expect, it } from 'vitest';
import { isValidNpi, npiCheckDigit } from './npi.js';
import { errorProblem, fieldOfPath, problemsForField, type Problem } from './problem.js';
import { attendeeRequestPath } from './api/groups.js';
import { noteFieldPath, noteRequestPath } from './api/notes.js';

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

describe('note field paths (one rule: a note field is named by the note field)', () => {
  const cases: readonly (readonly [
    string,
    (path: Problem['path']) => Problem['path'],
    Problem['path'],
    Problem['path'],
  ])[] = [
    ['save: a field under `fields`', noteRequestPath(['fields']), ['fields', 'end'], ['fields', 'end']],
    [
      'save: inside a field',
      noteRequestPath(['fields']),
      ['fields', 'gaps', 0, 'start'],
      ['fields', 'gaps', 0, 'start'],
    ],
    ['save: the revision stays in the body', noteRequestPath(['fields']), ['revision'], ['body', 'revision']],
    ['save: `fields` itself stays in the body', noteRequestPath(['fields']), ['fields'], ['body', 'fields']],
    ['create: a field at the top', noteRequestPath([]), ['serviceType'], ['fields', 'serviceType']],
    ['create: the member stays in the body', noteRequestPath([]), ['memberId'], ['body', 'memberId']],
    ['create: the program stays in the body', noteRequestPath([]), ['programId'], ['body', 'programId']],
    ['attendee: an own field', attendeeRequestPath, ['lateReason'], ['fields', 'lateReason']],
    [
      'attendee: next steps are the PIN’s',
      attendeeRequestPath,
      ['nextSteps'],
      ['fields', 'pin', 'nextSteps'],
    ],
    ['attendee: goals', attendeeRequestPath, ['goalsAddressed', 2], ['fields', 'goalsAddressed', 2]],
    ['attendee: the revision stays in the body', attendeeRequestPath, ['revision'], ['body', 'revision']],
    ['attendee: a session field is not the attendee’s', attendeeRequestPath, ['start'], ['body', 'start']],
  ];
  it.each(cases)('%s', (_name, pathOf, bodyPath, expected) => {
    expect(pathOf(bodyPath)).toEqual(expected);
  });

  it('reads the note field back from a problem path, and nothing else', () => {
    expect(noteFieldPath(['fields', 'pin', 'plan'])).toEqual(['pin', 'plan']);
    expect(noteFieldPath(['fields', 'gaps', 0, 'end'])).toEqual(['gaps', 0, 'end']);
    expect(noteFieldPath(['body', 'fields', 'end'])).toBeNull();
    expect(noteFieldPath(['fields', 'notAField'])).toBeNull();
    expect(noteFieldPath(['member', 'consents'])).toBeNull();
    expect(noteFieldPath(['body', 'revision'])).toBeNull();
  });
});
