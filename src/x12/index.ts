/**
 * @module x12
 * The X12 837P (005010X222A1) claim file writer. Pure: no I/O and no clock; the creation date and time and every
 * control number come in with the batch. `validateBatch837` lists what stops a batch from being written;
 * `write837`, `write837To` and `chunks837` write it, or throw `Batch837Error` with those problems.
 *
 * @example
 * import { write837, Batch837Error } from './x12/index.js';
 * try {
 *   const { text, summary } = write837(batch);
 * } catch (error) {
 *   if (error instanceof Batch837Error) showProblems(error.problems);
 * }
 */
export {
  CLAIM_FREQUENCY_CODES,
  GENDER_CODES,
  INTERCHANGE_ID_QUALIFIERS,
  type Address,
  type Batch837,
  type BillingProvider837,
  type Claim837,
  type ClaimFrequencyCode,
  type GenderCode,
  type Interchange837,
  type InterchangeIdQualifier,
  type Payer837,
  type Receiver837,
  type RenderingProvider837,
  type ServiceLine837,
  type Submitter837,
  type Subscriber837,
  type Summary837,
  type UsageIndicator,
  type Write837Options,
} from './types.js';
export { X12_LIMITS, X12_PROBLEM_CODES, validateBatch837, type X12ProblemCode } from './validate/index.js';
export {
  Batch837Error,
  DEFAULT_MAX_CLAIMS_PER_TRANSACTION,
  IMPLEMENTATION_GUIDE,
  chunks837,
  write837,
  write837To,
  type Written837,
} from './write.js';
export { DELIMITERS } from './values.js';
