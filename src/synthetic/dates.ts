/**
 * @module synthetic/dates
 * Synthetic calendar dates with pure integer date math (no `Date`, no clock, no time zones): calendar dates are
 * converted to day numbers with Howard Hinnant's `days_from_civil` / `civil_from_days` algorithms.
 */
import type { Rng } from './prng.js';

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_YEAR = 1;
const MAX_YEAR = 9999;
const DAYS_PER_ERA = 146_097;
/** Day number of 0000-03-01 counted from 1970-01-01. */
const EPOCH_SHIFT = 719_468;

interface CivilDate {
  year: number;
  month: number;
  day: number;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    return isLeapYear(year) ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function parseIsoDate(text: string, name: string): CivilDate {
  const match = ISO_DATE_PATTERN.exec(text);
  if (match === null) {
    throw new RangeError(`${name} must be a date in the form YYYY-MM-DD, got '${text}'`);
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`${name} '${text}' is not a calendar date`);
  }
  return { year, month, day };
}

function formatIsoDate(date: CivilDate): string {
  if (date.year < MIN_YEAR || date.year > MAX_YEAR) {
    throw new RangeError(`year ${date.year} is outside ${MIN_YEAR}-${MAX_YEAR}`);
  }
  const pad = (value: number, width: number): string => String(value).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** Days since 1970-01-01 (proleptic Gregorian). */
function daysFromCivil({ year, month, day }: CivilDate): number {
  const shiftedYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(shiftedYear / 400);
  const yearOfEra = shiftedYear - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * DAYS_PER_ERA + dayOfEra - EPOCH_SHIFT;
}

/** The calendar date of a day number from {@link daysFromCivil}. */
function civilFromDays(dayNumber: number): CivilDate {
  const shifted = dayNumber + EPOCH_SHIFT;
  const era = Math.floor(shifted / DAYS_PER_ERA);
  const dayOfEra = shifted - era * DAYS_PER_ERA;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** The same month and day `years` earlier; 29 February becomes 28 February in a common year. */
function yearsEarlier(date: CivilDate, years: number): CivilDate {
  const year = date.year - years;
  return { year, month: date.month, day: Math.min(date.day, daysInMonth(year, date.month)) };
}

/**
 * Age in completed years on `onDate` of someone born on `dateOfBirth`. A 29 February birthday is reached on
 * 1 March in common years.
 *
 * @param dateOfBirth - `YYYY-MM-DD`.
 * @param onDate - `YYYY-MM-DD`, on or after `dateOfBirth`.
 * @throws RangeError when a date is malformed or `onDate` is before `dateOfBirth`.
 */
export function ageOn(dateOfBirth: string, onDate: string): number {
  const birth = parseIsoDate(dateOfBirth, 'dateOfBirth');
  const on = parseIsoDate(onDate, 'onDate');
  if (daysFromCivil(on) < daysFromCivil(birth)) {
    throw new RangeError(`onDate ${onDate} is before dateOfBirth ${dateOfBirth}`);
  }
  const birthdayPassed = on.month > birth.month || (on.month === birth.month && on.day >= birth.day);
  return on.year - birth.year - (birthdayPassed ? 0 : 1);
}

/** Options of {@link syntheticDateOfBirth}. */
export interface DateOfBirthOptions {
  /** Youngest age, in completed years, on `onDate`. */
  minAge: number;
  /** Oldest age, in completed years, on `onDate`. */
  maxAge: number;
  /** The reference date, `YYYY-MM-DD` (passed in: this module never reads the clock). */
  onDate: string;
}

/**
 * A date of birth, uniform over the days that make the person between `minAge` and `maxAge` years old
 * (inclusive) on `onDate`.
 *
 * @param rng - the stream to draw from (one draw).
 * @param options - the age range and the reference date.
 * @returns `YYYY-MM-DD`.
 * @throws RangeError when the ages are not integers with `0 <= minAge <= maxAge`, or `onDate` is malformed.
 * @example
 * syntheticDateOfBirth(rng, { minAge: 18, maxAge: 64, onDate: '2025-07-01' }); // e.g. '1987-11-23'
 */
export function syntheticDateOfBirth(rng: Rng, options: DateOfBirthOptions): string {
  const { minAge, maxAge, onDate } = options;
  if (!Number.isSafeInteger(minAge) || !Number.isSafeInteger(maxAge) || minAge < 0 || minAge > maxAge) {
    throw new RangeError(`ages must be integers with 0 <= minAge <= maxAge, got ${minAge} and ${maxAge}`);
  }
  const on = parseIsoDate(onDate, 'onDate');
  if (on.year - maxAge - 1 < MIN_YEAR) {
    throw new RangeError(`maxAge ${maxAge} reaches before year ${MIN_YEAR}`);
  }
  // Latest birth date: exactly minAge on onDate. Earliest: the day after turning maxAge + 1 would be reached.
  const latest = daysFromCivil(yearsEarlier(on, minAge));
  const earliest = daysFromCivil(yearsEarlier(on, maxAge + 1)) + 1;
  return formatIsoDate(civilFromDays(rng.int(earliest, latest)));
}
