/**
 * @module engine/rules/authorization
 * Which prior authorization a service draws on. One function, so the engine's authorization facts and the
 * billing run's record of the authorization a claim line burns can never choose differently.
 */
import type { Authorization } from '../../shared/api/claims.js';

/**
 * The index of the authorization a service of `code` on `date` draws on, or -1 when none matches: among the
 * authorizations for the code whose dates cover the date, the one with the most units left, and of those
 * with equally many the first (what a stable sort by units left, most first, would put first).
 *
 * @param authorizations - the member's authorizations for the payer, with the units already used
 * @param code - the line's procedure code, or null when the service has none (then nothing matches)
 * @param date - the date of service, 'YYYY-MM-DD'
 * @example
 * const index = chooseAuthorization(request.authorizations, 'H0038', '2026-11-18');
 * const chosen = index === -1 ? undefined : request.authorizations[index];
 */
export function chooseAuthorization(
  authorizations: readonly Pick<Authorization, 'code' | 'from' | 'to' | 'units' | 'usedUnits'>[],
  code: string | null,
  date: string,
): number {
  let best = -1;
  let bestRemaining = 0;
  for (let index = 0; index < authorizations.length; index += 1) {
    const authorization = authorizations[index];
    // Dates compare as strings: valid 'YYYY-MM-DD' dates order exactly as the calendar does.
    if (
      authorization === undefined ||
      authorization.code !== code ||
      authorization.from > date ||
      date > authorization.to
    ) {
      continue;
    }
    const remaining = authorization.units - authorization.usedUnits;
    // Strictly more: a later authorization with as many units left does not displace an earlier one.
    if (best === -1 || remaining > bestRemaining) {
      best = index;
      bestRemaining = remaining;
    }
  }
  return best;
}
