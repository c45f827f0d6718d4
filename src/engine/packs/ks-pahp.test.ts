/**
 * ks-pahp: the Kansas Mental Health PAHP contract's Peer Support definition (seed 003). Each row names the
 * contract section it checks and is tested both ways from one billable base service.
 */
import { describe, expect, it } from 'vitest';
import { evaluateStaffRules } from '../index.js';
import { factsOf } from '../rules/conditions.js';
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

const DATE = '2026-11-18';

/**
 * A billable individual H0038 hour in Kansas: a qualified, Kansas-certified, supervised peer; an adult member;
 * at the member's home, in person; signed the same day.
 */
function ksBase(): ClaimPreviewRequest {
  return parseRequest({
    service: {
      dateOfService: DATE,
      type: 'engagement',
      start: '10:00',
      end: '11:00',
      modality: 'in_person',
      placeOfService: '12',
      signedOn: DATE,
    },
    member: {
      dateOfBirth: '1990-04-02',
      coverage: [{ payerPack: 'ks-pahp', memberId: 'ZZKS00000001', from: '2026-01-01', to: null }],
      functionalAssessmentOn: '2026-01-05',
      medicalNecessityOn: '2026-01-05',
    },
    staff: {
      certification: { type: 'kansas_peer', issuedOn: '2025-01-01', expiresOn: '2027-01-01' },
      dateOfBirth: '1985-06-01',
      highSchoolDiploma: true,
      livedExperience: true,
      hasAssignedSupervisor: true,
      clinicalSupervisorQualification: 'qmhp',
    },
    program: { type: 'mh_outpatient' },
    fees: feesForPack('ks-pahp'),
  });
}

/** A group of `attendees` members with `fte` facilitators. */
function asGroup(request: ClaimPreviewRequest, attendees = 6, fte = 1): void {
  request.service.type = 'skill_building_group';
  request.service.group = { attendees, facilitatorFte: fte };
}

/** A member aged 16 on the date of service. */
function youth(request: ClaimPreviewRequest): void {
  request.member.dateOfBirth = '2010-06-01';
  request.service.familyCoordinationDocumented = true;
}

const CONTRACT = '003 Kansas PAHP';

const cases: RuleCase[] = [
  ...commonRuleCases({
    prefix: 'ks-pahp',
    uncoveredService: (r) => void (r.service.type = 'contingency_management'),
  }),
  {
    source: `${CONTRACT} Definition: face-to-face with the consumer present — no family-only contacts`,
    rule: 'ks-pahp.face_to_face.member_present',
    fail: (r) => void (r.service.recipient = 'family_without_member'),
  },
  {
    source: `${CONTRACT} Definition: face-to-face — no audio-only contacts`,
    rule: 'ks-pahp.face_to_face.audio_only',
    fail: (r) => {
      r.service.modality = 'audio_only';
      r.service.memberLocation = 'home';
    },
  },
  {
    source: `${CONTRACT} Definition: "PS is a face-to-face intervention with the consumer present" — video is an error`,
    rule: 'ks-pahp.face_to_face.video',
    fail: (r) => {
      r.service.modality = 'video';
      r.service.memberLocation = 'home';
    },
    severity: 'error',
  },
  {
    source: `${CONTRACT} Ratio: the group's size and facilitators are recorded`,
    rule: 'ks-pahp.group.size_recorded',
    pass: (r) => asGroup(r),
    fail: (r) => void (r.service.type = 'skill_building_group'),
  },
  {
    source: `${CONTRACT} Ratio: 1 FTE to 8 consumers is maximum group size`,
    rule: 'ks-pahp.group.ratio',
    pass: (r) => asGroup(r, 8, 1),
    fail: (r) => asGroup(r, 9, 1),
    messageIncludes: 'this group had 9 members for 1 facilitator FTE (9 each)',
  },
  {
    source: `${CONTRACT} Limitations: 750 hours of group services per calendar year, then prior authorization`,
    rule: 'ks-pahp.limit.group_hours',
    pass: (r) => {
      asGroup(r);
      r.history.calendarYearGroupHours = 749;
    },
    fail: (r) => {
      asGroup(r);
      r.history.calendarYearGroupHours = 749.5;
    },
    messageIncludes: 'this member has used 749.5 hours and this note adds 1',
  },
  {
    source: `${CONTRACT} Provider Qualifications: at least 18 years old`,
    rule: 'ks-pahp.staff.age',
    pass: (r) => void (r.staff.dateOfBirth = '2008-11-18'),
    fail: (r) => void (r.staff.dateOfBirth = '2008-11-19'),
    messageIncludes: 'your age on this date of service is 17',
  },
  {
    source: `${CONTRACT} Provider Qualifications: a high school diploma or equivalent`,
    rule: 'ks-pahp.staff.high_school',
    fail: (r) => void (r.staff.highSchoolDiploma = false),
  },
  {
    source: `${CONTRACT} Provider Qualifications: certification in the State of Kansas`,
    rule: 'ks-pahp.staff.kansas_certified',
    fail: (r) => void (r.staff.certification = { type: 'north_carolina_peer', expiresOn: '2027-01-01' }),
    messageIncludes: 'north_carolina_peer',
  },
  {
    source: `${CONTRACT} Provider Qualifications: self-identified present or former consumer of MH services`,
    rule: 'ks-pahp.staff.lived_experience',
    fail: (r) => void (r.staff.livedExperience = false),
  },
  {
    source: `${CONTRACT} Provider Qualifications: at least three years older than a consumer under 18`,
    rule: 'ks-pahp.staff.older_than_youth',
    pass: (r) => {
      youth(r);
      r.staff.dateOfBirth = '2007-06-01';
    },
    fail: (r) => {
      youth(r);
      r.staff.dateOfBirth = '2007-06-02';
    },
    messageIncludes: 'you are 2 years older',
  },
  {
    source: `${CONTRACT} Additional Service Criteria 1: coordination with family/guardian for children and youth`,
    rule: 'ks-pahp.youth.family_coordination',
    pass: (r) => youth(r),
    fail: (r) => {
      youth(r);
      r.service.familyCoordinationDocumented = false;
    },
    messageIncludes: 'This member is 16',
  },
  {
    source: `${CONTRACT} Definition: activities achieve goals in the individualized treatment plan`,
    rule: 'ks-pahp.plan.treatment_plan_goal',
    fail: (r) => void (r.service.interventionInPlan = false),
  },
  {
    source: `${CONTRACT} Additional Service Criteria 2: supervised by a Peer Support Supervisor (warning on claims) [choice]`,
    rule: 'ks-pahp.supervision.assigned',
    fail: (r) => void (r.staff.hasAssignedSupervisor = false),
    severity: 'warning',
  },
  {
    source: `${CONTRACT} Additional Service Criteria 2: an assigned Peer Support Supervisor (staff rule)`,
    rule: 'ks-pahp.staff.supervisor_assigned',
    fail: (r) => void (r.staff.hasAssignedSupervisor = false),
  },
  {
    source: `${CONTRACT} Eligibility Criteria: "Meets functional assessment criteria for target population"`,
    rule: 'ks-pahp.eligibility.functional_assessment',
    pass: (r) => void (r.member.functionalAssessmentOn = DATE),
    fail: (r) => void (r.member.functionalAssessmentOn = undefined),
    messageIncludes: 'Record on the member’s page',
  },
  {
    source: `${CONTRACT} Eligibility Criteria: functional assessment determined only after the date of service`,
    rule: 'ks-pahp.eligibility.functional_assessment',
    fail: (r) => void (r.member.functionalAssessmentOn = '2026-11-19'),
  },
  {
    source: `${CONTRACT} Eligibility Criteria: "Meets Medical Necessity criteria for rehabilitation services"`,
    rule: 'ks-pahp.eligibility.medical_necessity',
    pass: (r) => void (r.member.medicalNecessityOn = DATE),
    fail: (r) => void (r.member.medicalNecessityOn = undefined),
    messageIncludes: 'medical necessity criteria for rehabilitation services',
  },
  {
    source: `${CONTRACT} Additional Service Criteria 2: clinical supervision from a QMHP or LMHP (staff rule)`,
    rule: 'ks-pahp.staff.clinical_supervision',
    pass: (r) => void (r.staff.clinicalSupervisorQualification = 'lmhp'),
    fail: (r) => void (r.staff.clinicalSupervisorQualification = undefined),
    messageIncludes: 'record your clinical supervisor and their qualification',
  },
];

describeRuleTable('ks-pahp', ksBase, cases);

describe('ks-pahp coding and pricing (003 Reimbursement and Coding Summary)', () => {
  it('codes an individual hour as H0038, 4 units charged from the fee, expected at the contract’s $11.75 = $47.00', () => {
    const preview = evaluate('ks-pahp', ksBase());
    expect(preview.lines).toEqual([
      {
        code: 'H0038',
        modifiers: [],
        procedure: 'PS - Individual',
        units: 4,
        unitChargeCents: TEST_UNIT_CHARGE_CENTS,
        chargeCents: 4 * TEST_UNIT_CHARGE_CENTS,
        unitRateCents: 1175,
        expectedCents: 4700,
        placeOfService: '12',
      },
    ]);
    expect(preview.problems).toEqual([]);
  });

  it('codes a group hour as H0038 HQ, 4 units charged from the HQ fee, expected at $4.37 = $17.48', () => {
    const request = ksBase();
    asGroup(request);
    const preview = evaluate('ks-pahp', request);
    expect(preview.lines).toEqual([
      {
        code: 'H0038',
        modifiers: ['HQ'],
        procedure: 'PS - Group',
        units: 4,
        unitChargeCents: TEST_GROUP_UNIT_CHARGE_CENTS,
        chargeCents: 4 * TEST_GROUP_UNIT_CHARGE_CENTS,
        unitRateCents: 437,
        expectedCents: 1748,
        placeOfService: '12',
      },
    ]);
    expect(preview.billable).toBe(true);
  });

  it('expects the fee schedule’s rate, when it gives one, over the contract’s', () => {
    const request = ksBase();
    request.fees = request.fees.map((fee) => ({
      ...fee,
      expectedUnitRateCents: fee.modifiers.includes('HQ') ? 450 : 1200,
    }));
    expect(evaluate('ks-pahp', request).lines[0]).toMatchObject({ unitRateCents: 1200, expectedCents: 4800 });
    asGroup(request);
    expect(evaluate('ks-pahp', request).lines[0]).toMatchObject({ unitRateCents: 450, expectedCents: 1800 });
  });

  it('never prices a group H0038 HQ from the individual H0038 fee: with only that on file, the charge is an error', () => {
    const request = ksBase();
    asGroup(request);
    request.fees = request.fees.filter((fee) => fee.modifiers.length === 0);
    const preview = evaluate('ks-pahp', request);
    expect(preview.billable).toBe(false);
    expect(preview.lines[0]).toMatchObject({ modifiers: ['HQ'], unitChargeCents: 0, chargeCents: 0 });
    const problem = preview.problems.find((candidate) => candidate.code === 'ks-pahp.charge.present');
    expect(problem).toMatchObject({ severity: 'error', path: ['fees'] });
    expect(problem?.message).toBe(
      `Enter the charge for H0038 HQ under ${requirePack('ks-pahp').name} from ${DATE} on the Fee schedule page.`,
    );
  });
});

describe('ks-pahp face to face (003 Definition)', () => {
  it('refuses video by default, and bills it with a warning when the setting videoCountsAsFaceToFace is on', () => {
    const request = ksBase();
    request.service.modality = 'video';
    request.service.memberLocation = 'home';
    const strict = evaluate('ks-pahp', request);
    expect(strict.billable).toBe(false);
    expect(
      strict.problems.find((candidate) => candidate.code === 'ks-pahp.face_to_face.video')?.severity,
    ).toBe('error');
    request.settings = { videoCountsAsFaceToFace: true };
    const relaxed = evaluate('ks-pahp', request);
    expect(relaxed.billable).toBe(true);
    expect(
      relaxed.problems.find((candidate) => candidate.code === 'ks-pahp.face_to_face.video')?.severity,
    ).toBe('warning');
  });
});

describe('ks-pahp group ratio (003 "1 FTE to 8 consumers")', () => {
  it('counts members per facilitator FTE: 16 members with 2 FTE is within the ratio, 17 is not', () => {
    const request = ksBase();
    asGroup(request, 16, 2);
    expect(problemCodes(evaluate('ks-pahp', request))).not.toContain('ks-pahp.group.ratio');
    asGroup(request, 17, 2);
    expect(problemCodes(evaluate('ks-pahp', request))).toContain('ks-pahp.group.ratio');
  });
});

describe('ks-pahp 750 group hours per calendar year, then prior authorization (003 Limitations)', () => {
  const LIMIT_RULE = 'ks-pahp.limit.group_hours';

  function groupHour(usedBefore: number): ClaimPreviewRequest {
    const request = ksBase();
    asGroup(request);
    request.history.calendarYearGroupHours = usedBefore;
    return request;
  }

  it('lets the 750th hour through: 749 + 1 hour', () => {
    const preview = evaluate('ks-pahp', groupHour(749));
    expect(problemCodes(preview)).not.toContain(LIMIT_RULE);
    expect(preview.limits).toEqual([
      expect.objectContaining({
        id: 'group_hours',
        limit: 750,
        usedBefore: 749,
        thisService: 1,
        remaining: 0,
      }),
    ]);
  });

  it('needs authorization past 750: 749.5 + 1 hour', () => {
    const preview = evaluate('ks-pahp', groupHour(749.5));
    const problem = preview.problems.find((candidate) => candidate.code === LIMIT_RULE);
    expect(problem?.severity).toBe('error');
    expect(preview.billable).toBe(false);
    expect(preview.limits[0]).toMatchObject({
      usedBefore: 749.5,
      thisService: 1,
      remaining: -0.5,
      unit: 'hours',
    });
  });

  it('is billable past 750 with a group (H0038 HQ) authorization covering the date and the units', () => {
    const request = groupHour(749.5);
    const group = {
      number: 'KS-PA-1',
      code: 'H0038',
      modifiers: ['HQ'],
      from: '2026-01-01',
      to: '2026-12-31',
    };
    request.authorizations = [{ ...group, units: 40, usedUnits: 36 }];
    expect(problemCodes(evaluate('ks-pahp', request))).not.toContain(LIMIT_RULE);
    request.authorizations = [{ ...group, units: 40, usedUnits: 37 }];
    expect(problemCodes(evaluate('ks-pahp', request))).toContain(LIMIT_RULE);
  });

  it('holds group services past 750 that only an individual H0038 authorization would cover', () => {
    // Rules catalog, December 2026 review: an H0038 authorization does not cover H0038 HQ group services.
    const request = groupHour(749.5);
    request.authorizations = [
      {
        number: 'KS-PA-1',
        code: 'H0038',
        modifiers: [],
        units: 40,
        usedUnits: 0,
        from: '2026-01-01',
        to: '2026-12-31',
      },
    ];
    const preview = evaluate('ks-pahp', request);
    expect(preview.lines[0]).toMatchObject({ code: 'H0038', modifiers: ['HQ'] });
    expect(problemCodes(preview)).toContain(LIMIT_RULE);
    expect(preview.billable).toBe(false);
  });

  // Rules catalog, December 2026 review: "hours count billed units × 15 minutes, not direct minutes".
  it('counts a group’s billed units × 15 minutes, not its direct minutes, past the limit', () => {
    // 38 direct minutes (0.63 h) are 3 units, 0.75 h: 749.3 + 0.75 is over 750, though 749.3 + 0.63 is not.
    const request = groupHour(749.3);
    request.service.end = '10:38';
    const preview = evaluate('ks-pahp', request);
    expect(preview.lines[0]?.units).toBe(3);
    expect(preview.limits[0]).toMatchObject({ usedBefore: 749.3, thisService: 0.75, remaining: -0.05 });
    expect(problemCodes(preview)).toContain(LIMIT_RULE);
  });

  it('counts a group’s billed units × 15 minutes, not its direct minutes, within the limit', () => {
    // 52 direct minutes (0.87 h) are 3 units, 0.75 h: 749.2 + 0.75 is within 750, though 749.2 + 0.87 is not.
    const request = groupHour(749.2);
    request.service.end = '10:52';
    const preview = evaluate('ks-pahp', request);
    expect(preview.lines[0]?.units).toBe(3);
    expect(preview.limits[0]).toMatchObject({ usedBefore: 749.2, thisService: 0.75, remaining: 0.05 });
    expect(problemCodes(preview)).not.toContain(LIMIT_RULE);
  });

  it('does not count individual services against the group hours', () => {
    const request = ksBase();
    request.history.calendarYearGroupHours = 750;
    const preview = evaluate('ks-pahp', request);
    expect(problemCodes(preview)).not.toContain(LIMIT_RULE);
    expect(preview.limits).toEqual([
      expect.objectContaining({ id: 'group_hours', usedBefore: 750, thisService: 0, remaining: 0 }),
    ]);
  });
});

describe('ks-pahp Peer Support Supervisor (003 Additional Service Criteria 2)', () => {
  it('is a staff-compliance error when no supervisor is assigned', () => {
    const request = ksBase();
    expect(evaluateStaffRules(requirePack('ks-pahp'), request)).toEqual([]);
    request.staff.hasAssignedSupervisor = false;
    const problems = evaluateStaffRules(requirePack('ks-pahp'), request);
    expect(problems.map((problem) => [problem.code, problem.severity])).toEqual([
      ['ks-pahp.staff.supervisor_assigned', 'error'],
    ]);
  });

  it('does not block claims unless the setting supervisorRequiredToBill is on [choice]', () => {
    const request = ksBase();
    request.staff.hasAssignedSupervisor = false;
    expect(evaluate('ks-pahp', request).billable).toBe(true);
    request.settings = { supervisorRequiredToBill: true };
    const preview = evaluate('ks-pahp', request);
    expect(preview.billable).toBe(false);
    expect(
      preview.problems.find((problem) => problem.code === 'ks-pahp.supervision.assigned')?.severity,
    ).toBe('error');
  });
});

describe('ks-pahp community contacts (003 Definition: "The majority of PS contacts …")', () => {
  it('is a program-level setting that no claim rule reads [choice]', () => {
    const pack = requirePack('ks-pahp');
    expect(pack.settings.minCommunityContactShare).toMatchObject({ value: 0.5, choice: true });
    const read = pack.rules.flatMap((rule) =>
      [rule.when, rule.require, rule.warningWhen].flatMap((condition) =>
        condition === undefined ? [] : factsOf(condition),
      ),
    );
    expect(read).not.toContain('settings.minCommunityContactShare');
  });
});
