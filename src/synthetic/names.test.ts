/**
 * @module synthetic/names.test
 * Name lists are large and varied enough, and famous combinations are never produced.
 */
import { describe, expect, it } from 'vitest';
import { DisplayNameSchema } from '../shared/api/common.js';
import {
  FAMILY_NAMES,
  FAMOUS_NAME_COMBINATIONS,
  GIVEN_NAMES,
  formatDisplayName,
  isFamousCombination,
  syntheticPersonName,
} from './names.js';
import { createRng } from './prng.js';

describe('name lists', () => {
  it('hold at least 60 distinct ASCII names each', () => {
    for (const list of [GIVEN_NAMES, FAMILY_NAMES]) {
      expect(list.length).toBeGreaterThanOrEqual(60);
      expect(new Set(list).size).toBe(list.length);
      for (const name of list) {
        expect(name).toMatch(/^[A-Z][a-z]+$/);
      }
    }
  });

  // The block list only means something if its entries can actually be drawn.
  it('block only combinations the lists can form', () => {
    for (const combination of FAMOUS_NAME_COMBINATIONS) {
      const [given, family] = combination.split(' ');
      expect(GIVEN_NAMES.some((name) => name.toLowerCase() === given)).toBe(true);
      expect(FAMILY_NAMES.some((name) => name.toLowerCase() === family)).toBe(true);
    }
  });
});

describe('syntheticPersonName', () => {
  it('never produces a famous combination', () => {
    const rng = createRng('names');
    const famous: string[] = [];
    for (let sample = 0; sample < 100_000; sample += 1) {
      const name = syntheticPersonName(rng);
      if (isFamousCombination(name)) {
        famous.push(formatDisplayName(name));
      }
    }
    expect(famous).toEqual([]);
    expect(isFamousCombination({ givenName: 'Pedro', familyName: 'Martinez' })).toBe(true);
  });

  it('draws from the whole lists', () => {
    const rng = createRng('names');
    const given = new Set<string>();
    const family = new Set<string>();
    for (let sample = 0; sample < 20_000; sample += 1) {
      const name = syntheticPersonName(rng);
      given.add(name.givenName);
      family.add(name.familyName);
    }
    expect(given.size).toBe(GIVEN_NAMES.length);
    expect(family.size).toBe(FAMILY_NAMES.length);
  });

  it('is deterministic for a seed and formats as "Given Family"', () => {
    const name = syntheticPersonName(createRng('one'));
    expect(syntheticPersonName(createRng('one'))).toEqual(name);
    expect(formatDisplayName(name)).toBe(`${name.givenName} ${name.familyName}`);
    expect(DisplayNameSchema.parse(formatDisplayName(name))).toBe(formatDisplayName(name));
  });
});
