import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareDates,
  dateParts,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  formatDate,
  fromDayNumber,
  isCalendarDate,
  isLeapYear,
  isWeekend,
  parseCalendarDate,
  toDayNumber,
  DATE_PROBLEM_CODES,
  WEEKDAY,
} from './date.js';

const MS_PER_DAY = 86_400_000;

describe('parseCalendarDate', () => {
  it.each([
    '2026-11-25',
    '2028-02-29', // leap year
    '2000-02-29', // divisible by 400
    '2026-12-31',
    '2026-01-01',
    '0001-01-01',
    '9999-12-31',
  ])('accepts %s', (text) => {
    expect(parseCalendarDate(text)).toEqual({ ok: true, value: text, problems: [] });
    expect(isCalendarDate(text)).toBe(true);
  });

  it.each([
    ['2026-02-30', DATE_PROBLEM_CODES.nonexistent, 'February 2026 has 28 days'],
    ['2026-02-29', DATE_PROBLEM_CODES.nonexistent, 'February 2026 has 28 days'],
    ['1900-02-29', DATE_PROBLEM_CODES.nonexistent, 'February 1900 has 28 days'],
    ['2026-04-31', DATE_PROBLEM_CODES.nonexistent, 'April 2026 has 30 days'],
    ['2026-13-01', DATE_PROBLEM_CODES.nonexistent, 'there is no month 13'],
    ['2026-00-10', DATE_PROBLEM_CODES.nonexistent, 'there is no month 00'],
    ['2026-01-00', DATE_PROBLEM_CODES.nonexistent, 'January 2026 has 31 days'],
    ['2026-1-5', DATE_PROBLEM_CODES.format, 'not written as YYYY-MM-DD'],
    ['11/25/2026', DATE_PROBLEM_CODES.format, 'not written as YYYY-MM-DD'],
    ['2026-11-25T00:00', DATE_PROBLEM_CODES.format, 'not written as YYYY-MM-DD'],
    [' 2026-11-25', DATE_PROBLEM_CODES.format, 'not written as YYYY-MM-DD'],
    ['', DATE_PROBLEM_CODES.format, 'not written as YYYY-MM-DD'],
  ])('rejects %s with %s, saying "%s"', (text, code, detail) => {
    const result = parseCalendarDate(text, ['dateOfService']);
    expect(result.ok).toBe(false);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ severity: 'error', code, path: ['dateOfService'] });
    expect(result.problems[0]?.message).toContain(detail);
    expect(result.problems[0]?.message).toContain('YYYY-MM-DD');
    expect(isCalendarDate(text)).toBe(false);
  });

  it('tells a peer in plain words what to fix', () => {
    expect(parseCalendarDate('2026-02-30').problems[0]?.message).toBe(
      `The date "2026-02-30" can't be used because February 2026 has 28 days. Enter a real date as YYYY-MM-DD, for example 2026-11-25.`,
    );
  });
});

describe('day numbers', () => {
  it('matches Date.UTC for every day from 1900 to 2300', () => {
    // Date.UTC is a trustworthy oracle in this range (it remaps only years 0–99).
    const mismatches: string[] = [];
    for (let day = Date.UTC(1900, 0, 1) / MS_PER_DAY; day <= Date.UTC(2300, 11, 31) / MS_PER_DAY; day += 1) {
      const iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
      if (fromDayNumber(day) !== iso || toDayNumber(iso) !== day) {
        mismatches.push(`${day} ${iso}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it.each([
    ['1970-01-01', 0],
    ['1969-12-31', -1],
    ['2000-03-01', 11017],
    ['0000-03-01', -719468],
    ['9999-12-31', 2932896],
  ])('numbers %s as day %i', (date, day) => {
    expect(toDayNumber(date)).toBe(day);
    expect(fromDayNumber(day)).toBe(date);
  });

  it('keeps years 0000–0099 as written instead of moving them to 1900–1999 as Date.UTC does', () => {
    expect(fromDayNumber(toDayNumber('0050-06-15'))).toBe('0050-06-15');
    // setUTCFullYear does not remap two-digit years, so it can check the day number.
    const oracle = new Date(0);
    oracle.setUTCFullYear(50, 5, 15);
    expect(toDayNumber('0050-06-15')).toBe(oracle.getTime() / MS_PER_DAY);
  });

  it.each([1.5, Number.NaN, toDayNumber('9999-12-31') + 1, toDayNumber('0000-01-01') - 1])(
    'refuses day number %s',
    (day) => {
      expect(() => fromDayNumber(day)).toThrow(RangeError);
    },
  );
});

describe('dayOfWeek', () => {
  it('matches getUTCDay for every day from 1900 to 2300', () => {
    let mismatches = 0;
    for (let day = Date.UTC(1900, 0, 1) / MS_PER_DAY; day <= Date.UTC(2300, 11, 31) / MS_PER_DAY; day += 1) {
      const date = new Date(day * MS_PER_DAY);
      mismatches += dayOfWeek(date.toISOString().slice(0, 10)) === date.getUTCDay() ? 0 : 1;
    }
    expect(mismatches).toBe(0);
  });

  it.each([
    ['2026-11-25', WEEKDAY.wednesday, false],
    ['2026-11-26', WEEKDAY.thursday, false],
    ['2026-11-28', WEEKDAY.saturday, true],
    ['2026-11-29', WEEKDAY.sunday, true],
    ['2026-11-30', WEEKDAY.monday, false],
    ['1969-12-31', WEEKDAY.wednesday, false], // before day 0, where a plain % would go negative
    ['1900-01-01', WEEKDAY.monday, false],
  ])('puts %s on day %i (weekend: %s)', (date, weekday, weekend) => {
    expect(dayOfWeek(date)).toBe(weekday);
    expect(isWeekend(date)).toBe(weekend);
  });
});

describe('addDays, daysBetween and compareDates', () => {
  it.each([
    ['2026-11-25', 1, '2026-11-26'],
    ['2026-11-30', 1, '2026-12-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2028-02-29', 1, '2028-03-01'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2100-02-28', 1, '2100-03-01'], // 2100 is not a leap year
    ['2000-02-28', 1, '2000-02-29'], // 2000 is
    ['2026-07-01', 365, '2027-07-01'],
    ['2027-07-01', 366, '2028-07-01'],
    ['2026-11-25', 0, '2026-11-25'],
  ])('%s + %i days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(days);
    expect(daysBetween(expected, date)).toBe(days === 0 ? 0 : -days); // -0 would fail Object.is
  });

  it.each([
    ['2026-11-25', '2026-11-26', -1],
    ['2026-11-26', '2026-11-25', 1],
    ['2026-11-25', '2026-11-25', 0],
    ['2026-12-31', '2027-01-01', -1],
    ['1999-12-31', '2000-01-01', -1],
  ] as const)('compares %s with %s as %i', (a, b, expected) => {
    expect(compareDates(a, b)).toBe(expected);
  });

  it('sorts dates in calendar order', () => {
    expect(['2027-01-01', '2026-12-31', '2028-02-29', '2026-07-01'].sort(compareDates)).toEqual([
      '2026-07-01',
      '2026-12-31',
      '2027-01-01',
      '2028-02-29',
    ]);
  });

  it('refuses fractional days and malformed dates', () => {
    expect(() => addDays('2026-11-25', 0.5)).toThrow(RangeError);
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => daysBetween('2026-11-25', '2026/11/26')).toThrow(RangeError);
    expect(() => dateParts('2026-02-30')).toThrow(/February 2026 has 28 days/);
  });
});

describe('month and year lengths', () => {
  it.each([
    [1900, false],
    [2000, true],
    [2024, true],
    [2026, false],
    [2028, true],
    [2100, false],
  ])('says whether %i is a leap year (%s)', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
    expect(daysInMonth(year, 2)).toBe(leap ? 29 : 28);
  });

  it.each([
    [1, 31],
    [3, 31],
    [4, 30],
    [5, 31],
    [6, 30],
    [7, 31],
    [8, 31],
    [9, 30],
    [10, 31],
    [11, 30],
    [12, 31],
  ])('gives month %i %i days', (month, days) => {
    expect(daysInMonth(2026, month)).toBe(days);
  });

  it.each([0, 13, 1.5])('refuses month %s', (month) => {
    expect(() => daysInMonth(2026, month)).toThrow(RangeError);
  });
});

describe('formatDate', () => {
  it.each([
    [{ year: 2026, month: 7, day: 1 }, '2026-07-01'],
    [{ year: 50, month: 1, day: 9 }, '0050-01-09'],
  ])('writes %o as %s', (parts, expected) => {
    expect(formatDate(parts)).toBe(expected);
    expect(dateParts(expected)).toEqual(parts);
  });

  it.each([
    { year: 2026, month: 2, day: 30 },
    { year: 10000, month: 1, day: 1 },
    { year: -1, month: 1, day: 1 },
    { year: 2026, month: 1.5, day: 1 },
  ])('refuses %o', (parts) => {
    expect(() => formatDate(parts)).toThrow(RangeError);
  });
});
