import { describe, expect, it } from 'vitest';
import { formatClockTime, parseClockTime } from './clock-time.js';
import {
  directMinutes,
  plainDirectMinutes,
  TIME_PROBLEM_CODES,
  type ServiceTimes,
  type TimeSpan,
} from './direct-minutes.js';
import { GAPS_SOURCE } from './sources.js';

const gap = (start: string, end: string): TimeSpan => ({ start, end });

describe('parseClockTime and formatClockTime', () => {
  it.each([
    ['00:00', 0],
    ['09:05', 545],
    ['13:30', 810],
    ['23:59', 1439],
  ])('reads %s as %i minutes after midnight', (text, minutes) => {
    expect(parseClockTime(text)).toBe(minutes);
    expect(formatClockTime(minutes)).toBe(text);
  });

  it.each(['24:00', '12:60', '9:30', '0930', '09:5', '1:30 pm', '', ' 09:30', '-1:00'])(
    'does not read %j as a time',
    (text) => {
      expect(parseClockTime(text)).toBeUndefined();
    },
  );

  it.each([-1, 1440, 1.5])('refuses to write %s minutes as a time of day', (minutes) => {
    expect(() => formatClockTime(minutes)).toThrow(RangeError);
  });
});

describe('directMinutes: end − start − gaps (004 §Note for Example 1)', () => {
  it.each<[string, ServiceTimes, number, number]>([
    // [why, times, gap minutes, direct minutes]
    ['no gaps', { start: '10:00', end: '10:50' }, 0, 50],
    ['an empty gap list', { start: '10:00', end: '10:50', gaps: [] }, 0, 50],
    [
      "the 004 example's 1:30–3:15 pm with 25 minutes away",
      { start: '13:30', end: '15:15', gaps: [gap('14:00', '14:25')] },
      25,
      80,
    ],
    ['the same as 004 writes it, 1:30–2:50 pm', { start: '13:30', end: '14:50' }, 0, 80],
    [
      'two separate gaps',
      { start: '09:00', end: '11:00', gaps: [gap('09:10', '09:20'), gap('10:00', '10:30')] },
      40,
      80,
    ],
    [
      'adjacent gaps, which do not overlap',
      { start: '09:00', end: '10:00', gaps: [gap('09:10', '09:20'), gap('09:20', '09:30')] },
      20,
      40,
    ],
    [
      'overlapping gaps counted once',
      { start: '09:00', end: '10:00', gaps: [gap('09:10', '09:30'), gap('09:20', '09:40')] },
      30,
      30,
    ],
    [
      'a gap inside another',
      { start: '09:00', end: '10:00', gaps: [gap('09:10', '09:40'), gap('09:15', '09:20')] },
      30,
      30,
    ],
    [
      'the same gap twice',
      { start: '09:00', end: '10:00', gaps: [gap('09:10', '09:20'), gap('09:10', '09:20')] },
      10,
      50,
    ],
    [
      'gaps given out of order',
      { start: '09:00', end: '10:00', gaps: [gap('09:40', '09:50'), gap('09:05', '09:10')] },
      15,
      45,
    ],
    [
      'three gaps chained by overlaps',
      {
        start: '09:00',
        end: '10:00',
        gaps: [gap('09:10', '09:20'), gap('09:30', '09:45'), gap('09:15', '09:35')],
      },
      35,
      25,
    ],
    ['a gap at the very start', { start: '09:00', end: '10:00', gaps: [gap('09:00', '09:15')] }, 15, 45],
    ['a gap at the very end', { start: '09:00', end: '10:00', gaps: [gap('09:45', '10:00')] }, 15, 45],
    [
      'a gap equal to the whole contact',
      { start: '09:00', end: '10:00', gaps: [gap('09:00', '10:00')] },
      60,
      0,
    ],
    ['a contact from midnight to 23:59', { start: '00:00', end: '23:59' }, 0, 1439],
    ['a one-minute contact', { start: '12:00', end: '12:01' }, 0, 1],
  ])('counts %s', (_why, times, gapMinutes, direct) => {
    const result = directMinutes(times);
    expect(result.ok).toBe(true);
    expect(result.ok && result.value).toEqual({
      spanMinutes: direct + gapMinutes,
      gapMinutes,
      directMinutes: direct,
    });
  });

  it('warns once per overlapping gap, naming both gaps and the shared minutes', () => {
    const result = directMinutes({
      start: '09:00',
      end: '10:00',
      gaps: [gap('09:10', '09:30'), gap('09:20', '09:40')],
    });
    expect(result.problems).toEqual([
      {
        severity: 'warning',
        code: TIME_PROBLEM_CODES.gapOverlap,
        message:
          'Gaps 1 (09:10–09:30) and 2 (09:20–09:40) overlap by 10 minutes; those minutes are taken off only once. Check that both gaps are right.',
        path: ['gaps', 1],
        source: GAPS_SOURCE,
      },
    ]);
  });

  it('does not warn about gaps that only touch', () => {
    const result = directMinutes({
      start: '09:00',
      end: '10:00',
      gaps: [gap('09:20', '09:30'), gap('09:10', '09:20')],
    });
    expect(result.problems).toEqual([]);
  });

  it('warns about, and ignores, a gap that starts and ends at the same time', () => {
    const result = directMinutes({ start: '09:00', end: '10:00', gaps: [gap('09:30', '09:30')] });
    expect(result.ok && result.value.directMinutes).toBe(60);
    expect(result.problems.map((problem) => [problem.severity, problem.code, problem.path])).toEqual([
      ['warning', TIME_PROBLEM_CODES.gapEmpty, ['gaps', 0]],
    ]);
  });

  it.each<[string, TimeSpan]>([
    ['wholly before the contact', gap('08:00', '08:30')],
    ['wholly after the contact', gap('10:30', '11:00')],
    ['across the start', gap('08:50', '09:10')],
    ['across the end', gap('09:50', '10:10')],
    ['touching the start from outside', gap('08:30', '09:00')],
    ['touching the end from outside', gap('10:00', '10:15')],
    ['around the whole contact', gap('08:00', '11:00')],
    ['starting one minute before the contact', gap('08:59', '09:05')],
    ['ending one minute after the contact', gap('09:55', '10:01')],
  ])('refuses a gap %s', (_why, outside) => {
    const result = directMinutes({ start: '09:00', end: '10:00', gaps: [gap('09:20', '09:25'), outside] }, [
      'contacts',
      3,
    ]);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: TIME_PROBLEM_CODES.gapOutsideService,
        path: ['contacts', 3, 'gaps', 1],
        source: GAPS_SOURCE,
      }),
    ]);
    expect(result.problems[0]?.message).toBe(
      `Gap 2 (${outside.start}–${outside.end}) is not inside the contact's time 09:00–10:00. A gap is time during the contact when you were not with the member; correct its times or the contact's start and end.`,
    );
  });

  it('refuses a contact that crosses midnight, telling the peer to split it', () => {
    const result = directMinutes({ start: '23:30', end: '00:30' }, ['contacts', 0]);
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          severity: 'error',
          code: TIME_PROBLEM_CODES.endBeforeStart,
          message:
            'The end time 00:30 is before the start time 23:30. If the contact ran past midnight, record it as two notes, one for each date; otherwise correct the times.',
          path: ['contacts', 0, 'end'],
        },
      ],
    });
  });

  it('refuses a contact that ends when it starts', () => {
    const result = directMinutes({ start: '10:00', end: '10:00' });
    expect(result.ok).toBe(false);
    expect(result.problems.map((problem) => [problem.code, problem.path])).toEqual([
      [TIME_PROBLEM_CODES.noDuration, ['end']],
    ]);
  });

  it('refuses a gap that ends before it starts', () => {
    const result = directMinutes({ start: '09:00', end: '10:00', gaps: [gap('09:40', '09:20')] });
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      expect.objectContaining({
        code: TIME_PROBLEM_CODES.gapEndBeforeStart,
        path: ['gaps', 0, 'end'],
        message: "Gap 1 ends (09:20) before it starts (09:40). Correct the gap's times.",
      }),
    ]);
  });

  it('reports every unreadable time at once, each at its own field', () => {
    const result = directMinutes({
      start: '9:00',
      end: '24:00',
      gaps: [gap('09:10', '9:20'), gap('x', '09:30')],
    });
    expect(result.ok).toBe(false);
    expect(result.problems.map((problem) => [problem.code, problem.path])).toEqual([
      [TIME_PROBLEM_CODES.format, ['start']],
      [TIME_PROBLEM_CODES.format, ['end']],
      [TIME_PROBLEM_CODES.format, ['gaps', 0, 'end']],
      [TIME_PROBLEM_CODES.format, ['gaps', 1, 'start']],
    ]);
    expect(result.problems[0]?.message).toBe(
      'The start time "9:00" isn\'t a time we can read. Enter it as HH:MM on a 24-hour clock, for example 09:05 or 14:30.',
    );
    expect(result.problems[2]?.message).toContain('end time of gap 1');
  });

  it('still checks the gaps when the contact times are wrong, but cannot place them', () => {
    // Without a valid span, whether a gap is inside it is unknown, so only the gap's own faults are reported.
    const result = directMinutes({
      start: '10:00',
      end: '09:00',
      gaps: [gap('11:00', '10:30'), gap('07:00', '07:10')],
    });
    expect(result.problems.map((problem) => problem.code)).toEqual([
      TIME_PROBLEM_CODES.endBeforeStart,
      TIME_PROBLEM_CODES.gapEndBeforeStart,
    ]);
  });
});

describe('plainDirectMinutes: the usual contact without building problems', () => {
  // Contacts with up to three gaps drawn from spans that touch, overlap, are empty, reversed, unreadable or
  // outside the contact: whenever the fast path answers, the full check agrees and finds nothing to report.
  const spans = [
    gap('10:00', '10:10'),
    gap('10:10', '10:20'),
    gap('10:05', '10:15'),
    gap('10:30', '10:30'),
    gap('10:40', '10:35'),
    gap('09:50', '10:05'),
    gap('10:50', '11:00'),
    gap('10:5', '10:20'),
  ];
  const gapLists: TimeSpan[][] = [[]];
  for (const first of spans) {
    gapLists.push([first]);
    for (const second of spans) {
      gapLists.push([first, second]);
      for (const third of spans) {
        gapLists.push([first, second, third]);
      }
    }
  }
  const contacts = [
    gap('10:00', '11:00'),
    gap('10:00', '10:50'),
    gap('11:00', '10:00'),
    gap('9:00', '11:00'),
  ];

  it('answers exactly when the full check has no problem, with the same minutes', () => {
    let answered = 0;
    for (const contact of contacts) {
      for (const gaps of gapLists) {
        const times = { start: contact.start, end: contact.end, gaps };
        const plain = plainDirectMinutes(times);
        const full = directMinutes(times);
        if (plain !== undefined) {
          answered += 1;
          expect(full).toEqual({
            ok: true,
            value: expect.objectContaining({ directMinutes: plain }) as unknown,
            problems: [],
          });
        } else {
          expect(full.problems.length > 0 || !full.ok).toBe(true);
        }
      }
    }
    expect(answered).toBeGreaterThan(20);
  });

  it('leaves more than four gaps to the full check', () => {
    const times = {
      start: '10:00',
      end: '11:00',
      gaps: [
        gap('10:01', '10:02'),
        gap('10:03', '10:04'),
        gap('10:05', '10:06'),
        gap('10:07', '10:08'),
        gap('10:09', '10:10'),
      ],
    };
    expect(plainDirectMinutes(times)).toBeUndefined();
    expect(directMinutes(times)).toMatchObject({ ok: true, value: { directMinutes: 55 } });
  });
});
