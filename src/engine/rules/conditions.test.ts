/**
 * The condition language: every operator both ways, all/any/not, comparisons against other facts, and the
 * explanation of what was compared.
 */
import { describe, expect, it } from 'vitest';
import {
  compileCondition,
  explainCondition,
  type ComparisonRecord,
  type Condition,
  type Facts,
} from './conditions.js';

const facts: Facts = {
  units: 4,
  pos: '11',
  date: '2026-11-18',
  due: '2026-11-23',
  telehealth: false,
  signed: true,
  reason: null,
  empty: '',
  modifiers: ['HK', 'SC'],
  allowed: ['HK', 'SC', 'U7'],
};

describe('operators', () => {
  it.each<[string, Condition, boolean]>([
    ['eq number', { fact: 'units', op: 'eq', value: 4 }, true],
    ['eq different', { fact: 'units', op: 'eq', value: 5 }, false],
    ['ne', { fact: 'pos', op: 'ne', value: '09' }, true],
    ['lt', { fact: 'units', op: 'lt', value: 5 }, true],
    ['lt equal', { fact: 'units', op: 'lt', value: 4 }, false],
    ['lte equal', { fact: 'units', op: 'lte', value: 4 }, true],
    ['gt', { fact: 'units', op: 'gt', value: 4 }, false],
    ['gte', { fact: 'units', op: 'gte', value: 4 }, true],
    ['dates compare as strings', { fact: 'date', op: 'lte', valueFact: 'due' }, true],
    ['mixed types never order', { fact: 'units', op: 'lt', value: '5' }, false],
    ['missing fact never orders', { fact: 'nothing', op: 'gte', value: 0 }, false],
    ['in', { fact: 'pos', op: 'in', value: ['11', '12'] }, true],
    ['in absent', { fact: 'pos', op: 'in', value: ['09'] }, false],
    ['notIn', { fact: 'pos', op: 'notIn', value: ['09'] }, true],
    ['notIn present', { fact: 'pos', op: 'notIn', value: ['11'] }, false],
    ['present', { fact: 'pos', op: 'present' }, true],
    ['present null', { fact: 'reason', op: 'present' }, false],
    ['present empty string', { fact: 'empty', op: 'present' }, false],
    ['absent null', { fact: 'reason', op: 'absent' }, true],
    ['absent missing', { fact: 'nothing', op: 'absent' }, true],
    ['isTrue', { fact: 'signed', op: 'isTrue' }, true],
    ['isTrue false', { fact: 'telehealth', op: 'isTrue' }, false],
    ['isFalse', { fact: 'telehealth', op: 'isFalse' }, true],
    ['includes', { fact: 'modifiers', op: 'includes', value: 'HK' }, true],
    ['includes absent', { fact: 'modifiers', op: 'includes', value: 'GT' }, false],
    ['excludes', { fact: 'modifiers', op: 'excludes', value: 'GT' }, true],
    ['includesAny', { fact: 'modifiers', op: 'includesAny', value: ['GT', 'SC'] }, true],
    ['includesAny none', { fact: 'modifiers', op: 'includesAny', value: ['GT'] }, false],
    ['includesNone', { fact: 'modifiers', op: 'includesNone', value: ['GT', 'KX'] }, true],
    ['subsetOf', { fact: 'modifiers', op: 'subsetOf', valueFact: 'allowed' }, true],
    ['subsetOf not', { fact: 'allowed', op: 'subsetOf', valueFact: 'modifiers' }, false],
    [
      'all',
      {
        all: [
          { fact: 'signed', op: 'isTrue' },
          { fact: 'units', op: 'gte', value: 1 },
        ],
      },
      true,
    ],
    [
      'all one false',
      {
        all: [
          { fact: 'signed', op: 'isTrue' },
          { fact: 'units', op: 'gte', value: 9 },
        ],
      },
      false,
    ],
    [
      'any',
      {
        any: [
          { fact: 'telehealth', op: 'isTrue' },
          { fact: 'units', op: 'gte', value: 1 },
        ],
      },
      true,
    ],
    [
      'any none',
      {
        any: [
          { fact: 'telehealth', op: 'isTrue' },
          { fact: 'units', op: 'gte', value: 9 },
        ],
      },
      false,
    ],
    ['not', { not: { fact: 'telehealth', op: 'isTrue' } }, true],
  ])('%s', (_name, condition, expected) => {
    expect(compileCondition(condition)(facts)).toBe(expected);
    expect(explainCondition(condition, facts, [])).toBe(expected);
  });
});

describe('explanations', () => {
  it('records the fact, operator, actual and expected value of every comparison made', () => {
    const records: ComparisonRecord[] = [];
    const result = explainCondition(
      {
        all: [
          { fact: 'units', op: 'lte', valueFact: 'max' },
          { fact: 'pos', op: 'notIn', value: ['09'] },
        ],
      },
      { ...facts, max: 3 },
      records,
    );
    expect(result).toBe(false);
    expect(records).toEqual([
      { fact: 'units', operator: 'lte', actual: 4, expected: 3 },
      { fact: 'pos', operator: 'notIn', actual: '11', expected: ['09'] },
    ]);
  });
});
