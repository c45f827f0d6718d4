/**
 * Unit tests: the calendar day of an instant where the program is — an approval or a note late in the
 * afternoon in California is dated that day, not the next day as in UTC.
 */
import { describe, expect, it } from 'vitest';
import { calendarDateIn } from './index.js';

describe('calendarDateIn', () => {
  it('dates an instant by the program’s time zone, not by UTC', () => {
    const lateAfternoonInOakland = new Date('2026-11-24T01:30:00Z');
    expect(calendarDateIn(lateAfternoonInOakland, 'America/Los_Angeles')).toBe('2026-11-23');
    expect(calendarDateIn(lateAfternoonInOakland, 'America/New_York')).toBe('2026-11-23');
    expect(calendarDateIn(lateAfternoonInOakland, 'UTC')).toBe('2026-11-24');
  });

  it('pads months and days to two digits', () => {
    expect(calendarDateIn(new Date('2027-03-05T12:00:00Z'), 'America/Chicago')).toBe('2027-03-05');
  });

  it('turns the year by the local clock, not by UTC', () => {
    const newYearInHonolulu = new Date('2027-01-01T09:59:00Z');
    expect(calendarDateIn(newYearInHonolulu, 'Pacific/Honolulu')).toBe('2026-12-31');
    expect(calendarDateIn(new Date('2027-01-01T10:00:00Z'), 'Pacific/Honolulu')).toBe('2027-01-01');
  });

  it('refuses an unknown time zone instead of guessing', () => {
    expect(() => calendarDateIn(new Date('2027-01-01T00:00:00Z'), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
