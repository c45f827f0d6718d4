/**
 * @module synthetic/addresses
 * Synthetic street addresses in real places. City, state and 5-digit ZIP are real, because programs need a real
 * jurisdiction and time zone; the street is made up from words such as "Example" and "Placeholder" so that the
 * full address names no real building. The ZIP+4 add-on is always `0000`, which USPS does not assign to a
 * delivery point, so the 9-digit code is well-formed but points nowhere.
 */
import type { Address } from '../shared/api/organisation.js';
import type { Rng } from './prng.js';

/** A real city used to place synthetic addresses, with what programs located there need. */
export interface SyntheticPlace {
  city: string;
  /** Two-letter state code. */
  state: string;
  /** A real 5-digit ZIP code in the city (its downtown). */
  zip5: string;
  /** IANA time zone of the city. */
  timeZone: string;
  /** A real area code of the city, for synthetic 555-01xx phone numbers. */
  areaCode: string;
}

/** The places used by the demo jurisdictions. */
export const SYNTHETIC_PLACES = {
  oakland: {
    city: 'Oakland',
    state: 'CA',
    zip5: '94612',
    timeZone: 'America/Los_Angeles',
    areaCode: '510',
  },
  losAngeles: {
    city: 'Los Angeles',
    state: 'CA',
    zip5: '90012',
    timeZone: 'America/Los_Angeles',
    areaCode: '213',
  },
  raleigh: { city: 'Raleigh', state: 'NC', zip5: '27601', timeZone: 'America/New_York', areaCode: '919' },
  durham: { city: 'Durham', state: 'NC', zip5: '27701', timeZone: 'America/New_York', areaCode: '919' },
  wichita: { city: 'Wichita', state: 'KS', zip5: '67202', timeZone: 'America/Chicago', areaCode: '316' },
  topeka: { city: 'Topeka', state: 'KS', zip5: '66603', timeZone: 'America/Chicago', areaCode: '785' },
} as const satisfies Record<string, SyntheticPlace>;

/** ZIP+4 add-on of every synthetic address (never assigned to a delivery point). */
export const SYNTHETIC_ZIP4_ADD_ON = '0000';

/** Made-up street names: words that announce the address as an example. */
export const FICTIONAL_STREET_NAMES: readonly string[] = [
  'Example',
  'Sample',
  'Placeholder',
  'Demo',
  'Synthetic',
  'Fictional',
  'Specimen',
  'Prototype',
  'Mockup',
  'Testbed',
];

/** Street suffixes combined with {@link FICTIONAL_STREET_NAMES}. */
export const STREET_SUFFIXES: readonly string[] = [
  'Way',
  'Lane',
  'Court',
  'Avenue',
  'Street',
  'Road',
  'Place',
  'Drive',
];

const STREET_NUMBER_MIN = 100;
const STREET_NUMBER_MAX = 9999;
const SUITE_CHANCE = 0.5;
const SUITE_MIN = 100;
const SUITE_MAX = 499;

/**
 * A fictional street line such as `'100 Example Way'`.
 *
 * @param rng - the stream to draw from.
 */
export function syntheticStreetLine(rng: Rng): string {
  const number = rng.int(STREET_NUMBER_MIN, STREET_NUMBER_MAX);
  return `${number} ${rng.pick(FICTIONAL_STREET_NAMES)} ${rng.pick(STREET_SUFFIXES)}`;
}

/**
 * A synthetic address in `place`: a fictional street line, a suite half of the time, and the place's real
 * 5-digit ZIP plus {@link SYNTHETIC_ZIP4_ADD_ON} as a 9-digit postal code.
 *
 * @param rng - the stream to draw from.
 * @param place - the real city, e.g. `SYNTHETIC_PLACES.oakland`.
 * @example
 * syntheticAddress(rng, SYNTHETIC_PLACES.oakland);
 * // { line1: '2417 Sample Court', line2: 'Suite 210', city: 'Oakland', state: 'CA', postalCode: '946120000' }
 */
export function syntheticAddress(rng: Rng, place: SyntheticPlace): Address {
  const line1 = syntheticStreetLine(rng);
  const line2 = rng.chance(SUITE_CHANCE) ? `Suite ${rng.int(SUITE_MIN, SUITE_MAX)}` : null;
  return {
    line1,
    line2,
    city: place.city,
    state: place.state,
    postalCode: place.zip5 + SYNTHETIC_ZIP4_ADD_ON,
  };
}
