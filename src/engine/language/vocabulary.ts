/**
 * @module engine/language/vocabulary
 * Regular-expression fragments shared by the term table and the context rules. They are strings, not RegExp
 * objects, so each pattern that uses them is compiled once, at module load, with the flags it needs.
 */

/** Between the parts of a compound: nothing, spaces or a hyphen/dash ("non-compliant", "non compliant", "noncompliant"). */
export const JOIN = String.raw`[\s\-‐‑–]*`;

/** Substances, as people write them in notes: the words that make "abuser", "abuse" and "habit" about drug use. */
export const SUBSTANCES = String.raw`drugs?|substances?|polysubstance|alcohol|etoh|opioids?|opiates?|heroin|fentanyl|meth(?:amphetamines?)?|amphetamines?|cocaine|crack|marijuana|cannabis|thc|benzos?|benzodiazepines?|pills?|oxy(?:codone|contin)?|kratom|ketamine|pcp|mdma|ecstasy`;

/** A whole word or phrase: no letter or digit directly before or after (works for accented letters too). */
export function wholeWord(source: string): string {
  return String.raw`(?<![\p{L}\p{N}])(?:${source})(?![\p{L}\p{N}])`;
}
