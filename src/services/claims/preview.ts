/**
 * @module services/claims/preview
 * Previews one service as a claim: picks the payer rule pack, then lets the engine judge it. The same call
 * serves the note form, the billing run, `POST /api/v1/claims/preview` and `peerline preview`, so it knows
 * nothing of HTTP and reads no stored record.
 */
import {
  allPacks,
  choosePack,
  evaluateService,
  evaluateServiceForBilling,
  inForce,
  type Evaluation,
  type Pack,
} from '../../engine/index.js';
import type { ClaimPreview, ClaimPreviewRequest } from '../../shared/api/claims.js';
import type { PayerPackId } from '../../shared/programs.js';
import { payerPackName } from '../../engine/index.js';
import { invalid, type ServiceError } from '../errors.js';

/** Problem code when no loaded pack applies to the request (see `previewClaim`). */
export const NO_PACK = 'claims.no_pack';

export interface PreviewClaimOptions {
  /** Include every rule evaluated, with what it compared (`checks`), not only the failures. */
  explainAll?: boolean;
}

/**
 * Judges a service under the pack it names, else under the member's coverage on the date of service.
 * A service that breaks rules is still previewed (`billable: false` with the problems); only a request
 * no pack applies to is refused.
 *
 * @param request - a request already parsed with `ClaimPreviewRequestSchema` (defaults applied)
 * @param options - `explainAll` to include every check with its comparisons
 * @returns the claim lines, problems, room under each limit and the pack used
 * @throws ServiceError `invalid` with the problem `claims.no_pack`: the named pack is not loaded
 *   (path `body.payerPack`), or no coverage of the member on the date of service has a loaded pack
 *   (path `body.member.coverage`)
 * @example
 * const preview = previewClaim(ClaimPreviewRequestSchema.parse(input), { explainAll: true });
 * if (!preview.billable) show(preview.problems);
 */
export function previewClaim(request: ClaimPreviewRequest, options: PreviewClaimOptions = {}): ClaimPreview {
  return evaluateService(packFor(request), request, { explainAll: options.explainAll === true });
}

/**
 * `previewClaim` for billing: the preview with the index of the authorization the service draws on (the
 * engine's own choice, which a line over a limit burns).
 *
 * @throws ServiceError `invalid` with the problem `claims.no_pack`, as `previewClaim`
 */
export function previewClaimForBilling(request: ClaimPreviewRequest): Evaluation {
  return evaluateServiceForBilling(packFor(request), request);
}

function packFor(request: ClaimPreviewRequest): Pack {
  const pack = choosePack(request);
  if (pack === undefined) {
    throw noPackError(request, allPacks());
  }
  return pack;
}

/**
 * The refusal when no pack applies, in words that say what to fix. Exported for its tests: with every pack
 * loaded, only the no-coverage case can happen through `previewClaim`.
 *
 * @param request - the request no loaded pack applies to
 * @param loaded - the packs loaded, listed as the alternatives
 */
export function noPackError(request: ClaimPreviewRequest, loaded: readonly Pack[]): ServiceError {
  const date = request.service.dateOfService;
  const available = describeAvailable(loaded);
  if (request.payerPack !== undefined) {
    return invalid(
      NO_PACK,
      `Peerline has no rules yet for ${payerPackName(request.payerPack)} (${request.payerPack}), so it cannot judge the service on ${date} under it. ${available}`,
      ['body', 'payerPack'],
    );
  }
  const covering = request.member.coverage
    .filter((entry) => inForce(date, entry.from, entry.to))
    .map((entry) => entry.payerPack);
  if (covering.length === 0) {
    return invalid(
      NO_PACK,
      `The member has no coverage on ${date}, the date of service, so Peerline cannot tell whose rules apply. Add the member’s coverage for that date, or name the payer pack to judge by.`,
      ['body', 'member', 'coverage'],
    );
  }
  return invalid(
    NO_PACK,
    `The member’s coverage on ${date} is with ${listOf(covering)}, which Peerline has no rules for yet. ${available}`,
    ['body', 'member', 'coverage'],
  );
}

function describeAvailable(packs: readonly Pack[]): string {
  return packs.length === 0
    ? 'No payer packs are loaded.'
    : `Packs available: ${packs.map((pack) => `${pack.name} (${pack.id})`).join(', ')}.`;
}

function listOf(ids: readonly PayerPackId[]): string {
  return [...new Set(ids)].map((id) => `${payerPackName(id)} (${id})`).join(' and ');
}
