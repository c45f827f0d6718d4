/**
 * @module services/billing/worklist
 * The billing worklist: notes the last run held, grouped by the problem holding them (each with its plain
 * message, source, and who can clear it), claims counted by status with their amounts, and authorizations
 * about to run out — filtered by program, payer, problem, owner and dates, and exported as CSV.
 */
import type { Kysely } from 'kysely';
import type { HeldNote, HoldGroup, Worklist, WorklistQuery } from '../../shared/api/billing.js';
import { CLAIM_STATUSES } from '../../shared/billing.js';
import type { Database } from '../../store/index.js';
import { actorEntry, recordAuditMany } from '../audit/index.js';
import type { Actor, ServiceContext } from '../context.js';
import { toCsv } from '../csv/index.js';
import { requireRole } from '../errors.js';
import { organisationToday } from '../staff/index.js';
import { authorizationsRunningOut } from './authorizations.js';
import { ownerOf } from './owners.js';
import { BILLING_ROLES } from './run.js';

/** The most held notes one worklist lists (the groups count them all). */
const HELD_LIMIT = 1000;

async function heldNotes(
  db: Kysely<Database>,
  organisationId: string,
  query: WorklistQuery,
): Promise<HeldNote[]> {
  let select = db
    .selectFrom('billing_holds as h')
    .innerJoin('service_notes as n', 'n.id', 'h.note_id')
    .innerJoin('members as m', 'm.id', 'n.member_id')
    .innerJoin('users as u', 'u.id', 'n.author_id')
    .select([
      'h.note_id',
      'h.problems',
      'h.held_at',
      'n.member_id',
      'n.author_id',
      'n.program_id',
      'n.date_of_service',
      'n.signed_amount_cents',
      'm.first_name',
      'm.last_name',
      'm.preferred_name',
      'u.display_name',
      'h.payer_pack',
    ])
    .where('h.organisation_id', '=', organisationId)
    // A note claimed since it was held is no longer on the worklist (the run removes the hold; this is belt
    // and braces for a hold left by a run that was interrupted).
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('claim_lines as l')
            .select('l.id')
            .whereRef('l.note_id', '=', 'h.note_id')
            .where('l.current', '=', true),
        ),
      ),
    );
  if (query.programId !== undefined) select = select.where('n.program_id', '=', query.programId);
  if (query.from !== undefined) select = select.where('n.date_of_service', '>=', query.from);
  if (query.to !== undefined) select = select.where('n.date_of_service', '<=', query.to);
  const rows = await select.orderBy('n.date_of_service').orderBy('h.note_id').execute();
  const held = rows.map((row): HeldNote => ({
    noteId: row.note_id,
    member: { id: row.member_id, displayName: `${row.preferred_name ?? row.first_name} ${row.last_name}` },
    author: { id: row.author_id, displayName: row.display_name },
    programId: row.program_id,
    dateOfService: row.date_of_service,
    payerPack: row.payer_pack,
    heldAt: row.held_at.toISOString(),
    signedChargeCents: row.signed_amount_cents,
    problems: row.problems.map((problem) => ({ ...problem, owner: ownerOf(problem) })),
  }));
  return held.filter(
    (note) =>
      (query.payerPack === undefined || note.payerPack === query.payerPack) &&
      note.problems.some(
        (problem) =>
          (query.code === undefined || problem.code === query.code) &&
          (query.owner === undefined || problem.owner === query.owner),
      ),
  );
}

/** Held notes grouped by problem code, largest group first. */
function groupsOf(held: readonly HeldNote[]): HoldGroup[] {
  const groups = new Map<string, HoldGroup>();
  for (const note of held) {
    for (const problem of note.problems) {
      const group = groups.get(problem.code) ?? {
        code: problem.code,
        owner: problem.owner,
        example: problem.message,
        source: problem.source,
        notes: 0,
        chargeCents: 0,
      };
      group.notes += 1;
      group.chargeCents += note.signedChargeCents ?? 0;
      groups.set(problem.code, group);
    }
  }
  return [...groups.values()].sort((a, b) => b.notes - a.notes || a.code.localeCompare(b.code));
}

async function claimsByStatus(db: Kysely<Database>, organisationId: string, query: WorklistQuery) {
  let select = db
    .selectFrom('claims')
    .select([
      'status',
      (eb) => eb.fn.countAll<string>().as('claims'),
      (eb) => eb.fn.sum<string>('total_cents').as('cents'),
    ])
    .where('organisation_id', '=', organisationId);
  if (query.programId !== undefined) select = select.where('program_id', '=', query.programId);
  if (query.payerPack !== undefined) select = select.where('payer_pack', '=', query.payerPack);
  if (query.from !== undefined) select = select.where('date_of_service', '>=', query.from);
  if (query.to !== undefined) select = select.where('date_of_service', '<=', query.to);
  const rows = await select.groupBy('status').execute();
  return CLAIM_STATUSES.map((status) => {
    const row = rows.find((each) => each.status === status);
    return { status, claims: Number(row?.claims ?? 0), chargeCents: Number(row?.cents ?? 0) };
  });
}

/**
 * The worklist. Reading held notes reads members' records, so each member listed is audited.
 *
 * @throws ServiceError `forbidden` unless billing staff or an admin
 */
export async function getWorklist(
  ctx: ServiceContext,
  actor: Actor,
  query: WorklistQuery,
): Promise<Worklist> {
  requireRole(actor, BILLING_ROLES);
  return ctx.db.transaction().execute(async (trx) => {
    const all = await heldNotes(trx, actor.organisationId, query);
    const held = all.slice(0, HELD_LIMIT);
    const today = await organisationToday(trx, actor.organisationId, ctx.clock.now());
    const [byStatus, runningOut] = await Promise.all([
      claimsByStatus(trx, actor.organisationId, query),
      authorizationsRunningOut(trx, actor.organisationId, today),
    ]);
    await recordAuditMany(
      trx,
      ctx.clock,
      [...new Set(held.map((note) => note.member.id))].map((memberId) =>
        actorEntry(actor, 'billing.worklist_read', { type: 'member', id: memberId }),
      ),
    );
    return {
      groups: groupsOf(all),
      held,
      claimsByStatus: byStatus,
      authorizationsRunningOut: runningOut,
    };
  });
}

/** The held notes as CSV, one row per problem, for billing staff to work in a spreadsheet. */
export async function worklistCsv(ctx: ServiceContext, actor: Actor, query: WorklistQuery): Promise<string> {
  const worklist = await getWorklist(ctx, actor, query);
  const rows = worklist.held.flatMap((note) =>
    note.problems.map((problem) => [
      note.noteId,
      note.dateOfService,
      note.member.displayName,
      note.author.displayName,
      note.payerPack,
      problem.code,
      problem.owner,
      problem.message,
      problem.source?.document ?? null,
      problem.source?.section ?? null,
      note.signedChargeCents === null ? null : (note.signedChargeCents / 100).toFixed(2),
    ]),
  );
  return toCsv(
    [
      'note_id',
      'date_of_service',
      'member',
      'peer',
      'payer',
      'problem',
      'who_can_fix',
      'message',
      'source',
      'section',
      'amount',
    ],
    rows,
  );
}
