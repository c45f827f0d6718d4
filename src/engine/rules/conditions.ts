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

/** True for a list fact (narrowing to the read-only list `Array.isArray` does not narrow to). */
export function isList(value: FactValue | undefined): value is readonly string[] {
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

/**
 * Fact values held by slot: a pack gives each fact it reads a number once, when it loads, so evaluation reads
 * an array element instead of looking a name up in an object. `undefined` is a fact nobody set.
 */
export type FactSlots = readonly (FactValue | undefined)[];

/** A condition compiled against a pack's slots. */
export type SlotCondition = (slots: FactSlots) => boolean;

/**
 * Compiles a condition into a closure over facts by name (the slot form, fed from the names it reads); unknown
 * operators are refused when the pack is validated.
 */
export function compileCondition(condition: Condition): CompiledCondition {
  const names = [...new Set(factsOf(condition))];
  const compiled = compileForSlots(condition, (fact) => names.indexOf(fact));
  return (facts) => compiled(names.map((name) => facts[name]));
}

/**
 * Compiles a condition into a closure over fact slots. This is the form evaluation runs, so it is built for
 * speed: each comparison with a literal is its own small closure calling its operator directly (which V8 can
 * inline), and an `all` or `any` of one part is that part.
 *
 * @param condition - a validated condition
 * @param slotOf - the slot of each fact the condition reads
 */
export function compileForSlots(condition: Condition, slotOf: (fact: string) => number): SlotCondition {
  if ('all' in condition) {
    return combine(
      condition.all.map((part) => compileForSlots(part, slotOf)),
      true,
    );
  }
  if ('any' in condition) {
    return combine(
      condition.any.map((part) => compileForSlots(part, slotOf)),
      false,
    );
  }
  if ('not' in condition) {
    const inner = compileForSlots(condition.not, slotOf);
    return (slots) => !inner(slots);
  }
  const slot = slotOf(condition.fact);
  if (condition.valueFact !== undefined) {
    return compareWithFact(condition.op, slot, slotOf(condition.valueFact));
  }
  return compareWithLiteral(condition.op, slot, condition.value);
}

/** `all` (every part holds) or `any` (some part holds); one part alone is that part. */
function combine(parts: readonly SlotCondition[], all: boolean): SlotCondition {
  const [only] = parts;
  if (only !== undefined && parts.length === 1) {
    return only;
  }
  // Stops at the first part that decides: a false one for `all`, a true one for `any`.
  return (slots) => {
    for (const part of parts) {
      if (part(slots) !== all) {
        return !all;
      }
    }
    return all;
  };
}

/**
 * A comparison with a literal. The commonest operators (seven in ten comparisons in the packs) each get their
 * own closure calling the operator directly, which V8 inlines; one closure shared by all operators would call
 * them through a site that sees every operator and inlines none (measured: 6–9 % slower evaluation).
 */
function compareWithLiteral(op: Operator, slot: number, literal: FactValue | undefined): SlotCondition {
  if (op === 'isTrue') return (slots) => isTrue(slots[slot]);
  if (op === 'present') return (slots) => present(slots[slot]);
  if (op === 'eq') return (slots) => equal(slots[slot], literal);
  if (op === 'ne') return (slots) => notEqual(slots[slot], literal);
  const test = operatorTest(op);
  return (slots) => test(slots[slot], literal);
}

/** A comparison with another fact; the commonest operators get their own closures, as in `compareWithLiteral`. */
function compareWithFact(op: Operator, slot: number, other: number): SlotCondition {
  if (op === 'in') return (slots) => isIn(slots[slot], slots[other]);
  if (op === 'gte') return (slots) => atLeast(slots[slot], slots[other]);
  const test = operatorTest(op);
  return (slots) => test(slots[slot], slots[other]);
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
      return equal;
    case 'ne':
      return notEqual;
    case 'lt':
      return lessThan;
    case 'lte':
      return atMost;
    case 'gt':
      return greaterThan;
    case 'gte':
      return atLeast;
    case 'in':
      return isIn;
    case 'notIn':
      return notIn;
    case 'present':
      return present;
    case 'absent':
      return absent;
    case 'isTrue':
      return isTrue;
    case 'isFalse':
      return isFalse;
    case 'includes':
      return includes;
    case 'excludes':
      return excludes;
    case 'includesAny':
      return includesAny;
    case 'includesNone':
      return includesNone;
    case 'subsetOf':
      return subsetOf;
  }
}

// The operators, each defined once: `operatorTest` hands them out and `compareWithLiteral` calls the commonest.

function equal(actual: FactValue | undefined, expected: FactValue | undefined): boolean {
  return actual === expected;
}

function notEqual(actual: FactValue | undefined, expected: FactValue | undefined): boolean {
  return actual !== expected;
}

function lessThan(actual: FactValue | undefined, expected: FactValue | undefined): boolean {
  return ordered(actual, expected) && (actual as number | string) < (expected as number | string);
}

function atMost(actual: FactValue | undefined, expected: FactValue | undefined): boolean {
  return ordered(actual, expected) && (actual as number | string) <= (expected as number | string);
}

function greaterThan(actual: FactValue | undefined, expected: FactValue | undefined): boolean {
  return ordered(actual, expected) && (actual as number | string) > (expected as number | string);
}

function atLeast(actual: FactValue | undefined, expected: FactValue | undefined): boolean {
  return ordered(actual, expected) && (actual as number | string) >= (expected as number | string);
}

function isIn(actual: FactValue | undefined, expected: FactValue | undefined): boolean {
  return typeof actual === 'string' && Array.isArray(expected) && expected.includes(actual);
}

function notIn(actual: FactValue | undefined, expected: FactValue | undefined): boolean {
  return !isIn(actual, expected);
}

function present(actual: FactValue | undefined): boolean {
  return actual !== undefined && actual !== null && actual !== '';
}

function absent(actual: FactValue | undefined): boolean {
  return actual === undefined || actual === null || actual === '';
}

function isTrue(actual: FactValue | undefined): boolean {
  return actual === true;
}

function isFalse(actual: FactValue | undefined): boolean {
  return actual !== true;
}

function includes(actual: FactValue | undefined, expected: FactValue | undefined): boolean {
  return Array.isArray(actual) && typeof expected === 'string' && actual.includes(expected);
}

function excludes(actual: FactValue | undefined, expected: FactValue | undefined): boolean {
  return !includes(actual, expected);
}

function includesAny(actual: FactValue | undefined, expected: FactValue | undefined): boolean {
  return listsMeet(actual, expected, true);
}

function includesNone(actual: FactValue | undefined, expected: FactValue | undefined): boolean {
  return !includesAny(actual, expected);
}

function subsetOf(actual: FactValue | undefined, expected: FactValue | undefined): boolean {
  return listsMeet(actual, expected, false);
}

/**
 * For two lists: whether some item of `actual` is in `expected` (`some`), or every one is (`!some`); false
 * unless both are lists. A loop rather than `some`/`every`, which would build a closure on every call.
 */
function listsMeet(actual: FactValue | undefined, expected: FactValue | undefined, some: boolean): boolean {
  if (!Array.isArray(actual) || !Array.isArray(expected)) {
    return false;
  }
  for (const item of actual as readonly string[]) {
    if (expected.includes(item) === some) {
      return some;
    }
  }
  return !some;
}

/** Order comparisons only between two numbers or two strings (dates); anything else is false. */
function ordered(actual: FactValue | undefined, expected: FactValue | undefined): boolean {
  return (
    (typeof actual === 'number' && typeof expected === 'number') ||
    (typeof actual === 'string' && typeof expected === 'string')
  );
}
