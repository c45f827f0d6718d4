/**
 * @module services/payer-packs/known-packs
 * Pack ids arrive as plain strings (the API's schema checks their form only: which packs exist is decided at
 * start-up). Each use case that stores or acts on a pack id checks it here first, so an id without a pack is a
 * 400 naming the field and the packs there are — never a row the rules cannot judge.
 */
import { isPayerPack, payerPackIds, payerPackName } from '../../engine/index.js';
import type { PayerPackId } from '../../shared/programs.js';
import type { Problem } from '../../shared/problem.js';
import { invalid } from '../errors.js';

/**
 * Throws a 400 at `path` unless `id` names an installed pack.
 *
 * @example requirePayerPack('zz-none', ['body', 'payerPack'])
 * // "Peerline has no payer rules with the id zz-none. Choose one of: ca-dhcs (California Medi-Cal (DHCS)), …"
 */
export function requirePayerPack(id: PayerPackId, path: Problem['path']): void {
  if (isPayerPack(id)) {
    return;
  }
  throw invalid(
    'payer_pack.unknown',
    `Peerline has no payer rules with the id ${id}. Choose one of: ${payerPackIds()
      .map((known) => `${known} (${payerPackName(known)})`)
      .join(', ')}.`,
    path,
  );
}

/** `requirePayerPack` for an optional filter: an absent pack is no filter and passes. */
export function requireOptionalPayerPack(id: PayerPackId | null | undefined, path: Problem['path']): void {
  if (id !== undefined && id !== null) {
    requirePayerPack(id, path);
  }
}
