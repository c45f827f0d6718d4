/**
 * @module synthetic/identifiers
 * Identifiers for synthetic data, each drawn from a range that is reserved or never issued, so a synthetic
 * value can never be a real person's or provider's identifier (each constant says why its range is safe).
 * Every generator has an `isSynthetic…` check to go with it.
 */
import { isValidNpi, npiCheckDigit } from '../shared/npi.js';
import type { PersonName } from './names.js';
import { mix32, type Rng } from './prng.js';

/**
 * First digit of every synthetic NPI. NPPES issues NPIs that begin with 1 or 2 only, so a 10-digit number with a
 * valid check digit that begins with 9 passes format checks but can never be a real provider's NPI.
 */
export const SYNTHETIC_NPI_PREFIX = '9';

/**
 * A synthetic National Provider Identifier: `9`, eight random digits, then the NPI check digit.
 *
 * @param rng - the stream to draw from.
 * @example
 * syntheticNpi(rng); // e.g. '9123456782'; isValidNpi(...) is true
 */
export function syntheticNpi(rng: Rng): string {
  const firstNine = SYNTHETIC_NPI_PREFIX + rng.digits(8);
  return firstNine + String(npiCheckDigit(firstNine));
}

/**
 * True when `value` is a valid NPI in the synthetic (9-prefixed) range.
 *
 * @param value - the candidate NPI.
 */
export function isSyntheticNpi(value: string): boolean {
  return value.startsWith(SYNTHETIC_NPI_PREFIX) && isValidNpi(value);
}

/**
 * Exchange and lowest line of synthetic phone numbers: 555-0100 through 555-0199 are reserved by the North
 * American Numbering Plan Administrator for fictional use in every area code, so they never ring anyone.
 */
export const FICTIONAL_PHONE_EXCHANGE = '555';
const FICTIONAL_LINE_MIN = 100;
const FICTIONAL_LINE_MAX = 199;
const AREA_CODE_PATTERN = /^[2-9]\d{2}$/;
const SYNTHETIC_PHONE_PATTERN = /^[2-9]\d{2}55501\d{2}$/;

/**
 * A synthetic US phone number as ten digits, `NPA5550100`–`NPA5550199` (e.g. `'5105550142'`).
 *
 * @param rng - the stream to draw from.
 * @param areaCode - three digits, first 2–9; a random well-formed area code when omitted.
 * @throws RangeError when `areaCode` is not a well-formed area code.
 */
export function syntheticPhone(rng: Rng, areaCode?: string): string {
  let npa = areaCode;
  if (npa === undefined) {
    // NANP area codes: first digit 2-9, second not 9 (reserved for expansion), and not N11 (service codes).
    do {
      npa = `${rng.int(2, 9)}${rng.int(0, 8)}${rng.int(0, 9)}`;
    } while (npa.endsWith('11'));
  } else if (!AREA_CODE_PATTERN.test(npa)) {
    throw new RangeError(`area code must be three digits starting 2-9, got '${npa}'`);
  }
  const line = String(rng.int(FICTIONAL_LINE_MIN, FICTIONAL_LINE_MAX)).padStart(4, '0');
  return `${npa}${FICTIONAL_PHONE_EXCHANGE}${line}`;
}

/**
 * True when `value` is ten digits in the fictional 555-0100..555-0199 range of some area code.
 *
 * @param value - the candidate phone number, digits only.
 */
export function isSyntheticPhone(value: string): boolean {
  return SYNTHETIC_PHONE_PATTERN.test(value);
}

/**
 * Domain of the demo logins. `.test` is reserved for testing (RFC 6761 §6.2) and never resolves on the public
 * internet, so mail to these addresses cannot reach anyone.
 */
export const DEMO_EMAIL_DOMAIN = 'demo.peerline.test';
/** Domain reserved for documentation (RFC 2606 §3); it and its subdomains are also accepted. */
export const EXAMPLE_EMAIL_DOMAIN = 'example.org';
const LOCAL_PART_PATTERN = /^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$/;

/**
 * True when mail to `domain` cannot reach a real mailbox: the `.test` TLD, or `example.org` and its subdomains.
 *
 * @param domain - the part after `@`.
 */
export function isSyntheticEmailDomain(domain: string): boolean {
  const lower = domain.toLowerCase();
  return (
    (lower.endsWith('.test') && lower.length > '.test'.length) ||
    lower === EXAMPLE_EMAIL_DOMAIN ||
    lower.endsWith(`.${EXAMPLE_EMAIL_DOMAIN}`)
  );
}

/**
 * True when `value` is an address at a synthetic domain (see {@link isSyntheticEmailDomain}).
 *
 * @param value - the candidate email address.
 */
export function isSyntheticEmail(value: string): boolean {
  const at = value.lastIndexOf('@');
  return at > 0 && isSyntheticEmailDomain(value.slice(at + 1));
}

/**
 * `localPart@domain`, refusing any domain that could deliver mail.
 *
 * @param localPart - lower-case letters, digits, `.`, `_` or `-`, not starting or ending with punctuation.
 * @param domain - a synthetic domain; {@link DEMO_EMAIL_DOMAIN} by default.
 * @throws RangeError when the local part is malformed or the domain is not synthetic.
 * @example
 * syntheticEmailAddress('admin'); // 'admin@demo.peerline.test'
 */
export function syntheticEmailAddress(localPart: string, domain: string = DEMO_EMAIL_DOMAIN): string {
  if (!LOCAL_PART_PATTERN.test(localPart)) {
    throw new RangeError(
      `email local part '${localPart}' must be lower-case letters, digits, '.', '_' or '-'`,
    );
  }
  if (!isSyntheticEmailDomain(domain)) {
    throw new RangeError(`email domain '${domain}' is not reserved (use *.test or example.org)`);
  }
  return `${localPart}@${domain.toLowerCase()}`;
}

function emailSlug(text: string): string {
  return text
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * `given.family@domain` for a synthetic person, with an optional suffix to keep addresses unique.
 *
 * @param name - the person's name.
 * @param options - `domain` (default {@link DEMO_EMAIL_DOMAIN}) and `suffix` appended to the local part.
 * @throws RangeError when the domain is not synthetic.
 * @example
 * syntheticEmail({ givenName: 'Imani', familyName: 'Nakamura' }, { suffix: 2 }); // 'imani.nakamura2@demo.peerline.test'
 */
export function syntheticEmail(
  name: PersonName,
  options: { domain?: string; suffix?: string | number } = {},
): string {
  const localPart = `${emailSlug(name.givenName)}.${emailSlug(name.familyName)}${options.suffix ?? ''}`;
  return syntheticEmailAddress(localPart, options.domain);
}

/**
 * Prefix of synthetic Employer Identification Numbers. The first two digits of an EIN are an IRS prefix; `00`
 * has never been assigned to any IRS campus or online application, so no real EIN begins with it.
 */
export const SYNTHETIC_EIN_PREFIX = '00';
const SYNTHETIC_EIN_PATTERN = /^00\d{7}$/;

/**
 * A synthetic EIN (tax id) as nine digits, `00` then seven random digits (printed form `00-1234567`).
 *
 * @param rng - the stream to draw from.
 */
export function syntheticEin(rng: Rng): string {
  return SYNTHETIC_EIN_PREFIX + rng.digits(7);
}

/**
 * True when `value` is nine digits beginning `00`.
 *
 * @param value - the candidate EIN, digits only.
 */
export function isSyntheticEin(value: string): boolean {
  return SYNTHETIC_EIN_PATTERN.test(value);
}

/**
 * Prefix of synthetic Medicaid member ids. Real formats differ by state (Medi-Cal's CIN, North Carolina's
 * Medicaid ID and Kansas' beneficiary number are digits, some with a trailing letter); none begins with two
 * letters, so `ZZ` marks an id as synthetic at a glance and it cannot match a real member.
 *
 * Pattern: `ZZ` + the two-letter state code + 8 digits, e.g. `ZZCA04718265` (12 characters).
 */
export const SYNTHETIC_MEDICAID_ID_PREFIX = 'ZZ';
const MEDICAID_ID_DIGITS = 8;
const MEDICAID_ID_SPACE = 10 ** MEDICAID_ID_DIGITS;
const MEDICAID_HALF_SPACE = 10 ** (MEDICAID_ID_DIGITS / 2);
const FEISTEL_ROUNDS = 4;
const STATE_PATTERN = /^[A-Z]{2}$/;
const SYNTHETIC_MEDICAID_ID_PATTERN = /^ZZ[A-Z]{2}\d{8}$/;

function assertState(state: string): void {
  if (!STATE_PATTERN.test(state)) {
    throw new RangeError(`state must be a two-letter upper-case code such as 'CA', got '${state}'`);
  }
}

/**
 * A random synthetic Medicaid member id for `state` (see {@link SYNTHETIC_MEDICAID_ID_PREFIX}). Random ids can
 * repeat in large sets; use {@link syntheticMedicaidIdAt} when ids must be unique.
 *
 * @param rng - the stream to draw from.
 * @param state - two-letter upper-case state code, e.g. `'CA'`.
 * @throws RangeError when `state` is malformed.
 */
export function syntheticMedicaidId(rng: Rng, state: string): string {
  assertState(state);
  return SYNTHETIC_MEDICAID_ID_PREFIX + state + rng.digits(MEDICAID_ID_DIGITS);
}

/**
 * The synthetic Medicaid member id of item `index` in `stream`: unique per (stream, state) for every index below
 * 10^8, and scattered rather than sequential. Uses only `stream.key`, never its draws, so it is O(1) and does not
 * disturb other values drawn from the stream.
 *
 * The 8 digits are a keyed 4-round Feistel permutation of `index` over two 4-digit halves, which is a bijection
 * on [0, 10^8).
 *
 * @param stream - identifies the data set, e.g. `createRng(seed).fork('members')`.
 * @param state - two-letter upper-case state code.
 * @param index - a non-negative integer below 10^8.
 * @throws RangeError when `state` or `index` is out of range.
 */
export function syntheticMedicaidIdAt(stream: Rng, state: string, index: number): string {
  assertState(state);
  if (!Number.isInteger(index) || index < 0 || index >= MEDICAID_ID_SPACE) {
    throw new RangeError(`index must be an integer in [0, ${MEDICAID_ID_SPACE}), got ${index}`);
  }
  let left = Math.floor(index / MEDICAID_HALF_SPACE);
  let right = index % MEDICAID_HALF_SPACE;
  for (let round = 0; round < FEISTEL_ROUNDS; round += 1) {
    const roundKey = mix32(stream.key + round * 0x9e3779b9);
    const mixed = (left + (mix32(roundKey ^ right) % MEDICAID_HALF_SPACE)) % MEDICAID_HALF_SPACE;
    left = right;
    right = mixed;
  }
  const digits = String(left * MEDICAID_HALF_SPACE + right).padStart(MEDICAID_ID_DIGITS, '0');
  return SYNTHETIC_MEDICAID_ID_PREFIX + state + digits;
}

/**
 * True when `value` has the synthetic Medicaid id pattern `ZZ` + state + 8 digits.
 *
 * @param value - the candidate member id.
 */
export function isSyntheticMedicaidId(value: string): boolean {
  return SYNTHETIC_MEDICAID_ID_PATTERN.test(value);
}
