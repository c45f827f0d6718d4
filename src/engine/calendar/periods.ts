/**
 * @module engine/calendar/periods
 * Date ranges that limits are counted over: the state fiscal year (July 1 – June 30 by default, e.g. the NC
 * "24 unmanaged units per state fiscal year", 002 §I.A) and the calendar year (e.g. the Kansas 750 group hours,
 * 003 Limitations). Ranges are inclusive at both ends.
 */
import { addDays, compareDates, dateParts, formatDate, type CalendarDate } from './date.js';

/** An inclusive range of dates: `start` and `end` both belong to it. */
export interface DatePeriod {
  readonly start: CalendarDate;
  readonly end: CalendarDate;
}

/** A fiscal or calendar year, with the number it is known by. */
export interface NamedYear extends DatePeriod {
  /** The year's name: for a fiscal year the calendar year it ends in (SFY 2027 = 2026-07-01 … 2027-06-30). */
  readonly year: number;
}

/** Options for fiscal years. */
export interface FiscalYearOptions {
  /** Month (1–12) the fiscal year starts on the 1st of; 7 (July) for most states. */
  readonly startMonth?: number;
}

/** Most states, North Carolina among them, start the fiscal year on July 1. */
export const DEFAULT_FISCAL_YEAR_START_MONTH = 7;

function startMonthOf(options: FiscalYearOptions): number {
  const startMonth = options.startMonth ?? DEFAULT_FISCAL_YEAR_START_MONTH;
  if (!Number.isInteger(startMonth) || startMonth < 1 || startMonth > 12) {
    throw new RangeError(`A fiscal year must start in month 1–12, not ${startMonth}`);
  }
  return startMonth;
}

/**
 * The fiscal year with the given name.
 *
 * @param year - the calendar year the fiscal year ends in
 * @param options - the month the fiscal year starts
 * @example fiscalYearNamed(2027) // { year: 2027, start: '2026-07-01', end: '2027-06-30' }
 */
export function fiscalYearNamed(year: number, options: FiscalYearOptions = {}): NamedYear {
  const startMonth = startMonthOf(options);
  // A year starting in January is the calendar year; any later start month begins in the previous calendar year.
  const startYear = startMonth === 1 ? year : year - 1;
  const start = formatDate({ year: startYear, month: startMonth, day: 1 });
  const end = addDays(formatDate({ year: startYear + 1, month: startMonth, day: 1 }), -1);
  return { year, start, end };
}

/**
 * The state fiscal year that contains `date`.
 *
 * @param date - a 'YYYY-MM-DD' date
 * @param options - the month the fiscal year starts (July unless given)
 * @example stateFiscalYear('2026-07-01') // { year: 2027, start: '2026-07-01', end: '2027-06-30' }
 */
export function stateFiscalYear(date: CalendarDate, options: FiscalYearOptions = {}): NamedYear {
  const startMonth = startMonthOf(options);
  const { year, month } = dateParts(date);
  const endsIn = startMonth === 1 || month < startMonth ? year : year + 1;
  return fiscalYearNamed(endsIn, options);
}

/**
 * The calendar year (January 1 – December 31) that contains `date`.
 *
 * @param date - a 'YYYY-MM-DD' date
 */
export function calendarYear(date: CalendarDate): NamedYear {
  const { year } = dateParts(date);
  return {
    year,
    start: formatDate({ year, month: 1, day: 1 }),
    end: formatDate({ year, month: 12, day: 31 }),
  };
}

/**
 * True when `date` lies in `period`, both ends included.
 *
 * @param period - an inclusive date range
 * @param date - a 'YYYY-MM-DD' date
 */
export function periodContains(period: DatePeriod, date: CalendarDate): boolean {
  return compareDates(period.start, date) <= 0 && compareDates(date, period.end) <= 0;
}

/**
 * True when something dated `from`–`to` (coverage, a diagnosis, an episode, a rate) is in force on `date`:
 * from its first day through its last, both included; a `to` of null means it has not ended. The one copy of
 * the rule, so services and the engine cannot disagree on whether the last day counts.
 *
 * @param date - the 'YYYY-MM-DD' date asked about
 * @param from - the first day in force
 * @param to - the last day in force, or null while open
 * @example inForce('2026-06-30', '2026-01-01', '2026-06-30') // true: the last day counts
 */
export function inForce(date: CalendarDate, from: CalendarDate, to: CalendarDate | null): boolean {
  // 'YYYY-MM-DD' strings order as the dates do.
  return from <= date && (to === null || date <= to);
}
