/**
 * @module engine/rules/template
 * Rule messages: `{fact.name}` placeholders filled with the facts' values in words. A pack's messages are split
 * into text and fact slots once, when it loads, so a failing rule fills its message without a regular expression.
 */
import type { Facts, FactSlots, FactValue } from './conditions.js';

const PLACEHOLDER = /\{([^}]+)\}/g;

/** A message split at its placeholders: `texts[0]`, fact `slots[0]`, `texts[1]`, … `texts[slots.length]`. */
export interface CompiledTemplate {
  readonly texts: readonly string[];
  readonly slots: readonly number[];
}

/** The fact names a message's placeholders name, in order. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
}

/** Fills `{fact.name}` placeholders with the facts' values, in words. */
export function fillTemplate(template: string, facts: Facts): string {
  return template.replace(PLACEHOLDER, (_whole, name: string) => describeValue(facts[name]));
}

/**
 * Splits a message at its placeholders (the same ones `fillTemplate` fills).
 *
 * @param template - the message with `{fact.name}` placeholders
 * @param slotOf - the slot of each fact named
 */
export function compileTemplate(template: string, slotOf: (fact: string) => number): CompiledTemplate {
  const texts: string[] = [];
  const slots: number[] = [];
  let from = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    texts.push(template.slice(from, match.index));
    slots.push(slotOf(match[1] ?? ''));
    from = match.index + match[0].length;
  }
  texts.push(template.slice(from));
  return { texts, slots };
}

/** The message of a compiled template, filled as `fillTemplate` fills it. */
export function fillCompiledTemplate(template: CompiledTemplate, values: FactSlots): string {
  const { texts, slots } = template;
  let message = texts[0] ?? '';
  for (let index = 0; index < slots.length; index += 1) {
    message += describeValue(values[slots[index] ?? -1]) + (texts[index + 1] ?? '');
  }
  return message;
}

function describeValue(value: FactValue | undefined): string {
  if (value === undefined || value === null) {
    return 'none';
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? 'none' : value.join(', ');
  }
  if (typeof value === 'number') {
    return Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/\.?0+$/, '');
  }
  return String(value);
}
