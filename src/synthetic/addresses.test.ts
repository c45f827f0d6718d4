/**
 * @module synthetic/addresses.test
 * Synthetic addresses: fictional streets in real cities, with a 9-digit ZIP ending 0000.
 */
import { describe, expect, it } from 'vitest';
import { AddressSchema } from '../shared/api/organisation.js';
import {
  FICTIONAL_STREET_NAMES,
  STREET_SUFFIXES,
  SYNTHETIC_PLACES,
  syntheticAddress,
  syntheticStreetLine,
} from './addresses.js';
import { createRng } from './prng.js';

const STREET_LINE = new RegExp(
  `^\\d{3,4} (${FICTIONAL_STREET_NAMES.join('|')}) (${STREET_SUFFIXES.join('|')})$`,
);

describe('syntheticStreetLine', () => {
  it('combines a number with a fictional street name', () => {
    const rng = createRng('streets');
    const bad: string[] = [];
    for (let sample = 0; sample < 5000; sample += 1) {
      const line = syntheticStreetLine(rng);
      if (!STREET_LINE.test(line)) {
        bad.push(line);
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('syntheticAddress', () => {
  it('keeps the real city, state and ZIP, adds 0000 as ZIP+4 and fits the shared Address shape', () => {
    const rng = createRng('addresses');
    let suites = 0;
    for (const place of Object.values(SYNTHETIC_PLACES)) {
      for (let sample = 0; sample < 500; sample += 1) {
        const address = syntheticAddress(rng, place);
        expect(AddressSchema.parse(address)).toEqual(address);
        expect(address.line1).toMatch(STREET_LINE);
        expect(address.city).toBe(place.city);
        expect(address.state).toBe(place.state);
        expect(address.postalCode).toBe(`${place.zip5}0000`);
        expect(address.postalCode).toMatch(/^\d{9}$/);
        if (address.line2 !== null) {
          expect(address.line2).toMatch(/^Suite \d{3}$/);
          suites += 1;
        }
      }
    }
    // Both shapes occur, so consumers are exercised with and without a second line.
    expect(suites).toBeGreaterThan(0);
    expect(suites).toBeLessThan(Object.keys(SYNTHETIC_PLACES).length * 500);
  });
});
