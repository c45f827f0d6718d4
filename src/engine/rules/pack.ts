/**
 * @module engine/rules/pack
 * A payer rule pack as data: procedures (service → code), modifiers, places of service, effective-dated
 * rates and settings, limits, and rules — each rule with its id, version, effective dates, citation (seed
 * document, section, short quote), severity, plain-language criterion and message. Packs are validated when
 * loaded: a malformed pack fails at start with a message naming the pack, the rule and the field.
 * A pack may extend another (`extends`): it inherits everything and overrides by id.
 */
import { chargeRule, isChargeRule } from './charge-rule.js';
import { factsOf, type Condition } from './conditions.js';
import { planPack, type PackPlan } from './plan.js';
import { placeholdersOf } from './template.js';
import {
  PackDefinitionSchema,
  type ModifierRule,
  type PackDefinition,
  type ParsedPack,
  type PlaceOfServiceRule,
  type Limit,
  type Procedure,
  type Rate,
  type Rule,
  type Setting,
} from './pack-schema.js';

export { PackDefinitionSchema } from './pack-schema.js';
export type {
  Citation,
  Limit,
  ModifierRule,
  PackDefinition,
  PlaceOfServiceRule,
  Procedure,
  Rate,
  Rule,
  RuleDefinition,
  Setting,
} from './pack-schema.js';

/** A validated pack with its base merged in and every condition compiled. */
export interface Pack {
  readonly id: ParsedPack['id'];
  readonly name: string;
  readonly version: string;
  readonly extends: ParsedPack['id'] | undefined;
  readonly sources: readonly string[];
  readonly description: string;
  readonly claimType: 'professional';
  readonly settings: Readonly<Record<string, Setting>>;
  readonly procedures: readonly Procedure[];
  readonly modifierRules: readonly ModifierRule[];
  readonly modifierOrder: readonly string[];
  readonly placeOfServiceRules: readonly PlaceOfServiceRule[];
  readonly rates: readonly Rate[];
  readonly limits: readonly Limit[];
  readonly rules: readonly Rule[];
  /** Slots, compiled conditions and messages, and rules by effective date: built once, when the pack loads. */
  readonly plan: PackPlan;
}

export class PackError extends Error {
  override name = 'PackError';
}

/** A pack definition added to the built-in ones (from a pack file), and where it came from. */
export interface AddedPack {
  /** The definition as read (JSON): validated here by the same schema as the built-in packs. */
  readonly definition: unknown;
  /** The file it was read from, named in every message about it. */
  readonly origin: string;
}

/**
 * Validates pack definitions and resolves their layering. Throws PackError naming the pack, the rule (or
 * item) and the field at the first problem — and, for an added pack, the file it came from. `knownFacts`
 * lists every fact name conditions may read.
 *
 * `added` packs are layered on `definitions`: one with an id of its own is a new pack (it may extend any
 * other); one with the id of a pack in `definitions` overlays it — that pack is its base, as with `extends`.
 */
export function loadPacks(
  definitions: readonly PackDefinition[],
  knownFacts: ReadonlySet<string>,
  added: readonly AddedPack[] = [],
): Map<string, Pack> {
  const parsed = new Map<string, ParsedPack>();
  for (const definition of definitions) {
    const data = parseDefinition(definition, `Pack ${String(definition.id)}`);
    if (parsed.has(data.id)) {
      throw new PackError(`Pack ${data.id} is defined twice.`);
    }
    parsed.set(data.id, data);
  }
  const overlays = new Map<string, ParsedPack>();
  const origins = new Map<ParsedPack, string>();
  for (const { definition, origin } of added) {
    const id = (definition as { id?: unknown } | null)?.id;
    const data = parseDefinition(definition, `Pack file ${origin}: pack ${String(id)}`);
    const earlier = [...origins].find(([pack]) => pack.id === data.id)?.[1];
    if (earlier !== undefined) {
      throw new PackError(`Pack file ${origin}: pack ${data.id} is also defined in ${earlier}.`);
    }
    origins.set(data, origin);
    if (!parsed.has(data.id)) {
      parsed.set(data.id, data);
      continue;
    }
    if (data.extends !== undefined) {
      throw new PackError(
        `Pack file ${origin}: pack ${data.id}, field extends: a pack file with the id of a built-in pack overlays that pack, which is its base; remove "extends".`,
      );
    }
    overlays.set(data.id, data);
  }
  const resolved = new Map<string, Pack>();
  const resolve = (definition: ParsedPack, chain: readonly string[]): Pack => {
    const done = resolved.get(definition.id);
    if (done !== undefined) {
      return done;
    }
    if (chain.includes(definition.id)) {
      throw new PackError(
        `Pack ${definition.id} extends itself through ${[...chain, definition.id].join(' → ')}.`,
      );
    }
    const base = definition.extends === undefined ? undefined : parsed.get(definition.extends);
    if (definition.extends !== undefined && base === undefined) {
      throw new PackError(
        `${packFilePrefix(origins, definition)}Pack ${definition.id} extends ${definition.extends}, which is not loaded.`,
      );
    }
    const inherited = base === undefined ? undefined : resolve(base, [...chain, definition.id]);
    const own = layerOf(definition, inherited, knownFacts, origins);
    const overlay = overlays.get(definition.id);
    const pack = overlay === undefined ? own : layerOf(overlay, own, knownFacts, origins);
    resolved.set(definition.id, pack);
    return pack;
  };
  const packs = new Map<string, Pack>();
  for (const definition of parsed.values()) {
    packs.set(definition.id, resolve(definition, []));
  }
  return packs;
}

/** Validates one definition; `where` starts the message ("Pack ca-dhcs", "Pack file x.json: pack zz"). */
function parseDefinition(definition: unknown, where: string): ParsedPack {
  const result = PackDefinitionSchema.safeParse(definition);
  if (result.success) {
    return result.data;
  }
  const issue = result.error.issues[0];
  const location = describeLocation(definition, issue?.path ?? []);
  throw new PackError(`${where}: ${location}: ${issue?.message ?? 'invalid'}`);
}

function packFilePrefix(origins: ReadonlyMap<ParsedPack, string>, definition: ParsedPack): string {
  const origin = origins.get(definition);
  return origin === undefined ? '' : `Pack file ${origin}: `;
}

/** `layer`, naming the pack file in any message about a pack that came from one. */
function layerOf(
  definition: ParsedPack,
  inherited: Pack | undefined,
  knownFacts: ReadonlySet<string>,
  origins: ReadonlyMap<ParsedPack, string>,
): Pack {
  try {
    return layer(definition, inherited, knownFacts);
  } catch (error) {
    const prefix = packFilePrefix(origins, definition);
    if (error instanceof PackError && prefix !== '') {
      throw new PackError(`${prefix}${error.message}`);
    }
    throw error;
  }
}

/**
 * One pack with its base (`inherited`) merged in. An overlay (same id as its base) keeps the base's `extends`.
 */
function layer(definition: ParsedPack, inherited: Pack | undefined, knownFacts: ReadonlySet<string>): Pack {
  const removes = new Set(definition.removes);
  const keep = <T extends { id: string }>(items: readonly T[] | undefined): T[] =>
    (items ?? []).filter((item) => !removes.has(item.id));
  const byId = <T extends { id: string }>(inheritedItems: readonly T[], own: readonly T[]): T[] => {
    const ownIds = new Set(own.map((item) => item.id));
    return [...own, ...inheritedItems.filter((item) => !ownIds.has(item.id))];
  };
  const settings = { ...(inherited?.settings ?? {}), ...definition.settings };
  const checkFacts = (condition: Condition | undefined, where: string): void => {
    if (condition === undefined) {
      return;
    }
    for (const fact of factsOf(condition)) {
      const known =
        knownFacts.has(fact) ||
        (fact.startsWith('settings.') && fact.slice(9) in settings) ||
        fact.startsWith('limit.');
      if (!known) {
        throw new PackError(`Pack ${definition.id}: ${where} reads unknown fact "${fact}".`);
      }
    }
  };
  const procedures = definition.procedures;
  for (const procedure of procedures) {
    checkFacts(procedure.when, `procedure ${procedure.id}, field when`);
  }
  const rules = definition.rules;
  for (const rule of rules) {
    for (const name of placeholdersOf(rule.message)) {
      if (!knownFacts.has(name) && !name.startsWith('settings.') && !name.startsWith('limit.')) {
        throw new PackError(
          `Pack ${definition.id}: rule ${rule.id}, field message uses unknown fact "{${name}}".`,
        );
      }
    }
    if (rule.effectiveTo !== null && rule.effectiveTo < rule.effectiveFrom) {
      throw new PackError(
        `Pack ${definition.id}: rule ${rule.id}, field effectiveTo is before effectiveFrom.`,
      );
    }
    checkFacts(rule.when, `rule ${rule.id}, field when`);
    checkFacts(rule.require, `rule ${rule.id}, field require`);
    checkFacts(rule.warningWhen, `rule ${rule.id}, field warningWhen`);
  }
  for (const rule of rules) {
    if (!rule.id.startsWith(`${definition.id}.`)) {
      throw new PackError(
        `Pack ${definition.id}: rule ${rule.id}, field id must start with "${definition.id}.".`,
      );
    }
  }
  const limits = definition.limits;
  for (const limit of limits) {
    if (!(limit.maxSetting in settings)) {
      throw new PackError(
        `Pack ${definition.id}: limit ${limit.id}, field maxSetting names no setting "${limit.maxSetting}".`,
      );
    }
    checkFacts(limit.appliesWhen, `limit ${limit.id}, field appliesWhen`);
  }
  const ids = new Set<string>();
  for (const item of [...rules, ...procedures]) {
    if (ids.has(item.id)) {
      throw new PackError(`Pack ${definition.id}: id ${item.id} is used twice.`);
    }
    ids.add(item.id);
  }
  for (const rule of definition.modifierRules) {
    checkFacts(rule.when, `modifier rule ${rule.modifier}, field when`);
  }
  for (const rule of definition.placeOfServiceRules) {
    checkFacts(rule.when, `place-of-service rule ${rule.placeOfService}, field when`);
  }
  const procedureList = byId(keep(inherited?.procedures), procedures);
  const modifierRules = [
    ...definition.modifierRules,
    ...(inherited?.modifierRules ?? []).filter((rule) => !removes.has(`modifier.${rule.modifier}`)),
  ];
  const placeOfServiceRules = [...definition.placeOfServiceRules, ...(inherited?.placeOfServiceRules ?? [])];
  const limitList = byId(keep(inherited?.limits), limits);
  // Whatever the file says, a line is billable only with a charge on file (`charge-rule.ts`).
  const listed = byId(keep(inherited?.rules), rules);
  const ruleList = listed.some(isChargeRule) ? listed : [...listed, chargeRule(definition.id)];
  // A pack's own rates replace the base pack's rates for the same code.
  const rateList = [
    ...definition.rates,
    ...(inherited?.rates ?? []).filter((rate) => !definition.rates.some((own) => own.code === rate.code)),
  ];
  return {
    id: definition.id,
    name: definition.name,
    version:
      inherited === undefined
        ? definition.version
        : `${definition.version}+${inherited.id}@${inherited.version}`,
    extends: definition.extends ?? (inherited?.id === definition.id ? inherited.extends : undefined),
    sources: [...(inherited?.sources ?? []), ...definition.sources],
    description: definition.description,
    claimType: definition.claimType,
    settings,
    procedures: procedureList,
    modifierRules,
    modifierOrder:
      definition.modifierOrder.length > 0 ? definition.modifierOrder : (inherited?.modifierOrder ?? []),
    placeOfServiceRules,
    rates: rateList,
    limits: limitList,
    rules: ruleList,
    // Built for the merged pack, so inherited conditions read this pack's slots and settings.
    plan: planPack({
      settings,
      rates: rateList,
      procedures: procedureList,
      modifierRules,
      placeOfServiceRules,
      limits: limitList,
      rules: ruleList,
    }),
  };
}

function describeLocation(definition: unknown, path: readonly PropertyKey[]): string {
  const [collection, index, ...rest] = path;
  if (typeof collection === 'string' && typeof index === 'number') {
    const items =
      typeof definition === 'object' && definition !== null
        ? (definition as Record<string, unknown>)[collection]
        : undefined;
    const item = Array.isArray(items)
      ? (items[index] as { id?: unknown; modifier?: unknown } | undefined)
      : undefined;
    const name = [item?.id, item?.modifier].find((value) => typeof value === 'string') ?? `#${index}`;
    return `${collection.replace(/s$/, '')} ${name}, field ${rest.map(String).join('.') || '(whole)'}`;
  }
  return `field ${path.map(String).join('.') || '(whole)'}`;
}
