/**
 * @module engine/units/clock-time
 * Local clock times 'HH:MM' (24-hour) on the date of service, as minutes since midnight.
 */

/** A local time of day written 'HH:MM' on a 24-hour clock, 00:00–23:59, e.g. '14:05'. */
export type ClockTime = string;

const CLOCK_TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * Minutes since midnight for a 'HH:MM' time, or undefined when `text` is not one ('9:30', '24:00', '12:60').
 *
 * @param text - the time as entered
 * @example parseClockTime('13:30') // 810
 */
export function parseClockTime(text: string): number | undefined {
  const match = CLOCK_TIME_PATTERN.exec(text);
  if (match === null) {
    return undefined;
  }
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * The 'HH:MM' time `minutes` after midnight.
 *
 * @param minutes - 0–1439
 * @throws RangeError outside one day
 */
export function formatClockTime(minutes: number): ClockTime {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes >= 24 * 60) {
    throw new RangeError(`${minutes} minutes is not a time of day`);
  }
  const hours = Math.floor(minutes / 60);
  return `${String(hours).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
