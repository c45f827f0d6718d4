import { describe, expect, it } from 'vitest';
import { ProblemSchema } from '../../shared/problem.js';
import { SaveDraftRequestSchema } from '../../shared/api/notes.js';
import { checked } from '../result.js';
import {
  NOTE_TEXT_PATHS,
  PIN_PROBLEM_CODES,
  reviewNoteLanguage,
  reviewPin,
  reviewTextLanguage,
} from './review.js';
import type { NoteText } from './review.js';

const COMPLETE: NoteText = {
  plan: 'Member is working on her goal of finding stable housing.',
  interaction: 'We called two landlords together; member chose not to apply to the second one.',
  nextSteps: 'Member will visit the first apartment Friday; I will call her Thursday.',
  memberResponse: 'Member said she felt hopeful.',
};

describe('reviewPin', () => {
  it('says nothing when every PIN part is written', () => {
    expect(reviewPin(COMPLETE)).toEqual([]);
  });

  it.each([
    ['plan', 'pin.missing.plan', ['fields', 'pin', 'plan'], /^Plan is empty: say why the member needs/],
    [
      'interaction',
      'pin.missing.interaction',
      ['fields', 'pin', 'interaction'],
      /^Interaction is empty: say what happened when you were with the member/,
    ],
    [
      'nextSteps',
      'pin.missing.next_steps',
      ['fields', 'pin', 'nextSteps'],
      /^Next steps is empty: say what comes next/,
    ],
  ] as const)('warns when %s is empty', (part, code, path, message) => {
    const [problem, ...others] = reviewPin({ ...COMPLETE, [part]: '' });
    expect(others).toEqual([]);
    expect(problem).toMatchObject({ severity: 'warning', code, path: [...path] });
    expect(problem?.message).toMatch(message);
    expect(problem?.source).toMatchObject({ document: '004_5683a26e336a0ac2.txt' });
  });

  it('counts a part of only spaces and line breaks as empty', () => {
    expect(reviewPin({ ...COMPLETE, interaction: '  \n\t ' }).map((problem) => problem.code)).toEqual([
      PIN_PROBLEM_CODES.interaction,
    ]);
  });

  it('lists the empty parts in PIN order', () => {
    expect(reviewPin({ plan: '', interaction: '', nextSteps: '' }).map((problem) => problem.code)).toEqual([
      'pin.missing.plan',
      'pin.missing.interaction',
      'pin.missing.next_steps',
    ]);
  });
});

describe('reviewTextLanguage', () => {
  const path = ['fields', 'pin', 'interaction'];

  it('warns once per term, quoting the wording and suggesting another', () => {
    expect(reviewTextLanguage('Member was non-compliant.', path)).toEqual([
      {
        severity: 'warning',
        code: 'language.judgmental.non_compliant',
        message:
          'Consider rewording “non-compliant”: it judges the member instead of saying what happened. Say what the member chose and why, e.g. “chose not to take the medication because of side effects” or “is weighing other options”.',
        path,
        source: {
          document: '004_5683a26e336a0ac2.txt',
          section: 'Background',
          quote:
            'Certified Medi-Cal Peer Support Specialists provide non-clinical, recovery-oriented, culturally appropriate services.',
        },
      },
    ]);
  });

  it('says how many times a term is used, quoting its first spelling, instead of repeating the warning', () => {
    const problems = reviewTextLanguage('Addict. He called himself an addict; the addicts group.', path);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/^Consider rewording “Addict” \(3 times\): /);
    expect(problems[0]?.message).toContain('“person with a substance use disorder”');
  });

  it('lists different terms in the order they first appear', () => {
    const problems = reviewTextLanguage(
      'Her UA was dirty. She refused. She is an addict who refused again.',
      path,
    );
    expect(problems.map((problem) => problem.code)).toEqual([
      'language.judgmental.dirty',
      'language.judgmental.refused',
      'language.judgmental.addict',
    ]);
  });

  it('suggests person-first wording for substance-use terms and cites NIDA', () => {
    const [problem] = reviewTextLanguage('Her urine screen was clean.', path);
    expect(problem?.message).toContain('“tested negative”');
    expect(problem?.source?.document).toMatch(/^https:\/\/nida\.nih\.gov\//);
  });

  it('copies the path, so changing a problem cannot change the caller’s', () => {
    const own = ['attendees', 2, 'memberResponse'];
    const [problem] = reviewTextLanguage('junkie', own);
    problem?.path.push('x');
    expect(own).toEqual(['attendees', 2, 'memberResponse']);
  });
});

describe('reviewNoteLanguage', () => {
  it('finds nothing in a complete, recovery-oriented note', () => {
    expect(reviewNoteLanguage(COMPLETE)).toEqual([]);
  });

  it('gives the empty PIN parts first, then the wording of each field in form order, each at its field', () => {
    const problems = reviewNoteLanguage({
      plan: '',
      interaction: 'Member was manipulative.',
      nextSteps: 'Check whether he stays clean for 30 days.',
      memberResponse: 'He is in denial.',
    });
    expect(problems.map((problem) => [problem.code, problem.path.join('.')])).toEqual([
      ['pin.missing.plan', 'fields.pin.plan'],
      ['language.judgmental.manipulative', 'fields.pin.interaction'],
      ['language.judgmental.clean', 'fields.pin.nextSteps'],
      ['language.judgmental.in_denial', 'fields.memberResponse'],
    ]);
  });

  it('reads the member’s response only when there is one', () => {
    const { memberResponse: _left, ...withoutResponse } = COMPLETE;
    expect(reviewNoteLanguage(withoutResponse)).toEqual([]);
    expect(reviewNoteLanguage({ ...COMPLETE, memberResponse: '' })).toEqual([]);
  });

  it('only ever warns: its problems never stop a value from being checked', () => {
    const problems = reviewNoteLanguage({
      plan: ' ',
      interaction: 'addict junkie refused non-compliant dirty UA',
      nextSteps: '',
      memberResponse: 'failed treatment',
    });
    expect(problems.length).toBeGreaterThan(5);
    expect(problems.every((problem) => problem.severity === 'warning')).toBe(true);
    expect(checked('note', problems).ok).toBe(true);
  });

  it('gives problems in the shared problem shape, with no extra fields', () => {
    const problems = reviewNoteLanguage({
      plan: '',
      interaction: 'addict',
      nextSteps: 'x',
      memberResponse: 'refused',
    });
    for (const problem of problems) {
      expect(ProblemSchema.strict().parse(problem)).toEqual(problem);
    }
  });

  it('names fields that exist in the notes API, so the form can put each warning beside its input', () => {
    // A draft save body with every text field: each path (after `fields`) must lead to a string in it.
    const body = SaveDraftRequestSchema.parse({
      revision: 1,
      fields: { pin: { plan: 'p', interaction: 'i', nextSteps: 'n' }, memberResponse: 'r' },
    });
    for (const path of Object.values(NOTE_TEXT_PATHS)) {
      const value = path.reduce<unknown>(
        (at, key) =>
          typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[key] : undefined,
        body,
      );
      expect(typeof value).toBe('string');
    }
  });
});
