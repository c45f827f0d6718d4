import { describe, expect, it } from 'vitest';
import { billableUnits, hoursForUnits, serviceUnits, unitsForMinutes, UNIT_PROBLEM_CODES } from './units.js';
import { UNITS_SOURCE } from './sources.js';

/**
 * Units from the rule's own words, independent of the closed formula: "a new unit at the 8th minute of each 15",
 * so unit n is reached at minute 15(n − 1) + 8.
 */
function unitsByCounting(minutes: number): number {
  let units = 0;
  while (minutes >= 15 * units + 8) {
    units += 1;
  }
  return units;
}

describe('unitsForMinutes (CalMHSA "Per 15 (7/7)")', () => {
  const everyMinute = Array.from({ length: 201 }, (_, minutes) => minutes);

  it.each(everyMinute)(
    'gives %i minutes the units of floor((m + 7) / 15) and of counting 8th minutes',
    (m) => {
      const expected = unitsByCounting(m);
      expect(expected).toBe(m < 8 ? 0 : Math.floor((m + 7) / 15));
      expect(unitsForMinutes(m)).toBe(expected);
    },
  );

  it.each([
    // [minutes, units] — each boundary on both sides, from the CMS/CalMHSA table.
    [0, 0],
    [1, 0],
    [7, 0],
    [8, 1],
    [14, 1],
    [15, 1],
    [16, 1],
    [22, 1],
    [23, 2],
    [37, 2],
    [38, 3],
    [52, 3],
    [53, 4],
    [67, 4],
    [68, 5],
    [82, 5],
    [83, 6],
    [97, 6],
    [98, 7],
    [112, 7],
    [113, 8],
    [127, 8],
    [128, 9],
    [1432, 95],
    [1433, 96], // the ca-dhcs daily maximum of 96 units is reached at 1433 minutes
    [1440, 96],
  ])('bills %i minutes as %i units', (minutes, units) => {
    expect(unitsForMinutes(minutes)).toBe(units);
  });

  it.each([-1, 7.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s minutes', (minutes) => {
    expect(() => unitsForMinutes(minutes)).toThrow(RangeError);
  });
});

describe('hoursForUnits (rules catalog, December 2026 review: billed units × 15 minutes)', () => {
  it('counts each unit as a quarter hour, whatever the direct minutes were', () => {
    expect(hoursForUnits(unitsForMinutes(50))).toBe(0.75);
    expect(hoursForUnits(unitsForMinutes(38))).toBe(0.75);
    expect(hoursForUnits(0)).toBe(0);
    expect(hoursForUnits(40)).toBe(10);
  });
});

describe('billableUnits', () => {
  it.each([
    [8, 1],
    [22, 1],
    [23, 2],
  ])('bills %i minutes as %i units with no problem', (minutes, units) => {
    expect(billableUnits(minutes)).toEqual({ ok: true, value: units, problems: [] });
  });

  it.each([0, 1, 6, 7])('refuses %i minutes: fewer than the 8 a unit needs', (minutes) => {
    const result = billableUnits(minutes, ['contacts', 0]);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: UNIT_PROBLEM_CODES.belowMinimum,
        path: ['contacts', 0],
        source: UNITS_SOURCE,
      }),
    ]);
  });

  it.each([
    [6, 'The note records 6 minutes with the member; a unit needs at least 8.'],
    [1, 'The note records 1 minute with the member; a unit needs at least 8.'],
  ])('words the problem for %i minutes plainly', (minutes, start) => {
    expect(billableUnits(minutes).problems[0]?.message).toBe(
      `${start} Check the start and end times, or don't bill this contact.`,
    );
  });
});

describe('serviceUnits', () => {
  it('bills the 004 example: 13:30–15:15 less 25 minutes away from the member is 80 minutes, 5 units', () => {
    const result = serviceUnits({ start: '13:30', end: '15:15', gaps: [{ start: '14:00', end: '14:25' }] });
    expect(result).toEqual({
      ok: true,
      value: { minutes: { spanMinutes: 105, gapMinutes: 25, directMinutes: 80 }, units: 5 },
      problems: [],
    });
  });

  it('says where the minutes went when gaps leave fewer than 8', () => {
    const result = serviceUnits({ start: '10:00', end: '10:20', gaps: [{ start: '10:05', end: '10:19' }] });
    expect(result.ok).toBe(false);
    expect(result.problems.map((problem) => problem.message)).toEqual([
      "The note records 6 minutes with the member (20 from start to end, less 14 of gaps); a unit needs at least 8. Check the start and end times, or don't bill this contact.",
    ]);
  });

  it('refuses a contact whose gap covers all of it', () => {
    const result = serviceUnits({ start: '10:00', end: '10:30', gaps: [{ start: '10:00', end: '10:30' }] });
    expect(result.ok).toBe(false);
    expect(result.problems.map((problem) => problem.code)).toEqual([UNIT_PROBLEM_CODES.belowMinimum]);
    expect(result.problems[0]?.message).toContain('0 minutes');
  });

  it('reports time problems without adding a units problem on top', () => {
    const result = serviceUnits({ start: '10:00', end: '09:00' }, ['contacts', 2]);
    expect(result.ok).toBe(false);
    expect(result.problems.map((problem) => [problem.code, problem.path])).toEqual([
      ['time.end_before_start', ['contacts', 2, 'end']],
    ]);
  });

  it('keeps warnings from the times on a billable contact', () => {
    const result = serviceUnits({
      start: '10:00',
      end: '11:00',
      gaps: [
        { start: '10:10', end: '10:20' },
        { start: '10:15', end: '10:25' },
      ],
    });
    expect(result.ok).toBe(true);
    expect(result.ok && result.value.units).toBe(3); // 60 − 15 = 45 minutes
    expect(result.problems.map((problem) => problem.severity)).toEqual(['warning']);
  });
});
