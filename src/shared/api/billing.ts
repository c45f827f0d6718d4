/**
 * @module shared/api/billing
 * The billing API's contract: billing runs and their progress, held notes on the worklist, claims and their
 * lifecycle, prior authorizations, the payer identifiers 837 files carry, and 837 batches. The server
 * validates with these schemas and the web app types its calls by them.
 */
import { z } from 'zod';
import { BILLING_RUN_STATUSES, CLAIM_FREQUENCY_CODES, CLAIM_STATUSES, HOLD_OWNERS } from '../billing.js';
import { ProblemSchema } from '../problem.js';
import { PayerPackIdSchema } from '../programs.js';
import { ModifierSchema } from './claims.js';
import { CalendarDateSchema, IdSchema, TimestampSchema } from './common.js';

const HcpcsSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]\d{4}$/, { message: 'Use a HCPCS code: a letter and four digits, such as H0038.' });

// ——— Billing runs ———

export const StartBillingRunRequestSchema = z
  .object({
    from: CalendarDateSchema,
    to: CalendarDateSchema,
    programId: IdSchema.optional(),
    payerPack: PayerPackIdSchema.optional(),
  })
  .refine((run) => run.from <= run.to, {
    message: 'The first date of service must be on or before the last.',
    path: ['to'],
  });
export type StartBillingRunRequest = z.infer<typeof StartBillingRunRequestSchema>;

export const BillingRunSchema = z.object({
  id: IdSchema,
  status: z.enum(BILLING_RUN_STATUSES),
  from: CalendarDateSchema,
  to: CalendarDateSchema,
  programId: IdSchema.nullable(),
  payerPack: PayerPackIdSchema.nullable(),
  startedBy: z.object({ id: IdSchema, displayName: z.string() }),
  /** Notes the run found to judge when it started. */
  notesTotal: z.number().int(),
  notesDone: z.number().int(),
  notesClaimed: z.number().int(),
  notesHeld: z.number().int(),
  claimsCreated: z.number().int(),
  /** The charges of the lines the run claimed. */
  chargeCents: z.number().int(),
  /** Why a failed run stopped, in plain words. */
  error: z.string().nullable(),
  startedAt: TimestampSchema,
  finishedAt: TimestampSchema.nullable(),
});
export type BillingRun = z.infer<typeof BillingRunSchema>;
export const BillingRunListSchema = z.object({ runs: z.array(BillingRunSchema) });
export type BillingRunList = z.infer<typeof BillingRunListSchema>;

// ——— Worklist ———

export const HeldNoteSchema = z.object({
  noteId: IdSchema,
  member: z.object({ id: IdSchema, displayName: z.string() }),
  author: z.object({ id: IdSchema, displayName: z.string() }),
  programId: IdSchema,
  dateOfService: CalendarDateSchema,
  payerPack: PayerPackIdSchema.nullable(),
  heldAt: TimestampSchema,
  /** The charge the note would bill once cleared, as signed (null when it had no line). */
  signedChargeCents: z.number().int().nullable(),
  problems: z.array(ProblemSchema.extend({ owner: z.enum(HOLD_OWNERS) })),
});
export type HeldNote = z.infer<typeof HeldNoteSchema>;

/** Held notes grouped by the problem holding them (a note with two problems is in two groups). */
export const HoldGroupSchema = z.object({
  code: z.string(),
  owner: z.enum(HOLD_OWNERS),
  /** The message of one of the notes, as an example; each note carries its own. */
  example: z.string(),
  source: ProblemSchema.shape.source,
  notes: z.number().int(),
  /** What the group's notes would charge, as signed. */
  chargeCents: z.number().int(),
});
export type HoldGroup = z.infer<typeof HoldGroupSchema>;

export const WorklistQuerySchema = z.object({
  programId: IdSchema.optional(),
  payerPack: PayerPackIdSchema.optional(),
  code: z.string().max(200).optional(),
  owner: z.enum(HOLD_OWNERS).optional(),
  from: CalendarDateSchema.optional(),
  to: CalendarDateSchema.optional(),
});
export type WorklistQuery = z.infer<typeof WorklistQuerySchema>;

export const ClaimStatusCountSchema = z.object({
  status: z.enum(CLAIM_STATUSES),
  claims: z.number().int(),
  chargeCents: z.number().int(),
});

export const WorklistSchema = z.object({
  groups: z.array(HoldGroupSchema),
  held: z.array(HeldNoteSchema),
  claimsByStatus: z.array(ClaimStatusCountSchema),
  /** Authorizations with less than a fifth of their units left, or ending within 30 days. */
  authorizationsRunningOut: z.array(z.lazy(() => AuthorizationSchema)),
});
export type Worklist = z.infer<typeof WorklistSchema>;

// ——— Claims ———

export const ClaimLineViewSchema = z.object({
  lineNumber: z.number().int(),
  noteId: IdSchema,
  code: z.string(),
  modifiers: z.array(z.string()),
  units: z.number().int(),
  unitChargeCents: z.number().int(),
  /** What the line billed. */
  chargeCents: z.number().int(),
  /** What the payer was expected to pay; null when no rate was known. */
  expectedUnitRateCents: z.number().int().nullable(),
  expectedCents: z.number().int().nullable(),
  placeOfService: z.string(),
  authorizationNumber: z.string().nullable(),
  current: z.boolean(),
  warnings: z.array(ProblemSchema),
});

export const ClaimSchema = z.object({
  id: IdSchema,
  claimNumber: z.string(),
  status: z.enum(CLAIM_STATUSES),
  frequencyCode: z.enum(CLAIM_FREQUENCY_CODES),
  originalClaimId: IdSchema.nullable(),
  supersededBy: IdSchema.nullable(),
  payerClaimNumber: z.string().nullable(),
  member: z.object({ id: IdSchema, displayName: z.string() }),
  renderingProvider: z.object({ id: IdSchema, displayName: z.string() }),
  programId: IdSchema,
  payerPack: PayerPackIdSchema,
  dateOfService: CalendarDateSchema,
  totalCents: z.number().int(),
  lineCount: z.number().int(),
  batchId: IdSchema.nullable(),
  statusChangedAt: TimestampSchema,
  createdAt: TimestampSchema,
});
export type Claim = z.infer<typeof ClaimSchema>;

export const ClaimDetailSchema = ClaimSchema.extend({
  lines: z.array(ClaimLineViewSchema),
  events: z.array(
    z.object({
      status: z.enum(CLAIM_STATUSES),
      comment: z.string().nullable(),
      by: z.string().nullable(),
      at: TimestampSchema,
    }),
  ),
});
export type ClaimDetail = z.infer<typeof ClaimDetailSchema>;

export const ClaimListQuerySchema = z.object({
  status: z.enum(CLAIM_STATUSES).optional(),
  payerPack: PayerPackIdSchema.optional(),
  programId: IdSchema.optional(),
  memberId: IdSchema.optional(),
  from: CalendarDateSchema.optional(),
  to: CalendarDateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type ClaimListQuery = z.infer<typeof ClaimListQuerySchema>;
export const ClaimListSchema = z.object({ claims: z.array(ClaimSchema) });

/** What the payer (or its clearinghouse) answered, recorded by billing staff. */
export const ClaimStatusChangeSchema = z
  .object({
    status: z.enum(['submitted', 'accepted', 'rejected', 'paid', 'denied']),
    /** The payer's claim number (ICN); required on acceptance, as corrections must cite it. */
    payerClaimNumber: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{1,50}$/, { message: 'Use the payer’s claim number: letters, digits and dashes.' })
      .optional(),
    comment: z.string().trim().max(2000).optional(),
  })
  .refine((change) => change.status !== 'accepted' || change.payerClaimNumber !== undefined, {
    message: 'Enter the payer’s claim number: a replacement or void of this claim must cite it.',
    path: ['payerClaimNumber'],
  });
export type ClaimStatusChange = z.infer<typeof ClaimStatusChangeSchema>;

export const ClaimCorrectionSchema = z.object({
  kind: z.enum(['replace', 'void']),
  reason: z.string().trim().min(1, { message: 'Say why the claim is corrected.' }).max(2000),
});
export type ClaimCorrection = z.infer<typeof ClaimCorrectionSchema>;

// ——— Authorizations ———

export const NewAuthorizationSchema = z
  .object({
    memberId: IdSchema,
    payerPack: PayerPackIdSchema,
    number: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{1,50}$/, { message: 'Use the authorization number as the payer gave it.' }),
    code: HcpcsSchema,
    /**
     * The procedure modifiers the payer authorized with the code, e.g. ['HQ'] for group services: the
     * authorization covers only services billed with exactly these (none: individual services only).
     */
    modifiers: z
      .array(z.string().trim().toUpperCase().pipe(ModifierSchema))
      .max(4, { message: 'A service has at most four modifiers.' })
      .default([]),
    /** The organisation's program the authorization was given for; omitted, it covers any program. */
    programId: IdSchema.optional(),
    units: z.number().int().min(1, { message: 'Authorize at least one unit.' }).max(100000),
    from: CalendarDateSchema,
    to: CalendarDateSchema,
  })
  .refine((authorization) => new Set(authorization.modifiers).size === authorization.modifiers.length, {
    message: 'List each modifier once.',
    path: ['modifiers'],
  })
  .refine((authorization) => authorization.from <= authorization.to, {
    message: 'The last day must be on or after the first.',
    path: ['to'],
  });
export type NewAuthorization = z.infer<typeof NewAuthorizationSchema>;

export const AuthorizationSchema = z.object({
  id: IdSchema,
  member: z.object({ id: IdSchema, displayName: z.string() }),
  payerPack: PayerPackIdSchema,
  number: z.string(),
  code: z.string(),
  /** The procedure modifiers it covers with the code ([] for individual services). */
  modifiers: z.array(z.string()),
  /** The program it covers; null for any program of the member. */
  program: z.object({ id: IdSchema, name: z.string() }).nullable(),
  units: z.number().int(),
  usedUnits: z.number().int(),
  remainingUnits: z.number().int(),
  from: CalendarDateSchema,
  to: CalendarDateSchema,
});
export type AuthorizationView = z.infer<typeof AuthorizationSchema>;
export const AuthorizationListSchema = z.object({ authorizations: z.array(AuthorizationSchema) });
export const AuthorizationListQuerySchema = z.object({ memberId: IdSchema.optional() });

// ——— Payer settings and 837 batches ———

const X12IdSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{2,15}$/, {
    message: 'Use 2–15 letters or digits, as the payer’s companion guide gives it.',
  });

/** ISA13 is nine digits. */
export const MAX_INTERCHANGE_CONTROL_NUMBER = 999_999_999;
const CONTROL_NUMBER = { message: 'Enter a whole number from 1 to 999999999.' };

export const PayerSettingsSchema = z.object({
  payerPack: PayerPackIdSchema,
  payerName: z.string().trim().min(1).max(60),
  payerId: X12IdSchema,
  receiverName: z.string().trim().min(1).max(60),
  receiverId: X12IdSchema,
  submitterName: z.string().trim().min(1).max(60),
  submitterId: X12IdSchema,
  contactName: z.string().trim().min(1).max(60),
  contactPhone: z.string().regex(/^[0-9]{10}$/, { message: 'Use ten digits, no spaces.' }),
  usageIndicator: z.enum(['T', 'P']),
  /**
   * The next interchange control number (ISA13) of this organisation and submitter id: shown as it stands
   * (absent only once every nine-digit number is used); sent only to change it. A number at or below one
   * already sent from this submitter is refused.
   */
  nextInterchangeControlNumber: z
    .number(CONTROL_NUMBER)
    .int(CONTROL_NUMBER)
    .min(1, CONTROL_NUMBER)
    .max(MAX_INTERCHANGE_CONTROL_NUMBER, CONTROL_NUMBER)
    .optional(),
});
export type PayerSettings = z.infer<typeof PayerSettingsSchema>;
export const PayerSettingsListSchema = z.object({ payers: z.array(PayerSettingsSchema) });

export const NewBatchSchema = z.object({ payerPack: PayerPackIdSchema });
export const BatchSchema = z.object({
  id: IdSchema,
  payerPack: PayerPackIdSchema,
  interchangeControlNumber: z.number().int(),
  fileName: z.string(),
  claimCount: z.number().int(),
  lineCount: z.number().int(),
  totalCents: z.number().int(),
  createdAt: TimestampSchema,
  submittedAt: TimestampSchema.nullable(),
});
export type Batch = z.infer<typeof BatchSchema>;
export const BatchListSchema = z.object({ batches: z.array(BatchSchema) });
