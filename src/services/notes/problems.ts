/**
 * @module services/notes/problems
 * What a note needs before it can be signed, as problems naming the note's fields (`['fields', …]`). While the
 * peer drafts they are warnings (`documentationProblems`); signing refuses with the same problems, at the same
 * paths, as errors, so the form puts both beside the same field.
 */
import type { NoteFields } from '../../shared/api/notes.js';
import type { Problem, Severity } from '../../shared/problem.js';

/** Problems raised by the notes service itself (not a payer's rule) name it as their source. */
const NOTES_SOURCE = { document: 'peerline-notes', section: 'What a signed note needs' } as const;

/** A problem about one of the note's fields, `field` given without the `fields` prefix. */
export function fieldProblem(
  severity: Severity,
  code: string,
  message: string,
  field: readonly (string | number)[],
): Problem {
  return { severity, code, message, path: ['fields', ...field], source: NOTES_SOURCE };
}

/** The same problems as errors of the request that tried to sign or preview; their paths stay the same. */
export function asRequestErrors(problems: readonly Problem[]): Problem[] {
  return problems.map((problem) => ({ ...problem, severity: 'error' }));
}

const blank = (text: string | null): boolean => text === null || text.trim() === '';

/**
 * Everything a signed record needs that `fields` lacks, as warnings: the times (end after start), how a
 * family-only service relates to the member's treatment, where the member was for telehealth,
 * two-identifier identity verification for audio-only, and a late reason when signed after a due date the
 * payer sets (due-dates.ts `lateReasonNeeded`). The PIN parts are the recovery-language helper's to check
 * (see language.ts).
 *
 * @param fields - the note's fields
 * @param late - the due date, and whether signing now needs a late reason
 */
export function signingProblems(
  fields: NoteFields,
  late: { dueOn: string; reasonNeeded: boolean },
): Problem[] {
  const problems: Problem[] = [];
  const need = (code: string, message: string, field: readonly (string | number)[]): void => {
    problems.push(fieldProblem('warning', code, message, field));
  };
  if (fields.start === null) need('note.start_missing', 'Enter the time the service started.', ['start']);
  if (fields.end === null) need('note.end_missing', 'Enter the time the service ended.', ['end']);
  if (fields.start !== null && fields.end !== null && fields.end <= fields.start) {
    need(
      'note.end_not_after_start',
      `The end time (${fields.end}) must be after the start time (${fields.start}). A service ends on the day it starts.`,
      ['end'],
    );
  }
  if (fields.recipient === 'family_without_member' && blank(fields.familyRelationToTreatment)) {
    need(
      'note.family_relation_missing',
      'Say how this service to family or support persons relates to the member’s treatment.',
      ['familyRelationToTreatment'],
    );
  }
  if (fields.modality !== 'in_person' && fields.memberLocation === null) {
    need('note.member_location_missing', 'Record where the member was during this telehealth service.', [
      'memberLocation',
    ]);
  }
  if (fields.modality === 'audio_only' && !fields.identityVerified) {
    need(
      'note.identity_not_verified',
      'For an audio-only service, verify the member’s identity with two identifiers (e.g. name and date of birth) and tick the box.',
      ['identityVerified'],
    );
  }
  if (late.reasonNeeded && blank(fields.lateReason)) {
    need(
      'note.late_reason_missing',
      `This note was due on ${late.dueOn}. Say briefly why it is signed late.`,
      ['lateReason'],
    );
  }
  return problems;
}
