/**
 * @module services/payer-packs
 * The payer packs as use cases see them: checking that a pack id a request names is installed, and that a
 * program a record names bills the payer.
 */
export { requireOptionalPayerPack, requirePayerPack } from './known-packs.js';
export { requireProgramBilling, type ProgramRecordWords } from './billing-program.js';
