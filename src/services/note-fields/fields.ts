/**
 * @module services/note-fields/fields
 * The note's editable fields as the API speaks them (`NoteFields`) and as `service_notes` stores them, in
 * both directions. One mapping, so a field added to the contract has exactly one place to be stored.
 */
import type { Updateable } from 'kysely';
import type { NoteFields } from '../../shared/api/notes.js';
import type { ServiceNoteRow, ServiceNotesTable } from '../../store/index.js';

/** The stored columns that hold a note's fields. */
export type NoteFieldColumns = Pick<
  Updateable<ServiceNotesTable>,
  | 'service_type'
  | 'activity'
  | 'recipient'
  | 'family_relation_to_treatment'
  | 'date_of_service'
  | 'start_time'
  | 'end_time'
  | 'gaps'
  | 'modality'
  | 'member_location'
  | 'place_of_service'
  | 'identity_verified'
  | 'modifiers'
  | 'goals_addressed'
  | 'intervention_in_plan'
  | 'family_coordination_documented'
  | 'pin_plan'
  | 'pin_interaction'
  | 'pin_next_steps'
  | 'member_response'
  | 'late_reason'
  | 'epsdt_justification'
  | 'consent_circumstances'
  | 'plan_of_care_id'
>;

export function fieldsOfRow(row: ServiceNoteRow): NoteFields {
  return {
    serviceType: row.service_type,
    activity: row.activity,
    recipient: row.recipient,
    familyRelationToTreatment: row.family_relation_to_treatment,
    dateOfService: row.date_of_service,
    start: row.start_time,
    end: row.end_time,
    gaps: row.gaps.map((gap) => ({ start: gap.start, end: gap.end })),
    modality: row.modality,
    memberLocation: row.member_location,
    placeOfService: row.place_of_service,
    identityVerified: row.identity_verified,
    modifiers: row.modifiers,
    goalsAddressed: row.goals_addressed,
    interventionInPlan: row.intervention_in_plan,
    familyCoordinationDocumented: row.family_coordination_documented,
    pin: { plan: row.pin_plan, interaction: row.pin_interaction, nextSteps: row.pin_next_steps },
    memberResponse: row.member_response,
    lateReason: row.late_reason,
    epsdtJustification: row.epsdt_justification,
    consentCircumstances: row.consent_circumstances,
    planOfCareId: row.plan_of_care_id,
  };
}

/** The columns to write for the fields present in `fields` (absent fields stay as they are). */
export function columnsOfFields(fields: Partial<NoteFields>): NoteFieldColumns {
  const columns: NoteFieldColumns = {};
  if (fields.serviceType !== undefined) columns.service_type = fields.serviceType;
  if (fields.activity !== undefined) columns.activity = fields.activity;
  if (fields.recipient !== undefined) columns.recipient = fields.recipient;
  if (fields.familyRelationToTreatment !== undefined) {
    columns.family_relation_to_treatment = fields.familyRelationToTreatment;
  }
  if (fields.dateOfService !== undefined) columns.date_of_service = fields.dateOfService;
  if (fields.start !== undefined) columns.start_time = fields.start;
  if (fields.end !== undefined) columns.end_time = fields.end;
  if (fields.gaps !== undefined) columns.gaps = JSON.stringify(fields.gaps);
  if (fields.modality !== undefined) columns.modality = fields.modality;
  if (fields.memberLocation !== undefined) columns.member_location = fields.memberLocation;
  if (fields.placeOfService !== undefined) columns.place_of_service = fields.placeOfService;
  if (fields.identityVerified !== undefined) columns.identity_verified = fields.identityVerified;
  if (fields.modifiers !== undefined) columns.modifiers = fields.modifiers;
  if (fields.goalsAddressed !== undefined) columns.goals_addressed = fields.goalsAddressed;
  if (fields.interventionInPlan !== undefined) columns.intervention_in_plan = fields.interventionInPlan;
  if (fields.familyCoordinationDocumented !== undefined) {
    columns.family_coordination_documented = fields.familyCoordinationDocumented;
  }
  if (fields.pin !== undefined) {
    columns.pin_plan = fields.pin.plan;
    columns.pin_interaction = fields.pin.interaction;
    columns.pin_next_steps = fields.pin.nextSteps;
  }
  if (fields.memberResponse !== undefined) columns.member_response = fields.memberResponse;
  if (fields.lateReason !== undefined) columns.late_reason = fields.lateReason;
  if (fields.epsdtJustification !== undefined) columns.epsdt_justification = fields.epsdtJustification;
  if (fields.consentCircumstances !== undefined) {
    columns.consent_circumstances = fields.consentCircumstances;
  }
  if (fields.planOfCareId !== undefined) columns.plan_of_care_id = fields.planOfCareId;
  return columns;
}

/**
 * The fields a draft starts with when the create request leaves them out (the table's defaults). Nothing the
 * author must state is assumed: "part of the plan of care" starts false, like identity verification.
 */
export function defaultFields(required: Pick<NoteFields, 'serviceType' | 'dateOfService'>): NoteFields {
  return {
    serviceType: required.serviceType,
    activity: 'recovery_coaching',
    recipient: 'member',
    familyRelationToTreatment: null,
    dateOfService: required.dateOfService,
    start: null,
    end: null,
    gaps: [],
    modality: 'in_person',
    memberLocation: null,
    placeOfService: null,
    identityVerified: false,
    modifiers: [],
    goalsAddressed: [],
    interventionInPlan: false,
    familyCoordinationDocumented: false,
    pin: { plan: '', interaction: '', nextSteps: '' },
    memberResponse: '',
    lateReason: null,
    epsdtJustification: null,
    consentCircumstances: null,
    planOfCareId: null,
  };
}

/** `base` with the fields present in `changes` replaced (a parsed partial carries no undefined values). */
export function mergeFields(base: NoteFields, changes: Partial<NoteFields>): NoteFields {
  return { ...base, ...changes };
}
