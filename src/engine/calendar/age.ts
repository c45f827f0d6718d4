/**
 * @module engine/calendar/age
 * Ages in completed years, on calendar dates. Rules depend on them (a member under 21, a peer at least three
 * years older than a consumer under 18), and the synthetic generator draws dates of birth with them.
 */
import { dateParts, daysInMonth, formatDate, requireDateNumber, type CalendarDate } from './date.js';

/**
 * Age in completed years on `onDate` of someone born on `dateOfBirth`. A 29 February birthday is reached on
 * 1 March in common years.
 *
 * @throws RangeError when a date is malformed or `onDate` is before `dateOfBirth`.
 */
export function ageOn(dateOfBirth: CalendarDate, onDate: CalendarDate): number {
  // Ages are taken for every service, so both dates are read as YYYYMMDD numbers, which allocates nothing.
  const birth = requireDateNumber(dateOfBirth);
  const on = requireDateNumber(onDate);
  if (on < birth) {
    throw new RangeError(`onDate ${onDate} is before dateOfBirth ${dateOfBirth}`);
  }
  return ageOnDateNumbers(birth, on);
}

/**
 * `ageOn` for dates already read by `requireDateNumber` (YYYYMMDD), with `on` not before `birth`: evaluation
 * reads the date of service once and takes several ages on it.
 */
export function ageOnDateNumbers(birth: number, on: number): number {
  // MMDD orders like the day within the year: the birthday has passed once on's MMDD reaches birth's.
  const birthdayPassed = on % 10_000 >= birth % 10_000;
  return Math.floor(on / 10_000) - Math.floor(birth / 10_000) - (birthdayPassed ? 0 : 1);
}

/** The same month and day `years` earlier; 29 February becomes 28 February in a common year. */
export function yearsBefore(date: CalendarDate, years: number): CalendarDate {
  const { year, month, day } = dateParts(date);
  const earlier = year - years;
  return formatDate({ year: earlier, month, day: Math.min(day, daysInMonth(earlier, month)) });
}
