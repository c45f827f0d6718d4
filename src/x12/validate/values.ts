/**
 * @module x12/validate/values
 * Checks of single values, wherever they stand in the file: text against its rule (allowed characters, length
 * once cleaned), NPIs with their check digit, taxonomy codes, dates, control numbers and addresses. Each adds
 * one problem per fault, with the path of the field and the guide's loop and element as its source.
 */
import { isCalendarDate } from '../../engine/index.js';
import { isValidNpi } from '../../shared/index.js';
import type { Address } from '../types.js';
import {
  cleanCode,
  cleanText,
  describeCharacter,
  digitsOf,
  forbiddenCharacter,
  hasOnlyAllowedCharacters,
  isDigits,
} from '../values.js';
import { X12_LIMITS, X12_PROBLEM_CODES } from './codes.js';
import type { Path, PathKey, Problems } from './problems.js';
import { addressRules, type TextKind, type TextRule } from './text-rules.js';

const NPI_PATTERN = /^\d{10}$/;
const TAXONOMY_PATTERN = /^\d{3}[0-9A-Z]{6}X$/;
const STATE_PATTERN = /^[A-Z]{2}$/;
const SPACE = 32;

/**
 * Fast path of `checkText`: true when `value` is usable exactly as given, checked without allocating — the
 * common case. Anything else (ends to trim, double spaces, accents, bad characters, wrong length) goes through
 * the full check.
 */
function isPlain(value: string, rule: TextRule): boolean {
  const length = value.length;
  return (
    length >= (rule.min ?? 1) &&
    length <= rule.max &&
    value.charCodeAt(0) !== SPACE &&
    value.charCodeAt(length - 1) !== SPACE &&
    hasOnlyAllowedCharacters(value) &&
    (rule.kind === 'id' || !value.includes('  '))
  );
}

function clean(value: string, kind: TextKind): string {
  switch (kind) {
    case 'text':
      return cleanText(value);
    case 'id':
      return value.trim();
  }
}

/**
 * Checks a text value; true when it can be written. An optional value that is absent is not a problem.
 * The problem's path is `[...base, key]`, built only when there is a problem: this runs for every claim.
 */
export function checkText(
  problems: Problems,
  value: string | undefined,
  base: Path,
  key: PathKey,
  rule: TextRule,
  required = true,
): boolean {
  if (problems.fastPaths && value !== undefined && isPlain(value, rule)) {
    return true;
  }
  const path = [...base, key];
  const cleaned = value === undefined ? '' : clean(value, rule.kind);
  if (cleaned === '') {
    if (required) {
      problems.add(
        X12_PROBLEM_CODES.required,
        `Fill in ${rule.label}; the claim file needs it (${rule.section}).`,
        path,
        rule.section,
      );
    }
    return false;
  }
  const bad = forbiddenCharacter(cleaned);
  if (bad !== undefined) {
    problems.add(
      X12_PROBLEM_CODES.characters,
      `Remove ${describeCharacter(bad)} from ${rule.label} "${value}": X12 files can only hold plain ` +
        `letters, digits, spaces and punctuation other than ~ * : ^.`,
      path,
      rule.section,
    );
    return false;
  }
  const min = rule.min ?? 1;
  if (cleaned.length < min || cleaned.length > rule.max) {
    const range = min === rule.max ? `exactly ${min}` : `${min} to ${rule.max}`;
    problems.add(
      X12_PROBLEM_CODES.length,
      `Shorten or correct ${rule.label} "${value}": it must be ${range} characters long, not ${cleaned.length}.`,
      path,
      rule.section,
    );
    return false;
  }
  return true;
}

export function checkNpi(
  problems: Problems,
  value: string,
  base: Path,
  key: PathKey,
  label: string,
  section: string,
): void {
  const trimmed = value.trim();
  if (trimmed === '') {
    problems.add(X12_PROBLEM_CODES.required, `Fill in ${label}.`, [...base, key], section);
  } else if (!NPI_PATTERN.test(trimmed) || !isValidNpi(trimmed)) {
    problems.add(
      X12_PROBLEM_CODES.npi,
      `Correct ${label} "${value}": an NPI is ten digits whose last digit is its check digit, and this one's ` +
        `check digit does not match. Copy it again from NPPES or the provider's records.`,
      [...base, key],
      section,
      'CMS NPI check digit (Luhn with prefix 80840)',
    );
  }
}

/** True when `pattern` matches the code as it is cleaned; as given first, on the fast path. */
function codeMatches(problems: Problems, pattern: RegExp, value: string): boolean {
  return (problems.fastPaths && pattern.test(value)) || pattern.test(cleanCode(value));
}

export function checkTaxonomy(
  problems: Problems,
  value: string,
  base: Path,
  key: PathKey,
  label: string,
  section: string,
): void {
  if (!codeMatches(problems, TAXONOMY_PATTERN, value)) {
    problems.add(
      X12_PROBLEM_CODES.taxonomy,
      `Correct ${label} "${value}": a NUCC taxonomy code is ten characters ending in X, e.g. 175T00000X.`,
      [...base, key],
      section,
    );
  }
}

/** Checks a 'YYYY-MM-DD' date; true when it is a real one (and so can be compared with others). */
export function checkDate(
  problems: Problems,
  value: string,
  base: Path,
  key: PathKey,
  label: string,
  section: string,
): boolean {
  if (isCalendarDate(value)) {
    return true;
  }
  problems.add(
    X12_PROBLEM_CODES.date,
    `Correct ${label} "${value}": it must be a real date written YYYY-MM-DD, e.g. 2026-11-25.`,
    [...base, key],
    section,
  );
  return false;
}

export function checkControlNumber(
  problems: Problems,
  value: number,
  path: Path,
  label: string,
  section: string,
): void {
  if (!Number.isSafeInteger(value) || value < 1 || value > X12_LIMITS.maxControlNumber) {
    problems.add(
      X12_PROBLEM_CODES.controlNumber,
      `Use a whole number from 1 to 999999999 for ${label}, not ${value}.`,
      path,
      section,
    );
  }
}

/**
 * Checks an address (N3/N4) of the loop `section`.
 *
 * @param zipPlusFour - true where the loop needs all nine digits (the billing provider's)
 */
export function checkAddress(
  problems: Problems,
  address: Address,
  path: Path,
  section: string,
  zipPlusFour: boolean,
): void {
  const { line1, line2, city } = addressRules(section);
  checkText(problems, address.line1, path, 'line1', line1);
  if (address.line2 !== null) {
    checkText(problems, address.line2, path, 'line2', line2, false);
  }
  checkText(problems, address.city, path, 'city', city);
  if (!codeMatches(problems, STATE_PATTERN, address.state)) {
    problems.add(
      X12_PROBLEM_CODES.state,
      `Correct the state "${address.state}": use its two-letter postal code, e.g. CA.`,
      [...path, 'state'],
      `${section} N402`,
    );
  }
  const zip = digitsOf(address.postalCode);
  const zipOk = isDigits(zip) && (zip.length === 9 || (!zipPlusFour && zip.length === 5));
  if (!zipOk) {
    problems.add(
      X12_PROBLEM_CODES.postalCode,
      zipPlusFour
        ? `Give the billing provider's full ZIP+4 instead of "${address.postalCode}": this loop needs nine digits.`
        : `Correct the ZIP code "${address.postalCode}": use five digits or ZIP+4.`,
      [...path, 'postalCode'],
      `${section} N403`,
    );
  }
}
