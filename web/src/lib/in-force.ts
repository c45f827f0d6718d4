/**
 * @module web/lib/in-force
 * Whether a dated record (coverage, a consent) is in force on a day, for hints and summaries. The server's
 * engine decides claims with its own `inForce` (src/engine/calendar/periods.ts); the web app may import only
 * src/shared, so this is the same rule for the screen: `from` and `to` both count, a null `to` is open.
 */
import type { Consent } from '../../../src/shared/api/members.js';

/**
 * True when `date` is on or after `from` and, unless `to` is null, on or before `to`. 'YYYY-MM-DD' strings
 * order as the dates do.
 *
 * @param date - the day asked about
 * @param from - the first day in force
 * @param to - the last day in force, or null while open
 */
export function inForce(date: string, from: string, to: string | null): boolean {
  return from <= date && (to === null || date <= to);
}

/**
 * True when a consent is in force on `date`: given by then, not yet expired, and not revoked (the day it is
 * revoked it no longer counts).
 *
 * @param consent - one of the member's consents
 * @param date - the day asked about
 */
export function consentInForce(
  consent: Pick<Consent, 'givenOn' | 'expiresOn' | 'revokedOn'>,
  date: string,
): boolean {
  return (
    inForce(date, consent.givenOn, consent.expiresOn) &&
    (consent.revokedOn === null || date < consent.revokedOn)
  );
}
