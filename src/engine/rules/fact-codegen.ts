/**
 * @module engine/rules/fact-codegen
 * The derivation of a service's facts for one set of needs (the costly groups a pack reads), generated from the
 * fact table (`fact-table.ts`) as one JavaScript function when a pack loads: each source the needed facts list
 * read once, up front, then every fact written into its slot in one straight run — a derived one by a call to
 * its own derivation, one not needed as `undefined`. No test of the needs is left for the service's time.
 *
 * Each derivation is called through a constant the generated function closes over, so every call site sees
 * one function and V8 inlines the small ones; the table-driven `deriveFactValues` (`facts.ts`), which calls
 * each derivation through the table, is the reference the tests hold this to, slot by slot.
 *
 * The source is built from integers alone — slot, source and derivation indices — never from fact or source
 * names. Where code generation from strings is disallowed, the deriver is the reference, bound to the needs.
 */
import { functionOfSource } from './codegen.js';
import type { FactInput } from './fact-input.js';
import { FACT_TABLE, SOURCES } from './fact-table.js';
import {
  COSTLY_GROUPS,
  SOURCE_NAMES,
  isDerived,
  referenceDeriver,
  sourcesRead,
  type DerivationNeeds,
  type FactDeriver,
} from './facts.js';

/** The factory `new Function` builds: given the source readers and the derivations, the deriver. */
type DeriverFactory = (
  sources: readonly ((input: FactInput) => unknown)[],
  derivations: readonly ((...values: readonly unknown[]) => unknown)[],
) => FactDeriver;

const SOURCE_READERS = SOURCE_NAMES.map((name) => SOURCES[name]);
const DERIVATIONS = FACT_TABLE.map((entry) => entry.derive);

/** Derivers already made, by needs: packs that need the same groups share one function. */
const derivers = new Map<string, FactDeriver>();

/**
 * The derivation of the facts `needs` asks for: generated once per distinct needs, or the reference where code
 * cannot be generated from strings.
 */
export function factDeriver(needs: DerivationNeeds): FactDeriver {
  const key = COSTLY_GROUPS.map((group) => (needs[group] ? '1' : '0')).join('');
  let deriver = derivers.get(key);
  if (deriver === undefined) {
    deriver = generateFactDeriver(needs) ?? referenceDeriver(needs);
    derivers.set(key, deriver);
  }
  return deriver;
}

/** The generated derivation for `needs`, or undefined where code cannot be generated from strings. */
export function generateFactDeriver(needs: DerivationNeeds): FactDeriver | undefined {
  const header: string[] = [];
  const reads: string[] = [];
  for (const name of sourcesRead(needs)) {
    const index = SOURCE_NAMES.indexOf(name);
    header.push(`  const s${index} = S[${index}];`);
    reads.push(`    const r${index} = s${index}(i);`);
  }
  const writes = FACT_TABLE.map((entry, slot) => {
    if (!isDerived(entry, needs)) {
      return `    v[${slot}] = void 0;`;
    }
    header.push(`  const d${slot} = D[${slot}];`);
    const values = entry.from.map((name) => `r${SOURCE_NAMES.indexOf(name)}`);
    return `    v[${slot}] = d${slot}(${[...values, 'i'].join(', ')});`;
  });
  const body = [
    '"use strict";',
    ...header,
    '  return function deriveFactValues(v, i) {',
    ...reads,
    ...writes,
    '  };',
  ].join('\n');
  return functionOfSource<DeriverFactory>(['S', 'D'], body)?.(SOURCE_READERS, DERIVATIONS);
}
