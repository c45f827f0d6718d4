/**
 * @module engine/packs/ks-pahp
 * Kansas Mental Health Prepaid Ambulatory Health Plan (PAHP) contract, "Peer Support (PS)" (seed 003):
 * definition, provider qualifications, limitations, additional service criteria and the reimbursement table.
 *
 * The 750-hour group limit counts group peer support plus group psychosocial rehabilitation: the caller puts
 * both, for the member's current calendar year, in `history.calendarYearGroupHours`; the engine adds this
 * service's hours when it is a group service. Hours are billed units × 15 minutes, not direct minutes
 * (rules-catalog.md, December review): a 50-minute group is 3 units, 0.75 hours.
 */
import type { PackDefinition } from '../rules/pack.js';
import { commonRules } from './common.js';

const CONTRACT = '003_804a804dafe24d21.txt';
/**
 * The contract excerpt carries no dates. Choice: rates and rules are in force from 2020-01-01 and stay so until
 * a dated rate or rule version replaces them.
 */
const SINCE = '2020-01-01';

type Citation = { document: string; section: string; quote: string };

const contract = (section: string, quote: string): Citation => ({ document: CONTRACT, section, quote });

const FACE_TO_FACE = contract('Definition', 'PS is a face-to-face intervention with the consumer present.');
const GROUP_LIMIT = contract(
  'Limitations/Exclusions',
  'Limit of 750 hours of group peer support (or a combination of group psychosocial rehabilitation and group peer support) per calendar year. This limit can be exceeded when medically necessary through prior authorization.',
);
const RATIO = contract('Limitations/Exclusions', 'Ratio: 1 FTE to 8 consumers is maximum group size');
const AGE_AND_DIPLOMA = contract(
  'Provider Qualifications',
  'Must be at least 18 years old, and have a high school diploma or equivalent.',
);
const SUPERVISOR = contract(
  'Additional Service Criteria, 2',
  'The Peer Support provider must be supervised by a person meeting the qualifications for a Peer Support Supervisor',
);
const CLINICAL_SUPERVISION = contract(
  'Additional Service Criteria, 2',
  'receive regularly scheduled clinical supervision from a person meeting the qualifications of a Qualified Mental Health Professional (QMHP) or PAHP-designated LMHP',
);
const ELIGIBILITY_FUNCTIONAL = contract(
  'Eligibility Criteria',
  'Meets functional assessment criteria for target population.',
);
const ELIGIBILITY_MEDICAL = contract(
  'Eligibility Criteria',
  'Meets Medical Necessity criteria for rehabilitation services',
);
const SUPERVISOR_CRITERION = 'The peer has an assigned Peer Support Supervisor.';
const SUPERVISOR_MESSAGE =
  'Kansas requires every peer to be supervised by a qualified Peer Support Supervisor, and none is assigned to you. Ask your program manager to assign one.';

export const ksPahp: PackDefinition = {
  id: 'ks-pahp',
  name: 'Kansas Mental Health PAHP',
  version: '2026.1',
  sources: [CONTRACT],
  description:
    'Kansas Mental Health PAHP contract: H0038 individual peer support at $11.75 and H0038 HQ group at $4.37 per 15 minutes, face to face with the member present (telephone and family-only contacts are not billable; video is allowed with a warning), at most 8 members per facilitator FTE, 750 hours of group services per calendar year before prior authorization, and a qualified, Kansas-certified, supervised peer with a QMHP or LMHP clinical supervisor (at least 3 years older than a member under 18, coordinating with the family of children and youth), for a member found to meet the functional assessment and medical necessity criteria (recorded on the member with the date and who determined them). The rule that most contacts happen in the community is a program report, not a claim edit. The calendar-year group hours (peer support plus psychosocial rehabilitation) are counted by the caller in history.calendarYearGroupHours.',
  claimType: 'professional',
  settings: {
    sameDayLines: {
      value: 'separate',
      description:
        'Two notes of a claim with the same code, modifiers and date: "separate" sends one line per note, each with its own units and line control number; "combine" sends one line per code, modifiers and day, its units counted from the day’s total direct minutes. Choice: the contract’s Reimbursement and Coding Summary gives a unit of 15 minutes and a rate per unit, nothing on summing a day’s minutes. Separate keeps each note’s units as its claim preview showed them.',
      choice: true,
      citation: contract('Reimbursement and Coding Summary', 'H0038 HS Ind. PS - Individual 15 Min.'),
    },
    maxGroupHoursPerCalendarYear: {
      value: 750,
      description:
        'Hours of group peer support plus group psychosocial rehabilitation per member per calendar year before prior authorization is needed.',
      citation: GROUP_LIMIT,
    },
    maxConsumersPerFacilitatorFte: {
      value: 8,
      description: 'Most members in a group per full-time-equivalent facilitator.',
      citation: RATIO,
    },
    allowedCertifications: {
      value: ['kansas_peer'],
      description: 'Certifications that may render peer support for this payer (Kansas certification).',
      citation: contract(
        'Provider Qualifications',
        'Certification in the State of Kansas to provide the service',
      ),
    },
    minimumProviderAge: {
      value: 18,
      description: 'Youngest age at which a peer may provide the service.',
      citation: AGE_AND_DIPLOMA,
    },
    minimumYearsOlderThanYouth: {
      value: 3,
      description: 'How many whole years older than a member under 18 the peer must be.',
      citation: contract(
        'Provider Qualifications',
        'the provider must be at least three years older than a consumer under the age of 18.',
      ),
    },
    youthUnderAge: {
      value: 18,
      description: 'Members younger than this need a peer at least minimumYearsOlderThanYouth years older.',
      citation: contract('Provider Qualifications', 'a consumer under the age of 18'),
    },
    childYouthUnderAge: {
      value: 18,
      description:
        'Members younger than this count as "children and youth", whose services must document coordination with the family or legal guardian. Choice: the contract does not define the age; 18 matches its provider-qualification age.',
      choice: true,
      citation: contract(
        'Additional Service Criteria, 1',
        'Services provided to children and youth must include communication and coordination with the family and/or legal guardian.',
      ),
    },
    videoCountsAsFaceToFace: {
      value: false,
      description:
        'Whether a video service may be billed as face to face. The contract says "PS is a face-to-face intervention with the consumer present" and names no telehealth, so by default (the strict reading, rules-catalog.md December review) video is not billable; a program whose plan has agreed in writing to pay for video may turn this on, and video is then billable with a warning.',
      choice: true,
      citation: FACE_TO_FACE,
    },
    supervisorRequiredToBill: {
      value: false,
      description:
        'Whether a peer without an assigned Peer Support Supervisor blocks claims. Choice: the contract makes supervision a criterion of the program, not of the service delivered, so by default it is a staff-compliance error and a warning on each claim; set to true to block the claims.',
      choice: true,
      citation: SUPERVISOR,
    },
    clinicalSupervisorQualifications: {
      value: ['qmhp', 'lmhp'],
      description:
        'Qualifications of a clinical supervisor that meet the contract: a Qualified Mental Health Professional (qmhp) or a PAHP-designated Licensed Mental Health Professional (lmhp).',
      citation: CLINICAL_SUPERVISION,
    },
    minCommunityContactShare: {
      value: 0.5,
      description:
        'A program-level report metric, not a claim edit: more than this share of peer support contacts must be in community locations (where the member lives, works, attends school or socializes). No rule reads it; it is here for the program report and the staff dashboard. Choice: the contract sets the rule across all contacts, so no single claim can break it.',
      choice: true,
      citation: contract(
        'Definition',
        'The majority of PS contacts must occur in community locations where the person lives, works, attends school, and/or socializes.',
      ),
    },
  },
  procedures: [
    {
      id: 'ks-pahp.procedure.group',
      when: { fact: 'service.isGroup', op: 'isTrue' },
      code: 'H0038',
      modifiers: ['HQ'],
      name: 'PS - Group',
      citation: contract('Reimbursement and Coding Summary', 'H0038 HQ HS Grp PS - Group 15 Min.'),
    },
    {
      id: 'ks-pahp.procedure.individual',
      when: { fact: 'service.type', op: 'in', value: ['engagement', 'therapeutic_activity'] },
      code: 'H0038',
      name: 'PS - Individual',
      citation: contract('Reimbursement and Coding Summary', 'H0038 HS Ind. PS - Individual 15 Min.'),
    },
  ],
  rates: [
    {
      code: 'H0038',
      unitRateCents: 1175,
      effectiveFrom: SINCE,
      citation: contract(
        'Reimbursement and Coding Summary',
        'H0038 HS Ind. PS - Individual 15 Min. $11.75 $47.00',
      ),
    },
    {
      code: 'H0038',
      modifiers: ['HQ'],
      unitRateCents: 437,
      effectiveFrom: SINCE,
      citation: contract(
        'Reimbursement and Coding Summary',
        'H0038 HQ HS Grp PS - Group 15 Min. $4.37 $17.50',
      ),
      note: 'The table’s hourly $17.50 is not 4 × $4.37 ($17.48); claims are per 15-minute unit, so 4 units bill $17.48.',
    },
  ],
  limits: [
    {
      id: 'group_hours',
      label: 'Group hours this calendar year (group peer support and group psychosocial rehabilitation)',
      period: 'calendar_year',
      unit: 'hours',
      maxSetting: 'maxGroupHoursPerCalendarYear',
      appliesWhen: { fact: 'service.isGroup', op: 'isTrue' },
      citation: GROUP_LIMIT,
    },
  ],
  rules: [
    ...commonRules('ks-pahp'),
    {
      id: 'ks-pahp.face_to_face.member_present',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion: 'Peer support is given with the member present; family-only contacts are not billable.',
      require: { fact: 'service.recipient', op: 'eq', value: 'member' },
      message:
        'Kansas pays for peer support only with the member present. A contact with family or others without the member can’t be billed; record it as a non-billable contact.',
      path: ['service', 'recipient'],
      citation: FACE_TO_FACE,
    },
    {
      id: 'ks-pahp.face_to_face.audio_only',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion: 'Peer support is face to face: telephone (audio-only) contacts are not billable.',
      require: { fact: 'service.modality', op: 'ne', value: 'audio_only' },
      message:
        'Kansas peer support is face to face with the member, so a telephone (audio-only) contact can’t be billed. Record it as a non-billable contact, or meet the member in person.',
      path: ['service', 'modality'],
      citation: FACE_TO_FACE,
    },
    {
      id: 'ks-pahp.face_to_face.video',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion:
        'Peer support is a face-to-face intervention with the member present: a video service is not billable, unless the setting videoCountsAsFaceToFace is on (the plan agreed to pay for video), when it bills with a warning.',
      when: { fact: 'service.modality', op: 'eq', value: 'video' },
      require: { fact: 'service.modality', op: 'ne', value: 'video' },
      warningWhen: { fact: 'settings.videoCountsAsFaceToFace', op: 'isTrue' },
      message:
        'Kansas pays for peer support given face to face with the member present, and a video meeting does not count. Meet the member in person for a billable service; if your program has the plan’s written agreement to pay for video, ask billing staff to turn on “video counts as face to face”.',
      path: ['service', 'modality'],
      citation: FACE_TO_FACE,
      choice:
        'Video is an error by default (setting videoCountsAsFaceToFace = false, the strict reading of "face-to-face"); turning the setting on makes it a warning.',
    },
    {
      id: 'ks-pahp.group.size_recorded',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion:
        'A group note records the members attending and the facilitator FTE, so the ratio can be checked.',
      when: { fact: 'service.isGroup', op: 'isTrue' },
      require: { fact: 'service.attendeesPerFacilitatorFte', op: 'present' },
      message:
        'Record how many members attended the group and how many full-time facilitators led it, so the 1-to-{settings.maxConsumersPerFacilitatorFte} ratio can be checked.',
      path: ['service', 'group'],
      citation: RATIO,
    },
    {
      id: 'ks-pahp.group.ratio',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion: 'At most 8 members per full-time-equivalent facilitator.',
      when: {
        all: [
          { fact: 'service.isGroup', op: 'isTrue' },
          { fact: 'service.attendeesPerFacilitatorFte', op: 'present' },
        ],
      },
      require: {
        fact: 'service.attendeesPerFacilitatorFte',
        op: 'lte',
        valueFact: 'settings.maxConsumersPerFacilitatorFte',
      },
      message:
        'Kansas allows at most {settings.maxConsumersPerFacilitatorFte} members per full-time facilitator; this group had {service.groupAttendees} members for {service.groupFacilitatorFte} facilitator FTE ({service.attendeesPerFacilitatorFte} each). Check the attendance and facilitators; a group this size needs another facilitator.',
      path: ['service', 'group', 'attendees'],
      citation: RATIO,
    },
    {
      id: 'ks-pahp.limit.group_hours',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion:
        'Up to 750 hours of group peer support plus group psychosocial rehabilitation per calendar year; beyond them, a prior authorization covering the date and units.',
      when: { fact: 'service.isGroup', op: 'isTrue' },
      require: {
        any: [
          { fact: 'limit.group_hours.over', op: 'isFalse' },
          { fact: 'authorization.covers', op: 'isTrue' },
        ],
      },
      message:
        'Kansas allows {limit.group_hours.max} hours of group peer support and group psychosocial rehabilitation per calendar year without prior authorization; this member has used {limit.group_hours.usedBefore} hours and this note adds {limit.group_hours.thisService}. No authorization on file covers {service.dateOfService} with {service.units} units (authorization: {authorization.number}, {authorization.remainingUnits} units left). Ask billing staff to request authorization.',
      path: ['authorizations'],
      citation: GROUP_LIMIT,
    },
    {
      id: 'ks-pahp.staff.age',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion: 'The peer is at least 18 years old on the date of service.',
      require: { fact: 'staff.ageYears', op: 'gte', valueFact: 'settings.minimumProviderAge' },
      message:
        'Kansas peer support providers must be at least {settings.minimumProviderAge}; your age on this date of service is {staff.ageYears} (“none” means no date of birth is on file). Ask your supervisor to record your date of birth, or have another peer provide the service.',
      path: ['staff', 'dateOfBirth'],
      citation: AGE_AND_DIPLOMA,
    },
    {
      id: 'ks-pahp.staff.high_school',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion: 'The peer has a high school diploma or equivalent.',
      require: { fact: 'staff.highSchoolDiploma', op: 'isTrue' },
      message:
        'Kansas requires peer support providers to have a high school diploma or equivalent, and none is recorded for you. Ask your supervisor to record it.',
      path: ['staff', 'highSchoolDiploma'],
      citation: AGE_AND_DIPLOMA,
    },
    {
      id: 'ks-pahp.staff.kansas_certified',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion: 'The peer holds Kansas certification to provide the service.',
      require: { fact: 'staff.certificationType', op: 'in', valueFact: 'settings.allowedCertifications' },
      message:
        'Kansas peer support needs a Kansas peer certification; the certification on file for you is {staff.certificationType}. Ask your supervisor to record your Kansas certification.',
      path: ['staff', 'certification', 'type'],
      citation: contract(
        'Provider Qualifications',
        'Certification in the State of Kansas to provide the service',
      ),
    },
    {
      id: 'ks-pahp.staff.lived_experience',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion: 'The peer self-identifies as a present or former consumer of mental health services.',
      require: { fact: 'staff.livedExperience', op: 'isTrue' },
      message:
        'Kansas requires the peer to self-identify as a present or former consumer of mental health services, and this is not recorded for you. Ask your supervisor to update your profile.',
      path: ['staff', 'livedExperience'],
      citation: contract(
        'Provider Qualifications',
        'The provider must self identify as a present or former primary consumer of mental health services.',
      ),
    },
    {
      id: 'ks-pahp.staff.older_than_youth',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion: 'For a member under 18, the peer is at least three years older.',
      when: { fact: 'member.ageYears', op: 'lt', valueFact: 'settings.youthUnderAge' },
      require: {
        fact: 'staff.yearsOlderThanMember',
        op: 'gte',
        valueFact: 'settings.minimumYearsOlderThanYouth',
      },
      message:
        'For a member under {settings.youthUnderAge} (this member is {member.ageYears}), Kansas requires the peer to be at least {settings.minimumYearsOlderThanYouth} years older; you are {staff.yearsOlderThanMember} years older (“none” means your date of birth is not on file). Another peer needs to provide this service.',
      path: ['staff', 'dateOfBirth'],
      citation: contract(
        'Provider Qualifications',
        'the provider must be at least three years older than a consumer under the age of 18.',
      ),
    },
    {
      id: 'ks-pahp.youth.family_coordination',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion:
        'Services to children and youth (under 18) document communication and coordination with the family or legal guardian.',
      when: { fact: 'member.ageYears', op: 'lt', valueFact: 'settings.childYouthUnderAge' },
      require: { fact: 'service.familyCoordinationDocumented', op: 'isTrue' },
      message:
        'This member is {member.ageYears}. For children and youth, Kansas requires communication and coordination with the family or legal guardian: write in the note how you coordinated with them.',
      path: ['service', 'familyCoordinationDocumented'],
      citation: contract(
        'Additional Service Criteria, 1',
        "Services provided to children and youth must include communication and coordination with the family and/or legal guardian. … All coordination must be documented in the youth's medical record.",
      ),
      choice: 'Children and youth are members under 18 (setting childYouthUnderAge).',
    },
    {
      id: 'ks-pahp.plan.treatment_plan_goal',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion:
        'The activity works toward a goal or objective in the member’s individualized treatment plan.',
      require: { fact: 'service.interventionInPlan', op: 'isTrue' },
      message:
        'Kansas pays for peer support activities aimed at goals in the member’s treatment plan. Link this activity to a goal in the plan, or update the plan with the member first.',
      path: ['service', 'interventionInPlan'],
      citation: contract(
        'Definition',
        'Activities included must be intended to achieve the identified goals or objectives as set forth in the consumer’s individualized treatment plan.',
      ),
    },
    {
      id: 'ks-pahp.supervision.assigned',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion: `${SUPERVISOR_CRITERION} On a claim this is a warning unless the setting supervisorRequiredToBill is on.`,
      require: { fact: 'staff.hasAssignedSupervisor', op: 'isTrue' },
      warningWhen: { fact: 'settings.supervisorRequiredToBill', op: 'isFalse' },
      message: SUPERVISOR_MESSAGE,
      path: ['staff', 'hasAssignedSupervisor'],
      citation: SUPERVISOR,
      choice:
        'Does not block claims by default (setting supervisorRequiredToBill = false): supervision is a program criterion, checked as staff compliance (ks-pahp.staff.supervisor_assigned) and shown as a warning on each claim.',
    },
    {
      id: 'ks-pahp.staff.supervisor_assigned',
      version: '1',
      effectiveFrom: SINCE,
      scope: 'staff',
      severity: 'error',
      criterion: SUPERVISOR_CRITERION,
      require: { fact: 'staff.hasAssignedSupervisor', op: 'isTrue' },
      message: SUPERVISOR_MESSAGE,
      path: ['staff', 'hasAssignedSupervisor'],
      citation: SUPERVISOR,
    },
    {
      id: 'ks-pahp.staff.clinical_supervision',
      version: '1',
      effectiveFrom: SINCE,
      scope: 'staff',
      severity: 'error',
      criterion:
        'The peer receives regularly scheduled clinical supervision from a QMHP or a PAHP-designated LMHP: the clinical supervisor and their qualification are recorded on the staff profile.',
      require: {
        fact: 'staff.clinicalSupervisorQualification',
        op: 'in',
        valueFact: 'settings.clinicalSupervisorQualifications',
      },
      message:
        'Kansas requires every peer to receive regularly scheduled clinical supervision from a Qualified Mental Health Professional (QMHP) or a PAHP-designated LMHP, and no such clinical supervisor is recorded for you. Ask a program admin to record your clinical supervisor and their qualification on your staff profile.',
      path: ['staff', 'clinicalSupervisorQualification'],
      citation: CLINICAL_SUPERVISION,
    },
    {
      id: 'ks-pahp.eligibility.functional_assessment',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion:
        'The member meets the functional assessment criteria for the target population, as determined (date and who) on or before the date of service.',
      require: { fact: 'member.functionalAssessmentOn', op: 'present' },
      message:
        'Kansas pays for peer support only for members who meet the functional assessment criteria for the target population, and none is recorded for this member on or before {service.dateOfService}. Record on the member’s page (Eligibility criteria) the date it was determined and who determined it.',
      path: ['member', 'functionalAssessmentOn'],
      citation: ELIGIBILITY_FUNCTIONAL,
    },
    {
      id: 'ks-pahp.eligibility.medical_necessity',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion:
        'The member meets the medical necessity criteria for rehabilitation services, as determined (date and who) on or before the date of service.',
      require: { fact: 'member.medicalNecessityOn', op: 'present' },
      message:
        'Kansas pays for peer support only for members who meet the medical necessity criteria for rehabilitation services, and none is recorded for this member on or before {service.dateOfService}. Record on the member’s page (Eligibility criteria) the date it was determined and who determined it.',
      path: ['member', 'medicalNecessityOn'],
      citation: ELIGIBILITY_MEDICAL,
    },
  ],
};
