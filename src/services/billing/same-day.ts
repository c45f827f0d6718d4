/**
 * @module services/billing/same-day
 * Lines of one claim with the same code, modifiers and date (rules-catalog.md, December review, "Claims"): the
 * payer's pack says, in its `sameDayLines` setting, whether they go out `separate` — one line per note, each
 * with its own line control number (2400 REF*6R) — or `combine`d into one line per code, modifiers and day
 * whose units come from the day's total direct minutes of those notes (the engine's minutes → units, the
 * 8-minute rule), charged at units × the unit rate.
 *
 * The database always keeps one claim line per note: `claim_lines.note_id` is how a note is known to be billed
 * (one current line per note), and a line's units must be at least 1 — two notes of 8 minutes each combine to
 * 16 minutes, one unit, which two stored lines could not hold. So combining is done where the claim's money is
 * stated: the claim's total when it is written (`write.ts`) and the 837's service lines when it is exported
 * (`batches.ts`), both with {@link combineSameDayLines}, from the same minutes (the note's direct minutes, or a
 * group line's group minutes — the minutes its units were counted from). Each stored line keeps its note's own
 * units and amount, as the note's claim preview showed them.
 */
import { directMinutes, getPack, unitsForMinutes } from '../../engine/index.js';
import type { PayerPackId } from '../../shared/programs.js';

/** The pack setting that chooses between the two. */
export const SAME_DAY_LINES_SETTING = 'sameDayLines';

/** How a payer wants lines of one claim with the same code, modifiers and date. */
export type SameDayLines = 'separate' | 'combine';

/**
 * The payer's choice, from its pack's `sameDayLines` setting; `separate` (one line per note, today's claims)
 * for a pack that sets none.
 *
 * @throws Error for a value other than `separate` or `combine` (a pack file's mistake, found on first use)
 */
export function sameDayLinesOf(payerPack: PayerPackId): SameDayLines {
  const value = getPack(payerPack)?.settings[SAME_DAY_LINES_SETTING]?.value;
  if (value === undefined || value === 'separate') return 'separate';
  if (value === 'combine') return 'combine';
  throw new Error(
    `Pack ${payerPack}: setting ${SAME_DAY_LINES_SETTING} must be "separate" or "combine", not ${JSON.stringify(value)}.`,
  );
}

/** What combining reads of a line. */
export interface SameDayLine {
  code: string;
  modifiers: readonly string[];
  dateOfService: string;
  placeOfService: string;
  /** The organisation's charge for one unit. */
  unitChargeCents: number;
  /** The direct minutes the line's units were counted from. */
  minutes: number;
}

/** One line as it goes out: the lines it stands for (in order), their minutes, and its units and charge. */
export interface CombinedLine<T extends SameDayLine> {
  lines: readonly T[];
  minutes: number;
  units: number;
  chargeCents: number;
}

/**
 * The claim's lines with those of the same code, modifiers, date, place of service and unit charge merged
 * into one, in the order of each merged line's first; units from the summed minutes. Place of service and charge
 * are part of the key because one service line carries one of each: lines differing in them are not duplicates.
 *
 * @example combineSameDayLines([h0038(20), h0038(20)]) // one line: 40 minutes, 3 units
 */
export function combineSameDayLines<T extends SameDayLine>(lines: readonly T[]): CombinedLine<T>[] {
  const byKey = new Map<string, T[]>();
  for (const line of lines) {
    const key = [
      line.code,
      line.modifiers.join(':'),
      line.dateOfService,
      line.placeOfService,
      line.unitChargeCents,
    ].join('|');
    const same = byKey.get(key);
    if (same === undefined) byKey.set(key, [line]);
    else same.push(line);
  }
  return [...byKey.values()].map((same) => {
    const minutes = same.reduce((sum, line) => sum + line.minutes, 0);
    const units = unitsForMinutes(minutes);
    return { lines: same, minutes, units, chargeCents: units * (same[0] as T).unitChargeCents };
  });
}

/** A stored claim line's minutes: a group line's group minutes, else its note's direct minutes. */
export function storedLineMinutes(line: {
  group_minutes: number;
  start_time: string | null;
  end_time: string | null;
  gaps: readonly { start: string; end: string }[];
}): number {
  if (line.group_minutes > 0) return line.group_minutes;
  const minutes = directMinutes({
    start: line.start_time ?? '',
    end: line.end_time ?? '',
    gaps: [...line.gaps],
  });
  // A claimed note's times were read when it was judged, and a signed note's times never change.
  if (!minutes.ok) throw new Error('a claimed note’s times no longer give its minutes');
  return minutes.value.directMinutes;
}
