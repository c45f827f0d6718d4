/**
 * @module engine/units/clock-time
 * Local clock times 'HH:MM' (24-hour) on the date of service, as minutes since midnight.
 */

/** A local time of day written 'HH:MM' on a 24-hour clock, 00:00–23:59, e.g. '14:05'. */
export type ClockTime = string;

const COLON = 58;
const ZERO = 48;

/** The digit at `index` of `text`, or -1 when it is not one of 0–9. */
function digitAt(text: string, index: number): number {
  const digit = text.charCodeAt(index) - ZERO;
  return digit >= 0 && digit <= 9 ? digit : -1;
}

/**
 * Minutes since midnight for a 'HH:MM' time, or undefined when `text` is not one ('9:30', '24:00', '12:60').
 *
 * @param text - the time as entered
 * @example parseClockTime('13:30') // 810
 */
export function parseClockTime(text: string): number | undefined {
  // Read character by character (times are read for every service): exactly /^([01]\d|2[0-3]):([0-5]\d)$/.
  if (text.length !== 5 || text.charCodeAt(2) !== COLON) {
    return undefined;
  }
  const hourTens = digitAt(text, 0);
  const hourUnits = digitAt(text, 1);
  const minuteTens = digitAt(text, 3);
  const minuteUnits = digitAt(text, 4);
  if (hourTens < 0 || hourUnits < 0 || minuteTens < 0 || minuteUnits < 0 || minuteTens > 5) {
    return undefined;
  }
  const hours = hourTens * 10 + hourUnits;
  return hours > 23 ? undefined : hours * 60 + minuteTens * 10 + minuteUnits;
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
