/**
 * `isKnownPlaceOfService` reads a table by the code's digits; it must answer exactly as a lookup in the code set.
 */
import { describe, expect, it } from 'vitest';
import { PLACES_OF_SERVICE, isKnownPlaceOfService } from './place-of-service.js';

describe('isKnownPlaceOfService', () => {
  it('knows every code in the CMS set', () => {
    for (const code of Object.keys(PLACES_OF_SERVICE)) {
      expect(isKnownPlaceOfService(code)).toBe(true);
    }
  });

  it('answers as the code set does for every string of up to three characters drawn from digits and others', () => {
    const characters = ['0', '1', '2', '5', '9', '/', ':', 'a', ' ', '٣'];
    const candidates = [''];
    for (const first of characters) {
      candidates.push(first);
      for (const second of characters) {
        candidates.push(first + second);
        for (const third of characters) {
          candidates.push(first + second + third);
        }
      }
    }
    for (let number = 0; number < 100; number += 1) {
      candidates.push(String(number).padStart(2, '0'), String(number));
    }
    candidates.push('__proto__', 'constructor', 'toString', '1e1', '0x1');
    for (const code of candidates) {
      expect(isKnownPlaceOfService(code), code).toBe(Object.hasOwn(PLACES_OF_SERVICE, code));
    }
  });
});
