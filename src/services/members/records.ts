/**
 * @module services/members/records
 * Reading a member's record as the API shows it: the member with program and assigned peer, and every
 * sub-record (contacts, coverage, eligibility checks and determinations, diagnoses, episodes, consents), plus what the actor
 * may do with it. Callers have already checked that the actor can see the member (services/access).
 */
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { MemberAccess, MemberRecord, MemberSummary } from '../../shared/api/members.js';
import type { Database, MemberRow } from '../../store/index.js';
import { canChangeClinicalRecords } from '../access/index.js';
import type { Actor } from '../context.js';

/** Roles that may record coverage and eligibility besides the clinical writers. */
const COVERAGE_ONLY_WRITERS = ['billing'] as const;
/** Roles that may put a member on a peer's caseload. */
export const PEER_ASSIGNERS = ['admin', 'supervisor'] as const;

export function accessOf(actor: Actor): MemberAccess {
  const canEdit = canChangeClinicalRecords(actor);
  return {
    canEdit,
    canEditCoverage: canEdit || actor.roles.some((role) => COVERAGE_ONLY_WRITERS.some((w) => w === role)),
    canAssignPeer: actor.roles.some((role) => PEER_ASSIGNERS.some((assigner) => assigner === role)),
  };
}

type SummaryRow = Pick<
  MemberRow,
  | 'id'
  | 'first_name'
  | 'last_name'
  | 'preferred_name'
  | 'date_of_birth'
  | 'medicaid_id'
  | 'program_id'
  | 'assigned_peer_id'
  | 'active'
> & { program_name: string; peer_name: string | null };

/** A condition on `members` rows (what `visibleMembers` and the search criteria are). */
export type MemberFilter = (eb: ExpressionBuilder<Database, 'members'>) => Expression<SqlBool>;

/**
 * Members matching `filter`, with their program's and assigned peer's names, by last then first name.
 * The filter runs on `members` alone (in a subquery), so it composes with the access rules' filter.
 */
export async function findMemberSummaries(
  db: Kysely<Database>,
  filter: MemberFilter,
  limit: number,
): Promise<MemberSummary[]> {
  const rows = await db
    .selectFrom('members')
    .innerJoin('programs', 'programs.id', 'members.program_id')
    .leftJoin('users as peer', 'peer.id', 'members.assigned_peer_id')
    .select([
      'members.id',
      'members.first_name',
      'members.last_name',
      'members.preferred_name',
      'members.date_of_birth',
      'members.medicaid_id',
      'members.program_id',
      'members.assigned_peer_id',
      'members.active',
      'programs.name as program_name',
      'peer.display_name as peer_name',
    ])
    .where('members.id', 'in', (eb) => eb.selectFrom('members').select('members.id').where(filter))
    .orderBy(sql`lower(members.last_name)`)
    .orderBy(sql`lower(members.first_name)`)
    .orderBy('members.id')
    .limit(limit)
    .execute();
  return rows.map(toMemberSummary);
}

function toMemberSummary(row: SummaryRow): MemberSummary {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    preferredName: row.preferred_name,
    dateOfBirth: row.date_of_birth,
    medicaidId: row.medicaid_id,
    program: { id: row.program_id, name: row.program_name },
    assignedPeer:
      row.assigned_peer_id === null ? null : { id: row.assigned_peer_id, displayName: row.peer_name ?? '' },
    active: row.active,
  };
}

/** The parts of a member's record: contacts, coverage, eligibility checks, diagnoses, episodes, consents. */
export type MemberParts = Pick<
  MemberRecord,
  | 'contacts'
  | 'coverage'
  | 'eligibilityChecks'
  | 'eligibilityDeterminations'
  | 'outsideGroupHours'
  | 'diagnoses'
  | 'episodes'
  | 'consents'
>;

/** Reads the parts of one member's record (the member of `organisationId` named `memberId`). */
export async function loadMemberParts(
  db: Kysely<Database>,
  organisationId: string,
  memberId: string,
): Promise<MemberParts> {
  const scope = { organisationId, memberId };
  const [contacts, coverage, checks, determinations, outside, diagnoses, episodes, consents] =
    await Promise.all([
      db
        .selectFrom('member_contacts')
        .select(['id', 'kind', 'name', 'relationship', 'phone', 'email'])
        .where('organisation_id', '=', scope.organisationId)
        .where('member_id', '=', scope.memberId)
        .orderBy('kind')
        .orderBy('name')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('coverage_periods')
        .select(['id', 'payer_pack', 'plan_name', 'member_number', 'starts_on', 'ends_on'])
        .where('organisation_id', '=', scope.organisationId)
        .where('member_id', '=', scope.memberId)
        .orderBy('starts_on', 'desc')
        .orderBy('payer_pack')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('eligibility_checks')
        .innerJoin('users', 'users.id', 'eligibility_checks.checked_by')
        .select([
          'eligibility_checks.id',
          'eligibility_checks.checked_on',
          'eligibility_checks.result',
          'eligibility_checks.source',
          'eligibility_checks.checked_by',
          'users.display_name',
        ])
        .where('eligibility_checks.organisation_id', '=', scope.organisationId)
        .where('eligibility_checks.member_id', '=', scope.memberId)
        .orderBy('eligibility_checks.checked_on', 'desc')
        .orderBy('eligibility_checks.created_at', 'desc')
        .execute(),
      db
        .selectFrom('eligibility_determinations')
        .innerJoin('users', 'users.id', 'eligibility_determinations.recorded_by')
        .select([
          'eligibility_determinations.id',
          'eligibility_determinations.criterion',
          'eligibility_determinations.determined_on',
          'eligibility_determinations.determined_by',
          'eligibility_determinations.recorded_by',
          'users.display_name',
        ])
        .where('eligibility_determinations.organisation_id', '=', scope.organisationId)
        .where('eligibility_determinations.member_id', '=', scope.memberId)
        .orderBy('eligibility_determinations.determined_on', 'desc')
        .orderBy('eligibility_determinations.criterion')
        .orderBy('eligibility_determinations.id')
        .execute(),
      db
        .selectFrom('outside_group_hours')
        .innerJoin('users', 'users.id', 'outside_group_hours.recorded_by')
        .select([
          'outside_group_hours.id',
          'outside_group_hours.delivered_on',
          'outside_group_hours.hours',
          'outside_group_hours.source',
          'outside_group_hours.recorded_by',
          'users.display_name',
        ])
        .where('outside_group_hours.organisation_id', '=', scope.organisationId)
        .where('outside_group_hours.member_id', '=', scope.memberId)
        .orderBy('outside_group_hours.delivered_on', 'desc')
        .orderBy('outside_group_hours.id')
        .execute(),
      db
        .selectFrom('diagnoses')
        .select(['id', 'code', 'description', 'category', 'recorded_on', 'resolved_on'])
        .where('organisation_id', '=', scope.organisationId)
        .where('member_id', '=', scope.memberId)
        .orderBy('recorded_on', 'desc')
        .orderBy('code')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('episodes_of_care')
        .innerJoin('programs', 'programs.id', 'episodes_of_care.program_id')
        .select([
          'episodes_of_care.id',
          'episodes_of_care.program_id',
          'programs.name as program_name',
          'episodes_of_care.admitted_on',
          'episodes_of_care.discharged_on',
          'episodes_of_care.assessment_on',
          'episodes_of_care.assessment_clinician',
          'episodes_of_care.service_order_on',
          'episodes_of_care.service_order_clinician',
          'episodes_of_care.service_order_credential',
        ])
        .where('episodes_of_care.organisation_id', '=', scope.organisationId)
        .where('episodes_of_care.member_id', '=', scope.memberId)
        .orderBy('episodes_of_care.admitted_on', 'desc')
        .orderBy('episodes_of_care.id')
        .execute(),
      db
        .selectFrom('consents')
        .select(['id', 'kind', 'given_on', 'expires_on', 'revoked_on', 'details'])
        .where('organisation_id', '=', scope.organisationId)
        .where('member_id', '=', scope.memberId)
        .orderBy('given_on', 'desc')
        .orderBy('kind')
        .orderBy('id')
        .execute(),
    ]);
  return {
    contacts: contacts.map((row) => ({
      id: row.id,
      kind: row.kind,
      name: row.name,
      relationship: row.relationship,
      phone: row.phone,
      email: row.email,
    })),
    coverage: coverage.map((row) => ({
      id: row.id,
      payerPack: row.payer_pack,
      planName: row.plan_name,
      memberNumber: row.member_number,
      from: row.starts_on,
      to: row.ends_on,
    })),
    eligibilityChecks: checks.map((row) => ({
      id: row.id,
      checkedOn: row.checked_on,
      result: row.result,
      source: row.source,
      checkedBy: { id: row.checked_by, displayName: row.display_name },
    })),
    eligibilityDeterminations: determinations.map((row) => ({
      id: row.id,
      criterion: row.criterion,
      determinedOn: row.determined_on,
      determinedBy: row.determined_by,
      recordedBy: { id: row.recorded_by, displayName: row.display_name },
    })),
    outsideGroupHours: outside.map((row) => ({
      id: row.id,
      deliveredOn: row.delivered_on,
      hours: Number(row.hours),
      source: row.source,
      recordedBy: { id: row.recorded_by, displayName: row.display_name },
    })),
    diagnoses: diagnoses.map((row) => ({
      id: row.id,
      code: row.code,
      description: row.description,
      category: row.category,
      recordedOn: row.recorded_on,
      resolvedOn: row.resolved_on,
    })),
    episodes: episodes.map((row) => ({
      id: row.id,
      program: { id: row.program_id, name: row.program_name },
      admittedOn: row.admitted_on,
      dischargedOn: row.discharged_on,
      assessmentOn: row.assessment_on,
      assessmentClinician: row.assessment_clinician,
      serviceOrderOn: row.service_order_on,
      serviceOrderClinician: row.service_order_clinician,
      serviceOrderCredential: row.service_order_credential,
    })),
    consents: consents.map((row) => ({
      id: row.id,
      kind: row.kind,
      givenOn: row.given_on,
      expiresOn: row.expires_on,
      revokedOn: row.revoked_on,
      details: row.details,
    })),
  };
}

/** The whole record of a member the actor can see. */
export async function loadMemberRecord(
  db: Kysely<Database>,
  actor: Actor,
  member: MemberRow,
): Promise<MemberRecord> {
  const [summaries, parts] = await Promise.all([
    findMemberSummaries(db, (eb) => eb('members.id', '=', member.id), 1),
    loadMemberParts(db, member.organisation_id, member.id),
  ]);
  const [summary] = summaries;
  if (summary === undefined) {
    throw new Error(`member ${member.id} vanished while its record was read`);
  }
  return {
    ...summary,
    pronouns: member.pronouns,
    phone: member.phone,
    hasMedicare: member.has_medicare,
    asamLevel: member.asam_level,
    specialPopulations: member.special_populations,
    sex: member.sex,
    addressLine1: member.address_line1,
    city: member.city,
    state: member.state,
    postalCode: member.postal_code,
    ...parts,
    access: accessOf(actor),
    createdAt: member.created_at.toISOString(),
    updatedAt: member.updated_at.toISOString(),
  };
}
