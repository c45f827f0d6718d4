/**
 * describePacks: what the payer rules page and GET /api/v1/payer-packs show. Billing staff must be able to
 * trace every rule, limit and setting to its source, so the summary keeps every citation.
 */
import { describe, expect, it } from 'vitest';
import { allPacks } from '../../engine/index.js';
import { PayerPackSummarySchema } from '../../shared/api/payer-packs.js';
import { describePacks } from './index.js';

function caDhcs(): ReturnType<typeof describePacks>[number] {
  const summary = describePacks().find((pack) => pack.id === 'ca-dhcs');
  if (summary === undefined) {
    throw new Error('ca-dhcs is not loaded');
  }
  return summary;
}

describe('describePacks', () => {
  it('summarises every loaded pack, each in the summary contract and as plain JSON', () => {
    const summaries = describePacks();
    expect(summaries.map((summary) => summary.id)).toEqual(allPacks().map((pack) => pack.id));
    for (const summary of summaries) {
      expect(PayerPackSummarySchema.parse(summary)).toEqual(summary);
      // No compiled conditions (functions) leak into the answer.
      expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
    }
  });

  it('gives every rule its criterion, severity, message and citation', () => {
    for (const summary of describePacks()) {
      expect(summary.rules.length).toBeGreaterThan(0);
      for (const rule of summary.rules) {
        expect(rule.criterion.length, rule.id).toBeGreaterThan(0);
        expect(rule.message.length, rule.id).toBeGreaterThan(0);
        expect(rule.citation.document.length, rule.id).toBeGreaterThan(0);
        expect(rule.citation.quote.length, rule.id).toBeGreaterThan(0);
      }
    }
  });

  it('lists settings by name, marking choices and keeping a null citation where the sources are silent', () => {
    const settings = caDhcs().settings;
    expect(settings.find((setting) => setting.name === 'maxUnitsPerDay')).toEqual({
      name: 'maxUnitsPerDay',
      value: 96,
      description: 'Most units of one code billed for one member on one day.',
      choice: false,
      citation: {
        document: '000_1274c8781db8481b.txt',
        section: 'Service Table 5',
        quote: 'Maximum Units that Can be Billed … 96',
      },
    });
    expect(settings.find((setting) => setting.name === 'telehealthHomePlaceOfService')).toMatchObject({
      value: '10',
      choice: true,
      citation: null,
    });
  });

  it('gives each limit its maximum from the setting that holds it', () => {
    expect(caDhcs().limits).toEqual([
      expect.objectContaining({ id: 'daily_units', period: 'day', unit: 'units', max: 96 }),
    ]);
  });

  it('says where a rule rests on a choice, and null where it does not', () => {
    const rules = caDhcs().rules;
    expect(rules.find((rule) => rule.id === 'ca-dhcs.staff.continuing_education')).toMatchObject({
      scope: 'staff',
      choice: expect.stringContaining('ceHoursPerCycle') as unknown,
    });
    expect(rules.find((rule) => rule.id === 'ca-dhcs.pos.excluded')).toMatchObject({
      scope: 'claim',
      severity: 'error',
      choice: null,
      effectiveTo: null,
    });
  });

  it('lists codes, modifiers, places of service and rates with their sources', () => {
    const summary = caDhcs();
    expect(summary.extends).toBeNull();
    expect(summary.procedures.map((procedure) => procedure.code)).toEqual(
      expect.arrayContaining(['H0025', 'H0038']),
    );
    expect(summary.modifiers.map((modifier) => modifier.modifier)).toContain('HK');
    expect(summary.placeOfServiceRules.map((rule) => rule.placeOfService)).toEqual(
      expect.arrayContaining(['10', '02']),
    );
    // DHCS publishes no statewide H0038 rate, so none is listed; H0025's is the H0038 rate on file ÷ 4.5.
    expect(summary.rates.find((rate) => rate.code === 'H0038')).toBeUndefined();
    expect(summary.rates.find((rate) => rate.code === 'H0025')).toMatchObject({
      unitRateCents: null,
      dividedFrom: { code: 'H0038', modifiers: [], divisor: 4.5 },
      effectiveTo: null,
      note: expect.any(String) as unknown,
    });
  });

  it('hands out copies: editing a summary does not change the loaded pack', () => {
    const before = caDhcs();
    const edited = caDhcs();
    for (const setting of edited.settings) {
      if (Array.isArray(setting.value)) {
        setting.value.push('ZZ');
      }
    }
    edited.modifierOrder.push('ZZ');
    edited.procedures[0]?.modifiers.push('ZZ');
    expect(caDhcs()).toEqual(before);
  });
});
