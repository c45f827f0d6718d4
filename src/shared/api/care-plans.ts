/**
 * @module shared/api/care-plans
 * Plans of care: written with the member (long-term goals in the member's own words, S.M.A.R.T. short-term
 * goals each with a target date and status, whether the member took part and agreed), sent for approval, and
 * approved and signed by a behavioral health professional or a peer support supervisor. Every version is
 * kept: an approved version never changes, and an update is a new version copied from the latest approved
 * one. A draft may be incomplete; submitting checks that everything an approver needs is there.
 */
import { z } from 'zod';
import { CarePlanStatusSchema, GoalStatusSchema, NeedAreaSchema } from '../documentation.js';
import { APPROVER_ROLES } from './claims.js';
import { CalendarDateSchema, IdSchema, TimestampSchema } from './common.js';

/** A first plan, or an update of an approved one. */
export const CARE_PLAN_KINDS = ['new', 'updated'] as const;
export type CarePlanKind = (typeof CARE_PLAN_KINDS)[number];

export const CarePlanApproverRoleSchema = z.enum(APPROVER_ROLES);
export type CarePlanApproverRole = z.infer<typeof CarePlanApproverRoleSchema>;

/**
 * Days from the effective date to the review date when the approver names none. Choice: none of the packs'
 * sources sets a review interval for peer support plans of care; 180 days (about six months) is a common
 * program practice, and the approver can set another date.
 */
export const DEFAULT_CARE_PLAN_REVIEW_DAYS = 180;

export const MAX_SHORT_TERM_GOALS = 20;

const PersonSchema = z.object({ id: IdSchema, displayName: z.string() });

export const CarePlanGoalSchema = z.object({
  id: IdSchema,
  text: z.string(),
  targetDate: CalendarDateSchema.nullable(),
  status: GoalStatusSchema,
});
export type CarePlanGoal = z.infer<typeof CarePlanGoalSchema>;

export const CarePlanApprovalSchema = z.object({
  approver: PersonSchema,
  approverRole: CarePlanApproverRoleSchema,
  approvedAt: TimestampSchema,
  /** The calendar day of approval where the member's program is. */
  approvedOn: CalendarDateSchema,
});
export type CarePlanApproval = z.infer<typeof CarePlanApprovalSchema>;

/** What the signed-in user may do with this version now (the server checks again on every request). */
export const CarePlanActionsSchema = z.object({
  edit: z.boolean(),
  submit: z.boolean(),
  approve: z.boolean(),
  return: z.boolean(),
  startUpdate: z.boolean(),
});
export type CarePlanActions = z.infer<typeof CarePlanActionsSchema>;

export const CarePlanSchema = z.object({
  id: IdSchema,
  member: PersonSchema,
  version: z.number().int().min(1),
  kind: z.enum(CARE_PLAN_KINDS),
  status: CarePlanStatusSchema,
  /** Long-term goals, in the member's own words. */
  longTermGoals: z.string(),
  shortTermGoals: z.array(CarePlanGoalSchema),
  memberParticipated: z.boolean(),
  memberAgreed: z.boolean(),
  /** The areas of need the plan addresses (North Carolina §I.D), in the policy's order. */
  needAreas: z.array(NeedAreaSchema),
  author: PersonSchema,
  effectiveFrom: CalendarDateSchema.nullable(),
  /** The day before the next approved version takes effect; null while this one is the latest. */
  effectiveTo: CalendarDateSchema.nullable(),
  reviewOn: CalendarDateSchema.nullable(),
  approval: CarePlanApprovalSchema.nullable(),
  /** The approver's comment when they sent the plan back. */
  returnComment: z.string().nullable(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  actions: CarePlanActionsSchema,
});
export type CarePlan = z.infer<typeof CarePlanSchema>;

export const CarePlanResponseSchema = z.object({ plan: CarePlanSchema });
export type CarePlanResponse = z.infer<typeof CarePlanResponseSchema>;

export const MemberCarePlansResponseSchema = z.object({
  member: PersonSchema,
  /** Newest version first. */
  plans: z.array(CarePlanSchema),
  /** The approved version in effect today, if any. */
  currentPlanId: IdSchema.nullable(),
  /** Whether the signed-in user may write this member's first plan (only when there is none yet). */
  canCreate: z.boolean(),
});
export type MemberCarePlansResponse = z.infer<typeof MemberCarePlansResponseSchema>;

export const CarePlanListQuerySchema = z.object({
  status: CarePlanStatusSchema.default('submitted'),
});
export type CarePlanListQuery = z.infer<typeof CarePlanListQuerySchema>;

export const CarePlanListResponseSchema = z.object({ plans: z.array(CarePlanSchema) });
export type CarePlanListResponse = z.infer<typeof CarePlanListResponseSchema>;

export const CarePlanMemberParamsSchema = z.object({ memberId: IdSchema });

const GoalInputSchema = z.object({
  /** The id of a goal already on this draft (kept, so it keeps its identity); absent for a new goal. */
  id: IdSchema.optional(),
  text: z
    .string()
    .trim()
    .min(1, { message: 'Write the goal, or remove it.' })
    .max(1000, { message: 'Use at most 1,000 characters.' }),
  targetDate: CalendarDateSchema.nullable().default(null),
  status: GoalStatusSchema.default('not_started'),
});
export type CarePlanGoalInput = z.input<typeof GoalInputSchema>;

/** The whole editable content of a draft; a save replaces it (goals not sent are removed). */
export const CarePlanContentSchema = z.object({
  longTermGoals: z.string().max(5000, { message: 'Use at most 5,000 characters.' }).default(''),
  shortTermGoals: z
    .array(GoalInputSchema)
    .max(MAX_SHORT_TERM_GOALS, { message: `Use at most ${MAX_SHORT_TERM_GOALS} short-term goals.` })
    .default([]),
  memberParticipated: z.boolean().default(false),
  memberAgreed: z.boolean().default(false),
  /** The areas of need the plan addresses (North Carolina §I.D: at least one, for WellCare). */
  needAreas: z
    .array(NeedAreaSchema)
    .refine((areas) => new Set(areas).size === areas.length, {
      message: 'Tick each area of need once.',
    })
    .default([]),
});
export type CarePlanContent = z.infer<typeof CarePlanContentSchema>;
export type CarePlanContentInput = z.input<typeof CarePlanContentSchema>;

/** A new plan may start empty: the editor fills it in. */
export const CreateCarePlanRequestSchema = CarePlanContentSchema.partial();
export type CreateCarePlanRequest = z.infer<typeof CreateCarePlanRequestSchema>;

export const UpdateCarePlanRequestSchema = CarePlanContentSchema;
export type UpdateCarePlanRequest = z.infer<typeof UpdateCarePlanRequestSchema>;

export const ApproveCarePlanRequestSchema = z
  .object({
    /** Defaults to the day of approval. */
    effectiveFrom: CalendarDateSchema.optional(),
    /** Defaults to {@link DEFAULT_CARE_PLAN_REVIEW_DAYS} after the effective date. */
    reviewOn: CalendarDateSchema.optional(),
    /** Which of the approver's capacities signs; defaults to the one their roles give. */
    approverRole: z.enum(['behavioral_health_professional', 'peer_support_supervisor']).optional(),
  })
  .refine(
    (body) =>
      body.effectiveFrom === undefined || body.reviewOn === undefined || body.effectiveFrom <= body.reviewOn,
    { message: 'The review date cannot be before the effective date.', path: ['reviewOn'] },
  );
export type ApproveCarePlanRequest = z.infer<typeof ApproveCarePlanRequestSchema>;

export const ReturnCarePlanRequestSchema = z.object({
  comment: z
    .string()
    .trim()
    .min(1, { message: 'Tell the author what to change.' })
    .max(2000, { message: 'Use at most 2,000 characters.' }),
});
export type ReturnCarePlanRequest = z.infer<typeof ReturnCarePlanRequestSchema>;

/** Human label of an approver role, for the signature line. */
export function approverRoleLabel(role: CarePlanApproverRole): string {
  switch (role) {
    case 'behavioral_health_professional':
      return 'Behavioral health professional';
    case 'peer_support_supervisor':
      return 'Peer support supervisor';
    case 'other':
      return 'Other approver';
  }
}
