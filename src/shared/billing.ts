/**
 * @module shared/billing
 * The fixed vocabularies of billing — claim statuses, claim frequency codes, billing-run states and who can
 * clear a held note. The database's check constraints, the API's zod schemas and the web pages read these
 * lists, so a value is allowed in one place exactly when it is allowed in all of them.
 */

/**
 * A claim's life: made by a billing run (`ready`), put in an 837 file (`batched`), sent to the payer
 * (`submitted`), then `accepted` or `rejected` by the payer's front end, and finally `paid` or `denied`.
 */
export const CLAIM_STATUSES = [
  'ready',
  'batched',
  'submitted',
  'accepted',
  'rejected',
  'paid',
  'denied',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** The moves a claim's status may make; anything else is refused. */
export const CLAIM_STATUS_MOVES: Readonly<Record<ClaimStatus, readonly ClaimStatus[]>> = {
  ready: ['batched'],
  batched: ['submitted'],
  submitted: ['accepted', 'rejected'],
  accepted: ['paid', 'denied'],
  rejected: [],
  paid: [],
  denied: [],
};

/**
 * CLM05-3, the claim frequency type code: `1` an original claim, `7` a replacement of a prior claim, `8` a void
 * of a prior claim (837P 005010X222A1, 2300 CLM05-3).
 */
export const CLAIM_FREQUENCY_CODES = ['1', '7', '8'] as const;
export type ClaimFrequencyCode = (typeof CLAIM_FREQUENCY_CODES)[number];

/** A billing run is running, finished, failed with an error, or interrupted (its process died midway). */
export const BILLING_RUN_STATUSES = ['running', 'finished', 'failed', 'interrupted'] as const;
export type BillingRunStatus = (typeof BILLING_RUN_STATUSES)[number];

/** Who can clear a problem that holds a note: the peer who wrote it, a supervisor, or billing staff. */
export const HOLD_OWNERS = ['peer', 'supervisor', 'billing'] as const;
export type HoldOwner = (typeof HOLD_OWNERS)[number];

/** The member's sex as the 837's DMG segment takes it: female, male, or unknown. */
export const MEMBER_SEXES = ['F', 'M', 'U'] as const;
export type MemberSex = (typeof MEMBER_SEXES)[number];

/** Most service lines one 837P claim may carry (2400 loop repeat, 005010X222A1). */
export const MAX_LINES_PER_CLAIM = 50;
