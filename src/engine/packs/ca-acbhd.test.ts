/**
 * ca-acbhd: the Alameda memo (seed 001) on top of DHCS Service Table 5 (seed 000). Each row names the source
 * line it checks and is tested both ways from one billable base service; the inherited ca-dhcs rules have
 * rows too, since the runner wants every claim rule of the resolved pack.
 */
import { describe, expect, it } from 'vitest';
import type { ClaimPreviewRequest, Fee } from '../../shared/api/claims.js';
import { allPacks } from '../index.js';
import { factsOf } from '../rules/conditions.js';
import { caDhcsTableCases } from '../../testing/ca-dhcs-cases.js';
import {
  commonRuleCases,
  rowsForPack,
  describeRuleTable,
  evaluate,
  feesForPack,
  parseRequest,
  problemCodes,
  requirePack,
  TEST_UNIT_CHARGE_CENTS,
  type RuleCase,
} from '../../testing/rule-table.js';

/**
 * A billable H0038 hour in Alameda: CPS with taxonomy 175T00000X in a mental health outpatient program,
 * member covered by ACBHD with an approved plan, office, signed the same day.
 */
function caAcbhdBase(): ClaimPreviewRequest {
  return parseRequest({
    service: {
      dateOfService: '2026-11-18',
      type: 'engagement',
      start: '10:00',
      end: '11:00',
      modality: 'in_person',
      placeOfService: '11',
      signedOn: '2026-11-18',
      pin: {
        plan: 'Practise asking for help',
        interaction: 'Role-played a call',
        nextSteps: 'Call on Friday',
      },
    },
    member: {
      dateOfBirth: '1990-04-02',
      coverage: [{ payerPack: 'ca-acbhd', memberId: 'ZZAL00000001', from: '2026-01-01', to: null }],
      carePlan: {
        approvedOn: '2026-10-01',
        approverRole: 'behavioral_health_professional',
        effectiveFrom: '2026-10-01',
      },
    },
    staff: {
      certification: { type: 'medi_cal_peer', issuedOn: '2025-01-01', expiresOn: '2027-01-01' },
      dateOfBirth: '1985-06-01',
      taxonomy: '175T00000X',
    },
    program: { type: 'mh_outpatient' },
    fees: feesForPack('ca-acbhd'),
  });
}

const MEMO = '001 memo';

/** The fees with an expected rate for the individual H0038, as an organisation enters its county's rate. */
function withH0038ExpectedRate(fees: readonly Fee[], cents: number): Fee[] {
  return fees.map((fee) =>
    fee.code === 'H0038' && fee.modifiers.length === 0 ? { ...fee, expectedUnitRateCents: cents } : fee,
  );
}

const toFamily = (r: ClaimPreviewRequest): void => {
  r.service.recipient = 'family_without_member';
  r.service.familyRelationToTreatment = 'Taught the mother how to support his relapse-prevention plan';
};

const cases: RuleCase[] = [
  ...commonRuleCases({
    prefix: 'ca-dhcs',
    uncoveredService: (r) => void (r.service.type = 'contingency_management'),
  }),
  // Inherited from ca-dhcs: common to every pack.
  {
    source: 'Common: coverage for the payer on the date of service (ACBHD, not statewide)',
    rule: 'ca-dhcs.member.covered',
    fail: (r) =>
      void (r.member.coverage = [{ payerPack: 'ca-dhcs', memberId: 'ZZCA1', from: '2026-01-01', to: null }]),
  },
  // Inherited from ca-dhcs: Service Table 5.
  ...rowsForPack('ca-acbhd', caDhcsTableCases()),
  // Alameda's own rules.
  {
    source: `${MEMO}, Procedure Codes: for CPS and CPS-F only; legacy peers use Other/Adjunct codes`,
    rule: 'ca-acbhd.discipline.cps',
    pass: (r) =>
      void (r.staff.certification = {
        type: 'medi_cal_peer_family',
        issuedOn: '2025-01-01',
        expiresOn: '2027-01-01',
      }),
    fail: (r) => void (r.staff.certification = { type: 'legacy_uncertified' }),
    messageIncludes: 'Other/Adjunct',
  },
  {
    source: `${MEMO}, Procedure Codes: a peer certified in another state is not a CPS`,
    rule: 'ca-acbhd.discipline.cps',
    fail: (r) => void (r.staff.certification = { type: 'kansas_peer', expiresOn: '2027-01-01' }),
    messageIncludes: 'the certification on file for you is neither',
  },
  {
    source: `${MEMO}, Action Required: pending DHCS clarification for inpatient programs`,
    rule: 'ca-acbhd.program.mh_outpatient',
    fail: (r) => void (r.program.type = 'inpatient'),
    messageIncludes: 'not yet available in this program type (inpatient)',
  },
  {
    source: `${MEMO}, Action Required: pending DHCS clarification for residential programs`,
    rule: 'ca-acbhd.program.mh_outpatient',
    fail: (r) => void (r.program.type = 'residential'),
    messageIncludes: 'not yet available in this program type',
  },
  {
    source: `${MEMO}, Action Required: only certified Mental Health Outpatient programs [choice]`,
    rule: 'ca-acbhd.program.mh_outpatient',
    fail: (r) => void (r.program.type = 'dmc_ods_outpatient'),
  },
  {
    source: `${MEMO}, Definitions: family services reflect how they relate to the member’s treatment`,
    rule: 'ca-acbhd.family.relation_to_treatment',
    pass: toFamily,
    fail: (r) => void (r.service.recipient = 'family_without_member'),
    messageIncludes: 'relates to the member’s treatment',
  },
  {
    source: `${MEMO}, Background: designated taxonomy 175T00000X`,
    rule: 'ca-acbhd.staff.taxonomy',
    fail: (r) => void (r.staff.taxonomy = '1041C0700X'),
    messageIncludes: '1041C0700X',
  },
];

describeRuleTable('ca-acbhd', caAcbhdBase, cases);

describe('ca-acbhd coding and pricing', () => {
  // The recipient (member present, or family without the member) and the service type pick one of the four
  // procedures of the memo's list. The charge is the fee's; the expected rate is the H0038 rate the
  // organisation has on file ($46.67 here), and H0025 that ÷ 4.5 by the statewide rule (000 Service Table 5).
  it.each([
    {
      type: 'skill_building_group',
      recipient: 'member',
      code: 'H0025',
      procedure: 'PSS Educational Skill Building Groups',
      unitRateCents: 1037,
    },
    {
      type: 'skill_building_group',
      recipient: 'family_without_member',
      code: 'H0025',
      procedure: 'PSS Family Educational Skill Building Groups',
      unitRateCents: 1037,
    },
    {
      type: 'engagement',
      recipient: 'member',
      code: 'H0038',
      procedure: 'PSS Engagement/Therapeutic Activity',
      unitRateCents: 4667,
    },
    {
      type: 'therapeutic_activity',
      recipient: 'member',
      code: 'H0038',
      procedure: 'PSS Engagement/Therapeutic Activity',
      unitRateCents: 4667,
    },
    {
      type: 'engagement',
      recipient: 'family_without_member',
      code: 'H0038',
      procedure: 'PSS Family Engagement/Therapeutic Activity',
      unitRateCents: 4667,
    },
    {
      type: 'therapeutic_activity',
      recipient: 'family_without_member',
      code: 'H0038',
      procedure: 'PSS Family Engagement/Therapeutic Activity',
      unitRateCents: 4667,
    },
  ] as const)(
    'codes $type for $recipient as $code "$procedure" (001 procedure list)',
    ({ type, recipient, code, procedure, unitRateCents }) => {
      const request = caAcbhdBase();
      request.service.type = type;
      if (recipient === 'family_without_member') {
        toFamily(request);
      }
      if (type === 'skill_building_group') {
        request.service.group = { attendees: 6, facilitatorFte: 1 };
      }
      request.fees = withH0038ExpectedRate(request.fees, 4667);
      const preview = evaluate('ca-acbhd', request);
      expect(preview.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
      expect(preview.lines).toEqual([
        {
          code,
          modifiers: [],
          procedure,
          units: 4,
          unitChargeCents: TEST_UNIT_CHARGE_CENTS,
          chargeCents: 4 * TEST_UNIT_CHARGE_CENTS,
          unitRateCents,
          expectedCents: 4 * unitRateCents,
          placeOfService: '11',
        },
      ]);
    },
  );

  it('expects no payment figure without an H0038 rate on file — never Los Angeles’s $46.67 (catalog, December review)', () => {
    for (const type of ['engagement', 'skill_building_group'] as const) {
      const request = caAcbhdBase();
      request.service.type = type;
      if (type === 'skill_building_group') {
        request.service.group = { attendees: 6, facilitatorFte: 1 };
      }
      const preview = evaluate('ca-acbhd', request);
      expect(preview.billable).toBe(true);
      expect(preview.lines[0]).toMatchObject({
        chargeCents: 4 * TEST_UNIT_CHARGE_CENTS,
        unitRateCents: null,
        expectedCents: null,
      });
      expect(preview.lines[0]?.expectedCents).not.toBe(4 * 4667);
    }
  });

  it('divides whatever H0038 rate Alameda has on file: $60.00 gives a group $13.33 (6000 ÷ 4.5, rounded)', () => {
    const request = caAcbhdBase();
    request.service.type = 'skill_building_group';
    request.service.group = { attendees: 6, facilitatorFte: 1 };
    request.fees = withH0038ExpectedRate(request.fees, 6000);
    expect(evaluate('ca-acbhd', request).lines[0]).toMatchObject({
      code: 'H0025',
      unitRateCents: 1333,
      expectedCents: 4 * 1333,
    });
  });

  it('replaces the statewide procedures and discipline rule with Alameda’s own', () => {
    const pack = requirePack('ca-acbhd');
    expect(pack.procedures.map((procedure) => procedure.id)).toEqual([
      'ca-acbhd.procedure.group',
      'ca-acbhd.procedure.family_group',
      'ca-acbhd.procedure.individual',
      'ca-acbhd.procedure.family_individual',
    ]);
    expect(pack.rules.map((rule) => rule.id)).not.toContain('ca-dhcs.discipline.peer');
    expect(pack.version).toBe('2026.1+ca-dhcs@2026.1');
  });

  it('refuses inpatient and residential programs, which statewide Medi-Cal does not lock out (001 vs 000)', () => {
    for (const type of ['residential', 'inpatient'] as const) {
      const request = caAcbhdBase();
      request.program.type = type;
      expect(problemCodes(evaluate('ca-acbhd', request))).toEqual(['ca-acbhd.program.mh_outpatient']);
      request.member.coverage = [{ payerPack: 'ca-dhcs', memberId: 'ZZCA1', from: '2026-01-01', to: null }];
      expect(problemCodes(evaluate('ca-dhcs', request))).toEqual([]);
    }
  });

  it('keeps the program types ACBHD has activated as a setting, marked as a choice', () => {
    const pack = requirePack('ca-acbhd');
    expect(pack.settings['allowedProgramTypes']).toMatchObject({ value: ['mh_outpatient'], choice: true });
  });
});

describe('ca-acbhd continuing-education cycle (001 Background: "up to 20 hours of continuing education per year")', () => {
  // The engine reads the hours of the cycle as the staff module counts them (staff.ceHours); the cycle's
  // length is this pack's setting, which the staff module reads for the pack judged (see
  // services/staff/credentials.test.ts for the hours each pack then counts, both ways).
  it('counts a year at a time in Alameda, where statewide Medi-Cal and Los Angeles count two', () => {
    expect(requirePack('ca-acbhd').settings['ceCycleYears']).toMatchObject({
      value: 1,
      citation: { document: '001_552e745ac8e33154.txt', section: 'Background' },
    });
    expect(requirePack('ca-acbhd').settings['ceCycleYears']?.choice).toBe(false);
    expect(requirePack('ca-dhcs').settings['ceCycleYears']?.value).toBe(2);
    expect(requirePack('ca-la-sapc').settings['ceCycleYears']?.value).toBe(2);
    expect(requirePack('ca-acbhd').rules.map((rule) => rule.id)).toContain(
      'ca-dhcs.staff.continuing_education',
    );
  });

  it('sets a cycle in every pack whose rules read continuing education, so the hours have a period', () => {
    for (const pack of allPacks()) {
      const read = pack.rules.flatMap((rule) =>
        [rule.when, rule.require, rule.warningWhen].flatMap((condition) =>
          condition === undefined ? [] : factsOf(condition),
        ),
      );
      const readsCe = read.some((fact) => fact === 'staff.ceHours' || fact === 'staff.ceLawAndEthicsHours');
      expect(pack.settings['ceCycleYears'] !== undefined, pack.id).toBe(readsCe);
    }
  });
});

describe('ca-acbhd telehealth modifiers, inherited from ca-dhcs (research (a), Medi-Cal Provider Manual)', () => {
  it('adds 95 to a video line and 93 to a telephone line, and neither in person', () => {
    for (const [modality, modifiers] of [
      ['video', ['95']],
      ['audio_only', ['93']],
      ['in_person', []],
    ] as const) {
      const request = caAcbhdBase();
      request.service.modality = modality;
      request.service.memberLocation = 'home';
      const preview = evaluate('ca-acbhd', request);
      expect(preview.lines[0]?.modifiers, modality).toEqual(modifiers);
      expect(problemCodes(preview), modality).toEqual([]);
    }
  });
});

describe('ca-acbhd legacy peers (001 Procedure Codes; rules-catalog.md December review)', () => {
  it('tells a legacy peer they are not certified and to use the Other/Adjunct codes, naming no raw code', () => {
    const request = caAcbhdBase();
    request.staff.certification = { type: 'legacy_uncertified' };
    const errors = evaluate('ca-acbhd', request).problems.filter((problem) => problem.severity === 'error');
    expect(errors.map((problem) => problem.code).sort()).toEqual([
      'ca-acbhd.discipline.cps',
      'ca-dhcs.staff.legacy_uncertified',
    ]);
    for (const problem of errors) {
      expect(problem.message).not.toMatch(/expir|legacy_uncertified/);
    }
  });
});
