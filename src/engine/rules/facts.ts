/**
 * @module engine/rules/facts
 * Turns a claim preview request into the flat facts that pack conditions read (`service.units`,
 * `member.ageYears`, `staff.certificationActive` …). Everything a rule compares is derived here once, from
 * the input alone — the date of service stands in for "today", so the result never depends on the clock.
 */
import type { ClaimPreviewRequest } from '../../shared/api/claims.js';
import { addBusinessDays, addDays, ageOn, compareDates } from '../calendar/index.js';
import type { Facts, FactValue } from './conditions.js';
import { isKnownPlaceOfService } from './place-of-service.js';

/** Every fact name conditions and messages may use, besides `settings.*` and `limit.*`. */
export const FACT_NAMES: ReadonlySet<string> = new Set([
  'service.dateOfService',
  'service.type',
  'service.activity',
  'service.recipient',
  'service.familyRelationToTreatment',
  'service.modality',
  'service.telehealth',
  'service.memberLocation',
  'service.placeOfService',
  'service.placeOfServiceKnown',
  'service.minutes',
  'service.units',
  'service.hours',
  'service.isGroup',
  'service.groupAttendees',
  'service.groupFacilitatorFte',
  'service.attendeesPerFacilitatorFte',
  'service.userModifiers',
  'service.identityVerified',
  'service.interventionInPlan',
  'service.familyCoordinationDocumented',
  'service.pinMissing',
  'service.signed',
  'service.documentsPlanOfCare',
  'service.planOfCareMissing',
  'service.signedOn',
  'service.noteDueOn',
  'service.late',
  'service.lateReason',
  'service.epsdtJustification',
  'member.ageYears',
  'member.coveredOnDate',
  'member.memberId',
  'member.hasMedicare',
  'member.specialPopulations',
  'member.diagnosisCategories',
  'member.hasDiagnosis',
  'member.asamLevel1Met',
  'member.eligibilityVerifiedOnDate',
  'member.telehealthConsentOnFile',
  'member.audioOnlyConsentOnFile',
  'member.carePlanApproved',
  'member.carePlanApprovalRecorded',
  'member.carePlanApproverRole',
  'member.assessmentBeforeService',
  'staff.certificationType',
  'staff.certificationActive',
  'staff.certificationExpiresOn',
  'staff.ageYears',
  'staff.yearsOlderThanMember',
  'staff.highSchoolDiploma',
  'staff.livedExperience',
  'staff.taxonomy',
  'staff.hasAssignedSupervisor',
  'staff.ceHours',
  'staff.ceLawAndEthicsHours',
  'staff.supervises',
  'staff.supervisorTrainingDueOn',
  'staff.supervisorTrainingOn',
  'program.type',
  'line.code',
  'line.modifiers',
  'line.procedure',
  'line.unitRateCents',
  'line.hasRate',
  'authorization.number',
  'authorization.covers',
  'authorization.remainingUnits',
]);

export type MutableFacts = Record<string, FactValue>;

/**
 * Facts about the service, member, staff member and program. Line, limit and authorization facts are added
 * by the evaluator once the code is chosen.
 */
export function deriveFacts(
  request: ClaimPreviewRequest,
  timing: { minutes: number; units: number },
  options: { payerPack: string; noteDueBusinessDays: number; supervisorTrainingDays: number },
): MutableFacts {
  const { service, member, staff } = request;
  const date = service.dateOfService;
  const coverage = member.coverage.find(
    (entry) =>
      entry.payerPack === options.payerPack &&
      compareDates(entry.from, date) <= 0 &&
      (entry.to === null || compareDates(date, entry.to) <= 0),
  );
  const memberAge = safeAge(member.dateOfBirth, date);
  const staffAge = staff.dateOfBirth === undefined ? null : safeAge(staff.dateOfBirth, date);
  const certification = staff.certification;
  const certificationActive =
    certification !== undefined &&
    certification.type !== 'legacy_uncertified' &&
    (certification.issuedOn === undefined || certification.issuedOn <= date) &&
    (certification.expiresOn === undefined || date <= certification.expiresOn);
  const carePlan = member.carePlan;
  const carePlanApproved =
    carePlan?.approvedOn !== undefined &&
    carePlan.approvedOn <= date &&
    (carePlan.effectiveFrom === undefined || carePlan.effectiveFrom <= date) &&
    (carePlan.effectiveTo === undefined || date <= carePlan.effectiveTo);
  const placeOfService = service.placeOfService ?? null;
  const group = service.group;
  const pinMissing: string[] = [];
  if (service.pin.plan.trim() === '') pinMissing.push('Plan');
  if (service.pin.interaction.trim() === '') pinMissing.push('Interaction');
  if (service.pin.nextSteps.trim() === '') pinMissing.push('Next steps');
  const noteDueOn = addBusinessDays(date, options.noteDueBusinessDays);
  const signedOn = service.signedOn ?? null;
  const planOfCare = service.planOfCare;
  const planOfCareMissing: string[] = [];
  if (planOfCare !== undefined) {
    if (planOfCare.longTermGoalsInMemberWords.trim() === '') {
      planOfCareMissing.push('long-term goals in the member’s words');
    }
    if (
      planOfCare.shortTermGoals.length === 0 ||
      planOfCare.shortTermGoals.some((goal) => goal.targetDate === undefined)
    ) {
      planOfCareMissing.push('S.M.A.R.T. short-term goals, each with a target date');
    }
    if (!planOfCare.memberParticipated) planOfCareMissing.push('that the member took part');
    if (!planOfCare.memberAgreed) planOfCareMissing.push('that the member agreed');
  }
  const supervision = staff.supervision;

  return {
    'service.dateOfService': date,
    'service.type': service.type,
    'service.activity': service.activity,
    'service.recipient': service.recipient,
    'service.familyRelationToTreatment': service.familyRelationToTreatment ?? null,
    'service.modality': service.modality,
    'service.telehealth': service.modality !== 'in_person',
    'service.memberLocation': service.memberLocation ?? null,
    'service.placeOfService': placeOfService,
    'service.placeOfServiceKnown': placeOfService === null ? true : isKnownPlaceOfService(placeOfService),
    'service.minutes': timing.minutes,
    'service.units': timing.units,
    'service.hours': timing.minutes / 60,
    'service.isGroup': service.type === 'skill_building_group' || group !== undefined,
    'service.groupAttendees': group?.attendees ?? null,
    'service.groupFacilitatorFte': group?.facilitatorFte ?? null,
    'service.attendeesPerFacilitatorFte': group === undefined ? null : group.attendees / group.facilitatorFte,
    'service.userModifiers': service.modifiers,
    'service.identityVerified': service.identityVerified,
    'service.interventionInPlan': service.interventionInPlan,
    'service.familyCoordinationDocumented': service.familyCoordinationDocumented,
    'service.pinMissing': pinMissing,
    'service.signed': signedOn !== null,
    'service.documentsPlanOfCare': planOfCare !== undefined,
    'service.planOfCareMissing': planOfCareMissing,
    'service.signedOn': signedOn,
    'service.noteDueOn': noteDueOn,
    'service.late': signedOn !== null && signedOn > noteDueOn,
    'service.lateReason': service.lateReason ?? null,
    'service.epsdtJustification': service.epsdtJustification ?? null,
    'member.ageYears': memberAge,
    'member.coveredOnDate': coverage !== undefined,
    'member.memberId': coverage?.memberId ?? null,
    'member.hasMedicare': member.hasMedicare,
    'member.specialPopulations': member.specialPopulations,
    'member.diagnosisCategories': [...new Set(member.diagnoses.map((diagnosis) => diagnosis.category))],
    'member.hasDiagnosis': member.diagnoses.length > 0,
    'member.asamLevel1Met': member.asamLevel1Met,
    'member.eligibilityVerifiedOnDate': member.eligibilityVerifiedOn.includes(date),
    'member.telehealthConsentOnFile':
      member.consents.telehealth !== undefined && member.consents.telehealth <= date,
    'member.audioOnlyConsentOnFile':
      member.consents.audioOnly !== undefined && member.consents.audioOnly <= date,
    'member.carePlanApproved': carePlanApproved,
    'member.carePlanApprovalRecorded': carePlan?.approvedOn !== undefined,
    'member.carePlanApproverRole': carePlan?.approverRole ?? null,
    'member.assessmentBeforeService':
      member.comprehensiveAssessmentOn !== undefined && member.comprehensiveAssessmentOn <= date,
    'staff.certificationType': certification?.type ?? null,
    'staff.certificationActive': certificationActive,
    'staff.certificationExpiresOn': certification?.expiresOn ?? null,
    'staff.ageYears': staffAge,
    'staff.yearsOlderThanMember':
      staff.dateOfBirth === undefined ? null : yearsBetween(staff.dateOfBirth, member.dateOfBirth),
    'staff.highSchoolDiploma': staff.highSchoolDiploma,
    'staff.livedExperience': staff.livedExperience,
    'staff.taxonomy': staff.taxonomy,
    'staff.hasAssignedSupervisor': staff.hasAssignedSupervisor,
    'staff.ceHours': staff.continuingEducation.hours,
    'staff.ceLawAndEthicsHours': staff.continuingEducation.lawAndEthicsHours,
    'staff.supervises': supervision !== undefined,
    'staff.supervisorTrainingDueOn':
      supervision === undefined ? null : addDays(supervision.startedOn, options.supervisorTrainingDays),
    'staff.supervisorTrainingOn': supervision?.trainingCompletedOn ?? null,
    'program.type': request.program.type,
  };
}

/** Age on a date, or null when the date of birth is after it (a data error other rules report). */
function safeAge(dateOfBirth: string, onDate: string): number | null {
  return dateOfBirth <= onDate ? ageOn(dateOfBirth, onDate) : null;
}

/** Whole years from the older date of birth to the younger one (negative when the first is younger). */
function yearsBetween(olderBirth: string, youngerBirth: string): number {
  return olderBirth <= youngerBirth ? ageOn(olderBirth, youngerBirth) : -ageOn(youngerBirth, olderBirth);
}

export type { Facts };
