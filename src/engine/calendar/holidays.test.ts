import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { addDays, dayOfWeek, daysBetween, isWeekend, WEEKDAY } from './date.js';
import { addBusinessDays, isBusinessDay } from './business-days.js';
import {
  federalHolidayOn,
  federalHolidays,
  isFederalHoliday,
  FIRST_HOLIDAY_YEAR,
  LAST_HOLIDAY_YEAR,
  type FederalHolidayId,
} from './holidays.js';

/**
 * Observed federal holidays 2020–2030 as OPM publishes them (opm.gov "Federal Holidays"), written out by hand
 * so the business-day tests below do not depend on the code under test.
 */
const OPM_OBSERVED: Readonly<Record<number, readonly string[]>> = {
  2020: ['01-01', '01-20', '02-17', '05-25', '07-03', '09-07', '10-12', '11-11', '11-26', '12-25'],
  2021: [
    '01-01',
    '01-18',
    '02-15',
    '05-31',
    '06-18',
    '07-05',
    '09-06',
    '10-11',
    '11-11',
    '11-25',
    '12-24',
    '12-31',
  ],
  2022: ['01-17', '02-21', '05-30', '06-20', '07-04', '09-05', '10-10', '11-11', '11-24', '12-26'],
  2023: ['01-02', '01-16', '02-20', '05-29', '06-19', '07-04', '09-04', '10-09', '11-10', '11-23', '12-25'],
  2024: ['01-01', '01-15', '02-19', '05-27', '06-19', '07-04', '09-02', '10-14', '11-11', '11-28', '12-25'],
  2025: ['01-01', '01-20', '02-17', '05-26', '06-19', '07-04', '09-01', '10-13', '11-11', '11-27', '12-25'],
  2026: ['01-01', '01-19', '02-16', '05-25', '06-19', '07-03', '09-07', '10-12', '11-11', '11-26', '12-25'],
  2027: [
    '01-01',
    '01-18',
    '02-15',
    '05-31',
    '06-18',
    '07-05',
    '09-06',
    '10-11',
    '11-11',
    '11-25',
    '12-24',
    '12-31',
  ],
  2028: ['01-17', '02-21', '05-29', '06-19', '07-04', '09-04', '10-09', '11-10', '11-23', '12-25'],
  2029: ['01-01', '01-15', '02-19', '05-28', '06-19', '07-04', '09-03', '10-08', '11-12', '11-22', '12-25'],
  2030: ['01-01', '01-21', '02-18', '05-27', '06-19', '07-04', '09-02', '10-14', '11-11', '11-28', '12-25'],
};

const OPM_DATES = new Set(
  Object.entries(OPM_OBSERVED).flatMap(([year, days]) => days.map((day) => `${year}-${day}`)),
);

/** Every date from `first` to `last`, both included. */
function datesFrom(first: string, last: string): string[] {
  const dates: string[] = [];
  for (let date = first; date <= last; date = addDays(date, 1)) {
    dates.push(date);
  }
  return dates;
}

const DAYS_2020_2030 = datesFrom('2020-01-01', '2030-12-31');

describe('federalHolidays', () => {
  it.each(Object.entries(OPM_OBSERVED))('lists the observed dates OPM publishes for %s', (year, days) => {
    expect(federalHolidays(Number(year)).map((holiday) => holiday.observed)).toEqual(
      days.map((day) => `${year}-${day}`),
    );
  });

  it.each([
    // [observed, id, own date] — each row is a weekend holiday moved to a weekday, or a rule with a start year.
    ['2026-07-03', 'independence-day', '2026-07-04'],
    ['2027-06-18', 'juneteenth', '2027-06-19'],
    ['2027-12-24', 'christmas-day', '2027-12-25'],
    ['2027-12-31', 'new-years-day', '2028-01-01'],
    ['2010-12-31', 'new-years-day', '2011-01-01'],
    ['2023-01-02', 'new-years-day', '2023-01-01'],
    ['2022-12-26', 'christmas-day', '2022-12-25'],
    ['2023-11-10', 'veterans-day', '2023-11-11'],
    ['2029-11-12', 'veterans-day', '2029-11-11'],
    ['2021-06-18', 'juneteenth', '2021-06-19'],
    ['1986-01-20', 'martin-luther-king-jr-day', '1986-01-20'],
    ['1975-10-27', 'veterans-day', '1975-10-27'],
    ['1977-10-24', 'veterans-day', '1977-10-24'],
    ['1978-11-10', 'veterans-day', '1978-11-11'],
    ['1971-12-31', 'new-years-day', '1972-01-01'],
    ['2199-12-25', 'christmas-day', '2199-12-25'],
  ] as const)('observes a holiday on %s (%s, falling on %s)', (observed, id, date) => {
    expect(federalHolidayOn(observed)).toMatchObject({ id, date, observed });
  });

  it.each([
    // A holiday's own weekend date is not the closed day; the observed weekday is.
    ['2026-07-04', 'Independence Day on a Saturday'],
    ['2028-01-01', "New Year's Day on a Saturday, observed the year before"],
    ['2023-01-01', "New Year's Day on a Sunday"],
    ['2020-06-19', 'Juneteenth before it became a federal holiday in 2021'],
    ['2021-01-20', 'Inauguration Day, a holiday only around Washington, D.C.'],
    ['1985-01-21', 'third Monday of January before MLK Day was first observed in 1986'],
    ['1977-11-11', 'November 11 while Veterans Day was in October (1971–1977)'],
    ['2026-11-27', 'the day after Thanksgiving, which is not a federal holiday'],
    ['2026-12-24', 'Christmas Eve on a weekday'],
  ])('does not treat %s as a holiday (%s)', (date) => {
    expect(isFederalHoliday(date)).toBe(false);
  });

  it('lists New Year twice in a year whose next New Year falls on a Saturday', () => {
    // 2021-01-01 is a Friday and 2022-01-01 a Saturday observed on 2021-12-31.
    const newYears = federalHolidays(2021).filter((holiday) => holiday.id === 'new-years-day');
    expect(newYears.map((holiday) => holiday.date)).toEqual(['2021-01-01', '2022-01-01']);
    expect(federalHolidays(2022).some((holiday) => holiday.id === 'new-years-day')).toBe(false);
  });

  it('observes every holiday on a weekday next to its own date, for every year it knows', () => {
    for (let year = FIRST_HOLIDAY_YEAR; year <= LAST_HOLIDAY_YEAR; year += 1) {
      const holidays = federalHolidays(year);
      expect(new Set(holidays.map((holiday) => holiday.observed)).size).toBe(holidays.length);
      for (const holiday of holidays) {
        expect(isWeekend(holiday.observed)).toBe(false);
        const shift = daysBetween(holiday.date, holiday.observed);
        const weekday = dayOfWeek(holiday.date);
        const expectedShift = weekday === WEEKDAY.saturday ? -1 : Number(weekday === WEEKDAY.sunday);
        expect(shift, `${holiday.id} ${holiday.date}`).toBe(expectedShift);
      }
    }
  });

  it('gives each year the holidays in force that year, each exactly once by own date', () => {
    const byOwnYear = new Map<number, FederalHolidayId[]>();
    for (let year = FIRST_HOLIDAY_YEAR; year <= LAST_HOLIDAY_YEAR; year += 1) {
      for (const holiday of federalHolidays(year)) {
        const ownYear = Number(holiday.date.slice(0, 4));
        byOwnYear.set(ownYear, [...(byOwnYear.get(ownYear) ?? []), holiday.id]);
      }
    }
    // 1971 loses nothing (1971-01-01 was a Friday); 2199's list holds New Year 2200 only if it moves to 2199-12-31.
    for (let year = FIRST_HOLIDAY_YEAR; year <= LAST_HOLIDAY_YEAR; year += 1) {
      const expected = 9 + (year >= 1986 ? 1 : 0) + (year >= 2021 ? 1 : 0);
      expect(byOwnYear.get(year)?.length, `holidays falling in ${year}`).toBe(expected);
      expect(new Set(byOwnYear.get(year)).size, `distinct holidays falling in ${year}`).toBe(expected);
    }
  });

  it.each([1970, 2200, 2026.5, Number.NaN])('refuses year %s, outside the years it knows', (year) => {
    expect(() => federalHolidays(year)).toThrow(RangeError);
  });

  it('refuses a malformed date instead of guessing its year', () => {
    expect(() => federalHolidayOn('2026-02-30')).toThrow(RangeError);
    expect(() => isFederalHoliday('July 4')).toThrow(RangeError);
  });
});

describe('business days across every federal holiday 2020–2030', () => {
  /** Business day per the hand-written OPM table: an independent answer to compare with. */
  const isOpen = (date: string): boolean => !isWeekend(date) && !OPM_DATES.has(date);

  /** The n-th business day after `date` (n > 0), stepping one calendar day at a time over the OPM table. */
  const naiveAdd = (date: string, n: number): string => {
    let current = date;
    for (let remaining = n; remaining > 0;) {
      current = addDays(current, 1);
      remaining -= isOpen(current) ? 1 : 0;
    }
    return current;
  };

  it('agrees with the OPM table on whether each day 2020–2030 is a business day', () => {
    const mismatches = DAYS_2020_2030.filter((date) => isBusinessDay(date) !== isOpen(date));
    expect(mismatches).toEqual([]);
  });

  it('finds the 1st, 3rd and 10th business day after each day 2020–2030 as the OPM table does', () => {
    const mismatches = DAYS_2020_2030.flatMap((date) =>
      [1, 3, 10]
        // The table ends with 2030, so a count that runs into 2031 has no independent answer.
        .filter((n) => naiveAdd(date, n) <= '2030-12-31' && addBusinessDays(date, n) !== naiveAdd(date, n))
        .map((n) => `${date} + ${n}: ${addBusinessDays(date, n)} ≠ ${naiveAdd(date, n)}`),
    );
    expect(mismatches).toEqual([]);
  });

  it.each([...OPM_DATES].sort())('skips %s when counting from the business day before it', (holiday) => {
    let before = addDays(holiday, -1);
    while (!isOpen(before)) {
      before = addDays(before, -1);
    }
    const next = addBusinessDays(before, 1);
    expect(next > holiday).toBe(true);
    expect(isBusinessDay(holiday)).toBe(false);
  });
});

describe('date-holidays 3.37.0 as an oracle, 1990–2060', () => {
  const hd = new Holidays('US');
  const FIRST = 1990;
  const LAST = 2060;
  const theirs = Array.from({ length: LAST - FIRST + 1 }, (_, offset) =>
    hd.getHolidays(FIRST + offset),
  ).flat();
  // It types Veterans Day's Friday/Monday substitute as 'bank', though OPM closes federal offices that day
  // (e.g. 2023-11-10), so that one substitute is taken from the 'bank' list too.
  const isVeteransSubstitute = (name: string): boolean => name === 'Veterans Day (substitute day)';
  const theirPublic = theirs.filter(
    (holiday) => holiday.type === 'public' || (holiday.type === 'bank' && isVeteransSubstitute(holiday.name)),
  );
  // Inauguration Day is not a nationwide federal holiday; leave it out should the data ever list it.
  const theirDates = theirPublic
    .filter((holiday) => !/inauguration/i.test(holiday.name))
    .map((holiday) => holiday.date.slice(0, 10));
  const theirWeekdays = new Set(theirDates.filter((date) => !isWeekend(date)));
  const ours = Array.from({ length: LAST - FIRST + 1 }, (_, offset) =>
    federalHolidays(FIRST + offset),
  ).flat();
  const ourObserved = new Set(ours.map((holiday) => holiday.observed));

  it('finds the oracle data for the US at all', () => {
    // Guards the comparisons below against passing on an empty list.
    expect(theirWeekdays.size).toBeGreaterThan(700);
    expect(ourObserved.size).toBeGreaterThan(700);
  });

  it('observes every holiday on a weekday the oracle lists as a public holiday', () => {
    expect([...ourObserved].filter((date) => !theirWeekdays.has(date))).toEqual([]);
  });

  it('lists every weekday public holiday of the oracle', () => {
    expect([...theirWeekdays].filter((date) => !ourObserved.has(date))).toEqual([]);
  });

  it("agrees on each weekend holiday's own date", () => {
    const theirWeekend = new Set(theirDates.filter((date) => isWeekend(date)));
    const ourWeekend = new Set(ours.map((holiday) => holiday.date).filter((date) => isWeekend(date)));
    // Our lists are per observed year, so a Saturday New Year's Day of 2061 can appear; the oracle stops at 2060.
    const inRange = (date: string): boolean => date <= `${LAST}-12-31`;
    expect([...ourWeekend].filter(inRange).sort()).toEqual([...theirWeekend].filter(inRange).sort());
  });

  it('differs from the oracle only in typing the Veterans Day substitute as a bank holiday', () => {
    // If the oracle ever reclassifies it, this test tells us the workaround above can go.
    const strictlyPublic = new Set(
      theirs.filter((holiday) => holiday.type === 'public').map((holiday) => holiday.date.slice(0, 10)),
    );
    const missing = ours.filter((holiday) => !strictlyPublic.has(holiday.observed));
    expect(missing.length).toBeGreaterThan(0);
    expect(
      missing.every((holiday) => holiday.id === 'veterans-day' && holiday.date !== holiday.observed),
    ).toBe(true);
  });

  it('agrees that Juneteenth starts in 2021 and Inauguration Day is not listed', () => {
    const juneteenth = theirPublic.filter((holiday) => holiday.name.startsWith('Juneteenth'));
    expect(juneteenth.every((holiday) => holiday.date >= '2021-06-18')).toBe(true);
    expect(theirs.some((holiday) => /inauguration/i.test(holiday.name))).toBe(false);
    expect(isFederalHoliday('2021-01-20')).toBe(false);
  });
});
