/**
 * @module engine/rules/fact-table
 * Every fact derived from a claim preview request, declared once: its name, its group, and how it is derived.
 * The lists of facts and groups, which groups a pack needs (`facts.ts`), the table-driven derivation that is the
 * reference and the derivation generated for each pack (`fact-codegen.ts`) all come from this table. A fact's
 * slot is its place in the table. To add a fact, add a line here (and a case to `facts.test.ts`).
 *
 * **Groups.** A fact is either always derived or belongs to a group of costly facts, which a pack derives only
 * when its rules read one of the group's facts (California never needs the Kansas staff ages). What costs:
 *
 * - an object of the request to read (each one a likely cache miss: a request is a tree of small objects),
 *   dates to compare, lists or numbers to allocate;
 * - **any field of the service record.** Its optional fields make one hidden class per combination present (the
 *   benchmark's pool of 10,000 services has 47), so V8 reads every field of it through its megamorphic cache,
 *   about 7 ns a read where a field of a record of one shape costs well under 1 ns. So each service field a
 *   pack reads is read once, and one it does not read is not read at all.
 *
 * The always-derived facts are the date of service, type, modality, place of service and user modifiers, which
 * the evaluator itself uses, and the fields of the member and staff records, which come in two shapes each.
 *
 * **Sources.** A derivation is a small pure function of values read once from the request (`SOURCES`), listed in
 * the fact's `from`, followed by the fact input. A service field more than one fact needs is a source of its
 * own; every other service field is read by exactly one fact, from the `service` source. A source is read when
 * a fact derived for the pack lists it, and then only once however many facts list it (`facts.test.ts` counts
 * the reads).
 */
import type { ClaimPreviewRequest } from '../../shared/api/claims.js';
import { ageOnDateNumbers } from '../calendar/age.js';
import { requireDateNumber } from '../calendar/date.js';
import { ageOn, inForce, type CalendarDate } from '../calendar/index.js';
import type { FactValue } from './conditions.js';
import type { FactInput } from './fact-input.js';
import { isKnownPlaceOfService } from './place-of-service.js';

type Service = ClaimPreviewRequest['service'];
type Member = ClaimPreviewRequest['member'];
type Staff = ClaimPreviewRequest['staff'];

/** The values a derivation may list in `from`, each read from the request at most once per service. */
export const SOURCES = {
  service: (input: FactInput): Service => input.request.service,
  member: (input: FactInput): Member => input.request.member,
  staff: (input: FactInput): Staff => input.request.staff,
  type: (input: FactInput): Service['type'] => input.request.service.type,
  modality: (input: FactInput): Service['modality'] => input.request.service.modality,
  placeOfService: (input: FactInput): string | null => input.request.service.placeOfService ?? null,
  group: (input: FactInput): Service['group'] => input.request.service.group,
  signedOn: (input: FactInput): CalendarDate | null => input.request.service.signedOn ?? null,
  planOfCare: (input: FactInput): Service['planOfCare'] => input.request.service.planOfCare,
  coverage: coverageOn,
  carePlan: (input: FactInput): Member['carePlan'] => input.request.member.carePlan,
  certification: (input: FactInput): Staff['certification'] => input.request.staff.certification,
} as const;

export type SourceName = keyof typeof SOURCES;

/** The group of a fact derived for every pack. */
export const ALWAYS = 'always';

/**
 * A derivation as the table stores it: the values of its sources, in the order of `from`, then the fact input.
 * `fact` checks each derivation against its sources' types; stored, they all take this one type.
 */
export type Derivation = (...values: readonly unknown[]) => FactValue;

/** One line of the fact table. */
export interface FactDefinition<Name extends string = string, Group extends string = string> {
  readonly name: Name;
  /** `ALWAYS`, or the group of costly facts the fact belongs to. */
  readonly group: Group;
  readonly from: readonly SourceName[];
  readonly derive: Derivation;
}

/** The values of a list of sources, in its order. */
type SourceValues<From extends readonly SourceName[]> = {
  readonly [Index in keyof From]: From[Index] extends SourceName
    ? ReturnType<(typeof SOURCES)[From[Index]]>
    : never;
};

/** A line of the table, its derivation type-checked against the values it is given. */
function fact<
  const Name extends string,
  const Group extends string,
  const From extends readonly SourceName[],
>(
  name: Name,
  group: Group,
  from: From,
  derive: (...values: [...SourceValues<From>, FactInput]) => FactValue,
): FactDefinition<Name, Group> {
  // The derivation is only ever called with `from`'s values and the input, as its own type says.
  return { name, group, from, derive: derive as Derivation };
}

/** Every derived fact, in slot order. */
export const FACT_TABLE = [
  fact('service.dateOfService', ALWAYS, [], (input) => input.dateOfService),
  fact('service.type', ALWAYS, ['type'], (type) => type),
  fact('service.activity', 'activity', ['service'], (service) => service.activity),
  fact('service.recipient', 'recipient', ['service'], (service) => service.recipient),
  fact(
    'service.familyRelationToTreatment',
    'familyRelation',
    ['service'],
    (service) => service.familyRelationToTreatment ?? null,
  ),
  fact('service.modality', ALWAYS, ['modality'], (modality) => modality),
  fact('service.telehealth', ALWAYS, ['modality'], (modality) => modality !== 'in_person'),
  fact('service.memberLocation', 'memberLocation', ['service'], (service) => service.memberLocation ?? null),
  fact('service.placeOfService', ALWAYS, ['placeOfService'], (placeOfService) => placeOfService),
  fact('service.placeOfServiceKnown', 'placeOfServiceKnown', ['placeOfService'], knownPlaceOfService),
  fact('service.minutes', ALWAYS, [], (input) => input.minutes),
  fact('service.units', ALWAYS, [], (input) => input.units),
  // A number to allocate.
  fact('service.hours', 'hours', [], (input) => input.minutes / 60),
  fact(
    'service.isGroup',
    'isGroup',
    ['type', 'group'],
    (type, group) => type === 'skill_building_group' || group !== undefined,
  ),
  fact('service.groupAttendees', 'group', ['group'], (group) => group?.attendees ?? null),
  fact('service.groupFacilitatorFte', 'group', ['group'], (group) => group?.facilitatorFte ?? null),
  fact('service.attendeesPerFacilitatorFte', 'group', ['group'], attendeesPerFacilitator),
  fact('service.userModifiers', ALWAYS, ['service'], (service) => service.modifiers),
  fact('service.identityVerified', 'identityVerified', ['service'], (service) => service.identityVerified),
  fact(
    'service.interventionInPlan',
    'interventionInPlan',
    ['service'],
    (service) => service.interventionInPlan,
  ),
  fact(
    'service.familyCoordinationDocumented',
    'familyCoordination',
    ['service'],
    (service) => service.familyCoordinationDocumented,
  ),
  fact('service.pinMissing', 'pin', ['service'], (service) => pinMissing(service.pin)),
  fact('service.signed', 'signature', ['signedOn'], (signedOn) => signedOn !== null),
  fact('service.documentsPlanOfCare', 'planOfCare', ['planOfCare'], (planOfCare) => planOfCare !== undefined),
  fact('service.planOfCareMissing', 'planOfCare', ['planOfCare'], planOfCareMissing),
  fact('service.signedOn', 'signature', ['signedOn'], (signedOn) => signedOn),
  fact('service.noteDueOn', ALWAYS, [], (input) => input.noteDueOn),
  fact(
    'service.late',
    'late',
    ['signedOn'],
    (signedOn, input) => signedOn !== null && signedOn > input.noteDueOn,
  ),
  fact('service.lateReason', 'lateReason', ['service'], (service) => service.lateReason ?? null),
  fact('service.epsdtJustification', 'epsdt', ['service'], (service) => service.epsdtJustification ?? null),
  fact('member.ageYears', 'memberAge', ['member'], (member, input) => safeAge(member.dateOfBirth, input)),
  fact('member.coveredOnDate', 'coverage', ['coverage'], (coverage) => coverage !== undefined),
  fact('member.memberId', 'coverage', ['coverage'], (coverage) => coverage?.memberId ?? null),
  fact('member.hasMedicare', ALWAYS, ['member'], (member) => member.hasMedicare),
  fact('member.specialPopulations', ALWAYS, ['member'], (member) => member.specialPopulations),
  fact('member.diagnosisCategories', 'diagnoses', ['member'], (member) =>
    diagnosisCategories(member.diagnoses),
  ),
  fact('member.hasDiagnosis', 'diagnoses', ['member'], (member) => member.diagnoses.length > 0),
  fact('member.asamLevel1Met', ALWAYS, ['member'], (member) => member.asamLevel1Met),
  fact('member.eligibilityVerifiedOnDate', 'eligibility', ['member'], (member, input) =>
    member.eligibilityVerifiedOn.includes(input.dateOfService),
  ),
  fact('member.telehealthConsentOnFile', 'consents', ['member'], (member, input) =>
    onOrBefore(member.consents.telehealth, input.dateOfService),
  ),
  fact('member.audioOnlyConsentOnFile', 'consents', ['member'], (member, input) =>
    onOrBefore(member.consents.audioOnly, input.dateOfService),
  ),
  fact('member.carePlanApproved', 'carePlan', ['carePlan'], (carePlan, input) =>
    carePlanApproved(carePlan, input.dateOfService),
  ),
  fact(
    'member.carePlanApprovalRecorded',
    'carePlan',
    ['carePlan'],
    (carePlan) => carePlan?.approvedOn !== undefined,
  ),
  fact('member.carePlanApproverRole', 'carePlan', ['carePlan'], (carePlan) => carePlan?.approverRole ?? null),
  fact('member.carePlanReviewOn', 'carePlan', ['carePlan'], (carePlan) => carePlan?.reviewOn ?? null),
  fact('member.assessmentBeforeService', 'assessment', ['member'], (member, input) =>
    onOrBefore(member.comprehensiveAssessmentOn, input.dateOfService),
  ),
  fact(
    'staff.certificationType',
    'certification',
    ['certification'],
    (certification) => certification?.type ?? null,
  ),
  fact('staff.certificationActive', 'certification', ['certification'], (certification, input) =>
    certificationActive(certification, input.dateOfService),
  ),
  fact(
    'staff.certificationExpiresOn',
    'certification',
    ['certification'],
    (certification) => certification?.expiresOn ?? null,
  ),
  fact('staff.ageYears', 'staffAges', ['staff'], (staff, input) => staffAge(staff.dateOfBirth, input)),
  fact('staff.yearsOlderThanMember', 'staffAges', ['staff', 'member'], (staff, member) =>
    yearsOlder(staff.dateOfBirth, member.dateOfBirth),
  ),
  fact('staff.highSchoolDiploma', ALWAYS, ['staff'], (staff) => staff.highSchoolDiploma),
  fact('staff.livedExperience', ALWAYS, ['staff'], (staff) => staff.livedExperience),
  fact('staff.taxonomy', ALWAYS, ['staff'], (staff) => staff.taxonomy ?? null),
  fact('staff.hasAssignedSupervisor', ALWAYS, ['staff'], (staff) => staff.hasAssignedSupervisor),
  fact('staff.ceHours', 'continuingEducation', ['staff'], (staff) => staff.continuingEducation.hours),
  fact(
    'staff.ceLawAndEthicsHours',
    'continuingEducation',
    ['staff'],
    (staff) => staff.continuingEducation.lawAndEthicsHours,
  ),
  fact('staff.supervises', ALWAYS, ['staff'], (staff) => staff.supervision !== undefined),
  fact('staff.supervisorTrainingDueOn', ALWAYS, [], (input) => input.supervisorTrainingDueOn),
  fact(
    'staff.supervisorTrainingOn',
    'supervision',
    ['staff'],
    (staff) => staff.supervision?.trainingCompletedOn ?? null,
  ),
  fact('program.type', 'program', [], (input) => input.request.program.type),
  // The ASAM level recorded on the member (North Carolina names it when it is not Level 1); null if none is.
  fact('member.asamLevel', ALWAYS, ['member'], (member) => member.asamLevel ?? null),
  fact(
    'member.firstPlanOfCareNoteOn',
    'firstPlanOfCareNote',
    ['member'],
    (member) => member.firstPlanOfCareNoteOn ?? null,
  ),
  // North Carolina: who did the comprehensive clinical assessment, and what of the service order is missing.
  fact(
    'member.assessmentClinician',
    'assessment',
    ['member'],
    (member) => member.comprehensiveAssessmentBy ?? null,
  ),
  fact('member.serviceOrderMissing', 'serviceOrder', ['member'], (member, input) =>
    serviceOrderMissing(member.serviceOrder, input.dateOfService),
  ),
  // North Carolina §I.D: the need areas the plan of care records (empty when there is no plan).
  fact('member.carePlanNeedAreas', 'carePlan', ['carePlan'], (carePlan) => carePlan?.needAreas ?? []),
  // North Carolina §V.G: why telephone consent could not be obtained, when the note documents it.
  fact(
    'service.consentCircumstances',
    'consentCircumstances',
    ['service'],
    (service) => service.consentCircumstances ?? null,
  ),
  // Kansas eligibility criteria (003): the date each was determined, when on or before the date of service.
  fact('member.functionalAssessmentOn', 'eligibilityCriteria', ['member'], (member, input) =>
    dateOnOrBefore(member.functionalAssessmentOn, input.dateOfService),
  ),
  fact('member.medicalNecessityOn', 'eligibilityCriteria', ['member'], (member, input) =>
    dateOnOrBefore(member.medicalNecessityOn, input.dateOfService),
  ),
  // Kansas (003 Additional Service Criteria 2): the clinical supervisor's qualification, null when none is on file.
  fact(
    'staff.clinicalSupervisorQualification',
    ALWAYS,
    ['staff'],
    (staff) => staff.clinicalSupervisorQualification ?? null,
  ),
] as const;

/** The name of a derived fact. */
export type DerivedFact = (typeof FACT_TABLE)[number]['name'];

/** A group of costly facts (see the header). */
export type CostlyGroup = Exclude<(typeof FACT_TABLE)[number]['group'], typeof ALWAYS>;

/** A line of the table, as code that reads any line sees it. */
export type FactEntry = FactDefinition<DerivedFact, CostlyGroup | typeof ALWAYS>;

/** The member's coverage with this pack's payer on the date of service. */
function coverageOn({
  request,
  dateOfService: date,
  payerPack,
}: FactInput): Member['coverage'][number] | undefined {
  for (const entry of request.member.coverage) {
    if (entry.payerPack === payerPack && inForce(date, entry.from, entry.to)) {
      return entry;
    }
  }
  return undefined;
}

/** True when a date is recorded and is not after the date of service. */
function onOrBefore(recorded: CalendarDate | undefined, date: CalendarDate): boolean {
  return recorded !== undefined && recorded <= date;
}

/** The recorded date when it is not after the date of service; otherwise null (not yet on file). */
function dateOnOrBefore(recorded: CalendarDate | undefined, date: CalendarDate): CalendarDate | null {
  return recorded !== undefined && recorded <= date ? recorded : null;
}

function certificationActive(certification: Staff['certification'], date: CalendarDate): boolean {
  return (
    certification !== undefined &&
    certification.type !== 'legacy_uncertified' &&
    (certification.issuedOn === undefined || certification.issuedOn <= date) &&
    (certification.expiresOn === undefined || date <= certification.expiresOn)
  );
}

function carePlanApproved(carePlan: Member['carePlan'], date: CalendarDate): boolean {
  return (
    carePlan?.approvedOn !== undefined &&
    carePlan.approvedOn <= date &&
    (carePlan.effectiveFrom === undefined || carePlan.effectiveFrom <= date) &&
    (carePlan.effectiveTo === undefined || date <= carePlan.effectiveTo)
  );
}

function pinMissing(pin: Service['pin']): string[] {
  const missing: string[] = [];
  if (pin.plan.trim() === '') missing.push('Plan');
  if (pin.interaction.trim() === '') missing.push('Interaction');
  if (pin.nextSteps.trim() === '') missing.push('Next steps');
  return missing;
}

function planOfCareMissing(planOfCare: Service['planOfCare']): string[] {
  const missing: string[] = [];
  if (planOfCare === undefined) {
    return missing;
  }
  if (planOfCare.longTermGoalsInMemberWords.trim() === '') {
    missing.push('long-term goals in the member’s words');
  }
  if (
    planOfCare.shortTermGoals.length === 0 ||
    planOfCare.shortTermGoals.some((goal) => goal.targetDate === undefined)
  ) {
    missing.push('S.M.A.R.T. short-term goals, each with a target date');
  }
  if (!planOfCare.memberParticipated) missing.push('that the member took part');
  if (!planOfCare.memberAgreed) missing.push('that the member agreed');
  return missing;
}

/**
 * What the member's service order for medical necessity lacks on the date of service, in words for the message:
 * none recorded, dated after the service, no ordering clinician, no credential. Empty when it is complete.
 */
function serviceOrderMissing(order: Member['serviceOrder'], date: CalendarDate): string[] {
  const missing: string[] = [];
  if (order?.orderedOn === undefined) {
    missing.push('the date of the service order');
  } else if (order.orderedOn > date) {
    missing.push(`a service order dated on or before ${date} (the one on file is dated ${order.orderedOn})`);
  }
  if (order?.clinician === undefined) missing.push('the ordering clinician');
  if (order?.credential === undefined) missing.push('the ordering clinician’s credential');
  return missing;
}

/** Each diagnosis category once, in the order first seen. */
function diagnosisCategories(diagnoses: Member['diagnoses']): string[] {
  const categories: string[] = [];
  for (const diagnosis of diagnoses) {
    if (!categories.includes(diagnosis.category)) {
      categories.push(diagnosis.category);
    }
  }
  return categories;
}

/**
 * Age on the date of service, or null when the date of birth is after it (a data error other rules report).
 * As `ageOn`, with the date of service read once for every age; a date of birth that is not a date fails as there.
 */
function safeAge(dateOfBirth: string, { dateOfService, dateOfServiceNumber }: FactInput): number | null {
  return dateOfBirth <= dateOfService
    ? ageOnDateNumbers(requireDateNumber(dateOfBirth), dateOfServiceNumber)
    : null;
}

/** True for a CMS place-of-service code, and when none is given (another rule asks for one). */
function knownPlaceOfService(placeOfService: string | null): boolean {
  return placeOfService === null || isKnownPlaceOfService(placeOfService);
}

function attendeesPerFacilitator(group: Service['group']): number | null {
  return group === undefined ? null : group.attendees / group.facilitatorFte;
}

/** The staff member's age on the date of service; null when their date of birth is not recorded. */
function staffAge(dateOfBirth: CalendarDate | undefined, input: FactInput): number | null {
  return dateOfBirth === undefined ? null : safeAge(dateOfBirth, input);
}

/** How many whole years the staff member is older than the member; null without their date of birth. */
function yearsOlder(staffBirth: CalendarDate | undefined, memberBirth: CalendarDate): number | null {
  return staffBirth === undefined ? null : yearsBetween(staffBirth, memberBirth);
}

/** Whole years from the older date of birth to the younger one (negative when the first is younger). */
function yearsBetween(olderBirth: string, youngerBirth: string): number {
  return olderBirth <= youngerBirth ? ageOn(olderBirth, youngerBirth) : -ageOn(youngerBirth, olderBirth);
}
