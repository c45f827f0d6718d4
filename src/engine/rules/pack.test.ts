/**
 * Loading packs: malformed packs fail at load naming the pack, the rule and the field; layering inherits,
 * overrides by id and removes; effective dates switch rates and rules on the date of service.
 */
import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../testing/rule-table.js';
import { caDhcs } from '../packs/ca-dhcs.js';
import { evaluateService } from './evaluate.js';
import { FACT_NAMES } from './facts.js';
import { loadPacks, PackError, type PackDefinition } from './pack.js';

const citation = { document: '000_1274c8781db8481b.txt', section: 'Service Table 5', quote: '96' };

function rule(overrides: Record<string, unknown>): NonNullable<PackDefinition['rules']>[number] {
  return {
    id: 'ks-pahp.test.rule',
    version: '1',
    effectiveFrom: '2024-01-01',
    severity: 'error',
    criterion: 'A test rule.',
    require: { fact: 'service.units', op: 'gte', value: 1 },
    message: 'Units: {service.units}.',
    path: ['service', 'end'],
    citation,
    ...overrides,
  };
}

function pack(overrides: Partial<PackDefinition>): PackDefinition {
  return {
    id: 'ks-pahp',
    name: 'Test',
    version: '1',
    sources: ['003'],
    description: 'A test pack.',
    rules: [rule({})],
    ...overrides,
  };
}

describe('pack validation', () => {
  it.each<[string, PackDefinition, RegExp]>([
    [
      'an unknown operator',
      pack({ rules: [rule({ require: { fact: 'service.units', op: 'bigger', value: 1 } })] }),
      /Pack ks-pahp: rule ks-pahp\.test\.rule, field require/,
    ],
    [
      'a missing citation quote',
      pack({ rules: [rule({ citation: { document: 'x', section: 'y' } })] }),
      /rule ks-pahp\.test\.rule, field citation\.quote/,
    ],
    [
      'a bad severity',
      pack({ rules: [rule({ severity: 'fatal' })] }),
      /rule ks-pahp\.test\.rule, field severity/,
    ],
    [
      'an unknown fact',
      pack({ rules: [rule({ require: { fact: 'service.colour', op: 'present' } })] }),
      /rule ks-pahp\.test\.rule, field require reads unknown fact "service\.colour"/,
    ],
    [
      'an unknown placeholder',
      pack({ rules: [rule({ message: 'Bad {member.shoeSize}.' })] }),
      /rule ks-pahp\.test\.rule, field message uses unknown fact "\{member\.shoeSize\}"/,
    ],
    [
      'an id outside the pack',
      pack({ rules: [rule({ id: 'nc-wellcare.x.y' })] }),
      /field id must start with "ks-pahp\."/,
    ],
    [
      'effective dates reversed',
      pack({ rules: [rule({ effectiveFrom: '2025-01-01', effectiveTo: '2024-01-01' })] }),
      /effectiveTo is before effectiveFrom/,
    ],
    ['a duplicate rule id', pack({ rules: [rule({}), rule({})] }), /id ks-pahp\.test\.rule is used twice/],
    [
      'a limit naming no setting',
      pack({
        limits: [{ id: 'x', label: 'X', period: 'day', unit: 'units', maxSetting: 'nothing', citation }],
      }),
      /limit x, field maxSetting names no setting "nothing"/,
    ],
    [
      'a base pack that is not loaded',
      pack({ extends: 'nc-wellcare' }),
      /extends nc-wellcare, which is not loaded/,
    ],
  ])('refuses %s with a message naming where', (_what, definition, message) => {
    expect(() => loadPacks([definition], FACT_NAMES)).toThrow(PackError);
    expect(() => loadPacks([definition], FACT_NAMES)).toThrow(message);
  });

  it('refuses a pack defined twice', () => {
    expect(() => loadPacks([pack({}), pack({})], FACT_NAMES)).toThrow(/defined twice/);
  });

  it('loads the real packs', () => {
    expect(() => loadPacks([caDhcs], FACT_NAMES)).not.toThrow();
  });
});

describe('layering', () => {
  const child: PackDefinition = {
    id: 'ca-la-sapc',
    extends: 'ca-dhcs',
    name: 'Child',
    version: '9',
    sources: ['004'],
    description: 'A child pack.',
    settings: { maxUnitsPerDay: { value: 10, description: 'Lower.' } },
    removes: ['ca-dhcs.medicare.cob_not_required'],
    rules: [
      rule({
        id: 'ca-la-sapc.extra.rule',
        require: { fact: 'service.units', op: 'lte', value: 2 },
        message: 'At most 2 units here.',
      }),
    ],
  };
  const packs = loadPacks([caDhcs, child], FACT_NAMES);
  const layered = packs.get('ca-la-sapc');

  it('inherits the base pack’s rules, procedures and rates, overrides settings, and removes by id', () => {
    const ids = layered?.rules.map((item) => item.id) ?? [];
    expect(ids).toContain('ca-dhcs.pos.excluded');
    expect(ids).toContain('ca-la-sapc.extra.rule');
    expect(ids).not.toContain('ca-dhcs.medicare.cob_not_required');
    expect(layered?.settings.maxUnitsPerDay?.value).toBe(10);
    expect(layered?.procedures.map((item) => item.code)).toEqual(['H0025', 'H0038']);
    expect(layered?.version).toBe(`9+ca-dhcs@${caDhcs.version}`);
  });

  it('judges a service by the layered rules', () => {
    if (layered === undefined) {
      throw new Error('not loaded');
    }
    const request = parseRequest({
      payerPack: 'ca-la-sapc',
      service: {
        dateOfService: '2026-11-18',
        type: 'engagement',
        start: '10:00',
        end: '11:00',
        modality: 'in_person',
        placeOfService: '09',
      },
      member: { dateOfBirth: '1990-01-01' },
      program: { type: 'dmc_ods_outpatient' },
      history: { unitsSameDayByCode: { H0038: 8 } },
    });
    const codes = evaluateService(layered, request).problems.map((problem) => problem.code);
    expect(codes).toEqual(
      expect.arrayContaining(['ca-dhcs.pos.excluded', 'ca-la-sapc.extra.rule', 'ca-dhcs.units.daily_max']),
    );
  });
});

describe('effective dates', () => {
  const versioned: PackDefinition = {
    ...caDhcs,
    rates: [
      {
        code: 'H0038',
        unitRateCents: 4667,
        effectiveFrom: '2023-07-01',
        effectiveTo: '2027-06-30',
        citation,
      },
      { code: 'H0038', unitRateCents: 4900, effectiveFrom: '2027-07-01', citation },
      { code: 'H0025', unitRateCents: 1037, effectiveFrom: '2023-07-01', citation },
    ],
    rules: [
      ...(caDhcs.rules ?? []),
      rule({
        id: 'ca-dhcs.test.from_july',
        effectiveFrom: '2027-07-01',
        require: { fact: 'service.units', op: 'lte', value: 2 },
        message: 'From July 2027, at most 2 units.',
      }),
    ],
  };
  const dhcs = loadPacks([versioned], FACT_NAMES).get('ca-dhcs');

  const on = (date: string): ReturnType<typeof evaluateService> => {
    if (dhcs === undefined) {
      throw new Error('not loaded');
    }
    return evaluateService(
      dhcs,
      parseRequest({
        service: {
          dateOfService: date,
          type: 'engagement',
          start: '10:00',
          end: '11:00',
          modality: 'in_person',
          placeOfService: '11',
          signedOn: date,
        },
        member: {
          dateOfBirth: '1990-01-01',
          coverage: [{ payerPack: 'ca-dhcs', memberId: 'ZZCA1', from: '2020-01-01' }],
          carePlan: { approvedOn: '2020-01-01' },
        },
        staff: { certification: { type: 'medi_cal_peer' } },
        program: { type: 'mh_outpatient' },
      }),
    );
  };

  it('prices by the rate in force on the date of service', () => {
    expect(on('2027-06-30').lines[0]?.unitRateCents).toBe(4667);
    expect(on('2027-07-01').lines[0]?.unitRateCents).toBe(4900);
  });

  it('applies a rule only from its effective date', () => {
    expect(on('2027-06-30').problems.map((problem) => problem.code)).not.toContain('ca-dhcs.test.from_july');
    expect(on('2027-07-01').problems.map((problem) => problem.code)).toContain('ca-dhcs.test.from_july');
  });
});
