/**
 * Unit tests: the calendar day of an instant where the member's program is — an approval late in the
 * afternoon in California is dated that day, not the next day as in UTC.
 */
import { describe, expect, it } from 'vitest';
import { calendarDateIn } from './dates.js';

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
});
