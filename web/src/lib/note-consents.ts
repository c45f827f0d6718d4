/**
 * @module web/lib/note-consents
 * The consent on file for a telehealth note, in words, for the hint beside "How you met": which consent the
 * modality needs and whether the member's record has one in force on the date of service. The claim
 * preview is what decides; this only saves the peer a trip to the member's record.
 */
import { consentKindLabel } from '../../../src/shared/index.js';
import type { ConsentKind } from '../../../src/shared/documentation.js';
import type { MemberRecord, Modality } from '../../../src/shared/index.js';
import { formatDate } from './format.js';
import { consentInForce } from './in-force.js';

/** The consent a modality calls for, or null for in person. */
function consentNeeded(modality: Modality): ConsentKind | null {
  switch (modality) {
    case 'in_person':
      return null;
    case 'video':
      return 'telehealth';
    case 'audio_only':
      return 'audio_only';
  }
}

/**
 * "Audio-only (telephone) consent on file, given Jan 1, 2025." or "No audio-only (telephone) consent on file
 * for this date: record it on the member's record." — null for in-person services.
 *
 * @param consents - the member's consents
 * @param modality - how the service was given
 * @param date - the date of service
 */
export function consentOnFileText(
  consents: MemberRecord['consents'],
  modality: Modality,
  date: string,
): string | null {
  const kind = consentNeeded(modality);
  if (kind === null) {
    return null;
  }
  const onFile = consents.find((consent) => consent.kind === kind && consentInForce(consent, date));
  const label = consentKindLabel(kind);
  return onFile === undefined
    ? `No ${label.toLowerCase()} consent on file for this date: record it on the member’s record.`
    : `${label} consent on file, given ${formatDate(onFile.givenOn)}.`;
}
