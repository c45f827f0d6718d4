import { describe, expect, it } from 'vitest';
import { addBusinessDays, businessDaysBetween, isBusinessDay } from './business-days.js';
import { addDays } from './date.js';

describe('addBusinessDays: notes due within 3 business days, the day of service being day 0', () => {
  it.each([
    // [service date, due date, why] — the first five rows are the table in tech-notes §7.
    ['2026-07-02', '2026-07-08', 'Fri 07-03 observes Independence Day on Sat 07-04'],
    ['2026-11-25', '2026-12-01', 'Thanksgiving Thu 11-26 and the weekend'],
    ['2026-12-23', '2026-12-29', 'Christmas Fri 12-25 and the weekend'],
    ['2027-12-30', '2028-01-05', 'Fri 2027-12-31 observes New Year 2028 (a Saturday)'],
    ['2026-11-20', '2026-11-25', 'an ordinary weekend'],
    ['2026-11-23', '2026-11-27', 'Mon to Thu would be 11-26, Thanksgiving; so Fri'],
    ['2026-11-21', '2026-11-25', 'a Saturday service: the count still starts the next day'],
    ['2026-11-26', '2026-12-01', 'a service on the holiday itself'],
    ['2021-12-30', '2022-01-05', 'Fri 2021-12-31 observes New Year 2022'],
    ['2022-12-22', '2022-12-28', 'Mon 12-26 observes Christmas on Sun 12-25'],
    ['2022-12-29', '2023-01-04', 'Mon 2023-01-02 observes New Year on Sun 01-01'],
    ['2027-06-16', '2027-06-22', 'Fri 06-18 observes Juneteenth on Sat 06-19'],
    ['2020-06-17', '2020-06-22', 'no Juneteenth holiday in 2020'],
    ['2028-11-08', '2028-11-14', 'Fri 11-10 observes Veterans Day on Sat 11-11'],
    ['2029-11-08', '2029-11-14', 'Mon 11-12 observes Veterans Day on Sun 11-11'],
    ['2026-01-14', '2026-01-20', 'MLK Day Mon 01-19'],
    ['2026-02-12', '2026-02-18', "Washington's Birthday Mon 02-16"],
    ['2026-05-21', '2026-05-27', 'Memorial Day Mon 05-25'],
    ['2026-09-03', '2026-09-09', 'Labor Day Mon 09-07'],
    ['2026-10-08', '2026-10-14', 'Columbus Day Mon 10-12'],
    ['2026-11-10', '2026-11-16', 'Veterans Day Wed 11-11'],
  ])('a note for %s is due %s (%s)', (service, due) => {
    expect(addBusinessDays(service, 3)).toBe(due);
  });

  it.each([
    ['2026-11-25', 0, '2026-11-25'],
    ['2026-11-26', 0, '2026-11-26'], // day 0 is the date itself, holiday or not
    ['2026-11-28', 0, '2026-11-28'],
    ['2026-11-27', 1, '2026-11-30'],
    ['2026-11-30', -1, '2026-11-27'],
    ['2026-11-27', -1, '2026-11-25'], // back over Thanksgiving
    ['2026-11-29', -1, '2026-11-27'], // from a Sunday
    ['2028-01-05', -3, '2027-12-30'],
    ['2026-12-01', 20, '2026-12-30'],
  ])('%s plus %i business days is %s', (date, days, expected) => {
    expect(addBusinessDays(date, days)).toBe(expected);
  });

  it('refuses a fractional count, a malformed date and a date outside the holiday years', () => {
    expect(() => addBusinessDays('2026-11-25', 1.5)).toThrow(RangeError);
    expect(() => addBusinessDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addBusinessDays('2199-12-30', 3)).toThrow(RangeError);
  });
});

describe('businessDaysBetween', () => {
  it.each([
    ['2026-11-25', '2026-11-25', 0],
    ['2026-11-25', '2026-12-01', 3],
    ['2026-11-25', '2026-12-02', 4],
    ['2026-11-27', '2026-11-30', 1], // Fri → Mon
    ['2026-11-28', '2026-11-29', 0], // Sat → Sun
    ['2026-11-28', '2026-11-30', 1], // Sat → Mon
    ['2026-11-25', '2026-11-29', 1], // only Fri 11-27 counts
    ['2026-12-01', '2026-11-25', -3],
    ['2026-11-30', '2026-11-28', 0], // Sat up to (not including) Mon: a weekend, and not -0
    ['2027-12-30', '2028-01-05', 3],
    ['2026-01-01', '2026-12-31', 250], // 261 weekdays less 11 observed holidays
  ])('from %s to %s is %i business days', (from, to, expected) => {
    expect(businessDaysBetween(from, to)).toBe(expected);
  });

  it('undoes addBusinessDays for every start day in 2026–2027 and counts from -15 to 15', () => {
    const failures: string[] = [];
    for (let date = '2026-01-01'; date <= '2027-12-31'; date = addDays(date, 1)) {
      for (let days = -15; days <= 15; days += 1) {
        const target = addBusinessDays(date, days);
        if (businessDaysBetween(date, target) !== days) {
          failures.push(`${date} ${days}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('is the business-day count of the range, however the two dates are ordered', () => {
    // Swapping the dates changes the sign and which end is included, never the size on business-day ends.
    expect(businessDaysBetween('2026-11-20', '2026-12-04')).toBe(9);
    expect(businessDaysBetween('2026-12-04', '2026-11-20')).toBe(-9);
  });
});

describe('extra holidays', () => {
  // César Chávez Day is a California state holiday: Wednesday 2027-03-31.
  const california = { extraHolidays: ['2027-03-31'] };

  it('skips an extra holiday only when it is given', () => {
    expect(isBusinessDay('2027-03-31')).toBe(true);
    expect(isBusinessDay('2027-03-31', california)).toBe(false);
    expect(addBusinessDays('2027-03-30', 1)).toBe('2027-03-31');
    expect(addBusinessDays('2027-03-30', 1, california)).toBe('2027-04-01');
    expect(businessDaysBetween('2027-03-29', '2027-04-02', california)).toBe(3);
    // The option must not leak into later calls.
    expect(businessDaysBetween('2027-03-29', '2027-04-02')).toBe(4);
  });

  it('changes nothing for an extra holiday on a weekend or on a federal holiday', () => {
    const extra = { extraHolidays: ['2026-11-28', '2026-11-26'] };
    expect(addBusinessDays('2026-11-25', 3, extra)).toBe('2026-12-01');
  });

  it('adds together several extra holidays, e.g. the day after Thanksgiving', () => {
    expect(addBusinessDays('2026-11-25', 3, { extraHolidays: ['2026-11-27'] })).toBe('2026-12-02');
    expect(addBusinessDays('2026-11-25', 3, { extraHolidays: ['2026-11-27', '2026-12-01'] })).toBe(
      '2026-12-03',
    );
  });

  it.each(['2027-02-30', '03/31/2027', ''])('refuses the malformed extra holiday %j', (holiday) => {
    expect(() => isBusinessDay('2027-03-30', { extraHolidays: [holiday] })).toThrow(RangeError);
  });
});

describe('isBusinessDay', () => {
  it.each([
    ['2026-11-25', true],
    ['2026-11-26', false], // Thanksgiving
    ['2026-11-27', true], // the day after is open unless the agency adds it
    ['2026-11-28', false],
    ['2026-11-29', false],
    ['2026-07-03', false], // observed Independence Day
    ['2027-12-31', false], // observed New Year 2028
    ['2028-01-03', true],
    ['2021-01-20', true], // Inauguration Day is not a nationwide holiday
  ])('says %s is a business day: %s', (date, expected) => {
    expect(isBusinessDay(date)).toBe(expected);
  });

  it('refuses dates outside 1971–2199', () => {
    expect(() => isBusinessDay('1970-12-31')).toThrow(RangeError);
    expect(() => isBusinessDay('2200-01-02')).toThrow(RangeError);
  });
});
