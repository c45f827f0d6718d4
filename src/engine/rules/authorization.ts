/**
 * @module engine/rules/authorization
 * Which prior authorization a service draws on. One function, so the engine's authorization facts and the
 * billing run's record of the authorization a claim line burns can never choose differently.
 */
import type { Authorization } from '../../shared/api/claims.js';

/**
 * The index of the authorization a service of `code` on `date` draws on, or -1 when none matches: among the
 * authorizations for the code and the procedure's modifiers whose dates cover the date, the one with the most
 * units left, and of those with equally many the first (what a stable sort by units left, most first, would
 * put first).
 *
 * An authorization covers a service only when its code and its modifiers match (rules catalog, December 2026
 * review): one for H0038 does not cover H0038 HQ group services, nor one for H0038 HQ individual services.
 * The modifiers compared are the procedure's (HQ for group, HF for contingency management), not those added
 * for how the service was given (telehealth, a setting) or by the user, which the payer authorizes with the
 * service itself.
 *
 * @param authorizations - the member's authorizations for the payer, with the units already used
 * @param code - the line's procedure code, or null when the service has none (then nothing matches)
 * @param procedureModifiers - the modifiers of the procedure that chose the code ([] for most)
 * @param date - the date of service, 'YYYY-MM-DD'
 * @example
 * const index = chooseAuthorization(request.authorizations, 'H0038', ['HQ'], '2026-11-18');
 * const chosen = index === -1 ? undefined : request.authorizations[index];
 */
export function chooseAuthorization(
  authorizations: readonly Pick<
    Authorization,
    'code' | 'modifiers' | 'from' | 'to' | 'units' | 'usedUnits'
  >[],
  code: string | null,
  procedureModifiers: readonly string[],
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
      date > authorization.to ||
      !sameModifiers(authorization.modifiers, procedureModifiers)
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

/** True when the two lists hold the same modifiers, in any order (a payer's order is a billing convention). */
function sameModifiers(authorized: readonly string[], procedure: readonly string[]): boolean {
  // The usual case, an individual authorization and service, without building sets.
  if (authorized.length === 0 || procedure.length === 0) return authorized.length === procedure.length;
  const wanted = new Set(procedure);
  const given = new Set(authorized);
  if (wanted.size !== given.size) return false;
  for (const modifier of given) {
    if (!wanted.has(modifier)) return false;
  }
  return true;
}
