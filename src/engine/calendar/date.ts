/**
 * @module engine/calendar/date
 * Calendar dates as 'YYYY-MM-DD' strings, and arithmetic on them.
 *
 * A date of service is a calendar date, not an instant, so every calculation here works on whole days counted
 * from 1970-01-01 (the proleptic Gregorian calendar), with integer formulas instead of `Date`: no time zone or
 * daylight-saving change can move a date, and years 0000–0099 are not remapped to 19xx as `Date.UTC` does.
 */
import type { Problem } from '../../shared/problem.js';
import { checked, type Checked, type ProblemPath } from '../result.js';

/** A calendar date written 'YYYY-MM-DD' (years 0000–9999), e.g. '2026-11-25'. */
export type CalendarDate = string;

/** Day of the week, numbered as `Date.prototype.getUTCDay` does: 0 = Sunday … 6 = Saturday. */
export type DayOfWeek = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Named days of the week, so callers never write a bare 0 or 6. */
export const WEEKDAY = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
} as const satisfies Record<string, DayOfWeek>;

/** A date split into its numeric parts; `month` is 1–12 and `day` 1–31. */
export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Stable codes of the problems this module reports. */
export const DATE_PROBLEM_CODES = {
  format: 'date.format',
  nonexistent: 'date.nonexistent',
} as const;

const HYPHEN = 45;
const ZERO = 48;

/** The value of the character at `index` if it is a digit; anything else gives a number outside 0–9. */
function digitAt(text: string, index: number): number {
  return text.charCodeAt(index) - ZERO;
}

function isDigit(value: number): boolean {
  return value >= 0 && value <= 9;
}

function numberAt(text: string, start: number, length: number): number {
  let value = 0;
  for (let index = start; index < start + length; index += 1) {
    value = value * 10 + digitAt(text, index);
  }
  return value;
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/**
 * True for leap years of the Gregorian calendar.
 *
 * @param year - the full year, e.g. 2028
 */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Number of days in a month.
 *
 * @param year - the full year
 * @param month - 1 (January) to 12 (December)
 * @throws RangeError when `month` is not 1–12
 */
export function daysInMonth(year: number, month: number): number {
  switch (month) {
    case 2:
      return isLeapYear(year) ? 29 : 28;
    case 4:
    case 6:
    case 9:
    case 11:
      return 30;
    case 1:
    case 3:
    case 5:
    case 7:
    case 8:
    case 10:
    case 12:
      return 31;
    default:
      throw new RangeError(`Month ${month} is not 1–12`);
  }
}

/** What `dateNumber` gives for text not written 'YYYY-MM-DD', and for one written so that names no day. */
const NOT_WRITTEN_AS_A_DATE = -1;
const NO_SUCH_DAY = -2;

/**
 * An existing 'YYYY-MM-DD' date as the number YYYYMMDD; anything else is negative (see `NOT_WRITTEN_AS_A_DATE`).
 * Dates are read on every evaluation, so this reads each character once and allocates nothing; YYYYMMDD
 * numbers order like the dates.
 */
export function dateNumber(text: string): number {
  if (text.length !== 10 || text.charCodeAt(4) !== HYPHEN || text.charCodeAt(7) !== HYPHEN) {
    return NOT_WRITTEN_AS_A_DATE;
  }
  const y1 = digitAt(text, 0);
  const y2 = digitAt(text, 1);
  const y3 = digitAt(text, 2);
  const y4 = digitAt(text, 3);
  const m1 = digitAt(text, 5);
  const m2 = digitAt(text, 6);
  const d1 = digitAt(text, 8);
  const d2 = digitAt(text, 9);
  if (
    !(isDigit(y1) && isDigit(y2) && isDigit(y3) && isDigit(y4)) ||
    !(isDigit(m1) && isDigit(m2) && isDigit(d1) && isDigit(d2))
  ) {
    return NOT_WRITTEN_AS_A_DATE;
  }
  const year = y1 * 1000 + y2 * 100 + y3 * 10 + y4;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return NO_SUCH_DAY;
  }
  return year * 10_000 + month * 100 + day;
}

/** Why `text` is not a real 'YYYY-MM-DD' date (only called once `dateNumber` has refused it). */
function dateProblem(text: string): { problem: 'format' | 'nonexistent'; detail: string } {
  if (dateNumber(text) === NOT_WRITTEN_AS_A_DATE) {
    return { problem: 'format', detail: 'it is not written as YYYY-MM-DD' };
  }
  const year = numberAt(text, 0, 4);
  const month = numberAt(text, 5, 2);
  if (month < 1 || month > 12) {
    return { problem: 'nonexistent', detail: `there is no month ${text.slice(5, 7)}` };
  }
  return {
    problem: 'nonexistent',
    detail: `${MONTH_NAMES[month - 1]} ${year} has ${daysInMonth(year, month)} days`,
  };
}

/** The YYYYMMDD number of a date, or a RangeError saying why `date` is not one. */
export function requireDateNumber(date: CalendarDate): number {
  const number = dateNumber(date);
  if (number < 0) {
    throw new RangeError(`"${date}" is not a calendar date: ${dateProblem(date).detail}`);
  }
  return number;
}

/**
 * True when `text` is an existing calendar date written 'YYYY-MM-DD' ('2026-02-30' is not).
 *
 * @param text - the candidate date
 */
export function isCalendarDate(text: string): boolean {
  return dateNumber(text) >= 0;
}

/**
 * Checks a date typed by a person; the problem says what to fix.
 *
 * @param text - the date as entered
 * @param path - the field the date came from, for the problem's `path`
 * @example parseCalendarDate('2026-02-30', ['dateOfService']) // not ok: "February 2026 has 28 days"
 */
export function parseCalendarDate(text: string, path: ProblemPath = []): Checked<CalendarDate> {
  if (dateNumber(text) >= 0) {
    return checked(text, []);
  }
  const split = dateProblem(text);
  const problem: Problem = {
    severity: 'error',
    code: DATE_PROBLEM_CODES[split.problem],
    message: `The date "${text}" can't be used because ${split.detail}. Enter a real date as YYYY-MM-DD, for example 2026-11-25.`,
    path,
  };
  return checked(text, [problem]);
}

/**
 * The numeric parts of a date.
 *
 * @param date - a 'YYYY-MM-DD' date
 * @throws RangeError when `date` is not an existing 'YYYY-MM-DD' date
 */
export function dateParts(date: CalendarDate): DateParts {
  const number = requireDateNumber(date);
  return { year: Math.floor(number / 10_000), month: Math.floor(number / 100) % 100, day: number % 100 };
}

/**
 * Builds a 'YYYY-MM-DD' string from parts.
 *
 * @param parts - year 0–9999, month 1–12, day within the month
 * @throws RangeError when the parts do not name an existing date
 */
export function formatDate(parts: DateParts): CalendarDate {
  const { year, month, day } = parts;
  if (!Number.isInteger(year) || year < 0 || year > 9999) {
    throw new RangeError(`Year ${year} is outside 0000–9999`);
  }
  const text = writeDate(year, month, day);
  if (!Number.isInteger(month) || !Number.isInteger(day) || !isCalendarDate(text)) {
    throw new RangeError(`${year}-${month}-${day} is not a calendar date`);
  }
  return text;
}

/** Writes whole-number parts as 'YYYY-MM-DD' without checking them (callers have). */
function writeDate(year: number, month: number, day: number): CalendarDate {
  const yyyy = year >= 1000 ? String(year) : String(year).padStart(4, '0');
  return `${yyyy}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/**
 * Days from 1970-01-01 to `date` (negative before it). Howard Hinnant's `days_from_civil`, shifting the year to
 * start in March so February's length only matters at the end of a shifted year.
 *
 * @param date - a 'YYYY-MM-DD' date
 * @throws RangeError when `date` is not an existing 'YYYY-MM-DD' date
 */
export function toDayNumber(date: CalendarDate): number {
  const number = requireDateNumber(date);
  return dayNumberOf(Math.floor(number / 10_000), Math.floor(number / 100) % 100, number % 100);
}

/** The day number of an existing date given as parts (see `toDayNumber`). */
export function dayNumberOf(year: number, month: number, day: number): number {
  const shiftedYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(shiftedYear / 400);
  const yearOfEra = shiftedYear - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * The date `dayNumber` days after 1970-01-01 (Hinnant's `civil_from_days`, the inverse of `toDayNumber`).
 *
 * @param dayNumber - an integer day count; 0 is 1970-01-01
 * @throws RangeError when the result falls outside years 0000–9999
 */
export function fromDayNumber(dayNumber: number): CalendarDate {
  if (!Number.isInteger(dayNumber)) {
    throw new RangeError(`Day number ${dayNumber} is not an integer`);
  }
  const shifted = dayNumber + 719468;
  const era = Math.floor(shifted / 146097);
  const dayOfEra = shifted - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999) {
    throw new RangeError(`Year ${year} is outside 0000–9999`);
  }
  // The parts come from the inverse formula, so they always name an existing date: no need to re-check them.
  return writeDate(year, month, day);
}

/**
 * The date `days` days after `date` (before it when negative).
 *
 * @param date - a 'YYYY-MM-DD' date
 * @param days - an integer number of days
 * @example addDays('2028-02-28', 1) // '2028-02-29'
 */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  if (!Number.isInteger(days)) {
    throw new RangeError(`addDays needs a whole number of days, not ${days}`);
  }
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * Signed number of days from `from` to `to`: 0 for the same date, 1 for the next day, -1 for the day before.
 *
 * @param from - the earlier date, usually
 * @param to - the later date, usually
 */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/**
 * Orders two dates for `Array.prototype.sort`: negative when `a` is earlier, 0 when equal, positive when later.
 *
 * @param a - a 'YYYY-MM-DD' date
 * @param b - a 'YYYY-MM-DD' date
 */
export function compareDates(a: CalendarDate, b: CalendarDate): -1 | 0 | 1 {
  return Math.sign(daysBetween(b, a)) as -1 | 0 | 1;
}

/**
 * The day of the week of a date (0 = Sunday … 6 = Saturday).
 *
 * @param date - a 'YYYY-MM-DD' date
 */
export function dayOfWeek(date: CalendarDate): DayOfWeek {
  return dayOfWeekOfDayNumber(toDayNumber(date));
}

/** The weekday of a day number (0 Sunday … 6 Saturday), without formatting a date. */
export function dayOfWeekOfDayNumber(dayNumber: number): DayOfWeek {
  // 1970-01-01 was a Thursday (4); the double modulo keeps dates before 1970 non-negative.
  return ((((dayNumber + 4) % 7) + 7) % 7) as DayOfWeek;
}

/** The calendar year of a day number (Hinnant's civil_from_days, year only). */
export function yearOfDayNumber(dayNumber: number): number {
  const shifted = dayNumber + 719468;
  const era = Math.floor(shifted / 146097);
  const dayOfEra = shifted - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  return yearOfEra + era * 400 + (shiftedMonth >= 10 ? 1 : 0);
}

/**
 * True on Saturdays and Sundays.
 *
 * @param date - a 'YYYY-MM-DD' date
 */
export function isWeekend(date: CalendarDate): boolean {
  const weekday = dayOfWeek(date);
  return weekday === WEEKDAY.saturday || weekday === WEEKDAY.sunday;
}
