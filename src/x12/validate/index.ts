/**
 * @module x12/validate
 * What stops an 837P batch from being written, split by concern: the envelope and the payer's settings
 * (envelope.ts), the providers (provider.ts), the member (subscriber.ts), the claim (claim.ts), its lines
 * (line.ts) and single values (values.ts), walked in file order by batch.ts. `validateBatch837` takes the fast
 * paths; `referenceValidateBatch837` takes none and is the yardstick the property tests hold it to.
 */
export { validateBatch837, referenceValidateBatch837 } from './batch.js';
export { X12_LIMITS, X12_PROBLEM_CODES, type X12ProblemCode } from './codes.js';
export { sameMemberId } from './subscriber.js';
