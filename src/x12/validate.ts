/**
 * @module x12/validate
 * Every check the 837P writer makes before it writes a single character. A payer's front end rejects a whole
 * file for one bad value, and some problems (a wrong NPI check digit, a pointer to a diagnosis that is not there)
 * pass generic X12 validators unnoticed, so the writer refuses the batch instead and says what to fix, one
 * problem per fault, each with the path of the field and the guide's loop and element as its source.
 */
import { isCalendarDate, isKnownPlaceOfService } from '../engine/index.js';
import { isValidNpi, type Problem } from '../shared/index.js';
import {
  CLAIM_FREQUENCY_CODES,
  GENDER_CODES,
  INTERCHANGE_ID_QUALIFIERS,
  type Address,
  type Batch837,
  type Claim837,
  type RenderingProvider837,
  type ServiceLine837,
  type Subscriber837,
} from './types.js';
import {
  cleanCode,
  cleanText,
  describeCharacter,
  digitsOf,
  forbiddenCharacter,
  hasOnlyAllowedCharacters,
  isClockTime,
  isDigits,
} from './values.js';

/** Stable codes of the problems the writer reports. */
export const X12_PROBLEM_CODES = {
  required: 'x12.value.required',
  characters: 'x12.value.characters',
  length: 'x12.value.length',
  qualifier: 'x12.interchange.qualifier',
  controlNumber: 'x12.interchange.control_number',
  date: 'x12.date.invalid',
  time: 'x12.time.invalid',
  serviceAfterCreation: 'x12.date.after_creation',
  serviceBeforeBirth: 'x12.date.before_birth',
  npi: 'x12.npi.invalid',
  taxonomy: 'x12.taxonomy.invalid',
  taxId: 'x12.tax_id.invalid',
  state: 'x12.address.state',
  postalCode: 'x12.address.postal_code',
  contact: 'x12.contact.missing',
  phone: 'x12.contact.phone',
  noClaims: 'x12.batch.no_claims',
  duplicateClaimId: 'x12.claim.duplicate_id',
  frequency: 'x12.claim.frequency',
  originalReferenceMissing: 'x12.claim.original_reference_missing',
  originalReferenceUnexpected: 'x12.claim.original_reference_unexpected',
  placeOfService: 'x12.claim.place_of_service',
  noDiagnosis: 'x12.claim.no_diagnosis',
  tooManyDiagnoses: 'x12.claim.too_many_diagnoses',
  diagnosis: 'x12.claim.diagnosis',
  noLines: 'x12.claim.no_lines',
  tooManyLines: 'x12.claim.too_many_lines',
  gender: 'x12.subscriber.gender',
  subscriberMismatch: 'x12.subscriber.mismatch',
  procedureCode: 'x12.line.procedure_code',
  modifier: 'x12.line.modifier',
  tooManyModifiers: 'x12.line.too_many_modifiers',
  charge: 'x12.line.charge',
  units: 'x12.line.units',
  pointer: 'x12.line.diagnosis_pointer',
  duplicateLineControlNumber: 'x12.line.duplicate_control_number',
} as const;
export type X12ProblemCode = (typeof X12_PROBLEM_CODES)[keyof typeof X12_PROBLEM_CODES];

/** Limits from the guide (and two of Peerline's own, marked). */
export const X12_LIMITS = {
  /** 2400 loop repeat. */
  linesPerClaim: 50,
  /** HI01–HI12. */
  diagnosesPerClaim: 12,
  /** SV101-3..SV101-6. */
  modifiersPerLine: 4,
  /** SV107-1..SV107-4. */
  pointersPerLine: 4,
  /** CLM01 allows 38, but receivers need only keep 20 (TR3 CLM01 note), and the 835 echoes what they kept. */
  claimIdLength: 20,
  /** ISA13 and GS06 are at most nine digits. */
  maxControlNumber: 999_999_999,
  /** Peerline's own ceiling on SV104, far above any day of peer support, to catch a minutes-for-units slip. */
  maxUnits: 9_999,
} as const;

const GUIDE = 'ASC X12 005010X222A1';
const PEERLINE = 'peerline-x12';

const NPI_PATTERN = /^\d{10}$/;
const TAXONOMY_PATTERN = /^\d{3}[0-9A-Z]{6}X$/;
const STATE_PATTERN = /^[A-Z]{2}$/;
const PROCEDURE_PATTERN = /^[A-Z0-9]\d{3}[A-Z0-9]$/;
const MODIFIER_PATTERN = /^[A-Z0-9]{2}$/;
const ICD10_PATTERN = /^[A-Z]\d[0-9A-Z][0-9A-Z]{0,4}$/i;
const ICD10_DOT_PATTERN = /^[A-Za-z]\d[0-9A-Za-z]\.[0-9A-Za-z]{1,4}$/;
const PLACE_OF_SERVICE_PATTERN = /^\d{2}$/;
const SPACE = 32;

type Path = Problem['path'];
type PathKey = Path[number];

/** Free text is cleaned (see values.ts) before it is checked; identifiers are only trimmed. */
type TextKind = 'text' | 'id';

interface TextRule {
  /** Plain name of the field for messages, e.g. "the member id". */
  readonly label: string;
  /** Loop and element, for the problem's source. */
  readonly section: string;
  readonly kind: TextKind;
  readonly min?: number;
  readonly max: number;
}

/** How each text field is checked: its name in messages, its element, how it is cleaned and its length. */
const TEXT_RULES = {
  line1: { label: 'the street address', section: 'N301', kind: 'text', max: 55 },
  line2: { label: 'the second address line', section: 'N302', kind: 'text', max: 55 },
  city: { label: 'the city', section: 'N401', kind: 'text', min: 2, max: 30 },
  interchangeSenderId: { label: 'the interchange sender id', section: 'ISA06', kind: 'id', max: 15 },
  interchangeReceiverId: { label: 'the interchange receiver id', section: 'ISA08', kind: 'id', max: 15 },
  batchId: { label: 'the batch id', section: 'BHT03', kind: 'id', max: 40 },
  submitterName: { label: "the submitter's name", section: '1000A NM103', kind: 'text', max: 60 },
  submitterId: { label: "the submitter's id", section: '1000A NM109', kind: 'id', min: 2, max: 80 },
  contactName: { label: "the submitter contact's name", section: '1000A PER02', kind: 'text', max: 60 },
  contactEmail: { label: 'the contact email', section: '1000A PER04', kind: 'id', max: 256 },
  receiverName: { label: "the receiver's name", section: '1000B NM103', kind: 'text', max: 60 },
  receiverCode: { label: "the receiver's id", section: '1000B NM109', kind: 'id', min: 2, max: 80 },
  billingName: { label: "the billing provider's name", section: '2010AA NM103', kind: 'text', max: 60 },
  payerName: { label: "the payer's name", section: '2010BB NM103', kind: 'text', max: 60 },
  payerId: { label: 'the payer id', section: '2010BB NM109', kind: 'id', min: 2, max: 80 },
  claimId: { label: 'the claim id', section: '2300 CLM01', kind: 'id', max: X12_LIMITS.claimIdLength },
  originalClaimReference: {
    label: 'the original claim reference',
    section: '2300 REF02 (F8)',
    kind: 'id',
    max: 50,
  },
  priorAuthorization: {
    label: 'the prior authorization number',
    section: '2300 REF02 (G1)',
    kind: 'id',
    max: 50,
  },
  renderingLast: {
    label: "the rendering provider's last name",
    section: '2310B NM103',
    kind: 'text',
    max: 60,
  },
  renderingFirst: {
    label: "the rendering provider's first name",
    section: '2310B NM104',
    kind: 'text',
    max: 35,
  },
  memberId: { label: 'the Medicaid member id', section: '2010BA NM109', kind: 'id', min: 2, max: 80 },
  memberLast: { label: "the member's last name", section: '2010BA NM103', kind: 'text', max: 60 },
  memberFirst: { label: "the member's first name", section: '2010BA NM104', kind: 'text', max: 35 },
  memberMiddle: { label: "the member's middle name", section: '2010BA NM105', kind: 'text', max: 25 },
  lineControlNumber: { label: 'the line control number', section: '2400 REF02 (6R)', kind: 'id', max: 50 },
} as const satisfies Record<string, TextRule>;

const ADDRESS_RULES = new Map<string, Record<'line1' | 'line2' | 'city', TextRule>>();

/** The address rules with the loop in their section (`2010AA N301`), made once per loop. */
function addressRules(loop: string): Record<'line1' | 'line2' | 'city', TextRule> {
  let rules = ADDRESS_RULES.get(loop);
  if (rules === undefined) {
    const { line1, line2, city } = TEXT_RULES;
    rules = {
      line1: { ...line1, section: `${loop} ${line1.section}` },
      line2: { ...line2, section: `${loop} ${line2.section}` },
      city: { ...city, section: `${loop} ${city.section}` },
    };
    ADDRESS_RULES.set(loop, rules);
  }
  return rules;
}

/**
 * True when `value` is usable exactly as given, checked without allocating: the common case. Anything else (ends
 * to trim, double spaces, accents, bad characters, wrong length) goes through the full check.
 */
function isPlain(value: string, rule: TextRule): boolean {
  const length = value.length;
  return (
    length >= (rule.min ?? 1) &&
    length <= rule.max &&
    value.charCodeAt(0) !== SPACE &&
    value.charCodeAt(length - 1) !== SPACE &&
    hasOnlyAllowedCharacters(value) &&
    (rule.kind === 'id' || !value.includes('  '))
  );
}

/** Collects problems as the batch is walked. */
class Problems {
  readonly list: Problem[] = [];

  add(code: X12ProblemCode, message: string, path: Path, section: string, document: string = GUIDE): void {
    this.list.push({ severity: 'error', code, message, path, source: { document, section } });
  }

  /**
   * Checks a text value; true when it can be written. An optional value that is absent is not a problem.
   * The problem's path is `[...base, key]`, built only when there is a problem: this runs for every claim.
   */
  text(value: string | undefined, base: Path, key: PathKey, rule: TextRule, required = true): boolean {
    if (value !== undefined && isPlain(value, rule)) {
      return true;
    }
    const path = [...base, key];
    const cleaned = value === undefined ? '' : clean(value, rule.kind);
    if (cleaned === '') {
      if (required) {
        this.add(
          X12_PROBLEM_CODES.required,
          `Fill in ${rule.label}; the claim file needs it (${rule.section}).`,
          path,
          rule.section,
        );
      }
      return false;
    }
    const bad = forbiddenCharacter(cleaned);
    if (bad !== undefined) {
      this.add(
        X12_PROBLEM_CODES.characters,
        `Remove ${describeCharacter(bad)} from ${rule.label} "${value}": X12 files can only hold plain ` +
          `letters, digits, spaces and punctuation other than ~ * : ^.`,
        path,
        rule.section,
      );
      return false;
    }
    const min = rule.min ?? 1;
    if (cleaned.length < min || cleaned.length > rule.max) {
      const range = min === rule.max ? `exactly ${min}` : `${min} to ${rule.max}`;
      this.add(
        X12_PROBLEM_CODES.length,
        `Shorten or correct ${rule.label} "${value}": it must be ${range} characters long, not ${cleaned.length}.`,
        path,
        rule.section,
      );
      return false;
    }
    return true;
  }

  npi(value: string, base: Path, key: PathKey, label: string, section: string): void {
    const trimmed = value.trim();
    if (trimmed === '') {
      this.add(X12_PROBLEM_CODES.required, `Fill in ${label}.`, [...base, key], section);
    } else if (!NPI_PATTERN.test(trimmed) || !isValidNpi(trimmed)) {
      this.add(
        X12_PROBLEM_CODES.npi,
        `Correct ${label} "${value}": an NPI is ten digits whose last digit is its check digit, and this one's ` +
          `check digit does not match. Copy it again from NPPES or the provider's records.`,
        [...base, key],
        section,
        'CMS NPI check digit (Luhn with prefix 80840)',
      );
    }
  }

  taxonomy(value: string, base: Path, key: PathKey, label: string, section: string): void {
    if (!TAXONOMY_PATTERN.test(value) && !TAXONOMY_PATTERN.test(cleanCode(value))) {
      const path = [...base, key];
      this.add(
        X12_PROBLEM_CODES.taxonomy,
        `Correct ${label} "${value}": a NUCC taxonomy code is ten characters ending in X, e.g. 175T00000X.`,
        path,
        section,
      );
    }
  }

  date(value: string, base: Path, key: PathKey, label: string, section: string): boolean {
    if (isCalendarDate(value)) {
      return true;
    }
    this.add(
      X12_PROBLEM_CODES.date,
      `Correct ${label} "${value}": it must be a real date written YYYY-MM-DD, e.g. 2026-11-25.`,
      [...base, key],
      section,
    );
    return false;
  }

  address(address: Address, path: Path, section: string, zipPlusFour: boolean): void {
    const { line1, line2, city } = addressRules(section);
    this.text(address.line1, path, 'line1', line1);
    if (address.line2 !== null) {
      this.text(address.line2, path, 'line2', line2, false);
    }
    this.text(address.city, path, 'city', city);
    if (!STATE_PATTERN.test(address.state) && !STATE_PATTERN.test(cleanCode(address.state))) {
      this.add(
        X12_PROBLEM_CODES.state,
        `Correct the state "${address.state}": use its two-letter postal code, e.g. CA.`,
        [...path, 'state'],
        `${section} N402`,
      );
    }
    const zip = digitsOf(address.postalCode);
    const zipOk = isDigits(zip) && (zip.length === 9 || (!zipPlusFour && zip.length === 5));
    if (!zipOk) {
      this.add(
        X12_PROBLEM_CODES.postalCode,
        zipPlusFour
          ? `Give the billing provider's full ZIP+4 instead of "${address.postalCode}": this loop needs nine digits.`
          : `Correct the ZIP code "${address.postalCode}": use five digits or ZIP+4.`,
        [...path, 'postalCode'],
        `${section} N403`,
      );
    }
  }
}

function clean(value: string, kind: TextKind): string {
  switch (kind) {
    case 'text':
      return cleanText(value);
    case 'id':
      return value.trim();
  }
}

function controlNumber(problems: Problems, value: number, path: Path, label: string, section: string): void {
  if (!Number.isSafeInteger(value) || value < 1 || value > X12_LIMITS.maxControlNumber) {
    problems.add(
      X12_PROBLEM_CODES.controlNumber,
      `Use a whole number from 1 to 999999999 for ${label}, not ${value}.`,
      path,
      section,
    );
  }
}

/**
 * Every problem that stops `batch` from being written, in the order of the file; empty when it can be written.
 *
 * @param batch - the batch as the caller would pass it to `write837`
 * @example
 * const problems = validateBatch837(batch);
 * if (problems.length > 0) showProblems(problems); // each has a path such as ['claims', 0, 'lines', 1, 'units']
 */
export function validateBatch837(batch: Batch837): Problem[] {
  const problems = new Problems();
  const { interchange } = batch;
  const path: Path = ['interchange'];

  problems.text(interchange.senderId, path, 'senderId', TEXT_RULES.interchangeSenderId);
  problems.text(interchange.receiverId, path, 'receiverId', TEXT_RULES.interchangeReceiverId);
  for (const key of ['senderQualifier', 'receiverQualifier'] as const) {
    const qualifier = interchange[key];
    if (qualifier !== undefined && !(INTERCHANGE_ID_QUALIFIERS as readonly string[]).includes(qualifier)) {
      problems.add(
        X12_PROBLEM_CODES.qualifier,
        `Use one of ${INTERCHANGE_ID_QUALIFIERS.join(', ')} for the id qualifier, not "${qualifier}".`,
        [...path, key],
        key === 'senderQualifier' ? 'ISA05' : 'ISA07',
      );
    }
  }
  const applicationCodes = [
    { key: 'applicationSenderCode', id: interchange.senderId, section: 'GS02', who: 'sender' },
    { key: 'applicationReceiverCode', id: interchange.receiverId, section: 'GS03', who: 'receiver' },
  ] as const;
  for (const { key, id, section, who } of applicationCodes) {
    const own = interchange[key];
    // Without its own code, GS02/GS03 repeats the ISA id, which may be one character where GS needs two.
    if (own !== undefined || id.trim().length === 1) {
      problems.text(own ?? id, path, key, {
        label: `the application ${who}'s code (the interchange ${who} id when not given)`,
        section,
        kind: 'id',
        min: 2,
        max: 15,
      });
    }
  }
  controlNumber(
    problems,
    interchange.controlNumber,
    [...path, 'controlNumber'],
    'the interchange control number',
    'ISA13',
  );
  controlNumber(
    problems,
    interchange.groupControlNumber,
    [...path, 'groupControlNumber'],
    'the group control number',
    'GS06',
  );
  const createdDateOk = problems.date(
    interchange.createdAt.date,
    [...path, 'createdAt'],
    'date',
    'the creation date',
    'ISA09/GS04/BHT04',
  );
  if (!isClockTime(interchange.createdAt.time)) {
    problems.add(
      X12_PROBLEM_CODES.time,
      `Correct the creation time "${interchange.createdAt.time}": write it HH:MM on the 24-hour clock, e.g. 14:05.`,
      [...path, 'createdAt', 'time'],
      'ISA10/GS05/BHT05',
    );
  }

  problems.text(batch.batchId, [], 'batchId', TEXT_RULES.batchId);

  const { submitter } = batch;
  problems.text(submitter.name, ['submitter'], 'name', TEXT_RULES.submitterName);
  problems.text(submitter.id, ['submitter'], 'id', TEXT_RULES.submitterId);
  problems.text(submitter.contact.name, ['submitter', 'contact'], 'name', TEXT_RULES.contactName);
  const { phone, email } = submitter.contact;
  if ((phone === undefined || phone.trim() === '') && (email === undefined || email.trim() === '')) {
    problems.add(
      X12_PROBLEM_CODES.contact,
      "Give the submitter contact's phone number or email address: the receiver must be able to reach someone.",
      ['submitter', 'contact'],
      '1000A PER03',
    );
  }
  if (phone !== undefined && phone.trim() !== '' && !/^\d{10}$/.test(digitsOf(phone))) {
    problems.add(
      X12_PROBLEM_CODES.phone,
      `Correct the contact phone "${phone}": give ten digits, area code first.`,
      ['submitter', 'contact', 'phone'],
      '1000A PER04',
    );
  }
  if (email !== undefined && email.trim() !== '') {
    problems.text(email, ['submitter', 'contact'], 'email', TEXT_RULES.contactEmail);
  }

  problems.text(batch.receiver.name, ['receiver'], 'name', TEXT_RULES.receiverName);
  problems.text(batch.receiver.id, ['receiver'], 'id', TEXT_RULES.receiverCode);

  const billing = batch.billingProvider;
  problems.text(billing.name, ['billingProvider'], 'name', TEXT_RULES.billingName);
  problems.npi(billing.npi, ['billingProvider'], 'npi', "the billing provider's NPI", '2010AA NM109');
  problems.taxonomy(
    billing.taxonomy,
    ['billingProvider'],
    'taxonomy',
    "the billing provider's taxonomy",
    '2000A PRV03',
  );
  if (!/^\d{9}$/.test(digitsOf(billing.taxId))) {
    problems.add(
      X12_PROBLEM_CODES.taxId,
      `Correct the billing provider's EIN "${billing.taxId}": it is nine digits, e.g. 00-1234567.`,
      ['billingProvider', 'taxId'],
      '2010AA REF02 (EI)',
    );
  }
  problems.address(billing.address, ['billingProvider', 'address'], '2010AA', true);

  problems.text(batch.payer.name, ['payer'], 'name', TEXT_RULES.payerName);
  problems.text(batch.payer.payerId, ['payer'], 'payerId', TEXT_RULES.payerId);
  if (batch.payer.address !== undefined) {
    problems.address(batch.payer.address, ['payer', 'address'], '2010BB', false);
  }

  if (batch.claims.length === 0) {
    problems.add(
      X12_PROBLEM_CODES.noClaims,
      'Add at least one claim: an 837 cannot be empty.',
      ['claims'],
      '2300 CLM',
    );
  }
  const claimIds = new Set<string>();
  const createdDate = createdDateOk ? interchange.createdAt.date : undefined;
  const billingNpi = billing.npi.trim();
  const known: KnownClean = { subscriber: undefined, renderingProviders: new Map() };
  const claims = batch.claims;
  let previous: Claim837 | undefined;
  for (let index = 0; index < claims.length; index += 1) {
    const claim = claims[index] as Claim837;
    validateClaim(problems, claim, ['claims', index], createdDate, billingNpi, previous?.subscriber, known);
    const id = claim.claimId.trim();
    if (claimIds.has(id)) {
      problems.add(
        X12_PROBLEM_CODES.duplicateClaimId,
        `Give claim "${id}" its own patient control number: another claim in this batch already uses it, and ` +
          'the payer matches its answers to claims by this number.',
        ['claims', index, 'claimId'],
        '2300 CLM01',
      );
    }
    claimIds.add(id);
    if (
      previous !== undefined &&
      sameMemberId(previous.subscriber, claim.subscriber) &&
      !sameSubscriber(previous.subscriber, claim.subscriber)
    ) {
      problems.add(
        X12_PROBLEM_CODES.subscriberMismatch,
        `Make the member details of claim "${id}" match the claim before it: both are for member ` +
          `${claim.subscriber.memberId.trim()}, so they share one subscriber loop, but the names, date of birth, ` +
          'gender or address differ.',
        ['claims', index, 'subscriber'],
        '2000B/2010BA',
        PEERLINE,
      );
    }
    previous = claim;
  }
  return problems.list;
}

/**
 * Parties already checked and found clean in this batch. The billing export builds a fresh subscriber and
 * rendering provider object for every claim, so sharing by identity finds nothing there; equal values do. Only
 * clean ones are kept, so skipping a check never hides a problem (a faulty one is checked, and reported, again).
 */
interface KnownClean {
  /** The last subscriber found clean. */
  subscriber: Subscriber837 | undefined;
  /** Rendering providers found clean, by NPI as given. */
  readonly renderingProviders: Map<string, RenderingProvider837>;
}

/** How problems name a claim: by its id when the id itself is fine. Made only when there is a problem. */
function claimName(claim: Claim837, claimIdOk: boolean): string {
  return claimIdOk ? `claim "${claim.claimId.trim()}"` : 'this claim';
}

function validateClaim(
  problems: Problems,
  claim: Claim837,
  path: Path,
  createdDate: string | undefined,
  billingNpi: string,
  previousSubscriber: Subscriber837 | undefined,
  known: KnownClean,
): void {
  const claimIdOk = problems.text(claim.claimId, path, 'claimId', TEXT_RULES.claimId);

  if (!(CLAIM_FREQUENCY_CODES as readonly string[]).includes(claim.frequencyCode)) {
    problems.add(
      X12_PROBLEM_CODES.frequency,
      `Use frequency code 1 (original), 7 (replacement) or 8 (void) for ${claimName(claim, claimIdOk)}, not "${claim.frequencyCode}".`,
      [...path, 'frequencyCode'],
      '2300 CLM05-3',
    );
  } else if (claim.frequencyCode === '1') {
    if (claim.originalClaimReference !== undefined) {
      problems.add(
        X12_PROBLEM_CODES.originalReferenceUnexpected,
        `Remove the original claim reference from ${claimName(claim, claimIdOk)}, or make it a replacement (7) or void (8): an ` +
          'original claim (frequency 1) does not name a prior claim.',
        [...path, 'originalClaimReference'],
        '2300 REF*F8',
      );
    }
  } else if (claim.originalClaimReference === undefined || claim.originalClaimReference.trim() === '') {
    problems.add(
      X12_PROBLEM_CODES.originalReferenceMissing,
      `Give the payer's claim control number of the claim that ${claimName(claim, claimIdOk)} ` +
        `${claim.frequencyCode === '7' ? 'replaces' : 'voids'}: the payer cannot find it without one.`,
      [...path, 'originalClaimReference'],
      '2300 REF*F8',
    );
  } else {
    problems.text(
      claim.originalClaimReference,
      path,
      'originalClaimReference',
      TEXT_RULES.originalClaimReference,
    );
  }

  // Usually a known code as given; only anything else is cleaned before it is judged.
  const placeOfService = isKnownPlaceOfService(claim.placeOfService)
    ? undefined
    : cleanCode(claim.placeOfService);
  if (
    placeOfService !== undefined &&
    (!PLACE_OF_SERVICE_PATTERN.test(placeOfService) || !isKnownPlaceOfService(placeOfService))
  ) {
    problems.add(
      X12_PROBLEM_CODES.placeOfService,
      `Correct the place of service "${claim.placeOfService}" of ${claimName(claim, claimIdOk)}: use a two-digit CMS code such as 11 (office).`,
      [...path, 'placeOfService'],
      '2300 CLM05-1',
      'CMS Place of Service Code Set',
    );
  }

  // A member's claims often share one subscriber object: its problems were reported with the first claim.
  const subscriber = claim.subscriber;
  let subscriberDateOk: boolean;
  if (subscriber === previousSubscriber) {
    subscriberDateOk = isCalendarDate(subscriber.dateOfBirth);
  } else if (known.subscriber !== undefined && sameSubscriberValues(known.subscriber, subscriber)) {
    subscriberDateOk = true;
  } else {
    const before = problems.list.length;
    subscriberDateOk = validateSubscriber(problems, subscriber, [...path, 'subscriber']);
    if (problems.list.length === before) {
      known.subscriber = subscriber;
    }
  }

  if (claim.priorAuthorization !== undefined) {
    problems.text(claim.priorAuthorization, path, 'priorAuthorization', TEXT_RULES.priorAuthorization, false);
  }

  const diagnoses = claim.diagnoses;
  if (diagnoses.length === 0) {
    problems.add(
      X12_PROBLEM_CODES.noDiagnosis,
      `Add the principal diagnosis to ${claimName(claim, claimIdOk)}: every professional claim needs at least one ICD-10-CM code.`,
      [...path, 'diagnoses'],
      '2300 HI01',
    );
  } else if (diagnoses.length > X12_LIMITS.diagnosesPerClaim) {
    problems.add(
      X12_PROBLEM_CODES.tooManyDiagnoses,
      `Keep ${claimName(claim, claimIdOk)} to 12 diagnoses, not ${diagnoses.length}: split the services across claims.`,
      [...path, 'diagnoses'],
      '2300 HI',
    );
  }
  for (let index = 0; index < diagnoses.length; index += 1) {
    const code = diagnoses[index] as string;
    const trimmed = code.trim();
    const valid = trimmed.includes('.') ? ICD10_DOT_PATTERN.test(trimmed) : ICD10_PATTERN.test(trimmed);
    if (!valid) {
      problems.add(
        X12_PROBLEM_CODES.diagnosis,
        `Correct diagnosis "${code}" of ${claimName(claim, claimIdOk)}: an ICD-10-CM code is a letter, a digit and one to five more letters or digits, e.g. F33.1.`,
        [...path, 'diagnoses', index],
        index === 0 ? '2300 HI01-2 (ABK)' : `2300 HI${String(index + 1).padStart(2, '0')}-2 (ABF)`,
      );
    }
  }

  const rendering = claim.renderingProvider;
  if (rendering.npi.trim() !== billingNpi && !isKnownCleanProvider(known, rendering)) {
    const before = problems.list.length;
    const renderingPath = [...path, 'renderingProvider'];
    problems.npi(rendering.npi, renderingPath, 'npi', "the rendering provider's NPI", '2310B NM109');
    problems.text(rendering.last, renderingPath, 'last', TEXT_RULES.renderingLast);
    problems.text(rendering.first, renderingPath, 'first', TEXT_RULES.renderingFirst);
    problems.taxonomy(
      rendering.taxonomy,
      renderingPath,
      'taxonomy',
      "the rendering provider's taxonomy",
      '2310B PRV03',
    );
    if (problems.list.length === before) {
      // Bounded, so a batch of very many providers cannot grow it without limit.
      if (known.renderingProviders.size >= 4096) {
        known.renderingProviders.clear();
      }
      known.renderingProviders.set(rendering.npi, rendering);
    }
  }

  const lines = claim.lines;
  if (lines.length === 0) {
    problems.add(
      X12_PROBLEM_CODES.noLines,
      `Add at least one service line to ${claimName(claim, claimIdOk)}.`,
      [...path, 'lines'],
      '2400 LX',
    );
  } else if (lines.length > X12_LIMITS.linesPerClaim) {
    problems.add(
      X12_PROBLEM_CODES.tooManyLines,
      `Split ${claimName(claim, claimIdOk)} into claims of at most 50 service lines; it has ${lines.length}.`,
      [...path, 'lines'],
      '2400 LX',
    );
  }
  const birth = subscriberDateOk ? claim.subscriber.dateOfBirth : undefined;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] as ServiceLine837;
    // Most lines are fine: the allocation-free check lets a million-line batch through quickly, and only a line
    // it doubts gets the full check that names each problem.
    if (!lineLooksRight(line, diagnoses.length, createdDate, birth)) {
      validateLine(problems, line, [...path, 'lines', index], {
        diagnoses: diagnoses.length,
        createdDate,
        birth,
        name: `line ${index + 1} of ${claimName(claim, claimIdOk)}`,
      });
    }
    const lineControl = line.lineControlNumber.trim();
    if (usedBefore(lines, index, lineControl)) {
      problems.add(
        X12_PROBLEM_CODES.duplicateLineControlNumber,
        `Give line ${index + 1} of ${claimName(claim, claimIdOk)} its own line control number: "${lineControl}" is already used on this claim.`,
        [...path, 'lines', index, 'lineControlNumber'],
        '2400 REF02 (6R)',
      );
    }
  }
}

/** True when `rendering` has the values of a rendering provider already found clean in this batch. */
function isKnownCleanProvider(known: KnownClean, rendering: RenderingProvider837): boolean {
  const clean = known.renderingProviders.get(rendering.npi);
  return (
    clean !== undefined &&
    (clean === rendering ||
      (clean.last === rendering.last &&
        clean.first === rendering.first &&
        clean.taxonomy === rendering.taxonomy))
  );
}

/** True when a line before `index` has the line control number `id` (a claim has at most 50 lines). */
function usedBefore(lines: readonly ServiceLine837[], index: number, id: string): boolean {
  for (let before = 0; before < index; before += 1) {
    if ((lines[before] as ServiceLine837).lineControlNumber.trim() === id) {
      return true;
    }
  }
  return false;
}

/**
 * True when `validateLine` would certainly find nothing wrong with `line`. Stricter than the full check (a
 * lower-case code or a padded id is left to it), never looser, and it allocates nothing.
 */
function lineLooksRight(
  line: ServiceLine837,
  diagnoses: number,
  createdDate: string | undefined,
  birth: string | undefined,
): boolean {
  const id = line.lineControlNumber;
  if (
    id.length === 0 ||
    id.length > TEXT_RULES.lineControlNumber.max ||
    id.charCodeAt(0) === SPACE ||
    id.charCodeAt(id.length - 1) === SPACE ||
    !hasOnlyAllowedCharacters(id) ||
    !PROCEDURE_PATTERN.test(line.code) ||
    !Number.isSafeInteger(line.chargeCents) ||
    line.chargeCents < 0 ||
    !Number.isSafeInteger(line.units) ||
    line.units < 1 ||
    line.units > X12_LIMITS.maxUnits ||
    !isCalendarDate(line.dateOfService) ||
    (createdDate !== undefined && line.dateOfService > createdDate) ||
    (birth !== undefined && line.dateOfService < birth) ||
    (line.placeOfService !== undefined &&
      (!PLACE_OF_SERVICE_PATTERN.test(line.placeOfService) || !isKnownPlaceOfService(line.placeOfService)))
  ) {
    return false;
  }
  const modifiers = line.modifiers;
  if (modifiers !== undefined) {
    if (modifiers.length > X12_LIMITS.modifiersPerLine) {
      return false;
    }
    for (const modifier of modifiers) {
      if (!MODIFIER_PATTERN.test(modifier)) {
        return false;
      }
    }
  }
  const pointers = line.diagnosisPointers;
  if (pointers.length === 0 || pointers.length > X12_LIMITS.pointersPerLine) {
    return false;
  }
  const highest = Math.min(diagnoses, X12_LIMITS.diagnosesPerClaim);
  for (let index = 0; index < pointers.length; index += 1) {
    const pointer = pointers[index] as number;
    if (
      !Number.isInteger(pointer) ||
      pointer < 1 ||
      pointer > highest ||
      pointers.indexOf(pointer) !== index
    ) {
      return false;
    }
  }
  return true;
}

/** Checks the member; true when the date of birth can be compared with dates of service. */
function validateSubscriber(problems: Problems, subscriber: Subscriber837, path: Path): boolean {
  problems.text(subscriber.memberId, path, 'memberId', TEXT_RULES.memberId);
  problems.text(subscriber.last, path, 'last', TEXT_RULES.memberLast);
  problems.text(subscriber.first, path, 'first', TEXT_RULES.memberFirst);
  if (subscriber.middle !== undefined) {
    problems.text(subscriber.middle, path, 'middle', TEXT_RULES.memberMiddle, false);
  }
  problems.address(subscriber.address, [...path, 'address'], '2010BA', false);
  if (!(GENDER_CODES as readonly string[]).includes(subscriber.gender)) {
    problems.add(
      X12_PROBLEM_CODES.gender,
      `Use F, M or U for the member's gender, not "${String(subscriber.gender)}".`,
      [...path, 'gender'],
      '2010BA DMG03',
    );
  }
  return problems.date(
    subscriber.dateOfBirth,
    path,
    'dateOfBirth',
    "the member's date of birth",
    '2010BA DMG02',
  );
}

interface LineContext {
  readonly diagnoses: number;
  readonly createdDate: string | undefined;
  readonly birth: string | undefined;
  readonly name: string;
}

function validateLine(problems: Problems, line: ServiceLine837, path: Path, context: LineContext): void {
  const { name } = context;
  problems.text(line.lineControlNumber, path, 'lineControlNumber', TEXT_RULES.lineControlNumber);
  if (!PROCEDURE_PATTERN.test(cleanCode(line.code))) {
    problems.add(
      X12_PROBLEM_CODES.procedureCode,
      `Correct the procedure code "${line.code}" on ${name}: use a five-character HCPCS or CPT code such as H0038.`,
      [...path, 'code'],
      '2400 SV101-2',
    );
  }
  const modifiers = line.modifiers ?? [];
  if (modifiers.length > X12_LIMITS.modifiersPerLine) {
    problems.add(
      X12_PROBLEM_CODES.tooManyModifiers,
      `Keep ${name} to four modifiers, not ${modifiers.length}.`,
      [...path, 'modifiers'],
      '2400 SV101-3..6',
    );
  }
  modifiers.forEach((modifier, index) => {
    if (!MODIFIER_PATTERN.test(cleanCode(modifier))) {
      problems.add(
        X12_PROBLEM_CODES.modifier,
        `Correct modifier "${modifier}" on ${name}: a modifier is two letters or digits, e.g. HQ.`,
        [...path, 'modifiers', index],
        `2400 SV101-${index + 3}`,
      );
    }
  });
  if (!Number.isSafeInteger(line.chargeCents) || line.chargeCents < 0) {
    problems.add(
      X12_PROBLEM_CODES.charge,
      `Correct the charge on ${name}: give a whole, non-negative number of cents, not ${line.chargeCents}.`,
      [...path, 'chargeCents'],
      '2400 SV102',
    );
  }
  if (!Number.isSafeInteger(line.units) || line.units < 1 || line.units > X12_LIMITS.maxUnits) {
    problems.add(
      X12_PROBLEM_CODES.units,
      `Correct the units on ${name}: give a whole number from 1 to ${X12_LIMITS.maxUnits}, not ${line.units}.`,
      [...path, 'units'],
      '2400 SV104',
    );
  }
  if (
    problems.date(
      line.dateOfService,
      path,
      'dateOfService',
      `the date of service on ${name}`,
      '2400 DTP03 (472)',
    )
  ) {
    if (context.createdDate !== undefined && line.dateOfService > context.createdDate) {
      problems.add(
        X12_PROBLEM_CODES.serviceAfterCreation,
        `Correct the date of service ${line.dateOfService} on ${name}: it is after the file's creation date ` +
          `${context.createdDate}, and a service cannot be billed before it happens.`,
        [...path, 'dateOfService'],
        '2400 DTP03 (472)',
        PEERLINE,
      );
    }
    if (context.birth !== undefined && line.dateOfService < context.birth) {
      problems.add(
        X12_PROBLEM_CODES.serviceBeforeBirth,
        `Correct the date of service ${line.dateOfService} on ${name} or the member's date of birth ` +
          `${context.birth}: the service is dated before the member was born.`,
        [...path, 'dateOfService'],
        '2400 DTP03 (472)',
        PEERLINE,
      );
    }
  }
  if (line.placeOfService !== undefined) {
    const place = cleanCode(line.placeOfService);
    if (!PLACE_OF_SERVICE_PATTERN.test(place) || !isKnownPlaceOfService(place)) {
      problems.add(
        X12_PROBLEM_CODES.placeOfService,
        `Correct the place of service "${line.placeOfService}" on ${name}: use a two-digit CMS code such as 11.`,
        [...path, 'placeOfService'],
        '2400 SV105',
        'CMS Place of Service Code Set',
      );
    }
  }
  const pointers = line.diagnosisPointers;
  if (pointers.length === 0 || pointers.length > X12_LIMITS.pointersPerLine) {
    problems.add(
      X12_PROBLEM_CODES.pointer,
      `Point ${name} at one to four of the claim's diagnoses, not ${pointers.length}.`,
      [...path, 'diagnosisPointers'],
      '2400 SV107',
    );
  }
  pointers.forEach((pointer, index) => {
    if (
      !Number.isInteger(pointer) ||
      pointer < 1 ||
      pointer > Math.min(context.diagnoses, X12_LIMITS.diagnosesPerClaim)
    ) {
      problems.add(
        X12_PROBLEM_CODES.pointer,
        `Correct diagnosis pointer ${pointer} on ${name}: the claim has ${context.diagnoses} diagnos` +
          `${context.diagnoses === 1 ? 'is' : 'es'}, so a pointer must be from 1 to ${context.diagnoses}.`,
        [...path, 'diagnosisPointers', index],
        `2400 SV107-${index + 1}`,
      );
    } else if (pointers.indexOf(pointer) !== index) {
      problems.add(
        X12_PROBLEM_CODES.pointer,
        `Remove the repeated diagnosis pointer ${pointer} on ${name}: each diagnosis is pointed at once.`,
        [...path, 'diagnosisPointers', index],
        `2400 SV107-${index + 1}`,
      );
    }
  });
}

/** True when two subscribers carry the same member id (so the writer puts their claims under one 2000B loop). */
export function sameMemberId(a: Subscriber837, b: Subscriber837): boolean {
  return a === b || a.memberId.trim() === b.memberId.trim();
}

function sameSubscriber(a: Subscriber837, b: Subscriber837): boolean {
  if (a === b || sameSubscriberValues(a, b)) {
    return true;
  }
  return (
    cleanText(a.last) === cleanText(b.last) &&
    cleanText(a.first) === cleanText(b.first) &&
    cleanText(a.middle ?? '') === cleanText(b.middle ?? '') &&
    a.dateOfBirth === b.dateOfBirth &&
    a.gender === b.gender &&
    sameAddress(a.address, b.address)
  );
}

function sameAddress(a: Address, b: Address): boolean {
  return (
    a === b ||
    (cleanText(a.line1) === cleanText(b.line1) &&
      cleanText(a.line2 ?? '') === cleanText(b.line2 ?? '') &&
      cleanText(a.city) === cleanText(b.city) &&
      cleanCode(a.state) === cleanCode(b.state) &&
      digitsOf(a.postalCode) === digitsOf(b.postalCode))
  );
}

/**
 * True when two subscribers hold the very same values as given, compared without cleaning anything: the cheap
 * test that settles the usual case of one member's consecutive claims, built as separate objects.
 */
function sameSubscriberValues(a: Subscriber837, b: Subscriber837): boolean {
  const x = a.address;
  const y = b.address;
  return (
    a.memberId === b.memberId &&
    a.last === b.last &&
    a.first === b.first &&
    a.middle === b.middle &&
    a.dateOfBirth === b.dateOfBirth &&
    a.gender === b.gender &&
    (x === y ||
      (x.line1 === y.line1 &&
        x.line2 === y.line2 &&
        x.city === y.city &&
        x.state === y.state &&
        x.postalCode === y.postalCode))
  );
}
