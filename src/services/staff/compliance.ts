/**
 * @module services/staff/compliance
 * Each staff member's compliance status, computed from the payer packs — never from numbers written here.
 *
 * Which packs: those of the programs the staff member delivers services in, read from their own caseload.
 * A supervisor of a team spanning states is not judged by another state's certification rules for services
 * their peers deliver (each peer is judged by their own caseload); only a supervisor with no caseload of
 * their own is judged by the programs of the peers they supervise. Someone with nobody on their caseload yet
 * could be given members in any program, so they are checked against every program of the organisation
 * (`packsFrom: 'organisation'`).
 *
 * How: for each program and each of its packs, the engine judges a stand-in service on the date (an
 * in-person contact under the program's type), with the staff member's credentials from the store, once for
 * each member of theirs in that program (so member-dependent rules, such as Kansas's "at least three years
 * older than a member under 18", see the real members) or, with none, once for a stand-in adult. Every
 * problem about the staff member (rule path `staff.…`) from the pack's claim rules and its staff rules
 * (`evaluateStaffRules`) is kept; the same problem from several packs becomes one finding naming them all.
 * Each pack sees the credentials with the continuing education of its own cycle (`ceCycleYears`: Alameda
 * counts a year, statewide Medi-Cal two); the summary shows the shortest cycle of the packs checked, the one
 * whose hours fall due first.
 *
 * One finding is not a pack rule: a "majority of contacts in community locations" (Kansas), a share of the
 * peer's recent notes no single service can show, is measured on the store (`community-contacts.ts`) for
 * each pack checked that has the setting `minCommunityContactShare`, over the programs billing that pack, and
 * is a warning when it is not a majority.
 */
import type { Kysely } from 'kysely';
import { evaluateService, evaluateStaffRules, getPack, yearsBefore, type Pack } from '../../engine/index.js';
import {
  ClaimPreviewRequestSchema,
  type ClaimPreviewRequest,
  type StaffContext,
} from '../../shared/api/claims.js';
import type { ComplianceFinding, ComplianceStatus, StaffCompliance } from '../../shared/api/staff.js';
import type { Problem, Severity } from '../../shared/problem.js';
import type { PayerPackId, ProgramType } from '../../shared/programs.js';
import type { Database } from '../../store/index.js';
import { visibleMembers } from '../access/index.js';
import type { Actor } from '../context.js';
import {
  ceCycleYears,
  certificationStateOn,
  continuingEducationCycle,
  loadCredentialRecords,
  staffContextOf,
  type CredentialRecord,
} from './credentials.js';
import {
  communityContactProblem,
  communityContactsOf,
  measuresCommunityContacts,
  type CommunityContacts,
} from './community-contacts.js';

interface ProgramScope {
  id: string;
  type: ProgramType;
  payerPacks: readonly PayerPackId[];
}

interface ServedMember {
  peerId: string;
  programId: string;
  dateOfBirth: string;
}

/**
 * A stand-in member's age when the staff member serves nobody in a program: an adult, so rules that apply
 * only to young members do not fire on a member who does not exist.
 */
const STAND_IN_MEMBER_AGE = 40;

/**
 * Compliance of each of `userIds` on `asOf`, as the actor may see it (members outside the actor's reach do
 * not count towards anyone's programs).
 */
export async function complianceOf(
  db: Kysely<Database>,
  actor: Actor,
  userIds: readonly string[],
  asOf: string,
): Promise<Map<string, StaffCompliance>> {
  const result = new Map<string, StaffCompliance>();
  if (userIds.length === 0) {
    return result;
  }
  const organisationId = actor.organisationId;
  const records = await loadCredentialRecords(db, organisationId, userIds, asOf);
  const supervisees = await db
    .selectFrom('staff_profiles')
    .select(['user_id', 'supervisor_id'])
    .where('organisation_id', '=', organisationId)
    .where('supervisor_id', 'in', userIds)
    .execute();
  const served = await servedMembers(db, actor, [
    ...new Set([...userIds, ...supervisees.map((row) => row.user_id)]),
  ]);
  const programs = (
    await db
      .selectFrom('programs')
      .select(['id', 'type', 'payer_packs'])
      .where('organisation_id', '=', organisationId)
      .orderBy('created_at')
      .orderBy('name')
      .execute()
  ).map((row): ProgramScope => ({ id: row.id, type: row.type, payerPacks: row.payer_packs }));
  const community = await communityContactsByPack(db, organisationId, userIds, programs, asOf);

  for (const userId of userIds) {
    const own = served.filter((member) => member.peerId === userId);
    const team = new Set(supervisees.filter((row) => row.supervisor_id === userId).map((row) => row.user_id));
    const programIds = new Set(
      (own.length > 0 ? own : served.filter((member) => team.has(member.peerId))).map(
        (member) => member.programId,
      ),
    );
    const inScope =
      programIds.size === 0 ? programs : programs.filter((program) => programIds.has(program.id));
    const record = records.get(userId) ?? {
      profile: undefined,
      supervisorActive: false,
      continuingEducation: [],
    };
    const contacts = new Map([...community].map(([packId, byUser]) => [packId, byUser.get(userId)] as const));
    result.set(userId, judge(record, inScope, own, asOf, programIds.size === 0, contacts));
  }
  return result;
}

/**
 * Community contacts of each user under each pack of the organisation's programs that measures them (has the
 * setting `minCommunityContactShare`), counted over the programs billing that pack.
 */
async function communityContactsByPack(
  db: Kysely<Database>,
  organisationId: string,
  userIds: readonly string[],
  programs: readonly ProgramScope[],
  asOf: string,
): Promise<Map<PayerPackId, Map<string, CommunityContacts>>> {
  const byPack = new Map<PayerPackId, Map<string, CommunityContacts>>();
  for (const packId of new Set(programs.flatMap((program) => program.payerPacks))) {
    const pack = getPack(packId);
    if (pack === undefined || !measuresCommunityContacts(pack)) {
      continue;
    }
    const programIds = programs
      .filter((program) => program.payerPacks.includes(packId))
      .map((program) => program.id);
    byPack.set(packId, await communityContactsOf(db, organisationId, userIds, programIds, asOf));
  }
  return byPack;
}

/** Members on the caseloads of `peerIds`, where the actor can see them. */
async function servedMembers(
  db: Kysely<Database>,
  actor: Actor,
  peerIds: readonly string[],
): Promise<ServedMember[]> {
  if (peerIds.length === 0) {
    return [];
  }
  const rows = await db
    .selectFrom('members')
    .select(['assigned_peer_id', 'program_id', 'date_of_birth'])
    .where(visibleMembers(actor))
    .where('members.active', '=', true)
    .where('members.assigned_peer_id', 'in', peerIds)
    .execute();
  return rows.flatMap((row) =>
    row.assigned_peer_id === null
      ? []
      : [{ peerId: row.assigned_peer_id, programId: row.program_id, dateOfBirth: row.date_of_birth }],
  );
}

function judge(
  record: CredentialRecord,
  programs: readonly ProgramScope[],
  own: readonly ServedMember[],
  asOf: string,
  fromOrganisation: boolean,
  community: ReadonlyMap<PayerPackId, CommunityContacts | undefined>,
): StaffCompliance {
  // The credentials differ between packs only in the continuing education of the pack's cycle.
  const byCycle = new Map<number | null, StaffContext>();
  const staffUnder = (pack: Pack): StaffContext => {
    const cycleYears = ceCycleYears(pack);
    let staff = byCycle.get(cycleYears);
    if (staff === undefined) {
      staff = staffContextOf(record, asOf, cycleYears);
      byCycle.set(cycleYears, staff);
    }
    return staff;
  };
  const findings = new Map<string, ComplianceFinding>();
  const packsChecked = new Set<PayerPackId>();
  const cycles: number[] = [];
  for (const program of programs) {
    const birthDates = [
      ...new Set(
        own
          .filter((member) => member.programId === program.id && member.dateOfBirth <= asOf)
          .map((member) => member.dateOfBirth),
      ),
    ];
    const members = birthDates.length === 0 ? [yearsBefore(asOf, STAND_IN_MEMBER_AGE)] : birthDates;
    for (const packId of program.payerPacks) {
      const pack = getPack(packId);
      if (pack === undefined) {
        continue;
      }
      packsChecked.add(packId);
      const cycleYears = ceCycleYears(pack);
      if (cycleYears !== null) cycles.push(cycleYears);
      // Parsed once per pack and program; only the member's date of birth changes between members.
      const request = standInRequest(pack, program.type, staffUnder(pack), asOf);
      for (const dateOfBirth of members) {
        const withMember = { ...request, member: { ...request.member, dateOfBirth } };
        for (const problem of staffProblems(pack, withMember)) {
          addFinding(findings, problem, packId);
        }
      }
    }
  }
  for (const packId of packsChecked) {
    const pack = getPack(packId);
    const problem =
      pack !== undefined && community.has(packId)
        ? communityContactProblem(pack, community.get(packId), asOf)
        : null;
    if (problem !== null) {
      addFinding(findings, problem, packId);
    }
  }
  const list = [...findings.values()].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
  const shortestCycle = cycles.length === 0 ? null : Math.min(...cycles);
  return {
    status: statusOf(list),
    // The certification is the same under every pack; only continuing education follows the pack.
    certification: certificationStateOn(staffContextOf(record, asOf, null), asOf),
    asOf,
    packs: [...packsChecked],
    packsFrom: fromOrganisation ? 'organisation' : 'caseload',
    continuingEducation: continuingEducationCycle(record, asOf, shortestCycle),
    findings: list,
  };
}

/** The problems a pack finds with the staff member: its staff rules, and its claim rules about the staff. */
function staffProblems(pack: Pack, request: ClaimPreviewRequest): Problem[] {
  const claimProblems = evaluateService(pack, request).problems.filter(
    (problem) => problem.path[0] === 'staff',
  );
  return [...claimProblems, ...evaluateStaffRules(pack, request)];
}

function standInRequest(
  pack: Pack,
  programType: ProgramType,
  staff: StaffContext,
  asOf: string,
): ClaimPreviewRequest {
  return ClaimPreviewRequestSchema.parse({
    payerPack: pack.id,
    service: {
      dateOfService: asOf,
      type: 'engagement',
      start: '10:00',
      end: '11:00',
      modality: 'in_person',
      placeOfService: '11',
    },
    member: {
      dateOfBirth: yearsBefore(asOf, STAND_IN_MEMBER_AGE),
      coverage: [{ payerPack: pack.id, memberId: 'STANDIN', from: asOf }],
    },
    staff,
    program: { type: programType },
  });
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };

/**
 * Adds a problem, merging it with the same message found under another pack (the common rules are the same
 * words in every pack; a claim rule and a staff rule may also say the same thing), keeping the more severe.
 */
function addFinding(findings: Map<string, ComplianceFinding>, problem: Problem, packId: PayerPackId): void {
  const existing = findings.get(problem.message);
  if (existing === undefined) {
    findings.set(problem.message, { ...problem, packs: [packId] });
    return;
  }
  const packs = existing.packs.includes(packId) ? existing.packs : [...existing.packs, packId];
  const worse = SEVERITY_RANK[problem.severity] > SEVERITY_RANK[existing.severity];
  findings.set(problem.message, worse ? { ...problem, packs } : { ...existing, packs });
}

function statusOf(findings: readonly ComplianceFinding[]): ComplianceStatus {
  if (findings.some((finding) => finding.severity === 'error')) {
    return 'not_compliant';
  }
  return findings.some((finding) => finding.severity === 'warning') ? 'attention' : 'compliant';
}
