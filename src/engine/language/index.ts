/**
 * @module engine/language
 * The recovery-language helper: warnings, never errors, for empty PIN parts and for judgmental or clinical
 * wording in a note ("non-compliant", "addict", "clean" about a drug test …), each saying what to write instead
 * and citing its guidance. Pure and fast enough to run on every keystroke. Import it through engine/index.ts.
 */
export {
  reviewNoteLanguage,
  reviewPin,
  reviewTextLanguage,
  NOTE_TEXT_PATHS,
  PIN_PROBLEM_CODES,
} from './review.js';
export type { NoteText, NoteTextField, PinPart } from './review.js';
export { findRecoveryLanguage } from './find.js';
export type { LanguageMatch } from './find.js';
export { LANGUAGE_TERMS, LANGUAGE_TERM_IDS, languageProblemCode } from './terms.js';
export type { LanguageTerm, LanguageTermId } from './terms.js';
