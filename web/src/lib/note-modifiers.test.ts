/**
 * The modifiers a note's author may add: what the pack allows, less what the pack adds itself — so the note
 * form offers Medi-Cal's SC (set by the user) and never HK or U7 (set by the pack's rules).
 */
import { describe, expect, it } from 'vitest';
import type { PayerPackSummary } from '../../../src/shared/index.js';
import { userModifiers } from './use-note-modifiers.js';

const CITATION = { document: 'seed', section: 'Service Table 5', quote: 'Allowable Modifiers … HK SC' };

/** A Los Angeles-like pack: U7 by rule, HF by procedure, HK and SC allowed too. */
function pack(allowed: string[] | null): PayerPackSummary {
  return {
    id: 'ca-la-sapc',
    name: 'Los Angeles County (DPH-SAPC)',
    version: 'test',
    extends: 'ca-dhcs',
    description: '',
    sources: [],
    claimType: 'professional',
    procedures: [{ id: 'cm', code: 'H0050', modifiers: ['HF'], name: 'CM', citation: CITATION }],
    modifiers: [
      { modifier: 'U7', reason: 'Outpatient', citation: CITATION },
      { modifier: 'HK', reason: 'Specialty mental health', citation: CITATION },
    ],
    modifierOrder: ['U7', 'HF', 'HK', 'SC'],
    placeOfServiceRules: [],
    rates: [],
    limits: [],
    settings:
      allowed === null
        ? []
        : [{ name: 'allowedModifiers', value: allowed, description: '', choice: true, citation: CITATION }],
    rules: [],
  };
}

describe('userModifiers', () => {
  it('offers the allowed modifiers the pack does not set itself, in the pack’s order', () => {
    expect(userModifiers(pack(['SC', 'U7', 'HF', 'HK']))).toEqual(['SC']);
  });

  it('offers none when the pack names no allowed modifiers', () => {
    expect(userModifiers(pack(null))).toEqual([]);
  });
});
