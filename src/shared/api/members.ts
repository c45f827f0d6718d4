/**
 * @module shared/api/members
 * Members (the people peers support) and their records: demographics, contacts, coverage periods,
 * eligibility checks, diagnoses, episodes of care and consents; search and each peer's caseload.
 *
 * Request schemas normalise what people type (a phone number with dashes, a Medicaid ID in lower case, an
 * ICD-10-CM code without its dot) before checking it, and every message says how to write the value. A blank
 * optional text field means "none" (null). The web forms check with these same schemas before sending.
 */
import { z } from 'zod';
import {
  ASAM_LEVELS,
  AsamLevelSchema,
  CONSENT_KINDS,
  CONTACT_KINDS,
  ConsentKindSchema,
  ContactKindSchema,
  ELIGIBILITY_CRITERIA,
  ELIGIBILITY_RESULTS,
  EligibilityCriterionSchema,
  EligibilityResultSchema,
  type AsamLevel,
  type ConsentKind,
  type ContactKind,
  type EligibilityCriterion,
  type EligibilityResult,
} from '../documentation.js';
import { MEMBER_SEXES, type MemberSex } from '../billing.js';
import { PayerPackIdSchema } from '../programs.js';
import { DIAGNOSIS_CATEGORIES, SPECIAL_POPULATIONS } from './claims.js';
import { CalendarDateSchema, IdSchema, TimestampSchema } from './common.js';
// A person as records name them (id and display name): the same shape service notes use.
import { PersonRefSchema } from './notes.js';

export type DiagnosisCategory = (typeof DIAGNOSIS_CATEGORIES)[number];
export type SpecialPopulation = (typeof SPECIAL_POPULATIONS)[number];
export const DiagnosisCategorySchema = z.enum(DIAGNOSIS_CATEGORIES, {
  message: 'Choose mental health, substance use, or intellectual/developmental.',
});
export const SpecialPopulationSchema = z.enum(SPECIAL_POPULATIONS, {
  message: 'Choose Katie A., ICC or IHBS.',
});

// ---------------------------------------------------------------------------------------------------------
// Field schemas: what people type, normalised, then checked.

const blankToNull = <T>(value: T | '' | null | undefined): T | null | undefined =>
  value === '' ? null : value;

/** Optional free text: blank means none; at most `max` characters. */
function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, { message: `Use at most ${max} characters.` })
    .nullable()
    .optional()
    .transform(blankToNull)
    .optional();
}

function requiredText(max: number, missing: string) {
  return z
    .string({ message: missing })
    .trim()
    .min(1, { message: missing })
    .max(max, { message: `Use at most ${max} characters.` });
}

/** Optional calendar date: blank means none. */
const OptionalDateSchema = z
  .union([CalendarDateSchema, z.literal('')])
  .nullable()
  .optional()
  .transform(blankToNull)
  .optional();

const PHONE_MESSAGE = 'Enter a 10-digit US phone number, e.g. 510-555-0142.';

/** Ten digits: spaces, dots, dashes, brackets and a leading 1 or +1 are dropped. */
export function normalisePhone(value: string): string {
  const digits = value.replace(/[\s().+-]/g, '');
  return digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
}

const OptionalPhoneSchema = z
  .string()
  .trim()
  .nullable()
  .optional()
  .transform((value) => (typeof value === 'string' ? normalisePhone(value) : value))
  .transform(blankToNull)
  .pipe(
    z
      .string()
      .regex(/^\d{10}$/, { message: PHONE_MESSAGE })
      .nullable()
      .optional(),
  );

/** Upper case without spaces or dashes, as payers print it. */
export function normaliseMedicaidId(value: string): string {
  return value.replace(/[\s-]/g, '').toUpperCase();
}

const MEDICAID_ID_MESSAGE =
  'Use the Medicaid ID as printed on the member’s card: 6 to 20 letters and digits, e.g. ZZCA12345678.';
export const MedicaidIdSchema = z
  .string()
  .transform(normaliseMedicaidId)
  .pipe(z.string().regex(/^[A-Z0-9]{6,20}$/, { message: MEDICAID_ID_MESSAGE }));

const OptionalMedicaidIdSchema = z
  .string()
  .nullable()
  .optional()
  .transform((value) => (typeof value === 'string' ? normaliseMedicaidId(value) : value))
  .transform(blankToNull)
  .pipe(
    z
      .string()
      .regex(/^[A-Z0-9]{6,20}$/, { message: MEDICAID_ID_MESSAGE })
      .nullable()
      .optional(),
  );

/**
 * An ICD-10-CM code in its written form: upper case, with the dot after the third character (`f331` →
 * `F33.1`).
 */
export function normaliseIcd10Code(value: string): string {
  const compact = value.trim().toUpperCase().replace(/\s/g, '');
  return !compact.includes('.') && compact.length > 3
    ? `${compact.slice(0, 3)}.${compact.slice(3)}`
    : compact;
}

export const Icd10CodeSchema = z
  .string({ message: 'Enter the ICD-10-CM code, e.g. F33.1.' })
  .transform(normaliseIcd10Code)
  .pipe(
    z.string().regex(/^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/, {
      message:
        'Use an ICD-10-CM code: a letter, a digit and one more character, then a dot and up to four more, e.g. F33.1 or F10.20.',
    }),
  );

const PLAN_MEMBER_NUMBER_MESSAGE =
  'Use the member number on the plan’s card: 6 to 30 letters and digits, e.g. ZZCA12345678.';
const MemberNumberSchema = z
  .string({ message: PLAN_MEMBER_NUMBER_MESSAGE })
  .transform(normaliseMedicaidId)
  .pipe(z.string().regex(/^[A-Z0-9]{6,30}$/, { message: PLAN_MEMBER_NUMBER_MESSAGE }));

const OptionalEmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .nullable()
  .optional()
  .transform(blankToNull)
  .pipe(
    z
      .email({ message: 'Enter an email address such as name@example.org, or leave it blank.' })
      .max(254)
      .nullable()
      .optional(),
  );

const SpecialPopulationsSchema = z
  .array(SpecialPopulationSchema)
  .max(SPECIAL_POPULATIONS.length)
  .refine((values) => new Set(values).size === values.length, {
    message: 'Each special population may appear only once.',
  });

/** `later` (when given) is on or after `earlier`; the problem names the later field. */
function inOrder<T extends Record<string, unknown>>(
  earlierKey: keyof T & string,
  laterKey: keyof T & string,
  message: string,
) {
  return {
    check: (value: T): boolean => {
      const earlier = value[earlierKey];
      const later = value[laterKey];
      return typeof earlier !== 'string' || typeof later !== 'string' || earlier <= later;
    },
    params: { message, path: [laterKey] },
  };
}

// Choices in requests, each with a message that says what to choose (responses use the plain enums).
const ContactKindChoice = z.enum(CONTACT_KINDS, {
  message: 'Choose guardian, family or significant support.',
});
const EligibilityResultChoice = z.enum(ELIGIBILITY_RESULTS, {
  message: 'Choose what the check found: eligible, not eligible or pending.',
});
const EligibilityCriterionChoice = z.enum(ELIGIBILITY_CRITERIA, {
  message: 'Choose which criterion was determined: functional assessment or medical necessity.',
});
const ConsentKindChoice = z.enum(CONSENT_KINDS, {
  message: 'Choose telehealth, audio-only or release of information.',
});

/** A program chosen from the organisation's list. */
const ProgramIdSchema = z.uuid({ message: 'Choose one of your organisation’s programs.' });

// ---------------------------------------------------------------------------------------------------------
// Sub-records: request and response shapes.

export type PersonRef = z.infer<typeof PersonRefSchema>;
export const ProgramRefSchema = z.object({ id: IdSchema, name: z.string() });

export const ContactRequestSchema = z.object({
  kind: ContactKindChoice,
  name: requiredText(200, 'Enter the contact’s name.'),
  /** How they relate to the member, e.g. "mother", "sponsor". */
  relationship: optionalText(100),
  phone: OptionalPhoneSchema,
  email: OptionalEmailSchema,
});
export type ContactRequest = z.infer<typeof ContactRequestSchema>;
export type ContactRequestInput = z.input<typeof ContactRequestSchema>;

export const ContactSchema = z.object({
  id: IdSchema,
  kind: ContactKindSchema,
  name: z.string(),
  relationship: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type Contact = z.infer<typeof ContactSchema>;

const coverageOrder = inOrder<{ from?: unknown; to?: unknown }>(
  'from',
  'to',
  'The coverage ends before it starts: make “to” on or after “from”, or leave it blank while it continues.',
);
export const CoverageRequestSchema = z
  .object({
    payerPack: PayerPackIdSchema,
    planName: requiredText(200, 'Enter the plan’s name as on the member’s card, e.g. Medi-Cal.'),
    memberNumber: MemberNumberSchema,
    from: CalendarDateSchema,
    /** Last day covered; blank while coverage continues. */
    to: OptionalDateSchema,
  })
  .refine(coverageOrder.check, coverageOrder.params);
export type CoverageRequest = z.infer<typeof CoverageRequestSchema>;
export type CoverageRequestInput = z.input<typeof CoverageRequestSchema>;

export const CoverageSchema = z.object({
  id: IdSchema,
  payerPack: PayerPackIdSchema,
  planName: z.string(),
  memberNumber: z.string(),
  from: CalendarDateSchema,
  to: CalendarDateSchema.nullable(),
});
export type Coverage = z.infer<typeof CoverageSchema>;

export const EligibilityCheckRequestSchema = z.object({
  checkedOn: CalendarDateSchema,
  result: EligibilityResultChoice,
  /** Where the answer came from, e.g. "Medi-Cal AEVS", "NCTracks portal". */
  source: requiredText(200, 'Say where the answer came from, e.g. the state’s eligibility portal.'),
});
export type EligibilityCheckRequest = z.infer<typeof EligibilityCheckRequestSchema>;
export type EligibilityCheckRequestInput = z.input<typeof EligibilityCheckRequestSchema>;

export const EligibilityCheckSchema = z.object({
  id: IdSchema,
  checkedOn: CalendarDateSchema,
  result: EligibilityResultSchema,
  source: z.string(),
  /** Who checked (recorded from the signed-in user). */
  checkedBy: PersonRefSchema,
});
export type EligibilityCheck = z.infer<typeof EligibilityCheckSchema>;

export const EligibilityDeterminationRequestSchema = z.object({
  criterion: EligibilityCriterionChoice,
  /** The date the member was found to meet the criterion. */
  determinedOn: CalendarDateSchema,
  /** Who determined it: their name and credential, e.g. "Dana Reyes, LMHP". */
  determinedBy: requiredText(
    200,
    'Enter who determined it: their name and credential, e.g. Dana Reyes, LMHP.',
  ),
});
export type EligibilityDeterminationRequest = z.infer<typeof EligibilityDeterminationRequestSchema>;
export type EligibilityDeterminationRequestInput = z.input<typeof EligibilityDeterminationRequestSchema>;

export const EligibilityDeterminationSchema = z.object({
  id: IdSchema,
  criterion: EligibilityCriterionSchema,
  determinedOn: CalendarDateSchema,
  determinedBy: z.string(),
  /** Who recorded it (the signed-in user). */
  recordedBy: PersonRefSchema,
});
export type EligibilityDetermination = z.infer<typeof EligibilityDeterminationSchema>;

export const OutsideGroupHoursRequestSchema = z.object({
  /** The day the group psychosocial rehabilitation was delivered. */
  deliveredOn: CalendarDateSchema,
  hours: z
    .number({ message: 'Enter the hours as a number, e.g. 1.5.' })
    .positive({ message: 'Enter more than 0 hours.' })
    .max(24, { message: 'Use at most 24 hours for one day.' })
    .refine((hours) => Math.abs(hours * 100 - Math.round(hours * 100)) < 1e-6, {
      message: 'Use at most two decimals, e.g. 1.25.',
    }),
  /** Where the hours come from: the provider, or the record they are read from. */
  source: requiredText(200, 'Say where the hours come from, e.g. the provider’s attendance record.'),
});
export type OutsideGroupHoursRequest = z.infer<typeof OutsideGroupHoursRequestSchema>;
export type OutsideGroupHoursRequestInput = z.input<typeof OutsideGroupHoursRequestSchema>;

export const OutsideGroupHoursSchema = z.object({
  id: IdSchema,
  deliveredOn: CalendarDateSchema,
  hours: z.number(),
  source: z.string(),
  recordedBy: PersonRefSchema,
});
export type OutsideGroupHours = z.infer<typeof OutsideGroupHoursSchema>;

const diagnosisOrder = inOrder<{ recordedOn?: unknown; resolvedOn?: unknown }>(
  'recordedOn',
  'resolvedOn',
  'The diagnosis is resolved before it was recorded: make the resolved date on or after the recorded date.',
);
export const DiagnosisRequestSchema = z
  .object({
    code: Icd10CodeSchema,
    description: requiredText(
      300,
      'Describe the diagnosis, e.g. Major depressive disorder, recurrent, moderate.',
    ),
    category: DiagnosisCategorySchema,
    recordedOn: CalendarDateSchema,
    /** When it no longer applies; blank while it does. */
    resolvedOn: OptionalDateSchema,
  })
  .refine(diagnosisOrder.check, diagnosisOrder.params);
export type DiagnosisRequest = z.infer<typeof DiagnosisRequestSchema>;
export type DiagnosisRequestInput = z.input<typeof DiagnosisRequestSchema>;

export const DiagnosisSchema = z.object({
  id: IdSchema,
  code: z.string(),
  description: z.string(),
  category: DiagnosisCategorySchema,
  recordedOn: CalendarDateSchema,
  resolvedOn: CalendarDateSchema.nullable(),
});
export type Diagnosis = z.infer<typeof DiagnosisSchema>;

const episodeOrder = inOrder<{ admittedOn?: unknown; dischargedOn?: unknown }>(
  'admittedOn',
  'dischargedOn',
  'The discharge is before the admission: make the discharge date on or after the admission date.',
);
export const EpisodeRequestSchema = z
  .object({
    programId: ProgramIdSchema,
    admittedOn: CalendarDateSchema,
    dischargedOn: OptionalDateSchema,
    /** Date of the comprehensive clinical assessment. */
    assessmentOn: OptionalDateSchema,
    /** The licensed clinician who did the assessment. */
    assessmentClinician: optionalText(200),
    /** Date of the service order for medical necessity (North Carolina). */
    serviceOrderOn: OptionalDateSchema,
    /** The clinician who ordered the service. */
    serviceOrderClinician: optionalText(200),
    /** Their credential, e.g. MD, LCSW, LCAS. */
    serviceOrderCredential: optionalText(50),
  })
  .refine(episodeOrder.check, episodeOrder.params);
export type EpisodeRequest = z.infer<typeof EpisodeRequestSchema>;
export type EpisodeRequestInput = z.input<typeof EpisodeRequestSchema>;

export const EpisodeSchema = z.object({
  id: IdSchema,
  program: ProgramRefSchema,
  admittedOn: CalendarDateSchema,
  dischargedOn: CalendarDateSchema.nullable(),
  assessmentOn: CalendarDateSchema.nullable(),
  assessmentClinician: z.string().nullable(),
  serviceOrderOn: CalendarDateSchema.nullable(),
  serviceOrderClinician: z.string().nullable(),
  serviceOrderCredential: z.string().nullable(),
});
export type Episode = z.infer<typeof EpisodeSchema>;

const consentOrder = inOrder<{ givenOn?: unknown; expiresOn?: unknown }>(
  'givenOn',
  'expiresOn',
  'The consent expires before it was given: make the expiry date on or after the date given, or leave it blank.',
);
export const ConsentRequestSchema = z
  .object({
    kind: ConsentKindChoice,
    givenOn: CalendarDateSchema,
    expiresOn: OptionalDateSchema,
    /** For a release of information: to whom and what. */
    details: optionalText(2000),
  })
  .refine(consentOrder.check, consentOrder.params);
export type ConsentRequest = z.infer<typeof ConsentRequestSchema>;
export type ConsentRequestInput = z.input<typeof ConsentRequestSchema>;

export const RevokeConsentRequestSchema = z.object({ revokedOn: CalendarDateSchema });
export type RevokeConsentRequest = z.infer<typeof RevokeConsentRequestSchema>;

export const ConsentSchema = z.object({
  id: IdSchema,
  kind: ConsentKindSchema,
  givenOn: CalendarDateSchema,
  expiresOn: CalendarDateSchema.nullable(),
  revokedOn: CalendarDateSchema.nullable(),
  details: z.string().nullable(),
});
export type Consent = z.infer<typeof ConsentSchema>;

// ---------------------------------------------------------------------------------------------------------
// Sex and postal address, as an 837 claim's subscriber loop carries them (2010BA DMG, N3, N4).

export const MemberSexSchema = z.enum(MEMBER_SEXES, {
  message: 'Choose female, male, or unknown (the claim file then says U).',
});

/** Two upper-case letters: the state's postal code. */
const OptionalStateSchema = z
  .string()
  .trim()
  .toUpperCase()
  .nullable()
  .optional()
  .transform(blankToNull)
  .pipe(
    z
      .string()
      .regex(/^[A-Z]{2}$/, { message: 'Use the state’s two-letter postal code, e.g. CA.' })
      .nullable()
      .optional(),
  );

/** Digits only: `94612-0000` is stored as `946120000`. */
export function normalisePostalCode(value: string): string {
  return value.replace(/[\s-]/g, '');
}

const OptionalPostalCodeSchema = z
  .string()
  .nullable()
  .optional()
  .transform((value) => (typeof value === 'string' ? normalisePostalCode(value) : value))
  .transform(blankToNull)
  .pipe(
    z
      .string()
      .regex(/^\d{5}(\d{4})?$/, { message: 'Use a five-digit ZIP code or ZIP+4, e.g. 94612 or 94612-1234.' })
      .nullable()
      .optional(),
  );

/** The parts of a member's postal address, each with what to fill in when it alone is missing. */
const ADDRESS_PARTS = {
  addressLine1: 'Fill in the street address too: claims need the whole address, or none of it.',
  city: 'Fill in the city too: claims need the whole address, or none of it.',
  state: 'Fill in the state too: claims need the whole address, or none of it.',
  postalCode: 'Fill in the ZIP code too: claims need the whole address, or none of it.',
} as const;
type AddressPart = keyof typeof ADDRESS_PARTS;

/**
 * An address is given whole or not at all: when any part has a value, each part without one gets a problem
 * beside its own field (a change that sends no part of the address leaves it as it is).
 */
function requireWholeAddress(
  value: Partial<Record<AddressPart, string | null | undefined>>,
  ctx: z.RefinementCtx,
): void {
  const parts = Object.keys(ADDRESS_PARTS) as AddressPart[];
  const given = parts.filter((part) => typeof value[part] === 'string');
  if (given.length === 0) return;
  for (const part of parts) {
    if (typeof value[part] !== 'string') {
      ctx.addIssue({ code: 'custom', message: ADDRESS_PARTS[part], path: [part] });
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// The member.

const MemberFieldsSchema = z.object({
  firstName: requiredText(100, 'Enter the member’s first name.'),
  lastName: requiredText(100, 'Enter the member’s last name.'),
  /** The name the member goes by. */
  preferredName: optionalText(100),
  pronouns: optionalText(40),
  dateOfBirth: CalendarDateSchema,
  medicaidId: OptionalMedicaidIdSchema,
  phone: OptionalPhoneSchema,
  hasMedicare: z.boolean({ message: 'Say whether the member also has Medicare (true or false).' }),
  /** ASAM level of care, for members with a substance use diagnosis. */
  asamLevel: z
    .string()
    .nullable()
    .optional()
    .transform(blankToNull)
    .pipe(
      z
        .enum(ASAM_LEVELS, { message: `Choose an ASAM level (${ASAM_LEVELS.join(', ')}) or leave it blank.` })
        .nullable()
        .optional(),
    ),
  specialPopulations: SpecialPopulationsSchema,
  programId: ProgramIdSchema,
  /** As the payer records it; `U` (unknown) until someone records it. */
  sex: MemberSexSchema,
  /** The member's home address, for claims (837 2010BA): street, city, state and ZIP, or none of them. */
  addressLine1: optionalText(55),
  city: optionalText(30),
  state: OptionalStateSchema,
  postalCode: OptionalPostalCodeSchema,
});

export const CreateMemberRequestSchema = MemberFieldsSchema.extend({
  hasMedicare: MemberFieldsSchema.shape.hasMedicare.default(false),
  specialPopulations: SpecialPopulationsSchema.default([]),
  /** The peer whose caseload the member joins (supervisors must choose one on their team). */
  assignedPeerId: IdSchema.nullable().optional(),
  /** Records to create with the member, all in one transaction. */
  contacts: z.array(ContactRequestSchema).max(20).default([]),
  coverage: z.array(CoverageRequestSchema).max(20).default([]),
  diagnoses: z.array(DiagnosisRequestSchema).max(20).default([]),
  episodes: z.array(EpisodeRequestSchema).max(20).default([]),
  consents: z.array(ConsentRequestSchema).max(20).default([]),
  sex: MemberSexSchema.default('U'),
}).superRefine(requireWholeAddress);
export type CreateMemberRequest = z.infer<typeof CreateMemberRequestSchema>;
export type CreateMemberRequestInput = z.input<typeof CreateMemberRequestSchema>;

export const UpdateMemberRequestSchema = MemberFieldsSchema.extend({
  /** Inactive members drop out of searches and caseloads; their records stay. */
  active: z.boolean(),
})
  .partial()
  .strict()
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: 'Send at least one field to change.',
  })
  .superRefine(requireWholeAddress);
export type UpdateMemberRequest = z.infer<typeof UpdateMemberRequestSchema>;
export type UpdateMemberRequestInput = z.input<typeof UpdateMemberRequestSchema>;

export const AssignPeerRequestSchema = z.object({
  /** The peer (or supervisor) whose caseload the member joins; null leaves the member unassigned. */
  peerId: IdSchema.nullable(),
});
export type AssignPeerRequest = z.infer<typeof AssignPeerRequestSchema>;

export const MemberSummarySchema = z.object({
  id: IdSchema,
  firstName: z.string(),
  lastName: z.string(),
  preferredName: z.string().nullable(),
  dateOfBirth: CalendarDateSchema,
  medicaidId: z.string().nullable(),
  program: ProgramRefSchema,
  assignedPeer: PersonRefSchema.nullable(),
  active: z.boolean(),
});
export type MemberSummary = z.infer<typeof MemberSummarySchema>;

/** What the signed-in user may do with this member's record (the server enforces the same). */
export const MemberAccessSchema = z.object({
  /** Demographics, contacts, diagnoses, episodes and consents. */
  canEdit: z.boolean(),
  /** Coverage periods and eligibility checks (billing staff too). */
  canEditCoverage: z.boolean(),
  canAssignPeer: z.boolean(),
});
export type MemberAccess = z.infer<typeof MemberAccessSchema>;

export const MemberRecordSchema = MemberSummarySchema.extend({
  pronouns: z.string().nullable(),
  phone: z.string().nullable(),
  hasMedicare: z.boolean(),
  asamLevel: AsamLevelSchema.nullable(),
  specialPopulations: z.array(SpecialPopulationSchema),
  sex: z.enum(MEMBER_SEXES),
  addressLine1: z.string().nullable(),
  city: z.string().nullable(),
  state: z.string().nullable(),
  /** Five or nine digits. */
  postalCode: z.string().nullable(),
  contacts: z.array(ContactSchema),
  coverage: z.array(CoverageSchema),
  eligibilityChecks: z.array(EligibilityCheckSchema),
  /** Eligibility criteria determined (Kansas: functional assessment and medical necessity), latest first. */
  eligibilityDeterminations: z.array(EligibilityDeterminationSchema),
  /**
   * Group psychosocial rehabilitation hours delivered outside Peerline (Kansas: they count toward the member's
   * 750 group hours a calendar year), latest first.
   */
  outsideGroupHours: z.array(OutsideGroupHoursSchema),
  diagnoses: z.array(DiagnosisSchema),
  episodes: z.array(EpisodeSchema),
  consents: z.array(ConsentSchema),
  access: MemberAccessSchema,
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type MemberRecord = z.infer<typeof MemberRecordSchema>;

export const MemberResponseSchema = z.object({ member: MemberRecordSchema });

export const MEMBER_SEARCH_SCOPES = ['all', 'caseload'] as const;
export type MemberSearchScope = (typeof MEMBER_SEARCH_SCOPES)[number];

export const MemberSearchQuerySchema = z.object({
  /** Part of a first, last or preferred name; every word must match (case does not matter). */
  name: z
    .string()
    .trim()
    .min(2, { message: 'Type at least two letters of the name.' })
    .max(100, { message: 'Use at most 100 characters.' })
    .optional(),
  medicaidId: MedicaidIdSchema.optional(),
  dateOfBirth: CalendarDateSchema.optional(),
  /** `caseload`: only members assigned to you. `all`: every member you can see. */
  scope: z.enum(MEMBER_SEARCH_SCOPES, { message: 'Use all or caseload.' }).default('all'),
  includeInactive: z
    .enum(['true', 'false'], { message: 'Use true or false.' })
    .optional()
    .transform((value) => value === 'true'),
  limit: z.coerce
    .number({ message: 'Use a number from 1 to 200.' })
    .int()
    .min(1, { message: 'Use a number from 1 to 200.' })
    .max(200, { message: 'Use a number from 1 to 200.' })
    .default(50),
});
export type MemberSearchQuery = z.infer<typeof MemberSearchQuerySchema>;
export type MemberSearchQueryInput = z.input<typeof MemberSearchQuerySchema>;

export const MemberSearchResponseSchema = z.object({
  members: z.array(MemberSummarySchema),
  /** True when more members matched than `limit`; narrow the search. */
  truncated: z.boolean(),
});
export type MemberSearchResponse = z.infer<typeof MemberSearchResponseSchema>;

export const MemberParamsSchema = z.object({ memberId: IdSchema });
export const MemberRecordParamsSchema = z.object({ memberId: IdSchema, recordId: IdSchema });

export const AssignablePeersResponseSchema = z.object({ peers: z.array(PersonRefSchema) });

// ---------------------------------------------------------------------------------------------------------
// Plain labels, for pages and messages.

/** The member's sex in words, for the member page and form. */
export function memberSexLabel(sex: MemberSex): string {
  switch (sex) {
    case 'F':
      return 'Female';
    case 'M':
      return 'Male';
    case 'U':
      return 'Unknown or not recorded';
  }
}

export function contactKindLabel(kind: ContactKind): string {
  switch (kind) {
    case 'guardian':
      return 'Guardian';
    case 'family':
      return 'Family';
    case 'significant_support':
      return 'Significant support';
  }
}

export function consentKindLabel(kind: ConsentKind): string {
  switch (kind) {
    case 'telehealth':
      return 'Telehealth (video)';
    case 'audio_only':
      return 'Audio-only (telephone)';
    case 'release_of_information':
      return 'Release of information';
  }
}

export function eligibilityResultLabel(result: EligibilityResult): string {
  switch (result) {
    case 'eligible':
      return 'Eligible';
    case 'not_eligible':
      return 'Not eligible';
    case 'pending':
      return 'Pending';
  }
}

export function eligibilityCriterionLabel(criterion: EligibilityCriterion): string {
  switch (criterion) {
    case 'functional_assessment':
      return 'Meets functional assessment criteria';
    case 'medical_necessity':
      return 'Meets medical necessity criteria';
  }
}

export function diagnosisCategoryLabel(category: DiagnosisCategory): string {
  switch (category) {
    case 'mental_health':
      return 'Mental health';
    case 'substance_use':
      return 'Substance use';
    case 'intellectual_developmental':
      return 'Intellectual / developmental';
  }
}

export function specialPopulationLabel(population: SpecialPopulation): string {
  switch (population) {
    case 'katie_a':
      return 'Katie A.';
    case 'icc':
      return 'Intensive Care Coordination (ICC)';
    case 'ihbs':
      return 'Intensive Home-Based Services (IHBS)';
  }
}

export function asamLevelLabel(level: AsamLevel): string {
  return `ASAM level ${level}`;
}
