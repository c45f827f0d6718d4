/**
 * @module synthetic/demo
 * The demo organisation and its users: one program per seed jurisdiction and one login per role, all synthetic.
 *
 * Stream layout (keep it stable; add new kinds of data as new forks, never by drawing more from an existing
 * stream): `organisation`, `programs` → one fork per jurisdiction id, `users` → one fork per role.
 */
import type { Program } from '../shared/api/organisation.js';
import type { PayerPackId, ProgramType } from '../shared/programs.js';
import { ROLES, type Role } from '../shared/roles.js';
import { SYNTHETIC_PLACES, syntheticAddress, type SyntheticPlace } from './addresses.js';
import { syntheticEin, syntheticEmailAddress, syntheticNpi, syntheticPhone } from './identifiers.js';
import { formatDisplayName, syntheticPersonName } from './names.js';
import { createRng, type Seed } from './prng.js';

/** Default seed of {@link demoOrganisation} and {@link demoUsers}. */
export const DEMO_SEED = 'peerline-demo';

/**
 * Billing taxonomy of a mental health outpatient program: 261QM0801X, "Clinic/Center — Mental Health (Including
 * Community Mental Health Center)".
 */
export const TAXONOMY_MENTAL_HEALTH_CLINIC = '261QM0801X';
/**
 * Billing taxonomy of a DMC-ODS outpatient program: 261QR0405X, "Clinic/Center — Rehabilitation, Substance Use
 * Disorder".
 */
export const TAXONOMY_SUD_REHABILITATION_CLINIC = '261QR0405X';

/** A program as the store creates it: the shared `Program` without its database id. */
export type SyntheticProgram = Omit<Program, 'id'>;

/** The demo organisation with its programs. */
export interface SyntheticOrganisation {
  /** Display name, always ending in "(demo)". */
  name: string;
  /** Employer Identification Number, nine digits beginning `00`. */
  taxId: string;
  /** Contact phone, ten digits in the fictional 555-01xx range. */
  phone: string;
  /** Exactly one program per entry of {@link DEMO_JURISDICTIONS}, in that order. */
  programs: SyntheticProgram[];
}

/** A demo login. Its password is not generated here: it comes from a CSPRNG in the service layer. */
export interface SyntheticUser {
  /** `role@demo.peerline.test`, so printed logins are easy to read. */
  email: string;
  displayName: string;
  /** Exactly one role. */
  roles: Role[];
}

/** A seed jurisdiction: where a demo program sits and which payer rule packs it bills under. */
export interface DemoJurisdiction {
  /** Stable id; also the name of the program's PRNG fork. */
  id: string;
  label: string;
  programType: ProgramType;
  /** Name of the program after its city, e.g. "Oakland Mental Health Peer Support". */
  programLabel: string;
  taxonomy: string;
  payerPacks: readonly PayerPackId[];
  /** Candidate cities; one is chosen per seed. */
  places: readonly SyntheticPlace[];
}

/** The seed jurisdictions, one demo program each. */
export const DEMO_JURISDICTIONS: readonly DemoJurisdiction[] = [
  {
    id: 'ca-alameda',
    label: 'California DHCS / Alameda County Behavioral Health',
    programType: 'mh_outpatient',
    programLabel: 'Mental Health Peer Support',
    taxonomy: TAXONOMY_MENTAL_HEALTH_CLINIC,
    payerPacks: ['ca-dhcs', 'ca-acbhd'],
    places: [SYNTHETIC_PLACES.oakland],
  },
  {
    // LA County SAPC's DMC-ODS rules layer on the statewide DHCS rules, so both packs apply.
    id: 'ca-la-sapc',
    label: 'Los Angeles County SAPC (DMC-ODS)',
    programType: 'dmc_ods_outpatient',
    programLabel: 'Recovery Peer Support (DMC-ODS)',
    taxonomy: TAXONOMY_SUD_REHABILITATION_CLINIC,
    payerPacks: ['ca-dhcs', 'ca-la-sapc'],
    places: [SYNTHETIC_PLACES.losAngeles],
  },
  {
    id: 'nc',
    label: 'North Carolina Medicaid (WellCare)',
    programType: 'mh_outpatient',
    programLabel: 'Mental Health Peer Support',
    taxonomy: TAXONOMY_MENTAL_HEALTH_CLINIC,
    payerPacks: ['nc-wellcare'],
    places: [SYNTHETIC_PLACES.raleigh, SYNTHETIC_PLACES.durham],
  },
  {
    id: 'ks',
    label: 'Kansas Medicaid (PAHP)',
    programType: 'mh_outpatient',
    programLabel: 'Mental Health Peer Support',
    taxonomy: TAXONOMY_MENTAL_HEALTH_CLINIC,
    payerPacks: ['ks-pahp'],
    places: [SYNTHETIC_PLACES.wichita, SYNTHETIC_PLACES.topeka],
  },
];

const ORGANISATION_NAME_STEMS: readonly string[] = [
  'Harbor Light',
  'Bright Path',
  'Open Door',
  'Steady Ground',
  'Common Thread',
  'Lantern House',
  'Riverbend',
  'Cedar Bridge',
  'Morning Table',
  'Kindred Road',
];
const ORGANISATION_NAME_KINDS: readonly string[] = [
  'Peer Collective',
  'Peer Support Network',
  'Recovery Peers',
  'Peer Alliance',
];
/** Marks every demo organisation's name. */
export const DEMO_NAME_SUFFIX = '(demo)';
/** The organisation's contact phone uses the area code of its headquarters. */
const HEADQUARTERS = SYNTHETIC_PLACES.oakland;

/**
 * The synthetic demo organisation for `seed`: a name ending in "(demo)", a synthetic EIN and phone, and exactly
 * one program per {@link DEMO_JURISDICTIONS} entry, in that order, with distinct synthetic NPIs.
 *
 * @param seed - the data set's seed; {@link DEMO_SEED} by default.
 * @example
 * demoOrganisation().programs.map((program) => program.payerPacks);
 * // [['ca-dhcs', 'ca-acbhd'], ['ca-dhcs', 'ca-la-sapc'], ['nc-wellcare'], ['ks-pahp']]
 */
export function demoOrganisation(seed: Seed = DEMO_SEED): SyntheticOrganisation {
  const root = createRng(seed);
  const organisationRng = root.fork('organisation');
  const name = `${organisationRng.pick(ORGANISATION_NAME_STEMS)} ${organisationRng.pick(ORGANISATION_NAME_KINDS)} ${DEMO_NAME_SUFFIX}`;
  const taxId = syntheticEin(organisationRng);
  const phone = syntheticPhone(organisationRng, HEADQUARTERS.areaCode);

  const programsRng = root.fork('programs');
  const usedNpis = new Set<string>();
  const programs = DEMO_JURISDICTIONS.map((jurisdiction): SyntheticProgram => {
    const rng = programsRng.fork(jurisdiction.id);
    const place = rng.pick(jurisdiction.places);
    let npi = syntheticNpi(rng);
    while (usedNpis.has(npi)) {
      npi = syntheticNpi(rng);
    }
    usedNpis.add(npi);
    return {
      name: `${place.city} ${jurisdiction.programLabel}`,
      type: jurisdiction.programType,
      npi,
      taxonomy: jurisdiction.taxonomy,
      address: syntheticAddress(rng, place),
      timeZone: place.timeZone,
      payerPacks: [...jurisdiction.payerPacks],
    };
  });

  return { name, taxId, phone, programs };
}

/**
 * One synthetic login per role, in {@link ROLES} order, with the role as the email's local part
 * (`admin@demo.peerline.test`) and distinct synthetic display names.
 *
 * @param seed - the data set's seed; {@link DEMO_SEED} by default.
 */
export function demoUsers(seed: Seed = DEMO_SEED): SyntheticUser[] {
  const usersRng = createRng(seed).fork('users');
  const usedNames = new Set<string>();
  return ROLES.map((role): SyntheticUser => {
    const rng = usersRng.fork(role);
    let displayName = formatDisplayName(syntheticPersonName(rng));
    while (usedNames.has(displayName)) {
      displayName = formatDisplayName(syntheticPersonName(rng));
    }
    usedNames.add(displayName);
    return { email: syntheticEmailAddress(role), displayName, roles: [role] };
  });
}
