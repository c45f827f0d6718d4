import { describe, expect, it } from 'vitest';
import { quotedRanges, sentenceAround } from './context.js';
import { findRecoveryLanguage } from './find.js';

/** The "clean"/"dirty" warnings in a text, as `term:text`. */
function cleanOrDirty(text: string): string[] {
  return findRecoveryLanguage(text)
    .filter((match) => match.term === 'clean' || match.term === 'dirty')
    .map((match) => `${match.term}:${match.text}`);
}

describe('“clean” and “dirty” said of a drug test', () => {
  it.each([
    ['Her UA was clean.', 'clean'],
    ['Her U.A. was clean.', 'clean'],
    ['Urine came back clean', 'clean'],
    ['She had a clean drug screen.', 'clean'],
    ['Tox screen: clean', 'clean'],
    ['He tested clean on Monday.', 'clean'],
    ['Clean UDS today.', 'Clean'],
    ['Her UA was dirty.', 'dirty'],
    ['Dirty urine on 3/2.', 'Dirty'],
    ['The sample came back dirty.', 'dirty'],
    ['He tested dirty for fentanyl.', 'dirty'],
  ])('“%s” → %s', (text, word) => {
    expect(cleanOrDirty(text)).toEqual([`${word.toLowerCase()}:${word}`]);
  });
});

describe('“clean” and “dirty” said of a person', () => {
  it.each([
    'She got clean in 2019.',
    'He is getting clean.',
    'Member wants to stay clean.',
    'He has stayed clean since March.',
    'Member keeps trying to stay clean.',
    'She has been clean for 90 days.',
    'Clean for about six months now.',
    'He has been clean for 2 years.',
    'She has been clean since her discharge.',
    'clean and sober',
    'sober and clean',
    'She celebrated her clean date.',
    'Member talked about her clean time.',
    'He has been clean from meth.',
    'Member is clean.',
    'I’m clean now, she said.',
    'Member has been still clean.',
    'Member remained clean.',
  ])('clean: “%s”', (text) => {
    expect(cleanOrDirty(text).map((entry) => entry.toLowerCase())).toEqual(['clean:clean']);
  });

  it.each(['He came back dirty for meth.', 'Member was dirty for opioids.', 'He is dirty again.'])(
    'dirty: “%s”',
    (text) => {
      expect(cleanOrDirty(text)).toEqual(['dirty:dirty']);
    },
  );
});

describe('“clean” and “dirty” about housework, hygiene and things', () => {
  it.each([
    'Helped her clean the kitchen.',
    'We are cleaning the kitchen.',
    'Member cleaned her room.',
    'Member picked up clean clothes.',
    'Get clean towels from the closet.',
    'Her apartment is clean.',
    'The apartment stayed clean all week.',
    'She keeps the house clean.',
    'He kept his room nice and clean.',
    'Member wiped it clean.',
    'Member was clean and well groomed.',
    'Member was clean, neat and appropriately dressed.',
    'We will clean up the yard.',
    'Member helped with the clean-up after group.',
    'He is clean-shaven today.',
    'Member wants a clean slate.',
    'Clean water and clean air at the park.',
    'Harm reduction: clean needles and clean supplies.',
    'She tested negative last week and her apartment is clean.',
    'Keep it clean for the inspection.',
    'Member washed dirty dishes.',
    'Dirty laundry piled up.',
    'His car is dirty.',
    'Member was dirty and unkempt.',
    'We talked about a clean criminal record.',
    'The room has been clean all week.',
  ])('“%s”', (text) => {
    expect(cleanOrDirty(text)).toEqual([]);
  });
});

describe('the words of a match’s sentence', () => {
  const around = (text: string, word: string): { before: string; after: string } => {
    const start = text.indexOf(word);
    return sentenceAround({ text, start, end: start + word.length });
  };

  it('stops at the end of the sentence before and after', () => {
    expect(around('We talked. Her UA was clean. Next week we meet.', 'clean')).toEqual({
      before: 'Her UA was ',
      after: '',
    });
  });

  it('keeps an abbreviation with periods in one sentence', () => {
    expect(around('Her U.A. was clean', 'clean').before).toBe('Her U.A. was ');
  });

  it('stops at a line break and a semicolon', () => {
    expect(around('UA today\nroom was clean; test tomorrow', 'clean')).toEqual({
      before: 'room was ',
      after: '',
    });
  });

  it('looks at most 80 characters either way', () => {
    const text = `${'a'.repeat(100)} clean ${'b'.repeat(100)}`;
    const { before, after } = around(text, 'clean');
    expect(before).toHaveLength(80);
    expect(after).toHaveLength(80);
  });
});

describe('quoted text', () => {
  it('finds straight and curly quotes', () => {
    const text = 'He said "I am an addict" and “I’m clean” today';
    expect(quotedRanges(text).map(([from, to]) => text.slice(from, to))).toEqual([
      '"I am an addict"',
      '“I’m clean”',
    ]);
  });

  it('runs an unclosed quote to the end of its line, as the peer is still typing it', () => {
    const text = 'She said "I am an addict\nNext line';
    expect(quotedRanges(text).map(([from, to]) => text.slice(from, to))).toEqual(['"I am an addict']);
  });

  it('leaves the member’s own words alone but not the peer’s', () => {
    const text = 'Member said “I’ve been clean for a year, I’m an addict” and the peer wrote addict.';
    expect(findRecoveryLanguage(text).map((match) => [match.term, match.start])).toEqual([
      ['addict', text.lastIndexOf('addict')],
    ]);
  });
});
