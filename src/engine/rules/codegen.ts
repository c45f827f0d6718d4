/**
 * @module engine/rules/codegen
 * A pack's claim rules in force on a date, generated as one JavaScript function (`new Function`) when the pack
 * loads: each rule becomes an `if` whose condition is inline comparisons on the fact array's slots, in the
 * rules' order. Evaluation runs it instead of calling each rule's compiled closures in a loop, where every call
 * went through one megamorphic site that V8 could inline nothing into (the rule loop was about a third of
 * judging a service; docs/PERFORMANCE.md). The closures (`conditions.ts`) stay the reference: explanations and
 * staff rules use them, and tests check that both give the same answers.
 *
 * What the generated source is built from — never from raw pack strings:
 * - operators from the closed set `OPERATORS`, each by a `switch` of this file (an unknown one throws);
 * - slots, checked to be non-negative integers before being written as digits;
 * - literals: a string by `JSON.stringify` (a valid, fully escaped JavaScript string literal), a finite number
 *   by `JSON.stringify`, `true`, `false` and `null` as keywords, and anything else (lists, `undefined`, other
 *   numbers) not written at all but passed in an array the code indexes by integer;
 * - the rules themselves and the operators it does not write inline are passed in arrays, indexed by integer.
 * Rule ids, messages and fact names never enter the source. Where code generation from strings is disallowed
 * (`--disallow-code-generation-from-strings`), `generateRuleRunner` returns undefined and evaluation keeps the
 * closures.
 *
 * The inline comparisons are written to give exactly the operator functions' answers (`conditions.ts`); the
 * rarer list operators are not rewritten but called, through constants the generated function closes over, so
 * each call site sees one function.
 */
import {
  OPERATORS,
  operatorTest,
  type Comparison,
  type Condition,
  type FactSlots,
  type FactValue,
} from './conditions.js';

/** What the generator reads of a rule: the condition it applies under, if any, and what it requires. */
export interface GuardedRule {
  readonly rule: { readonly when?: Condition | undefined; readonly require: Condition };
}

/**
 * Judges every rule of its list on a service's facts, pushing `fail(rule, values)` for each that fails, in the
 * list's order (the evaluator passes its `problemOf`, so this module needs nothing of the evaluator).
 */
export type RuleRunner<R, P> = (
  values: FactSlots,
  failures: P[],
  fail: (rule: R, values: FactSlots) => P,
) => void;

/** The factory `new Function` builds: given the rules, literals and operator functions, the runner. */
type RunnerFactory<R, P> = (
  rules: readonly R[],
  literals: readonly (FactValue | undefined)[],
  operators: readonly ((actual: FactValue | undefined, expected: FactValue | undefined) => boolean)[],
) => RuleRunner<R, P>;

/** The operator functions, in the order of `OPERATORS`; generated code calls the ones it does not inline. */
const OPERATOR_TESTS = OPERATORS.map(operatorTest);

/**
 * The runner of a list of rules (a pack's claim rules in force on some dates), or undefined where code cannot
 * be generated from strings.
 *
 * @param rules - compiled rules of a validated pack, in the order their problems are reported
 * @param slotOf - the slot of each fact the rules' conditions read (every one already has one)
 */
export function generateRuleRunner<R extends GuardedRule, P>(
  rules: readonly R[],
  slotOf: (fact: string) => number,
): RuleRunner<R, P> | undefined {
  const writer = new ConditionWriter(slotOf);
  const lines: string[] = [];
  rules.forEach(({ rule }, index) => {
    const holds = writer.write(rule.require);
    const fails = rule.when === undefined ? `!${holds}` : `${writer.write(rule.when)} && !${holds}`;
    lines.push(`    if (${fails}) failures.push(fail(R[${index}], v));`);
  });
  const header = [...writer.operatorsUsed].map((index) => `  const o${index} = T[${index}];`);
  const body = [
    '"use strict";',
    ...header,
    '  return function runRules(v, failures, fail) {',
    '    let t, u;',
    ...lines,
    '  };',
  ].join('\n');
  const factory = functionOfSource<RunnerFactory<R, P>>(['R', 'K', 'T'], body);
  return factory?.(rules, writer.literals, OPERATOR_TESTS);
}

/**
 * `new Function(...parameters, body)` as the type `F` the caller knows it to have, or undefined where code
 * generation from strings is disallowed (`--disallow-code-generation-from-strings`), where callers keep their
 * interpreted path. Callers build `body` only from validated data, as this module's header explains.
 */
export function functionOfSource<F>(parameters: readonly string[], body: string): F | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    return new Function(...parameters, body) as F;
  } catch (error) {
    if (error instanceof EvalError) {
      return undefined;
    }
    throw error;
  }
}

/**
 * Writes conditions as JavaScript expressions over `v` (the fact values), using the temporaries `t` and `u`
 * (each comparison sets and reads them before the next begins, so two suffice however deep the tree), and
 * collects the literals and operator functions the expressions refer to.
 */
class ConditionWriter {
  readonly literals: (FactValue | undefined)[] = [];
  readonly operatorsUsed = new Set<number>();

  constructor(private readonly slotOf: (fact: string) => number) {}

  /** A parenthesised expression true exactly when the condition holds (as its compiled closure says). */
  write(condition: Condition): string {
    if ('all' in condition) {
      // An empty `all` holds and an empty `any` does not, as `combine` in conditions.ts decides them.
      return condition.all.length === 0
        ? '(true)'
        : `(${condition.all.map((part) => this.write(part)).join(' && ')})`;
    }
    if ('any' in condition) {
      return condition.any.length === 0
        ? '(false)'
        : `(${condition.any.map((part) => this.write(part)).join(' || ')})`;
    }
    if ('not' in condition) {
      return `(!${this.write(condition.not)})`;
    }
    return `(${this.comparison(condition)})`;
  }

  private comparison(condition: Comparison): string {
    const actual = this.slot(condition.fact);
    const byFact = condition.valueFact !== undefined;
    const expected =
      condition.valueFact !== undefined ? this.slot(condition.valueFact) : this.literal(condition.value);
    const { op } = condition;
    switch (op) {
      case 'eq':
        return `${actual} === ${expected}`;
      case 'ne':
        return `${actual} !== ${expected}`;
      case 'isTrue':
        return `${actual} === true`;
      case 'isFalse':
        return `${actual} !== true`;
      case 'present':
        return `(t = ${actual}) !== void 0 && t !== null && t !== ""`;
      case 'absent':
        return `(t = ${actual}) === void 0 || t === null || t === ""`;
      case 'in':
        return isIn(actual, expected);
      case 'notIn':
        return `!(${isIn(actual, expected)})`;
      case 'lt':
        return this.ordered(actual, expected, '<', byFact, condition.value);
      case 'lte':
        return this.ordered(actual, expected, '<=', byFact, condition.value);
      case 'gt':
        return this.ordered(actual, expected, '>', byFact, condition.value);
      case 'gte':
        return this.ordered(actual, expected, '>=', byFact, condition.value);
      case 'includes':
      case 'excludes':
      case 'includesAny':
      case 'includesNone':
      case 'subsetOf':
        return `${this.operator(op)}(${actual}, ${expected})`;
    }
    // Validation admits only `OPERATORS`; anything else must not reach the source.
    throw new Error(`Unknown operator ${JSON.stringify(op)}`);
  }

  /**
   * An order comparison, which holds only between two numbers or two strings. With a literal, the literal's
   * type is known here: a number or string checks the fact's type alone, and any other literal never holds.
   */
  private ordered(
    actual: string,
    expected: string,
    compare: string,
    byFact: boolean,
    literal: FactValue | undefined,
  ): string {
    if (byFact) {
      return (
        `(t = ${actual}, u = ${expected}, ((typeof t === "number" && typeof u === "number") || ` +
        `(typeof t === "string" && typeof u === "string")) && t ${compare} u)`
      );
    }
    if (typeof literal === 'number' || typeof literal === 'string') {
      return `typeof (t = ${actual}) === "${typeof literal}" && t ${compare} ${expected}`;
    }
    return 'false';
  }

  /** `v[slot]` for a fact, its slot checked to be an array index. */
  private slot(fact: string): string {
    const slot = this.slotOf(fact);
    if (!Number.isSafeInteger(slot) || slot < 0) {
      throw new Error(`No slot for a fact a rule reads (${JSON.stringify(fact)})`);
    }
    return `v[${slot}]`;
  }

  /** A literal written as source where that is exact and safe, else read from the literals array. */
  private literal(value: FactValue | undefined): string {
    if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) {
      return `(${JSON.stringify(value)})`;
    }
    if (value === true || value === false || value === null) {
      return String(value);
    }
    this.literals.push(value);
    return `K[${this.literals.length - 1}]`;
  }

  /** The local constant holding an operator function (see `generateRuleRunner`'s header). */
  private operator(op: Comparison['op']): string {
    const index = OPERATORS.indexOf(op);
    if (index < 0) {
      throw new Error(`Unknown operator ${JSON.stringify(op)}`);
    }
    this.operatorsUsed.add(index);
    return `o${index}`;
  }
}

/** `in`: the fact is a string and the other side a list holding it. */
function isIn(actual: string, expected: string): string {
  return `typeof (t = ${actual}) === "string" && Array.isArray(u = ${expected}) && u.includes(t)`;
}
