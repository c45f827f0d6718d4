/**
 * @module services/staff/profiles
 * Staff profiles: the compliance list, one staff member's credentials page, and saving a profile (admins).
 * Every read and change writes its audit row in the same transaction as the work it records.
 */
import type { Kysely } from 'kysely';
import {
  type StaffDetail,
  type StaffListItem,
  type StaffListQuery,
  type StaffListResponse,
  type StaffProfile,
  type StaffProfileRequest,
  type SupervisorChoice,
} from '../../shared/api/staff.js';
import type { Role } from '../../shared/roles.js';
import { isUniqueViolation, type Database, type StaffProfileRow, type UserRow } from '../../store/index.js';
import { actorEntry, recordAudit } from '../audit/index.js';
import type { Actor, ServiceContext } from '../context.js';
import { conflict, invalid, requireRole } from '../errors.js';
import { calendarDateIn } from '../time/index.js';
import { requireVisibleStaff, staffPermissions, visibleStaff } from './access.js';
import { complianceOf } from './compliance.js';
import { requireStaffUser } from './credentials.js';

/** Roles whose holders are staff (deliver or supervise peer support) and so appear on the compliance list. */
const STAFF_ROLES = ['peer', 'supervisor'] as const;

/**
 * Every staff member the actor may see — active users holding the peer or supervisor role, or with a saved
 * profile — each with their compliance on `asOf` (the organisation's today unless given).
 */
export async function listStaff(
  ctx: ServiceContext,
  actor: Actor,
  query: StaffListQuery,
): Promise<StaffListResponse> {
  return ctx.db.transaction().execute(async (trx) => {
    const asOf = query.asOf ?? (await organisationToday(trx, actor.organisationId, ctx.clock.now()));
    const users = await trx
      .selectFrom('users')
      .leftJoin('staff_profiles', 'staff_profiles.user_id', 'users.id')
      .leftJoin('users as supervisor', 'supervisor.id', 'staff_profiles.supervisor_id')
      .select([
        'users.id',
        'users.display_name',
        'users.roles',
        'staff_profiles.certification_type',
        'staff_profiles.certification_expires_on',
        'supervisor.display_name as supervisor_name',
      ])
      .where(visibleStaff(actor))
      .where('users.active', '=', true)
      .where((eb) =>
        eb.or([
          ...STAFF_ROLES.map((role) => eb(eb.val<Role>(role), '=', eb.fn.any('users.roles'))),
          eb('staff_profiles.user_id', 'is not', null),
        ]),
      )
      .orderBy('users.display_name')
      .orderBy('users.id')
      .execute();
    const compliance = await complianceOf(
      trx,
      actor,
      users.map((user) => user.id),
      asOf,
    );
    const staff = users.flatMap((user): StaffListItem[] => {
      const status = compliance.get(user.id);
      if (status === undefined || (query.needsAttention && status.status === 'compliant')) {
        return [];
      }
      return [
        {
          userId: user.id,
          displayName: user.display_name,
          roles: user.roles,
          certificationType: user.certification_type,
          certificationExpiresOn: user.certification_expires_on,
          supervisorName: user.supervisor_name,
          compliance: status,
        },
      ];
    });
    await recordAudit(
      trx,
      ctx.clock,
      actorEntry(actor, 'staff_profile.list', { type: 'staff_profile', id: null }, 'success', {
        count: staff.length,
        needsAttention: query.needsAttention,
        asOf,
      }),
    );
    return { asOf, staff };
  });
}

/** One staff member's credentials page: profile, continuing-education log, compliance and permissions. */
export async function getStaffMember(
  ctx: ServiceContext,
  actor: Actor,
  userId: string,
  options: { asOf?: string | undefined } = {},
): Promise<StaffDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    await requireVisibleStaff(trx, actor, userId);
    const detail = await staffDetail(trx, ctx, actor, userId, options.asOf);
    await recordAudit(
      trx,
      ctx.clock,
      actorEntry(actor, 'staff_profile.read', { type: 'staff_profile', id: userId }, 'success', {
        hasProfile: detail.profile.hasProfile,
      }),
    );
    return detail;
  });
}

/**
 * Saves a staff member's profile (admins only), replacing every field. The assigned supervisor must be an
 * active user of the organisation holding the supervisor role; supervision dates are for supervisors.
 */
export async function upsertStaffProfile(
  ctx: ServiceContext,
  actor: Actor,
  userId: string,
  request: StaffProfileRequest,
): Promise<StaffDetail> {
  requireRole(actor, ['admin']);
  return ctx.db.transaction().execute(async (trx) => {
    const target = await requireStaffUser(trx, actor.organisationId, userId);
    const today = await organisationToday(trx, actor.organisationId, ctx.clock.now());
    await checkProfile(trx, actor.organisationId, target, request, today);
    const before = await trx
      .selectFrom('staff_profiles')
      .selectAll()
      .where('user_id', '=', userId)
      .where('organisation_id', '=', actor.organisationId)
      .forUpdate()
      .executeTakeFirst();
    const values = {
      certification_type: request.certificationType,
      certification_number: request.certificationNumber,
      certification_issued_on: request.certificationIssuedOn,
      certification_expires_on: request.certificationExpiresOn,
      npi: request.npi,
      taxonomy: request.taxonomy,
      date_of_birth: request.dateOfBirth,
      high_school_diploma: request.highSchoolDiploma,
      lived_experience: request.livedExperience,
      background_check_on: request.backgroundCheckOn,
      supervisor_id: request.supervisorId,
      supervising_since: request.supervisingSince,
      supervisor_training_on: request.supervisorTrainingOn,
      clinical_supervisor_name: request.clinicalSupervisorName,
      clinical_supervisor_qualification: request.clinicalSupervisorQualification,
      updated_at: ctx.clock.now(),
    };
    try {
      await trx
        .insertInto('staff_profiles')
        .values({ user_id: userId, organisation_id: actor.organisationId, ...values })
        .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
        .execute();
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw conflict(
          'staff.npi_taken',
          'Another staff member of your organisation already has this NPI. Check the number on the NPI registry.',
          ['body', 'npi'],
        );
      }
      throw error;
    }
    await recordAudit(
      trx,
      ctx.clock,
      actorEntry(actor, 'staff_profile.update', { type: 'staff_profile', id: userId }, 'success', {
        created: before === undefined,
        fields: changedFields(before, request),
      }),
    );
    return staffDetail(trx, ctx, actor, userId, undefined);
  });
}

async function checkProfile(
  db: Kysely<Database>,
  organisationId: string,
  target: Pick<UserRow, 'id' | 'roles'>,
  request: StaffProfileRequest,
  today: string,
): Promise<void> {
  if (request.dateOfBirth !== null && request.dateOfBirth >= today) {
    throw invalid('staff.date_of_birth_future', 'The date of birth must be before today.', [
      'body',
      'dateOfBirth',
    ]);
  }
  if (
    (request.supervisingSince !== null || request.supervisorTrainingOn !== null) &&
    !target.roles.includes('supervisor')
  ) {
    throw invalid(
      'staff.not_a_supervisor',
      'Supervision dates are for peer support supervisors. Give this user the supervisor role on the Users page first, or clear the dates.',
      ['body', request.supervisingSince === null ? 'supervisorTrainingOn' : 'supervisingSince'],
    );
  }
  if (request.supervisorId === null) {
    return;
  }
  if (request.supervisorId === target.id) {
    throw invalid(
      'staff.own_supervisor',
      'A staff member cannot be their own supervisor. Choose someone else.',
      ['body', 'supervisorId'],
    );
  }
  const supervisor = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', request.supervisorId)
    .where('organisation_id', '=', organisationId)
    .where('active', '=', true)
    .where((eb) => eb(eb.val('supervisor'), '=', eb.fn.any('roles')))
    .executeTakeFirst();
  if (supervisor === undefined) {
    throw invalid(
      'staff.supervisor_invalid',
      'Choose an active user of your organisation with the peer support supervisor role.',
      ['body', 'supervisorId'],
    );
  }
}

/** The page's data, without auditing (the caller audits what it did). */
export async function staffDetail(
  db: Kysely<Database>,
  ctx: ServiceContext,
  actor: Actor,
  userId: string,
  asOfOverride: string | undefined,
): Promise<StaffDetail> {
  const asOf = asOfOverride ?? (await organisationToday(db, actor.organisationId, ctx.clock.now()));
  const user = await requireStaffUser(db, actor.organisationId, userId);
  const profile = await db
    .selectFrom('staff_profiles')
    .leftJoin('users as supervisor', 'supervisor.id', 'staff_profiles.supervisor_id')
    .selectAll('staff_profiles')
    .select('supervisor.display_name as supervisor_name')
    .where('staff_profiles.user_id', '=', userId)
    .where('staff_profiles.organisation_id', '=', actor.organisationId)
    .executeTakeFirst();
  const entries = await db
    .selectFrom('continuing_education')
    .select(['id', 'completed_on', 'title', 'provider', 'hours', 'law_and_ethics_hours', 'created_at'])
    .where('organisation_id', '=', actor.organisationId)
    .where('user_id', '=', userId)
    .orderBy('completed_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  const compliance = (await complianceOf(db, actor, [userId], asOf)).get(userId);
  if (compliance === undefined) {
    throw new Error('compliance was not computed for the staff member');
  }
  const permissions = staffPermissions(actor, userId);
  return {
    profile: toStaffProfile(user, profile),
    continuingEducation: entries.map((entry) => ({
      id: entry.id,
      completedOn: entry.completed_on,
      title: entry.title,
      provider: entry.provider,
      hours: Number(entry.hours),
      lawAndEthicsHours: Number(entry.law_and_ethics_hours),
      createdAt: entry.created_at.toISOString(),
    })),
    compliance,
    permissions,
    supervisorChoices: permissions.editProfile
      ? await supervisorChoices(db, actor.organisationId, userId)
      : [],
  };
}

async function supervisorChoices(
  db: Kysely<Database>,
  organisationId: string,
  exceptUserId: string,
): Promise<SupervisorChoice[]> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('organisation_id', '=', organisationId)
    .where('active', '=', true)
    .where('id', '!=', exceptUserId)
    .where((eb) => eb(eb.val('supervisor'), '=', eb.fn.any('roles')))
    .orderBy('display_name')
    .execute();
  return rows.map((row) => ({ id: row.id, displayName: row.display_name }));
}

function toStaffProfile(
  user: Pick<UserRow, 'id' | 'display_name' | 'email' | 'roles'>,
  row: (StaffProfileRow & { supervisor_name: string | null }) | undefined,
): StaffProfile {
  return {
    userId: user.id,
    displayName: user.display_name,
    email: user.email,
    roles: user.roles,
    hasProfile: row !== undefined,
    certificationType: row?.certification_type ?? null,
    certificationNumber: row?.certification_number ?? null,
    certificationIssuedOn: row?.certification_issued_on ?? null,
    certificationExpiresOn: row?.certification_expires_on ?? null,
    npi: row?.npi ?? null,
    taxonomy: row?.taxonomy ?? null,
    dateOfBirth: row?.date_of_birth ?? null,
    highSchoolDiploma: row?.high_school_diploma ?? false,
    livedExperience: row?.lived_experience ?? false,
    backgroundCheckOn: row?.background_check_on ?? null,
    supervisorId: row?.supervisor_id ?? null,
    supervisorName: row?.supervisor_name ?? null,
    supervisingSince: row?.supervising_since ?? null,
    supervisorTrainingOn: row?.supervisor_training_on ?? null,
    clinicalSupervisorName: row?.clinical_supervisor_name ?? null,
    clinicalSupervisorQualification: row?.clinical_supervisor_qualification ?? null,
    updatedAt: row?.updated_at.toISOString() ?? null,
  };
}

/** Names of the fields a save changes (never their values: the audit log holds no credentials). */
function changedFields(before: StaffProfileRow | undefined, request: StaffProfileRequest): string[] {
  const stored: Record<keyof StaffProfileRequest, unknown> = {
    certificationType: before?.certification_type ?? null,
    certificationNumber: before?.certification_number ?? null,
    certificationIssuedOn: before?.certification_issued_on ?? null,
    certificationExpiresOn: before?.certification_expires_on ?? null,
    npi: before?.npi ?? null,
    taxonomy: before?.taxonomy ?? null,
    dateOfBirth: before?.date_of_birth ?? null,
    highSchoolDiploma: before?.high_school_diploma ?? false,
    livedExperience: before?.lived_experience ?? false,
    backgroundCheckOn: before?.background_check_on ?? null,
    supervisorId: before?.supervisor_id ?? null,
    supervisingSince: before?.supervising_since ?? null,
    supervisorTrainingOn: before?.supervisor_training_on ?? null,
    clinicalSupervisorName: before?.clinical_supervisor_name ?? null,
    clinicalSupervisorQualification: before?.clinical_supervisor_qualification ?? null,
  };
  return (Object.keys(stored) as (keyof StaffProfileRequest)[]).filter(
    (field) => stored[field] !== request[field],
  );
}

/**
 * Today in the organisation: the calendar date in the time zone of its first program (where its work is
 * dated), or UTC for an organisation without programs. Certifications expire at the end of a local day.
 */
export async function organisationToday(
  db: Kysely<Database>,
  organisationId: string,
  now: Date,
): Promise<string> {
  const program = await db
    .selectFrom('programs')
    .select('time_zone')
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at')
    .orderBy('name')
    .limit(1)
    .executeTakeFirst();
  return calendarDateIn(now, program?.time_zone ?? 'UTC');
}
