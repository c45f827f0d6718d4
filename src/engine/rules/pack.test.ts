/**
 * Loading packs: malformed packs fail at load naming the pack, the rule and the field; layering inherits,
 * overrides by id and removes; effective dates switch rates and rules on the date of service.
 */
import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../testing/rule-table.js';
import { caDhcs } from '../packs/ca-dhcs.js';
import { evaluateService } from './evaluate.js';
import { FACT_NAMES } from './facts.js';
import { PayerPackIdSchema } from '../../shared/programs.js';
import { loadPacks, PackError, type PackDefinition } from './pack.js';
import { PackIdSchema } from './pack-schema.js';

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
    [
      'a rate given both as unitRateCents and as dividedFrom',
      pack({
        rates: [
          {
            code: 'H0025',
            unitRateCents: 1037,
            dividedFrom: { code: 'H0038', divisor: 4.5 },
            effectiveFrom: '2024-01-01',
            citation,
          },
        ],
      }),
      /rate #0, field unitRateCents: Give a rate either as unitRateCents or as dividedFrom, and not both/,
    ],
    [
      'a rate given neither as unitRateCents nor as dividedFrom',
      pack({ rates: [{ code: 'H0025', effectiveFrom: '2024-01-01', citation }] }),
      /rate #0, field unitRateCents: Give a rate either as unitRateCents or as dividedFrom, and not both/,
    ],
  ])('refuses %s with a message naming where', (_what, definition, message) => {
    expect(() => loadPacks([definition], FACT_NAMES)).toThrow(PackError);
    expect(() => loadPacks([definition], FACT_NAMES)).toThrow(message);
  });

  it('loads a rate given only as dividedFrom, or only as unitRateCents', () => {
    const rates = [
      { code: 'H0025', dividedFrom: { code: 'H0038', divisor: 4.5 }, effectiveFrom: '2024-01-01', citation },
      { code: 'H0038', unitRateCents: 4667, effectiveFrom: '2024-01-01', citation },
    ];
    expect(() => loadPacks([pack({ rates })], FACT_NAMES)).not.toThrow();
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

describe('packs added from files', () => {
  const file = (
    definition: unknown,
    origin = 'packs/extra.json',
  ): { definition: unknown; origin: string } => ({
    definition,
    origin,
  });

  it('adds a pack of its own id, extending a built-in pack', () => {
    const packs = loadPacks([caDhcs], FACT_NAMES, [
      file(pack({ id: 'zz-test', extends: 'ca-dhcs', rules: [rule({ id: 'zz-test.extra.rule' })] })),
    ]);
    expect([...packs.keys()]).toEqual(['ca-dhcs', 'zz-test']);
    expect(packs.get('zz-test')?.rules.map((item) => item.id)).toContain('ca-dhcs.pos.excluded');
    expect(packs.get('zz-test')?.extends).toBe('ca-dhcs');
  });

  it('overlays a built-in pack of the same id: the built-in pack is its base', () => {
    const newRate = {
      code: 'H0038',
      unitRateCents: 9999,
      effectiveFrom: '2027-01-01',
      citation,
    };
    const packs = loadPacks([caDhcs], FACT_NAMES, [
      file({
        id: 'ca-dhcs',
        name: caDhcs.name,
        version: '2027.1',
        sources: ['rules-research.md'],
        description: 'A new H0038 rate from 2027.',
        settings: { maxUnitsPerDay: { value: 7, description: 'Lower.' } },
        rates: [newRate],
      }),
    ]);
    const overlaid = packs.get('ca-dhcs');
    expect([...packs.keys()]).toEqual(['ca-dhcs']);
    expect(overlaid?.version).toBe(`2027.1+ca-dhcs@${caDhcs.version}`);
    expect(overlaid?.settings.maxUnitsPerDay?.value).toBe(7);
    expect(overlaid?.rates.filter((rate) => rate.code === 'H0038').map((rate) => rate.unitRateCents)).toEqual(
      [9999],
    );
    expect(overlaid?.rules.map((item) => item.id)).toContain('ca-dhcs.pos.excluded');
  });

  it.each<[string, unknown[], RegExp]>([
    [
      'a bad rule, naming the file, the pack, the rule and the field',
      [pack({ id: 'zz-test', rules: [rule({ id: 'zz-test.bad', severity: 'fatal' })] })],
      /^Pack file packs\/extra\.json: pack zz-test: rule zz-test\.bad, field severity: /,
    ],
    [
      'a rule reading an unknown fact, naming the file',
      [
        pack({
          id: 'zz-test',
          rules: [rule({ id: 'zz-test.x', require: { fact: 'service.nope', op: 'eq', value: 1 } })],
        }),
      ],
      /^Pack file packs\/extra\.json: Pack zz-test: rule zz-test\.x, field require reads unknown fact "service\.nope"/,
    ],
    [
      'an overlay that also extends',
      [pack({ id: 'ca-dhcs', extends: 'ca-dhcs' })],
      /^Pack file packs\/extra\.json: pack ca-dhcs, field extends: .* remove "extends"/,
    ],
    [
      'an id that is not a pack id',
      [pack({ id: 'ZZ Test' })],
      /^Pack file packs\/extra\.json: pack ZZ Test: field id: lower-case/,
    ],
    [
      'a base that is not loaded',
      [pack({ id: 'zz-test', extends: 'zz-none' })],
      /^Pack file packs\/extra\.json: Pack zz-test extends zz-none, which is not loaded/,
    ],
  ])('refuses %s', (_what, definitions, message) => {
    expect(() =>
      loadPacks(
        [caDhcs],
        FACT_NAMES,
        definitions.map((definition) => file(definition)),
      ),
    ).toThrow(message);
  });

  it('refuses two files defining the same pack, naming both', () => {
    const twin = pack({ id: 'zz-test', rules: [rule({ id: 'zz-test.rule' })] });
    expect(() => loadPacks([caDhcs], FACT_NAMES, [file(twin, 'a.json'), file(twin, 'b.json')])).toThrow(
      'Pack file b.json: pack zz-test is also defined in a.json.',
    );
  });
});

describe('pack ids', () => {
  // The engine checks a pack's id with its own schema; the API with the shared one. They must agree.
  it.each([
    'ca-dhcs',
    'zz-test',
    'nc2-wellcare',
    'a',
    'Zz',
    'zz_test',
    'zz--test',
    '-zz',
    'zz-',
    '1zz',
    'z'.repeat(41),
  ])('the engine and the API agree on %s', (id) => {
    expect(PackIdSchema.safeParse(id).success).toBe(PayerPackIdSchema.safeParse(id).success);
  });

  it('accepts and refuses as documented', () => {
    expect(['ca-dhcs', 'zz-test'].every((id) => PackIdSchema.safeParse(id).success)).toBe(true);
    expect(['Zz', 'zz_test', 'zz-', '1zz'].some((id) => PackIdSchema.safeParse(id).success)).toBe(false);
  });
});
