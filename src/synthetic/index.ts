/**
 * @module synthetic
 * Synthetic data for demos, tests and benchmarks. Everything here is pure: no I/O, no clock, no `Math.random`.
 * All output derives from a seed, so the same seed always yields identical data. Identifiers come from reserved
 * or never-issued ranges (9-prefixed NPIs, 555-01xx phones, `.test` / example.org emails, `00` EINs, `ZZ`
 * Medicaid ids, fictional streets with ZIP+4 `0000`), so nothing generated can be a real person's.
 *
 * Large data sets are generated item by item in O(1): take a named fork for the kind of data, then `.at(index)`.
 *
 * @example
 * import { createRng, syntheticPersonName, syntheticMedicaidIdAt } from './synthetic/index.js';
 * const members = createRng('bench-1').fork('members');
 * for (let index = 0; index < 50_000; index += 1) {
 *   const name = syntheticPersonName(members.at(index));
 *   const medicaidId = syntheticMedicaidIdAt(members, 'CA', index); // unique per index
 * }
 */
export { createRng, hashSeed, Rng, type Seed } from './prng.js';
export {
  FAMILY_NAMES,
  FAMOUS_NAME_COMBINATIONS,
  GIVEN_NAMES,
  formatDisplayName,
  isFamousCombination,
  syntheticPersonName,
  type PersonName,
} from './names.js';
export {
  DEMO_EMAIL_DOMAIN,
  EXAMPLE_EMAIL_DOMAIN,
  FICTIONAL_PHONE_EXCHANGE,
  SYNTHETIC_EIN_PREFIX,
  SYNTHETIC_MEDICAID_ID_PREFIX,
  SYNTHETIC_NPI_PREFIX,
  isSyntheticEin,
  isSyntheticEmail,
  isSyntheticEmailDomain,
  isSyntheticMedicaidId,
  isSyntheticNpi,
  isSyntheticPhone,
  syntheticEin,
  syntheticEmail,
  syntheticEmailAddress,
  syntheticMedicaidId,
  syntheticMedicaidIdAt,
  syntheticNpi,
  syntheticPhone,
} from './identifiers.js';
export {
  FICTIONAL_STREET_NAMES,
  STREET_SUFFIXES,
  SYNTHETIC_PLACES,
  SYNTHETIC_ZIP4_ADD_ON,
  syntheticAddress,
  syntheticStreetLine,
  type SyntheticPlace,
} from './addresses.js';
export { ageOn, syntheticDateOfBirth, type DateOfBirthOptions } from './dates.js';
export {
  DEMO_JURISDICTIONS,
  DEMO_NAME_SUFFIX,
  DEMO_SEED,
  TAXONOMY_MENTAL_HEALTH_CLINIC,
  TAXONOMY_SUD_REHABILITATION_CLINIC,
  demoOrganisation,
  demoUsers,
  type DemoJurisdiction,
  type SyntheticOrganisation,
  type SyntheticProgram,
  type SyntheticUser,
} from './demo.js';
