/**
 * @module engine/calendar/business-days
 * Business days: Monday to Friday, except observed federal holidays and any extra holidays the caller adds
 * (state or agency closures). Used for deadlines such as "progress notes within 3 business days" (004
 * Documentation; ca-dhcs note timeliness), where the day of service is day 0.
 */
import {
  compareDates,
  dayNumberOf,
  dayOfWeekOfDayNumber,
  fromDayNumber,
  isCalendarDate,
  isLeapYear,
  requireDateNumber,
  toDayNumber,
  yearOfDayNumber,
  type CalendarDate,
} from './date.js';
import { FIRST_HOLIDAY_YEAR, LAST_HOLIDAY_YEAR, federalHolidayDayNumbers } from './holidays.js';

/** Options shared by the business-day functions. */
export interface BusinessDayOptions {
  /**
   * Extra closed days on top of the federal holidays, e.g. a state's César Chávez Day or an agency closure, as
   * 'YYYY-MM-DD'. A weekend date here changes nothing, since weekends are closed anyway.
   */
  readonly extraHolidays?: readonly CalendarDate[];
}

/**
 * Monday to Friday, and no federal holiday observed. Business days are counted on day numbers, so no date is
 * formatted or parsed inside the loops.
 */
function isOpenDay(dayNumber: number): boolean {
  const weekday = dayOfWeekOfDayNumber(dayNumber);
  return (
    weekday !== 0 && weekday !== 6 && !federalHolidayDayNumbers(yearOfDayNumber(dayNumber)).has(dayNumber)
  );
}

/** Builds the "is this a business day" test once, so loops do not rebuild the extra-holiday set per day. */
function businessDayTest(options: BusinessDayOptions): (dayNumber: number) => boolean {
  const holidays = options.extraHolidays;
  // Most callers (every note due date) add no holidays: they share one test instead of building a set.
  if (holidays === undefined || holidays.length === 0) {
    return isOpenDay;
  }
  const extra = new Set<number>();
  for (const holiday of holidays) {
    if (!isCalendarDate(holiday)) {
      throw new RangeError(`Extra holiday "${holiday}" is not a 'YYYY-MM-DD' calendar date`);
    }
    extra.add(toDayNumber(holiday));
  }
  return (dayNumber) => isOpenDay(dayNumber) && !extra.has(dayNumber);
}

export function isBusinessDay(date: CalendarDate, options: BusinessDayOptions = {}): boolean {
  return businessDayTest(options)(toDayNumber(date));
}

/**
 * The `days`-th business day after `date`, counting `date` itself as day 0 whatever kind of day it is; with a
 * negative `days`, the business day that many business days before. `days = 0` returns `date` unchanged.
 *
 * @param date - the starting date, e.g. the date of service
 * @param days - a whole number of business days
 * @param options - extra holidays
 * @throws RangeError for a non-integer `days`, a malformed date or a result outside 1971–2199
 * @example addBusinessDays('2026-11-25', 3) // '2026-12-01': Thanksgiving (11-26) and the weekend are skipped
 */
export function addBusinessDays(
  date: CalendarDate,
  days: number,
  options: BusinessDayOptions = {},
): CalendarDate {
  if (!Number.isInteger(days)) {
    throw new RangeError(`addBusinessDays needs a whole number of days, not ${days}`);
  }
  if (days > 0 && (options.extraHolidays === undefined || options.extraHolidays.length === 0)) {
    const due = businessDayAfter(requireDateNumber(date), days);
    if (due !== undefined) {
      return due;
    }
  }
  const isOpen = businessDayTest(options);
  const step = days < 0 ? -1 : 1;
  let current = toDayNumber(date);
  for (let remaining = Math.abs(days); remaining > 0;) {
    current += step;
    if (isOpen(current)) {
      remaining -= 1;
    }
  }
  return fromDayNumber(current);
}

/** The business days of one year (federal holidays only), built once per year like the holiday sets. */
interface BusinessYear {
  /** Day number of January 1. */
  readonly firstDay: number;
  /** `openThrough[i]`: business days from January 1 to day `firstDay + i`, inclusive. */
  readonly openThrough: Uint16Array;
  /** The business days in order, already written 'YYYY-MM-DD', so a due date is looked up, not formatted. */
  readonly openDates: readonly CalendarDate[];
}

/**
 * The tables built so far, by year from 1971: an array rather than a `Map`, as a due date is looked up for every
 * service. Filled with `undefined` so V8 keeps it packed.
 */
const businessYears: (BusinessYear | undefined)[] = new Array<BusinessYear | undefined>(
  LAST_HOLIDAY_YEAR - FIRST_HOLIDAY_YEAR + 1,
).fill(undefined);

/** @throws RangeError outside 1971–2199, as `federalHolidayDayNumbers` does */
function businessYear(year: number): BusinessYear {
  const slot = year - FIRST_HOLIDAY_YEAR;
  let table = slot >= 0 ? businessYears[slot] : undefined;
  if (table === undefined) {
    const firstDay = dayNumberOf(year, 1, 1);
    const openThrough = new Uint16Array(isLeapYear(year) ? 366 : 365);
    const openDates: CalendarDate[] = [];
    for (let index = 0; index < openThrough.length; index += 1) {
      if (isOpenDay(firstDay + index)) {
        openDates.push(fromDayNumber(firstDay + index));
      }
      openThrough[index] = openDates.length;
    }
    table = { firstDay, openThrough, openDates };
    businessYears[slot] = table;
  }
  return table;
}

/**
 * `addBusinessDays(date, days)` with no extra holidays, for a date already read as `number` by `dateNumber`:
 * evaluation reads the date of service once, for the note's due date and for ages.
 *
 * @param date - an existing calendar date
 * @param number - `dateNumber(date)`
 * @param days - a whole number of business days
 */
export function addBusinessDaysToDateNumber(date: CalendarDate, number: number, days: number): CalendarDate {
  if (days > 0 && Number.isInteger(days)) {
    const due = businessDayAfter(number, days);
    if (due !== undefined) {
      return due;
    }
  }
  return addBusinessDays(date, days);
}

/**
 * `addBusinessDays` for a positive count and no extra holidays — every note's due date — by looking the answer up
 * in the year's table instead of stepping day by day. Undefined for a start outside 1971–2199, which the
 * day-by-day loop handles (and reports) as it always did.
 *
 * @param number - the starting date as `requireDateNumber` reads it
 */
function businessDayAfter(number: number, days: number): CalendarDate | undefined {
  let year = Math.floor(number / 10_000);
  if (year < FIRST_HOLIDAY_YEAR || year > LAST_HOLIDAY_YEAR) {
    return undefined;
  }
  let table = businessYear(year);
  const current = dayNumberOf(year, Math.floor(number / 100) % 100, number % 100);
  // Index in `openDates` of the days-th business day after `current`; it may fall in a later year.
  let index = (table.openThrough[current - table.firstDay] ?? 0) + days - 1;
  while (index >= table.openDates.length) {
    index -= table.openDates.length;
    year += 1;
    table = businessYear(year);
  }
  return table.openDates[index];
}

/**
 * Signed count of business days from `from` to `to`: the business days after `from` up to and including `to`, or,
 * when `to` is earlier, minus the business days from `to` up to but not including `from`. So whenever `to` is a
 * business day, `addBusinessDays(from, businessDaysBetween(from, to)) === to`.
 *
 * To decide whether something was late, compare its date with the `addBusinessDays` deadline instead: a note
 * signed on the Saturday after a Friday deadline is late, yet no business day separates the two.
 *
 * @param from - the starting date (day 0)
 * @param to - the date to count to
 * @param options - extra holidays
 * @example businessDaysBetween('2026-11-25', '2026-12-01') // 3
 */
export function businessDaysBetween(
  from: CalendarDate,
  to: CalendarDate,
  options: BusinessDayOptions = {},
): number {
  const isOpen = businessDayTest(options);
  const order = compareDates(from, to);
  if (order === 0) {
    return 0;
  }
  const fromDay = toDayNumber(from);
  const toDay = toDayNumber(to);
  if (order < 0) {
    let count = 0;
    for (let current = fromDay + 1; current <= toDay; current += 1) {
      count += isOpen(current) ? 1 : 0;
    }
    return count;
  }
  let count = 0;
  for (let current = toDay; current < fromDay; current += 1) {
    count += isOpen(current) ? 1 : 0;
  }
  // Written out so an empty count is 0, not -0.
  return count === 0 ? 0 : -count;
}
