/**
 * @module services/claims
 * Claims: previewing a service as a claim under its payer's rule pack, describing the loaded packs, and
 * reading what limits count (periods, authorizations in use) the same way for the note form and billing.
 */
export { previewClaim, NO_PACK } from './preview.js';
export type { PreviewClaimOptions } from './preview.js';
export { describePacks, describePack } from './describe-packs.js';
export { limitPeriodsOf, usedUnitsOf, authorizationsInUse } from './history-sources.js';
export type { LimitPeriods } from './history-sources.js';
