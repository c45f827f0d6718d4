/**
 * @module store/schema
 * Kysely table types, one interface per table, matching the migrations in ./migrations.
 * Every table but `organisations` carries `organisation_id`: every query is scoped by it.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { AuditOutcome } from '../shared/api/audit.js';
import type { BillingRunStatus, ClaimFrequencyCode, ClaimStatus, MemberSex } from '../shared/billing.js';
import type { Problem } from '../shared/problem.js';
import type {
  Activity,
  CertificationType,
  ClinicalSupervisorQualification,
  Modality,
  ServiceType,
} from '../shared/api/claims.js';
import type {
  APPROVER_ROLES,
  DIAGNOSIS_CATEGORIES,
  MEMBER_LOCATIONS,
  SPECIAL_POPULATIONS,
} from '../shared/api/claims.js';
import type {
  AsamLevel,
  CarePlanStatus,
  ConsentKind,
  ContactKind,
  EligibilityCriterion,
  EligibilityResult,
  FacilitatorRole,
  GoalStatus,
  NeedArea,
  NoteStatus,
  ReviewStatus,
} from '../shared/documentation.js';
import type { PayerPackId, ProgramType } from '../shared/programs.js';
import type { Role } from '../shared/roles.js';

/** A timestamptz column: written as a Date, read back as a Date (pg's parser, on both databases). */
type Timestamp = ColumnType<Date, Date, Date>;
type CreatedTimestamp = ColumnType<Date, Date | undefined, never>;
type ApproverRole = (typeof APPROVER_ROLES)[number];
type DiagnosisCategory = (typeof DIAGNOSIS_CATEGORIES)[number];
type MemberLocation = (typeof MEMBER_LOCATIONS)[number];
type SpecialPopulation = (typeof SPECIAL_POPULATIONS)[number];

export interface OrganisationsTable {
  id: Generated<string>;
  name: string;
  tax_id: string | null;
  created_at: CreatedTimestamp;
}

export interface ProgramsTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  type: ProgramType;
  npi: string;
  taxonomy: string;
  address_line1: string;
  address_line2: string | null;
  city: string;
  state: string;
  postal_code: string;
  time_zone: string;
  payer_packs: PayerPackId[];
  created_at: CreatedTimestamp;
}

export interface UsersTable {
  id: Generated<string>;
  organisation_id: string;
  email: string;
  display_name: string;
  password_hash: string;
  roles: Role[];
  active: Generated<boolean>;
  failed_login_count: Generated<number>;
  locked_until: Date | null;
  last_login_at: Date | null;
  created_at: CreatedTimestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id: Generated<string>;
  /** SHA-256 of the token, hex; the token itself is only ever in the user's cookie. */
  token_hash: string;
  user_id: string;
  organisation_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  idle_expires_at: Timestamp;
  absolute_expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditEventsTable {
  /** bigint identity, read as a string. */
  id: ColumnType<string, never, never>;
  /** Null only for events no organisation can be named for (a login with an unknown email). */
  organisation_id: string | null;
  occurred_at: Timestamp;
  user_id: string | null;
  user_email: string | null;
  action: string;
  record_type: string | null;
  record_id: string | null;
  ip: string | null;
  outcome: AuditOutcome;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
}

/** A `date` column: read and written as `YYYY-MM-DD` text (the store's type parser keeps dates as text). */
type CalendarDate = string;
/** A `numeric` column: pg reads it as text so no precision is lost; write a number or text. */
type Numeric = ColumnType<string, number | string, number | string>;
type UpdatedTimestamp = ColumnType<Date, Date | undefined, Date>;

export interface StaffProfilesTable {
  user_id: string;
  organisation_id: string;
  certification_type: CertificationType | null;
  certification_number: string | null;
  certification_issued_on: CalendarDate | null;
  certification_expires_on: CalendarDate | null;
  npi: string | null;
  /** The rendering taxonomy as recorded; null when none is (never filled in). */
  taxonomy: ColumnType<string | null, string | null | undefined, string | null>;
  date_of_birth: CalendarDate | null;
  high_school_diploma: Generated<boolean>;
  lived_experience: Generated<boolean>;
  background_check_on: CalendarDate | null;
  supervisor_id: string | null;
  supervising_since: CalendarDate | null;
  supervisor_training_on: CalendarDate | null;
  /** Kansas (003): the peer's clinical supervisor, as written, and their qualification; both or neither. */
  clinical_supervisor_name: ColumnType<string | null, string | null | undefined, string | null>;
  clinical_supervisor_qualification: ColumnType<
    ClinicalSupervisorQualification | null,
    ClinicalSupervisorQualification | null | undefined,
    ClinicalSupervisorQualification | null
  >;
  updated_at: UpdatedTimestamp;
}

export interface ContinuingEducationTable {
  id: Generated<string>;
  organisation_id: string;
  user_id: string;
  completed_on: CalendarDate;
  title: string;
  provider: string;
  hours: Numeric;
  law_and_ethics_hours: Numeric;
  created_at: CreatedTimestamp;
}

export interface MembersTable {
  id: Generated<string>;
  organisation_id: string;
  first_name: string;
  last_name: string;
  preferred_name: string | null;
  pronouns: string | null;
  date_of_birth: CalendarDate;
  medicaid_id: string | null;
  phone: string | null;
  has_medicare: Generated<boolean>;
  asam_level: AsamLevel | null;
  special_populations: Generated<SpecialPopulation[]>;
  program_id: string;
  assigned_peer_id: string | null;
  active: Generated<boolean>;
  /** For the 837's DMG segment: F, M or U (unknown). */
  sex: Generated<MemberSex>;
  address_line1: string | null;
  city: string | null;
  state: string | null;
  postal_code: string | null;
  created_at: CreatedTimestamp;
  updated_at: UpdatedTimestamp;
}

export interface MemberContactsTable {
  id: Generated<string>;
  organisation_id: string;
  member_id: string;
  kind: ContactKind;
  name: string;
  relationship: string | null;
  phone: string | null;
  email: string | null;
  created_at: CreatedTimestamp;
}

export interface CoveragePeriodsTable {
  id: Generated<string>;
  organisation_id: string;
  member_id: string;
  payer_pack: PayerPackId;
  plan_name: string;
  member_number: string;
  starts_on: CalendarDate;
  ends_on: CalendarDate | null;
  created_at: CreatedTimestamp;
}

export interface EligibilityChecksTable {
  id: Generated<string>;
  organisation_id: string;
  member_id: string;
  checked_on: CalendarDate;
  result: EligibilityResult;
  source: string;
  checked_by: string;
  created_at: CreatedTimestamp;
}

/** Kansas eligibility criteria (003): functional assessment and medical necessity, each as determined. */
export interface EligibilityDeterminationsTable {
  id: Generated<string>;
  organisation_id: string;
  member_id: string;
  criterion: EligibilityCriterion;
  determined_on: CalendarDate;
  determined_by: string;
  recorded_by: string;
  created_at: CreatedTimestamp;
}

/** Kansas (003): group psychosocial rehabilitation hours delivered outside Peerline, counted toward 750 hours. */
export interface OutsideGroupHoursTable {
  id: Generated<string>;
  organisation_id: string;
  member_id: string;
  delivered_on: CalendarDate;
  hours: Numeric;
  source: string;
  recorded_by: string;
  created_at: CreatedTimestamp;
}

export interface DiagnosesTable {
  id: Generated<string>;
  organisation_id: string;
  member_id: string;
  code: string;
  description: string;
  category: DiagnosisCategory;
  recorded_on: CalendarDate;
  resolved_on: CalendarDate | null;
  created_at: CreatedTimestamp;
}

export interface EpisodesOfCareTable {
  id: Generated<string>;
  organisation_id: string;
  member_id: string;
  program_id: string;
  admitted_on: CalendarDate;
  discharged_on: CalendarDate | null;
  assessment_on: CalendarDate | null;
  assessment_clinician: string | null;
  service_order_on: CalendarDate | null;
  service_order_clinician: string | null;
  service_order_credential: string | null;
  created_at: CreatedTimestamp;
}

export interface ConsentsTable {
  id: Generated<string>;
  organisation_id: string;
  member_id: string;
  kind: ConsentKind;
  given_on: CalendarDate;
  expires_on: CalendarDate | null;
  revoked_on: CalendarDate | null;
  details: string | null;
  created_at: CreatedTimestamp;
}

export interface CarePlansTable {
  id: Generated<string>;
  organisation_id: string;
  member_id: string;
  version: number;
  kind: 'new' | 'updated';
  status: Generated<CarePlanStatus>;
  long_term_goals: Generated<string>;
  member_participated: Generated<boolean>;
  member_agreed: Generated<boolean>;
  author_id: string;
  effective_from: CalendarDate | null;
  review_on: CalendarDate | null;
  /** North Carolina §I.D areas of need the version addresses (`NEED_AREAS`). */
  need_areas: Generated<NeedArea[]>;
  approved_by: string | null;
  approver_role: ApproverRole | null;
  approved_at: Date | null;
  return_comment: string | null;
  created_at: CreatedTimestamp;
  updated_at: UpdatedTimestamp;
}

export interface CarePlanGoalsTable {
  id: Generated<string>;
  organisation_id: string;
  care_plan_id: string;
  position: number;
  text: string;
  target_date: CalendarDate | null;
  status: Generated<GoalStatus>;
}

export interface GroupSessionsTable {
  id: Generated<string>;
  organisation_id: string;
  program_id: string;
  topic: string;
  date_of_service: CalendarDate;
  start_time: string | null;
  end_time: string | null;
  modality: Generated<Modality>;
  member_location: MemberLocation | null;
  place_of_service: string | null;
  interaction: Generated<string>;
  created_by: string;
  created_at: CreatedTimestamp;
  updated_at: UpdatedTimestamp;
}

export interface GroupFacilitatorsTable {
  id: Generated<string>;
  organisation_id: string;
  group_session_id: string;
  user_id: string;
  role: FacilitatorRole;
  minutes: number;
}

/** A stretch within a service when the peer was not with the member, as stored in `service_notes.gaps`. */
export interface StoredGap {
  start: string;
  end: string;
}

export interface ServiceNotesTable {
  id: Generated<string>;
  organisation_id: string;
  member_id: string;
  program_id: string;
  author_id: string;
  group_session_id: string | null;
  status: Generated<NoteStatus>;
  revision: Generated<number>;
  service_type: ServiceType;
  activity: Generated<Activity>;
  recipient: Generated<'member' | 'family_without_member'>;
  family_relation_to_treatment: string | null;
  date_of_service: CalendarDate;
  start_time: string | null;
  end_time: string | null;
  /** Written as JSON text, read back parsed. */
  gaps: ColumnType<StoredGap[], string | undefined, string>;
  modality: Generated<Modality>;
  member_location: MemberLocation | null;
  place_of_service: string | null;
  identity_verified: Generated<boolean>;
  modifiers: Generated<string[]>;
  goals_addressed: Generated<string[]>;
  intervention_in_plan: Generated<boolean>;
  family_coordination_documented: Generated<boolean>;
  pin_plan: Generated<string>;
  pin_interaction: Generated<string>;
  member_response: Generated<string>;
  pin_next_steps: Generated<string>;
  late_reason: string | null;
  epsdt_justification: string | null;
  /** North Carolina §V.G: why telephone consent could not be obtained (migration 0015). */
  consent_circumstances: Generated<string | null>;
  /** The version of the member's plan of care this note documents (0004). */
  plan_of_care_id: string | null;
  due_on: CalendarDate;
  signed_at: Date | null;
  signed_by: string | null;
  signed_code: string | null;
  signed_units: number | null;
  /** The charge of the note's line when it was signed (what it would bill). */
  signed_amount_cents: number | null;
  review_status: Generated<ReviewStatus>;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  created_at: CreatedTimestamp;
  updated_at: UpdatedTimestamp;
}

export interface NoteAddendaTable {
  id: Generated<string>;
  organisation_id: string;
  note_id: string;
  author_id: string;
  created_at: Timestamp;
  reason: string;
  text: string;
}

export interface NoteReviewsTable {
  id: Generated<string>;
  organisation_id: string;
  note_id: string;
  reviewer_id: string;
  action: 'cosigned' | 'returned';
  comment: string | null;
  created_at: Timestamp;
}

/** A `bigint` column: pg reads it as text so no precision is lost; write a number. */
type BigIntColumn = ColumnType<string, number | bigint | string, number | bigint | string>;
type GeneratedBigInt = ColumnType<string, number | bigint | string | undefined, never>;
/** A jsonb list of problems: written as JSON text, read back parsed. */
type ProblemList = ColumnType<Problem[], string | undefined, string>;

export interface PayerSettingsTable {
  organisation_id: string;
  payer_pack: PayerPackId;
  payer_name: string;
  payer_id: string;
  receiver_name: string;
  receiver_id: string;
  submitter_name: string;
  submitter_id: string;
  contact_name: string;
  contact_phone: string;
  usage_indicator: 'T' | 'P';
  updated_at: UpdatedTimestamp;
}

/** Per organisation and submitter (ISA06), the next interchange control number (ISA13); 1e9 when all are used. */
export interface InterchangeControlNumbersTable {
  organisation_id: string;
  submitter_id: string;
  next_number: number;
}

export interface AuthorizationsTable {
  id: Generated<string>;
  organisation_id: string;
  member_id: string;
  payer_pack: PayerPackId;
  number: string;
  code: string;
  /** The procedure modifiers the authorization is for, e.g. ['HQ'] for group services; [] for individual. */
  modifiers: Generated<string[]>;
  /** The program the authorization was given for; null when it covers any program of the member. */
  program_id: string | null;
  units: number;
  valid_from: CalendarDate;
  valid_to: CalendarDate;
  created_by: string;
  created_at: CreatedTimestamp;
}

/** A line of an organisation's fee schedule (migration 0013). */
export interface FeeScheduleTable {
  id: Generated<string>;
  organisation_id: string;
  payer_pack: PayerPackId;
  /** Null: every program that bills the payer; a program's own line wins over it. */
  program_id: string | null;
  code: string;
  /** The procedure's modifiers, sorted. */
  modifiers: Generated<string[]>;
  effective_from: CalendarDate;
  effective_to: CalendarDate | null;
  unit_charge_cents: number;
  /** Null leaves the expected rate to the pack's. */
  expected_unit_rate_cents: number | null;
  updated_by: string | null;
  updated_at: UpdatedTimestamp;
}

/** Append-only history of the fee schedule: who changed which line, and how. */
export interface FeeScheduleChangesTable {
  id: Generated<string>;
  /** The order changes were made in. */
  seq: ColumnType<string, never, never>;
  organisation_id: string;
  fee_id: string;
  action: 'added' | 'changed' | 'removed';
  /** The line as it was and as it became (JSON), null where it did not exist. */
  before: ColumnType<Record<string, unknown> | null, string | null, never>;
  after: ColumnType<Record<string, unknown> | null, string | null, never>;
  changed_by: string | null;
  changed_at: CreatedTimestamp;
}

export interface BillingRunsTable {
  id: Generated<string>;
  organisation_id: string;
  started_by: string;
  from_date: CalendarDate;
  to_date: CalendarDate;
  program_id: string | null;
  payer_pack: PayerPackId | null;
  status: Generated<BillingRunStatus>;
  notes_total: Generated<number>;
  notes_done: Generated<number>;
  notes_claimed: Generated<number>;
  notes_held: Generated<number>;
  claims_created: Generated<number>;
  /** The charges of the lines the run claimed. */
  charge_cents: ColumnType<string, number | undefined, number | string>;
  error: string | null;
  started_at: Timestamp;
  heartbeat_at: Timestamp;
  finished_at: Date | null;
}

export interface ClaimBatchesTable {
  id: Generated<string>;
  organisation_id: string;
  payer_pack: PayerPackId;
  interchange_control_number: Generated<number>;
  /** The submitter (ISA06) the file was sent as; null only for a batch from before 0011 it is not known for. */
  submitter_id: string | null;
  file_name: string;
  claim_count: number;
  line_count: number;
  total_cents: BigIntColumn;
  content: string;
  created_by: string;
  created_at: Timestamp;
  submitted_at: Date | null;
}

export interface ClaimsTable {
  id: Generated<string>;
  organisation_id: string;
  claim_number: GeneratedBigInt;
  run_id: string | null;
  member_id: string;
  program_id: string;
  payer_pack: PayerPackId;
  rendering_provider_id: string;
  date_of_service: CalendarDate;
  /** The member's id with the payer: the coverage entry the claim was judged by (2010BA NM109). */
  payer_member_id: string;
  /** The diagnoses in force on the date as the claim was judged, the principal first (HI). */
  diagnosis_codes: string[];
  /** The taxonomy the rendering provider was judged under (2310B PRV03). */
  rendering_taxonomy: string;
  /** How same-day lines of one code and modifiers go out: as the payer's `sameDayLines` said when it was made. */
  same_day_lines: Generated<'separate' | 'combine'>;
  frequency_code: Generated<ClaimFrequencyCode>;
  original_claim_id: string | null;
  status: Generated<ClaimStatus>;
  payer_claim_number: string | null;
  superseded_by: string | null;
  batch_id: string | null;
  total_cents: BigIntColumn;
  line_count: number;
  status_changed_at: Timestamp;
  created_at: Timestamp;
}

export interface ClaimLinesTable {
  id: Generated<string>;
  organisation_id: string;
  claim_id: string;
  note_id: string;
  member_id: string;
  date_of_service: CalendarDate;
  line_number: number;
  code: string;
  modifiers: Generated<string[]>;
  units: number;
  /** The organisation's charge for one unit, from its fee schedule when the line was judged. */
  unit_charge_cents: number;
  /** units × unit charge: what the 837 billed (SV102). */
  charge_cents: number;
  /** What the payer was expected to pay for one unit; null when no rate was known. */
  expected_unit_rate_cents: number | null;
  expected_cents: number | null;
  place_of_service: string;
  /** Direct minutes of a group service, for the yearly group-hours limits. */
  group_minutes: Generated<number>;
  authorization_id: string | null;
  current: Generated<boolean>;
  counts: Generated<boolean>;
  warnings: ProblemList;
}

export interface ClaimEventsTable {
  id: ColumnType<string, never, never>;
  organisation_id: string;
  claim_id: string;
  status: ClaimStatus;
  comment: string | null;
  user_id: string | null;
  occurred_at: Timestamp;
}

export interface BillingHoldsTable {
  note_id: string;
  organisation_id: string;
  run_id: string;
  /** The pack the note was judged under; null when no coverage the program bills was in force. */
  payer_pack: PayerPackId | null;
  problems: ProblemList;
  held_at: Timestamp;
}

export interface Database {
  organisations: OrganisationsTable;
  programs: ProgramsTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_events: AuditEventsTable;
  staff_profiles: StaffProfilesTable;
  continuing_education: ContinuingEducationTable;
  members: MembersTable;
  member_contacts: MemberContactsTable;
  coverage_periods: CoveragePeriodsTable;
  eligibility_checks: EligibilityChecksTable;
  eligibility_determinations: EligibilityDeterminationsTable;
  outside_group_hours: OutsideGroupHoursTable;
  diagnoses: DiagnosesTable;
  episodes_of_care: EpisodesOfCareTable;
  consents: ConsentsTable;
  care_plans: CarePlansTable;
  care_plan_goals: CarePlanGoalsTable;
  group_sessions: GroupSessionsTable;
  group_facilitators: GroupFacilitatorsTable;
  service_notes: ServiceNotesTable;
  note_addenda: NoteAddendaTable;
  note_reviews: NoteReviewsTable;
  payer_settings: PayerSettingsTable;
  interchange_control_numbers: InterchangeControlNumbersTable;
  authorizations: AuthorizationsTable;
  fee_schedule: FeeScheduleTable;
  fee_schedule_changes: FeeScheduleChangesTable;
  billing_runs: BillingRunsTable;
  claim_batches: ClaimBatchesTable;
  claims: ClaimsTable;
  claim_lines: ClaimLinesTable;
  claim_events: ClaimEventsTable;
  billing_holds: BillingHoldsTable;
}

export type OrganisationRow = Selectable<OrganisationsTable>;
export type ProgramRow = Selectable<ProgramsTable>;
export type NewProgramRow = Insertable<ProgramsTable>;
export type UserRow = Selectable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
export type StaffProfileRow = Selectable<StaffProfilesTable>;
export type MemberRow = Selectable<MembersTable>;
export type CarePlanRow = Selectable<CarePlansTable>;
export type CarePlanGoalRow = Selectable<CarePlanGoalsTable>;
export type ServiceNoteRow = Selectable<ServiceNotesTable>;
export type GroupSessionRow = Selectable<GroupSessionsTable>;
export type AuthorizationRow = Selectable<AuthorizationsTable>;
export type BillingRunRow = Selectable<BillingRunsTable>;
export type ClaimRow = Selectable<ClaimsTable>;
export type ClaimLineRow = Selectable<ClaimLinesTable>;
export type ClaimBatchRow = Selectable<ClaimBatchesTable>;
export type PayerSettingsRow = Selectable<PayerSettingsTable>;
