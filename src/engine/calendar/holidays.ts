/**
 * @module engine/calendar/holidays
 * US federal holidays (5 U.S.C. 6103) and the days they are observed, for 1971–2199.
 *
 * Observed days follow OPM's rule for a full-time Monday–Friday schedule: a holiday on a Saturday is observed the
 * Friday before, one on a Sunday the Monday after. New Year's Day on a Saturday is therefore observed on
 * December 31 of the year before, which is why the holidays "of a year" here are those *observed* in it.
 *
 * History inside the range, so old dates come out right too: the Monday holidays start in 1971 (Uniform Monday
 * Holiday Act); Veterans Day was the fourth Monday of October from 1971 to 1977 and November 11 from 1978;
 * Martin Luther King Jr.'s Birthday is a holiday from 1986; Juneteenth from 2021 (first observed Friday
 * 2021-06-18). Inauguration Day is left out: it is a holiday only for federal workers around Washington, D.C.
 */
import {
  addDays,
  dateParts,
  dayOfWeek,
  daysInMonth,
  formatDate,
  toDayNumber,
  WEEKDAY,
  type CalendarDate,
  type DayOfWeek,
} from './date.js';

/** First year whose holidays this module knows (the Uniform Monday Holiday Act took effect in 1971). */
export const FIRST_HOLIDAY_YEAR = 1971;
/** Last year whose holidays this module knows; far enough that no caller should reach it. */
export const LAST_HOLIDAY_YEAR = 2199;

/** Stable identifiers of the federal holidays. */
export const FEDERAL_HOLIDAY_IDS = [
  'new-years-day',
  'martin-luther-king-jr-day',
  'washingtons-birthday',
  'memorial-day',
  'juneteenth',
  'independence-day',
  'labor-day',
  'columbus-day',
  'veterans-day',
  'thanksgiving-day',
  'christmas-day',
] as const;
export type FederalHolidayId = (typeof FEDERAL_HOLIDAY_IDS)[number];

/** One federal holiday: the day it falls on and the weekday federal offices close for it. */
export interface FederalHoliday {
  readonly id: FederalHolidayId;
  /** The name OPM uses, e.g. "Washington's Birthday". */
  readonly name: string;
  /** The holiday's own date, which may be a Saturday or Sunday. */
  readonly date: CalendarDate;
  /** The weekday it is observed: `date` itself, the Friday before a Saturday, or the Monday after a Sunday. */
  readonly observed: CalendarDate;
}

/**
 * The federal holiday's name in OPM's wording.
 *
 * @param id - the holiday
 */
export function federalHolidayName(id: FederalHolidayId): string {
  switch (id) {
    case 'new-years-day':
      return "New Year's Day";
    case 'martin-luther-king-jr-day':
      return 'Birthday of Martin Luther King, Jr.';
    case 'washingtons-birthday':
      return "Washington's Birthday";
    case 'memorial-day':
      return 'Memorial Day';
    case 'juneteenth':
      return 'Juneteenth National Independence Day';
    case 'independence-day':
      return 'Independence Day';
    case 'labor-day':
      return 'Labor Day';
    case 'columbus-day':
      return 'Columbus Day';
    case 'veterans-day':
      return 'Veterans Day';
    case 'thanksgiving-day':
      return 'Thanksgiving Day';
    case 'christmas-day':
      return 'Christmas Day';
  }
}

/** The `nth` (1-based) given weekday of a month, e.g. the 3rd Monday of January. */
function nthWeekday(year: number, month: number, weekday: DayOfWeek, nth: number): CalendarDate {
  const first = formatDate({ year, month, day: 1 });
  const offset = (weekday - dayOfWeek(first) + 7) % 7;
  return addDays(first, offset + (nth - 1) * 7);
}

/** The last given weekday of a month, e.g. the last Monday of May. */
function lastWeekday(year: number, month: number, weekday: DayOfWeek): CalendarDate {
  const last = formatDate({ year, month, day: daysInMonth(year, month) });
  const offset = (dayOfWeek(last) - weekday + 7) % 7;
  return addDays(last, -offset);
}

/** The weekday a holiday on `date` is observed (Saturday → Friday before, Sunday → Monday after). */
function observedDay(date: CalendarDate): CalendarDate {
  switch (dayOfWeek(date)) {
    case WEEKDAY.saturday:
      return addDays(date, -1);
    case WEEKDAY.sunday:
      return addDays(date, 1);
    case WEEKDAY.monday:
    case WEEKDAY.tuesday:
    case WEEKDAY.wednesday:
    case WEEKDAY.thursday:
    case WEEKDAY.friday:
      return date;
  }
}

/** The holiday's own date in `year`, or undefined in the years it was not a federal holiday. */
function holidayDate(id: FederalHolidayId, year: number): CalendarDate | undefined {
  switch (id) {
    case 'new-years-day':
      return formatDate({ year, month: 1, day: 1 });
    case 'martin-luther-king-jr-day':
      return year >= 1986 ? nthWeekday(year, 1, WEEKDAY.monday, 3) : undefined;
    case 'washingtons-birthday':
      return nthWeekday(year, 2, WEEKDAY.monday, 3);
    case 'memorial-day':
      return lastWeekday(year, 5, WEEKDAY.monday);
    case 'juneteenth':
      return year >= 2021 ? formatDate({ year, month: 6, day: 19 }) : undefined;
    case 'independence-day':
      return formatDate({ year, month: 7, day: 4 });
    case 'labor-day':
      return nthWeekday(year, 9, WEEKDAY.monday, 1);
    case 'columbus-day':
      return nthWeekday(year, 10, WEEKDAY.monday, 2);
    case 'veterans-day':
      return year <= 1977
        ? nthWeekday(year, 10, WEEKDAY.monday, 4)
        : formatDate({ year, month: 11, day: 11 });
    case 'thanksgiving-day':
      return nthWeekday(year, 11, WEEKDAY.thursday, 4);
    case 'christmas-day':
      return formatDate({ year, month: 12, day: 25 });
  }
}

/** Every holiday whose own date falls in `year`, whatever year it is observed in. */
function holidaysFalling(year: number): FederalHoliday[] {
  return FEDERAL_HOLIDAY_IDS.flatMap((id) => {
    const date = holidayDate(id, year);
    return date === undefined
      ? []
      : [{ id, name: federalHolidayName(id), date, observed: observedDay(date) }];
  });
}

const observedCache = new Map<number, readonly FederalHoliday[]>();

/**
 * The federal holidays observed in `year`, in date order. It includes December 31 when it stands in for the next
 * New Year's Day, and leaves out a New Year's Day observed the December before.
 *
 * @param year - 1971–2199
 * @throws RangeError outside 1971–2199
 * @example federalHolidays(2027).at(-1) // { id: 'new-years-day', date: '2028-01-01', observed: '2027-12-31', … }
 */
export function federalHolidays(year: number): readonly FederalHoliday[] {
  if (!Number.isInteger(year) || year < FIRST_HOLIDAY_YEAR || year > LAST_HOLIDAY_YEAR) {
    throw new RangeError(
      `Federal holidays are known for ${FIRST_HOLIDAY_YEAR}–${LAST_HOLIDAY_YEAR}, not ${year}`,
    );
  }
  const cached = observedCache.get(year);
  if (cached !== undefined) {
    return cached;
  }
  const prefix = `${String(year).padStart(4, '0')}-`;
  // Only New Year's Day can move across a year end, so the next year's list contributes at most that one day.
  const holidays = [...holidaysFalling(year), ...holidaysFalling(year + 1)]
    .filter((holiday) => holiday.observed.startsWith(prefix))
    .sort((a, b) => (a.observed < b.observed ? -1 : 1));
  const frozen = Object.freeze(holidays.map((holiday) => Object.freeze(holiday)));
  observedCache.set(year, frozen);
  return frozen;
}

const observedDayNumberCache = new Map<number, ReadonlySet<number>>();

/**
 * Day numbers (see `toDayNumber`) of the federal holidays observed in `year`: the fast form of
 * {@link federalHolidays} for counting business days.
 *
 * @throws RangeError outside 1971–2199
 */
export function federalHolidayDayNumbers(year: number): ReadonlySet<number> {
  let numbers = observedDayNumberCache.get(year);
  if (numbers === undefined) {
    numbers = new Set(federalHolidays(year).map((holiday) => toDayNumber(holiday.observed)));
    observedDayNumberCache.set(year, numbers);
  }
  return numbers;
}

/**
 * The federal holiday observed on `date`, if any. A holiday's own Saturday or Sunday date does not count: the
 * offices are closed on the observed weekday instead.
 *
 * @param date - a 'YYYY-MM-DD' date in 1971–2199
 * @throws RangeError for a malformed date or one outside 1971–2199
 */
export function federalHolidayOn(date: CalendarDate): FederalHoliday | undefined {
  return federalHolidays(dateParts(date).year).find((holiday) => holiday.observed === date);
}

/**
 * True when a federal holiday is observed on `date`.
 *
 * @param date - a 'YYYY-MM-DD' date in 1971–2199
 */
export function isFederalHoliday(date: CalendarDate): boolean {
  return federalHolidayOn(date) !== undefined;
}
