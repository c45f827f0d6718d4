/**
 * @module services/claims
 * Claims: previewing a service as a claim under its payer's rule pack, and describing the loaded packs.
 */
export { previewClaim, NO_PACK } from './preview.js';
export type { PreviewClaimOptions } from './preview.js';
export { describePacks, describePack } from './describe-packs.js';
