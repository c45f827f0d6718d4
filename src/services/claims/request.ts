/**
 * @module services/claims/request
 * A note as the engine's `ClaimPreviewRequest`, and the engine's problems back in the note's own words. One
 * table says which field of the note each field of the engine's service comes from; the request is built
 * with it and every problem the engine raises about the service is put back on that note field
 * (`['fields', 'serviceType']` for the engine's `['service', 'type']`), so the form places a problem by its
 * path alone and billing's worklist names the same field.
 */
import { inForce } from '../../engine/index.js';
import type {
  Authorization,
  ClaimPreviewRequest,
  Fee,
  MemberContext,
  ServiceHistory,
  ServiceInput,
  StaffContext,
} from '../../shared/api/claims.js';
import type { NoteFields } from '../../shared/api/notes.js';
import type { Problem } from '../../shared/problem.js';
import type { PayerPackId, ProgramType } from '../../shared/programs.js';
import type { DocumentedPlanOfCare } from '../care-plans/index.js';
import type { GroupContext } from './group-size.js';

/** Everything a note's claim is judged from, gathered by the claim context. */
export interface ClaimRequestParts {
  fields: NoteFields;
  /** The note's times, known to be entered. */
  times: { start: string; end: string };
  /** The day the note was (or, for a draft, would be) signed, where its program is. */
  signedOn: string;
  group: GroupContext | undefined;
  payerPack: PayerPackId;
  programType: ProgramType;
  member: Omit<MemberContext, 'carePlan'>;
  /** The plan of care in effect, or for a plan-of-care note the approval of the version it documents. */
  carePlan: MemberContext['carePlan'];
  /** The plan version a plan-of-care note documents (Los Angeles); null for every other note. */
  documented: DocumentedPlanOfCare | null;
  staff: StaffContext;
  history: ServiceHistory;
  authorizations: Authorization[];
  /** The fee schedule's lines in force for the note's payer, program and date. */
  fees: Fee[];
}

/** The engine's request for a note. */
export function claimRequestOf(parts: ClaimRequestParts): ClaimPreviewRequest {
  return {
    payerPack: parts.payerPack,
    service: serviceOf(parts),
    member: { ...parts.member, ...(parts.carePlan === undefined ? {} : { carePlan: parts.carePlan }) },
    staff: parts.staff,
    program: { type: parts.programType },
    history: parts.history,
    authorizations: parts.authorizations,
    fees: parts.fees,
    settings: {},
  };
}

/**
 * The note field each field of the engine's service comes from; null for what the note does not hold (the
 * group's size comes from its session, the signing date from the signature).
 */
const NOTE_FIELD_OF_SERVICE: { readonly [Key in keyof Required<ServiceInput>]: keyof NoteFields | null } = {
  dateOfService: 'dateOfService',
  type: 'serviceType',
  activity: 'activity',
  recipient: 'recipient',
  familyRelationToTreatment: 'familyRelationToTreatment',
  start: 'start',
  end: 'end',
  gaps: 'gaps',
  modality: 'modality',
  memberLocation: 'memberLocation',
  placeOfService: 'placeOfService',
  identityVerified: 'identityVerified',
  modifiers: 'modifiers',
  group: null,
  interventionInPlan: 'interventionInPlan',
  familyCoordinationDocumented: 'familyCoordinationDocumented',
  pin: 'pin',
  planOfCare: 'planOfCareId',
  signedOn: null,
  lateReason: 'lateReason',
  epsdtJustification: 'epsdtJustification',
  consentCircumstances: 'consentCircumstances',
};

function isServiceField(name: string | number | undefined): name is keyof ServiceInput {
  return typeof name === 'string' && Object.hasOwn(NOTE_FIELD_OF_SERVICE, name);
}

/**
 * The problem with its path on the note field it concerns: the engine's `['service', 'type']` becomes
 * `['fields', 'serviceType']`; the plan version's content (`['service', 'planOfCare', …]`) is the version the
 * note names (`['fields', 'planOfCareId']`). Problems about anything else (the member's record, the staff
 * member, the group) keep their path.
 */
export function onNoteFields(problem: Problem): Problem {
  const [root, name, ...rest] = problem.path;
  if (root !== 'service' || !isServiceField(name)) return problem;
  const field = NOTE_FIELD_OF_SERVICE[name];
  if (field === null) return problem;
  return { ...problem, path: field === 'planOfCareId' ? ['fields', field] : ['fields', field, ...rest] };
}

function serviceOf(parts: ClaimRequestParts): ServiceInput {
  const { fields, times, group, documented } = parts;
  return {
    dateOfService: fields.dateOfService,
    type: fields.serviceType,
    activity: fields.activity,
    recipient: fields.recipient,
    ...optionalText('familyRelationToTreatment', fields.familyRelationToTreatment),
    start: times.start,
    end: times.end,
    gaps: fields.gaps,
    modality: fields.modality,
    ...(fields.memberLocation === null ? {} : { memberLocation: fields.memberLocation }),
    // A blank place of service is left out so the pack derives it (telehealth).
    ...(fields.placeOfService === null ? {} : { placeOfService: fields.placeOfService }),
    identityVerified: fields.identityVerified,
    modifiers: fields.modifiers,
    ...(group === undefined ? {} : { group }),
    interventionInPlan: fields.interventionInPlan,
    familyCoordinationDocumented: fields.familyCoordinationDocumented,
    pin: fields.pin,
    ...(documented === null ? {} : { planOfCare: documented.planOfCare }),
    signedOn: parts.signedOn,
    ...optionalText('lateReason', fields.lateReason),
    ...optionalText('epsdtJustification', fields.epsdtJustification),
    ...optionalText('consentCircumstances', fields.consentCircumstances),
  };
}

/** A free-text field the engine wants present only when it says something. */
function optionalText<const Key extends string>(key: Key, value: string | null): { [K in Key]?: string } {
  const text = value?.trim() ?? '';
  return (text === '' ? {} : { [key]: text }) as { [K in Key]?: string };
}

/**
 * The coverage entry a note is judged by: the member's coverage in force on the date among the packs the
 * program bills (coverage comes most specific first, so a county's pack wins over the state's), or undefined
 * when none is. Its member id is the one the claim carries.
 */
export function coverageJudgedBy(
  coverage: MemberContext['coverage'],
  programPacks: readonly PayerPackId[],
  date: string,
): MemberContext['coverage'][number] | undefined {
  return coverage.find(
    (entry) => programPacks.includes(entry.payerPack) && inForce(date, entry.from, entry.to),
  );
}

/** The pack a note is judged by (see {@link coverageJudgedBy}), or null when no coverage is in force. */
export function payerPackOn(
  coverage: MemberContext['coverage'],
  programPacks: readonly PayerPackId[],
  date: string,
): PayerPackId | null {
  return coverageJudgedBy(coverage, programPacks, date)?.payerPack ?? null;
}
