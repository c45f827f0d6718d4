/**
 * The one choice of authorization the engine's facts and the billing run's claim lines share: for the code and
 * the procedure's modifiers, covering the date, most units left, first among equals.
 */
import { describe, expect, it } from 'vitest';
import type { Authorization } from '../../shared/api/claims.js';
import { chooseAuthorization } from './authorization.js';

function authorization(number: string, overrides: Partial<Authorization> = {}): Authorization {
  return {
    number,
    code: 'H0038',
    modifiers: [],
    units: 40,
    usedUnits: 0,
    from: '2026-01-01',
    to: '2026-12-31',
    ...overrides,
  };
}

describe('chooseAuthorization', () => {
  it('takes the one with the most units left, the first of equals', () => {
    const list = [
      authorization('A', { usedUnits: 30 }),
      authorization('B', { usedUnits: 10 }),
      authorization('C', { usedUnits: 10 }),
    ];
    expect(chooseAuthorization(list, 'H0038', [], '2026-11-18')).toBe(1);
    list[2] = authorization('C', { usedUnits: 9 });
    expect(chooseAuthorization(list, 'H0038', [], '2026-11-18')).toBe(2);
  });

  it('keeps the first when it is the only one with no units left', () => {
    expect(chooseAuthorization([authorization('A', { usedUnits: 40 })], 'H0038', [], '2026-11-18')).toBe(0);
  });

  it('skips another code and dates outside the authorization, inclusive of both ends', () => {
    const list = [
      authorization('other code', { code: 'H0025', usedUnits: 0 }),
      authorization('ends', { units: 10, to: '2026-11-18' }),
      authorization('starts later', { units: 90, from: '2026-11-19' }),
    ];
    expect(chooseAuthorization(list, 'H0038', [], '2026-11-18')).toBe(1);
    expect(chooseAuthorization(list, 'H0038', [], '2026-11-19')).toBe(2);
    expect(chooseAuthorization(list, 'H0038', [], '2027-01-01')).toBe(-1);
    expect(chooseAuthorization(list, null, [], '2026-11-18')).toBe(-1);
    expect(chooseAuthorization([], 'H0038', [], '2026-11-18')).toBe(-1);
  });

  it('matches the procedure modifiers as a set: an individual authorization does not cover group services', () => {
    const individual = authorization('individual');
    const group = authorization('group', { modifiers: ['HQ'], usedUnits: 39 });
    const list = [individual, group];
    // The individual one has more units left, and still is not chosen for H0038 HQ.
    expect(chooseAuthorization(list, 'H0038', ['HQ'], '2026-11-18')).toBe(1);
    expect(chooseAuthorization(list, 'H0038', [], '2026-11-18')).toBe(0);
    expect(chooseAuthorization([individual], 'H0038', ['HQ'], '2026-11-18')).toBe(-1);
    expect(chooseAuthorization([group], 'H0038', [], '2026-11-18')).toBe(-1);
    const both = authorization('both', { modifiers: ['HF', 'HQ'] });
    expect(chooseAuthorization([both], 'H0038', ['HQ', 'HF'], '2026-11-18')).toBe(0);
    expect(chooseAuthorization([both], 'H0038', ['HQ'], '2026-11-18')).toBe(-1);
    expect(chooseAuthorization([group], 'H0038', ['HQ', 'HF'], '2026-11-18')).toBe(-1);
  });
});
