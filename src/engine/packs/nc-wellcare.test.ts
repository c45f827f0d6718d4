/**
 * nc-wellcare: WellCare of North Carolina policy WNC.CP.231 (seed 002) and research §(g). Each row names the
 * policy section it checks and is tested both ways from one billable base service.
 */
import { describe, expect, it } from 'vitest';
import { stateFiscalYear } from '../index.js';
import type { ClaimPreviewRequest } from '../../shared/api/claims.js';
import {
  commonRuleCases,
  describeRuleTable,
  evaluate,
  feesForPack,
  parseRequest,
  problemCodes,
  requirePack,
  TEST_GROUP_UNIT_CHARGE_CENTS,
  TEST_UNIT_CHARGE_CENTS,
  type RuleCase,
} from '../../testing/rule-table.js';
import { factsOf } from '../rules/conditions.js';
import { ncWellcare } from './nc-wellcare.js';

const DATE = '2026-11-18';

/**
 * A billable individual H0038 hour: NC-certified peer in recovery; adult member with a mental health diagnosis, a
 * comprehensive clinical assessment and eligibility checked today; office; signed the same day.
 */
function ncBase(): ClaimPreviewRequest {
  return parseRequest({
    service: {
      dateOfService: DATE,
      type: 'engagement',
      start: '10:00',
      end: '11:00',
      modality: 'in_person',
      placeOfService: '11',
      signedOn: DATE,
    },
    member: {
      dateOfBirth: '1990-04-02',
      coverage: [{ payerPack: 'nc-wellcare', memberId: 'ZZNC00000001', from: '2026-01-01', to: null }],
      diagnoses: [{ code: 'F33.1', category: 'mental_health' }],
      eligibilityVerifiedOn: [DATE],
      comprehensiveAssessmentOn: '2026-10-01',
      comprehensiveAssessmentBy: 'Dana Reyes, LCSW',
      serviceOrder: { orderedOn: '2026-10-01', clinician: 'Dr. Sam Okafor', credential: 'MD' },
    },
    staff: {
      certification: { type: 'north_carolina_peer', issuedOn: '2025-01-01', expiresOn: '2027-01-01' },
      dateOfBirth: '1985-06-01',
      livedExperience: true,
    },
    program: { type: 'mh_outpatient' },
    fees: feesForPack('nc-wellcare'),
  });
}

/** A member aged 17 on the date of service: not an adult. */
function minor(request: ClaimPreviewRequest): void {
  request.member.dateOfBirth = '2009-05-01';
}

/** An authorization for H0038 over state fiscal year 2027. */
function authorization(
  overrides: Partial<ClaimPreviewRequest['authorizations'][number]> = {},
): ClaimPreviewRequest['authorizations'][number] {
  return {
    number: 'PA-2027-001',
    code: 'H0038',
    modifiers: [],
    units: 40,
    usedUnits: 0,
    from: '2026-07-01',
    to: '2027-06-30',
    ...overrides,
  };
}

/** A member aged 19 on the date of service (an adult, under 21) with an EPSDT justification recorded. */
function epsdtMember(request: ClaimPreviewRequest): void {
  request.member.dateOfBirth = '2007-05-01';
  request.service.epsdtJustification = 'Needed to keep school attendance and prevent relapse.';
}

const POLICY = '002 WNC.CP.231';

const notCovered = (
  activity: ClaimPreviewRequest['service']['activity'],
  letter: string,
  label: string,
): RuleCase => ({
  source: `${POLICY} §II.${letter}: ${label} is not covered`,
  rule: `nc-wellcare.not_covered.${activity}`,
  pass: (r) => void (r.service.activity = 'skill_building'),
  fail: (r) => void (r.service.activity = activity),
});

const cases: RuleCase[] = [
  ...commonRuleCases({
    prefix: 'nc-wellcare',
    uncoveredService: (r) => void (r.service.type = 'contingency_management'),
  }),
  {
    source: 'Common: every line carries a place of service (NC derives none for telehealth)',
    rule: 'nc-wellcare.pos.present',
    fail: (r) => {
      r.service.placeOfService = undefined;
      r.service.modality = 'video';
      r.service.memberLocation = 'home';
    },
  },
  {
    source: 'Research (g): CPSS certified by the NC Peer Support Specialist Certification Program',
    rule: 'nc-wellcare.staff.nc_certified',
    fail: (r) => void (r.staff.certification = { type: 'kansas_peer', expiresOn: '2027-01-01' }),
    messageIncludes: 'kansas_peer',
  },
  {
    source: `${POLICY} HCPCS grid: H0038 HQ is neither telehealth- nor telephonic-eligible`,
    rule: 'nc-wellcare.telehealth.group_not_eligible',
    pass: (r) => {
      r.service.type = 'skill_building_group';
      r.service.group = { attendees: 6, facilitatorFte: 1 };
    },
    fail: (r) => {
      r.service.type = 'skill_building_group';
      r.service.group = { attendees: 6, facilitatorFte: 1 };
      r.service.modality = 'video';
      r.service.memberLocation = 'home';
    },
    messageIncludes: 'by video or telephone',
  },
  {
    source: `${POLICY} Description: CPSS "self-identified as a person(s) in recovery" (staff compliance)`,
    rule: 'nc-wellcare.staff.in_recovery',
    fail: (r) => void (r.staff.livedExperience = false),
    messageIncludes: 'self-identified as a person in recovery',
  },
  {
    source: `${POLICY} Telehealth Claims: GT is not appropriate for telephonic, audio-only services`,
    rule: 'nc-wellcare.modifiers.telehealth_match',
    pass: (r) => {
      r.service.modality = 'video';
      r.service.memberLocation = 'home';
    },
    fail: (r) => {
      r.service.modality = 'audio_only';
      r.service.memberLocation = 'home';
      r.service.modifiers = ['GT'];
    },
    messageIncludes: 'this line has GT, KX',
  },
  {
    source:
      'Research (g): "Telehealth and telephonic claims should be filed with the provider\'s usual place of service code(s)" — 02/10 is an error',
    rule: 'nc-wellcare.telehealth.usual_pos',
    pass: (r) => {
      r.service.modality = 'video';
      r.service.memberLocation = 'home';
    },
    fail: (r) => {
      r.service.modality = 'video';
      r.service.memberLocation = 'home';
      r.service.placeOfService = '10';
    },
    severity: 'error',
  },
  {
    source: `${POLICY} §V.G: telephonic services need documented verbal or written consent`,
    rule: 'nc-wellcare.telephonic.consent',
    pass: (r) => {
      r.service.modality = 'audio_only';
      r.service.memberLocation = 'home';
      r.member.consents.audioOnly = '2026-11-01';
    },
    fail: (r) => {
      r.service.modality = 'audio_only';
      r.service.memberLocation = 'home';
      r.member.consents.audioOnly = '2026-11-19';
    },
  },
  {
    source: `${POLICY} §V.H: identity verified with two points of identification before a telephonic encounter`,
    rule: 'nc-wellcare.telephonic.identity',
    pass: (r) => {
      r.service.modality = 'audio_only';
      r.service.memberLocation = 'home';
      r.service.identityVerified = true;
    },
    fail: (r) => {
      r.service.modality = 'audio_only';
      r.service.memberLocation = 'home';
    },
  },
  {
    source: `${POLICY} Prior Approval §I.A: 24 unmanaged units once per episode of care per state fiscal year`,
    rule: 'nc-wellcare.limit.unmanaged_units',
    pass: (r) => void (r.history.episodeFiscalYearUnits = 20),
    fail: (r) => void (r.history.episodeFiscalYearUnits = 21),
    messageIncludes:
      'allows 24 units each state fiscal year without prior authorization; this member has used 21 and this note adds 4',
  },
  {
    source: `${POLICY} EPSDT and Prior Approval Requirements 1: under 21 does not remove prior approval`,
    rule: 'nc-wellcare.epsdt.prior_approval',
    pass: (r) => {
      epsdtMember(r);
      r.history.episodeFiscalYearUnits = 24;
      r.authorizations = [authorization()];
    },
    fail: (r) => {
      epsdtMember(r);
      r.history.episodeFiscalYearUnits = 24;
    },
    messageIncludes: 'prior approval is still required',
  },
  {
    source: `${POLICY} Description: "directly to a Medicaid-eligible adult beneficiary" — under 18 only under EPSDT`,
    rule: 'nc-wellcare.coverage.adult',
    pass: (r) => {
      minor(r);
      r.service.epsdtJustification = 'Needed to keep school attendance and prevent relapse.';
      r.authorizations = [authorization()];
    },
    fail: (r) => minor(r),
    messageIncludes: 'this member is 17. It can be billed only under EPSDT',
  },
  {
    source: `${POLICY} Description and EPSDT and Prior Approval Requirements 1: a minor under EPSDT still needs prior approval`,
    rule: 'nc-wellcare.epsdt.minor_prior_approval',
    pass: (r) => {
      minor(r);
      r.service.epsdtJustification = 'Needed to keep school attendance and prevent relapse.';
      r.authorizations = [authorization()];
    },
    fail: (r) => {
      minor(r);
      r.service.epsdtJustification = 'Needed to keep school attendance and prevent relapse.';
    },
    messageIncludes: 'prior approval is still required',
  },
  {
    source: `${POLICY} §I.A: a MH or SUD diagnosis other than a sole I/DD diagnosis`,
    rule: 'nc-wellcare.coverage.diagnosis',
    pass: (r) =>
      void (r.member.diagnoses = [
        { code: 'F70', category: 'intellectual_developmental' },
        { code: 'F41.1', category: 'mental_health' },
      ]),
    fail: (r) => void (r.member.diagnoses = [{ code: 'F70', category: 'intellectual_developmental' }]),
    messageIncludes: 'intellectual_developmental',
  },
  {
    source: `${POLICY} §I.B: a substance use diagnosis meets ASAM Level 1 criteria`,
    rule: 'nc-wellcare.coverage.asam_level1',
    pass: (r) => {
      r.member.diagnoses = [{ code: 'F10.20', category: 'substance_use' }];
      r.member.asamLevel1Met = true;
    },
    fail: (r) => void (r.member.diagnoses = [{ code: 'F10.20', category: 'substance_use' }]),
    messageIncludes: 'the ASAM level on file is none',
  },
  {
    source: `${POLICY} §I.B: ASAM "Level 1" read strictly — a recorded level other than 1 is named [choice]`,
    rule: 'nc-wellcare.coverage.asam_level1',
    pass: (r) => {
      r.member.diagnoses = [{ code: 'F10.20', category: 'substance_use' }];
      r.member.asamLevel = '1.0';
    },
    fail: (r) => {
      r.member.diagnoses = [{ code: 'F10.20', category: 'substance_use' }];
      r.member.asamLevel = '2.1';
      // A caller's loose "criteria met" does not outweigh the level on record.
      r.member.asamLevel1Met = true;
    },
    messageIncludes: 'the ASAM level on file is 2.1',
  },
  {
    source: `${POLICY} Admission Criteria A: a comprehensive clinical assessment before the service`,
    rule: 'nc-wellcare.coverage.assessment',
    pass: (r) => void (r.member.comprehensiveAssessmentOn = DATE),
    fail: (r) => void (r.member.comprehensiveAssessmentOn = '2026-11-19'),
  },
  {
    source: `${POLICY} §II.H: interventions not in the Person-Centered Plan are not covered`,
    rule: 'nc-wellcare.coverage.in_plan',
    fail: (r) => void (r.service.interventionInPlan = false),
  },
  notCovered('transportation', 'A', 'transportation'),
  notCovered('habilitation', 'B', 'habilitation'),
  notCovered('recreation', 'C', 'recreation not tied to a planned social skill'),
  notCovered('peer_supervision', 'D', 'supervision of the peer'),
  notCovered('childcare', 'F', 'childcare'),
  notCovered('academic_teaching', 'G', 'teaching academic subjects'),
  notCovered('room_and_board', 'K', 'room and board'),
  {
    source: `${POLICY} §II.J: services to family for problems not related to the member are not covered`,
    rule: 'nc-wellcare.not_covered.family_unrelated',
    pass: (r) => {
      r.service.recipient = 'family_without_member';
      r.service.familyRelationToTreatment = 'Mother learns how to support his relapse-prevention plan.';
    },
    fail: (r) => void (r.service.recipient = 'family_without_member'),
  },
  {
    source: `${POLICY} NC Guidance, Eligibility b: eligibility verified each time a service is rendered`,
    rule: 'nc-wellcare.eligibility.verified',
    fail: (r) => void (r.member.eligibilityVerifiedOn = ['2026-11-17']),
  },
  {
    source: `${POLICY} §II Admission Criteria A: the CCA "must be completed by a licensed clinician"`,
    rule: 'nc-wellcare.coverage.assessment_clinician',
    fail: (r) => void (r.member.comprehensiveAssessmentBy = undefined),
    messageIncludes: 'Assessed by',
  },
  {
    source: `${POLICY} Prior Approval B.2: "the CCA, service order for medical necessity, and PCP" — order dated after the service`,
    rule: 'nc-wellcare.coverage.service_order',
    fail: (r) => void (r.member.serviceOrder = { ...r.member.serviceOrder, orderedOn: '2026-11-19' }),
    messageIncludes: 'dated on or before 2026-11-18',
  },
  {
    source: `${POLICY} Prior Approval B.2: a service order names the ordering clinician and credential`,
    rule: 'nc-wellcare.coverage.service_order',
    pass: (r) => void (r.member.serviceOrder = { ...r.member.serviceOrder, orderedOn: DATE }),
    fail: (r) => void (r.member.serviceOrder = { orderedOn: '2026-10-01', clinician: 'Dr. Sam Okafor' }),
    messageIncludes: 'the ordering clinician’s credential',
  },
  {
    source: `${POLICY} Prior Approval B.2: no service order recorded at all`,
    rule: 'nc-wellcare.coverage.service_order',
    fail: (r) => void (r.member.serviceOrder = undefined),
    messageIncludes:
      'the date of the service order, the ordering clinician, the ordering clinician’s credential',
  },
  {
    source: `${POLICY} §I.D: "documented identified needs, in at least ONE or more of the following areas"`,
    rule: 'nc-wellcare.care_plan.need_areas',
    pass: (r) =>
      void (r.member.carePlan = {
        approvedOn: '2026-09-01',
        needAreas: ['self_advocacy', 'daily_living_skills'],
      }),
    fail: (r) => void (r.member.carePlan = { approvedOn: '2026-09-01', needAreas: [] }),
    messageIncludes: 'Record which needs in WellCare’s §I.D the plan addresses',
  },
  {
    source: `${POLICY} §V.G: "In extenuating circumstances when consent is unable to be obtained, this should be documented" — documented, the consent error goes`,
    rule: 'nc-wellcare.telephonic.consent',
    pass: (r) => {
      r.service.modality = 'audio_only';
      r.service.memberLocation = 'home';
      r.service.consentCircumstances =
        'Member called in crisis from a shelter phone; consent to be asked next call.';
    },
    fail: (r) => {
      r.service.modality = 'audio_only';
      r.service.memberLocation = 'home';
    },
    messageIncludes: 'write in the note why',
  },
  {
    source: `${POLICY} §V.G: a service billed on documented circumstances, without consent on file, is a warning`,
    rule: 'nc-wellcare.telephonic.consent_circumstances',
    pass: (r) => {
      r.service.modality = 'audio_only';
      r.service.memberLocation = 'home';
      r.service.consentCircumstances = 'Member called in crisis from a shelter phone.';
      r.member.consents.audioOnly = '2026-11-01';
    },
    fail: (r) => {
      r.service.modality = 'audio_only';
      r.service.memberLocation = 'home';
      r.service.consentCircumstances = 'Member called in crisis from a shelter phone.';
    },
    severity: 'warning',
    messageIncludes: 'Member called in crisis from a shelter phone.',
  },
];

describeRuleTable('nc-wellcare', ncBase, cases);

describe('nc-wellcare coding and pricing', () => {
  it('codes an individual hour as H0038, 4 units charged from the fee, expected payment unknown (no rate in the policy)', () => {
    const preview = evaluate('nc-wellcare', ncBase());
    expect(preview.lines).toEqual([
      {
        code: 'H0038',
        modifiers: [],
        procedure: 'Self-Help/Peer Services, per 15 minutes',
        units: 4,
        unitChargeCents: TEST_UNIT_CHARGE_CENTS,
        chargeCents: 4 * TEST_UNIT_CHARGE_CENTS,
        unitRateCents: null,
        expectedCents: null,
        placeOfService: '11',
      },
    ]);
    expect(preview.billable).toBe(true);
    expect(preview.problems).toEqual([]);
  });

  it('holds no rate and no placeholder: “Provider(s) shall bill their usual and customary charges” (002 Claims-Related Information g)', () => {
    expect(requirePack('nc-wellcare').rates).toEqual([]);
    expect(requirePack('nc-wellcare').rules.map((rule) => rule.id)).not.toContain(
      'nc-wellcare.rate.contracted',
    );
  });

  it('codes a group as H0038 HQ (002 HCPCS grid: "H0038 HQ … group services"), charged from the HQ fee', () => {
    const request = ncBase();
    request.service.type = 'skill_building_group';
    request.service.group = { attendees: 6, facilitatorFte: 1 };
    const [line] = evaluate('nc-wellcare', request).lines;
    expect(line).toMatchObject({
      code: 'H0038',
      modifiers: ['HQ'],
      units: 4,
      unitChargeCents: TEST_GROUP_UNIT_CHARGE_CENTS,
      chargeCents: 4 * TEST_GROUP_UNIT_CHARGE_CENTS,
      expectedCents: null,
    });
  });

  it('expects WellCare’s contracted rate once billing staff enter it in the fee schedule', () => {
    const request = ncBase();
    request.fees = request.fees.map((fee) => ({ ...fee, expectedUnitRateCents: 1500 }));
    const preview = evaluate('nc-wellcare', request);
    expect(preview.lines[0]).toMatchObject({
      chargeCents: 4 * TEST_UNIT_CHARGE_CENTS,
      unitRateCents: 1500,
      expectedCents: 6000,
    });
    expect(problemCodes(preview)).toEqual([]);
  });

  it('holds a group H0038 HQ with only the individual H0038 fee on file: “Enter the charge for H0038 HQ under WellCare …”', () => {
    const request = ncBase();
    request.service.type = 'skill_building_group';
    request.service.group = { attendees: 6, facilitatorFte: 1 };
    request.fees = request.fees.filter((fee) => fee.modifiers.length === 0);
    const preview = evaluate('nc-wellcare', request);
    expect(preview.billable).toBe(false);
    expect(preview.lines[0]).toMatchObject({ modifiers: ['HQ'], unitChargeCents: 0, chargeCents: 0 });
    const problem = preview.problems.find((candidate) => candidate.code === 'nc-wellcare.charge.present');
    expect(problem).toMatchObject({ severity: 'error', path: ['fees'] });
    expect(problem?.message).toMatch(
      new RegExp(
        `^Enter the charge for H0038 HQ under WellCare .+ from ${DATE} on the Fee schedule page\\.$`,
      ),
    );
  });

  it('charges a telehealth line from the same fee: GT does not change the price', () => {
    const request = ncBase();
    request.service.modality = 'video';
    request.service.memberLocation = 'home';
    const preview = evaluate('nc-wellcare', request);
    expect(preview.lines[0]).toMatchObject({ modifiers: ['GT'], chargeCents: 4 * TEST_UNIT_CHARGE_CENTS });
    expect(preview.billable).toBe(true);
  });
});

describe('nc-wellcare telehealth modifiers (002 Telehealth and Telephonic Claims)', () => {
  it('appends GT to a video service', () => {
    const request = ncBase();
    request.service.modality = 'video';
    request.service.memberLocation = 'home';
    const preview = evaluate('nc-wellcare', request);
    expect(preview.lines[0]?.modifiers).toEqual(['GT']);
    expect(preview.lines[0]?.placeOfService).toBe('11');
    expect(preview.billable).toBe(true);
  });

  it('appends KX to a telephone (audio-only) service with consent and identity checked', () => {
    const request = ncBase();
    request.service.modality = 'audio_only';
    request.service.memberLocation = 'home';
    request.service.identityVerified = true;
    request.member.consents.audioOnly = '2026-10-01';
    const preview = evaluate('nc-wellcare', request);
    expect(preview.lines[0]?.modifiers).toEqual(['KX']);
    expect(preview.billable).toBe(true);
  });

  it('adds neither to an in-person service', () => {
    expect(evaluate('nc-wellcare', ncBase()).lines[0]?.modifiers).toEqual([]);
  });
});

describe('nc-wellcare 24 unmanaged units, then prior authorization (002 §I.A, §I.B)', () => {
  /** One unit: a 15-minute contact. */
  function oneUnit(usedBefore: number): ClaimPreviewRequest {
    const request = ncBase();
    request.service.end = '10:15';
    request.history.episodeFiscalYearUnits = usedBefore;
    return request;
  }
  const LIMIT_RULE = 'nc-wellcare.limit.unmanaged_units';

  it('lets the 24th unit through: 23 used + 1', () => {
    const preview = evaluate('nc-wellcare', oneUnit(23));
    expect(problemCodes(preview)).not.toContain(LIMIT_RULE);
    expect(preview.billable).toBe(true);
  });

  it('needs authorization for the 25th unit: 24 used + 1', () => {
    const preview = evaluate('nc-wellcare', oneUnit(24));
    const problem = preview.problems.find((candidate) => candidate.code === LIMIT_RULE);
    expect(problem?.severity).toBe('error');
    expect(problem?.message).toContain('this member has used 24 and this note adds 1');
    expect(problem?.message).toContain('authorization: none, 0 units left');
    expect(preview.billable).toBe(false);
  });

  it('is billable past the limit with an authorization covering the date and the units', () => {
    const request = oneUnit(24);
    request.authorizations = [authorization({ units: 10, usedUnits: 9 })];
    const preview = evaluate('nc-wellcare', request);
    expect(problemCodes(preview)).not.toContain(LIMIT_RULE);
    expect(preview.billable).toBe(true);
  });

  it('covers group services (H0038 HQ) only with an authorization for H0038 HQ, not an individual one', () => {
    // Rules catalog, December 2026 review: the code and modifiers must match.
    const request = oneUnit(24);
    request.service.type = 'skill_building_group';
    request.service.group = { attendees: 6, facilitatorFte: 1 };
    request.authorizations = [authorization({ units: 10 })];
    const held = evaluate('nc-wellcare', request);
    expect(held.lines[0]).toMatchObject({ code: 'H0038', modifiers: ['HQ'] });
    expect(problemCodes(held)).toContain(LIMIT_RULE);
    expect(held.billable).toBe(false);
    request.authorizations = [
      authorization({ units: 10 }),
      authorization({ number: 'PA-GROUP', modifiers: ['HQ'], units: 10, usedUnits: 9 }),
    ];
    const claimed = evaluate('nc-wellcare', request);
    expect(problemCodes(claimed)).not.toContain(LIMIT_RULE);
    expect(claimed.billable).toBe(true);
    // …and the group authorization does not cover an individual service.
    const individual = oneUnit(24);
    individual.authorizations = [authorization({ number: 'PA-GROUP', modifiers: ['HQ'] })];
    expect(problemCodes(evaluate('nc-wellcare', individual))).toContain(LIMIT_RULE);
  });

  it('refuses an authorization that has expired before the date of service', () => {
    const request = oneUnit(24);
    request.authorizations = [authorization({ to: '2026-11-17' })];
    expect(problemCodes(evaluate('nc-wellcare', request))).toContain(LIMIT_RULE);
  });

  it('refuses an authorization whose units are used up', () => {
    const request = oneUnit(24);
    request.authorizations = [authorization({ units: 10, usedUnits: 10 })];
    const problem = evaluate('nc-wellcare', request).problems.find(
      (candidate) => candidate.code === LIMIT_RULE,
    );
    expect(problem?.severity).toBe('error');
    expect(problem?.message).toContain('authorization: PA-2027-001, 0 units left');
  });

  it('refuses an authorization with fewer units left than the note bills', () => {
    const request = ncBase(); // 4 units
    request.history.episodeFiscalYearUnits = 24;
    request.authorizations = [authorization({ units: 10, usedUnits: 7 })];
    expect(problemCodes(evaluate('nc-wellcare', request))).toContain(LIMIT_RULE);
  });

  it('reports the room left under the limit', () => {
    const request = ncBase();
    request.history.episodeFiscalYearUnits = 10;
    expect(evaluate('nc-wellcare', request).limits).toEqual([
      {
        id: 'unmanaged_units',
        label: 'Unmanaged units this state fiscal year',
        period: 'episode_state_fiscal_year',
        limit: 24,
        usedBefore: 10,
        thisService: 4,
        remaining: 10,
        unit: 'units',
      },
    ]);
  });

  it('takes the state fiscal year and episode from the caller’s history, not from the date', () => {
    // The caller restarts history.episodeFiscalYearUnits on July 1 (SFY 2027 starts 2026-07-01), and at a new
    // episode only when unmanagedUnitsRenewPerEpisode is on; the engine only adds this service to what it is given, on either side of the boundary.
    expect(stateFiscalYear('2026-06-30').year).toBe(2026);
    expect(stateFiscalYear('2026-07-01').year).toBe(2027);
    const lastDay = oneUnit(24);
    lastDay.service.dateOfService = '2026-06-30';
    lastDay.service.signedOn = '2026-06-30';
    lastDay.member.eligibilityVerifiedOn = ['2026-06-30'];
    expect(problemCodes(evaluate('nc-wellcare', lastDay))).toContain(LIMIT_RULE);
    const firstDay = oneUnit(0);
    firstDay.service.dateOfService = '2026-07-01';
    firstDay.service.signedOn = '2026-07-01';
    firstDay.member.eligibilityVerifiedOn = ['2026-07-01'];
    expect(problemCodes(evaluate('nc-wellcare', firstDay))).not.toContain(LIMIT_RULE);
  });
});

describe('nc-wellcare EPSDT: limits may be exceeded under 21, prior approval still required (002 EPSDT)', () => {
  const LIMIT_RULE = 'nc-wellcare.limit.unmanaged_units';
  const EPSDT_RULE = 'nc-wellcare.epsdt.prior_approval';
  const severityOf = (request: ClaimPreviewRequest, code: string): string | undefined =>
    evaluate('nc-wellcare', request).problems.find((problem) => problem.code === code)?.severity;

  function pastTheLimit(): ClaimPreviewRequest {
    const request = ncBase();
    request.history.episodeFiscalYearUnits = 24;
    return request;
  }

  it('downgrades the limit edit to a warning for a member under 21 with an EPSDT justification', () => {
    const request = pastTheLimit();
    epsdtMember(request);
    expect(severityOf(request, LIMIT_RULE)).toBe('warning');
  });

  it('still blocks the line until prior approval covers it', () => {
    const request = pastTheLimit();
    epsdtMember(request);
    expect(severityOf(request, EPSDT_RULE)).toBe('error');
    expect(evaluate('nc-wellcare', request).billable).toBe(false);
    request.authorizations = [authorization()];
    const preview = evaluate('nc-wellcare', request);
    expect(problemCodes(preview)).not.toContain(LIMIT_RULE);
    expect(problemCodes(preview)).not.toContain(EPSDT_RULE);
    expect(preview.billable).toBe(true);
  });

  it('keeps the limit an error without an EPSDT justification', () => {
    const request = pastTheLimit();
    epsdtMember(request);
    request.service.epsdtJustification = undefined;
    expect(severityOf(request, LIMIT_RULE)).toBe('error');
    expect(severityOf(request, EPSDT_RULE)).toBeUndefined();
  });

  it('keeps the limit an error for a member who is 21 on the date of service', () => {
    const request = pastTheLimit();
    epsdtMember(request);
    request.member.dateOfBirth = '2005-11-18';
    expect(severityOf(request, LIMIT_RULE)).toBe('error');
    expect(severityOf(request, EPSDT_RULE)).toBeUndefined();
  });

  it('says nothing under the limit, justification or not', () => {
    const request = ncBase();
    epsdtMember(request);
    expect(problemCodes(evaluate('nc-wellcare', request))).toEqual([]);
  });
});

describe('nc-wellcare §II: every activity not covered maps to an error or a recorded choice (002 Policy/Criteria II)', () => {
  /** Each §II item and what answers it: a rule of the table (an error), or for E the recorded choice. */
  const SECTION_II: Readonly<Record<string, { rule: string } | { setting: string }>> = {
    A: { rule: 'nc-wellcare.not_covered.transportation' },
    B: { rule: 'nc-wellcare.not_covered.habilitation' },
    C: { rule: 'nc-wellcare.not_covered.recreation' },
    D: { rule: 'nc-wellcare.not_covered.peer_supervision' },
    E: { setting: 'servicesNotRendered' },
    F: { rule: 'nc-wellcare.not_covered.childcare' },
    G: { rule: 'nc-wellcare.not_covered.academic_teaching' },
    H: { rule: 'nc-wellcare.coverage.in_plan' },
    // "Services provided without prior authorization": past the unmanaged units, the limit edit asks for one.
    I: { rule: 'nc-wellcare.limit.unmanaged_units' },
    J: { rule: 'nc-wellcare.not_covered.family_unrelated' },
    K: { rule: 'nc-wellcare.not_covered.room_and_board' },
  };
  const pack = requirePack('nc-wellcare');

  it('lists the items A to K of the policy once each', () => {
    expect(Object.keys(SECTION_II)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K']);
  });

  it.each(Object.entries(SECTION_II))(
    'answers §II.%s with an error the rule table tests both ways',
    (letter, answer) => {
      if ('setting' in answer) {
        return;
      }
      const rule = pack.rules.find((candidate) => candidate.id === answer.rule);
      expect(rule?.severity, letter).toBe('error');
      expect(cases.some((row) => row.rule === answer.rule)).toBe(true);
    },
  );

  it('cites each activity error to its own §II item', () => {
    for (const [letter, answer] of Object.entries(SECTION_II)) {
      if ('rule' in answer && answer.rule.startsWith('nc-wellcare.not_covered.')) {
        const rule = pack.rules.find((candidate) => candidate.id === answer.rule);
        expect(rule?.citation.section).toBe(`Policy/Criteria II.${letter}`);
      }
    }
  });

  it('records §II.E "services not rendered" as a choice met by billing signed notes only [choice]', () => {
    expect(pack.settings['servicesNotRendered']).toMatchObject({
      value: 'signed_note_attests',
      choice: true,
      citation: { section: 'Policy/Criteria II.E', quote: 'Covered services that have not been rendered' },
    });
    // No invented check: no rule reads the setting, and no rule is cited to II.E.
    const read = pack.rules.flatMap((rule) =>
      [rule.when, rule.require, rule.warningWhen].flatMap((condition) =>
        condition === undefined ? [] : factsOf(condition),
      ),
    );
    expect(read).not.toContain('settings.servicesNotRendered');
    expect(pack.rules.filter((rule) => rule.citation.section === 'Policy/Criteria II.E')).toEqual([]);
    // What does stand for it: a draft (unsigned) note is refused, a signed one is not.
    const signed = ncBase();
    expect(problemCodes(evaluate('nc-wellcare', signed))).not.toContain('nc-wellcare.note.signed');
    signed.service.signedOn = undefined;
    expect(problemCodes(evaluate('nc-wellcare', signed))).toContain('nc-wellcare.note.signed');
  });
});

describe('nc-wellcare claim type (002 Claims-Related Information)', () => {
  it('bills on the professional claim (837P / CMS-1500)', () => {
    const pack = requirePack('nc-wellcare');
    expect(ncWellcare.claimType).toBe('professional');
    expect(pack.claimType).toBe('professional');
    expect(pack.description).toContain('professional claim (837P)');
  });
});
