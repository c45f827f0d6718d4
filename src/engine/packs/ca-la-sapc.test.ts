/**
 * ca-la-sapc: the Los Angeles County SAPC Peer Support Services Guide (seed 004) on top of DHCS Service
 * Table 5 (seed 000). Each row names the source line it checks and is tested both ways from one billable base
 * service; the inherited ca-dhcs rules have rows too, since the runner wants every claim rule of the pack.
 */
import { describe, expect, it } from 'vitest';
import type { ClaimPreviewRequest } from '../../shared/api/claims.js';
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
import { evaluateStaffRules } from '../index.js';

/**
 * A billable H0038 hour in a DMC-ODS outpatient program: certified peer, member covered by SAPC with a Plan
 * of Care approved by a Behavioral Health Professional and written in an earlier Plan of Care note, a complete
 * PIN note, office, signed the same day.
 */
/** The plan of care of 004's "Initial Plan of Care Note Example", complete. */
function completePlanOfCare(): NonNullable<ClaimPreviewRequest['service']['planOfCare']> {
  return {
    kind: 'new',
    longTermGoalsInMemberWords: 'quit using these drugs and protect my job. My family needs me.',
    shortTermGoals: [
      { text: 'Meet with the Peer Support Specialist this week for 30 minutes', targetDate: '2026-11-20' },
      { text: 'Reduce use from 3 pills a day to 2 for the next week', targetDate: '2026-11-25' },
    ],
    memberParticipated: true,
    memberAgreed: true,
  };
}

function caLaSapcBase(): ClaimPreviewRequest {
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
        plan: 'Member working on reducing methamphetamine use and moving to a new treatment team',
        interaction: 'Listened to his worries about the new facility; talked through past transitions',
        nextSteps: 'Peer to set up a warm handoff; member to build a wellness toolbox',
      },
    },
    member: {
      dateOfBirth: '1990-04-02',
      coverage: [{ payerPack: 'ca-la-sapc', memberId: 'ZZLA00000001', from: '2026-01-01', to: null }],
      carePlan: {
        approvedOn: '2026-10-01',
        approverRole: 'behavioral_health_professional',
        effectiveFrom: '2026-10-01',
      },
      firstPlanOfCareNoteOn: '2026-10-01',
    },
    staff: {
      certification: { type: 'medi_cal_peer', issuedOn: '2025-01-01', expiresOn: '2027-01-01' },
      dateOfBirth: '1985-06-01',
      taxonomy: '175T00000X',
    },
    program: { type: 'dmc_ods_outpatient' },
    fees: feesForPack('ca-la-sapc'),
  });
}

const GUIDE = '004 guide';
const TABLE = '000 Service Table 5';

const cases: RuleCase[] = [
  ...commonRuleCases({ prefix: 'ca-dhcs', uncoveredService: null }),
  // Inherited from ca-dhcs: common to every pack.
  {
    source: 'Common: coverage for the payer on the date of service (SAPC, not statewide)',
    rule: 'ca-dhcs.member.covered',
    fail: (r) =>
      void (r.member.coverage = [{ payerPack: 'ca-dhcs', memberId: 'ZZCA1', from: '2026-01-01', to: null }]),
  },
  {
    source: `Common / ${GUIDE} Engagement Examples, Note: telehealth notes state where the member was`,
    rule: 'ca-dhcs.telehealth.member_location',
    pass: (r) => {
      r.service.modality = 'audio_only';
      r.service.memberLocation = 'community';
    },
    fail: (r) => void (r.service.modality = 'audio_only'),
  },
  // Inherited from ca-dhcs: Service Table 5 (Los Angeles checks two of them its own way below too).
  ...rowsForPack('ca-la-sapc', caDhcsTableCases()),
  {
    source: `${TABLE} / ${GUIDE} rate table: Maximum units that can be billed — 96`,
    rule: 'ca-dhcs.units.daily_max',
    pass: (r) => void (r.history.unitsSameDayByCode = { H0038: 92, H0050: 92 }),
    fail: (r) => {
      r.service.type = 'contingency_management';
      r.history.unitsSameDayByCode = { H0050: 93 };
    },
    messageIncludes: 'H0050 allows 96 units a day',
  },
  {
    source: '004 Documentation: services are based on an approved, individualized Plan of Care',
    rule: 'ca-la-sapc.care_plan.approved',
    pass: (r) => {
      // The Plan of Care note itself is the first peer note: it is not refused for lacking a plan.
      r.member.carePlan = { approvedOn: '2026-11-19', approverRole: 'peer_support_supervisor' };
      r.service.planOfCare = completePlanOfCare();
    },
    fail: (r) =>
      void (r.member.carePlan = { approvedOn: '2026-11-19', approverRole: 'peer_support_supervisor' }),
  },
  {
    source: '004 Plan of Care Examples: the Plan of Care should be the first progress note entered',
    rule: 'ca-la-sapc.plan_of_care.first_note',
    // A Plan of Care note the same day counts as first (notes carry no order within a day).
    pass: (r) => void (r.member.firstPlanOfCareNoteOn = '2026-11-18'),
    fail: (r) => void (r.member.firstPlanOfCareNoteOn = '2026-11-19'),
    messageIncludes:
      'no signed Plan of Care note on or before 2026-11-18 (first Plan of Care note: 2026-11-19)',
  },
  {
    source: '004 Documentation: the Plan of Care is approved/signed by a BHP or a PSS Supervisor',
    rule: 'ca-la-sapc.plan_of_care.approved',
    pass: (r) => {
      r.member.carePlan = { approvedOn: '2026-11-20', approverRole: 'behavioral_health_professional' };
      r.service.planOfCare = completePlanOfCare();
    },
    fail: (r) => {
      r.member.carePlan = undefined;
      r.service.planOfCare = completePlanOfCare();
    },
  },
  {
    source:
      '004 Documentation and Plan of Care examples: goals in the member’s words, S.M.A.R.T. goals, participation',
    rule: 'ca-la-sapc.plan_of_care.content',
    pass: (r) => void (r.service.planOfCare = completePlanOfCare()),
    fail: (r) =>
      void (r.service.planOfCare = {
        ...completePlanOfCare(),
        shortTermGoals: [{ text: 'Cut down use' }],
        memberAgreed: false,
      }),
    messageIncludes: 'S.M.A.R.T. short-term goals, each with a target date, that the member agreed',
  },
  {
    source: `${GUIDE} Documentation: progress notes within three (3) business days; late ones need a reason`,
    rule: 'ca-dhcs.note.late_reason',
    pass: (r) => {
      r.service.signedOn = '2026-11-25';
      r.service.lateReason = 'Out sick';
    },
    fail: (r) => void (r.service.signedOn = '2026-11-24'),
    messageIncludes: 'due on 2026-11-23',
  },
  // Los Angeles County's own rules.
  {
    source: `${GUIDE} rate table: ASAM 1.0 outpatient codes only (other levels of care in the SAPC matrix) [choice]`,
    rule: 'ca-la-sapc.procedure.covered',
    pass: (r) => void (r.service.type = 'contingency_management'),
    fail: (r) => void (r.program.type = 'residential'),
    messageIncludes: 'ASAM 1.0 outpatient',
  },
  {
    source: `${GUIDE} Scope of Practice: only Certified Medi-Cal Peer Support Specialists`,
    rule: 'ca-la-sapc.discipline.peer',
    pass: (r) =>
      void (r.staff.certification = {
        type: 'medi_cal_peer_family',
        issuedOn: '2025-01-01',
        expiresOn: '2027-01-01',
      }),
    fail: (r) => {
      r.service.type = 'contingency_management';
      r.staff.certification = { type: 'north_carolina_peer', expiresOn: '2027-01-01' };
    },
    messageIncludes: 'north_carolina_peer',
  },
  {
    source: `${GUIDE} rate table: ASAM 1.0 (U7, HF); ${TABLE}: HK SC`,
    rule: 'ca-la-sapc.modifiers.allowed',
    pass: (r) => void (r.service.modifiers = ['SC']),
    fail: (r) => void (r.service.modifiers = ['GT']),
    messageIncludes: 'U7, HF, HK, SC',
  },
  {
    source: `${GUIDE}: HF identifies Contingency Management Services`,
    rule: 'ca-la-sapc.modifiers.hf_contingency_management',
    pass: (r) => void (r.service.type = 'contingency_management'),
    fail: (r) => void (r.service.modifiers = ['HF']),
    messageIncludes: 'recorded as engagement',
  },
  {
    source: `${GUIDE} Documentation: Plan of Care approved/signed by a BH Professional or Peer Support Specialist Supervisor`,
    rule: 'ca-la-sapc.care_plan.approver_role',
    pass: (r) =>
      void (r.member.carePlan = {
        approvedOn: '2026-10-01',
        approverRole: 'peer_support_supervisor',
        effectiveFrom: '2026-10-01',
      }),
    fail: (r) =>
      void (r.member.carePlan = {
        approvedOn: '2026-10-01',
        approverRole: 'other',
        effectiveFrom: '2026-10-01',
      }),
    messageIncludes: 'recorded as other',
  },
  {
    source: `${GUIDE} Documentation: the progress note says when the Plan of Care was updated or reviewed`,
    rule: 'ca-la-sapc.care_plan.review_due',
    // Due for review on the date of service itself: not yet passed.
    pass: (r) => void (r.member.carePlan = { ...r.member.carePlan, reviewOn: '2026-11-18' }),
    fail: (r) => void (r.member.carePlan = { ...r.member.carePlan, reviewOn: '2026-11-17' }),
    messageIncludes: 'due for review on 2026-11-17',
  },
  {
    source: `${GUIDE} Quick Tip!: PIN — Plan of Care, Interaction, Next steps`,
    rule: 'ca-la-sapc.note.pin',
    fail: (r) => {
      r.service.pin.plan = '';
      r.service.pin.nextSteps = ' ';
    },
    messageIncludes: 'PIN part(s): Plan, Next steps',
  },
  {
    source: `${GUIDE} Scope of Practice: supervisory training within sixty (60) days (staff rule)`,
    rule: 'ca-la-sapc.staff.supervisor_training',
    pass: (r) => void (r.staff.supervision = { startedOn: '2026-09-01', trainingCompletedOn: '2026-10-31' }),
    // Supervising since 1 September, untrained on 18 November: the 60 days ended on 31 October.
    fail: (r) => void (r.staff.supervision = { startedOn: '2026-09-01' }),
    messageIncludes: 'yours is due by 2026-10-31',
  },
];

describeRuleTable('ca-la-sapc', caLaSapcBase, cases);

describe('ca-la-sapc coding and pricing (004 rate table, ASAM 1.0)', () => {
  it('codes an individual hour as H0038 U7, 4 units charged from the fee, expected at SAPC’s $46.67', () => {
    const preview = evaluate('ca-la-sapc', caLaSapcBase());
    expect(preview.lines).toEqual([
      {
        code: 'H0038',
        modifiers: ['U7'],
        procedure: 'Self-help/Peer Services',
        units: 4,
        unitChargeCents: TEST_UNIT_CHARGE_CENTS,
        chargeCents: 4 * TEST_UNIT_CHARGE_CENTS,
        unitRateCents: 4667,
        expectedCents: 18668,
        placeOfService: '11',
      },
    ]);
  });

  it('expects the fee schedule’s rate over the guide’s when the organisation enters one', () => {
    const request = caLaSapcBase();
    request.fees = request.fees.map((fee) =>
      fee.code === 'H0038' ? { ...fee, expectedUnitRateCents: 4800 } : fee,
    );
    expect(evaluate('ca-la-sapc', request).lines[0]).toMatchObject({
      unitRateCents: 4800,
      expectedCents: 19200,
    });
  });

  it('codes a group as H0025 U7, expected at $10.37', () => {
    const request = caLaSapcBase();
    request.service.type = 'skill_building_group';
    request.service.group = { attendees: 8, facilitatorFte: 1 };
    const preview = evaluate('ca-la-sapc', request);
    expect(preview.billable).toBe(true);
    expect(preview.lines[0]).toMatchObject({
      code: 'H0025',
      modifiers: ['U7'],
      procedure: 'Behavioral Health Prevention Education Services',
      units: 4,
      chargeCents: 4 * TEST_UNIT_CHARGE_CENTS,
      unitRateCents: 1037,
      expectedCents: 4148,
    });
  });

  it('codes contingency management as H0050 with U7 then HF, expected at $46.67 [choice: modifier order]', () => {
    const request = caLaSapcBase();
    request.service.type = 'contingency_management';
    const preview = evaluate('ca-la-sapc', request);
    expect(preview.billable).toBe(true);
    expect(preview.lines[0]).toMatchObject({
      code: 'H0050',
      modifiers: ['U7', 'HF'],
      units: 4,
      chargeCents: 4 * TEST_UNIT_CHARGE_CENTS,
      unitRateCents: 4667,
      expectedCents: 18668,
    });
    // A user-chosen modifier goes after SAPC's two.
    request.service.modifiers = ['SC'];
    expect(evaluate('ca-la-sapc', request).lines[0]?.modifiers).toEqual(['U7', 'HF', 'SC']);
  });

  it('bills direct service only: a 25-minute gap comes off the minutes (004 Note for Example 1)', () => {
    // 1:30 pm – 3:15 pm with 25 minutes away from the member is 80 minutes of direct service, as if the note
    // ran 1:30 pm – 2:50 pm: 5 units, not the 7 the whole span would give.
    const request = caLaSapcBase();
    request.service.type = 'therapeutic_activity';
    request.service.start = '13:30';
    request.service.end = '15:15';
    expect(evaluate('ca-la-sapc', request)).toMatchObject({ minutes: 105, lines: [{ units: 7 }] });
    request.service.gaps = [{ start: '14:05', end: '14:30' }];
    expect(evaluate('ca-la-sapc', request)).toMatchObject({
      minutes: 80,
      lines: [{ units: 5, chargeCents: 5 * TEST_UNIT_CHARGE_CENTS, expectedCents: 5 * 4667 }],
    });
  });

  it('cites the guide for the three-business-day note deadline', () => {
    const setting = requirePack('ca-la-sapc').settings['noteDueBusinessDays'];
    expect(setting).toMatchObject({ value: 3, citation: { document: '004_5683a26e336a0ac2.txt' } });
    expect(evaluate('ca-la-sapc', caLaSapcBase()).noteDueOn).toBe('2026-11-23');
  });
});

describe('ca-la-sapc Plan of Care review (004 Documentation: "… an updated Plan of Care, or a review …")', () => {
  const RULE = 'ca-la-sapc.care_plan.review_due';

  it('says nothing when the plan has no review date, and only warns past one', () => {
    const request = caLaSapcBase();
    expect(problemCodes(evaluate('ca-la-sapc', request))).not.toContain(RULE);
    request.member.carePlan = { ...request.member.carePlan, reviewOn: '2026-11-01' };
    const preview = evaluate('ca-la-sapc', request);
    expect(preview.problems.find((problem) => problem.code === RULE)?.severity).toBe('warning');
    expect(preview.billable).toBe(true);
  });

  it('does not warn on the note that documents the updated Plan of Care', () => {
    const request = caLaSapcBase();
    request.member.carePlan = { ...request.member.carePlan, reviewOn: '2026-11-01' };
    request.service.planOfCare = { ...completePlanOfCare(), kind: 'updated' };
    expect(problemCodes(evaluate('ca-la-sapc', request))).not.toContain(RULE);
  });
});

describe('ca-la-sapc the Plan of Care is the first progress note (004 Plan of Care Examples)', () => {
  const FIRST_NOTE = 'ca-la-sapc.plan_of_care.first_note';
  const PLAN_APPROVED = 'ca-la-sapc.care_plan.approved';

  it('is an error for a service when the member has no Plan of Care note at all', () => {
    const request = caLaSapcBase();
    delete request.member.firstPlanOfCareNoteOn;
    const preview = evaluate('ca-la-sapc', request);
    const problem = preview.problems.find((candidate) => candidate.code === FIRST_NOTE);
    expect(problem?.severity).toBe('error');
    expect(problem?.message).toContain('(first Plan of Care note: none)');
    expect(problem?.source?.quote).toBe(
      'This Plan of Care should be the first progress note entered for members receiving Peer Support Services.',
    );
    expect(preview.billable).toBe(false);
  });

  it('does not judge the Plan of Care note itself by it', () => {
    const request = caLaSapcBase();
    delete request.member.firstPlanOfCareNoteOn;
    request.service.planOfCare = completePlanOfCare();
    expect(problemCodes(evaluate('ca-la-sapc', request))).not.toContain(FIRST_NOTE);
  });

  it('leaves a member without an approved plan to the approved-plan rule: one problem, not two', () => {
    const request = caLaSapcBase();
    delete request.member.firstPlanOfCareNoteOn;
    request.member.carePlan = undefined;
    const codes = problemCodes(evaluate('ca-la-sapc', request));
    expect(codes).toContain(PLAN_APPROVED);
    expect(codes).not.toContain(FIRST_NOTE);
  });
});

describe('ca-la-sapc staff compliance: supervisory training within 60 days (004 Scope of Practice)', () => {
  const RULE = 'ca-la-sapc.staff.supervisor_training';

  /** The base peer, supervising since 2026-09-01 (training due 2026-10-31), judged on the base date. */
  function supervisor(trainingCompletedOn?: string): ClaimPreviewRequest {
    const request = caLaSapcBase();
    request.staff.supervision =
      trainingCompletedOn === undefined
        ? { startedOn: '2026-09-01' }
        : { startedOn: '2026-09-01', trainingCompletedOn };
    return request;
  }

  function supervisorProblems(request: ClaimPreviewRequest): ReturnType<typeof evaluateStaffRules> {
    return evaluateStaffRules(requirePack('ca-la-sapc'), request).filter((problem) => problem.code === RULE);
  }

  it('says nothing for a peer who does not supervise', () => {
    expect(supervisorProblems(caLaSapcBase())).toEqual([]);
  });

  it('passes a supervisor trained within the 60 days', () => {
    expect(supervisorProblems(supervisor('2026-10-31'))).toEqual([]);
  });

  it('is an error once the 60 days have passed without the training', () => {
    const [problem] = supervisorProblems(supervisor());
    expect(problem).toMatchObject({ severity: 'error', source: { document: '004_5683a26e336a0ac2.txt' } });
    expect(problem?.message).toContain('within 60 days of starting to supervise: yours is due by 2026-10-31');
    expect(problem?.message).not.toMatch(/\{[^}]+\}/);
  });

  it('is a warning while the 60 days are still running', () => {
    const request = supervisor();
    request.staff.supervision = { startedOn: '2026-10-01' };
    expect(supervisorProblems(request)).toMatchObject([{ severity: 'warning' }]);
  });

  it('accepts a training finished late unless the acceptLateSupervisorTraining setting is off [choice]', () => {
    const request = supervisor('2026-11-02');
    expect(supervisorProblems(request)).toEqual([]);
    request.settings = { acceptLateSupervisorTraining: false };
    expect(supervisorProblems(request)).toMatchObject([{ severity: 'error' }]);
  });

  it('follows the supervisorTrainingDays setting', () => {
    const request = supervisor('2026-11-02');
    request.settings = { acceptLateSupervisorTraining: false, supervisorTrainingDays: 90 };
    expect(supervisorProblems(request)).toEqual([]);
  });
});

describe('ca-la-sapc telehealth modifiers, inherited from ca-dhcs (research (a), Medi-Cal Provider Manual)', () => {
  it('sends a video hour as H0038 U7 95 and a telephone hour as H0038 U7 93, billable; in person neither', () => {
    for (const [modality, modifiers] of [
      ['video', ['U7', '95']],
      ['audio_only', ['U7', '93']],
      ['in_person', ['U7']],
    ] as const) {
      const request = caLaSapcBase();
      request.service.modality = modality;
      request.service.memberLocation = 'home';
      const preview = evaluate('ca-la-sapc', request);
      expect(preview.lines[0]?.modifiers, modality).toEqual(modifiers);
      expect(problemCodes(preview), modality).not.toContain('ca-la-sapc.modifiers.allowed');
    }
  });
});
