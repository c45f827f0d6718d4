/**
 * @module synthetic/dates.test
 * Dates of birth fall in the requested age range, with leap days handled by integer date math.
 */
import { describe, expect, it } from 'vitest';
import { ageOn, syntheticDateOfBirth } from './dates.js';
import { createRng } from './prng.js';

describe('ageOn', () => {
  it('counts completed years', () => {
    expect(ageOn('2000-07-01', '2025-06-30')).toBe(24);
    expect(ageOn('2000-07-01', '2025-07-01')).toBe(25);
    expect(ageOn('2025-07-01', '2025-07-01')).toBe(0);
  });

  // A 29 February birthday is reached on 1 March in common years.
  it('handles 29 February birthdays', () => {
    expect(ageOn('2020-02-29', '2021-02-28')).toBe(0);
    expect(ageOn('2020-02-29', '2021-03-01')).toBe(1);
    expect(ageOn('2020-02-29', '2024-02-29')).toBe(4);
  });

  it('refuses malformed dates and a reference date before birth', () => {
    expect(() => ageOn('2023-02-29', '2025-01-01')).toThrow(RangeError);
    expect(() => ageOn('2023-2-1', '2025-01-01')).toThrow(RangeError);
    expect(() => ageOn('2025-01-02', '2025-01-01')).toThrow(RangeError);
  });
});

describe('syntheticDateOfBirth', () => {
  it('always gives an age within [minAge, maxAge] on the reference date', () => {
    const rng = createRng('dob');
    for (const onDate of ['2025-07-01', '2024-02-29', '2023-02-28', '2000-01-01', '2025-12-31']) {
      const bad: string[] = [];
      for (let sample = 0; sample < 4000; sample += 1) {
        const dateOfBirth = syntheticDateOfBirth(rng, { minAge: 18, maxAge: 64, onDate });
        const age = ageOn(dateOfBirth, onDate);
        if (!/^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth) || age < 18 || age > 64) {
          bad.push(dateOfBirth);
        }
      }
      expect(bad).toEqual([]);
    }
  });

  // Exactly the days that make the person one year old on a leap day, no more, no fewer.
  it('reaches both ends of the range and nothing beyond', () => {
    const rng = createRng('dob-edges');
    const seen = new Set<string>();
    for (let sample = 0; sample < 20_000; sample += 1) {
      seen.add(syntheticDateOfBirth(rng, { minAge: 1, maxAge: 1, onDate: '2024-02-29' }));
    }
    const sorted = [...seen].sort();
    expect(sorted[0]).toBe('2022-03-01');
    expect(sorted.at(-1)).toBe('2023-02-28');
    expect(seen.size).toBe(365);
  });

  it('is deterministic for a seed', () => {
    const options = { minAge: 0, maxAge: 90, onDate: '2025-07-01' };
    expect(syntheticDateOfBirth(createRng('same'), options)).toBe(
      syntheticDateOfBirth(createRng('same'), options),
    );
  });

  it('refuses bad ages and dates', () => {
    const rng = createRng('dob');
    expect(() => syntheticDateOfBirth(rng, { minAge: 30, maxAge: 20, onDate: '2025-01-01' })).toThrow(
      RangeError,
    );
    expect(() => syntheticDateOfBirth(rng, { minAge: -1, maxAge: 20, onDate: '2025-01-01' })).toThrow(
      RangeError,
    );
    expect(() => syntheticDateOfBirth(rng, { minAge: 1.5, maxAge: 20, onDate: '2025-01-01' })).toThrow(
      RangeError,
    );
    expect(() => syntheticDateOfBirth(rng, { minAge: 1, maxAge: 20, onDate: '2025-13-01' })).toThrow(
      RangeError,
    );
  });
});
