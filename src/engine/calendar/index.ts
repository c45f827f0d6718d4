/**
 * @module engine/calendar
 * Calendar dates, US federal holidays, business days and fiscal/calendar-year periods, all on 'YYYY-MM-DD'
 * strings with integer arithmetic: no clock, no time zone.
 */
export {
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
export type { CalendarDate, DateParts, DayOfWeek } from './date.js';
export {
  federalHolidayName,
  federalHolidayOn,
  federalHolidays,
  isFederalHoliday,
  FEDERAL_HOLIDAY_IDS,
  FIRST_HOLIDAY_YEAR,
  LAST_HOLIDAY_YEAR,
} from './holidays.js';
export type { FederalHoliday, FederalHolidayId } from './holidays.js';
export { ageOn, yearsBefore } from './age.js';
export { addBusinessDays, businessDaysBetween, isBusinessDay } from './business-days.js';
export type { BusinessDayOptions } from './business-days.js';
export {
  calendarYear,
  fiscalYearNamed,
  inForce,
  periodContains,
  stateFiscalYear,
  DEFAULT_FISCAL_YEAR_START_MONTH,
} from './periods.js';
export type { DatePeriod, FiscalYearOptions, NamedYear } from './periods.js';
