/**
 * @module services/billing
 * From signed notes to claims: billing runs that claim or hold each note under its payer's rules against the
 * member's real history, prior authorizations they burn down, the worklist of held notes, the claim
 * lifecycle with replacement and void, payer settings, and 837P batches.
 */
export {
  startBillingRun,
  processBillingRun,
  listBillingRuns,
  getBillingRun,
  BILLING_ROLES,
  DEFAULT_CHUNK_MEMBERS,
} from './run.js';
export type { ProcessOptions } from './run.js';
export { addAuthorization, listAuthorizations, authorizationsRunningOut } from './authorizations.js';
export { listClaims, getClaim, changeClaimStatus, correctClaim } from './claims.js';
export { getWorklist, worklistCsv } from './worklist.js';
export { listPayerSettings, savePayerSettings, payerSettingsOf } from './payer-settings.js';
export { listBatches, batchFile, submitBatch } from './batches.js';
export { export837Stream, DEFAULT_CLAIMS_PER_FILE } from './export.js';
export type {
  Export837File,
  Export837Open,
  Export837Options,
  Export837Result,
  Export837Sink,
} from './export.js';
export { decisionOf } from './decisions.js';
export type { Decision } from './decisions.js';
export { ownerOf } from './owners.js';
