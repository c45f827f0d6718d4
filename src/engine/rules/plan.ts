/**
 * @module engine/rules/plan
 * What a pack needs to judge services fast, built once when the pack loads:
 *
 * - a **slot** for every fact. A service's facts live in an array, and every condition is compiled to read its
 *   slots, so evaluation never looks a fact up by name (an object of ~80 string keys, rebuilt per service and
 *   read by name, was the engine's main cost);
 * - which **costly facts** the pack reads, so it derives only those (California never needs the Kansas staff
 *   ages), with a derivation of just those generated from the fact table (`fact-codegen.ts`), and which
 *   settings it reads;
 * - each message split at its placeholders, each limit's slots, and the pack's rules grouped by the dates
 *   they are in force, so a service only runs the rules in force on its date;
 * - for each such group, its claim rules generated as one function of inline comparisons (`codegen.ts`), which
 *   judges them without a call per condition.
 */
import type { ClaimPreviewRequest } from '../../shared/api/claims.js';
import type { Problem, ProblemSource } from '../../shared/problem.js';
import {
  compileForSlots,
  factsOf,
  type Condition,
  type FactValue,
  type SlotCondition,
} from './conditions.js';
import { generateRuleRunner, type RuleRunner } from './codegen.js';
import { factDeriver } from './fact-codegen.js';
import {
  DERIVED_FACTS,
  EVALUATED_FACTS,
  blankValues,
  needsOf,
  type DaySettings,
  type DerivationNeeds,
  type FactDeriver,
  type FactInput,
  type FixedFact,
} from './facts.js';
import type {
  Limit,
  ModifierRule,
  PlaceOfServiceRule,
  Procedure,
  Rate,
  Rule,
  Setting,
} from './pack-schema.js';
import { compileTemplate, placeholdersOf, type CompiledTemplate } from './template.js';

/** Facts held in the same slot by every pack: the derived facts, then the ones the evaluator sets. */
const FIXED_FACTS: readonly FixedFact[] = [...DERIVED_FACTS, ...EVALUATED_FACTS];

/** The slot every pack holds a derived or evaluated fact in. */
export function fixedSlot(name: FixedFact): number {
  return FIXED_FACTS.indexOf(name);
}

/** The note is due this many business days after the service when the pack does not say. */
const DEFAULT_NOTE_DUE_BUSINESS_DAYS = 3;
/** A supervisor's training is due this many days after they start supervising when the pack does not say. */
const DEFAULT_SUPERVISOR_TRAINING_DAYS = 60;

/** A fact slot: an index into the array of a service's fact values. */
export type Slot = number;

export interface CompiledRule {
  readonly rule: Rule;
  /**
   * The source a problem of this rule cites, built once. Each problem gets its own copy (a spread of this, which
   * V8 makes by copying the object whole, cheaper than a literal reading the rule and its citation).
   */
  readonly source: Readonly<ProblemSource>;
  readonly applies: SlotCondition | undefined;
  readonly holds: SlotCondition;
  readonly downgrade: SlotCondition | undefined;
  readonly message: CompiledTemplate;
}

export interface CompiledLimit {
  readonly limit: Limit;
  readonly applies: SlotCondition | undefined;
  readonly maxSetting: Slot;
  readonly max: Slot;
  readonly usedBefore: Slot;
  readonly after: Slot;
  readonly over: Slot;
  readonly thisService: Slot;
}

/** A rate with its dates as numbers, compared with the service's date number instead of as strings. */
export interface DatedRate {
  readonly rate: Rate;
  readonly from: number;
  readonly to: number;
}

/** The rules in force between two effective-date thresholds (see `PackPlan.thresholdDates`). */
export interface RulesInForce {
  readonly claim: readonly CompiledRule[];
  readonly staff: readonly CompiledRule[];
  /**
   * The claim rules as one generated function (`codegen.ts`), which judges them as the compiled closures do,
   * faster; undefined where code cannot be generated, and then the evaluator runs the closures.
   */
  readonly runClaim: RuleRunner<CompiledRule, Problem> | undefined;
}

export interface PackPlan {
  /**
   * A service's fact values before any is derived, one per slot: fixed facts, the settings read (holding the
   * pack's values), limits, then any other fact a message names. Each evaluation starts from a copy, so a request
   * that overrides no setting copies none.
   */
  readonly blank: readonly (FactValue | undefined)[];
  readonly slots: ReadonlyMap<string, Slot>;
  /** The groups of costly derived facts judging a service reads (see `fact-table.ts`). */
  readonly claimNeeds: DerivationNeeds;
  /** The groups of costly derived facts the staff rules read. */
  readonly staffNeeds: DerivationNeeds;
  /** Derives the facts of `claimNeeds`: generated code (`fact-codegen.ts`), or the table where it cannot be. */
  readonly deriveClaimFacts: FactDeriver;
  /** Derives the facts of `staffNeeds`, as `deriveClaimFacts` does those of `claimNeeds`. */
  readonly deriveStaffFacts: FactDeriver;
  /** The settings that conditions, messages or limits read, with their slots and the pack's values. */
  readonly settings: readonly {
    readonly slot: Slot;
    readonly name: string;
    readonly value: Setting['value'];
  }[];
  /** The note due and supervisor training days when the request overrides no setting. */
  readonly days: DaySettings;
  /** Whether any condition or message reads an `authorization.*` fact. */
  readonly readsAuthorizations: boolean;
  readonly procedures: readonly { readonly procedure: Procedure; readonly test: SlotCondition }[];
  readonly modifierRules: readonly { readonly modifier: string; readonly test: SlotCondition }[];
  readonly placeOfServiceRules: readonly { readonly placeOfService: string; readonly test: SlotCondition }[];
  readonly limits: readonly CompiledLimit[];
  /** The pack's rates with their dates as YYYYMMDD numbers (see `digitsOfDate`; no end is `Infinity`). */
  readonly rates: readonly DatedRate[];
  /**
   * Effective-date thresholds in order: a date passes `thresholdDates[i]` when it is on or after it, or, where
   * `thresholdAfter[i]`, strictly after it. The number of thresholds a date passes indexes `inForce`.
   */
  readonly thresholdDates: readonly string[];
  readonly thresholdAfter: readonly boolean[];
  /**
   * The same thresholds as YYYYMMDD numbers (see `dateNumber`): a date numbered n passes threshold i when
   * n ≥ `thresholdNumbers[i]` ("after" thresholds are stored one higher), so a service's rules are found with
   * number comparisons instead of string ones.
   */
  readonly thresholdNumbers: readonly number[];
  readonly inForce: readonly RulesInForce[];
}

/** The parts of a loaded pack its plan is built from. */
export interface PlanSource {
  readonly settings: Readonly<Record<string, Setting>>;
  readonly procedures: readonly Procedure[];
  readonly modifierRules: readonly ModifierRule[];
  readonly placeOfServiceRules: readonly PlaceOfServiceRule[];
  readonly limits: readonly Limit[];
  readonly rules: readonly Rule[];
  readonly rates: readonly Rate[];
}

/** Builds a pack's plan; the pack's conditions and messages have already been validated. */
export function planPack(pack: PlanSource): PackPlan {
  const { claimReads, staffReads } = readsOf(pack);
  const readSetting = (name: string): boolean =>
    claimReads.has(`settings.${name}`) ||
    staffReads.has(`settings.${name}`) ||
    pack.limits.some((limit) => limit.maxSetting === name);

  const slots = new Map<string, Slot>(FIXED_FACTS.map((name, index) => [name, index]));
  const slotOf = (fact: string): Slot => {
    let slot = slots.get(fact);
    if (slot === undefined) {
      slot = slots.size;
      slots.set(fact, slot);
    }
    return slot;
  };
  // Only the settings something reads get a value per service; the others could not change an answer.
  const settings = Object.entries(pack.settings)
    .filter(([name]) => readSetting(name))
    .map(([name, setting]) => ({ slot: slotOf(`settings.${name}`), name, value: setting.value }));

  const compile = (condition: Condition): SlotCondition => compileForSlots(condition, slotOf);
  const compileOptional = (condition: Condition | undefined): SlotCondition | undefined =>
    condition === undefined ? undefined : compile(condition);
  const limits = pack.limits.map((limit) => ({
    limit,
    applies: compileOptional(limit.appliesWhen),
    maxSetting: slotOf(`settings.${limit.maxSetting}`),
    max: slotOf(`limit.${limit.id}.max`),
    usedBefore: slotOf(`limit.${limit.id}.usedBefore`),
    after: slotOf(`limit.${limit.id}.after`),
    over: slotOf(`limit.${limit.id}.over`),
    thisService: slotOf(`limit.${limit.id}.thisService`),
  }));
  const rules = pack.rules.map((rule): CompiledRule => ({
    rule,
    source: {
      document: rule.citation.document,
      section: rule.citation.section,
      quote: rule.citation.quote,
      ruleId: rule.id,
      ruleVersion: rule.version,
    },
    applies: compileOptional(rule.when),
    holds: compile(rule.require),
    downgrade: compileOptional(rule.warningWhen),
    message: compileTemplate(rule.message, slotOf),
  }));
  const { thresholdDates, thresholdAfter, inForce } = groupByEffectiveDates(rules, slotOf);

  const blank = blankValues(slots.size);
  for (const { slot, value } of settings) {
    blank[slot] = value;
  }
  const claimNeeds = needsOf(claimReads);
  const staffNeeds = needsOf(staffReads);
  return {
    blank,
    slots,
    claimNeeds,
    staffNeeds,
    deriveClaimFacts: factDeriver(claimNeeds),
    deriveStaffFacts: factDeriver(staffNeeds),
    settings,
    days: daySettings(pack.settings, {}),
    readsAuthorizations: [...claimReads].some((fact) => fact.startsWith('authorization.')),
    procedures: pack.procedures.map((procedure) => ({ procedure, test: compile(procedure.when) })),
    modifierRules: pack.modifierRules.map((rule) => ({ modifier: rule.modifier, test: compile(rule.when) })),
    placeOfServiceRules: pack.placeOfServiceRules.map((rule) => ({
      placeOfService: rule.placeOfService,
      test: compile(rule.when),
    })),
    limits,
    rates: pack.rates.map((rate) => ({
      rate,
      from: digitsOfDate(rate.effectiveFrom),
      to: rate.effectiveTo === null ? Infinity : digitsOfDate(rate.effectiveTo),
    })),
    thresholdDates,
    thresholdAfter,
    thresholdNumbers: thresholdDates.map(
      (threshold, index) => digitsOfDate(threshold) + (thresholdAfter[index] === true ? 1 : 0),
    ),
    inForce,
  };
}

/**
 * The facts judging a service reads — its procedures, modifier and place-of-service rules, limits and claim
 * rules, with their messages; the evaluator itself reads the place of service — and the facts the staff rules
 * read.
 */
function readsOf(pack: PlanSource): { claimReads: Set<string>; staffReads: Set<string> } {
  const claimReads = new Set<string>(['service.placeOfService']);
  const staffReads = new Set<string>();
  const read = (reads: Set<string>, condition: Condition | undefined): void => {
    for (const fact of condition === undefined ? [] : factsOf(condition)) {
      reads.add(fact);
    }
  };
  for (const item of [...pack.procedures, ...pack.modifierRules, ...pack.placeOfServiceRules]) {
    read(claimReads, item.when);
  }
  for (const limit of pack.limits) {
    read(claimReads, limit.appliesWhen);
  }
  for (const rule of pack.rules) {
    const reads = rule.scope === 'claim' ? claimReads : staffReads;
    read(reads, rule.when);
    read(reads, rule.require);
    read(reads, rule.warningWhen);
    for (const fact of placeholdersOf(rule.message)) {
      reads.add(fact);
    }
  }
  return { claimReads, staffReads };
}

/**
 * Groups rules by the dates they are in force. Each rule adds two thresholds, "on or after effectiveFrom" and
 * "after effectiveTo"; sorted, a date passes a leading run of them, and how many it passes says which rules are
 * in force: those whose start it has passed and whose end it has not.
 */
function groupByEffectiveDates(
  rules: readonly CompiledRule[],
  slotOf: (fact: string) => Slot,
): {
  thresholdDates: string[];
  thresholdAfter: boolean[];
  inForce: RulesInForce[];
} {
  const keyOf = (date: string, after: boolean): string => `${date}${after ? '>' : '='}`;
  const thresholds = new Map<string, { date: string; after: boolean }>();
  for (const { rule } of rules) {
    thresholds.set(keyOf(rule.effectiveFrom, false), { date: rule.effectiveFrom, after: false });
    if (rule.effectiveTo !== null) {
      thresholds.set(keyOf(rule.effectiveTo, true), { date: rule.effectiveTo, after: true });
    }
  }
  // On a shared date, "on or after" comes before "after": any date passing the second passes the first.
  const sorted = [...thresholds.values()].sort((a, b) => {
    if (a.date === b.date) {
      return Number(a.after) - Number(b.after);
    }
    return a.date < b.date ? -1 : 1;
  });
  const indexOf = (date: string, after: boolean): number =>
    sorted.findIndex((threshold) => threshold.date === date && threshold.after === after);
  const inForce: RulesInForce[] = [];
  for (let passed = 0; passed <= sorted.length; passed += 1) {
    const current = rules.filter(
      ({ rule }) =>
        indexOf(rule.effectiveFrom, false) < passed &&
        (rule.effectiveTo === null || passed <= indexOf(rule.effectiveTo, true)),
    );
    const claim = current.filter(({ rule }) => rule.scope === 'claim');
    inForce.push({
      claim,
      staff: current.filter(({ rule }) => rule.scope === 'staff'),
      runClaim: generateRuleRunner(claim, slotOf),
    });
  }
  return {
    thresholdDates: sorted.map((threshold) => threshold.date),
    thresholdAfter: sorted.map((threshold) => threshold.after),
    inForce,
  };
}

const NO_RULES: RulesInForce = { claim: [], staff: [], runClaim: undefined };

/**
 * A pack date's digits as the number YYYYMMDD. Pack dates are only checked to be written 'dddd-dd-dd', not to
 * name a day, so this reads the digits without `dateNumber`'s calendar check: for two such dates the numbers
 * order exactly as the strings do.
 */
function digitsOfDate(date: string): number {
  return Number(date.slice(0, 4) + date.slice(5, 7) + date.slice(8, 10));
}

/**
 * The pack's rules in force on a date of service given as `dateNumber` reads it (YYYYMMDD); the evaluator has
 * that number already, and comparing numbers is cheaper than comparing date strings. A negative number (not a
 * date) takes the string comparisons of `rulesInForce`.
 */
export function rulesInForceOn(plan: PackPlan, date: string, number: number): RulesInForce {
  if (number < 0) {
    return rulesInForce(plan, date);
  }
  const { thresholdNumbers } = plan;
  let passed = 0;
  while (passed < thresholdNumbers.length && number >= (thresholdNumbers[passed] ?? 0)) {
    passed += 1;
  }
  return plan.inForce[passed] ?? NO_RULES;
}

/** The pack's rules in force on a date of service. */
export function rulesInForce(plan: PackPlan, date: string): RulesInForce {
  const { thresholdDates, thresholdAfter } = plan;
  let passed = 0;
  while (passed < thresholdDates.length) {
    const threshold = thresholdDates[passed] ?? '';
    if (thresholdAfter[passed] === true ? date <= threshold : date < threshold) {
      break;
    }
    passed += 1;
  }
  return plan.inForce[passed] ?? NO_RULES;
}

/**
 * The note due and supervisor training days, as the request overrides them or else the pack sets them; the
 * engine's defaults (3 business days, 60 days) when neither is a number. A request may override them even where
 * the pack has no such setting.
 */
export function daySettings(
  settings: Readonly<Record<string, Setting>>,
  overrides: ClaimPreviewRequest['settings'],
): DaySettings {
  return {
    noteDueBusinessDays: numberSetting(
      settings,
      overrides,
      'noteDueBusinessDays',
      DEFAULT_NOTE_DUE_BUSINESS_DAYS,
    ),
    supervisorTrainingDays: numberSetting(
      settings,
      overrides,
      'supervisorTrainingDays',
      DEFAULT_SUPERVISOR_TRAINING_DAYS,
    ),
  };
}

function numberSetting(
  settings: Readonly<Record<string, Setting>>,
  overrides: ClaimPreviewRequest['settings'],
  name: string,
  fallback: number,
): number {
  const value = overrides[name] ?? settings[name]?.value;
  return typeof value === 'number' ? value : fallback;
}

/** True when the request overrides no setting, the usual case, which then needs no lookups. */
export function noOverrides(overrides: ClaimPreviewRequest['settings']): boolean {
  for (const _name in overrides) {
    return false;
  }
  return true;
}

/**
 * The fact values of one service: the derived facts the pack reads (written by `derive`, one of the plan's
 * derivers or the reference), and its settings as the request overrides them (`overrides` undefined when it
 * overrides none). Line, limit and authorization slots are left for the evaluator.
 */
export function factValues(
  plan: PackPlan,
  input: FactInput,
  overrides: ClaimPreviewRequest['settings'] | undefined,
  derive: FactDeriver,
): (FactValue | undefined)[] {
  // A copy of the pack's blank values, which hold its settings: made at its final size in one step, with no
  // holes to check on reads.
  const values = plan.blank.slice();
  derive(values, input);
  if (overrides !== undefined) {
    for (const { slot, name, value } of plan.settings) {
      values[slot] = overrides[name] ?? value;
    }
  }
  return values;
}

/** The facts by name, for explanations (which record what each comparison read). */
export function factsByName(
  plan: PackPlan,
  values: readonly (FactValue | undefined)[],
): Record<string, FactValue> {
  const facts: Record<string, FactValue> = {};
  for (const [name, slot] of plan.slots) {
    const value = values[slot];
    if (value !== undefined) {
      facts[name] = value;
    }
  }
  return facts;
}
