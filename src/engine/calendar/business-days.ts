/**
 * @module engine/calendar/business-days
 * Business days: Monday to Friday, except observed federal holidays and any extra holidays the caller adds
 * (state or agency closures). Used for deadlines such as "progress notes within 3 business days" (004
 * Documentation; ca-dhcs note timeliness), where the day of service is day 0.
 */
import {
  compareDates,
  dayOfWeekOfDayNumber,
  fromDayNumber,
  isCalendarDate,
  toDayNumber,
  yearOfDayNumber,
  type CalendarDate,
} from './date.js';
import { federalHolidayDayNumbers } from './holidays.js';

/** Options shared by the business-day functions. */
export interface BusinessDayOptions {
  /**
   * Extra closed days on top of the federal holidays, e.g. a state's César Chávez Day or an agency closure, as
   * 'YYYY-MM-DD'. A weekend date here changes nothing, since weekends are closed anyway.
   */
  readonly extraHolidays?: readonly CalendarDate[];
}

/** Builds the "is this a business day" test once, so loops do not rebuild the extra-holiday set per day. */
function businessDayTest(options: BusinessDayOptions): (dayNumber: number) => boolean {
  const extra = new Set<number>();
  for (const holiday of options.extraHolidays ?? []) {
    if (!isCalendarDate(holiday)) {
      throw new RangeError(`Extra holiday "${holiday}" is not a 'YYYY-MM-DD' calendar date`);
    }
    extra.add(toDayNumber(holiday));
  }
  // Business days are counted on day numbers: no date is formatted or parsed inside the loops.
  return (dayNumber) => {
    const weekday = dayOfWeekOfDayNumber(dayNumber);
    return (
      weekday !== 0 &&
      weekday !== 6 &&
      !federalHolidayDayNumbers(yearOfDayNumber(dayNumber)).has(dayNumber) &&
      !extra.has(dayNumber)
    );
  };
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
