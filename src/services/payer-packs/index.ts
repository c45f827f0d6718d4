/**
 * @module services/payer-packs
 * The payer packs as use cases see them: checking that a pack id a request names is installed.
 */
export { requireOptionalPayerPack, requirePayerPack } from './known-packs.js';
