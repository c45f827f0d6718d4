/**
 * @module services/members/change
 * The frame every change to a member's record runs in: one transaction that checks the actor may make this
 * kind of change to this member, does the change, stamps the member as updated, writes the `member.update`
 * audit row and answers with the record as it now stands. A failure anywhere leaves nothing behind.
 */
import type { Kysely } from 'kysely';
import type { MemberRecord } from '../../shared/api/members.js';
import type { Problem } from '../../shared/problem.js';
import type { Database, MemberRow } from '../../store/index.js';
import { isUuid, memberForActor } from '../access/index.js';
import { actorEntry, recordAudit } from '../audit/index.js';
import type { Actor, Clock, ServiceContext } from '../context.js';
import { forbidden, invalid, notFound } from '../errors.js';
import { accessOf, loadMemberRecord } from './records.js';

/**
 * What a change touches: `clinical` records (demographics, contacts, diagnoses, episodes, consents) are
 * changed by clinical staff only; `coverage` (coverage periods, eligibility checks) by billing staff too.
 */
export type ChangePurpose = 'clinical' | 'coverage';

/** The part of the record a change touches, as named in the audit log and in "not found" answers. */
export type MemberPart =
  | 'demographics'
  | 'assignment'
  | 'contact'
  | 'coverage'
  | 'eligibility_check'
  | 'eligibility_determination'
  | 'outside_group_hours'
  | 'diagnosis'
  | 'episode'
  | 'consent';

export interface MemberChange {
  purpose: ChangePurpose;
  part: MemberPart;
  change: 'add' | 'update' | 'remove' | 'revoke' | 'assign';
  /** The sub-record changed, when the request names one (checked before anything runs). */
  recordId?: string;
}

/** What the work reports for the audit row: the sub-record's id and the fields sent (names, never values). */
export interface ChangeOutcome {
  recordId: string | null;
  details?: Record<string, unknown>;
}

/** The member if the actor may make this kind of change; otherwise not found or forbidden. */
export async function memberToChange(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  purpose: ChangePurpose,
): Promise<MemberRow> {
  switch (purpose) {
    case 'clinical':
      return memberForActor(db, actor, memberId, 'write');
    case 'coverage': {
      const member = await memberForActor(db, actor, memberId, 'read');
      if (!accessOf(actor).canEditCoverage) {
        throw forbidden('Your role can read this member’s coverage but not change it.');
      }
      return member;
    }
  }
}

export async function changeMemberRecord(
  ctx: ServiceContext,
  actor: Actor,
  memberId: string,
  change: MemberChange,
  work: (trx: Kysely<Database>, member: MemberRow) => Promise<ChangeOutcome>,
): Promise<MemberRecord> {
  return ctx.db.transaction().execute(async (trx) => {
    const member = await memberToChange(trx, actor, memberId, change.purpose);
    if (change.recordId !== undefined && !isUuid(change.recordId)) {
      throw notFound(change.part);
    }
    const outcome = await work(trx, member);
    const updated = await trx
      .updateTable('members')
      .set({ updated_at: ctx.clock.now() })
      .where('id', '=', member.id)
      .where('organisation_id', '=', actor.organisationId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      ctx.clock,
      actorEntry(actor, 'member.update', { type: 'member', id: member.id }, 'success', {
        part: change.part,
        change: change.change,
        ...(outcome.recordId === null ? {} : { recordId: outcome.recordId }),
        ...outcome.details,
      }),
    );
    return loadMemberRecord(trx, actor, updated);
  });
}

/** The id of the row a sub-record change touched, or "not found" when it is not this member's. */
export function foundOrThrow(row: { id: string } | undefined, part: MemberPart): ChangeOutcome {
  if (row === undefined) {
    throw notFound(part);
  }
  return { recordId: row.id };
}

/** Today's calendar date by the context's clock (UTC), for "not in the future" checks. */
export function todayOf(clock: Clock): string {
  return clock.now().toISOString().slice(0, 10);
}

/** Refuses a date after today: a birth, a check or a consent cannot lie in the future. */
export function assertNotFuture(
  date: string | null | undefined,
  today: string,
  path: Problem['path'],
  what: string,
): void {
  if (date !== null && date !== undefined && date > today) {
    throw invalid('member.date_in_future', `${what} cannot be after today (${today}). Check the date.`, path);
  }
}

/** The program, if it is one of the organisation's; otherwise a problem on `path`. */
export async function assertProgram(
  db: Kysely<Database>,
  organisationId: string,
  programId: string,
  path: Problem['path'],
): Promise<void> {
  const program = await db
    .selectFrom('programs')
    .select('id')
    .where('id', '=', programId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  if (program === undefined) {
    throw invalid(
      'member.program_unknown',
      'Choose one of your organisation’s programs (the list on the Home page).',
      path,
    );
  }
}
