/**
 * @module engine/rules/facts
 * Turns a claim preview request into the flat facts that pack conditions read (`service.units`,
 * `member.ageYears`, `staff.certificationActive` …). Everything a rule compares is derived from the input
 * alone — the date of service stands in for "today", so the result never depends on the clock. A pack derives
 * the costly facts only when its rules read them (see `plan.ts`); `deriveFacts` gives them all, by name.
 */
import type { ClaimPreviewRequest } from '../../shared/api/claims.js';
import { ageOnDateNumbers } from '../calendar/age.js';
import { addBusinessDaysToDateNumber } from '../calendar/business-days.js';
import { dateNumber, requireDateNumber } from '../calendar/date.js';
import { addBusinessDays, addDays, ageOn, type CalendarDate } from '../calendar/index.js';
import type { Facts, FactValue } from './conditions.js';
import { isKnownPlaceOfService } from './place-of-service.js';

/** What every fact is derived from: the request, its minutes and units, and the dates a pack's settings set. */
export interface FactInput {
  readonly request: ClaimPreviewRequest;
  /** The date of service, read once: see `COSTLY_FACTS` on why each field of the service is read once. */
  readonly dateOfService: CalendarDate;
  /** The date of service as `dateNumber` reads it (YYYYMMDD), read once for the due date and every age. */
  readonly dateOfServiceNumber: number;
  readonly minutes: number;
  readonly units: number;
  readonly payerPack: string;
  readonly noteDueOn: CalendarDate;
  readonly supervisorTrainingDueOn: CalendarDate | null;
}

/** The settings that move the two dates a fact input holds, as numbers of days. */
export interface DaySettings {
  readonly noteDueBusinessDays: number;
  readonly supervisorTrainingDays: number;
}

export interface FactOptions extends DaySettings {
  readonly payerPack: string;
}

/**
 * The input of the fact derivations. The two dates a setting moves are computed here, once, for every pack:
 * the note due date is part of every preview, and a bad setting must fail the same way whatever the pack reads.
 */
export function factInput(
  request: ClaimPreviewRequest,
  minutes: number,
  units: number,
  payerPack: string,
  days: DaySettings,
): FactInput {
  const supervision = request.staff.supervision;
  const dateOfService = request.service.dateOfService;
  const dateOfServiceNumber = dateNumber(dateOfService);
  return {
    request,
    dateOfService,
    dateOfServiceNumber,
    minutes,
    units,
    payerPack,
    // A date that is not one fails in `addBusinessDays`, with the error it always gave.
    noteDueOn:
      dateOfServiceNumber < 0
        ? addBusinessDays(dateOfService, days.noteDueBusinessDays)
        : addBusinessDaysToDateNumber(dateOfService, dateOfServiceNumber, days.noteDueBusinessDays),
    supervisorTrainingDueOn:
      supervision === undefined ? null : addDays(supervision.startedOn, days.supervisorTrainingDays),
  };
}

/** Every fact derived from the request, in the order `deriveFactValues` writes and `deriveFacts` lists them. */
export const DERIVED_FACTS = [
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
  'member.carePlanReviewOn',
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
] as const;

export type DerivedFact = (typeof DERIVED_FACTS)[number];

/**
 * The derived facts that cost something, grouped by what they are computed from; a pack derives a group only
 * when it reads one of its facts. What costs:
 *
 * - an object of the request to read (each one a likely cache miss: a request is a tree of small objects),
 *   dates to compare, lists or numbers to allocate;
 * - **any field of the service record.** Its optional fields make one hidden class per combination present (the
 *   benchmark's pool of 10,000 services has 47), so V8 reads every field of it through its megamorphic cache,
 *   about 7 ns a read where a field of a record of one shape costs well under 1 ns. So each service field a
 *   pack reads is read once, and one it does not read is not read at all.
 *
 * The other derived facts — the date of service, type, modality and user modifiers, which the evaluator itself
 * uses, and the fields of the member and staff records, which come in two shapes each — are always set.
 */
export const COSTLY_FACTS = {
  activity: ['service.activity'],
  recipient: ['service.recipient'],
  familyRelation: ['service.familyRelationToTreatment'],
  memberLocation: ['service.memberLocation'],
  placeOfServiceKnown: ['service.placeOfServiceKnown'],
  hours: ['service.hours'],
  isGroup: ['service.isGroup'],
  group: ['service.groupAttendees', 'service.groupFacilitatorFte', 'service.attendeesPerFacilitatorFte'],
  identityVerified: ['service.identityVerified'],
  interventionInPlan: ['service.interventionInPlan'],
  familyCoordination: ['service.familyCoordinationDocumented'],
  pin: ['service.pinMissing'],
  signature: ['service.signed', 'service.signedOn'],
  planOfCare: ['service.documentsPlanOfCare', 'service.planOfCareMissing'],
  late: ['service.late'],
  lateReason: ['service.lateReason'],
  epsdt: ['service.epsdtJustification'],
  memberAge: ['member.ageYears'],
  coverage: ['member.coveredOnDate', 'member.memberId'],
  diagnoses: ['member.diagnosisCategories', 'member.hasDiagnosis'],
  eligibility: ['member.eligibilityVerifiedOnDate'],
  consents: ['member.telehealthConsentOnFile', 'member.audioOnlyConsentOnFile'],
  carePlan: [
    'member.carePlanApproved',
    'member.carePlanApprovalRecorded',
    'member.carePlanApproverRole',
    'member.carePlanReviewOn',
  ],
  assessment: ['member.assessmentBeforeService'],
  certification: ['staff.certificationType', 'staff.certificationActive', 'staff.certificationExpiresOn'],
  staffAges: ['staff.ageYears', 'staff.yearsOlderThanMember'],
  continuingEducation: ['staff.ceHours', 'staff.ceLawAndEthicsHours'],
  supervision: ['staff.supervisorTrainingOn'],
  program: ['program.type'],
} as const satisfies Readonly<Record<string, readonly DerivedFact[]>>;

export type CostlyGroup = keyof typeof COSTLY_FACTS;

/** Which groups of costly facts to derive (see `COSTLY_FACTS`). */
export type DerivationNeeds = Readonly<Record<CostlyGroup, boolean>>;

/** The groups holding any of `facts`. Always builds the same object shape, so reading it stays fast. */
export function needsOf(facts: ReadonlySet<string>): DerivationNeeds {
  const needs = (group: CostlyGroup): boolean => COSTLY_FACTS[group].some((fact: string) => facts.has(fact));
  return {
    activity: needs('activity'),
    recipient: needs('recipient'),
    familyRelation: needs('familyRelation'),
    memberLocation: needs('memberLocation'),
    placeOfServiceKnown: needs('placeOfServiceKnown'),
    hours: needs('hours'),
    isGroup: needs('isGroup'),
    group: needs('group'),
    identityVerified: needs('identityVerified'),
    interventionInPlan: needs('interventionInPlan'),
    familyCoordination: needs('familyCoordination'),
    pin: needs('pin'),
    signature: needs('signature'),
    planOfCare: needs('planOfCare'),
    late: needs('late'),
    lateReason: needs('lateReason'),
    epsdt: needs('epsdt'),
    memberAge: needs('memberAge'),
    coverage: needs('coverage'),
    diagnoses: needs('diagnoses'),
    eligibility: needs('eligibility'),
    consents: needs('consents'),
    carePlan: needs('carePlan'),
    assessment: needs('assessment'),
    certification: needs('certification'),
    staffAges: needs('staffAges'),
    continuingEducation: needs('continuingEducation'),
    supervision: needs('supervision'),
    program: needs('program'),
  };
}

/** Every costly fact: what `deriveFacts`, which gives every fact by name, asks for. */
const ALL_NEEDS = needsOf(new Set(DERIVED_FACTS));

/**
 * Writes the derived facts into `values`, element i being the fact `DERIVED_FACTS[i]` (left undefined for a
 * costly fact not needed). Written out in one function rather than a function per fact: this runs for every
 * service, and one straight run of property reads costs much less than thirty calls through a table.
 *
 * @param values - the service's fact slots, at least `DERIVED_FACTS.length` long
 * @param input - the request and what was computed from it
 * @param needs - the groups of costly facts to derive
 */
export function deriveFactValues(
  values: (FactValue | undefined)[],
  input: FactInput,
  needs: DerivationNeeds,
): void {
  const { request, minutes, noteDueOn } = input;
  const { service, member, staff } = request;
  const date = input.dateOfService;
  // The service's fields, each read once and only when needed (see `COSTLY_FACTS`).
  const type = service.type;
  const modality = service.modality;
  const placeOfService = service.placeOfService ?? null;
  const group = needs.group || needs.isGroup ? service.group : undefined;
  const signedOn = needs.signature || needs.late ? (service.signedOn ?? null) : null;
  const planOfCare = needs.planOfCare ? service.planOfCare : undefined;
  const carePlan = needs.carePlan ? member.carePlan : undefined;
  const certification = needs.certification ? staff.certification : undefined;
  const coverage = needs.coverage ? coverageOn(input) : undefined;
  const categories = needs.diagnoses ? diagnosisCategories(member.diagnoses) : undefined;
  // One line per fact, in the order of DERIVED_FACTS; where the value does not name its fact, a comment does.
  let slot = 0;
  values[slot++] = date;
  values[slot++] = type;
  values[slot++] = needs.activity ? service.activity : undefined;
  values[slot++] = needs.recipient ? service.recipient : undefined;
  values[slot++] = needs.familyRelation ? (service.familyRelationToTreatment ?? null) : undefined;
  values[slot++] = modality;
  values[slot++] = modality !== 'in_person'; // service.telehealth
  values[slot++] = needs.memberLocation ? (service.memberLocation ?? null) : undefined;
  values[slot++] = placeOfService;
  values[slot++] = needs.placeOfServiceKnown ? knownPlaceOfService(placeOfService) : undefined;
  values[slot++] = minutes;
  values[slot++] = input.units;
  values[slot++] = needs.hours ? minutes / 60 : undefined; // service.hours (a number to allocate)
  values[slot++] = needs.isGroup ? type === 'skill_building_group' || group !== undefined : undefined; // isGroup
  values[slot++] = needs.group ? (group?.attendees ?? null) : undefined; // service.groupAttendees
  values[slot++] = needs.group ? (group?.facilitatorFte ?? null) : undefined; // service.groupFacilitatorFte
  values[slot++] = needs.group ? attendeesPerFacilitator(group) : undefined;
  values[slot++] = service.modifiers; // service.userModifiers
  values[slot++] = needs.identityVerified ? service.identityVerified : undefined;
  values[slot++] = needs.interventionInPlan ? service.interventionInPlan : undefined;
  values[slot++] = needs.familyCoordination ? service.familyCoordinationDocumented : undefined;
  values[slot++] = needs.pin ? pinMissing(service.pin) : undefined;
  values[slot++] = needs.signature ? signedOn !== null : undefined; // service.signed
  values[slot++] = needs.planOfCare ? planOfCare !== undefined : undefined; // service.documentsPlanOfCare
  values[slot++] = needs.planOfCare ? planOfCareMissing(planOfCare) : undefined;
  values[slot++] = needs.signature ? signedOn : undefined;
  values[slot++] = noteDueOn;
  values[slot++] = needs.late ? signedOn !== null && signedOn > noteDueOn : undefined; // service.late
  values[slot++] = needs.lateReason ? (service.lateReason ?? null) : undefined;
  values[slot++] = needs.epsdt ? (service.epsdtJustification ?? null) : undefined;
  values[slot++] = needs.memberAge ? safeAge(member.dateOfBirth, input) : undefined; // member.ageYears
  values[slot++] = needs.coverage ? coverage !== undefined : undefined; // member.coveredOnDate
  values[slot++] = needs.coverage ? (coverage?.memberId ?? null) : undefined;
  values[slot++] = member.hasMedicare;
  values[slot++] = member.specialPopulations;
  values[slot++] = categories; // member.diagnosisCategories
  values[slot++] = needs.diagnoses ? member.diagnoses.length > 0 : undefined; // member.hasDiagnosis
  values[slot++] = member.asamLevel1Met;
  values[slot++] = needs.eligibility ? member.eligibilityVerifiedOn.includes(date) : undefined;
  values[slot++] = needs.consents ? onOrBefore(member.consents.telehealth, date) : undefined;
  values[slot++] = needs.consents ? onOrBefore(member.consents.audioOnly, date) : undefined;
  values[slot++] = needs.carePlan ? carePlanApproved(carePlan, date) : undefined;
  values[slot++] = needs.carePlan ? carePlan?.approvedOn !== undefined : undefined; // …ApprovalRecorded
  values[slot++] = needs.carePlan ? (carePlan?.approverRole ?? null) : undefined;
  values[slot++] = needs.carePlan ? (carePlan?.reviewOn ?? null) : undefined; // member.carePlanReviewOn
  values[slot++] = needs.assessment ? onOrBefore(member.comprehensiveAssessmentOn, date) : undefined;
  values[slot++] = needs.certification ? (certification?.type ?? null) : undefined;
  values[slot++] = needs.certification ? certificationActive(certification, date) : undefined;
  values[slot++] = needs.certification ? (certification?.expiresOn ?? null) : undefined;
  values[slot++] = needs.staffAges ? staffAge(staff.dateOfBirth, input) : undefined; // staff.ageYears
  values[slot++] = needs.staffAges ? yearsOlder(staff.dateOfBirth, member.dateOfBirth) : undefined;
  values[slot++] = staff.highSchoolDiploma;
  values[slot++] = staff.livedExperience;
  values[slot++] = staff.taxonomy;
  values[slot++] = staff.hasAssignedSupervisor;
  values[slot++] = needs.continuingEducation ? staff.continuingEducation.hours : undefined; // staff.ceHours
  values[slot++] = needs.continuingEducation ? staff.continuingEducation.lawAndEthicsHours : undefined;
  values[slot++] = staff.supervision !== undefined; // staff.supervises
  values[slot++] = input.supervisorTrainingDueOn;
  values[slot++] = needs.supervision ? (staff.supervision?.trainingCompletedOn ?? null) : undefined;
  values[slot] = needs.program ? request.program.type : undefined;
}

/** `count` undefined values, pushed one by one so V8 keeps the array packed (no holes to check on reads). */
export function blankValues(count: number): (FactValue | undefined)[] {
  const values: (FactValue | undefined)[] = [];
  while (values.length < count) {
    values.push(undefined);
  }
  return values;
}

/** The facts the evaluator sets once the code is chosen. */
export const EVALUATED_FACTS = [
  'line.code',
  'line.modifiers',
  'line.procedure',
  'line.unitRateCents',
  'line.hasRate',
  'authorization.number',
  'authorization.covers',
  'authorization.remainingUnits',
] as const;

/** A fact every pack holds in the same slot: derived or evaluated. */
export type FixedFact = DerivedFact | (typeof EVALUATED_FACTS)[number];

/** Every fact name conditions and messages may use, besides `settings.*` and `limit.*`. */
export const FACT_NAMES: ReadonlySet<string> = new Set<string>([...DERIVED_FACTS, ...EVALUATED_FACTS]);

export type MutableFacts = Record<string, FactValue>;

/**
 * Facts about the service, member, staff member and program, by name. Line, limit and authorization facts are
 * added by the evaluator once the code is chosen.
 */
export function deriveFacts(
  request: ClaimPreviewRequest,
  timing: { minutes: number; units: number },
  options: FactOptions,
): MutableFacts {
  // Sized and packed like the evaluator's fact arrays. Growing an empty array here taught `deriveFactValues`'s
  // stores to grow arrays, which then made them slower for every service judged later in the same process (the
  // benchmark calls this while preparing its baseline; see docs/PERFORMANCE.md).
  const values = blankValues(DERIVED_FACTS.length);
  deriveFactValues(
    values,
    factInput(request, timing.minutes, timing.units, options.payerPack, options),
    ALL_NEEDS,
  );
  const facts: MutableFacts = {};
  DERIVED_FACTS.forEach((name, index) => {
    // With every group needed no value is undefined; `?? null` only tells the type checker so.
    facts[name] = values[index] ?? null;
  });
  return facts;
}

/**
 * The member's coverage with this pack's payer on the date of service. Dates are compared as strings, which
 * orders valid 'YYYY-MM-DD' dates exactly as the calendar does, without reading them.
 */
function coverageOn({
  request,
  dateOfService: date,
  payerPack,
}: FactInput): ClaimPreviewRequest['member']['coverage'][number] | undefined {
  for (const entry of request.member.coverage) {
    if (entry.payerPack === payerPack && entry.from <= date && (entry.to === null || date <= entry.to)) {
      return entry;
    }
  }
  return undefined;
}

/** True when a date is recorded and is not after the date of service. */
function onOrBefore(recorded: CalendarDate | undefined, date: CalendarDate): boolean {
  return recorded !== undefined && recorded <= date;
}

function certificationActive(
  certification: ClaimPreviewRequest['staff']['certification'],
  date: CalendarDate,
): boolean {
  return (
    certification !== undefined &&
    certification.type !== 'legacy_uncertified' &&
    (certification.issuedOn === undefined || certification.issuedOn <= date) &&
    (certification.expiresOn === undefined || date <= certification.expiresOn)
  );
}

function carePlanApproved(carePlan: ClaimPreviewRequest['member']['carePlan'], date: CalendarDate): boolean {
  return (
    carePlan?.approvedOn !== undefined &&
    carePlan.approvedOn <= date &&
    (carePlan.effectiveFrom === undefined || carePlan.effectiveFrom <= date) &&
    (carePlan.effectiveTo === undefined || date <= carePlan.effectiveTo)
  );
}

function pinMissing(pin: ClaimPreviewRequest['service']['pin']): string[] {
  const missing: string[] = [];
  if (pin.plan.trim() === '') missing.push('Plan');
  if (pin.interaction.trim() === '') missing.push('Interaction');
  if (pin.nextSteps.trim() === '') missing.push('Next steps');
  return missing;
}

function planOfCareMissing(planOfCare: ClaimPreviewRequest['service']['planOfCare']): string[] {
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

/** Each diagnosis category once, in the order first seen. */
function diagnosisCategories(diagnoses: ClaimPreviewRequest['member']['diagnoses']): string[] {
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

function attendeesPerFacilitator(group: ClaimPreviewRequest['service']['group']): number | null {
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

export type { Facts };
