/**
 * @module services/members/members
 * Members themselves: search (by name, Medicaid ID, date of birth, or one's own caseload), reading one
 * record, adding a member (with any records known at intake, in one transaction), changing demographics,
 * and putting a member on a peer's caseload. Every query goes through services/access, so each role sees
 * exactly its reach; every read and change writes its audit row in the same transaction, with no PHI in
 * the details (field names and counts, never values).
 */
import type { Kysely } from 'kysely';
import type {
  CreateMemberRequest,
  MemberRecord,
  MemberSearchQuery,
  MemberSearchResponse,
  PersonRef,
  UpdateMemberRequest,
} from '../../shared/api/members.js';
import type { Problem } from '../../shared/problem.js';
import { isUniqueViolation, type Database } from '../../store/index.js';
import { memberForActor, visibleMembers } from '../access/index.js';
import { actorEntry, recordAudit } from '../audit/index.js';
import { visibleStaff } from '../staff/index.js';
import type { Actor, ServiceContext } from '../context.js';
import { conflict, forbidden, invalid, requireRole } from '../errors.js';
import { assertNotFuture, assertProgram, changeMemberRecord, todayOf } from './change.js';
import { findMemberSummaries, loadMemberRecord, PEER_ASSIGNERS, type MemberFilter } from './records.js';
import {
  CONSENTS,
  CONTACTS,
  COVERAGE,
  DIAGNOSES,
  EPISODES,
  insertPart,
  type PartSpec,
  type PartTable,
} from './sub-records.js';

type Db = Kysely<Database>;

/** `%`, `_` and `\` match literally in a LIKE pattern once escaped. */
function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * Members the actor can see that match every criterion given; with none, all of them (by last name).
 * Audited as `member.search` with the number found and the names of the criteria, never their values.
 */
export async function searchMembers(
  ctx: ServiceContext,
  actor: Actor,
  query: MemberSearchQuery,
): Promise<MemberSearchResponse> {
  return ctx.db.transaction().execute(async (trx) => {
    const filter: MemberFilter = (eb) => {
      const conditions = [visibleMembers(actor)(eb)];
      for (const word of (query.name ?? '').split(/\s+/).filter((part) => part !== '')) {
        const pattern = likePattern(word);
        conditions.push(
          eb.or([
            eb('members.first_name', 'ilike', pattern),
            eb('members.last_name', 'ilike', pattern),
            eb('members.preferred_name', 'ilike', pattern),
          ]),
        );
      }
      if (query.medicaidId !== undefined) {
        conditions.push(eb('members.medicaid_id', '=', query.medicaidId));
      }
      if (query.dateOfBirth !== undefined) {
        conditions.push(eb('members.date_of_birth', '=', query.dateOfBirth));
      }
      if (query.scope === 'caseload') {
        conditions.push(eb('members.assigned_peer_id', '=', actor.userId));
      }
      if (!query.includeInactive) {
        conditions.push(eb('members.active', '=', true));
      }
      return eb.and(conditions);
    };
    // One row more than asked tells whether more matched.
    const rows = await findMemberSummaries(trx, filter, query.limit + 1);
    const members = rows.slice(0, query.limit);
    const truncated = rows.length > query.limit;
    await recordAudit(
      trx,
      ctx.clock,
      actorEntry(actor, 'member.search', { type: 'member', id: null }, 'success', {
        count: members.length,
        truncated,
        scope: query.scope,
        criteria: (['name', 'medicaidId', 'dateOfBirth'] as const).filter((key) => query[key] !== undefined),
      }),
    );
    return { members, truncated };
  });
}

/** One member's whole record; audited as `member.read`. Out of reach answers "not found". */
export async function getMember(ctx: ServiceContext, actor: Actor, memberId: string): Promise<MemberRecord> {
  return ctx.db.transaction().execute(async (trx) => {
    const member = await memberForActor(trx, actor, memberId, 'read');
    const record = await loadMemberRecord(trx, actor, member);
    await recordAudit(trx, ctx.clock, actorEntry(actor, 'member.read', { type: 'member', id: member.id }));
    return record;
  });
}

/**
 * The peers (and supervisors) the actor may put a member's caseload with: for admins, every active peer
 * and supervisor of the organisation; for supervisors, themselves and the active peers they supervise.
 */
export async function listAssignablePeers(ctx: ServiceContext, actor: Actor): Promise<PersonRef[]> {
  requireRole(actor, PEER_ASSIGNERS);
  return assignablePeers(ctx.db, actor);
}

async function assignablePeers(db: Db, actor: Actor): Promise<PersonRef[]> {
  // Admins reach the whole organisation, supervisors themselves and their team (the staff module's rule).
  const query = db
    .selectFrom('users')
    .select(['users.id', 'users.display_name'])
    .where(visibleStaff(actor))
    .where('users.active', '=', true)
    .where((eb) =>
      eb.or([
        eb(eb.val('peer'), '=', eb.fn.any('users.roles')),
        eb(eb.val('supervisor'), '=', eb.fn.any('users.roles')),
      ]),
    );
  const rows = await query.orderBy('users.display_name').orderBy('users.id').execute();
  return rows.map((row) => ({ id: row.id, displayName: row.display_name }));
}

async function assertAssignable(db: Db, actor: Actor, peerId: string, path: Problem['path']): Promise<void> {
  const peers = await assignablePeers(db, actor);
  if (!peers.some((peer) => peer.id === peerId)) {
    throw invalid(
      'member.peer_not_assignable',
      actor.roles.includes('admin')
        ? 'Choose an active peer or supervisor of your organisation.'
        : 'Choose yourself or a peer you supervise.',
      path,
    );
  }
}

/**
 * Adds a member, with any contacts, coverage, diagnoses, episodes and consents sent along, in one
 * transaction: if any part is refused, nothing is kept. Admins and supervisors only; a supervisor must put
 * the member on their own team's caseload (otherwise they could not see the member they just added).
 */
export async function createMember(
  ctx: ServiceContext,
  actor: Actor,
  request: CreateMemberRequest,
): Promise<MemberRecord> {
  requireRole(actor, PEER_ASSIGNERS);
  const today = todayOf(ctx.clock);
  assertNotFuture(request.dateOfBirth, today, ['body', 'dateOfBirth'], 'A date of birth');
  request.consents.forEach((consent, index) =>
    CONSENTS.precheck?.(consent, today, ['body', 'consents', index]),
  );
  const assignedPeerId = request.assignedPeerId ?? null;
  if (assignedPeerId === null && !actor.roles.includes('admin')) {
    throw invalid(
      'member.peer_required',
      'Choose the peer whose caseload the member joins: yourself or a peer you supervise.',
      ['body', 'assignedPeerId'],
    );
  }
  return ctx.db.transaction().execute(async (trx) => {
    await assertProgram(trx, actor.organisationId, request.programId, ['body', 'programId']);
    if (assignedPeerId !== null) {
      await assertAssignable(trx, actor, assignedPeerId, ['body', 'assignedPeerId']);
    }
    const now = ctx.clock.now();
    const member = await withMedicaidIdCheck(() =>
      trx
        .insertInto('members')
        .values({
          organisation_id: actor.organisationId,
          first_name: request.firstName,
          last_name: request.lastName,
          preferred_name: request.preferredName ?? null,
          pronouns: request.pronouns ?? null,
          date_of_birth: request.dateOfBirth,
          medicaid_id: request.medicaidId ?? null,
          phone: request.phone ?? null,
          has_medicare: request.hasMedicare,
          asam_level: request.asamLevel ?? null,
          special_populations: request.specialPopulations,
          program_id: request.programId,
          sex: request.sex,
          address_line1: request.addressLine1 ?? null,
          city: request.city ?? null,
          state: request.state ?? null,
          postal_code: request.postalCode ?? null,
          assigned_peer_id: assignedPeerId,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
    const insertAll = async <T extends PartTable, R>(
      spec: PartSpec<T, R>,
      requests: readonly R[],
      key: string,
    ): Promise<void> => {
      for (const [index, part] of requests.entries()) {
        await insertPart(trx, spec, member, part, actor, ['body', key, index]);
      }
    };
    await insertAll(CONTACTS, request.contacts, 'contacts');
    await insertAll(COVERAGE, request.coverage, 'coverage');
    await insertAll(DIAGNOSES, request.diagnoses, 'diagnoses');
    await insertAll(EPISODES, request.episodes, 'episodes');
    await insertAll(CONSENTS, request.consents, 'consents');
    await recordAudit(
      trx,
      ctx.clock,
      actorEntry(actor, 'member.create', { type: 'member', id: member.id }, 'success', {
        assignedPeerId,
        contacts: request.contacts.length,
        coverage: request.coverage.length,
        diagnoses: request.diagnoses.length,
        episodes: request.episodes.length,
        consents: request.consents.length,
      }),
    );
    return loadMemberRecord(trx, actor, member);
  });
}

/** Changes demographics (and program or active flag); fields not sent stay as they are. */
export async function updateMember(
  ctx: ServiceContext,
  actor: Actor,
  memberId: string,
  request: UpdateMemberRequest,
): Promise<MemberRecord> {
  assertNotFuture(request.dateOfBirth, todayOf(ctx.clock), ['body', 'dateOfBirth'], 'A date of birth');
  return changeMemberRecord(
    ctx,
    actor,
    memberId,
    { purpose: 'clinical', part: 'demographics', change: 'update' },
    async (trx, member) => {
      if (request.programId !== undefined) {
        await assertProgram(trx, actor.organisationId, request.programId, ['body', 'programId']);
      }
      const set = {
        ...(request.firstName === undefined ? {} : { first_name: request.firstName }),
        ...(request.lastName === undefined ? {} : { last_name: request.lastName }),
        ...(request.preferredName === undefined ? {} : { preferred_name: request.preferredName }),
        ...(request.pronouns === undefined ? {} : { pronouns: request.pronouns }),
        ...(request.dateOfBirth === undefined ? {} : { date_of_birth: request.dateOfBirth }),
        ...(request.medicaidId === undefined ? {} : { medicaid_id: request.medicaidId }),
        ...(request.phone === undefined ? {} : { phone: request.phone }),
        ...(request.hasMedicare === undefined ? {} : { has_medicare: request.hasMedicare }),
        ...(request.asamLevel === undefined ? {} : { asam_level: request.asamLevel }),
        ...(request.specialPopulations === undefined
          ? {}
          : { special_populations: request.specialPopulations }),
        ...(request.programId === undefined ? {} : { program_id: request.programId }),
        ...(request.sex === undefined ? {} : { sex: request.sex }),
        ...(request.addressLine1 === undefined ? {} : { address_line1: request.addressLine1 }),
        ...(request.city === undefined ? {} : { city: request.city }),
        ...(request.state === undefined ? {} : { state: request.state }),
        ...(request.postalCode === undefined ? {} : { postal_code: request.postalCode }),
        ...(request.active === undefined ? {} : { active: request.active }),
      };
      await withMedicaidIdCheck(() =>
        trx
          .updateTable('members')
          .set(set)
          .where('id', '=', member.id)
          .where('organisation_id', '=', actor.organisationId)
          .execute(),
      );
      return {
        recordId: null,
        details: {
          fields: Object.keys(request).filter(
            (key) => request[key as keyof UpdateMemberRequest] !== undefined,
          ),
        },
      };
    },
  );
}

/**
 * Puts the member on a peer's caseload (or, for admins, on nobody's). Supervisors may assign only members
 * on their team, and only to themselves or a peer they supervise.
 */
export async function assignPeer(
  ctx: ServiceContext,
  actor: Actor,
  memberId: string,
  peerId: string | null,
): Promise<MemberRecord> {
  requireRole(actor, PEER_ASSIGNERS);
  if (peerId === null && !actor.roles.includes('admin')) {
    throw forbidden(
      'Only an admin can take a member off every caseload. Choose a peer on your team instead.',
    );
  }
  return changeMemberRecord(
    ctx,
    actor,
    memberId,
    { purpose: 'clinical', part: 'assignment', change: 'assign' },
    async (trx, member) => {
      if (peerId !== null) {
        await assertAssignable(trx, actor, peerId, ['body', 'peerId']);
      }
      await trx
        .updateTable('members')
        .set({ assigned_peer_id: peerId })
        .where('id', '=', member.id)
        .where('organisation_id', '=', actor.organisationId)
        .execute();
      return { recordId: null, details: { from: member.assigned_peer_id, to: peerId } };
    },
  );
}

/** Runs a write of a member row; a Medicaid ID another member has becomes a 409 on that field. */
async function withMedicaidIdCheck<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(
        'member.medicaid_id_taken',
        'Another member of your organisation has this Medicaid ID. Search by Medicaid ID to find them instead of adding them again.',
        ['body', 'medicaidId'],
      );
    }
    throw error;
  }
}
