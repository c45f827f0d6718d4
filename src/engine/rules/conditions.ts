/**
 * @module engine/rules/conditions
 * The condition language of payer rules: `all` / `any` / `not` trees over a closed set of named, pure
 * operators that compare a fact with a literal or with another fact. Conditions are compiled once, when a
 * pack loads, into plain closures — the hot path allocates nothing — and can be re-run in explain mode to
 * record each comparison (fact, operator, actual, expected) when a rule fails.
 */

/** A value a fact can hold. Dates are 'YYYY-MM-DD' strings, so they compare correctly as strings. */
export type FactValue = string | number | boolean | null | readonly string[];

export type Facts = Readonly<Record<string, FactValue>>;

export const OPERATORS = [
  'eq',
  'ne',
  'lt',
  'lte',
  'gt',
  'gte',
  'in',
  'notIn',
  'present',
  'absent',
  'isTrue',
  'isFalse',
  'includes',
  'excludes',
  'includesAny',
  'includesNone',
  'subsetOf',
] as const;
export type Operator = (typeof OPERATORS)[number];

/** Compares `fact` with `value`, or with the value of another fact (`valueFact`). */
export interface Comparison {
  fact: string;
  op: Operator;
  value?: FactValue;
  valueFact?: string;
}

export type Condition =
  { all: readonly Condition[] } | { any: readonly Condition[] } | { not: Condition } | Comparison;

/** One comparison made; a missing fact or an operator without an operand records `null`, which JSON keeps. */
export interface ComparisonRecord {
  fact: string;
  operator: Operator;
  actual: RecordedValue;
  expected: RecordedValue;
}

function isList(value: FactValue): value is readonly string[] {
  return Array.isArray(value);
}

/** A fact value as recorded for an explanation: lists are copied, so the record owns its data. */
export type RecordedValue = string | number | boolean | null | string[];

function recorded(value: FactValue | undefined): RecordedValue {
  if (value === undefined) {
    return null;
  }
  if (isList(value)) {
    return [...value];
  }
  return value;
}

export type CompiledCondition = (facts: Facts) => boolean;

/** Compiles a condition into a closure; unknown operators are refused when the pack is validated. */
export function compileCondition(condition: Condition): CompiledCondition {
  if ('all' in condition) {
    const parts = condition.all.map(compileCondition);
    return (facts) => {
      for (const part of parts) {
        if (!part(facts)) {
          return false;
        }
      }
      return true;
    };
  }
  if ('any' in condition) {
    const parts = condition.any.map(compileCondition);
    return (facts) => {
      for (const part of parts) {
        if (part(facts)) {
          return true;
        }
      }
      return false;
    };
  }
  if ('not' in condition) {
    const inner = compileCondition(condition.not);
    return (facts) => !inner(facts);
  }
  const { fact, op, valueFact } = condition;
  const literal = condition.value;
  const test = operatorTest(op);
  if (valueFact !== undefined) {
    return (facts) => test(facts[fact], facts[valueFact]);
  }
  return (facts) => test(facts[fact], literal);
}

/**
 * Evaluates `condition` and records every comparison it made, for the explanation of a failed rule.
 * Slower than the compiled form; used only when a rule fails or a full trace is asked for.
 */
export function explainCondition(condition: Condition, facts: Facts, records: ComparisonRecord[]): boolean {
  if ('all' in condition) {
    let result = true;
    for (const part of condition.all) {
      result = explainCondition(part, facts, records) && result;
    }
    return result;
  }
  if ('any' in condition) {
    let result = false;
    for (const part of condition.any) {
      result = explainCondition(part, facts, records) || result;
    }
    return result;
  }
  if ('not' in condition) {
    return !explainCondition(condition.not, facts, records);
  }
  const expected = condition.valueFact === undefined ? condition.value : facts[condition.valueFact];
  const actual = facts[condition.fact];
  records.push({
    fact: condition.fact,
    operator: condition.op,
    actual: recorded(actual),
    expected: recorded(expected),
  });
  return operatorTest(condition.op)(actual, expected);
}

/** Every fact name a condition reads (for validating packs against the known facts). */
export function factsOf(condition: Condition): string[] {
  if ('all' in condition) {
    return condition.all.flatMap(factsOf);
  }
  if ('any' in condition) {
    return condition.any.flatMap(factsOf);
  }
  if ('not' in condition) {
    return factsOf(condition.not);
  }
  return condition.valueFact === undefined ? [condition.fact] : [condition.fact, condition.valueFact];
}

export type OperatorTest = (actual: FactValue | undefined, expected: FactValue | undefined) => boolean;

/** The comparison an operator makes (exported so other evaluators, like the benchmark's baseline, share it). */
export function operatorTest(op: Operator): OperatorTest {
  switch (op) {
    case 'eq':
      return (actual, expected) => actual === expected;
    case 'ne':
      return (actual, expected) => actual !== expected;
    case 'lt':
      return (actual, expected) =>
        ordered(actual, expected) && (actual as number | string) < (expected as number | string);
    case 'lte':
      return (actual, expected) =>
        ordered(actual, expected) && (actual as number | string) <= (expected as number | string);
    case 'gt':
      return (actual, expected) =>
        ordered(actual, expected) && (actual as number | string) > (expected as number | string);
    case 'gte':
      return (actual, expected) =>
        ordered(actual, expected) && (actual as number | string) >= (expected as number | string);
    case 'in':
      return (actual, expected) =>
        typeof actual === 'string' && Array.isArray(expected) && expected.includes(actual);
    case 'notIn':
      return (actual, expected) =>
        !(typeof actual === 'string' && Array.isArray(expected) && expected.includes(actual));
    case 'present':
      return (actual) => actual !== undefined && actual !== null && actual !== '';
    case 'absent':
      return (actual) => actual === undefined || actual === null || actual === '';
    case 'isTrue':
      return (actual) => actual === true;
    case 'isFalse':
      return (actual) => actual !== true;
    case 'includes':
      return (actual, expected) =>
        Array.isArray(actual) && typeof expected === 'string' && actual.includes(expected);
    case 'excludes':
      return (actual, expected) =>
        !(Array.isArray(actual) && typeof expected === 'string' && actual.includes(expected));
    case 'includesAny':
      return (actual, expected) =>
        Array.isArray(actual) &&
        Array.isArray(expected) &&
        actual.some((item: string) => expected.includes(item));
    case 'includesNone':
      return (actual, expected) =>
        !(
          Array.isArray(actual) &&
          Array.isArray(expected) &&
          actual.some((item: string) => expected.includes(item))
        );
    case 'subsetOf':
      return (actual, expected) =>
        Array.isArray(actual) &&
        Array.isArray(expected) &&
        actual.every((item: string) => expected.includes(item));
  }
}

/** Order comparisons only between two numbers or two strings (dates); anything else is false. */
function ordered(actual: FactValue | undefined, expected: FactValue | undefined): boolean {
  return (
    (typeof actual === 'number' && typeof expected === 'number') ||
    (typeof actual === 'string' && typeof expected === 'string')
  );
}
