/**
 * The generated rule runner (codegen.ts) against the compiled closures it stands in for: every operator, with a
 * literal and with another fact, on values of every type a fact can hold (and some it should not), alone and
 * inside all/any/not; and what the generated source may contain. The packs' rule tables are run through both
 * evaluators in codegen-tables.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { generateRuleRunner } from './codegen.js';
import { OPERATORS, compileForSlots, type Condition, type FactValue } from './conditions.js';

/** Values a fact slot may hold, including awkward ones (NaN, -0, an odd string) the packs never set. */
const VALUES: readonly (FactValue | undefined)[] = [
  undefined,
  null,
  true,
  false,
  0,
  -0,
  1,
  2.5,
  -3,
  NaN,
  Infinity,
  '',
  'a',
  'b',
  '11',
  '2026-11-18',
  '2026-11-19',
  'quote " and \\ backslash \u2028',
  [],
  ['a'],
  ['a', 'b'],
  ['b', '11'],
];

/** Slots: `x` and `y` take every pair of values; the rest are for nested conditions. */
const FACTS = ['x', 'y', 'p', 'q'];

function slotOf(fact: string): number {
  return FACTS.indexOf(fact);
}

/** Every comparison of `x` with each value as a literal, and with `y`. */
function comparisons(): Condition[] {
  const all: Condition[] = [];
  for (const op of OPERATORS) {
    all.push({ fact: 'x', op, valueFact: 'y' });
    all.push({ fact: 'x', op });
    for (const value of VALUES) {
      all.push(value === undefined ? { fact: 'x', op } : { fact: 'x', op, value });
    }
  }
  return all;
}

/** Which of the rules fail on the values, by the generated runner and by the closures. */
function failuresBoth(
  rules: readonly { rule: { when?: Condition; require: Condition } }[],
  values: readonly (FactValue | undefined)[],
): { generated: number[]; closures: number[] } {
  const runner = generateRuleRunner<(typeof rules)[number], number>(rules, slotOf);
  if (runner === undefined) {
    throw new Error('code generation is disallowed here');
  }
  const generated: number[] = [];
  runner(values, generated, (rule) => rules.indexOf(rule));
  const closures: number[] = [];
  rules.forEach(({ rule }, index) => {
    const applies = rule.when === undefined || compileForSlots(rule.when, slotOf)(values);
    if (applies && !compileForSlots(rule.require, slotOf)(values)) {
      closures.push(index);
    }
  });
  return { generated, closures };
}

describe('generated rule runner', () => {
  it('answers every operator as the closures do, for every pair of values', () => {
    const rules = comparisons().map((require) => ({ rule: { require } }));
    let compared = 0;
    for (const x of VALUES) {
      for (const y of VALUES) {
        const { generated, closures } = failuresBoth(rules, [x, y, true, 'a']);
        expect(generated).toEqual(closures);
        compared += 1;
      }
    }
    expect(compared).toBe(VALUES.length ** 2);
  });

  it('answers all/any/not and `when` as the closures do, keeping the rules’ order', () => {
    const leaves = comparisons().filter((_, index) => index % 7 === 0);
    const rules: { rule: { when?: Condition; require: Condition } }[] = [
      { rule: { require: { all: [] } } },
      { rule: { require: { any: [] } } },
      { rule: { require: { not: { any: [] } } } },
    ];
    leaves.forEach((leaf, index) => {
      const other = leaves[(index * 5 + 3) % leaves.length] ?? leaf;
      const guard: Condition = { fact: 'p', op: 'isTrue' };
      rules.push({ rule: { require: { all: [leaf, other] } } });
      rules.push({ rule: { require: { any: [leaf, { not: other }] } } });
      rules.push({ rule: { when: guard, require: { not: { all: [leaf, { any: [other, guard] }] } } } });
      rules.push({ rule: { when: leaf, require: other } });
      rules.push({ rule: { when: { any: [] }, require: leaf } });
    });
    for (const x of VALUES) {
      for (const y of VALUES) {
        for (const p of [true, false, undefined]) {
          const { generated, closures } = failuresBoth(rules, [x, y, p, 'a']);
          expect(generated).toEqual(closures);
        }
      }
    }
  });

  it('refuses a fact without a slot and an unknown operator', () => {
    expect(() =>
      generateRuleRunner([{ rule: { require: { fact: 'unknown', op: 'isTrue' } } }], slotOf),
    ).toThrow(/No slot/);
    const bogus = JSON.parse('{"fact":"x","op":"constructor"}') as Condition;
    expect(() => generateRuleRunner([{ rule: { require: bogus } }], slotOf)).toThrow(/Unknown operator/);
  });

  it('keeps strings that look like code as data', () => {
    const value = '"); throw new Error("injected"); ("';
    const rules = [{ rule: { require: { fact: 'x', op: 'eq', value } as Condition } }];
    expect(failuresBoth(rules, [value, null, null, null])).toEqual({ generated: [], closures: [] });
    expect(failuresBoth(rules, ['other', null, null, null])).toEqual({ generated: [0], closures: [0] });
  });
});
