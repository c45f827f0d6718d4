/**
 * @module web/lib/note-consents
 * The consent on file for a telehealth note, in words, for the hint beside "How you met": which consent the
 * modality needs and whether the member's record has one in force on the date of service. The server works
 * that out with the note (`form.consent` of the note and of each autosave's answer); the claim preview is
 * what decides, and this only saves the peer a trip to the member's record.
 */
import { consentKindLabel } from '../../../src/shared/index.js';
import type { NoteForm } from '../../../src/shared/index.js';
import { formatDate } from './format.js';

/**
 * "Audio-only (telephone) consent on file, given Jan 1, 2025." or "No audio-only (telephone) consent on file
 * for this date: record it on the member's record." — null for in-person services.
 *
 * @param consent - the consent the note's modality calls for, as the server found it (null: in person)
 */
export function consentOnFileText(consent: NoteForm['consent']): string | null {
  if (consent === null) {
    return null;
  }
  const label = consentKindLabel(consent.kind);
  return consent.givenOn === null
    ? `No ${label.toLowerCase()} consent on file for this date: record it on the member’s record.`
    : `${label} consent on file, given ${formatDate(consent.givenOn)}.`;
}
