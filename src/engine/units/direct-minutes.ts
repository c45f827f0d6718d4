/**
 * @module engine/units/direct-minutes
 * Direct-service minutes of one contact: end − start − the recorded gaps when the peer was not with the member
 * (004 §Note for Example 1). A contact lies within one date of service, so one that crosses midnight is refused.
 */
import type { Problem } from '../../shared/problem.js';
import { checked, type Checked, type ProblemPath } from '../result.js';
import { parseClockTime, type ClockTime } from './clock-time.js';
import { GAPS_SOURCE } from './sources.js';

/** A stretch of time on the date of service, 'HH:MM' to 'HH:MM'. */
export interface TimeSpan {
  readonly start: ClockTime;
  readonly end: ClockTime;
}

/** When a contact started and ended, and the gaps inside it when the peer was not with the member. */
export interface ServiceTimes extends TimeSpan {
  readonly gaps?: readonly TimeSpan[];
}

/** The minutes of a contact, broken down so a note can show how the billed time was reached. */
export interface DirectMinutes {
  /** Minutes from start to end. */
  readonly spanMinutes: number;
  /** Minutes covered by gaps, each minute counted once even where gaps overlap. */
  readonly gapMinutes: number;
  /** Minutes with the member: `spanMinutes − gapMinutes`. */
  readonly directMinutes: number;
}

/** Stable codes of the problems this module reports. */
export const TIME_PROBLEM_CODES = {
  format: 'time.format',
  endBeforeStart: 'time.end_before_start',
  noDuration: 'time.no_duration',
  gapEndBeforeStart: 'time.gap_end_before_start',
  gapEmpty: 'time.gap_empty',
  gapOutsideService: 'time.gap_outside_service',
  gapOverlap: 'time.gap_overlap',
} as const;

/** A gap whose times could be read, remembered with its position in the note for messages. */
interface ReadGap {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function formatProblem(text: string, label: string, path: ProblemPath): Problem {
  return {
    severity: 'error',
    code: TIME_PROBLEM_CODES.format,
    message: `The ${label} "${text}" isn't a time we can read. Enter it as HH:MM on a 24-hour clock, for example 09:05 or 14:30.`,
    path,
  };
}

/** Problems with the contact's own start and end; the span in minutes when both are usable. */
function checkSpan(times: TimeSpan, path: ProblemPath): { problems: Problem[]; span?: [number, number] } {
  const start = parseClockTime(times.start);
  const end = parseClockTime(times.end);
  const problems: Problem[] = [];
  if (start === undefined) {
    problems.push(formatProblem(times.start, 'start time', [...path, 'start']));
  }
  if (end === undefined) {
    problems.push(formatProblem(times.end, 'end time', [...path, 'end']));
  }
  if (start === undefined || end === undefined) {
    return { problems };
  }
  if (end < start) {
    problems.push({
      severity: 'error',
      code: TIME_PROBLEM_CODES.endBeforeStart,
      message: `The end time ${times.end} is before the start time ${times.start}. If the contact ran past midnight, record it as two notes, one for each date; otherwise correct the times.`,
      path: [...path, 'end'],
    });
    return { problems };
  }
  if (end === start) {
    problems.push({
      severity: 'error',
      code: TIME_PROBLEM_CODES.noDuration,
      message: `The start and end times are both ${times.start}, so the note records no time with the member. Correct the end time.`,
      path: [...path, 'end'],
    });
    return { problems };
  }
  return { problems, span: [start, end] };
}

/** Problems with one gap; the gap when it can be subtracted. */
function checkGap(
  gap: TimeSpan,
  index: number,
  span: [number, number] | undefined,
  serviceTimes: TimeSpan,
  path: ProblemPath,
): { problems: Problem[]; gap?: ReadGap } {
  const gapPath = [...path, 'gaps', index];
  const label = `Gap ${index + 1}`;
  const start = parseClockTime(gap.start);
  const end = parseClockTime(gap.end);
  const problems: Problem[] = [];
  if (start === undefined) {
    problems.push(formatProblem(gap.start, `start time of gap ${index + 1}`, [...gapPath, 'start']));
  }
  if (end === undefined) {
    problems.push(formatProblem(gap.end, `end time of gap ${index + 1}`, [...gapPath, 'end']));
  }
  if (start === undefined || end === undefined) {
    return { problems };
  }
  const text = `${gap.start}–${gap.end}`;
  if (end < start) {
    problems.push({
      severity: 'error',
      code: TIME_PROBLEM_CODES.gapEndBeforeStart,
      message: `${label} ends (${gap.end}) before it starts (${gap.start}). Correct the gap's times.`,
      path: [...gapPath, 'end'],
      source: GAPS_SOURCE,
    });
    return { problems };
  }
  if (span !== undefined && (start < span[0] || end > span[1])) {
    problems.push({
      severity: 'error',
      code: TIME_PROBLEM_CODES.gapOutsideService,
      message: `${label} (${text}) is not inside the contact's time ${serviceTimes.start}–${serviceTimes.end}. A gap is time during the contact when you were not with the member; correct its times or the contact's start and end.`,
      path: gapPath,
      source: GAPS_SOURCE,
    });
    return { problems };
  }
  if (end === start) {
    // An empty gap removes nothing, but it is likely a typing slip worth a second look.
    problems.push({
      severity: 'warning',
      code: TIME_PROBLEM_CODES.gapEmpty,
      message: `${label} starts and ends at ${gap.start}, so it removes no time. Remove it or correct its times.`,
      path: gapPath,
      source: GAPS_SOURCE,
    });
    return { problems };
  }
  return { problems, gap: { index, start, end, text } };
}

/** Minutes covered by the union of the gaps, with a warning for each gap that overlaps an earlier one. */
function unionOfGaps(gaps: readonly ReadGap[], path: ProblemPath): { minutes: number; problems: Problem[] } {
  const sorted = [...gaps].sort((a, b) => a.start - b.start || a.end - b.end);
  const problems: Problem[] = [];
  let minutes = 0;
  let reach: ReadGap | undefined;
  for (const gap of sorted) {
    if (reach === undefined || gap.start >= reach.end) {
      minutes += gap.end - gap.start;
      reach = gap;
      continue;
    }
    const shared = Math.min(gap.end, reach.end) - gap.start;
    const [first, second] = reach.index < gap.index ? [reach, gap] : [gap, reach];
    // Overlapping gaps usually mean one was typed twice or mistyped, so the peer should look even though the
    // minutes are counted once either way.
    problems.push({
      severity: 'warning',
      code: TIME_PROBLEM_CODES.gapOverlap,
      message: `Gaps ${first.index + 1} (${first.text}) and ${second.index + 1} (${second.text}) overlap by ${plural(shared, 'minute')}; those minutes are taken off only once. Check that both gaps are right.`,
      path: [...path, 'gaps', second.index],
      source: GAPS_SOURCE,
    });
    if (gap.end > reach.end) {
      minutes += gap.end - reach.end;
      reach = gap;
    }
  }
  return { minutes, problems };
}

/**
 * Direct-service minutes of a contact: end − start − gaps, each gap minute counted once.
 *
 * Errors: a time not written 'HH:MM'; an end not after the start (a contact crossing midnight must be two
 * notes); a gap ending before it starts or reaching outside the contact. Warnings: an empty gap; overlapping gaps.
 * Gaps touching the contact's start or end are inside it.
 *
 * @param times - start, end and gaps as 'HH:MM' on the date of service
 * @param path - where these times sit in the note, prefixed to each problem's path
 * @example directMinutes({ start: '13:30', end: '15:15', gaps: [{ start: '14:00', end: '14:25' }] })
 *   // ok, value { spanMinutes: 105, gapMinutes: 25, directMinutes: 80 }
 */
export function directMinutes(times: ServiceTimes, path: ProblemPath = []): Checked<DirectMinutes> {
  const plain = times.gaps === undefined || times.gaps.length === 0 ? plainDirectMinutes(times) : undefined;
  if (plain !== undefined) {
    return checked({ spanMinutes: plain, gapMinutes: 0, directMinutes: plain }, []);
  }
  const { problems, span } = checkSpan(times, path);
  const readGaps: ReadGap[] = [];
  (times.gaps ?? []).forEach((gap, index) => {
    const result = checkGap(gap, index, span, times, path);
    problems.push(...result.problems);
    if (result.gap !== undefined) {
      readGaps.push(result.gap);
    }
  });
  const union = unionOfGaps(readGaps, path);
  problems.push(...union.problems);
  if (span === undefined) {
    return checked({ spanMinutes: 0, gapMinutes: 0, directMinutes: 0 }, problems);
  }
  const spanMinutes = span[1] - span[0];
  return checked(
    { spanMinutes, gapMinutes: union.minutes, directMinutes: spanMinutes - union.minutes },
    problems,
  );
}

/** Gaps beyond this many take the full check, so the usual contact's overlap check stays a few comparisons. */
const PLAIN_GAPS = 4;

/**
 * The direct minutes of the usual contact — readable times, the end after the start, and at most a few gaps, each
 * readable, not empty, inside the contact and overlapping no other — or undefined for any other, which
 * `directMinutes` then checks in full. Such a contact has no problem to report, and its gap minutes are the sum
 * of the gaps. Nearly every note is the usual kind, and this answers it without building problems, gap lists or
 * a result object.
 *
 * @param times - start, end and gaps as 'HH:MM' on the date of service
 */
export function plainDirectMinutes(times: ServiceTimes): number | undefined {
  const start = parseClockTime(times.start);
  const end = parseClockTime(times.end);
  if (start === undefined || end === undefined || end <= start) {
    return undefined;
  }
  const gaps = times.gaps;
  if (gaps === undefined || gaps.length === 0) {
    return end - start;
  }
  if (gaps.length > PLAIN_GAPS) {
    return undefined;
  }
  let minutes = end - start;
  for (let index = 0; index < gaps.length; index += 1) {
    const gap = plainGap(gaps, index, start, end);
    if (gap === undefined) {
      return undefined;
    }
    // Two gaps overlap when each starts before the other ends (touching is not overlapping, as in unionOfGaps).
    for (let earlier = 0; earlier < index; earlier += 1) {
      const other = plainGap(gaps, earlier, start, end);
      if (other === undefined || (gap.start < other.end && other.start < gap.end)) {
        return undefined;
      }
    }
    minutes -= gap.end - gap.start;
  }
  return minutes;
}

/** Gap `index` in minutes when it is readable, not empty and inside the contact from `start` to `end`. */
function plainGap(
  gaps: readonly TimeSpan[],
  index: number,
  start: number,
  end: number,
): { start: number; end: number } | undefined {
  const gap = gaps[index];
  const gapStart = gap === undefined ? undefined : parseClockTime(gap.start);
  const gapEnd = gap === undefined ? undefined : parseClockTime(gap.end);
  return gapStart === undefined ||
    gapEnd === undefined ||
    gapEnd <= gapStart ||
    gapStart < start ||
    gapEnd > end
    ? undefined
    : { start: gapStart, end: gapEnd };
}
