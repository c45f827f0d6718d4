/**
 * @module services/notes/language
 * The recovery-language helper's review of a note's text (engine/language): empty PIN parts and judgmental or
 * clinical wording, as warnings with a suggested alternative. Never blocks, except that signing needs every
 * PIN part written.
 */
import { reviewNoteLanguage, reviewPin, type NoteText } from '../../engine/index.js';
import type { NoteFields } from '../../shared/api/notes.js';
import type { Problem } from '../../shared/problem.js';

function textOf(fields: NoteFields): NoteText {
  return { ...fields.pin, memberResponse: fields.memberResponse };
}

/** Warnings for empty PIN parts and for wording to reconsider, in the Plan, Interaction, Next steps and response. */
export function languageProblems(fields: NoteFields): Problem[] {
  return reviewNoteLanguage(textOf(fields));
}

/** A warning for each empty PIN part (signing turns them into errors). */
export function pinProblems(fields: NoteFields): Problem[] {
  return reviewPin(textOf(fields));
}
