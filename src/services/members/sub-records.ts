/**
 * @module services/members/sub-records
 * The parts of a member's record besides demographics: contacts, coverage periods, eligibility checks,
 * diagnoses, episodes of care and consents. Each part is described once (its table, who may change it, how
 * a request becomes a row, what to check); adding, replacing and removing rows are the same three use cases
 * for every part, each run in `changeMemberRecord` (access check, audit row, one transaction).
 *
 * Coverage and eligibility may be recorded by billing staff; the rest only by clinical staff. Eligibility
 * checks are a log (added, never edited); consents are revoked, never removed or edited; episodes are
 * edited (to record the discharge), never removed.
 */
import type { InsertObject, Kysely, Updateable } from 'kysely';
import type {
  ConsentRequest,
  ContactRequest,
  CoverageRequest,
  DiagnosisRequest,
  EligibilityCheckRequest,
  EligibilityDeterminationRequest,
  EpisodeRequest,
  MemberRecord,
  OutsideGroupHoursRequest,
  RevokeConsentRequest,
} from '../../shared/api/members.js';
import type { Problem } from '../../shared/problem.js';
import type { Database, MemberRow } from '../../store/index.js';
import type { Actor, ServiceContext } from '../context.js';
import { conflict, invalid, notFound } from '../errors.js';
import { requirePayerPack } from '../payer-packs/index.js';
import {
  assertNotFuture,
  assertProgram,
  changeMemberRecord,
  foundOrThrow,
  todayOf,
  type ChangePurpose,
  type MemberPart,
} from './change.js';

type Db = Kysely<Database>;

/** The member a sub-record row belongs to. */
type Owner = Pick<MemberRow, 'id' | 'organisation_id'>;

/** The tables that hold rows of a member's record. */
export type PartTable =
  | 'member_contacts'
  | 'coverage_periods'
  | 'eligibility_checks'
  | 'eligibility_determinations'
  | 'outside_group_hours'
  | 'diagnoses'
  | 'episodes_of_care'
  | 'consents';

/** A row's own columns (the owner columns are added from the member). */
type RowValues<T extends PartTable> = Omit<InsertObject<Database, T>, 'organisation_id' | 'member_id'>;

/** One part of the record, as the add, replace and remove use cases need it. */
export interface PartSpec<T extends PartTable, R> {
  part: MemberPart;
  purpose: ChangePurpose;
  table: T;
  /** The row's columns from a (schema-checked) request; the actor is who records it. */
  values: (request: R, actor: Actor) => RowValues<T>;
  /** What the audit row notes about the request (names and kinds, never values). */
  details: (request: R) => Record<string, unknown>;
  /** Checks before the transaction (dates not in the future); `path` is where the request sits. */
  precheck?: (request: R, today: string, path: Problem['path']) => void;
  /** Checks inside the transaction (the program is the organisation's). */
  check?: (db: Db, member: Owner, request: R, path: Problem['path']) => Promise<void>;
}

/** A part's table as the union of part tables, on which Kysely's builders resolve the shared columns. */
const widen = (table: PartTable): PartTable => table;

const fieldNames = (request: object): Record<string, unknown> => ({ fields: Object.keys(request) });

/** Matches one row of this member (another member's or organisation's row matches nothing). */
function ownedRow(member: Owner, recordId: string) {
  return { id: recordId, member_id: member.id, organisation_id: member.organisation_id };
}

/**
 * Inserts one row of a part for the member, after its checks; `path` locates the request in the body
 * (`['body']`, or `['body', 'episodes', 0]` when a member is created with its records).
 */
export async function insertPart<T extends PartTable, R>(
  db: Db,
  spec: PartSpec<T, R>,
  member: Owner,
  request: R,
  actor: Actor,
  path: Problem['path'] = ['body'],
): Promise<string> {
  await spec.check?.(db, member, request, path);
  const row = {
    ...spec.values(request, actor),
    organisation_id: member.organisation_id,
    member_id: member.id,
  };
  const inserted = await db
    .insertInto(spec.table)
    // The spread of a generic row type loses its link to the table; it is the table's insert object.
    .values(row as InsertObject<Database, T>)
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** The "add a row" use case of a part: `(ctx, actor, memberId, request)`. */
function adder<T extends PartTable, R>(spec: PartSpec<T, R>) {
  return async (ctx: ServiceContext, actor: Actor, memberId: string, request: R): Promise<MemberRecord> => {
    spec.precheck?.(request, todayOf(ctx.clock), ['body']);
    return changeMemberRecord(
      ctx,
      actor,
      memberId,
      { purpose: spec.purpose, part: spec.part, change: 'add' },
      async (trx, member) => ({
        recordId: await insertPart(trx, spec, member, request, actor),
        details: spec.details(request),
      }),
    );
  };
}

/** The "replace a row's fields" use case of a part: `(ctx, actor, memberId, recordId, request)`. */
function replacer<T extends PartTable, R>(spec: PartSpec<T, R>) {
  return async (
    ctx: ServiceContext,
    actor: Actor,
    memberId: string,
    recordId: string,
    request: R,
  ): Promise<MemberRecord> => {
    spec.precheck?.(request, todayOf(ctx.clock), ['body']);
    return changeMemberRecord(
      ctx,
      actor,
      memberId,
      { purpose: spec.purpose, part: spec.part, change: 'update', recordId },
      async (trx, member) => {
        await spec.check?.(trx, member, request, ['body']);
        const row = await trx
          .updateTable(widen(spec.table))
          // As in insertPart: the row's own columns are the table's update object.
          .set(spec.values(request, actor) as Updateable<Database[PartTable]>)
          .where((eb) => eb.and(ownedRow(member, recordId)))
          .returning('id')
          .executeTakeFirst();
        return { ...foundOrThrow(row, spec.part), details: spec.details(request) };
      },
    );
  };
}

/** The "remove a row entered in error" use case of a part: `(ctx, actor, memberId, recordId)`. */
function remover<T extends PartTable, R>(spec: PartSpec<T, R>) {
  return (ctx: ServiceContext, actor: Actor, memberId: string, recordId: string): Promise<MemberRecord> =>
    changeMemberRecord(
      ctx,
      actor,
      memberId,
      { purpose: spec.purpose, part: spec.part, change: 'remove', recordId },
      async (trx, member) =>
        foundOrThrow(
          await trx
            .deleteFrom(widen(spec.table))
            .where((eb) => eb.and(ownedRow(member, recordId)))
            .returning('id')
            .executeTakeFirst(),
          spec.part,
        ),
    );
}

// ---------------------------------------------------------------------------------------------------------
// The parts.

export const CONTACTS: PartSpec<'member_contacts', ContactRequest> = {
  part: 'contact',
  purpose: 'clinical',
  table: 'member_contacts',
  values: (request) => ({
    kind: request.kind,
    name: request.name,
    relationship: request.relationship ?? null,
    phone: request.phone ?? null,
    email: request.email ?? null,
  }),
  details: fieldNames,
};

export const COVERAGE: PartSpec<'coverage_periods', CoverageRequest> = {
  part: 'coverage',
  purpose: 'coverage',
  table: 'coverage_periods',
  values: (request) => ({
    payer_pack: request.payerPack,
    plan_name: request.planName,
    member_number: request.memberNumber,
    starts_on: request.from,
    ends_on: request.to ?? null,
  }),
  details: (request) => ({ ...fieldNames(request), payerPack: request.payerPack }),
  precheck: (request, _today, path) => requirePayerPack(request.payerPack, [...path, 'payerPack']),
};

export const ELIGIBILITY_CHECKS: PartSpec<'eligibility_checks', EligibilityCheckRequest> = {
  part: 'eligibility_check',
  purpose: 'coverage',
  table: 'eligibility_checks',
  values: (request, actor) => ({
    checked_on: request.checkedOn,
    result: request.result,
    source: request.source,
    checked_by: actor.userId,
  }),
  details: (request) => ({ result: request.result }),
  precheck: (request, today, path) =>
    assertNotFuture(request.checkedOn, today, [...path, 'checkedOn'], 'An eligibility check'),
};

/**
 * Kansas eligibility criteria (003 "Eligibility Criteria"): the date the member was found to meet the functional
 * assessment or the medical necessity criteria, and who found it; recorded by clinical staff.
 */
export const ELIGIBILITY_DETERMINATIONS: PartSpec<
  'eligibility_determinations',
  EligibilityDeterminationRequest
> = {
  part: 'eligibility_determination',
  purpose: 'clinical',
  table: 'eligibility_determinations',
  values: (request, actor) => ({
    criterion: request.criterion,
    determined_on: request.determinedOn,
    determined_by: request.determinedBy,
    recorded_by: actor.userId,
  }),
  details: (request) => ({ ...fieldNames(request), criterion: request.criterion }),
  precheck: (request, today, path) =>
    assertNotFuture(request.determinedOn, today, [...path, 'determinedOn'], 'The date it was determined'),
};

/**
 * Kansas (003 Limitations/Exclusions): group psychosocial rehabilitation hours delivered outside Peerline, which
 * count toward the member's 750 group hours a calendar year; recorded by clinical staff.
 */
export const OUTSIDE_GROUP_HOURS: PartSpec<'outside_group_hours', OutsideGroupHoursRequest> = {
  part: 'outside_group_hours',
  purpose: 'clinical',
  table: 'outside_group_hours',
  values: (request, actor) => ({
    delivered_on: request.deliveredOn,
    hours: request.hours,
    source: request.source,
    recorded_by: actor.userId,
  }),
  details: fieldNames,
  precheck: (request, today, path) =>
    assertNotFuture(
      request.deliveredOn,
      today,
      [...path, 'deliveredOn'],
      'The date the hours were delivered',
    ),
};

export const DIAGNOSES: PartSpec<'diagnoses', DiagnosisRequest> = {
  part: 'diagnosis',
  purpose: 'clinical',
  table: 'diagnoses',
  values: (request) => ({
    code: request.code,
    description: request.description,
    category: request.category,
    recorded_on: request.recordedOn,
    resolved_on: request.resolvedOn ?? null,
  }),
  details: (request) => ({ ...fieldNames(request), category: request.category }),
};

export const EPISODES: PartSpec<'episodes_of_care', EpisodeRequest> = {
  part: 'episode',
  purpose: 'clinical',
  table: 'episodes_of_care',
  values: (request) => ({
    program_id: request.programId,
    admitted_on: request.admittedOn,
    discharged_on: request.dischargedOn ?? null,
    assessment_on: request.assessmentOn ?? null,
    assessment_clinician: request.assessmentClinician ?? null,
    service_order_on: request.serviceOrderOn ?? null,
    service_order_clinician: request.serviceOrderClinician ?? null,
    service_order_credential: request.serviceOrderCredential ?? null,
  }),
  details: fieldNames,
  check: (db, member, request, path) =>
    assertProgram(db, member.organisation_id, request.programId, [...path, 'programId']),
};

export const CONSENTS: PartSpec<'consents', ConsentRequest> = {
  part: 'consent',
  purpose: 'clinical',
  table: 'consents',
  values: (request) => ({
    kind: request.kind,
    given_on: request.givenOn,
    expires_on: request.expiresOn ?? null,
    details: request.details ?? null,
  }),
  details: (request) => ({ kind: request.kind }),
  precheck: (request, today, path) =>
    assertNotFuture(request.givenOn, today, [...path, 'givenOn'], 'The date a consent was given'),
};

// ---------------------------------------------------------------------------------------------------------
// The use cases.

/** Adds a guardian, family or significant-support contact. */
export const addContact = adder(CONTACTS);
export const updateContact = replacer(CONTACTS);
export const removeContact = remover(CONTACTS);

/** Adds a coverage period (billing staff too). */
export const addCoverage = adder(COVERAGE);
export const updateCoverage = replacer(COVERAGE);
export const removeCoverage = remover(COVERAGE);

/** Records an eligibility check, by the actor (billing staff too); never edited afterwards. */
export const addEligibilityCheck = adder(ELIGIBILITY_CHECKS);

/** Records that the member meets an eligibility criterion (Kansas), on a date, determined by someone. */
export const addEligibilityDetermination = adder(ELIGIBILITY_DETERMINATIONS);
export const updateEligibilityDetermination = replacer(ELIGIBILITY_DETERMINATIONS);
export const removeEligibilityDetermination = remover(ELIGIBILITY_DETERMINATIONS);

/** Records group psychosocial rehabilitation hours delivered outside Peerline (Kansas 750 hours). */
export const addOutsideGroupHours = adder(OUTSIDE_GROUP_HOURS);
export const updateOutsideGroupHours = replacer(OUTSIDE_GROUP_HOURS);
export const removeOutsideGroupHours = remover(OUTSIDE_GROUP_HOURS);

export const addDiagnosis = adder(DIAGNOSES);
export const updateDiagnosis = replacer(DIAGNOSES);
export const removeDiagnosis = remover(DIAGNOSES);

/** Records an episode of care: admission, discharge, the comprehensive clinical assessment. */
export const addEpisode = adder(EPISODES);
export const updateEpisode = replacer(EPISODES);

/** Records a consent with the date it was given. */
export const addConsent = adder(CONSENTS);

/**
 * Records that the member revoked a consent, on a date on or after it was given; the consent stays on
 * record (a revoked consent is no longer in force from that date).
 */
export async function revokeConsent(
  ctx: ServiceContext,
  actor: Actor,
  memberId: string,
  consentId: string,
  request: RevokeConsentRequest,
): Promise<MemberRecord> {
  return changeMemberRecord(
    ctx,
    actor,
    memberId,
    { purpose: 'clinical', part: 'consent', change: 'revoke', recordId: consentId },
    async (trx, member) => {
      const consent = await trx
        .selectFrom('consents')
        .select(['id', 'kind', 'given_on', 'revoked_on'])
        .where((eb) => eb.and(ownedRow(member, consentId)))
        .forUpdate()
        .executeTakeFirst();
      if (consent === undefined) {
        throw notFound('consent');
      }
      if (consent.revoked_on !== null) {
        throw conflict(
          'consent.already_revoked',
          `This consent was already revoked on ${consent.revoked_on}. Record a new consent if the member gives it again.`,
          ['params', 'recordId'],
        );
      }
      if (request.revokedOn < consent.given_on) {
        throw invalid(
          'consent.revoked_before_given',
          `The consent was given on ${consent.given_on}; the revocation date must be on or after that.`,
          ['body', 'revokedOn'],
        );
      }
      await trx
        .updateTable('consents')
        .set({ revoked_on: request.revokedOn })
        .where((eb) => eb.and(ownedRow(member, consentId)))
        .execute();
      return { recordId: consent.id, details: { kind: consent.kind } };
    },
  );
}
