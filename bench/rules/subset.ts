/**
 * @module bench/rules/subset
 * The representative subset of checks both engines run in the "same subset" comparison — code choice,
 * units, place of service, modifiers, daily maximum and episode limit — plus what both sides share:
 * the reduced packs (each pack's own definition with only the subset's rules, loaded through `loadPacks`),
 * the facts precomputed for json-rules-engine, and the outcome the two must agree on.
 */
import {
  FACT_NAMES,
  PACK_DEFINITIONS,
  deriveFacts,
  directMinutes,
  loadPacks,
  unitsForMinutes,
  type Condition,
  type FactValue,
  type Pack,
  type PackDefinition,
  type Rule,
} from '../../src/engine/index.js';
import type { ClaimPreview, ClaimPreviewRequest } from '../../src/shared/api/claims.js';

/** Rule-id suffixes (after `<pack>.`) of the subset; limit rules are found by the limit they read. */
const SUBSET_ID_PREFIXES = ['procedure.covered', 'units.minimum', 'pos.', 'modifiers.'] as const;
/**
 * Limits whose rules are in the subset: the daily maximum (California), the episode-of-care limit per state
 * fiscal year (North Carolina) and — Kansas having neither — its yearly group-hours limit.
 */
const SUBSET_LIMIT_PERIODS: ReadonlySet<string> = new Set([
  'day',
  'episode_state_fiscal_year',
  'calendar_year',
]);

/** Everything a rule's conditions read. */
export function factsOf(condition: Condition | undefined): string[] {
  if (condition === undefined) {
    return [];
  }
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

/** Whether a claim rule belongs to the subset: by its id, or because it checks a day or episode limit. */
function inSubset(rule: Rule, subsetLimitIds: ReadonlySet<string>): boolean {
  if (rule.scope === 'staff') {
    return false;
  }
  const suffix = rule.id.slice(rule.id.indexOf('.') + 1);
  if (SUBSET_ID_PREFIXES.some((prefix) => suffix.startsWith(prefix))) {
    return true;
  }
  return [...factsOf(rule.when), ...factsOf(rule.require)].some(
    (fact) => fact.startsWith('limit.') && subsetLimitIds.has(fact.split('.')[1] ?? ''),
  );
}

/** Ids of limits (in any loaded pack) whose period puts their rules in the subset. */
function subsetLimitIdsOf(packs: readonly Pack[]): Set<string> {
  const ids = new Set<string>();
  for (const pack of packs) {
    for (const limit of pack.limits) {
      if (SUBSET_LIMIT_PERIODS.has(limit.period)) {
        ids.add(limit.id);
      }
    }
  }
  return ids;
}

/** The subset's rules of a full pack (what the reduced pack must hold). */
export function subsetRulesOf(pack: Pack, allLoaded: readonly Pack[]): Rule[] {
  const limitIds = subsetLimitIdsOf(allLoaded);
  return pack.rules.filter((rule) => inSubset(rule, limitIds));
}

/**
 * The loaded packs with only the subset's rules: every definition keeps its procedures, modifiers, places of
 * service, rates, limits and settings, and is loaded and layered by the engine's own `loadPacks`.
 *
 * @throws Error when a reduced pack does not hold exactly the full pack's subset rules
 */
export function reducedPacks(fullPacks: readonly Pack[]): Map<string, Pack> {
  const subsetIds = new Set(
    fullPacks.flatMap((pack) => subsetRulesOf(pack, fullPacks).map((rule) => rule.id)),
  );
  const definitions = PACK_DEFINITIONS.map((definition): PackDefinition => ({
    ...definition,
    rules: (definition.rules ?? []).filter((rule) => subsetIds.has(rule.id)),
  }));
  const reduced = loadPacks(definitions, FACT_NAMES);
  for (const full of fullPacks) {
    const expected = subsetRulesOf(full, fullPacks).map((rule) => rule.id);
    const actual = reduced.get(full.id)?.rules.map((rule) => rule.id) ?? [];
    if (expected.join() !== actual.join()) {
      throw new Error(`Reduced pack ${full.id} has rules [${actual.join()}], expected [${expected.join()}].`);
    }
  }
  return reduced;
}

/** Facts as the engine holds them while evaluating. */
export type FactRecord = Record<string, FactValue>;

/**
 * The facts `evaluateService` has in hand before it chooses the code: derived facts, settings, and each
 * limit's used-before and maximum — the "same facts precomputed" handed to json-rules-engine. Mirrors the
 * first steps of `evaluateService`; the agreement check before timing catches any drift.
 */
export function precomputeFacts(pack: Pack, request: ClaimPreviewRequest): FactRecord {
  const { service } = request;
  const timing = directMinutes({ start: service.start, end: service.end, gaps: service.gaps }, ['service']);
  const minutes = timing.ok ? timing.value.directMinutes : 0;
  const units = unitsForMinutes(minutes);
  const settings: FactRecord = {};
  for (const [name, setting] of Object.entries(pack.settings)) {
    settings[name] = setting.value;
  }
  for (const [name, value] of Object.entries(request.settings)) {
    if (name in settings) {
      settings[name] = value;
    }
  }
  const numberSetting = (name: string, fallback: number): number => {
    const value = settings[name];
    return typeof value === 'number' ? value : fallback;
  };
  const facts: FactRecord = deriveFacts(
    request,
    { minutes, units },
    {
      payerPack: pack.id,
      noteDueBusinessDays: numberSetting('noteDueBusinessDays', 3),
      supervisorTrainingDays: numberSetting('supervisorTrainingDays', 60),
    },
  );
  for (const [name, value] of Object.entries(settings)) {
    facts[`settings.${name}`] = value;
  }
  for (const limit of pack.limits) {
    const max = facts[`settings.${limit.maxSetting}`];
    facts[`limit.${limit.id}.max`] = typeof max === 'number' ? max : 0;
    facts[`limit.${limit.id}.usedBefore`] = usedBefore(limit.period, request);
  }
  return facts;
}

function usedBefore(period: Pack['limits'][number]['period'], request: ClaimPreviewRequest): number {
  switch (period) {
    case 'day':
      // The generator gives every code of the pack the same units that day (bench/rules/generate.ts), so the
      // code the engine will choose need not be known here.
      return Math.max(0, ...Object.values(request.history.unitsSameDayByCode));
    case 'episode_state_fiscal_year':
      return request.history.episodeFiscalYearUnits;
    case 'calendar_year':
      return request.history.calendarYearGroupHours;
  }
}

/** What both engines must agree on for a service: the line's code, modifiers and place of service, and the problems. */
export interface Outcome {
  readonly code: string | null;
  readonly modifiers: readonly string[];
  /** Only when there is a line ('' when none could be found). */
  readonly placeOfService: string | null;
  /** `severity code: message`, sorted. */
  readonly problems: readonly string[];
}

export function problemKey(severity: string, code: string, message: string): string {
  return `${severity} ${code}: ${message}`;
}

/** The outcome of our engine's preview, keeping only problems from the given rules. */
export function outcomeOfPreview(preview: ClaimPreview, ruleIds: ReadonlySet<string>): Outcome {
  const line = preview.lines[0];
  return {
    code: line?.code ?? null,
    modifiers: line?.modifiers ?? [],
    placeOfService: line === undefined ? null : line.placeOfService,
    problems: preview.problems
      .filter((problem) => ruleIds.has(problem.code))
      .map((problem) => problemKey(problem.severity, problem.code, problem.message))
      .sort(),
  };
}

export function sameOutcome(a: Outcome, b: Outcome): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
