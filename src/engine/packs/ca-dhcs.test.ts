/**
 * ca-dhcs: DHCS Service Table 5 (seed 000) and the facts beyond it. Each row names the source line it checks
 * and is tested both ways from one billable base service.
 */
import { describe, expect, it } from 'vitest';
import type { ClaimPreviewRequest } from '../../shared/api/claims.js';
import { caDhcsTableCases } from '../../testing/ca-dhcs-cases.js';
import { billableCaDhcsRequest } from '../../testing/claim-requests.js';
import {
  commonRuleCases,
  describeRuleTable,
  evaluate,
  parseRequest,
  problemCodes,
  requirePack,
  TEST_UNIT_CHARGE_CENTS,
  type RuleCase,
} from '../../testing/rule-table.js';
import { evaluateService, FACT_NAMES, loadPacks } from '../index.js';
import { factsOf } from '../rules/conditions.js';
import { caDhcs } from './ca-dhcs.js';

/**
 * A billable H0038 hour: certified peer, covered member with an approved plan, office, signed the same day,
 * with a fee on file for every code of the pack (no expected rate: DHCS publishes none).
 */
export function caDhcsBase(): ClaimPreviewRequest {
  return parseRequest(billableCaDhcsRequest());
}

/** The request with an expected rate on file for H0038 in the fee schedule, as a county's organisation enters it. */
function withH0038ExpectedRate(request: ClaimPreviewRequest, cents: number): ClaimPreviewRequest {
  request.fees = request.fees.map((fee) =>
    fee.code === 'H0038' && fee.modifiers.length === 0 ? { ...fee, expectedUnitRateCents: cents } : fee,
  );
  return request;
}

const cases: RuleCase[] = [
  ...commonRuleCases({
    prefix: 'ca-dhcs',
    uncoveredService: (r) => void (r.service.type = 'contingency_management'),
  }),
  ...caDhcsTableCases(),
];

describeRuleTable('ca-dhcs', caDhcsBase, cases);

describe('ca-dhcs coding and pricing', () => {
  it('codes an individual hour as H0038, 4 units charged from the fee, expected payment unknown with no rate on file', () => {
    const preview = evaluate('ca-dhcs', caDhcsBase());
    expect(preview.lines).toEqual([
      {
        code: 'H0038',
        modifiers: [],
        procedure: 'Self-help/peer services per 15 minutes',
        units: 4,
        unitChargeCents: TEST_UNIT_CHARGE_CENTS,
        chargeCents: 4 * TEST_UNIT_CHARGE_CENTS,
        unitRateCents: null,
        expectedCents: null,
        placeOfService: '11',
      },
    ]);
    expect(preview.limits).toEqual([
      expect.objectContaining({ id: 'daily_units', limit: 96, usedBefore: 0, thisService: 4, remaining: 92 }),
    ]);
  });

  it('holds no statewide H0038 rate: California never borrows Los Angeles’s $46.67 (catalog, December review)', () => {
    expect(requirePack('ca-dhcs').rates.filter((rate) => rate.code === 'H0038')).toEqual([]);
    for (const type of ['engagement', 'skill_building_group'] as const) {
      const request = caDhcsBase();
      request.service.type = type;
      request.service.group =
        type === 'skill_building_group' ? { attendees: 6, facilitatorFte: 1 } : undefined;
      const [line] = evaluate('ca-dhcs', request).lines;
      expect(line).toMatchObject({ unitRateCents: null, expectedCents: null });
      expect(line?.expectedCents).not.toBe(4 * 4667);
    }
  });

  it('expects $46.67 a unit for H0038 when the fee schedule has that rate on file', () => {
    const request = withH0038ExpectedRate(caDhcsBase(), 4667);
    const [line] = evaluate('ca-dhcs', request).lines;
    expect(line).toMatchObject({
      code: 'H0038',
      unitChargeCents: TEST_UNIT_CHARGE_CENTS,
      chargeCents: 4 * TEST_UNIT_CHARGE_CENTS,
      unitRateCents: 4667,
      expectedCents: 18668,
    });
  });

  it('codes a group as H0025, charged from its fee, expected at the H0038 rate on file ÷ 4.5 (000: "DHCS will divide the rate … by 4.5")', () => {
    const request = withH0038ExpectedRate(caDhcsBase(), 4667);
    request.service.type = 'skill_building_group';
    request.service.group = { attendees: 6, facilitatorFte: 1 };
    const [line] = evaluate('ca-dhcs', request).lines;
    // 4667 ÷ 4.5 = 1037.1 → $10.37.
    expect(line).toMatchObject({
      code: 'H0025',
      units: 4,
      unitChargeCents: TEST_UNIT_CHARGE_CENTS,
      chargeCents: 4 * TEST_UNIT_CHARGE_CENTS,
      unitRateCents: 1037,
      expectedCents: 4148,
    });
  });

  it('charges nothing and is not billable when the fee schedule holds no charge for the code', () => {
    const request = caDhcsBase();
    request.fees = request.fees.filter((fee) => fee.code !== 'H0038');
    const preview = evaluate('ca-dhcs', request);
    expect(preview.lines[0]).toMatchObject({ code: 'H0038', unitChargeCents: 0, chargeCents: 0 });
    expect(preview.billable).toBe(false);
    const problem = preview.problems.find((candidate) => candidate.code === 'ca-dhcs.charge.present');
    expect(problem).toMatchObject({ severity: 'error', path: ['fees'] });
    expect(problem?.message).toBe(
      'Enter the charge for H0038 under California Medi-Cal (DHCS) from 2026-11-18 on the Fee schedule page.',
    );
  });

  it('adds HK for a member under 21 in a special population, and not otherwise (research (a))', () => {
    const request = caDhcsBase();
    request.member.dateOfBirth = '2008-01-01';
    request.member.specialPopulations = ['katie_a'];
    request.service.modifiers = ['SC'];
    expect(evaluate('ca-dhcs', request).lines[0]?.modifiers).toEqual(['HK', 'SC']);
    request.member.dateOfBirth = '2005-11-18'; // 21 on the date of service
    expect(evaluate('ca-dhcs', request).lines[0]?.modifiers).toEqual(['SC']);
  });

  it('uses POS 10 for telehealth at home and 02 elsewhere when none is given [choice]', () => {
    const request = caDhcsBase();
    request.service.placeOfService = undefined;
    request.service.modality = 'audio_only';
    request.service.memberLocation = 'home';
    expect(evaluate('ca-dhcs', request).lines[0]?.placeOfService).toBe('10');
    request.service.memberLocation = 'community';
    expect(evaluate('ca-dhcs', request).lines[0]?.placeOfService).toBe('02');
  });

  it('is not locked out against a residential or inpatient program (000 note)', () => {
    for (const type of ['residential', 'inpatient'] as const) {
      const request = caDhcsBase();
      request.program.type = type;
      expect(problemCodes(evaluate('ca-dhcs', request))).toEqual([]);
    }
  });

  it('gives the note due date in business days, skipping Thanksgiving', () => {
    const request = caDhcsBase();
    request.service.dateOfService = '2026-11-25';
    request.service.signedOn = '2026-11-25';
    expect(evaluate('ca-dhcs', request).noteDueOn).toBe('2026-12-01');
  });
});

describe('ca-dhcs dependent codes and Medicare COB (000: "Dependent on Codes … No", "Medicare COB Required? … No")', () => {
  it('holds no dependent codes, cited to Service Table 5', () => {
    expect(requirePack('ca-dhcs').settings['dependentCodes']).toMatchObject({
      value: [],
      citation: { document: '000_1274c8781db8481b.txt', quote: 'Dependent on Codes … No' },
    });
  });

  it('bills H0038 and H0025 on their own: a line alone on the day, with no other code, has no problem', () => {
    for (const type of ['engagement', 'skill_building_group'] as const) {
      const request = caDhcsBase();
      request.service.type = type;
      request.history.unitsSameDayByCode = {};
      const preview = evaluate('ca-dhcs', request);
      expect(preview.lines).toHaveLength(1);
      expect(preview.problems).toEqual([]);
    }
  });

  it('counts toward a daily maximum only the units of the code the service bills under', () => {
    // 96 units of H0025 that day leave H0038's 96 untouched; 93 of H0038 leave no room for 4 more.
    const request = caDhcsBase();
    request.history.unitsSameDayByCode = { H0025: 96 };
    const other = evaluate('ca-dhcs', request);
    expect(other.lines[0]?.code).toBe('H0038');
    expect(other.problems.map((problem) => problem.code)).not.toContain('ca-dhcs.units.daily_max');
    request.history.unitsSameDayByCode = { H0025: 96, H0038: 93 };
    const same = evaluate('ca-dhcs', request);
    expect(same.problems.map((problem) => problem.code)).toContain('ca-dhcs.units.daily_max');
  });

  it('reads the settings in no rule, so no edit asks for a companion code or a Medicare EOB first', () => {
    const read = requirePack('ca-dhcs').rules.flatMap((rule) =>
      [rule.when, rule.require, rule.warningWhen].flatMap((condition) =>
        condition === undefined ? [] : factsOf(condition),
      ),
    );
    expect(read).not.toContain('settings.dependentCodes');
    // Medicare: the one rule that reads medicareCobRequired only explains, and never blocks.
    const request = caDhcsBase();
    request.member.hasMedicare = true;
    const preview = evaluate('ca-dhcs', request);
    expect(preview.billable).toBe(true);
    expect(preview.problems.map((problem) => [problem.code, problem.severity])).toEqual([
      ['ca-dhcs.medicare.cob_not_required', 'info'],
    ]);
  });
});

describe('ca-dhcs telehealth modifiers (research (a): Medi-Cal Provider Manual, Telehealth, as quoted by CCHP)', () => {
  const telehealth = (modality: 'video' | 'audio_only'): ClaimPreviewRequest => {
    const request = caDhcsBase();
    request.service.modality = modality;
    request.service.memberLocation = 'home';
    request.service.placeOfService = undefined;
    return request;
  };

  it('adds 95 to a video line and 93 to an audio-only line, with POS 10 at home, and the line is billable', () => {
    const video = evaluate('ca-dhcs', telehealth('video'));
    expect(video.lines[0]).toMatchObject({ code: 'H0038', modifiers: ['95'], placeOfService: '10' });
    expect(video.problems).toEqual([]);
    const audio = evaluate('ca-dhcs', telehealth('audio_only'));
    expect(audio.lines[0]).toMatchObject({ code: 'H0038', modifiers: ['93'], placeOfService: '10' });
    expect(audio.problems).toEqual([]);
  });

  it('adds neither to an in-person line', () => {
    expect(evaluate('ca-dhcs', caDhcsBase()).lines[0]?.modifiers).toEqual([]);
  });

  it('puts the procedure modifiers HK and SC before the telehealth modifier', () => {
    const request = telehealth('video');
    request.member.dateOfBirth = '2008-01-01';
    request.member.specialPopulations = ['katie_a'];
    request.service.modifiers = ['SC'];
    expect(evaluate('ca-dhcs', request).lines[0]?.modifiers).toEqual(['HK', 'SC', '95']);
  });

  it('adds neither when the setting telehealthModifiers is off [choice]', () => {
    const off = loadPacks(
      [
        {
          ...caDhcs,
          settings: {
            ...caDhcs.settings,
            telehealthModifiers: { value: false, description: 'Off for this test.', choice: true },
          },
        },
      ],
      FACT_NAMES,
    ).get('ca-dhcs');
    if (off === undefined) {
      throw new Error('pack not loaded');
    }
    for (const modality of ['video', 'audio_only'] as const) {
      const preview = evaluateService(off, telehealth(modality));
      expect(preview.lines[0]?.modifiers).toEqual([]);
      expect(preview.problems).toEqual([]);
    }
  });

  it('holds the setting on by default, cited to the research quote', () => {
    expect(requirePack('ca-dhcs').settings['telehealthModifiers']).toMatchObject({
      value: true,
      choice: true,
      citation: { document: 'rules-research.md', quote: 'synchronous audio+video → **modifier 95**' },
    });
  });
});

describe('ca-dhcs legacy peers (rules-catalog.md, December review: "refused with a message that says they are not certified")', () => {
  it('refuses a legacy peer once, as not certified — not as expired, and with no raw certification code', () => {
    const request = caDhcsBase();
    request.staff.certification = { type: 'legacy_uncertified' };
    const errors = evaluate('ca-dhcs', request).problems.filter((problem) => problem.severity === 'error');
    expect(errors.map((problem) => problem.code)).toEqual(['ca-dhcs.staff.legacy_uncertified']);
    expect(errors[0]?.message).toContain('without peer support certification');
    expect(errors[0]?.message).not.toMatch(/expir|legacy_uncertified/);
  });

  it('still tells a certified peer whose certification lapsed that it expired, and on which date', () => {
    const request = caDhcsBase();
    request.staff.certification = { type: 'medi_cal_peer', issuedOn: '2024-01-01', expiresOn: '2026-11-17' };
    const errors = evaluate('ca-dhcs', request).problems.filter((problem) => problem.severity === 'error');
    expect(errors.map((problem) => problem.code)).toEqual(['ca-dhcs.staff.certified']);
    expect(errors[0]?.message).toContain('expired (expiry: 2026-11-17)');
  });

  it('names no raw certification code when another state’s certification is on file', () => {
    const request = caDhcsBase();
    request.staff.certification = { type: 'kansas_peer', expiresOn: '2027-01-01' };
    const [problem] = evaluate('ca-dhcs', request).problems;
    expect(problem?.code).toBe('ca-dhcs.discipline.peer');
    expect(problem?.message).not.toContain('kansas_peer');
  });
});
