/**
 * @module services/billing/claims
 * Claims after a run made them: listed and read with their lines and status history, moved along their life
 * (ready → batched → submitted → accepted or rejected → paid or denied) as the payer answers, and corrected:
 * - a **rejected** claim never entered the payer's system, so its notes are released (their lines stop being
 *   current) and the next run bills them afresh;
 * - an accepted, paid or denied claim is corrected by a **replacement** (frequency 7: the notes judged again
 *   now, say after an addendum and a fixed member record) or a **void** (frequency 8), each citing the
 *   payer's claim number. The original's lines stop being current in the same transaction as the new claim's
 *   lines are written, so a note is on exactly one current line throughout.
 * A claimed note itself is never edited: the database refuses changes to signed notes; addenda go on them.
 */
import type { Kysely } from 'kysely';
import type {
  Claim,
  ClaimCorrection,
  ClaimDetail,
  ClaimListQuery,
  ClaimStatusChange,
} from '../../shared/api/billing.js';
import { CLAIM_STATUS_MOVES, type ClaimStatus } from '../../shared/billing.js';
import type { Problem } from '../../shared/problem.js';
import type { ClaimRow, Database } from '../../store/index.js';
import { actorEntry, recordAudit } from '../audit/index.js';
import type { Actor, Clock, ServiceContext } from '../context.js';
import { conflict, notFound, requireRole, ServiceError } from '../errors.js';
import { isUuid } from '../access/index.js';
import { judgeNote, loadClaimContext } from '../claims/index.js';
import { decisionOf, type Decision } from './decisions.js';
import { BILLING_ROLES } from './run.js';
import { storedLineMinutes } from './same-day.js';
import { writeClaims } from './write.js';

/** Who may read claims: billing staff and admins. */
const CLAIM_READERS = BILLING_ROLES;
/** Statuses a claim may be corrected from: the payer has it on file. */
const CORRECTABLE: readonly ClaimStatus[] = ['accepted', 'paid', 'denied'];

function claimsQuery(db: Kysely<Database>, organisationId: string) {
  return db
    .selectFrom('claims as c')
    .innerJoin('members as m', 'm.id', 'c.member_id')
    .innerJoin('users as u', 'u.id', 'c.rendering_provider_id')
    .selectAll('c')
    .select(['m.first_name', 'm.last_name', 'm.preferred_name', 'u.display_name'])
    .where('c.organisation_id', '=', organisationId);
}

type ClaimQueryRow = ClaimRow & {
  first_name: string;
  last_name: string;
  preferred_name: string | null;
  display_name: string;
};

function toClaim(row: ClaimQueryRow): Claim {
  return {
    id: row.id,
    claimNumber: row.claim_number,
    status: row.status,
    frequencyCode: row.frequency_code,
    originalClaimId: row.original_claim_id,
    supersededBy: row.superseded_by,
    payerClaimNumber: row.payer_claim_number,
    member: { id: row.member_id, displayName: `${row.preferred_name ?? row.first_name} ${row.last_name}` },
    renderingProvider: { id: row.rendering_provider_id, displayName: row.display_name },
    programId: row.program_id,
    payerPack: row.payer_pack,
    dateOfService: row.date_of_service,
    totalCents: Number(row.total_cents),
    lineCount: row.line_count,
    batchId: row.batch_id,
    statusChangedAt: row.status_changed_at.toISOString(),
    createdAt: row.created_at.toISOString(),
  };
}

/** Claims of the organisation, filtered, newest date of service first. */
export async function listClaims(ctx: ServiceContext, actor: Actor, query: ClaimListQuery): Promise<Claim[]> {
  requireRole(actor, CLAIM_READERS);
  let select = claimsQuery(ctx.db, actor.organisationId);
  if (query.status !== undefined) select = select.where('c.status', '=', query.status);
  if (query.payerPack !== undefined) select = select.where('c.payer_pack', '=', query.payerPack);
  if (query.programId !== undefined) select = select.where('c.program_id', '=', query.programId);
  if (query.memberId !== undefined) select = select.where('c.member_id', '=', query.memberId);
  if (query.from !== undefined) select = select.where('c.date_of_service', '>=', query.from);
  if (query.to !== undefined) select = select.where('c.date_of_service', '<=', query.to);
  const rows = await select
    .orderBy('c.date_of_service', 'desc')
    .orderBy('c.claim_number', 'desc')
    .limit(query.limit)
    .execute();
  return rows.map(toClaim);
}

async function claimDetail(
  db: Kysely<Database>,
  organisationId: string,
  claimId: string,
): Promise<ClaimDetail> {
  if (!isUuid(claimId)) throw notFound('claim');
  const row = await claimsQuery(db, organisationId).where('c.id', '=', claimId).executeTakeFirst();
  if (row === undefined) throw notFound('claim');
  const [lines, events] = await Promise.all([
    db
      .selectFrom('claim_lines as l')
      .leftJoin('authorizations as a', 'a.id', 'l.authorization_id')
      .selectAll('l')
      .select('a.number as authorization_number')
      .where('l.organisation_id', '=', organisationId)
      .where('l.claim_id', '=', claimId)
      .orderBy('l.line_number')
      .execute(),
    db
      .selectFrom('claim_events as e')
      .leftJoin('users as u', 'u.id', 'e.user_id')
      .select(['e.status', 'e.comment', 'e.occurred_at', 'u.display_name'])
      .where('e.organisation_id', '=', organisationId)
      .where('e.claim_id', '=', claimId)
      .orderBy('e.occurred_at')
      .orderBy('e.id')
      .execute(),
  ]);
  return {
    ...toClaim(row),
    lines: lines.map((line) => ({
      lineNumber: line.line_number,
      noteId: line.note_id,
      code: line.code,
      modifiers: line.modifiers,
      units: line.units,
      unitChargeCents: line.unit_charge_cents,
      chargeCents: line.charge_cents,
      expectedUnitRateCents: line.expected_unit_rate_cents,
      expectedCents: line.expected_cents,
      placeOfService: line.place_of_service,
      authorizationNumber: line.authorization_number,
      current: line.current,
      warnings: line.warnings,
    })),
    events: events.map((event) => ({
      status: event.status,
      comment: event.comment,
      by: event.display_name,
      at: event.occurred_at.toISOString(),
    })),
  };
}

/** One claim with its lines and status history; the read is audited against the member. */
export async function getClaim(ctx: ServiceContext, actor: Actor, claimId: string): Promise<ClaimDetail> {
  requireRole(actor, CLAIM_READERS);
  return ctx.db.transaction().execute(async (trx) => {
    const detail = await claimDetail(trx, actor.organisationId, claimId);
    await recordAudit(
      trx,
      ctx.clock,
      actorEntry(actor, 'claim.read', { type: 'member', id: detail.member.id }, 'success', { claimId }),
    );
    return detail;
  });
}

/** Reads a claim for change, locking it. */
async function claimForUpdate(
  trx: Kysely<Database>,
  organisationId: string,
  claimId: string,
): Promise<ClaimRow> {
  if (!isUuid(claimId)) throw notFound('claim');
  const claim = await trx
    .selectFrom('claims')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', claimId)
    .forUpdate()
    .executeTakeFirst();
  if (claim === undefined) throw notFound('claim');
  return claim;
}

/**
 * Moves claims to a new status (one claim, or every claim of a batch), with the status event and audit.
 * Used by {@link changeClaimStatus} and by batches (batched, submitted).
 */
export async function moveClaims(
  trx: Kysely<Database>,
  clock: Clock,
  actor: Actor,
  claims: readonly Pick<ClaimRow, 'id' | 'status' | 'member_id'>[],
  to: ClaimStatus,
  extra: { batchId?: string; payerClaimNumber?: string; comment?: string } = {},
): Promise<void> {
  const refused = claims.filter((claim) => !CLAIM_STATUS_MOVES[claim.status].includes(to));
  if (refused.length > 0) {
    const first = refused[0] as (typeof refused)[number];
    throw conflict(
      'claim.status_move',
      `A ${first.status} claim cannot become ${to}. ${nextStepsText(first.status)}`,
      ['body', 'status'],
    );
  }
  if (claims.length === 0) return;
  const now = clock.now();
  const ids = claims.map((claim) => claim.id);
  await trx
    .updateTable('claims')
    .set({
      status: to,
      status_changed_at: now,
      ...(extra.batchId === undefined ? {} : { batch_id: extra.batchId }),
      ...(extra.payerClaimNumber === undefined ? {} : { payer_claim_number: extra.payerClaimNumber }),
    })
    .where('organisation_id', '=', actor.organisationId)
    .where('id', 'in', ids)
    .execute();
  await trx
    .insertInto('claim_events')
    .values(
      ids.map((claimId) => ({
        organisation_id: actor.organisationId,
        claim_id: claimId,
        status: to,
        comment: extra.comment ?? null,
        user_id: actor.userId,
        occurred_at: now,
      })),
    )
    .execute();
}

function nextStepsText(status: ClaimStatus): string {
  const next = CLAIM_STATUS_MOVES[status];
  return next.length === 0
    ? 'It is final; correct it with a replacement or a void instead.'
    : `It can become ${next.join(' or ')}.`;
}

/**
 * Records what the payer answered about one claim. A rejection releases the claim's notes for the next run.
 *
 * @throws ServiceError `conflict` for a move its status does not allow
 */
export async function changeClaimStatus(
  ctx: ServiceContext,
  actor: Actor,
  claimId: string,
  change: ClaimStatusChange,
): Promise<ClaimDetail> {
  requireRole(actor, BILLING_ROLES);
  return ctx.db.transaction().execute(async (trx) => {
    const claim = await claimForUpdate(trx, actor.organisationId, claimId);
    await moveClaims(trx, ctx.clock, actor, [claim], change.status, {
      ...(change.payerClaimNumber === undefined ? {} : { payerClaimNumber: change.payerClaimNumber }),
      ...(change.comment === undefined ? {} : { comment: change.comment }),
    });
    if (change.status === 'rejected') {
      await trx
        .updateTable('claim_lines')
        .set({ current: false })
        .where('organisation_id', '=', actor.organisationId)
        .where('claim_id', '=', claim.id)
        .execute();
    }
    await recordAudit(
      trx,
      ctx.clock,
      actorEntry(actor, `claim.${change.status}`, { type: 'member', id: claim.member_id }, 'success', {
        claimId: claim.id,
      }),
    );
    return claimDetail(trx, actor.organisationId, claim.id);
  });
}

/**
 * Corrects an accepted, paid or denied claim with a replacement (its notes judged again now) or a void.
 *
 * @returns the new claim
 * @throws ServiceError `conflict` when the claim is not on the payer's file, has no payer claim number, was
 *   already corrected, or (replacement) when a note would now be held — with that note's problems
 */
export async function correctClaim(
  ctx: ServiceContext,
  actor: Actor,
  claimId: string,
  correction: ClaimCorrection,
): Promise<ClaimDetail> {
  requireRole(actor, BILLING_ROLES);
  return ctx.db.transaction().execute(async (trx) => {
    const original = await claimForUpdate(trx, actor.organisationId, claimId);
    refuseUncorrectable(original);
    const lines = await trx
      .selectFrom('claim_lines')
      .selectAll()
      .where('organisation_id', '=', actor.organisationId)
      .where('claim_id', '=', original.id)
      .where('current', '=', true)
      .orderBy('line_number')
      .execute();
    await trx
      .updateTable('claim_lines')
      .set({ current: false })
      .where('organisation_id', '=', actor.organisationId)
      .where('claim_id', '=', original.id)
      .execute();
    const decisions =
      correction.kind === 'void'
        ? await voidDecisions(trx, original, lines)
        : await replacementDecisions(
            trx,
            original,
            lines.map((line) => line.note_id),
          );
    const now = ctx.clock.now();
    await writeClaims(
      trx,
      {
        organisationId: actor.organisationId,
        runId: null,
        userId: actor.userId,
        frequencyCode: correction.kind === 'void' ? '8' : '7',
        originalClaimId: original.id,
        comment: correction.reason,
        // A void cancels the claim as it was sent; a replacement is sent as the payer now asks.
        ...(correction.kind === 'void' ? { sameDayLines: original.same_day_lines } : {}),
      },
      decisions,
      now,
    );
    const created = await trx
      .selectFrom('claims')
      .select('id')
      .where('organisation_id', '=', actor.organisationId)
      .where('original_claim_id', '=', original.id)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('claims')
      .set({ superseded_by: created.id })
      .where('id', '=', original.id)
      .execute();
    await recordAudit(
      trx,
      ctx.clock,
      actorEntry(actor, `claim.${correction.kind}`, { type: 'member', id: original.member_id }, 'success', {
        claimId: original.id,
        newClaimId: created.id,
      }),
    );
    return claimDetail(trx, actor.organisationId, created.id);
  });
}

function refuseUncorrectable(claim: ClaimRow): void {
  if (!CORRECTABLE.includes(claim.status)) {
    throw conflict(
      'claim.not_correctable',
      `Only a claim the payer accepted, paid or denied can be replaced or voided; this one is ${claim.status}. ${
        claim.status === 'rejected'
          ? 'A rejected claim’s notes are billed again by the next run.'
          : 'Wait for the payer’s answer.'
      }`,
      ['params', 'id'],
    );
  }
  if (claim.superseded_by !== null) {
    throw conflict(
      'claim.already_corrected',
      'This claim was already replaced or voided; correct the newer claim.',
      ['params', 'id'],
    );
  }
  if (claim.frequency_code === '8') {
    throw conflict('claim.void_final', 'A void cannot itself be corrected.', ['params', 'id']);
  }
  if (claim.payer_claim_number === null) {
    throw conflict(
      'claim.no_payer_number',
      'Record the payer’s claim number first: a replacement or void must cite it.',
      ['body', 'payerClaimNumber'],
    );
  }
}

/** A void repeats the original's lines; they keep the notes off later runs but count toward no limit. */
async function voidDecisions(
  trx: Kysely<Database>,
  original: ClaimRow,
  lines: readonly {
    note_id: string;
    code: string;
    modifiers: string[];
    units: number;
    unit_charge_cents: number;
    charge_cents: number;
    expected_unit_rate_cents: number | null;
    expected_cents: number | null;
    place_of_service: string;
    group_minutes: number;
    authorization_id: string | null;
  }[],
): Promise<Decision[]> {
  const notes = await trx
    .selectFrom('service_notes')
    .select([
      'id',
      'program_id',
      'author_id',
      'group_session_id',
      'review_status',
      'date_of_service',
      'start_time',
      'end_time',
      'gaps',
    ])
    .where('organisation_id', '=', original.organisation_id)
    .where(
      'id',
      'in',
      lines.map((line) => line.note_id),
    )
    .execute();
  return lines.map((line) => {
    const note = notes.find((each) => each.id === line.note_id);
    if (note === undefined) throw new Error(`claim line of a missing note ${line.note_id}`);
    return {
      kind: 'claim',
      note: {
        id: note.id,
        memberId: original.member_id,
        programId: original.program_id,
        authorId: original.rendering_provider_id,
        groupSessionId: note.group_session_id,
        reviewStatus: note.review_status,
        // Only the grouping key and date are read when writing a void's lines.
        fields: { dateOfService: original.date_of_service } as Decision['note']['fields'],
        signedOn: original.date_of_service,
      },
      payerPack: original.payer_pack,
      line: {
        code: line.code,
        modifiers: line.modifiers,
        procedure: line.code,
        units: line.units,
        unitChargeCents: line.unit_charge_cents,
        chargeCents: line.charge_cents,
        unitRateCents: line.expected_unit_rate_cents,
        expectedCents: line.expected_cents,
        placeOfService: line.place_of_service,
      },
      // The original's minutes, so a void charges what the original did, combined the same way.
      minutes: storedLineMinutes({ ...note, group_minutes: line.group_minutes }),
      groupMinutes: line.group_minutes,
      authorizationId: line.authorization_id,
      warnings: [],
      // The void says what the original said.
      judgedWith: {
        payerMemberId: original.payer_member_id,
        diagnosisCodes: original.diagnosis_codes,
        renderingTaxonomy: original.rendering_taxonomy,
      },
    };
  });
}

/** A replacement judges the original's notes again, with today's records; any hold refuses it. */
async function replacementDecisions(
  trx: Kysely<Database>,
  original: ClaimRow,
  noteIds: readonly string[],
): Promise<Decision[]> {
  const context = await loadClaimContext(
    trx,
    original.organisation_id,
    [original.member_id],
    { from: original.date_of_service, to: original.date_of_service },
    { programId: original.program_id, noteIds },
  );
  const decisions = context.notes.map((note) => decisionOf(judgeNote(note, context, original.payer_pack)));
  const problems: Problem[] = decisions.flatMap((decision) => {
    switch (decision.kind) {
      case 'claim':
        return [];
      case 'hold':
        return decision.problems;
      case 'other_payer':
        return [
          {
            severity: 'error' as const,
            code: 'claim.payer_changed',
            message:
              'On this date the member’s coverage is now with another payer: void this claim and bill that payer.',
            path: ['member', 'coverage'],
          },
        ];
    }
  });
  if (problems.length > 0) throw new ServiceError('conflict', problems);
  return decisions;
}
