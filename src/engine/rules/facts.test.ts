/**
 * The derived facts, all of them, from one request that sets every field. The derivation writes facts by
 * position for speed, so this pins each name to its value: a fact written one slot off would show here first.
 */
import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../testing/rule-table.js';
import { DERIVED_FACTS, deriveFacts } from './facts.js';

const request = parseRequest({
  service: {
    dateOfService: '2026-11-18',
    type: 'skill_building_group',
    activity: 'advocacy',
    recipient: 'family_without_member',
    familyRelationToTreatment: 'Mother supports the plan',
    start: '10:00',
    end: '11:00',
    modality: 'audio_only',
    memberLocation: 'home',
    placeOfService: '10',
    identityVerified: true,
    modifiers: ['HK'],
    group: { attendees: 6, facilitatorFte: 1.5 },
    interventionInPlan: false,
    familyCoordinationDocumented: true,
    pin: { plan: 'Practise the budget', interaction: '', nextSteps: ' ' },
    planOfCare: {
      kind: 'new',
      longTermGoalsInMemberWords: 'Live on my own',
      shortTermGoals: [{ text: 'Open a bank account' }],
      memberParticipated: true,
    },
    signedOn: '2026-11-24',
    lateReason: 'Out sick',
    epsdtJustification: 'Needs more support',
    consentCircumstances: 'Member in crisis; consent asked for at the next call',
  },
  member: {
    dateOfBirth: '2010-11-19',
    coverage: [
      { payerPack: 'nc-wellcare', memberId: 'NC1', from: '2020-01-01' },
      { payerPack: 'ca-dhcs', memberId: 'ZZCA9', from: '2026-01-01', to: '2026-12-31' },
    ],
    hasMedicare: true,
    diagnoses: [
      { code: 'F33.1', category: 'mental_health' },
      { code: 'F11.20', category: 'substance_use' },
      { code: 'F32.0', category: 'mental_health' },
    ],
    asamLevel1Met: true,
    asamLevel: '1.0',
    specialPopulations: ['katie_a'],
    eligibilityVerifiedOn: ['2026-11-18'],
    consents: { telehealth: '2026-11-18', audioOnly: '2026-11-19' },
    carePlan: {
      approvedOn: '2026-01-05',
      approverRole: 'peer_support_supervisor',
      effectiveFrom: '2026-01-01',
      effectiveTo: '2026-06-30',
      reviewOn: '2026-04-01',
      needAreas: ['self_advocacy'],
    },
    comprehensiveAssessmentOn: '2026-11-01',
    firstPlanOfCareNoteOn: '2026-01-02',
    comprehensiveAssessmentBy: 'Dana Reyes, LCSW',
    serviceOrder: { orderedOn: '2026-11-20', clinician: 'Dr. Lee' },
    functionalAssessmentOn: '2026-10-01',
    // Recorded the day after the service: not yet on file on the date of service.
    medicalNecessityOn: '2026-11-19',
  },
  staff: {
    certification: { type: 'medi_cal_peer', issuedOn: '2025-01-01', expiresOn: '2027-01-01' },
    dateOfBirth: '1990-05-20',
    highSchoolDiploma: true,
    livedExperience: true,
    hasAssignedSupervisor: true,
    clinicalSupervisorQualification: 'lmhp',
    taxonomy: '175T00000X',
    continuingEducation: { hours: 12, lawAndEthicsHours: 3 },
    supervision: { startedOn: '2026-10-01', trainingCompletedOn: '2026-11-10' },
  },
  program: { type: 'mh_outpatient' },
});

describe('deriveFacts', () => {
  const facts = deriveFacts(
    request,
    { minutes: 60, units: 4 },
    { payerPack: 'ca-dhcs', noteDueBusinessDays: 3, supervisorTrainingDays: 60 },
  );

  it('gives every derived fact, in the order of DERIVED_FACTS', () => {
    expect(Object.keys(facts)).toEqual(DERIVED_FACTS);
  });

  it.each<[string, unknown]>([
    ['service.dateOfService', '2026-11-18'],
    ['service.type', 'skill_building_group'],
    ['service.activity', 'advocacy'],
    ['service.recipient', 'family_without_member'],
    ['service.familyRelationToTreatment', 'Mother supports the plan'],
    ['service.modality', 'audio_only'],
    ['service.telehealth', true],
    ['service.memberLocation', 'home'],
    ['service.placeOfService', '10'],
    ['service.placeOfServiceKnown', true],
    ['service.minutes', 60],
    ['service.units', 4],
    ['service.hours', 1],
    ['service.isGroup', true],
    ['service.groupAttendees', 6],
    ['service.groupFacilitatorFte', 1.5],
    ['service.attendeesPerFacilitatorFte', 4],
    ['service.userModifiers', ['HK']],
    ['service.identityVerified', true],
    ['service.interventionInPlan', false],
    ['service.familyCoordinationDocumented', true],
    ['service.pinMissing', ['Interaction', 'Next steps']],
    ['service.signed', true],
    ['service.documentsPlanOfCare', true],
    [
      'service.planOfCareMissing',
      ['S.M.A.R.T. short-term goals, each with a target date', 'that the member agreed'],
    ],
    ['service.signedOn', '2026-11-24'],
    // Wednesday + 3 business days: Thursday, Friday, Monday.
    ['service.noteDueOn', '2026-11-23'],
    ['service.late', true],
    ['service.lateReason', 'Out sick'],
    ['service.epsdtJustification', 'Needs more support'],
    // The 16th birthday is the day after the service.
    ['member.ageYears', 15],
    ['member.coveredOnDate', true],
    ['member.memberId', 'ZZCA9'],
    ['member.hasMedicare', true],
    ['member.specialPopulations', ['katie_a']],
    ['member.diagnosisCategories', ['mental_health', 'substance_use']],
    ['member.hasDiagnosis', true],
    ['member.asamLevel1Met', true],
    ['member.eligibilityVerifiedOnDate', true],
    ['member.telehealthConsentOnFile', true],
    ['member.audioOnlyConsentOnFile', false],
    // Approved, but the plan ended in June.
    ['member.carePlanApproved', false],
    ['member.carePlanApprovalRecorded', true],
    ['member.carePlanApproverRole', 'peer_support_supervisor'],
    ['member.carePlanReviewOn', '2026-04-01'],
    ['member.assessmentBeforeService', true],
    ['staff.certificationType', 'medi_cal_peer'],
    ['staff.certificationActive', true],
    ['staff.certificationExpiresOn', '2027-01-01'],
    ['staff.ageYears', 36],
    ['staff.yearsOlderThanMember', 20],
    ['staff.highSchoolDiploma', true],
    ['staff.livedExperience', true],
    ['staff.taxonomy', '175T00000X'],
    ['staff.hasAssignedSupervisor', true],
    ['staff.ceHours', 12],
    ['staff.ceLawAndEthicsHours', 3],
    ['staff.supervises', true],
    ['staff.supervisorTrainingDueOn', '2026-11-30'],
    ['staff.supervisorTrainingOn', '2026-11-10'],
    ['program.type', 'mh_outpatient'],
    ['member.asamLevel', '1.0'],
    ['member.firstPlanOfCareNoteOn', '2026-01-02'],
    ['member.assessmentClinician', 'Dana Reyes, LCSW'],
    // Ordered two days after the service, with no credential recorded.
    [
      'member.serviceOrderMissing',
      [
        'a service order dated on or before 2026-11-18 (the one on file is dated 2026-11-20)',
        'the ordering clinician’s credential',
      ],
    ],
    ['member.carePlanNeedAreas', ['self_advocacy']],
    ['service.consentCircumstances', 'Member in crisis; consent asked for at the next call'],
    ['member.functionalAssessmentOn', '2026-10-01'],
    ['member.medicalNecessityOn', null],
    ['staff.clinicalSupervisorQualification', 'lmhp'],
  ])('derives %s', (name, expected) => {
    expect(facts[name]).toEqual(expected);
  });

  it('checks every derived fact above', () => {
    // The table lists each fact once; a new fact must join it.
    expect(DERIVED_FACTS).toHaveLength(70);
  });
});
