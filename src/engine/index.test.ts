import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as engine from './index.js';

const ENGINE_DIR = import.meta.dirname;

/** Every non-test TypeScript file of the engine, as paths relative to it. */
function engineSources(): string[] {
  return readdirSync(ENGINE_DIR, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .sort();
}

describe('engine public surface', () => {
  it.each([
    'addBusinessDays',
    'addDays',
    'billableUnits',
    'businessDaysBetween',
    'calendarYear',
    'checked',
    'compareDates',
    'dayOfWeek',
    'daysBetween',
    'directMinutes',
    'federalHolidays',
    'fiscalYearNamed',
    'isBusinessDay',
    'inForce',
    'isFederalHoliday',
    'parseCalendarDate',
    'parseClockTime',
    'periodContains',
    'serviceUnits',
    'stateFiscalYear',
    'unitsForMinutes',
  ])('exports the function %s', (name) => {
    expect(typeof (engine as Record<string, unknown>)[name]).toBe('function');
  });
});

describe('engine purity', () => {
  const sources = engineSources().map((file) => ({
    file,
    // Comments may name what the code avoids (`Date.UTC`), so only code is searched.
    text: readFileSync(join(ENGINE_DIR, file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/(^|\s)\/\/.*$/gm, ''),
  }));

  it('finds the engine sources', () => {
    expect(sources.map((source) => source.file)).toContain(join('calendar', 'holidays.ts'));
  });

  it.each([
    ['reads no clock', /Date\.now\(|new Date\(\s*\)|performance\.now\(/],
    ['does not use Date: dates are strings and integers', /\bnew Date\b|\bDate\.(UTC|parse)\b/],
    ['uses no randomness', /Math\.random\(|crypto\./],
    ['reads no process environment', /\bprocess\./],
    ['imports no Node built-ins', /from 'node:/],
    ['has no async code', /\basync\b|\bawait\b|Promise/],
  ])('%s', (_what, pattern) => {
    expect(sources.filter((source) => pattern.test(source.text)).map((source) => source.file)).toEqual([]);
  });

  // zod is the one library allowed: pure, and it validates packs when they load.
  it('imports nothing at run time from outside the engine but zod', () => {
    const outside = sources.flatMap((source) =>
      [...source.text.matchAll(/^import (?!type )[^;]*? from '([^']+)';/gms)]
        .map((match) => match[1] ?? '')
        .filter((target) => target !== 'zod')
        .filter(
          (target) =>
            !target.startsWith('.') ||
            relative(ENGINE_DIR, join(ENGINE_DIR, source.file, '..', target)).startsWith('..'),
        )
        .map((target) => `${source.file} → ${target}`),
    );
    expect(outside).toEqual([]);
  });
});
