/**
 * @module x12/values
 * How Peerline values become X12 element values: the delimiters, the character rule, dates, times and money.
 *
 * Character rule (documented choice: refuse, never strip). A value may hold only printable ASCII (space to `~`)
 * and none of the four delimiters `~ * : ^`; a value that breaks this is refused by validation, because quietly
 * dropping a character from a name, an id or an address could send a claim for someone else. Two changes are
 * made without asking, since they cannot change who or what a value names: free text (names, addresses) has
 * accents folded (`José` → `JOSE`), runs of spaces collapsed and ends trimmed, and free text and codes are
 * upper-cased, as the X12 basic character set and payers expect. Identifiers (member ids, claim ids,
 * references) are only trimmed: they are written exactly as the payer issued them.
 */

/** The separators this writer uses; ISA11 and ISA16 announce the repetition and component ones. */
export const DELIMITERS = {
  segment: '~',
  element: '*',
  component: ':',
  repetition: '^',
} as const;

// Printable ASCII without the four delimiters: space..~ minus ~ * : ^
const FORBIDDEN = /[^\x20-\x29\x2B-\x39\x3B-\x5D\x5F-\x7D]/;
const NON_ASCII = /[\u0080-\uffff]/;
const COMBINING_MARKS = /\p{M}/gu;
const SPACE_RUNS = / {2,}/g;
const EDGE_SPACES = /^ | $/g;
const CLEAN_CODE = /^[0-9A-Z]*$/;
const NEEDS_SPACE_WORK = /^ | $| {2}/;
const SPACE = 0x20;
const ZERO = 0x30;
const NINE = 0x39;
const LOWER_A = 0x61;
const LOWER_Z = 0x7a;
const STAR = 0x2a;
const COLON = 0x3a;
const CARET = 0x5e;
const TILDE = 0x7e;

/** The first character of `value` that may not stand in an element value, or undefined when there is none. */
export function forbiddenCharacter(value: string): string | undefined {
  const match = FORBIDDEN.exec(value);
  return match === null ? undefined : match[0];
}

/**
 * True when every character of `value` may stand in an element value: `forbiddenCharacter(value) === undefined`,
 * without a regular expression, for the checks that run on every claim.
 */
export function hasOnlyAllowedCharacters(value: string): boolean {
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if (code < SPACE || code >= TILDE || code === STAR || code === COLON || code === CARET) {
      return false;
    }
  }
  return true;
}

/** How a forbidden character is named in a message: printable ones quoted, others by code point. */
export function describeCharacter(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f) {
    return `a control character (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
  }
  return `"${character}"`;
}

/**
 * Free text (names, addresses) as it is written: accents folded, spaces collapsed and trimmed, upper case.
 * Only folds what has an ASCII base letter; anything else stays, for validation to refuse.
 *
 * @param value - the text as entered
 */
export function cleanText(value: string): string {
  // One pass over the characters settles the usual case (ASCII, spaces already tidy), which runs for every name
  // and address line of a file; only text that needs folding or space work goes the long way.
  let lower = false;
  const last = value.length - 1;
  for (let index = 0; index <= last; index += 1) {
    const code = value.charCodeAt(index);
    if (code >= 0x80) {
      return foldAndTidy(value);
    }
    if (code === SPACE) {
      if (index === 0 || index === last || value.charCodeAt(index + 1) === SPACE) {
        return foldAndTidy(value);
      }
    } else if (code >= LOWER_A && code <= LOWER_Z) {
      lower = true;
    }
  }
  return lower ? value.toUpperCase() : value;
}

/**
 * `cleanText` the long way, for text with accents or untidy spaces. It serves any text, so it is also the
 * reference that tests hold the one-pass shortcut of `cleanText` to.
 *
 * @param value - the text as entered
 */
export function foldAndTidy(value: string): string {
  let text = value;
  if (NON_ASCII.test(text)) {
    text = text.normalize('NFD').replace(COMBINING_MARKS, '');
  }
  // Only spaces are tidied: a tab or line break inside a name is refused, not guessed at.
  if (NEEDS_SPACE_WORK.test(text)) {
    text = text.replace(SPACE_RUNS, ' ').replace(EDGE_SPACES, '');
  }
  return text.toUpperCase();
}

/**
 * A code (HCPCS, modifier, ICD-10-CM, taxonomy, state) as it is written: trimmed and upper case.
 *
 * @param value - the code as entered
 */
export function cleanCode(value: string): string {
  // Codes are written once per service line: most are already clean, and testing costs less than copying.
  return CLEAN_CODE.test(value) ? value : value.trim().toUpperCase();
}

/**
 * An ICD-10-CM code as the HI segment carries it: without its dot, upper case (`f33.1` → `F331`).
 *
 * @param value - the code as entered, with or without the dot
 */
export function diagnosisCode(value: string): string {
  return cleanCode(value).replace('.', '');
}

/**
 * Digits only, for phone numbers, tax ids and postal codes typed with punctuation (`94612-0000` → `946120000`).
 *
 * @param value - the number as entered
 */
export function digitsOf(value: string): string {
  // Usually typed as bare digits already: checking is cheaper than a replace that finds nothing.
  return isDigits(value) ? value : value.replace(/[\s().-]/g, '');
}

/** True when `value` is one or more ASCII digits, checked without a regular expression or an allocation. */
export function isDigits(value: string): boolean {
  if (value.length === 0) {
    return false;
  }
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if (code < ZERO || code > NINE) {
      return false;
    }
  }
  return true;
}

/**
 * A 'YYYY-MM-DD' date as CCYYMMDD (D8).
 *
 * @param date - a date that validation has accepted
 */
export function d8(date: string): string {
  return date.slice(0, 4) + date.slice(5, 7) + date.slice(8, 10);
}

/**
 * An 'HH:MM' time as HHMM.
 *
 * @param time - a time that validation has accepted
 */
export function hhmm(time: string): string {
  return time.slice(0, 2) + time.slice(3, 5);
}

/** True for a 24-hour 'HH:MM' time. */
export function isClockTime(time: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(time);
}

/**
 * Whole cents as an X12 decimal (R) amount in dollars. The standard writes no decimal point for whole amounts and
 * drops trailing zeros after it, so 6000 → `60`, 6050 → `60.5`, 6025 → `60.25`.
 *
 * @param cents - a non-negative whole number of cents
 */
export function dollars(cents: number): string {
  const whole = Math.floor(cents / 100);
  const rest = cents - whole * 100;
  if (rest === 0) {
    return String(whole);
  }
  if (rest % 10 === 0) {
    return `${whole}.${rest / 10}`;
  }
  return `${whole}.${rest < 10 ? '0' : ''}${rest}`;
}

/**
 * `value` padded with spaces on the right to `width`, for the fixed-width ISA elements.
 *
 * @param value - at most `width` characters
 * @param width - the element's fixed width
 */
export function padRight(value: string, width: number): string {
  return value.length >= width ? value : value + ' '.repeat(width - value.length);
}
