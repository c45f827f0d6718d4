/**
 * @module engine/language/review
 * The recovery-language review of a service note's PIN (Plan, Interaction, Next steps) and the member's response:
 * warnings for an empty PIN part and for judgmental or clinical wording, each with what to write instead. Only
 * warnings: the helper suggests and never blocks saving or signing. Paths name the note form's fields as the
 * notes API takes them (`fields.pin.plan`, `fields.memberResponse`; see shared/api/notes.ts).
 */
import type { Problem } from '../../shared/problem.js';
import type { ProblemPath } from '../result.js';
import { findRecoveryLanguage } from './find.js';
import type { LanguageMatch } from './find.js';
import { PIN_SOURCES } from './sources.js';
import { LANGUAGE_TERMS, languageProblemCode } from './terms.js';
import type { LanguageTerm, LanguageTermId } from './terms.js';

/** The free text of a note the helper reads. */
export interface NoteText {
  readonly plan: string;
  readonly interaction: string;
  readonly nextSteps: string;
  /** The member's own response (each attendee's, in a group note). */
  readonly memberResponse?: string;
}

export type NoteTextField = keyof NoteText;
export type PinPart = Exclude<NoteTextField, 'memberResponse'>;

/** Where each text sits in the note form, as problem paths. */
export const NOTE_TEXT_PATHS = {
  plan: ['fields', 'pin', 'plan'],
  interaction: ['fields', 'pin', 'interaction'],
  nextSteps: ['fields', 'pin', 'nextSteps'],
  memberResponse: ['fields', 'memberResponse'],
} as const satisfies Record<NoteTextField, readonly string[]>;

/** Stable codes of the empty-PIN-part warnings. */
export const PIN_PROBLEM_CODES = {
  plan: 'pin.missing.plan',
  interaction: 'pin.missing.interaction',
  nextSteps: 'pin.missing.next_steps',
} as const satisfies Record<PinPart, string>;

/** What each PIN part should say, after the SAPC guide's questions. */
const PIN_MESSAGES: Record<PinPart, string> = {
  plan: 'Plan is empty: say why the member needs this support, e.g. the plan-of-care goal this contact worked on.',
  interaction:
    'Interaction is empty: say what happened when you were with the member — what you did together and how the member responded.',
  nextSteps: 'Next steps is empty: say what comes next, for you and for the member.',
};

const PIN_PARTS: readonly PinPart[] = ['plan', 'interaction', 'nextSteps'];
const TEXT_FIELDS: readonly NoteTextField[] = [...PIN_PARTS, 'memberResponse'];
const TERMS_BY_ID = new Map<LanguageTermId, LanguageTerm>(LANGUAGE_TERMS.map((term) => [term.id, term]));

/**
 * A warning for each PIN part that is empty or only spaces.
 *
 * @param text - the note's PIN texts
 */
export function reviewPin(text: NoteText): Problem[] {
  return PIN_PARTS.filter((part) => text[part].trim() === '').map((part) => ({
    severity: 'warning',
    code: PIN_PROBLEM_CODES[part],
    message: PIN_MESSAGES[part],
    path: [...NOTE_TEXT_PATHS[part]],
    source: PIN_SOURCES[part],
  }));
}

/**
 * One warning per term found in the text (not per occurrence, so a word used often does not flood the form),
 * in the order the terms first appear. The message quotes the first occurrence as written and says how many
 * there are; {@link findRecoveryLanguage} gives every occurrence's position.
 *
 * @param text - one free-text field as typed
 * @param path - the field's problem path, e.g. `['fields', 'pin', 'interaction']`
 * @example
 * reviewTextLanguage('Member was non-compliant.', ['fields', 'pin', 'interaction']);
 * // → [{ severity: 'warning', code: 'language.judgmental.non_compliant',
 * //      message: 'Consider rewording “non-compliant”: it judges the member … Say what the member chose and why, …',
 * //      path: ['fields', 'pin', 'interaction'], source: { document: '004_5683a26e336a0ac2.txt', … } }]
 */
export function reviewTextLanguage(text: string, path: Readonly<ProblemPath>): Problem[] {
  const byTerm = new Map<LanguageTermId, { first: LanguageMatch; count: number }>();
  for (const match of findRecoveryLanguage(text)) {
    const seen = byTerm.get(match.term);
    if (seen === undefined) byTerm.set(match.term, { first: match, count: 1 });
    else seen.count += 1;
  }
  return [...byTerm.values()].flatMap(({ first, count }) => {
    const term = TERMS_BY_ID.get(first.term);
    if (term === undefined) return [];
    const times = count > 1 ? ` (${count} times)` : '';
    return [
      {
        severity: 'warning',
        code: languageProblemCode(term.id),
        message: `Consider rewording “${first.text}”${times}: ${term.why}. ${term.advice}`,
        path: [...path],
        source: term.source,
      },
    ];
  });
}

/**
 * The whole review of a note's text: empty PIN parts first, then the wording of the Plan, Interaction, Next
 * steps and member's response, in that order. Every problem is a warning.
 *
 * @param text - the note's PIN texts and the member's response
 * @example
 * reviewNoteLanguage({ plan: '', interaction: 'Talked about staying clean for 30 days.', nextSteps: 'Meet Friday.' });
 * // → [pin.missing.plan at fields.pin.plan, language.judgmental.clean at fields.pin.interaction]
 */
export function reviewNoteLanguage(text: NoteText): Problem[] {
  const wording = TEXT_FIELDS.flatMap((field) => {
    const value = text[field];
    return value === undefined ? [] : reviewTextLanguage(value, NOTE_TEXT_PATHS[field]);
  });
  return [...reviewPin(text), ...wording];
}
