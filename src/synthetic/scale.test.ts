/**
 * @module synthetic/scale.test
 * Generation stays cheap enough for the planned benchmark data set (1,000,000 notes for 50,000 members).
 * No timing assertion: the test only has to finish.
 */
import { describe, expect, it } from 'vitest';
import { isValidNpi } from '../shared/npi.js';
import { syntheticDateOfBirth } from './dates.js';
import { syntheticMedicaidIdAt, syntheticNpi } from './identifiers.js';
import { syntheticPersonName } from './names.js';
import { createRng } from './prng.js';

const ITEMS = 1_000_000;

describe('generation at scale', () => {
  it('produces 1,000,000 names and ids by index', () => {
    const members = createRng('scale').fork('members');
    let produced = 0;
    let lastNpi = '';
    for (let index = 0; index < ITEMS; index += 1) {
      const rng = members.at(index);
      const name = syntheticPersonName(rng);
      const medicaidId = syntheticMedicaidIdAt(members, 'CA', index);
      const dateOfBirth = syntheticDateOfBirth(rng, { minAge: 18, maxAge: 80, onDate: '2025-07-01' });
      lastNpi = syntheticNpi(rng);
      if (name.givenName !== '' && medicaidId.length === 12 && dateOfBirth.length === 10) {
        produced += 1;
      }
    }
    expect(produced).toBe(ITEMS);
    expect(isValidNpi(lastNpi)).toBe(true);
  }, 120_000);
});
