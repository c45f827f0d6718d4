/**
 * Combining same-day lines (`same-day.ts`): which lines are one line to the payer, and their units from the
 * summed minutes by the engine's 8-minute rule — which can be more or fewer than the notes' own units added.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { getPack, installPacks } from '../../engine/index.js';
import { combineSameDayLines, sameDayLinesOf, storedLineMinutes, type SameDayLine } from './same-day.js';

const h0038 = (minutes: number, changes: Partial<SameDayLine> = {}): SameDayLine => ({
  code: 'H0038',
  modifiers: [],
  dateOfService: '2026-11-02',
  placeOfService: '11',
  unitChargeCents: 4667,
  minutes,
  ...changes,
});

const summary = (lines: readonly SameDayLine[]) =>
  combineSameDayLines(lines).map((line) => [line.lines.length, line.minutes, line.units, line.chargeCents]);

afterEach(() => {
  installPacks([]);
});

describe('the packs’ sameDayLines setting (rules-catalog.md, December review, "Claims")', () => {
  it('every built-in pack sets it, as a marked choice with its reasons, and no claim rule reads it', () => {
    for (const id of ['ca-dhcs', 'ca-acbhd', 'ca-la-sapc', 'nc-wellcare', 'ks-pahp']) {
      const pack = getPack(id);
      const setting = pack?.settings['sameDayLines'];
      expect(setting?.choice, id).toBe(true);
      expect(setting?.description, id).toMatch(/^Two notes of a claim .* Choice: /);
      expect(sameDayLinesOf(id), id).toBe('separate');
      // Billing reads it when a claim is written and exported; the engine's preview of one note does not.
      expect(JSON.stringify(pack?.rules), id).not.toContain('settings.sameDayLines');
    }
  });
});

describe('combining same-day lines', () => {
  it('sums the minutes of one code, modifiers and day before counting units', () => {
    // 20 + 20 = 40 minutes: 3 units, where the notes alone earn 1 + 1.
    expect(summary([h0038(20), h0038(20)])).toEqual([[2, 40, 3, 14001]]);
    // 8 + 8 = 16 minutes: 1 unit, where the notes alone earn 1 + 1.
    expect(summary([h0038(8), h0038(8)])).toEqual([[2, 16, 1, 4667]]);
  });

  it('keeps apart lines of another code, modifiers, day, place of service or rate', () => {
    expect(
      summary([
        h0038(20),
        h0038(20, { modifiers: ['HK'] }),
        h0038(20, { dateOfService: '2026-11-03' }),
        h0038(20, { placeOfService: '12' }),
        h0038(20, { code: 'H0025', unitChargeCents: 1037 }),
        h0038(20),
      ]),
    ).toEqual([
      [2, 40, 3, 14001],
      [1, 20, 1, 4667],
      [1, 20, 1, 4667],
      [1, 20, 1, 4667],
      [1, 20, 1, 1037],
    ]);
  });

  it('reads a stored line’s minutes from its note’s times, or a group line’s group minutes', () => {
    const note = { start_time: '09:00', end_time: '09:50', gaps: [{ start: '09:10', end: '09:20' }] };
    expect(storedLineMinutes({ ...note, group_minutes: 0 })).toBe(40);
    expect(storedLineMinutes({ ...note, group_minutes: 90 })).toBe(90);
  });

  it('follows the pack’s setting, and refuses a value that is neither choice', () => {
    expect(sameDayLinesOf('ca-dhcs')).toBe('separate');
    const overlay = (value: string) => ({
      origin: 'same-day.json',
      definition: {
        id: 'ks-pahp',
        name: 'Kansas',
        version: 'test',
        sources: ['003_804a804dafe24d21.txt'],
        description: 'Kansas with same-day lines set.',
        settings: { sameDayLines: { value, description: 'Set by the test.', choice: true } },
      },
    });
    installPacks([overlay('combine')]);
    expect(sameDayLinesOf('ks-pahp')).toBe('combine');
    installPacks([overlay('merge')]);
    expect(() => sameDayLinesOf('ks-pahp')).toThrow(/sameDayLines must be "separate" or "combine"/);
  });
});
