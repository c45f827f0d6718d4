/**
 * @module shared/documentation
 * The fixed vocabularies of documentation records — staff credentials, members, plans of care, service notes
 * and group sessions. The database's check constraints, the API's zod schemas and the web forms all read these
 * lists, so a value is allowed in one place exactly when it is allowed in all of them.
 */
import { z } from 'zod';

/** Who a member contact is to the member. */
export const CONTACT_KINDS = ['guardian', 'family', 'significant_support'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** What an eligibility check found. */
export const ELIGIBILITY_RESULTS = ['eligible', 'not_eligible', 'pending'] as const;
export type EligibilityResult = (typeof ELIGIBILITY_RESULTS)[number];

/**
 * Eligibility criteria recorded as determined on a member, each with its date and who determined it (Kansas
 * 003 "Eligibility Criteria": functional assessment criteria for the target population; medical necessity
 * for rehabilitation services).
 */
export const ELIGIBILITY_CRITERIA = ['functional_assessment', 'medical_necessity'] as const;
export type EligibilityCriterion = (typeof ELIGIBILITY_CRITERIA)[number];

/** Consents a member can give; each has its own date. */
export const CONSENT_KINDS = ['telehealth', 'audio_only', 'release_of_information'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

/** ASAM Criteria levels of care (3rd edition numbering), for members with substance use diagnoses. */
export const ASAM_LEVELS = ['0.5', '1.0', '2.1', '2.5', '3.1', '3.3', '3.5', '3.7', '4.0'] as const;
export type AsamLevel = (typeof ASAM_LEVELS)[number];

/** A plan of care's place in its life: written, sent for approval, approved (then frozen), or sent back. */
export const CARE_PLAN_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type CarePlanStatus = (typeof CARE_PLAN_STATUSES)[number];

export const GOAL_STATUSES = ['not_started', 'in_progress', 'met', 'revised', 'discontinued'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/**
 * Areas of need a plan of care addresses, as WellCare of North Carolina lists them (policy WNC.CP.231 §I.D: the
 * member "has documented identified needs, in at least ONE or more of the following areas"), in its order:
 * 1 skills to manage symptoms and use community resources, 2 self-advocacy, 3 preparing for work, 4 peer
 * modeling for responsibility for one's own recovery, 5 daily living skills.
 */
export const NEED_AREAS = [
  'symptom_management',
  'self_advocacy',
  'work_preparation',
  'recovery_responsibility',
  'daily_living_skills',
] as const;
export type NeedArea = (typeof NEED_AREAS)[number];

/** A service note is a draft until its author signs it; a signed note never changes (addenda instead). */
export const NOTE_STATUSES = ['draft', 'signed'] as const;
export type NoteStatus = (typeof NOTE_STATUSES)[number];

/**
 * Supervisor review of a signed note: waiting in the queue, co-signed, or returned with comments (the author
 * answers with an addendum, which puts it back in the queue).
 */
export const REVIEW_STATUSES = ['not_required', 'pending', 'cosigned', 'returned'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const FACILITATOR_ROLES = ['lead', 'co_facilitator'] as const;
export type FacilitatorRole = (typeof FACILITATOR_ROLES)[number];

export const ContactKindSchema = z.enum(CONTACT_KINDS);
export const EligibilityResultSchema = z.enum(ELIGIBILITY_RESULTS);
export const EligibilityCriterionSchema = z.enum(ELIGIBILITY_CRITERIA);
export const ConsentKindSchema = z.enum(CONSENT_KINDS);
export const AsamLevelSchema = z.enum(ASAM_LEVELS);
export const CarePlanStatusSchema = z.enum(CARE_PLAN_STATUSES);
export const GoalStatusSchema = z.enum(GOAL_STATUSES);
export const NeedAreaSchema = z.enum(NEED_AREAS);
export const NoteStatusSchema = z.enum(NOTE_STATUSES);
export const ReviewStatusSchema = z.enum(REVIEW_STATUSES);
export const FacilitatorRoleSchema = z.enum(FACILITATOR_ROLES);
