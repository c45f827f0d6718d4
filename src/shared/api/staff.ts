/**
 * @module shared/api/staff
 * Staff credentials: the profile the payer packs check (certification, NPI, taxonomy, date of birth,
 * diploma, lived experience, background check, assigned supervisor, supervision dates, clinical supervisor),
 * the continuing-education log, and each staff member's compliance status as the packs judge it.
 *
 * Admins change profiles and remove log entries; a staff member may add their own continuing education.
 * Who reads whom: admins and billing staff everyone in their organisation, a supervisor their team and
 * themselves, everyone else only themselves.
 */
import { z } from 'zod';
import { isValidNpi } from '../npi.js';
import { ProblemSchema } from '../problem.js';
import { PayerPackIdSchema } from '../programs.js';
import { RoleSchema } from '../roles.js';
import {
  CERTIFICATION_TYPES,
  CLINICAL_SUPERVISOR_QUALIFICATIONS,
  type CertificationType,
  type ClinicalSupervisorQualification,
} from './claims.js';
import { CalendarDateSchema, IdSchema, TimestampSchema } from './common.js';

/** The taxonomy of a peer specialist (NUCC 175T00000X): recorded on each peer's profile, never assumed. */
export const PEER_SPECIALIST_TAXONOMY = '175T00000X';

/** Plain name of a certification type, for forms and the compliance page. */
export function certificationTypeLabel(type: CertificationType): string {
  switch (type) {
    case 'medi_cal_peer':
      return 'Medi-Cal Peer Support Specialist (CPS)';
    case 'medi_cal_peer_family':
      return 'Medi-Cal Peer Support Specialist, family specialization (CPS-F)';
    case 'kansas_peer':
      return 'Kansas certified peer specialist';
    case 'north_carolina_peer':
      return 'North Carolina certified peer support specialist';
    case 'legacy_uncertified':
      return 'Legacy / uncertified peer';
  }
}

/** Plain name of a clinical supervisor's qualification (Kansas 003). */
export function clinicalSupervisorQualificationLabel(qualification: ClinicalSupervisorQualification): string {
  switch (qualification) {
    case 'qmhp':
      return 'Qualified Mental Health Professional (QMHP)';
    case 'lmhp':
      return 'PAHP-designated Licensed Mental Health Professional (LMHP)';
  }
}

export const ClinicalSupervisorQualificationSchema = z.enum(CLINICAL_SUPERVISOR_QUALIFICATIONS, {
  message: 'Choose QMHP or LMHP.',
});

export const CertificationTypeSchema = z.enum(CERTIFICATION_TYPES, {
  message: `Choose one of: ${CERTIFICATION_TYPES.join(', ')}.`,
});

const NpiSchema = z
  .string()
  .trim()
  .regex(/^\d{10}$/, { message: 'An NPI is ten digits, e.g. 1234567893.', abort: true })
  .refine(isValidNpi, {
    message: 'This NPI’s last digit does not match its check digit: look for a mistyped digit.',
  });

const TaxonomySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^\d{3}[0-9A-Z]{6}X$/, {
    message: `A taxonomy code is ten characters ending in X; a peer specialist’s is ${PEER_SPECIALIST_TAXONOMY}.`,
  });

const DateOrNull = CalendarDateSchema.nullable().default(null);

/**
 * The profile as an admin sends it (PUT replaces the whole profile; a field left out is cleared). Empty
 * form fields travel as null.
 */
export const StaffProfileRequestSchema = z
  .object({
    certificationType: CertificationTypeSchema.nullable().default(null),
    certificationNumber: z
      .string()
      .trim()
      .min(1, { message: 'Enter the certification number, or leave it empty.' })
      .max(60, { message: 'Use at most 60 characters.' })
      .nullable()
      .default(null),
    certificationIssuedOn: DateOrNull,
    certificationExpiresOn: DateOrNull,
    npi: NpiSchema.nullable().default(null),
    /** The rendering taxonomy; null when none is recorded (never filled in: California asks for it). */
    taxonomy: TaxonomySchema.nullable().default(null),
    dateOfBirth: DateOrNull,
    /** High-school diploma or equivalent (GED). */
    highSchoolDiploma: z.boolean().default(false),
    /** Self-identifies as a person with lived experience of mental health or substance use recovery. */
    livedExperience: z.boolean().default(false),
    backgroundCheckOn: DateOrNull,
    /** The assigned peer support supervisor: an active user of the organisation with the supervisor role. */
    supervisorId: IdSchema.nullable().default(null),
    /** For supervisors: when they began supervising peers. */
    supervisingSince: DateOrNull,
    /** For supervisors: when they completed the supervisory training. */
    supervisorTrainingOn: DateOrNull,
    /**
     * The peer's clinical supervisor, as written (name and credential), and their qualification (Kansas 003:
     * "regularly scheduled clinical supervision from … QMHP or … LMHP"); both or neither.
     */
    clinicalSupervisorName: z
      .string()
      .trim()
      .min(1, { message: 'Enter the clinical supervisor’s name, or leave it empty.' })
      .max(200, { message: 'Use at most 200 characters.' })
      .nullable()
      .default(null),
    clinicalSupervisorQualification: ClinicalSupervisorQualificationSchema.nullable().default(null),
  })
  .strict()
  .superRefine((profile, context) => {
    if (
      profile.certificationIssuedOn !== null &&
      profile.certificationExpiresOn !== null &&
      profile.certificationExpiresOn < profile.certificationIssuedOn
    ) {
      context.addIssue({
        code: 'custom',
        path: ['certificationExpiresOn'],
        message: 'The expiry date is before the issue date. Check both dates on the certificate.',
      });
    }
    const hasCertificationDetails =
      profile.certificationNumber !== null ||
      profile.certificationIssuedOn !== null ||
      profile.certificationExpiresOn !== null;
    if (profile.clinicalSupervisorName !== null && profile.clinicalSupervisorQualification === null) {
      context.addIssue({
        code: 'custom',
        path: ['clinicalSupervisorQualification'],
        message: 'Choose whether the clinical supervisor is a QMHP or an LMHP, or clear their name.',
      });
    }
    if (profile.clinicalSupervisorName === null && profile.clinicalSupervisorQualification !== null) {
      context.addIssue({
        code: 'custom',
        path: ['clinicalSupervisorName'],
        message: 'Enter the clinical supervisor’s name for this qualification, or clear the qualification.',
      });
    }
    if (profile.certificationType === null && hasCertificationDetails) {
      context.addIssue({
        code: 'custom',
        path: ['certificationType'],
        message: 'Choose the certification type for this number and these dates, or clear them.',
      });
    }
  });
export type StaffProfileRequest = z.infer<typeof StaffProfileRequestSchema>;
export type StaffProfileRequestInput = z.input<typeof StaffProfileRequestSchema>;

/** The stored profile with the user it belongs to. `hasProfile` is false until an admin first saves one. */
export const StaffProfileSchema = z.object({
  userId: IdSchema,
  displayName: z.string(),
  email: z.string(),
  roles: z.array(RoleSchema),
  hasProfile: z.boolean(),
  certificationType: CertificationTypeSchema.nullable(),
  certificationNumber: z.string().nullable(),
  certificationIssuedOn: CalendarDateSchema.nullable(),
  certificationExpiresOn: CalendarDateSchema.nullable(),
  npi: z.string().nullable(),
  taxonomy: z.string().nullable(),
  dateOfBirth: CalendarDateSchema.nullable(),
  highSchoolDiploma: z.boolean(),
  livedExperience: z.boolean(),
  backgroundCheckOn: CalendarDateSchema.nullable(),
  supervisorId: IdSchema.nullable(),
  supervisorName: z.string().nullable(),
  supervisingSince: CalendarDateSchema.nullable(),
  supervisorTrainingOn: CalendarDateSchema.nullable(),
  clinicalSupervisorName: z.string().nullable(),
  clinicalSupervisorQualification: ClinicalSupervisorQualificationSchema.nullable(),
  updatedAt: TimestampSchema.nullable(),
});
export type StaffProfile = z.infer<typeof StaffProfileSchema>;

/** The database keeps hours to two decimals (a quarter hour is 0.25). */
const hasTwoDecimalsAtMost = (hours: number): boolean =>
  Math.abs(hours * 100 - Math.round(hours * 100)) < 1e-6;
const TWO_DECIMALS = { message: 'Use at most two decimals, e.g. 1.25.' };
const HOURS_TYPE = { message: 'Enter the hours as a number, e.g. 1.5.' };

export const AddContinuingEducationRequestSchema = z
  .object({
    completedOn: CalendarDateSchema,
    title: z
      .string()
      .trim()
      .min(1, { message: 'Enter the course or training title.' })
      .max(200, { message: 'Use at most 200 characters.' }),
    provider: z
      .string()
      .trim()
      .min(1, { message: 'Enter who gave the training (e.g. CalMHSA).' })
      .max(200, { message: 'Use at most 200 characters.' }),
    hours: z
      .number(HOURS_TYPE)
      .positive({ message: 'Hours must be more than 0.' })
      .max(200, { message: 'Record at most 200 hours in one entry.' })
      .refine(hasTwoDecimalsAtMost, TWO_DECIMALS),
    /** Of those hours, how many were law and ethics. */
    lawAndEthicsHours: z
      .number(HOURS_TYPE)
      .min(0, { message: 'Hours cannot be negative.' })
      .refine(hasTwoDecimalsAtMost, TWO_DECIMALS)
      .default(0),
  })
  .strict()
  .refine((entry) => entry.lawAndEthicsHours <= entry.hours, {
    path: ['lawAndEthicsHours'],
    message: 'Law-and-ethics hours are part of the total, so they cannot be more than the hours.',
  });
export type AddContinuingEducationRequest = z.infer<typeof AddContinuingEducationRequestSchema>;
export type AddContinuingEducationRequestInput = z.input<typeof AddContinuingEducationRequestSchema>;

export const ContinuingEducationEntrySchema = z.object({
  id: IdSchema,
  completedOn: CalendarDateSchema,
  title: z.string(),
  provider: z.string(),
  hours: z.number(),
  lawAndEthicsHours: z.number(),
  createdAt: TimestampSchema,
});
export type ContinuingEducationEntry = z.infer<typeof ContinuingEducationEntrySchema>;

export const COMPLIANCE_STATUSES = ['compliant', 'attention', 'not_compliant'] as const;
/** `not_compliant`: a pack's error; `attention`: warnings only (e.g. CE hours short); `compliant`: neither. */
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];

/** Where the certification stands on a date, as the packs' certification rule sees it. */
export const CERTIFICATION_STATES = [
  'current',
  'missing',
  'uncertified',
  'not_yet_issued',
  'expired',
] as const;
export type CertificationState = (typeof CERTIFICATION_STATES)[number];

/** One problem a pack finds with the staff member, with every pack that finds it. */
export const ComplianceFindingSchema = ProblemSchema.extend({ packs: z.array(PayerPackIdSchema) });
export type ComplianceFinding = z.infer<typeof ComplianceFindingSchema>;

export const StaffComplianceSchema = z.object({
  status: z.enum(COMPLIANCE_STATUSES),
  certification: z.enum(CERTIFICATION_STATES),
  /** The date judged (the organisation's today unless asked for another). */
  asOf: CalendarDateSchema,
  /** The packs checked: those of the programs of the members the staff member (or their team) serves. */
  packs: z.array(PayerPackIdSchema),
  /**
   * `caseload` when the packs come from the members served; `organisation` when nobody is on the caseload
   * yet, so every program of the organisation is checked.
   */
  packsFrom: z.enum(['caseload', 'organisation']),
  /**
   * Continuing education counted for the current cycle (from the certification's issue date or its latest
   * anniversary to `asOf`), of the shortest cycle the packs checked set; with none set, every entry to `asOf`.
   */
  continuingEducation: z.object({
    cycleStart: CalendarDateSchema.nullable(),
    hours: z.number(),
    lawAndEthicsHours: z.number(),
  }),
  findings: z.array(ComplianceFindingSchema),
});
export type StaffCompliance = z.infer<typeof StaffComplianceSchema>;

/** What the acting user may do on this staff member's page (the server checks again on each request). */
export const StaffPermissionsSchema = z.object({
  editProfile: z.boolean(),
  addContinuingEducation: z.boolean(),
  removeContinuingEducation: z.boolean(),
});
export type StaffPermissions = z.infer<typeof StaffPermissionsSchema>;

export const SupervisorChoiceSchema = z.object({ id: IdSchema, displayName: z.string() });
export type SupervisorChoice = z.infer<typeof SupervisorChoiceSchema>;

export const StaffDetailSchema = z.object({
  profile: StaffProfileSchema,
  continuingEducation: z.array(ContinuingEducationEntrySchema),
  compliance: StaffComplianceSchema,
  permissions: StaffPermissionsSchema,
  /** Supervisors who may be assigned (only for those who may edit the profile; otherwise empty). */
  supervisorChoices: z.array(SupervisorChoiceSchema),
});
export type StaffDetail = z.infer<typeof StaffDetailSchema>;
export const StaffDetailResponseSchema = z.object({ staff: StaffDetailSchema });

export const StaffListItemSchema = z.object({
  userId: IdSchema,
  displayName: z.string(),
  roles: z.array(RoleSchema),
  certificationType: CertificationTypeSchema.nullable(),
  certificationExpiresOn: CalendarDateSchema.nullable(),
  supervisorName: z.string().nullable(),
  compliance: StaffComplianceSchema,
});
export type StaffListItem = z.infer<typeof StaffListItemSchema>;

export const StaffListQuerySchema = z.object({
  /** Only staff whose status is not `compliant`. */
  needsAttention: z
    .enum(['true', 'false'], { message: 'Use true or false.' })
    .optional()
    .transform((value) => value === 'true'),
  /** Judge compliance on this date instead of today (e.g. to see who expires next month). */
  asOf: CalendarDateSchema.optional(),
});
export type StaffListQuery = z.infer<typeof StaffListQuerySchema>;

export const StaffListResponseSchema = z.object({
  asOf: CalendarDateSchema,
  staff: z.array(StaffListItemSchema),
});
export type StaffListResponse = z.infer<typeof StaffListResponseSchema>;

export const StaffParamsSchema = z.object({ userId: IdSchema });
export const ContinuingEducationParamsSchema = z.object({ userId: IdSchema, entryId: IdSchema });
export const StaffDetailQuerySchema = z.object({ asOf: CalendarDateSchema.optional() });
