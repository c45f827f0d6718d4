import { describe, expect, it } from 'vitest';
import { daysBetween } from './date.js';
import { calendarYear, fiscalYearNamed, inForce, periodContains, stateFiscalYear } from './periods.js';

describe('stateFiscalYear (July 1 – June 30, named by the year it ends)', () => {
  it.each([
    ['2026-06-30', 2026, '2025-07-01', '2026-06-30'],
    ['2026-07-01', 2027, '2026-07-01', '2027-06-30'],
    ['2026-12-31', 2027, '2026-07-01', '2027-06-30'],
    ['2027-01-01', 2027, '2026-07-01', '2027-06-30'],
    ['2027-06-30', 2027, '2026-07-01', '2027-06-30'],
    ['2027-07-01', 2028, '2027-07-01', '2028-06-30'],
    ['2028-02-29', 2028, '2027-07-01', '2028-06-30'],
    ['2024-02-29', 2024, '2023-07-01', '2024-06-30'],
  ])('puts %s in SFY %i (%s … %s)', (date, year, start, end) => {
    const fiscalYear = stateFiscalYear(date);
    expect(fiscalYear).toEqual({ year, start, end });
    expect(periodContains(fiscalYear, date)).toBe(true);
  });

  it.each([
    [2027, 365],
    [2028, 366], // holds 2028-02-29
    [2100, 365], // 2100 is not a leap year
  ])('gives SFY %i %i days', (year, days) => {
    const { start, end } = fiscalYearNamed(year);
    expect(daysBetween(start, end) + 1).toBe(days);
  });

  it.each([
    // [date, start month, fiscal year, start, end]
    ['2026-09-30', 10, 2026, '2025-10-01', '2026-09-30'], // federal fiscal year
    ['2026-10-01', 10, 2027, '2026-10-01', '2027-09-30'],
    ['2026-03-31', 4, 2026, '2025-04-01', '2026-03-31'], // New York
    ['2026-04-01', 4, 2027, '2026-04-01', '2027-03-31'],
    ['2026-08-31', 9, 2026, '2025-09-01', '2026-08-31'], // Texas
    ['2026-12-31', 1, 2026, '2026-01-01', '2026-12-31'], // a fiscal year that is the calendar year
    ['2026-01-01', 1, 2026, '2026-01-01', '2026-12-31'],
    ['2026-11-30', 12, 2026, '2025-12-01', '2026-11-30'],
    ['2026-12-01', 12, 2027, '2026-12-01', '2027-11-30'],
    ['2028-02-29', 3, 2028, '2027-03-01', '2028-02-29'], // ends on a leap day
  ])('puts %s in FY %i… with a start month of %i', (date, startMonth, year, start, end) => {
    expect(stateFiscalYear(date, { startMonth })).toEqual({ year, start, end });
  });

  it.each([0, 13, 6.5])('refuses start month %s', (startMonth) => {
    expect(() => stateFiscalYear('2026-07-01', { startMonth })).toThrow(RangeError);
    expect(() => fiscalYearNamed(2027, { startMonth })).toThrow(RangeError);
  });

  it('refuses a malformed date', () => {
    expect(() => stateFiscalYear('2026-02-30')).toThrow(RangeError);
  });
});

describe('calendarYear', () => {
  it.each([
    ['2026-12-31', 2026],
    ['2027-01-01', 2027],
    ['2028-02-29', 2028],
  ])('puts %s in calendar year %i', (date, year) => {
    expect(calendarYear(date)).toEqual({ year, start: `${year}-01-01`, end: `${year}-12-31` });
  });
});

describe('periodContains', () => {
  const sfy2027 = { start: '2026-07-01', end: '2027-06-30' };

  it.each([
    ['2026-06-30', false],
    ['2026-07-01', true], // first day included
    ['2026-12-31', true],
    ['2027-01-01', true],
    ['2027-06-30', true], // last day included
    ['2027-07-01', false],
  ])('says whether SFY 2027 contains %s (%s)', (date, expected) => {
    expect(periodContains(sfy2027, date)).toBe(expected);
  });

  it('contains its only day when it starts and ends on the same date', () => {
    expect(periodContains({ start: '2028-02-29', end: '2028-02-29' }, '2028-02-29')).toBe(true);
    expect(periodContains({ start: '2028-02-29', end: '2028-02-29' }, '2028-03-01')).toBe(false);
  });
});

describe('inForce (from and to included, a null to is open)', () => {
  it.each([
    ['2025-12-31', '2026-01-01', '2026-06-30', false], // the day before it starts
    ['2026-01-01', '2026-01-01', '2026-06-30', true], // first day included
    ['2026-06-30', '2026-01-01', '2026-06-30', true], // last day included
    ['2026-07-01', '2026-01-01', '2026-06-30', false], // the day after it ends
    ['2026-03-01', '2026-03-01', '2026-03-01', true], // a single day
    ['2025-12-31', '2026-01-01', null, false], // open, not started yet
    ['2026-01-01', '2026-01-01', null, true],
    ['2099-12-31', '2026-01-01', null, true], // open: in force from then on
  ])('on %s, from %s to %s: %s', (date, from, to, expected) => {
    expect(inForce(date, from, to)).toBe(expected);
  });
});
