/**
 * @module services/notes/claim-context
 * Turns a note (stored, or unsaved fields on top of a stored one) and the database into the engine's
 * `ClaimPreviewRequest` for its date of service, then previews it through the claims service:
 *
 * - service: the note's fields (a null place of service is left out so the pack derives it for telehealth);
 *   `signedOn` is the signing date — the day it was signed, or for a draft the day it would be signed on
 *   (today where the program is), so the form shows the claim as signing it now would make it;
 * - member: the member's claim context and plan of care on that date — or, for a note that documents a plan
 *   version (Los Angeles' Plan of Care note), that version's approval, with its content as
 *   `service.planOfCare` (plan-of-care.ts); staff: the author's credentials;
 * - the payer pack: the member's coverage in force on that date among the packs the note's program bills;
 * - history, from the member's other signed notes (what was captured at signing): units of the same code on
 *   the same date, and — when the pack has such limits — unmanaged units in the episode of care in the state
 *   fiscal year (North Carolina; units billed against a prior authorization are not unmanaged) and group
 *   hours in the calendar year (Kansas); and the member's prior authorizations with this payer, with the
 *   units their claim lines have used — so the form shows an over-limit service as covered when it is.
 *
 * Group sessions reuse this with their own attendee count and facilitator FTE (`NoteSubject.group`).
 */
import type { Kysely } from 'kysely';
import { directMinutes, getPack, type Pack } from '../../engine/index.js';
import type {
  Authorization,
  ClaimPreview,
  ClaimPreviewRequest,
  MemberContext,
  ServiceHistory,
  ServiceInput,
  StaffContext,
} from '../../shared/api/claims.js';
import type { NoteFields } from '../../shared/api/notes.js';
import type { Problem } from '../../shared/problem.js';
import { payerPackLabel, type PayerPackId, type ProgramType } from '../../shared/programs.js';
// The module itself, not the groups index: the groups use cases import the notes module.
import { groupOfService } from '../groups/group-size.js';
import type { Database, ServiceNoteRow } from '../../store/index.js';
import { carePlanOn } from '../care-plans/index.js';
import { authorizationsInUse, limitPeriodsOf, previewClaim } from '../claims/index.js';
import { memberClaimContext } from '../members/index.js';
import { staffCredentialsOn } from '../staff/index.js';
import { calendarDateIn } from '../time/index.js';
import { noteDueOn } from './due-dates.js';
import { documentedPlanOfCare } from './plan-of-care.js';
import { fieldProblem } from './problems.js';

/** A group service's size, as the payer's group rules judge it. */
export interface GroupContext {
  /** Members attending (each has their own note and claim line). */
  attendees: number;
  /** Full-time-equivalent facilitators present. */
  facilitatorFte: number;
}

/** What a note's claim is previewed from. */
export interface NoteSubject {
  organisationId: string;
  /** The note itself, left out of its own history; null for a note not stored yet. */
  noteId: string | null;
  memberId: string;
  programId: string;
  authorId: string;
  groupSessionId: string | null;
  fields: NoteFields;
  /** The signing date (see the module comment). */
  signedOn: string;
  /** The group's size when the caller knows it; otherwise counted from the stored group session. */
  group?: GroupContext;
}

export interface NotePreview {
  /** The pack the note is judged by, or null when the member has no coverage this program bills. */
  payerPack: PayerPackId | null;
  /** The author's credentials on the date of service. */
  staff: StaffContext;
  /** The claim as the payer's rules see it, or null when it cannot be previewed yet (see `missing`). */
  preview: ClaimPreview | null;
  /** Why there is no preview: times not entered, no coverage (paths name the note's fields). */
  missing: Problem[];
}

/**
 * The preview subject of a stored note.
 *
 * @param note - the stored note
 * @param fields - its fields, or unsaved ones on top of them
 * @param signedOn - the signing date (see the module comment)
 * @param group - the group's size when the caller knows it
 */
export function subjectOf(
  note: ServiceNoteRow,
  fields: NoteFields,
  signedOn: string,
  group?: GroupContext,
): NoteSubject {
  return {
    organisationId: note.organisation_id,
    noteId: note.id,
    memberId: note.member_id,
    programId: note.program_id,
    authorId: note.author_id,
    groupSessionId: note.group_session_id,
    fields,
    signedOn,
    ...(group === undefined ? {} : { group }),
  };
}

/** "Today" where the program is: the reference day for due dates and the signing date. */
export async function programToday(
  db: Kysely<Database>,
  organisationId: string,
  programId: string,
  now: Date,
): Promise<string> {
  const program = await db
    .selectFrom('programs')
    .select('time_zone')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', programId)
    .executeTakeFirstOrThrow();
  return calendarDateIn(now, program.time_zone);
}

const NO_HISTORY: ServiceHistory = {
  unitsSameDayByCode: {},
  episodeFiscalYearUnits: 0,
  calendarYearGroupHours: 0,
};

/**
 * The live claim preview of a note. No access check and no audit: the calling use case has done both.
 *
 * @param db - the transaction the use case runs in
 * @param subject - the note's fields and whose they are
 */
export async function previewNote(db: Kysely<Database>, subject: NoteSubject): Promise<NotePreview> {
  const { organisationId, memberId, fields } = subject;
  const date = fields.dateOfService;
  const program = await db
    .selectFrom('programs')
    .select(['type', 'payer_packs'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', subject.programId)
    .executeTakeFirstOrThrow();
  const member = await memberClaimContext(db, organisationId, memberId, date);
  const staff = await staffCredentialsOn(db, organisationId, subject.authorId, date);
  const payerPack = payerPackOn(member.coverage, program.payer_packs, date);
  const pack = payerPack === null ? undefined : getPack(payerPack);
  const missing: Problem[] = [];
  if (pack === undefined) {
    missing.push(noCoverageProblem(date, program.payer_packs));
  }
  if (fields.start === null) {
    missing.push(
      fieldProblem('warning', 'note.preview_needs_start', 'Enter the start time to see the claim.', [
        'start',
      ]),
    );
  }
  if (fields.end === null) {
    missing.push(
      fieldProblem('warning', 'note.preview_needs_end', 'Enter the end time to see the claim.', ['end']),
    );
  }
  if (pack === undefined || fields.start === null || fields.end === null) {
    return { payerPack: pack?.id ?? null, staff, preview: null, missing };
  }
  const documented =
    fields.planOfCareId === null
      ? null
      : await documentedPlanOfCare(db, { organisationId, memberId }, fields.planOfCareId);
  const carePlan =
    documented === null
      ? (await carePlanOn(db, organisationId, memberId, date)).carePlan
      : documented.carePlan;
  const group = subject.group ?? (await storedGroupContext(db, subject));
  const request = claimRequestOf({
    fields,
    times: { start: fields.start, end: fields.end },
    signedOn: subject.signedOn,
    group,
    payerPack: pack.id,
    programType: program.type,
    member,
    carePlan,
    ...(documented === null ? {} : { planOfCare: documented.planOfCare }),
    staff,
    history: {
      ...NO_HISTORY,
      ...(await periodHistory(db, subject, pack, member.episodeStart)),
      unitsSameDayByCode: Object.fromEntries(await sameDayUnitsByCode(db, subject)),
    },
    authorizations: await authorizationsInUse(db, organisationId, memberId, pack.id, subject.noteId),
  });
  const preview = previewClaim(request);
  return { payerPack: pack.id, staff, preview, missing };
}

/** Everything a note's claim is judged from, gathered by the caller (one note, or a billing run's batch). */
export interface ClaimRequestParts {
  fields: NoteFields;
  /** The note's times, known to be entered. */
  times: { start: string; end: string };
  signedOn: string;
  group: GroupContext | undefined;
  payerPack: PayerPackId;
  programType: ProgramType;
  member: Omit<MemberContext, 'carePlan'>;
  carePlan: MemberContext['carePlan'];
  /**
   * What the plan version the note documents holds (`fields.planOfCareId`, read with
   * `documentedPlanOfCare`); left out for every other note. `carePlan` is then that version's approval.
   */
  planOfCare?: ServiceInput['planOfCare'];
  staff: StaffContext;
  history: ServiceHistory;
  authorizations: Authorization[];
}

/** The engine's request for a note: one mapping, shared by the live preview and the billing run. */
export function claimRequestOf(parts: ClaimRequestParts): ClaimPreviewRequest {
  return {
    payerPack: parts.payerPack,
    service: serviceOf(parts.fields, parts.times, parts.signedOn, parts.group, parts.planOfCare),
    member: { ...parts.member, ...(parts.carePlan === undefined ? {} : { carePlan: parts.carePlan }) },
    staff: parts.staff,
    program: { type: parts.programType },
    history: parts.history,
    authorizations: parts.authorizations,
    settings: {},
  };
}

/**
 * The pack a note is judged by: the member's coverage in force on the date among the packs the program bills
 * (coverage comes most specific first, so a county's pack wins over the state's), or null when none is.
 */
export function payerPackOn(
  coverage: MemberContext['coverage'],
  programPacks: readonly PayerPackId[],
  date: string,
): PayerPackId | null {
  const covering = coverage.find(
    (entry) =>
      programPacks.includes(entry.payerPack) && entry.from <= date && (entry.to === null || date <= entry.to),
  );
  return covering?.payerPack ?? null;
}

/**
 * The note's due date: the business days its pack gives (the pack chosen as for the preview) after the date of
 * service.
 */
export async function dueOnFor(
  db: Kysely<Database>,
  note: { organisationId: string; memberId: string; programId: string; dateOfService: string },
): Promise<string> {
  const program = await db
    .selectFrom('programs')
    .select('payer_packs')
    .where('organisation_id', '=', note.organisationId)
    .where('id', '=', note.programId)
    .executeTakeFirstOrThrow();
  const member = await memberClaimContext(db, note.organisationId, note.memberId, note.dateOfService);
  return noteDueOn(payerPackOn(member.coverage, program.payer_packs, note.dateOfService), note.dateOfService);
}

function serviceOf(
  fields: NoteFields,
  times: { start: string; end: string },
  signedOn: string,
  group: GroupContext | undefined,
  planOfCare: ServiceInput['planOfCare'],
): ServiceInput {
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
    ...(fields.placeOfService === null ? {} : { placeOfService: fields.placeOfService }),
    identityVerified: fields.identityVerified,
    modifiers: fields.modifiers,
    ...(group === undefined ? {} : { group }),
    interventionInPlan: fields.interventionInPlan,
    familyCoordinationDocumented: fields.familyCoordinationDocumented,
    pin: fields.pin,
    ...(planOfCare === undefined ? {} : { planOfCare }),
    signedOn,
    ...optionalText('lateReason', fields.lateReason),
    ...optionalText('epsdtJustification', fields.epsdtJustification),
  };
}

/** A free-text field the engine wants present only when it says something. */
function optionalText<const Key extends string>(key: Key, value: string | null): { [K in Key]?: string } {
  const text = value?.trim() ?? '';
  return (text === '' ? {} : { [key]: text }) as { [K in Key]?: string };
}

function noCoverageProblem(date: string, packs: readonly PayerPackId[]): Problem {
  const payers = packs.map((id) => payerPackLabel(id)).join(' or ');
  return fieldProblem(
    'warning',
    'note.no_coverage',
    `The member has no coverage with ${payers} on ${date}, so this service has no claim to preview. Check the date of service, or ask billing staff to record the member’s coverage.`,
    ['dateOfService'],
  );
}

/** Attendees and facilitator FTE of the note's stored group session (none for an individual note). */
async function storedGroupContext(
  db: Kysely<Database>,
  subject: NoteSubject,
): Promise<GroupContext | undefined> {
  if (subject.groupSessionId === null) return undefined;
  const session = await db
    .selectFrom('group_sessions')
    .select(['start_time', 'end_time'])
    .where('organisation_id', '=', subject.organisationId)
    .where('id', '=', subject.groupSessionId)
    .executeTakeFirstOrThrow();
  const attendees = await db
    .selectFrom('service_notes')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('organisation_id', '=', subject.organisationId)
    .where('group_session_id', '=', subject.groupSessionId)
    .executeTakeFirstOrThrow();
  const facilitators = await db
    .selectFrom('group_facilitators')
    .select('minutes')
    .where('organisation_id', '=', subject.organisationId)
    .where('group_session_id', '=', subject.groupSessionId)
    .execute();
  return groupContextOf(
    Number(attendees.count),
    facilitators.map((each) => each.minutes),
    session.start_time,
    session.end_time,
  );
}

/**
 * A stored group session's size as the payer's group rules judge it. Once the session has a length, the group
 * page's own reckoning (facilitator minutes over session minutes); before that, each facilitator counts as one
 * full-time facilitator.
 *
 * @param attendees - notes written for the session (one per attending member)
 * @param facilitatorMinutes - each facilitator's minutes
 */
export function groupContextOf(
  attendees: number,
  facilitatorMinutes: readonly number[],
  start: string | null,
  end: string | null,
): GroupContext {
  return (
    groupOfService(attendees, [...facilitatorMinutes], start, end) ?? {
      attendees: Math.max(1, attendees),
      facilitatorFte: facilitatorMinutes.length > 0 ? facilitatorMinutes.length : 1,
    }
  );
}

/** Other signed notes of the member (never this one). */
function otherSignedNotes(db: Kysely<Database>, subject: NoteSubject) {
  let query = db
    .selectFrom('service_notes')
    .where('organisation_id', '=', subject.organisationId)
    .where('member_id', '=', subject.memberId)
    .where('status', '=', 'signed');
  if (subject.noteId !== null) {
    query = query.where('id', '<>', subject.noteId);
  }
  return query;
}

/** Units the member's other signed notes already have on the note's date of service, by code. */
async function sameDayUnitsByCode(db: Kysely<Database>, subject: NoteSubject): Promise<Map<string, number>> {
  const rows = await otherSignedNotes(db, subject)
    .select(['signed_code', (eb) => eb.fn.sum<string | null>('signed_units').as('units')])
    .where('date_of_service', '=', subject.fields.dateOfService)
    .where('signed_code', 'is not', null)
    .groupBy('signed_code')
    .execute();
  return new Map(rows.map((row) => [row.signed_code ?? '', Number(row.units ?? 0)]));
}

/** History over the periods the pack's limits count: the episode's fiscal year, the calendar year. */
async function periodHistory(
  db: Kysely<Database>,
  subject: NoteSubject,
  pack: Pack,
  episodeStart: string | undefined,
): Promise<Partial<ServiceHistory>> {
  const history: Partial<ServiceHistory> = {};
  const date = subject.fields.dateOfService;
  const periods = limitPeriodsOf(pack, date, episodeStart);
  if (periods.episodeFiscalYearFrom !== undefined) {
    // Unmanaged units: those of notes not billed against a prior authorization.
    const row = await otherSignedNotes(db, subject)
      .select((eb) => eb.fn.sum<string | null>('signed_units').as('units'))
      .where('date_of_service', '>=', periods.episodeFiscalYearFrom)
      .where('date_of_service', '<=', date)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('claim_lines')
              .select('claim_lines.id')
              .whereRef('claim_lines.note_id', '=', 'service_notes.id')
              .where('claim_lines.current', '=', true)
              .where('claim_lines.authorization_id', 'is not', null),
          ),
        ),
      )
      .executeTakeFirst();
    history.episodeFiscalYearUnits = Number(row?.units ?? 0);
  }
  if (periods.calendarYearFrom !== undefined) {
    const groupNotes = await otherSignedNotes(db, subject)
      .select(['start_time', 'end_time', 'gaps'])
      .where('date_of_service', '>=', periods.calendarYearFrom)
      .where('date_of_service', '<=', date)
      .where((eb) =>
        eb.or([eb('group_session_id', 'is not', null), eb('service_type', '=', 'skill_building_group')]),
      )
      .execute();
    let minutes = 0;
    for (const note of groupNotes) {
      if (note.start_time === null || note.end_time === null) continue;
      const timing = directMinutes({ start: note.start_time, end: note.end_time, gaps: note.gaps }, []);
      minutes += timing.ok ? timing.value.directMinutes : 0;
    }
    history.calendarYearGroupHours = minutes / 60;
  }
  return history;
}
