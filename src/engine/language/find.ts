/**
 * @module engine/language/find
 * Finds the judgmental and clinical wording in one text, with where each occurrence is, so a form can underline
 * it. Words inside double quotes are left alone: they are the member's own, and people choose how they are
 * described.
 */
import { quotedRanges } from './context.js';
import { COMPILED_TERMS } from './terms.js';
import type { LanguageTermId } from './terms.js';

/** One occurrence of a term. Offsets are UTF-16 code-unit indexes into the text, as `String.slice` takes them. */
export interface LanguageMatch {
  readonly term: LanguageTermId;
  /** Index of the first character. */
  readonly start: number;
  /** Index just after the last character. */
  readonly end: number;
  /** The text as written, e.g. `Non-Compliant`. */
  readonly text: string;
}

/**
 * Every occurrence of a term in the text, in reading order.
 *
 * @param text - a note field as typed
 * @example
 * findRecoveryLanguage('Member refused the UA.');
 * // → [{ term: 'refused', start: 7, end: 14, text: 'refused' }]
 */
export function findRecoveryLanguage(text: string): LanguageMatch[] {
  const found: LanguageMatch[] = [];
  let quoted: Array<readonly [number, number]> | undefined;
  for (const term of COMPILED_TERMS) {
    for (const match of text.matchAll(term.regex)) {
      const start = match.index;
      const end = start + match[0].length;
      if (term.appliesWhen !== undefined && !term.appliesWhen({ text, start, end })) continue;
      // Computed only when something matched: most keystrokes find nothing.
      quoted ??= quotedRanges(text);
      if (quoted.some(([from, to]) => from <= start && start < to)) continue;
      found.push({ term: term.id, start, end, text: match[0] });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
