/**
 * @module engine/units/units
 * 15-minute billing units (H0038, H0025, H0050): 0–7 minutes is no unit, and a new unit starts at the 8th minute
 * of each 15 — 8–22 = 1, 23–37 = 2, 38–52 = 3 … (CalMHSA "Per 15 (7/7)", the CMS 8-minute rule).
 */
import type { Problem } from '../../shared/problem.js';
import { checked, type Checked, type ProblemPath } from '../result.js';
import { directMinutes, type DirectMinutes, type ServiceTimes } from './direct-minutes.js';
import { UNITS_SOURCE } from './sources.js';

/** Minutes in one unit of a "per 15 minutes" code. */
export const UNIT_LENGTH_MINUTES = 15;
/** Fewest direct minutes that earn a unit. */
export const MINIMUM_MINUTES_FOR_A_UNIT = 8;

/** Stable codes of the problems this module reports. */
export const UNIT_PROBLEM_CODES = {
  belowMinimum: 'units.below_minimum',
} as const;

/** Minutes and units of one contact. */
export interface ServiceUnits {
  readonly minutes: DirectMinutes;
  readonly units: number;
}

/**
 * Units for a number of direct minutes: `floor((m + 7) / 15)`, which is 0 for 0–7 minutes.
 *
 * @param minutes - whole direct-service minutes, 0 or more
 * @throws RangeError for a negative or fractional number of minutes
 * @example unitsForMinutes(22) // 1
 * @example unitsForMinutes(23) // 2
 */
export function unitsForMinutes(minutes: number): number {
  if (!Number.isInteger(minutes) || minutes < 0) {
    throw new RangeError(`Minutes must be a whole number 0 or more, not ${minutes}`);
  }
  // Adding 7 before dividing moves each unit boundary to the 8th minute of its 15.
  return Math.floor((minutes + UNIT_LENGTH_MINUTES - MINIMUM_MINUTES_FOR_A_UNIT) / UNIT_LENGTH_MINUTES);
}

/**
 * The hours a number of billed units stands for: units × 15 minutes. Hour limits count these, not the direct
 * minutes (rules-catalog.md, December review, Kansas: "hours count billed units × 15 minutes") — a 50-minute
 * group is 3 units, 0.75 hours. The one definition the engine's this-service hours and the claim history use.
 *
 * @param units - billed 15-minute units
 * @example hoursForUnits(3) // 0.75
 */
export function hoursForUnits(units: number): number {
  return (units * UNIT_LENGTH_MINUTES) / 60;
}

/**
 * Units for a contact's direct minutes, or an error when they are too few to bill.
 *
 * @param minutes - whole direct-service minutes, 0 or more
 * @param path - the field the minutes came from, for the problem's `path`
 * @throws RangeError for a negative or fractional number of minutes
 */
export function billableUnits(minutes: number, path: ProblemPath = []): Checked<number> {
  const units = unitsForMinutes(minutes);
  if (units > 0) {
    return checked(units, []);
  }
  return checked(units, [belowMinimum(minutes, '', path)]);
}

function belowMinimum(minutes: number, breakdown: string, path: ProblemPath): Problem {
  const recorded = `${minutes} minute${minutes === 1 ? '' : 's'}`;
  return {
    severity: 'error',
    code: UNIT_PROBLEM_CODES.belowMinimum,
    message: `The note records ${recorded} with the member${breakdown}; a unit needs at least ${MINIMUM_MINUTES_FOR_A_UNIT}. Check the start and end times, or don't bill this contact.`,
    path,
    source: UNITS_SOURCE,
  };
}

/**
 * Direct minutes and units of a contact in one step: time problems first, then the 8-minute minimum.
 *
 * @param times - start, end and gaps as 'HH:MM' on the date of service
 * @param path - where these times sit in the note, prefixed to each problem's path
 * @example serviceUnits({ start: '13:30', end: '15:15', gaps: [{ start: '14:00', end: '14:25' }] })
 *   // ok, value.units 5 (80 direct minutes)
 */
export function serviceUnits(times: ServiceTimes, path: ProblemPath = []): Checked<ServiceUnits> {
  const minutes = directMinutes(times, path);
  if (!minutes.ok) {
    return minutes;
  }
  const { spanMinutes, gapMinutes } = minutes.value;
  const direct = minutes.value.directMinutes;
  const units = unitsForMinutes(direct);
  if (units > 0) {
    return checked({ minutes: minutes.value, units }, minutes.problems);
  }
  // Say where the minutes went when gaps took most of them, so the peer checks the right field.
  const breakdown = gapMinutes > 0 ? ` (${spanMinutes} from start to end, less ${gapMinutes} of gaps)` : '';
  return checked({ minutes: minutes.value, units }, [
    ...minutes.problems,
    belowMinimum(direct, breakdown, path),
  ]);
}
