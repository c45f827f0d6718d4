/**
 * Unit tests: what the web app counts as in force on a day — both ends included, an open end, and a consent
 * that stops counting the day it is revoked.
 */
import { describe, expect, it } from 'vitest';
import { consentInForce, inForce } from './in-force.js';

describe('inForce', () => {
  const cases: readonly (readonly [string, string, string | null, boolean])[] = [
    ['2026-01-01', '2026-01-01', '2026-06-30', true],
    ['2026-06-30', '2026-01-01', '2026-06-30', true],
    ['2025-12-31', '2026-01-01', '2026-06-30', false],
    ['2026-07-01', '2026-01-01', '2026-06-30', false],
    ['2030-01-01', '2026-01-01', null, true],
    ['2025-12-31', '2026-01-01', null, false],
  ];
  it.each(cases)('%s in force from %s to %s: %s', (date, from, to, expected) => {
    expect(inForce(date, from, to)).toBe(expected);
  });
});

describe('consentInForce', () => {
  const consent = {
    givenOn: '2026-01-01',
    expiresOn: '2026-12-31',
    revokedOn: '2026-06-15',
  };
  it('counts a consent until the day before it is revoked', () => {
    expect(consentInForce(consent, '2026-06-14')).toBe(true);
    expect(consentInForce(consent, '2026-06-15')).toBe(false);
  });
  it('counts an unrevoked consent from the day given to the day it expires', () => {
    const open = { ...consent, revokedOn: null };
    expect(consentInForce(open, '2026-01-01')).toBe(true);
    expect(consentInForce(open, '2026-12-31')).toBe(true);
    expect(consentInForce(open, '2027-01-01')).toBe(false);
    expect(consentInForce(open, '2025-12-31')).toBe(false);
  });
});
