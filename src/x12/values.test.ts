/**
 * The value rules of the 837P writer: money in X12's decimal form, the character rule, and text clean-up — with
 * the allocation-free shortcuts (the character rule without a regular expression, clean-up that returns a value
 * already clean as it is) pinned to the long way on thousands of seeded strings.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../synthetic/index.js';
import {
  cleanCode,
  cleanText,
  d8,
  describeCharacter,
  diagnosisCode,
  digitsOf,
  dollars,
  foldAndTidy,
  forbiddenCharacter,
  hasOnlyAllowedCharacters,
  hhmm,
  isClockTime,
  padRight,
} from './values.js';

describe('dollars', () => {
  it('writes whole cents as dollars with no needless decimal point or trailing zero', () => {
    // X12 R values: "60" not "60.00"; the guide lets senders drop trailing zeros.
    expect([0, 5, 50, 100, 4667, 6000, 6050, 123_456_78].map(dollars)).toEqual([
      '0',
      '0.05',
      '0.5',
      '1',
      '46.67',
      '60',
      '60.5',
      '123456.78',
    ]);
  });
});

describe('the character rule', () => {
  it('finds the four delimiters and anything outside printable ASCII', () => {
    expect(['A~B', 'A*B', 'A:B', 'A^B', 'A\nB', 'A\tB', 'Aé'].map(forbiddenCharacter)).toEqual([
      '~',
      '*',
      ':',
      '^',
      '\n',
      '\t',
      'é',
    ]);
    expect(forbiddenCharacter("O'BRIEN-SMITH, JR. #4 (A/B) & C@D.ORG")).toBeUndefined();
  });

  it('names control characters by code point, others in quotes', () => {
    expect(describeCharacter('\n')).toBe('a control character (U+000A)');
    expect(describeCharacter('*')).toBe('"*"');
  });
});

describe('clean-up', () => {
  it('folds accents, tidies spaces and upper-cases free text, leaving other characters for validation', () => {
    expect(cleanText('  José   María  Núñez ')).toBe('JOSE MARIA NUNEZ');
    expect(cleanText('Zoë 😀')).toBe('ZOE 😀');
    expect(cleanText('Al\nex')).toBe('AL\nEX');
  });

  it('trims and upper-cases codes, and drops the dot of an ICD-10-CM code', () => {
    expect(cleanCode(' h0038 ')).toBe('H0038');
    expect(diagnosisCode('f43.10')).toBe('F4310');
  });

  it('writes dates as CCYYMMDD, times as HHMM, and pads ISA ids', () => {
    expect(d8('2026-11-20')).toBe('20261120');
    expect(hhmm('09:30')).toBe('0930');
    expect(isClockTime('9:30')).toBe(false);
    expect(padRight('ABC', 5)).toBe('ABC  ');
    expect(padRight('ABCDEF', 5)).toBe('ABCDEF');
  });

  it('drops the punctuation people type in phone numbers, ZIP codes and EINs', () => {
    expect(digitsOf('(510) 555-0142')).toBe('5105550142');
    expect(digitsOf('94612-0000')).toBe('946120000');
  });
});

/** Pieces of values people type, fine and not: letters, digits, spaces, delimiters, controls, accents, emoji. */
const PIECES = [
  'a',
  'Z',
  'q',
  '0',
  '9',
  ' ',
  '  ',
  '-',
  '.',
  '(',
  ')',
  '/',
  '#',
  "'",
  '*',
  ':',
  '^',
  '~',
  '}',
  '\x7f',
  '\t',
  '\n',
  '\u00a0',
  'é',
  'Ñ',
  'ß',
  'ı',
  'Ｆ',
  '😀',
  '\u0301',
] as const;

function seededStrings(count: number): string[] {
  const rng = createRng('x12-value-shortcuts');
  return Array.from({ length: count }, (_, index) => {
    const draw = rng.at(index);
    return Array.from({ length: draw.int(0, 8) }, () => draw.pick(PIECES)).join('');
  });
}

describe('the shortcuts of the value rules', () => {
  const values = seededStrings(20_000);

  it('the character rule without a regular expression agrees with forbiddenCharacter', () => {
    for (const value of values) {
      expect([value, hasOnlyAllowedCharacters(value)]).toEqual([
        value,
        forbiddenCharacter(value) === undefined,
      ]);
    }
  });

  it('cleanText, which returns tidy ASCII in one pass, agrees with the long way', () => {
    for (const value of values) {
      expect([value, cleanText(value)]).toEqual([value, foldAndTidy(value)]);
    }
  });

  it('cleanCode and digitsOf, which return a clean value as it is, agree with trimming and removing', () => {
    for (const value of values) {
      expect([value, cleanCode(value)]).toEqual([value, value.trim().toUpperCase()]);
      expect([value, digitsOf(value)]).toEqual([value, value.replace(/[\s().-]/g, '')]);
    }
  });
});
