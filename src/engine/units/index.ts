/**
 * @module engine/units
 * Direct-service minutes of a contact and the 15-minute units they earn.
 */
export { formatClockTime, parseClockTime } from './clock-time.js';
export type { ClockTime } from './clock-time.js';
export { directMinutes, TIME_PROBLEM_CODES } from './direct-minutes.js';
export type { DirectMinutes, ServiceTimes, TimeSpan } from './direct-minutes.js';
export {
  billableUnits,
  hoursForUnits,
  serviceUnits,
  unitsForMinutes,
  MINIMUM_MINUTES_FOR_A_UNIT,
  UNIT_LENGTH_MINUTES,
  UNIT_PROBLEM_CODES,
} from './units.js';
export type { ServiceUnits } from './units.js';
export { GAPS_SOURCE, UNITS_SOURCE } from './sources.js';
