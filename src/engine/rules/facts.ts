/**
 * @module engine/rules/facts
 * Turns a claim preview request into the flat facts that pack conditions read (`service.units`,
 * `member.ageYears`, `staff.certificationActive` …). Everything a rule compares is derived from the input
 * alone — the date of service stands in for "today", so the result never depends on the clock.
 *
 * The facts are declared once, in `FACT_TABLE` (`fact-table.ts`); everything here is read off it: the names in
 * slot order, the groups of costly facts and which of them a pack needs, and `deriveFactValues`, the table-driven
 * derivation. That derivation is the reference: judging runs the one generated from the same table for the
 * pack's needs (`fact-codegen.ts`), and tests require both to write the same value in every slot.
 * `deriveFacts` gives every fact, by name.
 */
import type { ClaimPreviewRequest } from '../../shared/api/claims.js';
import type { Facts, FactValue } from './conditions.js';
import { factInput, type FactInput, type FactOptions } from './fact-input.js';
import {
  ALWAYS,
  FACT_TABLE,
  SOURCES,
  type CostlyGroup,
  type Derivation,
  type DerivedFact,
  type FactEntry,
  type SourceName,
} from './fact-table.js';

export { factInput };
export type { DaySettings, FactInput, FactOptions } from './fact-input.js';
export type { CostlyGroup, DerivedFact, FactEntry } from './fact-table.js';

/** Every fact derived from the request, in slot order: the order `deriveFactValues` writes them. */
export const DERIVED_FACTS: readonly DerivedFact[] = FACT_TABLE.map((entry) => entry.name);

/** The groups of costly facts, in the order of their first fact in the table. */
export const COSTLY_GROUPS: readonly CostlyGroup[] = [
  ...new Set(FACT_TABLE.flatMap((entry): CostlyGroup[] => (entry.group === ALWAYS ? [] : [entry.group]))),
];

/** The facts of each costly group. */
export const COSTLY_FACTS: Readonly<Record<CostlyGroup, readonly DerivedFact[]>> = recordOfGroups((group) =>
  DERIVED_FACTS.filter((_name, slot) => FACT_TABLE[slot]?.group === group),
);

/** Which groups of costly facts to derive (see `FACT_TABLE`). */
export type DerivationNeeds = Readonly<Record<CostlyGroup, boolean>>;

/** The groups holding any of `facts`. Always builds the same object shape, so reading it stays fast. */
export function needsOf(facts: ReadonlySet<string>): DerivationNeeds {
  return recordOfGroups((group) => COSTLY_FACTS[group].some((fact: string) => facts.has(fact)));
}

/** Every costly group: what `deriveFacts`, which gives every fact by name, asks for. */
export const ALL_NEEDS = needsOf(new Set(DERIVED_FACTS));

/** An object with a value for each costly group, its keys always in the order of `COSTLY_GROUPS`. */
function recordOfGroups<T>(valueOf: (group: CostlyGroup) => T): Record<CostlyGroup, T> {
  return Object.fromEntries(COSTLY_GROUPS.map((group) => [group, valueOf(group)])) as Record<CostlyGroup, T>;
}

/** The names of the sources, in the order they are declared. */
export const SOURCE_NAMES = Object.keys(SOURCES) as SourceName[];

/** Whether a fact is derived under `needs`: always, or when its group is needed. */
export function isDerived(entry: FactEntry, needs: DerivationNeeds): boolean {
  return entry.group === ALWAYS || needs[entry.group];
}

/**
 * The sources the facts derived under `needs` read, in the order of `SOURCES`: the values read from the
 * request, each once.
 */
export function sourcesRead(needs: DerivationNeeds): SourceName[] {
  const read = new Set(FACT_TABLE.filter((entry) => isDerived(entry, needs)).flatMap((entry) => entry.from));
  return SOURCE_NAMES.filter((name) => read.has(name));
}

/**
 * Writes the derived facts into `values`, element i being the fact `DERIVED_FACTS[i]` (undefined for a costly
 * fact not needed): the reference derivation, straight off the table. Judging runs the derivation generated
 * from the same table instead (`factDeriver` in fact-codegen.ts), which gives the same values faster.
 *
 * @param values - the service's fact slots, at least `DERIVED_FACTS.length` long
 * @param input - the request and what was computed from it
 * @param needs - the groups of costly facts to derive
 */
export function deriveFactValues(
  values: (FactValue | undefined)[],
  input: FactInput,
  needs: DerivationNeeds,
): void {
  referenceDeriver(needs)(values, input);
}

/** Writes a service's derived facts into its fact slots, as `deriveFactValues` does for some needs. */
export type FactDeriver = (values: (FactValue | undefined)[], input: FactInput) => void;

/**
 * `deriveFactValues` for fixed needs. What the table says is worked out once — the sources to read, and for
 * each slot the call of its derivation on their values (none for a fact not needed) — so that each service only
 * reads the sources and makes the calls.
 */
export function referenceDeriver(needs: DerivationNeeds): FactDeriver {
  const sources = sourcesRead(needs);
  const readers = sources.map((name) => SOURCES[name]);
  const steps = FACT_TABLE.map((entry: FactEntry) =>
    isDerived(entry, needs)
      ? callOn(
          entry.derive,
          entry.from.map((name) => sources.indexOf(name)),
        )
      : undefined,
  );
  return (values, input) => {
    // Each source the derived facts read, read once before any fact is derived (see `FACT_TABLE`).
    const read = readers.map((reader) => reader(input));
    steps.forEach((step, slot) => {
      values[slot] = step === undefined ? undefined : step(read, input);
    });
  };
}

/**
 * A derivation called on the values at `places` of the sources read, then the input. Facts list at most two
 * sources, so the calls are written out rather than spread (which allocates a list per fact and service).
 */
function callOn(
  derive: Derivation,
  places: readonly number[],
): (read: readonly unknown[], input: FactInput) => FactValue {
  const [first = -1, second = -1] = places;
  switch (places.length) {
    case 0:
      return (_read, input) => derive(input);
    case 1:
      return (read, input) => derive(read[first], input);
    case 2:
      return (read, input) => derive(read[first], read[second], input);
    default:
      return (read, input) => derive(...places.map((place) => read[place]), input);
  }
}

/** `count` undefined values, pushed one by one so V8 keeps the array packed (no holes to check on reads). */
export function blankValues(count: number): (FactValue | undefined)[] {
  const values: (FactValue | undefined)[] = [];
  while (values.length < count) {
    values.push(undefined);
  }
  return values;
}

/** The facts the evaluator sets once the code is chosen. */
export const EVALUATED_FACTS = [
  'line.code',
  'line.modifiers',
  'line.procedure',
  'line.unitRateCents',
  'line.hasRate',
  'line.feeCode',
  'line.unitChargeCents',
  'line.hasCharge',
  'payer.name',
  'authorization.number',
  'authorization.covers',
  'authorization.remainingUnits',
] as const;

/** A fact every pack holds in the same slot: derived or evaluated. */
export type FixedFact = DerivedFact | (typeof EVALUATED_FACTS)[number];

/** Every fact name conditions and messages may use, besides `settings.*` and `limit.*`. */
export const FACT_NAMES: ReadonlySet<string> = new Set<string>([...DERIVED_FACTS, ...EVALUATED_FACTS]);

export type MutableFacts = Record<string, FactValue>;

/**
 * Facts about the service, member, staff member and program, by name. Line, limit and authorization facts are
 * added by the evaluator once the code is chosen.
 */
export function deriveFacts(
  request: ClaimPreviewRequest,
  timing: { minutes: number; units: number },
  options: FactOptions,
): MutableFacts {
  // Sized and packed like the evaluator's fact arrays (see docs/PERFORMANCE.md on arrays taught to grow).
  const values = blankValues(DERIVED_FACTS.length);
  deriveFactValues(
    values,
    factInput(request, timing.minutes, timing.units, options.payerPack, options),
    ALL_NEEDS,
  );
  const facts: MutableFacts = {};
  DERIVED_FACTS.forEach((name, index) => {
    // With every group needed no value is undefined; `?? null` only tells the type checker so.
    facts[name] = values[index] ?? null;
  });
  return facts;
}

export type { Facts };
