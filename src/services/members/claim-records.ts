/**
 * @module services/members/claim-records
 * What the payer rules need to know about a member on a date of service, read from the member's record:
 * the engine's `MemberContext` (shared/api/claims.ts) without the plan of care, which the plans module
 * adds. The mapping is a pure function of the stored records and the date, so it is unit-tested apart from
 * the database.
 *
 * The caller (the claim context, services/claims) has already checked that its actor may see the member and audits its own
 * use of the record; these functions take the organisation, not an actor, and write no audit row.
 */
import type { Kysely } from 'kysely';
import { getPack, inForce } from '../../engine/index.js';
import type { MemberContext } from '../../shared/api/claims.js';
import type {
  AsamLevel,
  ConsentKind,
  EligibilityCriterion,
  EligibilityResult,
} from '../../shared/documentation.js';
import type { DiagnosisCategory, SpecialPopulation } from '../../shared/api/members.js';
import type { PayerPackId } from '../../shared/programs.js';
import type { Database } from '../../store/index.js';
import { isUuid } from '../access/index.js';
import { notFound } from '../errors.js';

/** The member context the engine needs, except the plan of care (the plans module fills `carePlan`). */
export type MemberClaimContext = Omit<MemberContext, 'carePlan'>;
export type CoverageEntry = MemberContext['coverage'][number];

/** The stored facts the context is made from, as plain values. */
export interface MemberClaimRecords {
  dateOfBirth: string;
  hasMedicare: boolean;
  asamLevel: AsamLevel | null;
  specialPopulations: SpecialPopulation[];
  coverage: { payerPack: PayerPackId; memberNumber: string; from: string; to: string | null }[];
  /** The earliest recorded first, then by code: the order a claim lists them in (the principal first). */
  diagnoses: { code: string; category: DiagnosisCategory; recordedOn: string; resolvedOn: string | null }[];
  eligibilityChecks: { checkedOn: string; result: EligibilityResult }[];
  /** Eligibility criteria determined (Kansas 003), in any order. */
  eligibilityDeterminations: { criterion: EligibilityCriterion; determinedOn: string }[];
  /** Group psychosocial rehabilitation hours delivered outside Peerline (Kansas 750 hours), in any order. */
  outsideGroupHours: { deliveredOn: string; hours: number }[];
  episodes: {
    admittedOn: string;
    dischargedOn: string | null;
    assessmentOn: string | null;
    assessmentClinician: string | null;
    serviceOrderOn: string | null;
    serviceOrderClinician: string | null;
    serviceOrderCredential: string | null;
  }[];
  consents: { kind: ConsentKind; givenOn: string; expiresOn: string | null; revokedOn: string | null }[];
}

/**
 * The level that meets "ASAM Level 1 criteria" (North Carolina), read strictly: Level 1 itself, not any level
 * from 1 up (rules-catalog.md, December review: a recorded level other than 1 is an error naming the level).
 */
const ASAM_LEVEL_1: AsamLevel = '1.0';

/** For sorting calendar dates latest first. */
const latestFirst = (a: string, b: string): number => b.localeCompare(a);

/**
 * How many packs a pack builds on (`ca-la-sapc` extends `ca-dhcs`: 1). A county pack holds the state's rules
 * and its own, so when both cover a date the deeper one is the one to judge by.
 */
function packDepth(id: PayerPackId): number {
  let depth = 0;
  for (let base = getPack(id)?.extends; base !== undefined; base = getPack(base)?.extends) {
    depth += 1;
  }
  return depth;
}

/**
 * Coverage entries with the ones to judge by first: the most specific pack (a county's over the state's),
 * then the latest start. The engine takes the first entry in force on the date of service.
 */
export function orderCoverage(coverage: readonly CoverageEntry[]): CoverageEntry[] {
  return [...coverage].sort(
    (a, b) =>
      packDepth(b.payerPack) - packDepth(a.payerPack) ||
      latestFirst(a.from, b.from) ||
      a.payerPack.localeCompare(b.payerPack),
  );
}

/** The coverage entries in force on `date`, the one to judge by first (see {@link orderCoverage}). */
export function coverageInForceOn(coverage: readonly CoverageEntry[], date: string): CoverageEntry[] {
  return orderCoverage(coverage.filter((entry) => inForce(date, entry.from, entry.to)));
}

/** The date a consent of `kind` in force on `date` was given (the latest such consent), if any. */
function consentInForce(records: MemberClaimRecords['consents'], kind: ConsentKind, date: string) {
  const dates = records
    .filter(
      (consent) =>
        consent.kind === kind &&
        inForce(date, consent.givenOn, consent.expiresOn) &&
        (consent.revokedOn === null || date < consent.revokedOn),
    )
    .map((consent) => consent.givenOn)
    .sort();
  return dates[dates.length - 1];
}

/** The latest date on or before `date` the member was found to meet `criterion`, if any. */
function determinedBy(
  records: MemberClaimRecords['eligibilityDeterminations'],
  criterion: EligibilityCriterion,
  date: string,
): string | undefined {
  let latest: string | undefined;
  for (const entry of records) {
    if (entry.criterion === criterion && entry.determinedOn <= date) {
      if (latest === undefined || entry.determinedOn > latest) latest = entry.determinedOn;
    }
  }
  return latest;
}

/**
 * The engine's view of a member on `dateOfService`: diagnoses recorded by then and not yet resolved (in the
 * records' order, the principal first), the dates eligibility was confirmed (up to that day), the telehealth
 * and audio-only consents in force that day, and the episode of care open that day with its assessment.
 */
export function toMemberClaimContext(records: MemberClaimRecords, dateOfService: string): MemberClaimContext {
  const date = dateOfService;
  const episode = records.episodes
    .filter((entry) => inForce(date, entry.admittedOn, entry.dischargedOn))
    .sort((a, b) => latestFirst(a.admittedOn, b.admittedOn))[0];
  const telehealth = consentInForce(records.consents, 'telehealth', date);
  const audioOnly = consentInForce(records.consents, 'audio_only', date);
  const functionalAssessmentOn = determinedBy(
    records.eligibilityDeterminations,
    'functional_assessment',
    date,
  );
  const medicalNecessityOn = determinedBy(records.eligibilityDeterminations, 'medical_necessity', date);
  return {
    dateOfBirth: records.dateOfBirth,
    coverage: orderCoverage(
      records.coverage.map((entry) => ({
        payerPack: entry.payerPack,
        memberId: entry.memberNumber,
        from: entry.from,
        to: entry.to,
      })),
    ),
    hasMedicare: records.hasMedicare,
    diagnoses: records.diagnoses
      .filter((diagnosis) => inForce(date, diagnosis.recordedOn, diagnosis.resolvedOn))
      .map((diagnosis) => ({ code: diagnosis.code, category: diagnosis.category })),
    asamLevel1Met: records.asamLevel === ASAM_LEVEL_1,
    specialPopulations: [...records.specialPopulations],
    eligibilityVerifiedOn: [
      ...new Set(
        records.eligibilityChecks
          .filter((check) => check.result === 'eligible' && check.checkedOn <= date)
          .map((check) => check.checkedOn),
      ),
    ].sort(),
    consents: {
      ...(telehealth === undefined ? {} : { telehealth }),
      ...(audioOnly === undefined ? {} : { audioOnly }),
    },
    ...(episode === undefined || episode.assessmentOn === null
      ? {}
      : { comprehensiveAssessmentOn: episode.assessmentOn }),
    ...(episode === undefined ? {} : assessedBy(episode)),
    ...(episode === undefined ? {} : serviceOrderOf(episode)),
    ...(episode === undefined ? {} : { episodeStart: episode.admittedOn }),
    ...(records.asamLevel === null ? {} : { asamLevel: records.asamLevel }),
    ...(functionalAssessmentOn === undefined ? {} : { functionalAssessmentOn }),
    ...(medicalNecessityOn === undefined ? {} : { medicalNecessityOn }),
  };
}

/** The episode's service order for the engine, with the parts not recorded left out; none when nothing is. */
function serviceOrderOf(
  episode: MemberClaimRecords['episodes'][number],
): Pick<MemberClaimContext, 'serviceOrder'> {
  const clinician = recorded(episode.serviceOrderClinician);
  const credential = recorded(episode.serviceOrderCredential);
  const order = {
    ...(episode.serviceOrderOn === null ? {} : { orderedOn: episode.serviceOrderOn }),
    ...(clinician === undefined ? {} : { clinician }),
    ...(credential === undefined ? {} : { credential }),
  };
  return Object.keys(order).length === 0 ? {} : { serviceOrder: order };
}

/** Who did the episode's comprehensive clinical assessment, when recorded. */
function assessedBy(
  episode: MemberClaimRecords['episodes'][number],
): Pick<MemberClaimContext, 'comprehensiveAssessmentBy'> {
  const clinician = recorded(episode.assessmentClinician);
  return clinician === undefined ? {} : { comprehensiveAssessmentBy: clinician };
}

/** A recorded text without its outer spaces; undefined when blank, as the engine wants absent parts left out. */
function recorded(text: string | null): string | undefined {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? undefined : trimmed;
}

/** Reads the stored facts of one member of the organisation; "not found" when there is no such member. */
export async function loadMemberClaimRecords(
  db: Kysely<Database>,
  organisationId: string,
  memberId: string,
): Promise<MemberClaimRecords> {
  if (!isUuid(memberId)) {
    throw notFound('member');
  }
  const records = (await loadMemberClaimRecordsMany(db, organisationId, [memberId])).get(memberId);
  if (records === undefined) {
    throw notFound('member');
  }
  return records;
}

/**
 * Reads the stored facts of several members of the organisation in eight queries, whatever their number (the
 * billing run judges members by the hundred). Members of other organisations, or unknown ids, are absent from
 * the answer.
 *
 * @param db - the database or the caller's transaction
 * @param organisationId - the organisation every query is scoped by
 * @param memberIds - the members (uuids)
 */
export async function loadMemberClaimRecordsMany(
  db: Kysely<Database>,
  organisationId: string,
  memberIds: readonly string[],
): Promise<Map<string, MemberClaimRecords>> {
  const records = new Map<string, MemberClaimRecords>();
  if (memberIds.length === 0) {
    return records;
  }
  const ids = [...memberIds];
  const [members, coverage, checks, determinations, outside, diagnoses, episodes, consents] =
    await Promise.all([
      db
        .selectFrom('members')
        .select(['id', 'date_of_birth', 'has_medicare', 'asam_level', 'special_populations'])
        .where('organisation_id', '=', organisationId)
        .where('id', 'in', ids)
        .execute(),
      db
        .selectFrom('coverage_periods')
        .select(['member_id', 'payer_pack', 'member_number', 'starts_on', 'ends_on'])
        .where('organisation_id', '=', organisationId)
        .where('member_id', 'in', ids)
        .orderBy('starts_on', 'desc')
        .orderBy('payer_pack')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('eligibility_checks')
        .select(['member_id', 'checked_on', 'result'])
        .where('organisation_id', '=', organisationId)
        .where('member_id', 'in', ids)
        .orderBy('checked_on', 'desc')
        .orderBy('created_at', 'desc')
        .execute(),
      db
        .selectFrom('eligibility_determinations')
        .select(['member_id', 'criterion', 'determined_on'])
        .where('organisation_id', '=', organisationId)
        .where('member_id', 'in', ids)
        .execute(),
      db
        .selectFrom('outside_group_hours')
        .select(['member_id', 'delivered_on', 'hours'])
        .where('organisation_id', '=', organisationId)
        .where('member_id', 'in', ids)
        .execute(),
      db
        .selectFrom('diagnoses')
        .select(['member_id', 'code', 'category', 'recorded_on', 'resolved_on'])
        .where('organisation_id', '=', organisationId)
        .where('member_id', 'in', ids)
        // The order a claim lists them in, the earliest recorded first as the principal: billing records the
        // diagnoses a claim was judged with, in the order of the engine's request, for its 837.
        .orderBy('recorded_on')
        .orderBy('code')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('episodes_of_care')
        .select([
          'member_id',
          'admitted_on',
          'discharged_on',
          'assessment_on',
          'assessment_clinician',
          'service_order_on',
          'service_order_clinician',
          'service_order_credential',
        ])
        .where('organisation_id', '=', organisationId)
        .where('member_id', 'in', ids)
        .orderBy('admitted_on', 'desc')
        .execute(),
      db
        .selectFrom('consents')
        .select(['member_id', 'kind', 'given_on', 'expires_on', 'revoked_on'])
        .where('organisation_id', '=', organisationId)
        .where('member_id', 'in', ids)
        .orderBy('given_on', 'desc')
        .execute(),
    ]);
  for (const member of members) {
    records.set(member.id, {
      dateOfBirth: member.date_of_birth,
      hasMedicare: member.has_medicare,
      asamLevel: member.asam_level,
      specialPopulations: member.special_populations,
      coverage: [],
      diagnoses: [],
      eligibilityChecks: [],
      eligibilityDeterminations: [],
      outsideGroupHours: [],
      episodes: [],
      consents: [],
    });
  }
  for (const row of coverage) {
    records.get(row.member_id)?.coverage.push({
      payerPack: row.payer_pack,
      memberNumber: row.member_number,
      from: row.starts_on,
      to: row.ends_on,
    });
  }
  for (const row of checks) {
    records.get(row.member_id)?.eligibilityChecks.push({ checkedOn: row.checked_on, result: row.result });
  }
  for (const row of determinations) {
    records
      .get(row.member_id)
      ?.eligibilityDeterminations.push({ criterion: row.criterion, determinedOn: row.determined_on });
  }
  for (const row of outside) {
    records
      .get(row.member_id)
      ?.outsideGroupHours.push({ deliveredOn: row.delivered_on, hours: Number(row.hours) });
  }
  for (const row of diagnoses) {
    records.get(row.member_id)?.diagnoses.push({
      code: row.code,
      category: row.category,
      recordedOn: row.recorded_on,
      resolvedOn: row.resolved_on,
    });
  }
  for (const row of episodes) {
    records.get(row.member_id)?.episodes.push({
      admittedOn: row.admitted_on,
      dischargedOn: row.discharged_on,
      assessmentOn: row.assessment_on,
      assessmentClinician: row.assessment_clinician,
      serviceOrderOn: row.service_order_on,
      serviceOrderClinician: row.service_order_clinician,
      serviceOrderCredential: row.service_order_credential,
    });
  }
  for (const row of consents) {
    records.get(row.member_id)?.consents.push({
      kind: row.kind,
      givenOn: row.given_on,
      expiresOn: row.expires_on,
      revokedOn: row.revoked_on,
    });
  }
  return records;
}

/**
 * The engine's `MemberContext` (without `carePlan`) for a member of the organisation on a date of service.
 *
 * @param db - the database or the caller's transaction
 * @param organisationId - the caller's organisation (a member of another answers "not found")
 * @param memberId - the member
 * @param dateOfService - `YYYY-MM-DD`
 * @throws ServiceError `not_found` when the organisation has no such member
 * @example
 * const member = { ...(await memberClaimContext(trx, actor.organisationId, note.memberId, date)), carePlan };
 */
export async function memberClaimContext(
  db: Kysely<Database>,
  organisationId: string,
  memberId: string,
  dateOfService: string,
): Promise<MemberClaimContext> {
  return toMemberClaimContext(await loadMemberClaimRecords(db, organisationId, memberId), dateOfService);
}

/**
 * The coverage to judge a service on `date` by — the most specific pack in force — or null when the member
 * has no coverage that day.
 *
 * @throws ServiceError `not_found` when the organisation has no such member
 */
export async function coverageOn(
  db: Kysely<Database>,
  organisationId: string,
  memberId: string,
  date: string,
): Promise<CoverageEntry | null> {
  const context = await memberClaimContext(db, organisationId, memberId, date);
  return coverageInForceOn(context.coverage, date)[0] ?? null;
}
