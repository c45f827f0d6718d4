import { describe, expect, it } from 'vitest';
import { findRecoveryLanguage } from './find.js';

describe('findRecoveryLanguage', () => {
  it('finds nothing in an empty or recovery-oriented text', () => {
    expect(findRecoveryLanguage('')).toEqual([]);
    expect(
      findRecoveryLanguage(
        'Member chose not to take the medication and is weighing other options. She tested negative and is in recovery.',
      ),
    ).toEqual([]);
  });

  it('gives the offsets of a match, so the form can underline it', () => {
    const text = 'Member refused the UA.';
    const [match] = findRecoveryLanguage(text);
    expect(match).toEqual({ term: 'refused', start: 7, end: 14, text: 'refused' });
    expect(text.slice(match?.start, match?.end)).toBe('refused');
  });

  it('lists every occurrence of every term in reading order', () => {
    const text = 'The addict was non-compliant; another addict was Non Compliant and refused.';
    expect(findRecoveryLanguage(text)).toEqual([
      { term: 'addict', start: 4, end: 10, text: 'addict' },
      { term: 'non_compliant', start: 15, end: 28, text: 'non-compliant' },
      { term: 'addict', start: 38, end: 44, text: 'addict' },
      { term: 'non_compliant', start: 49, end: 62, text: 'Non Compliant' },
      { term: 'refused', start: 67, end: 74, text: 'refused' },
    ]);
  });

  it('counts offsets in UTF-16 code units, as String.slice does, after emoji and accents', () => {
    const text = '🙂 José said he’s an addict.';
    const [match] = findRecoveryLanguage(text);
    expect(match?.start).toBe(text.indexOf('addict'));
    expect(text.slice(match?.start, match?.end)).toBe('addict');
  });

  it('finds a term at the very start and the very end of the text', () => {
    expect(findRecoveryLanguage('Junkie').map((match) => [match.start, match.end])).toEqual([[0, 6]]);
    expect(findRecoveryLanguage('called a junkie').map((match) => [match.start, match.end])).toEqual([
      [9, 15],
    ]);
  });

  it('catches a compound split by a line break or several spaces', () => {
    expect(findRecoveryLanguage('non\ncompliant').map((match) => match.term)).toEqual(['non_compliant']);
    expect(findRecoveryLanguage('frequent   flyer').map((match) => match.term)).toEqual(['frequent_flyer']);
  });

  it('gives the same answer on every call (the shared patterns keep no state)', () => {
    const text = 'addict addict addict';
    const first = findRecoveryLanguage(text);
    expect(first).toHaveLength(3);
    expect(findRecoveryLanguage(text)).toEqual(first);
    expect(findRecoveryLanguage('addict')).toHaveLength(1);
  });

  it('reads a note of 10,000 characters of near-misses without slowing down', () => {
    // Near-misses exercise the context rules on every candidate, the slow path of the helper.
    const text = 'Kept the apartment clean and got clean towels; non compliance noted; '
      .repeat(145)
      .slice(0, 10000);
    const begun = performance.now();
    const matches = findRecoveryLanguage(text);
    const took = performance.now() - begun;
    expect(matches.every((match) => match.term === 'non_compliant')).toBe(true);
    expect(matches.length).toBeGreaterThan(100);
    // A keystroke budget with a wide margin for a shared test machine; it takes a few milliseconds.
    expect(took).toBeLessThan(250);
  });
});
