/**
 * @module shared/api/claims
 * The claim preview contract: one self-contained service with everything the payer rules need to judge it
 * (the member's coverage and history, the staff member's credentials, the plan of care), and the answer —
 * claim lines, problems, room left under each limit, and the pack and version used. The note form, the
 * billing run, `POST /api/v1/claims/preview` and `peerline preview` all use this one shape.
 */
import { z } from 'zod';
import { AsamLevelSchema, NeedAreaSchema } from '../documentation.js';
import { ProblemSchema } from '../problem.js';
import { PayerPackIdSchema, ProgramTypeSchema } from '../programs.js';

const DateSchema = z.iso.date({ message: 'Use a date in the form YYYY-MM-DD.' });
const ClockTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Use a 24-hour time in the form HH:MM, e.g. 09:30.' });
/** A procedure modifier: two letters or digits, e.g. HQ (group) or GT (video). */
export const ModifierSchema = z
  .string()
  .regex(/^[A-Z0-9]{2}$/, { message: 'A modifier is two letters or digits.' });

export const SERVICE_TYPES = [
  'engagement',
  'therapeutic_activity',
  'skill_building_group',
  'contingency_management',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

/**
 * What was done. Most are peer support proper; the rest are activities some packs exclude (WellCare of NC
 * §II), recorded so the engine can say so rather than the payer denying the claim later.
 */
export const ACTIVITIES = [
  'recovery_coaching',
  'goal_setting',
  'resource_linkage',
  'skill_building',
  'advocacy',
  'family_education',
  'crisis_support',
  'transportation',
  'habilitation',
  'recreation',
  'peer_supervision',
  'childcare',
  'academic_teaching',
  'room_and_board',
  'other',
] as const;
export type Activity = (typeof ACTIVITIES)[number];

export const MODALITIES = ['in_person', 'video', 'audio_only'] as const;
export type Modality = (typeof MODALITIES)[number];

export const MEMBER_LOCATIONS = ['home', 'community', 'clinic', 'school', 'work', 'other'] as const;

export const CERTIFICATION_TYPES = [
  'medi_cal_peer',
  'medi_cal_peer_family',
  'kansas_peer',
  'north_carolina_peer',
  'legacy_uncertified',
] as const;
export type CertificationType = (typeof CERTIFICATION_TYPES)[number];

/**
 * What a peer's clinical supervisor qualifies as (Kansas 003 Additional Service Criteria 2: a Qualified Mental
 * Health Professional or a PAHP-designated Licensed Mental Health Professional).
 */
export const CLINICAL_SUPERVISOR_QUALIFICATIONS = ['qmhp', 'lmhp'] as const;
export type ClinicalSupervisorQualification = (typeof CLINICAL_SUPERVISOR_QUALIFICATIONS)[number];

export const DIAGNOSIS_CATEGORIES = ['mental_health', 'substance_use', 'intellectual_developmental'] as const;
export const SPECIAL_POPULATIONS = ['katie_a', 'icc', 'ihbs'] as const;
export const APPROVER_ROLES = ['behavioral_health_professional', 'peer_support_supervisor', 'other'] as const;

export const ServiceSchema = z.object({
  dateOfService: DateSchema,
  type: z.enum(SERVICE_TYPES),
  activity: z.enum(ACTIVITIES).default('recovery_coaching'),
  /** Who the peer worked with: the member, or family / support persons without the member. */
  recipient: z.enum(['member', 'family_without_member']).default('member'),
  /** How a service to family relates to the member's treatment (required for family services). */
  familyRelationToTreatment: z.string().trim().min(1).optional(),
  start: ClockTimeSchema,
  end: ClockTimeSchema,
  /** Stretches within the service when the peer was not with the member (excluded from billed minutes). */
  gaps: z.array(z.object({ start: ClockTimeSchema, end: ClockTimeSchema })).default([]),
  modality: z.enum(MODALITIES),
  /** Where the member was (required for telehealth; decides the telehealth place of service). */
  memberLocation: z.enum(MEMBER_LOCATIONS).optional(),
  /** CMS place-of-service code; derived for telehealth when omitted. */
  placeOfService: z
    .string()
    .regex(/^\d{2}$/, {
      message: 'Use a two-digit CMS place-of-service code, e.g. 11 (office) or 12 (home).',
    })
    .optional(),
  /** Audio-only: identity verified with two identifiers before the encounter. */
  identityVerified: z.boolean().default(false),
  /** Modifiers the user chose (the engine adds the ones a pack requires). */
  modifiers: z.array(ModifierSchema).default([]),
  group: z
    .object({
      /** Members attending (each gets their own claim line). */
      attendees: z.number().int().min(1),
      /** Full-time-equivalent facilitators present (e.g. 1, or 2 for two full-time facilitators). */
      facilitatorFte: z.number().positive(),
    })
    .optional(),
  /** The activity is part of the member's plan of care / person-centred plan. */
  interventionInPlan: z.boolean().default(true),
  /** Services to a member under 18: coordination with family or guardian is documented. */
  familyCoordinationDocumented: z.boolean().default(false),
  pin: z
    .object({
      plan: z.string().default(''),
      interaction: z.string().default(''),
      nextSteps: z.string().default(''),
    })
    .default({ plan: '', interaction: '', nextSteps: '' }),
  /**
   * When this note documents the member's plan of care (Los Angeles: the plan of care is the first peer
   * note), what it holds.
   */
  planOfCare: z
    .object({
      kind: z.enum(['new', 'updated']),
      /** Long-term goals, in the member's own words. */
      longTermGoalsInMemberWords: z.string().default(''),
      /** S.M.A.R.T. short-term goals; each needs a target date to be time-bound. */
      shortTermGoals: z
        .array(z.object({ text: z.string().min(1), targetDate: DateSchema.optional() }))
        .default([]),
      memberParticipated: z.boolean().default(false),
      memberAgreed: z.boolean().default(false),
    })
    .optional(),
  /** Date the note was signed; absent while it is a draft. */
  signedOn: DateSchema.optional(),
  lateReason: z.string().trim().min(1).optional(),
  /** Under-21 EPSDT medical-necessity justification for exceeding limits (North Carolina). */
  epsdtJustification: z.string().trim().min(1).optional(),
  /**
   * Why the member's consent to a telephone service could not be obtained, documented "in extenuating
   * circumstances" (North Carolina §V.G).
   */
  consentCircumstances: z.string().trim().min(1).optional(),
});
export type ServiceInput = z.infer<typeof ServiceSchema>;

export const MemberContextSchema = z.object({
  dateOfBirth: DateSchema,
  coverage: z
    .array(
      z.object({
        payerPack: PayerPackIdSchema,
        memberId: z.string().min(1),
        from: DateSchema,
        to: DateSchema.nullable().default(null),
      }),
    )
    .default([]),
  hasMedicare: z.boolean().default(false),
  diagnoses: z
    .array(z.object({ code: z.string().min(3), category: z.enum(DIAGNOSIS_CATEGORIES) }))
    .default([]),
  /** ASAM Level 1 criteria met (SUD diagnoses, North Carolina). */
  asamLevel1Met: z.boolean().default(false),
  specialPopulations: z.array(z.enum(SPECIAL_POPULATIONS)).default([]),
  /** Dates on which eligibility was checked and confirmed. */
  eligibilityVerifiedOn: z.array(DateSchema).default([]),
  consents: z
    .object({
      telehealth: DateSchema.optional(),
      audioOnly: DateSchema.optional(),
    })
    .default({}),
  carePlan: z
    .object({
      approvedOn: DateSchema.optional(),
      approverRole: z.enum(APPROVER_ROLES).optional(),
      effectiveFrom: DateSchema.optional(),
      effectiveTo: DateSchema.optional(),
      /**
       * The date set on the plan for its next review with the member (Los Angeles: a progress note says when
       * the plan was reviewed or updated, so a review date that has passed asks the peer to do so).
       */
      reviewOn: DateSchema.optional(),
      /** The areas of need the plan addresses (North Carolina §I.D); none recorded when empty. */
      needAreas: z.array(NeedAreaSchema).optional(),
    })
    .optional(),
  /**
   * Date of service of the member's first signed note that documents their plan of care (Los Angeles: the Plan
   * of Care "should be the first progress note entered"); absent when there is none.
   */
  firstPlanOfCareNoteOn: DateSchema.optional(),
  /** Date of the comprehensive clinical assessment by a licensed clinician (North Carolina). */
  comprehensiveAssessmentOn: DateSchema.optional(),
  /** The licensed clinician who did that assessment, as recorded (North Carolina: "by a licensed clinician"). */
  comprehensiveAssessmentBy: z.string().trim().min(1).optional(),
  /**
   * The service order for medical necessity on the member's episode of care (North Carolina): its date and
   * who ordered it, with their credential. Parts not recorded are left out.
   */
  serviceOrder: z
    .object({
      orderedOn: DateSchema.optional(),
      clinician: z.string().trim().min(1).optional(),
      credential: z.string().trim().min(1).optional(),
    })
    .optional(),
  /** First day of the current episode of care. */
  episodeStart: DateSchema.optional(),
  /** The ASAM level of care recorded on the member, if any (North Carolina names it when it is not Level 1). */
  asamLevel: AsamLevelSchema.optional(),
  /**
   * The latest date on or before the date of service the member was found to meet the functional assessment
   * criteria for the target population (Kansas 003 Eligibility Criteria); absent when none is recorded.
   */
  functionalAssessmentOn: DateSchema.optional(),
  /** Likewise for the medical necessity criteria for rehabilitation services (Kansas 003). */
  medicalNecessityOn: DateSchema.optional(),
});
export type MemberContext = z.infer<typeof MemberContextSchema>;

export const StaffContextSchema = z.object({
  certification: z
    .object({
      type: z.enum(CERTIFICATION_TYPES),
      issuedOn: DateSchema.optional(),
      expiresOn: DateSchema.optional(),
    })
    .optional(),
  dateOfBirth: DateSchema.optional(),
  highSchoolDiploma: z.boolean().default(false),
  livedExperience: z.boolean().default(false),
  /** The rendering peer's taxonomy as recorded on their profile; absent when none is (never filled in). */
  taxonomy: z.string().optional(),
  hasAssignedSupervisor: z.boolean().default(false),
  /** The qualification of the peer's recorded clinical supervisor (Kansas); absent when none is recorded. */
  clinicalSupervisorQualification: z.enum(CLINICAL_SUPERVISOR_QUALIFICATIONS).optional(),
  /** Continuing education in the current certification cycle. */
  continuingEducation: z
    .object({ hours: z.number().min(0), lawAndEthicsHours: z.number().min(0) })
    .default({ hours: 0, lawAndEthicsHours: 0 }),
  /** For peer support supervisors: when they started supervising and finished the supervisory training. */
  supervision: z.object({ startedOn: DateSchema, trainingCompletedOn: DateSchema.optional() }).optional(),
});
export type StaffContext = z.infer<typeof StaffContextSchema>;

export const HistorySchema = z.object({
  /**
   * Units already billed for the member on the date of service, by HCPCS code. The engine reads the entry of
   * the code it chooses for the service, so a caller need not know the code before judging.
   */
  unitsSameDayByCode: z
    .record(
      z.string().regex(/^[A-Z]\d{4}$/, 'A HCPCS code is a letter and four digits, e.g. H0038.'),
      z.number().int().min(0),
    )
    .default({}),
  /** Unmanaged (unauthorised) units already used in this episode in this state fiscal year (North Carolina). */
  episodeFiscalYearUnits: z.number().int().min(0).default(0),
  /** Group hours (peer support plus psychosocial rehabilitation) already used this calendar year (Kansas). */
  calendarYearGroupHours: z.number().min(0).default(0),
});
export type ServiceHistory = z.infer<typeof HistorySchema>;

export const AuthorizationSchema = z.object({
  number: z.string().min(1),
  code: z.string().regex(/^[A-Z]\d{4}$/),
  /**
   * The procedure modifiers the authorization is for, e.g. ['HQ'] for group services: it covers a service
   * only when these equal the modifiers of the service's procedure (none for an individual service).
   */
  modifiers: z.array(ModifierSchema).max(4).default([]),
  units: z.number().int().min(1),
  usedUnits: z.number().int().min(0).default(0),
  from: DateSchema,
  to: DateSchema,
});
export type Authorization = z.infer<typeof AuthorizationSchema>;

/**
 * One line of the organisation's fee schedule in force on the date of service, for the payer (and the
 * program, where the schedule names one): what the organisation charges for the code with exactly these
 * procedure modifiers, and what it expects the payer to pay.
 */
export const FeeSchema = z.object({
  code: z
    .string()
    .regex(/^[A-Z]\d{4}$/, { message: 'A procedure code is a letter and four digits, e.g. H0038.' }),
  /** The procedure's modifiers the fee is for, e.g. ['HQ'] for a group service; [] for an individual one. */
  modifiers: z.array(ModifierSchema).max(4).default([]),
  /** The charge for one unit (usual and customary), in cents: the 837's CLM02 and SV102 are units × this. */
  unitChargeCents: z.number().int().min(1, { message: 'A charge is at least one cent.' }),
  /** What the payer is expected to pay for one unit; null leaves it to the pack's rate, where it has one. */
  expectedUnitRateCents: z.number().int().min(0).nullable().default(null),
});
export type Fee = z.infer<typeof FeeSchema>;

export const ClaimPreviewRequestSchema = z.object({
  /** The pack to judge by; when omitted, the member's coverage on the date of service decides. */
  payerPack: PayerPackIdSchema.optional(),
  service: ServiceSchema,
  member: MemberContextSchema,
  staff: StaffContextSchema.default({
    highSchoolDiploma: false,
    livedExperience: false,
    hasAssignedSupervisor: false,
    continuingEducation: { hours: 0, lawAndEthicsHours: 0 },
  }),
  program: z.object({ type: ProgramTypeSchema }),
  history: HistorySchema.default({
    unitsSameDayByCode: {},
    episodeFiscalYearUnits: 0,
    calendarYearGroupHours: 0,
  }),
  authorizations: z.array(AuthorizationSchema).default([]),
  /**
   * The organisation's fee schedule in force on the date of service for the payer: a line's charge comes from
   * the fee for its code and procedure modifiers, and without one the service cannot be billed.
   */
  fees: z.array(FeeSchema).default([]),
  /** Pack settings to override for this evaluation (choices where the sources are silent). */
  settings: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
});
export type ClaimPreviewRequest = z.infer<typeof ClaimPreviewRequestSchema>;

export const ClaimLineSchema = z.object({
  code: z.string(),
  modifiers: z.array(z.string()),
  /** The pack's name for the procedure, e.g. Alameda's "PSS Family Engagement/Therapeutic Activity". */
  procedure: z.string(),
  units: z.number().int(),
  /** The organisation's charge for one unit, from its fee schedule; 0 when none is on file (an error then). */
  unitChargeCents: z.number().int(),
  /** units × unitChargeCents: what the claim bills (837 SV102, and CLM02 summed). */
  chargeCents: z.number().int(),
  /** What the payer is expected to pay for one unit (the fee schedule's, else the pack's); null when unknown. */
  unitRateCents: z.number().int().nullable(),
  /** units × unitRateCents: the expected payment; null when no rate is known. */
  expectedCents: z.number().int().nullable(),
  placeOfService: z.string(),
});
export type ClaimLine = z.infer<typeof ClaimLineSchema>;

export const LimitRoomSchema = z.object({
  id: z.string(),
  label: z.string(),
  period: z.string(),
  limit: z.number(),
  usedBefore: z.number(),
  thisService: z.number(),
  /** What is left after this service (negative when it goes over). */
  remaining: z.number(),
  unit: z.enum(['units', 'hours']),
});
export type LimitRoom = z.infer<typeof LimitRoomSchema>;

const ComparedValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);

export const RuleCheckSchema = z.object({
  ruleId: z.string(),
  ruleVersion: z.string(),
  passed: z.boolean(),
  comparisons: z.array(
    z.object({
      fact: z.string(),
      operator: z.string(),
      /** The fact's value; null when the fact has none. */
      actual: ComparedValueSchema,
      /** What it was compared with; null for operators that take no operand (present, isTrue …). */
      expected: ComparedValueSchema,
    }),
  ),
});
export type RuleCheck = z.infer<typeof RuleCheckSchema>;

export const ClaimPreviewSchema = z.object({
  pack: z.object({ id: PayerPackIdSchema, version: z.string(), name: z.string() }),
  /** True when no problem is an error: the service can be billed as shown. */
  billable: z.boolean(),
  lines: z.array(ClaimLineSchema),
  problems: z.array(ProblemSchema),
  limits: z.array(LimitRoomSchema),
  minutes: z.number().int(),
  /** Business-day due date of the note (day of service = day 0). */
  noteDueOn: z.string().nullable(),
  /** Every rule evaluated, with what it compared (only when asked for: `?explain=all`). */
  checks: z.array(RuleCheckSchema).optional(),
});
export type ClaimPreview = z.infer<typeof ClaimPreviewSchema>;
