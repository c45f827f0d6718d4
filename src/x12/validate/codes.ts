/**
 * @module x12/validate/codes
 * The stable codes of the problems the 837P writer reports, the limits it checks against (the guide's, and two
 * of Peerline's own, marked), and the documents a problem cites as its source.
 */
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

/** The source document of most problems: the implementation guide. */
export const GUIDE = 'ASC X12 005010X222A1';
/** The source of Peerline's own checks, stricter than the guide. */
export const PEERLINE = 'peerline-x12';
