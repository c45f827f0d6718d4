/**
 * @module services/staff/credentials
 * A staff member's stored credentials as the rules engine reads them (`StaffContext`) on a date, and the one
 * check that stops a billable note from being signed: no current certification on the date of service.
 *
 * The continuing-education cycle follows the pack being judged: a pack whose rules read continuing education
 * sets the hours per cycle (`ceHoursPerCycle`, `ceLawAndEthicsHours`) and the cycle's length in years
 * (`ceCycleYears`: 2 in statewide Medi-Cal, after the research's renewal every 2 years; 1 in Alameda, whose
 * memo asks for the hours "per year"). So the engine's view of one staff member on one date may differ between
 * packs in its continuing education only. A cycle runs from the certification's issue date or one of its
 * anniversaries that many years on, so the current cycle starts on the latest of those on or before the date
 * judged — a certification renewed without a new issue date on file still starts a new cycle on time — and the
 * hours counted are those completed from then through the date. With no issue date on file, or for a pack that
 * sets no cycle (its rules do not read continuing education), no cycle start is known and every entry up to
 * the date counts.
 */
import type { Kysely } from 'kysely';
import { ageOn, allPacks, getPack, yearsBefore, type Pack } from '../../engine/index.js';
import type { StaffContext } from '../../shared/api/claims.js';
import type { CertificationState } from '../../shared/api/staff.js';
import type { Problem, ProblemSource } from '../../shared/problem.js';
import type { PayerPackId } from '../../shared/programs.js';
import type { Database, StaffProfileRow, UserRow } from '../../store/index.js';
import { notFound } from '../errors.js';

/** One continuing-education log entry, as the cycle count needs it. */
export interface ContinuingEducationRecord {
  completedOn: string;
  hours: number;
  lawAndEthicsHours: number;
}

/** What is stored about one staff member's credentials. */
export interface CredentialRecord {
  /** Undefined until an admin first saves the profile. */
  profile: StaffProfileRow | undefined;
  /** True when a supervisor is assigned and that user is still active (an inactive user supervises nobody). */
  supervisorActive: boolean;
  continuingEducation: readonly ContinuingEducationRecord[];
}

/**
 * The length of a continuing-education cycle in whole years under `pack`: its setting `ceCycleYears`, or null
 * when the pack sets none (no cycle is counted: the pack's rules do not read continuing education).
 *
 * @throws Error when the setting holds something other than a whole number of years, a defect of the pack
 *   that no caller can work around
 * @example
 * ceCycleYears(getPack('ca-acbhd')) // 1
 */
export function ceCycleYears(pack: Pack | undefined): number | null {
  const setting = pack?.settings['ceCycleYears'];
  if (setting === undefined) {
    return null;
  }
  const value = setting.value;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new Error(`pack ${pack?.id ?? ''} has no whole number of years in its ceCycleYears setting`);
  }
  return value;
}

/**
 * The start of the cycle `date` falls in: the latest of the issue date and its anniversaries every
 * `cycleYears` years that is on or before `date` (the issue date itself for a date before it). An anniversary
 * of 29 February falls on 28 February in a common year, as `yearsBefore` counts.
 *
 * @example
 * cycleStartOn('2023-03-01', '2026-03-10', 2) // '2025-03-01'
 */
export function cycleStartOn(issuedOn: string, date: string, cycleYears: number): string {
  if (date <= issuedOn) {
    return issuedOn;
  }
  // Whole years from the issue date to the date, rounded down to whole cycles; `ageOn` counts 29 February
  // as reached only on 1 March in a common year, so the anniversary a day earlier is checked too.
  let cycles = Math.floor(ageOn(issuedOn, date) / cycleYears);
  if (yearsBefore(issuedOn, -(cycles + 1) * cycleYears) <= date) {
    cycles += 1;
  }
  return yearsBefore(issuedOn, -cycles * cycleYears);
}

/**
 * The current cycle's continuing education on `date`, for cycles of `cycleYears` (null: no cycle, every entry
 * up to the date counts); see the module comment for the window.
 */
export function continuingEducationCycle(
  record: CredentialRecord,
  date: string,
  cycleYears: number | null,
): { cycleStart: string | null; hours: number; lawAndEthicsHours: number } {
  const issuedOn = record.profile?.certification_issued_on ?? null;
  const cycleStart =
    issuedOn === null || cycleYears === null ? null : cycleStartOn(issuedOn, date, cycleYears);
  let hours = 0;
  let lawAndEthicsHours = 0;
  for (const entry of record.continuingEducation) {
    if (entry.completedOn <= date && (cycleStart === null || cycleStart <= entry.completedOn)) {
      hours += entry.hours;
      lawAndEthicsHours += entry.lawAndEthicsHours;
    }
  }
  return { cycleStart, hours: roundHours(hours), lawAndEthicsHours: roundHours(lawAndEthicsHours) };
}

/**
 * The credentials as the engine reads them, judged on `date` under a pack whose continuing-education cycle is
 * `cycleYears` years (from {@link ceCycleYears}; null for a pack that counts no cycle).
 */
export function staffContextOf(
  record: CredentialRecord,
  date: string,
  cycleYears: number | null,
): StaffContext {
  const profile = record.profile;
  const cycle = continuingEducationCycle(record, date, cycleYears);
  const certificationType = profile?.certification_type ?? null;
  return {
    ...(certificationType === null
      ? {}
      : {
          certification: {
            type: certificationType,
            ...optionalDate('issuedOn', profile?.certification_issued_on),
            ...optionalDate('expiresOn', profile?.certification_expires_on),
          },
        }),
    ...optionalDate('dateOfBirth', profile?.date_of_birth),
    highSchoolDiploma: profile?.high_school_diploma ?? false,
    livedExperience: profile?.lived_experience ?? false,
    // Never filled in: a missing taxonomy reaches the rules as missing (rules catalog, December review).
    ...(profile?.taxonomy === null || profile?.taxonomy === undefined ? {} : { taxonomy: profile.taxonomy }),
    hasAssignedSupervisor: (profile?.supervisor_id ?? null) !== null && record.supervisorActive,
    ...(profile?.clinical_supervisor_qualification === null ||
    profile?.clinical_supervisor_qualification === undefined
      ? {}
      : { clinicalSupervisorQualification: profile.clinical_supervisor_qualification }),
    continuingEducation: { hours: cycle.hours, lawAndEthicsHours: cycle.lawAndEthicsHours },
    ...(profile?.supervising_since === null || profile?.supervising_since === undefined
      ? {}
      : {
          supervision: {
            startedOn: profile.supervising_since,
            ...optionalDate('trainingCompletedOn', profile.supervisor_training_on),
          },
        }),
  };
}

function optionalDate<K extends string>(
  key: K,
  value: string | null | undefined,
): Partial<Record<K, string>> {
  return value === null || value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

function roundHours(hours: number): number {
  return Math.round(hours * 100) / 100;
}

/**
 * Loads the credential records of several users of one organisation, with continuing education completed
 * on or before `through`. Users without a profile get an empty record.
 */
export async function loadCredentialRecords(
  db: Kysely<Database>,
  organisationId: string,
  userIds: readonly string[],
  through: string,
): Promise<Map<string, CredentialRecord>> {
  const records = new Map<string, CredentialRecord>();
  if (userIds.length === 0) {
    return records;
  }
  const profiles = await db
    .selectFrom('staff_profiles')
    .leftJoin('users as supervisor', (join) =>
      join
        .onRef('supervisor.id', '=', 'staff_profiles.supervisor_id')
        .on('supervisor.organisation_id', '=', organisationId),
    )
    .selectAll('staff_profiles')
    .select('supervisor.active as supervisor_active')
    .where('staff_profiles.organisation_id', '=', organisationId)
    .where('staff_profiles.user_id', 'in', userIds)
    .execute();
  const entries = await db
    .selectFrom('continuing_education')
    .select(['user_id', 'completed_on', 'hours', 'law_and_ethics_hours'])
    .where('organisation_id', '=', organisationId)
    .where('user_id', 'in', userIds)
    .where('completed_on', '<=', through)
    .execute();
  for (const userId of userIds) {
    records.set(userId, { profile: undefined, supervisorActive: false, continuingEducation: [] });
  }
  for (const { supervisor_active: supervisorActive, ...profile } of profiles) {
    const record = records.get(profile.user_id);
    if (record !== undefined) {
      records.set(profile.user_id, { ...record, profile, supervisorActive: supervisorActive === true });
    }
  }
  for (const entry of entries) {
    const record = records.get(entry.user_id);
    if (record !== undefined) {
      records.set(entry.user_id, {
        ...record,
        continuingEducation: [
          ...record.continuingEducation,
          {
            completedOn: entry.completed_on,
            hours: Number(entry.hours),
            lawAndEthicsHours: Number(entry.law_and_ethics_hours),
          },
        ],
      });
    }
  }
  return records;
}

/**
 * The staff member's credentials on a date of service, in the shape the rules engine reads
 * (`ClaimPreviewRequest.staff`) for `payerPack`. The notes service calls this with the note's author to build
 * the claim preview, inside its own transaction when it passes one.
 *
 * @param db - the database or the caller's transaction
 * @param organisationId - the acting user's organisation (the staff member must belong to it)
 * @param userId - the staff member (a user id)
 * @param dateOfService - 'YYYY-MM-DD'; continuing education is counted for the cycle up to this date
 * @param payerPack - the pack the service is judged under: its `ceCycleYears` sets the cycle
 * @throws ServiceError `not_found` (`staff_member.not_found`) when the user is not in the organisation
 * @example
 * const staff = await staffCredentialsOn(trx, actor.organisationId, note.authorId, note.dateOfService, 'ca-acbhd');
 * const preview = previewClaim(ClaimPreviewRequestSchema.parse({ service, member, staff, program }));
 */
export async function staffCredentialsOn(
  db: Kysely<Database>,
  organisationId: string,
  userId: string,
  dateOfService: string,
  payerPack: PayerPackId,
): Promise<StaffContext> {
  await requireStaffUser(db, organisationId, userId);
  const records = await loadCredentialRecords(db, organisationId, [userId], dateOfService);
  return staffContextOf(
    records.get(userId) ?? { profile: undefined, supervisorActive: false, continuingEducation: [] },
    dateOfService,
    ceCycleYears(getPack(payerPack)),
  );
}

/** Throws `not_found` unless the user belongs to the organisation. */
export async function requireStaffUser(
  db: Kysely<Database>,
  organisationId: string,
  userId: string,
): Promise<Pick<UserRow, 'id' | 'display_name' | 'email' | 'roles' | 'active'>> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'email', 'roles', 'active'])
    .where('id', '=', userId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  if (user === undefined) {
    throw notFound('staff_member');
  }
  return user;
}

/**
 * Where the certification stands on `date`. Mirrors the engine's `staff.certificationActive` fact (a legacy
 * or uncertified peer holds no certification), naming which way it fails so the reason can be shown.
 */
export function certificationStateOn(staff: StaffContext, date: string): CertificationState {
  const certification = staff.certification;
  if (certification === undefined) {
    return 'missing';
  }
  if (certification.type === 'legacy_uncertified') {
    return 'uncertified';
  }
  if (certification.issuedOn !== undefined && date < certification.issuedOn) {
    return 'not_yet_issued';
  }
  if (certification.expiresOn !== undefined && certification.expiresOn < date) {
    return 'expired';
  }
  return 'current';
}

/**
 * The problem that blocks signing a billable note when the author has no current certification on the date
 * of service (missing, legacy/uncertified, not yet issued, or expired), or null when the certification is
 * current. Its source is the pack's certification rule (`<pack>.staff.certified`, or for a legacy peer
 * `<pack>.staff.legacy_uncertified`).
 *
 * @param staff - the author's credentials on the date (from {@link staffCredentialsOn})
 * @param dateOfService - 'YYYY-MM-DD'
 * @param payerPack - the pack the note bills under, to cite its rule; any pack's when omitted
 * @example
 * const blocker = certificationBlocker(await staffCredentialsOn(trx, orgId, authorId, date), date, 'ca-dhcs');
 * if (blocker !== null) throw new ServiceError('conflict', [blocker]);
 */
export function certificationBlocker(
  staff: StaffContext,
  dateOfService: string,
  payerPack?: PayerPackId,
): Problem | null {
  const state = certificationStateOn(staff, dateOfService);
  const message = blockerMessage(state, staff, dateOfService);
  if (message === null) {
    return null;
  }
  return {
    severity: 'error',
    code: `staff.certification.${state}`,
    message,
    path: ['staff', 'certification'],
    source: certificationRuleSource(payerPack, state),
  };
}

function blockerMessage(state: CertificationState, staff: StaffContext, date: string): string | null {
  const fix = 'Ask a program admin to record your current certification on your credentials page, then sign.';
  switch (state) {
    case 'current':
      return null;
    case 'missing':
      return `No peer certification is on file for you, so a billable note cannot be signed. ${fix}`;
    case 'uncertified':
      return `You are recorded as a legacy or uncertified peer; a billable note needs a current peer certification on the date of service (${date}). ${fix}`;
    case 'not_yet_issued':
      return `Your peer certification was issued on ${staff.certification?.issuedOn ?? 'a later date'}, after this date of service (${date}), so this billable note cannot be signed. Check the date of service, or the issue date on file.`;
    case 'expired':
      return `Your peer certification expired on ${staff.certification?.expiresOn ?? 'an earlier date'}, before this date of service (${date}), so this billable note cannot be signed. Renew it, then ask a program admin to record the new dates on your credentials page.`;
  }
}

/**
 * The citation of the packs' certification rule, so the blocker says where the requirement comes from: a legacy
 * peer's is `<pack>.staff.legacy_uncertified` (the engine refuses them as not certified), anyone else's
 * `<pack>.staff.certified`.
 */
function certificationRuleSource(
  payerPack: PayerPackId | undefined,
  state: CertificationState,
): ProblemSource {
  const packs = payerPack === undefined ? allPacks() : [getPack(payerPack)];
  const suffix = state === 'uncertified' ? '.staff.legacy_uncertified' : '.staff.certified';
  const rule = packs.flatMap((pack) => pack?.rules ?? []).find((candidate) => candidate.id.endsWith(suffix));
  if (rule === undefined) {
    return { document: 'peerline-staff', section: 'Staff credentials' };
  }
  return {
    document: rule.citation.document,
    section: rule.citation.section,
    quote: rule.citation.quote,
    ruleId: rule.id,
    ruleVersion: rule.version,
  };
}
