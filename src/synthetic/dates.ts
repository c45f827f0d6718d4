/**
 * @module synthetic/dates
 * Synthetic dates of birth, drawn with the engine's calendar arithmetic (integer day numbers: no `Date`, no
 * clock, no time zones).
 */
import {
  ageOn,
  dateParts,
  fromDayNumber,
  isCalendarDate,
  toDayNumber,
  yearsBefore,
} from '../engine/calendar/index.js';
import type { Rng } from './prng.js';

export { ageOn };

const MIN_YEAR = 1;

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
  if (!isCalendarDate(onDate)) {
    throw new RangeError(`onDate must be a date in the form YYYY-MM-DD, got '${onDate}'`);
  }
  if (dateParts(onDate).year - maxAge - 1 < MIN_YEAR) {
    throw new RangeError(`maxAge ${maxAge} reaches before year ${MIN_YEAR}`);
  }
  // Latest birth date: exactly minAge on onDate. Earliest: the day after turning maxAge + 1 would be reached.
  const latest = toDayNumber(yearsBefore(onDate, minAge));
  const earliest = toDayNumber(yearsBefore(onDate, maxAge + 1)) + 1;
  return fromDayNumber(rng.int(earliest, latest));
}
