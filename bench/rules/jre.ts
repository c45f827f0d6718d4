/**
 * @module bench/rules/jre
 * The baseline: the subset's checks written for json-rules-engine 7, the way a team would write them, and
 * built from the same pack data our engine runs (so the two cannot drift apart by hand-copying):
 *
 * - our operators registered as custom operators with the same semantics (`present`, `subsetOf`, …);
 *   a fact compared with another fact uses json-rules-engine's own `{ fact: … }` values;
 * - code choice, modifiers and the derived place of service by rule chaining (the library's documented way,
 *   examples/07-rule-chaining): procedure rules first, one priority each so the first match wins and sets
 *   `line.code` with `almanac.addRuntimeFact`; then the modifier rules; then the place-of-service rules
 *   (first match wins); then each limit's "counts for this service" rule;
 * - `line.modifiers` and each limit's `after` / `over` / `thisService` as dynamic facts computed from those;
 * - every check as one rule `all[in force on the date, when, not(require)]` whose event is the problem,
 *   split in two (error / warning) where a pack downgrades a failure (`warningWhen`);
 * - results collected: the code, modifiers and place of service read from the almanac, each problem's
 *   message filled from the facts, exactly as our engine reports them.
 *
 * The facts our engine derives before it chooses a code are precomputed (`precomputeFacts`) outside the
 * timed loop and only those the rules read are passed to `engine.run`, which favours the baseline.
 */
import {
  Engine,
  type Almanac,
  type EngineResult,
  type RuleProperties,
  type TopLevelCondition,
} from 'json-rules-engine';
import {
  fillTemplate,
  hoursForUnits,
  operatorTest,
  OPERATORS,
  type Condition,
  type FactValue,
  type Operator,
  type Pack,
  type Rule,
} from '../../src/engine/index.js';
import type { Authorization } from '../../src/shared/api/claims.js';
import { factsOf, problemKey, type FactRecord, type Outcome } from './subset.js';

/** What `engine.run` receives: plain fact values, and the request's authorizations as one fact. */
export type RunFacts = Record<string, FactValue | readonly Authorization[]>;

const AUTHORIZATIONS_FACT = 'request.authorizations';

/** A comparison in json-rules-engine's condition format. */
interface JreComparison {
  fact: string;
  operator: string;
  value: FactValue | { fact: string };
}
type JreCondition = { all: JreCondition[] } | { any: JreCondition[] } | { not: JreCondition } | JreComparison;

const OPERATOR_PREFIX = 'peerline:';

/** Priorities: higher runs first; rules of one priority run in parallel. */
const PRIORITY = {
  procedure: 100_000,
  modifier: 50_000,
  placeOfService: 40_000,
  limit: 30_000,
  check: 10_000,
} as const;

/** Facts the chained rules produce at run time, with their starting values. */
const RUNTIME_FACT_DEFAULTS: FactRecord = {
  'line.code': null,
  'line.procedure': null,
  'line.fixedModifiers': [],
};

/** Our operators, shared with the engine so both sides compare exactly alike. */
function jreOperator(op: Operator): (actual: unknown, expected: unknown) => boolean {
  const test = operatorTest(op);
  return (actual, expected) => test(actual as FactValue | undefined, expected as FactValue | undefined);
}

function translate(condition: Condition): JreCondition {
  if ('all' in condition) {
    return { all: condition.all.map(translate) };
  }
  if ('any' in condition) {
    return { any: condition.any.map(translate) };
  }
  if ('not' in condition) {
    return { not: translate(condition.not) };
  }
  return {
    fact: condition.fact,
    operator: `${OPERATOR_PREFIX}${condition.op}`,
    value: condition.valueFact === undefined ? (condition.value ?? null) : { fact: condition.valueFact },
  };
}

function top(conditions: JreCondition[]): TopLevelCondition {
  return { all: conditions };
}

function compare(fact: string, op: Operator, value: FactValue = null): JreComparison {
  return { fact, operator: `${OPERATOR_PREFIX}${op}`, value };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Our engine's modifier order: unique, then the pack's order, then the rest in the order given. */
function orderModifiers(order: readonly string[], modifiers: readonly string[]): string[] {
  const unique = [...new Set(modifiers)];
  const rank = (modifier: string): number => {
    const index = order.indexOf(modifier);
    return index === -1 ? order.length + unique.indexOf(modifier) : index;
  };
  return unique.sort((a, b) => rank(a) - rank(b));
}

interface ProblemEventParams {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
}

function isProblemParams(params: unknown): params is ProblemEventParams {
  return typeof params === 'object' && params !== null && 'ruleId' in params && 'severity' in params;
}

/** One pack's rules in json-rules-engine, and how to read a run's outcome back. */
export class JrePack {
  readonly pack: Pack;
  /** Facts the rules read that the caller supplies (the rest are produced during the run). */
  readonly inputFacts: readonly string[];
  private readonly rulesById: ReadonlyMap<string, Rule>;
  /** Runtime flags set by the modifier rules and the limits' "counts" rules (false until a rule fires). */
  private readonly modifierFacts: readonly string[];
  private readonly limitCountFacts: readonly string[];
  private readonly engines: Engine[] = [];
  private readonly rules: RuleProperties[] = [];
  private readonly dynamicFacts = new Map<
    string,
    (params: Record<string, unknown>, almanac: Almanac) => unknown
  >();

  constructor(pack: Pack) {
    this.pack = pack;
    this.rulesById = new Map(pack.rules.map((rule) => [rule.id, rule]));
    const read = new Set<string>();
    const use = (condition: Condition | undefined): JreCondition[] => {
      for (const fact of factsOf(condition)) {
        read.add(fact);
      }
      return condition === undefined ? [] : [translate(condition)];
    };
    const need = (condition: Condition): JreCondition => {
      for (const fact of factsOf(condition)) {
        read.add(fact);
      }
      return translate(condition);
    };

    pack.procedures.forEach((procedure, index) => {
      this.rules.push({
        name: procedure.id,
        priority: PRIORITY.procedure - index,
        conditions: top([compare('line.code', 'absent'), ...use(procedure.when)]),
        event: { type: 'procedure', params: { code: procedure.code } },
        onSuccess: (_event, almanac) => {
          almanac.addRuntimeFact('line.code', procedure.code);
          almanac.addRuntimeFact('line.procedure', procedure.name);
          almanac.addRuntimeFact('line.fixedModifiers', procedure.modifiers);
        },
      });
    });

    const modifierFacts = pack.modifierRules.map((_rule, index) => `modifierRule.${index}`);
    pack.modifierRules.forEach((rule, index) => {
      this.rules.push({
        name: `modifier.${index}.${rule.modifier}`,
        priority: PRIORITY.modifier,
        conditions: top([compare('line.code', 'present'), ...use(rule.when)]),
        event: { type: 'modifier', params: { modifier: rule.modifier } },
        onSuccess: (_event, almanac) => {
          almanac.addRuntimeFact(`modifierRule.${index}`, true);
        },
      });
    });
    this.dynamicFacts.set('line.modifiers', async (_params, almanac) => {
      const code = await almanac.factValue<string | null>('line.code');
      if (code === null) {
        return [];
      }
      const fixed = await almanac.factValue<readonly string[]>('line.fixedModifiers');
      const added = await Promise.all(modifierFacts.map((fact) => almanac.factValue<boolean>(fact)));
      const user = await almanac.factValue<readonly string[]>('service.userModifiers');
      const fromRules = pack.modifierRules.filter((_rule, index) => added[index] === true);
      return orderModifiers(pack.modifierOrder, [
        ...fixed,
        ...fromRules.map((rule) => rule.modifier),
        ...user,
      ]);
    });
    read.add('service.userModifiers');

    pack.placeOfServiceRules.forEach((rule, index) => {
      this.rules.push({
        name: `place_of_service.${index}.${rule.placeOfService}`,
        priority: PRIORITY.placeOfService - index,
        conditions: top([compare('service.placeOfService', 'absent'), ...use(rule.when)]),
        event: { type: 'place_of_service', params: { placeOfService: rule.placeOfService } },
        onSuccess: (_event, almanac) => {
          almanac.addRuntimeFact('service.placeOfService', rule.placeOfService);
        },
      });
    });
    read.add('service.placeOfService');

    const limitCountFacts: string[] = [];
    for (const limit of pack.limits) {
      const countsFact = `limit.${limit.id}.counts`;
      if (limit.appliesWhen !== undefined) {
        limitCountFacts.push(countsFact);
        this.rules.push({
          name: `limit.${limit.id}`,
          priority: PRIORITY.limit,
          conditions: top(use(limit.appliesWhen)),
          event: { type: 'limit_counts', params: { limit: limit.id } },
          onSuccess: (_event, almanac) => {
            almanac.addRuntimeFact(countsFact, true);
          },
        });
      }
      // Hours count billed units × 15 minutes, as the engine counts them (Kansas, December review).
      const amountFact = 'service.units';
      const thisService = async (almanac: Almanac): Promise<number> => {
        const counts = limit.appliesWhen === undefined || (await almanac.factValue<boolean>(countsFact));
        if (!counts) {
          return 0;
        }
        const amount = await almanac.factValue<number>(amountFact);
        return limit.unit === 'hours' ? round2(hoursForUnits(amount)) : amount;
      };
      const after = async (almanac: Almanac): Promise<number> =>
        round2(
          (await almanac.factValue<number>(`limit.${limit.id}.usedBefore`)) + (await thisService(almanac)),
        );
      this.dynamicFacts.set(`limit.${limit.id}.thisService`, (_params, almanac) => thisService(almanac));
      this.dynamicFacts.set(`limit.${limit.id}.after`, (_params, almanac) => after(almanac));
      this.dynamicFacts.set(`limit.${limit.id}.over`, async (_params, almanac) => {
        const counts = limit.appliesWhen === undefined || (await almanac.factValue<boolean>(countsFact));
        return counts && (await after(almanac)) > (await almanac.factValue<number>(`limit.${limit.id}.max`));
      });
      read.add(amountFact);
      read.add(`limit.${limit.id}.usedBefore`);
      read.add(`limit.${limit.id}.max`);
    }

    // Authorizations depend on the chosen code, so they are dynamic facts too (as our engine derives them).
    const bestAuthorization = async (
      almanac: Almanac,
    ): Promise<{ best: Authorization | undefined; remaining: number; units: number }> => {
      const code = await almanac.factValue<string | null>('line.code');
      // The procedure's own modifiers (HQ for a group), which an authorization must match as a set.
      const fixed = new Set(await almanac.factValue<readonly string[]>('line.fixedModifiers'));
      const date = await almanac.factValue<string>('service.dateOfService');
      const units = await almanac.factValue<number>('service.units');
      const authorizations = await almanac.factValue<readonly Authorization[]>(AUTHORIZATIONS_FACT);
      const matching = authorizations.filter(
        (authorization) =>
          authorization.code === code &&
          authorization.from <= date &&
          date <= authorization.to &&
          new Set(authorization.modifiers).size === fixed.size &&
          authorization.modifiers.every((modifier) => fixed.has(modifier)),
      );
      const best = matching.sort((a, b) => b.units - b.usedUnits - (a.units - a.usedUnits))[0];
      return { best, remaining: best === undefined ? 0 : best.units - best.usedUnits, units };
    };
    this.dynamicFacts.set('authorization.number', async (_params, almanac) => {
      return (await bestAuthorization(almanac)).best?.number ?? null;
    });
    this.dynamicFacts.set('authorization.remainingUnits', async (_params, almanac) => {
      return (await bestAuthorization(almanac)).remaining;
    });
    this.dynamicFacts.set('authorization.covers', async (_params, almanac) => {
      const { best, remaining, units } = await bestAuthorization(almanac);
      return best !== undefined && remaining >= units;
    });
    read.add('service.dateOfService');
    read.add('service.units');

    for (const rule of pack.rules) {
      if (rule.scope !== 'claim') {
        continue;
      }
      const inForce = [compare('service.dateOfService', 'gte', rule.effectiveFrom)];
      if (rule.effectiveTo !== null) {
        inForce.push(compare('service.dateOfService', 'lte', rule.effectiveTo));
      }
      read.add('service.dateOfService');
      const base = [...inForce, ...use(rule.when), { not: need(rule.require) }];
      const variants: [JreCondition[], ProblemEventParams['severity']][] =
        rule.warningWhen === undefined
          ? [[base, rule.severity]]
          : [
              [[...base, { not: need(rule.warningWhen) }], rule.severity],
              [[...base, need(rule.warningWhen)], 'warning'],
            ];
      variants.forEach(([conditions, severity], index) => {
        const params: ProblemEventParams = { ruleId: rule.id, severity };
        this.rules.push({
          name: `${rule.id}#${index}`,
          priority: PRIORITY.check,
          conditions: top(conditions),
          event: { type: 'problem', params: { ...params } },
        });
      });
    }

    const produced = new Set([
      AUTHORIZATIONS_FACT,
      ...Object.keys(RUNTIME_FACT_DEFAULTS),
      ...modifierFacts,
      ...limitCountFacts,
      ...this.dynamicFacts.keys(),
    ]);
    this.inputFacts = [...read].filter((fact) => !produced.has(fact)).sort();
    this.modifierFacts = modifierFacts;
    this.limitCountFacts = limitCountFacts;
  }

  /** A new engine with this pack's rules, operators and dynamic facts (one per concurrent run). */
  private createEngine(): Engine {
    const engine = new Engine([], { allowUndefinedFacts: false });
    for (const op of OPERATORS) {
      engine.addOperator(`${OPERATOR_PREFIX}${op}`, jreOperator(op));
    }
    for (const [id, compute] of this.dynamicFacts) {
      engine.addFact(id, compute);
    }
    for (const rule of this.rules) {
      engine.addRule(rule);
    }
    return engine;
  }

  /** The engine for concurrent slot `slot` (a json-rules-engine Engine is not safe for overlapping runs). */
  engine(slot: number): Engine {
    while (this.engines.length <= slot) {
      this.engines.push(this.createEngine());
    }
    const engine = this.engines[slot];
    if (engine === undefined) {
      throw new Error(`no engine for slot ${slot}`);
    }
    return engine;
  }

  /** The facts `engine.run` receives for one service: the inputs the rules read, and the runtime defaults. */
  runFacts(precomputed: FactRecord, authorizations: readonly Authorization[]): RunFacts {
    const facts: RunFacts = { ...RUNTIME_FACT_DEFAULTS, [AUTHORIZATIONS_FACT]: authorizations };
    for (const name of this.inputFacts) {
      const value = precomputed[name];
      if (value === undefined) {
        throw new Error(`Fact ${name} is not precomputed for pack ${this.pack.id}.`);
      }
      facts[name] = value;
    }
    for (const fact of this.modifierFacts) {
      facts[fact] = false;
    }
    for (const fact of this.limitCountFacts) {
      facts[fact] = false;
    }
    return facts;
  }

  /** Runs one service and collects its outcome. `precomputed` also fills the problems' messages. */
  async evaluate(runFacts: RunFacts, precomputed: FactRecord, slot = 0): Promise<Outcome> {
    const result = await this.engine(slot).run(runFacts);
    return this.outcomeOf(result, precomputed);
  }

  private async outcomeOf(result: EngineResult, precomputed: FactRecord): Promise<Outcome> {
    const { almanac } = result;
    const code = await almanac.factValue<string | null>('line.code');
    const modifiers = await almanac.factValue<string[]>('line.modifiers');
    const placeOfService = await almanac.factValue<string | null>('service.placeOfService');
    const failed = result.events.filter((event) => event.type === 'problem');
    let problems: string[] = [];
    if (failed.length > 0) {
      const facts: FactRecord = {
        ...precomputed,
        'line.code': code,
        'line.modifiers': modifiers,
        'line.procedure': await almanac.factValue<string | null>('line.procedure'),
        'service.placeOfService': placeOfService,
        'authorization.number': await almanac.factValue<string | null>('authorization.number'),
        'authorization.remainingUnits': await almanac.factValue<number>('authorization.remainingUnits'),
        'authorization.covers': await almanac.factValue<boolean>('authorization.covers'),
      };
      for (const limit of this.pack.limits) {
        for (const name of ['thisService', 'after', 'over']) {
          facts[`limit.${limit.id}.${name}`] = await almanac.factValue<number | boolean>(
            `limit.${limit.id}.${name}`,
          );
        }
      }
      problems = failed.map((event) => {
        const params: unknown = event.params;
        if (!isProblemParams(params)) {
          throw new Error('A problem event without its rule.');
        }
        const rule = this.rulesById.get(params.ruleId);
        return problemKey(
          params.severity,
          params.ruleId,
          rule === undefined ? '' : fillTemplate(rule.message, facts),
        );
      });
      problems.sort();
    }
    return {
      code,
      modifiers: code === null ? [] : modifiers,
      placeOfService: code === null ? null : (placeOfService ?? ''),
      problems,
    };
  }
}
