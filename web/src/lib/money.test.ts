/**
 * Prices are typed in dollars and travel in cents: the conversion must be exact for every amount a fee
 * schedule holds, and must refuse (not guess at) text that is not an amount.
 */
import { describe, expect, it } from 'vitest';
import { centsOfDollars, dollarsOfCents } from './money.js';

describe('centsOfDollars', () => {
  it.each([
    ['46.67', 4667],
    ['$46.67', 4667],
    ['$ 6.25', 625],
    ['6.5', 650],
    ['6.', 600],
    ['11', 1100],
    ['0.29', 29],
    ['0.01', 1],
    ['0', 0],
    ['1,250.50', 125050],
    ['  11.75  ', 1175],
  ])('reads %j as %i cents', (text, cents) => {
    expect(centsOfDollars(text)).toBe(cents);
  });

  it.each(['', 'abc', '-5', '4.667', '12,34', '1.2.3', '$', '.5e3', '46,67'])(
    'refuses %j, which is not an amount of dollars',
    (text) => {
      expect(centsOfDollars(text)).toBeUndefined();
    },
  );

  it('is exact where a float times 100 is not', () => {
    // 0.29 * 100 is 28.999999999999996 in floating point.
    expect(centsOfDollars('0.29')).toBe(29);
    expect(centsOfDollars('1.15')).toBe(115);
  });
});

describe('dollarsOfCents', () => {
  it.each([
    [4667, '46.67'],
    [650, '6.50'],
    [5, '0.05'],
    [0, '0.00'],
  ])('writes %i cents as %j', (cents, text) => {
    expect(dollarsOfCents(cents)).toBe(text);
  });

  it('reads back what it writes', () => {
    for (const cents of [1, 29, 115, 1175, 99_999_999]) {
      expect(centsOfDollars(dollarsOfCents(cents))).toBe(cents);
    }
  });
});
