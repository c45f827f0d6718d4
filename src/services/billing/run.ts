/**
 * @module services/billing/run
 * Billing runs: every signed note not yet on a claim, in a date range (optionally one program or payer),
 * judged by the payer's rules against the member's real history, then claimed — lines grouped into claims per
 * member, payer, program, rendering provider and date of service, at most 50 lines each — or held with its
 * problems for the worklist.
 *
 * Safe by construction:
 * - work goes in chunks of members, each chunk one transaction: a crash or kill loses at most the chunk in
 *   progress, which rolls back whole, and the next run finds those notes again;
 * - a chunk locks its members (`for update skip locked`), so two runs at once split the members between them;
 * - the database refuses a second current claim line for a note (`claim_lines_one_current_per_note`), so even
 *   a bug in the above could not bill a note twice — the chunk would fail and roll back instead;
 * - a run whose process died is marked `interrupted` by the next run to start, once its heartbeat is stale.
 */
import { sql, type Kysely } from 'kysely';
import type { BillingRun, StartBillingRunRequest } from '../../shared/api/billing.js';
import type { BillingRunRow, Database } from '../../store/index.js';
import { actorEntry, recordAudit, recordAuditMany } from '../audit/index.js';
import type { Actor, Clock, ServiceContext } from '../context.js';
import { notFound, requireRole } from '../errors.js';
import { requireOptionalPayerPack } from '../payer-packs/index.js';
import {
  claimableNote,
  judgeNote,
  loadClaimContext,
  loadPrograms,
  type ClaimProgram,
} from '../claims/index.js';
import { decisionOf } from './decisions.js';
import { ClaimLineStatistics, DEFAULT_ANALYZE_AFTER_LINES } from './statistics.js';
import { writeClaims, writeHolds } from './write.js';

/** Who may run billing. */
export const BILLING_ROLES = ['billing', 'admin'] as const;

/** Members judged per transaction. */
export const DEFAULT_CHUNK_MEMBERS = 200;
/** Chunks in flight at once: one judging while the other writes. */
export const DEFAULT_CONCURRENCY = 2;
/** A running run whose heartbeat is older than this is taken to have died with its process. */
const STALE_AFTER_MS = 2 * 60 * 1000;

export interface ProcessOptions {
  /** Members per chunk (transaction). */
  chunkMembers?: number;
  /** Chunks in flight at once, each its own transaction; {@link DEFAULT_CONCURRENCY} when omitted. */
  concurrency?: number;
  /** Called after each chunk commits, with the run as it now stands. */
  onProgress?: (run: BillingRun) => void;
  /**
   * Stops after this many chunks, leaving the run `running` as a killed process would (tests of resuming).
   */
  stopAfterChunks?: number;
  /** Claim lines written before the first refresh of the table's statistics; see `statistics.ts`. */
  analyzeAfterLines?: number;
}

/**
 * Starts a billing run: checks the filters, marks runs whose process died as interrupted, counts the notes to
 * judge and records the run. Call {@link processBillingRun} to do the work (the API does it in the background,
 * the CLI in the foreground).
 *
 * @throws ServiceError `forbidden` unless billing staff or an admin; `not_found` for a program of another
 *   organisation
 */
export async function startBillingRun(
  ctx: ServiceContext,
  actor: Actor,
  input: StartBillingRunRequest,
): Promise<BillingRun> {
  requireRole(actor, BILLING_ROLES);
  requireOptionalPayerPack(input.payerPack, ['body', 'payerPack']);
  return ctx.db.transaction().execute(async (trx) => {
    if (input.programId !== undefined) {
      const program = await trx
        .selectFrom('programs')
        .select('id')
        .where('organisation_id', '=', actor.organisationId)
        .where('id', '=', input.programId)
        .executeTakeFirst();
      if (program === undefined) throw notFound('program');
    }
    const now = ctx.clock.now();
    await trx
      .updateTable('billing_runs')
      .set({
        status: 'interrupted',
        finished_at: now,
        error: DIED,
      })
      .where('organisation_id', '=', actor.organisationId)
      .where('status', '=', 'running')
      .where('heartbeat_at', '<', new Date(now.getTime() - STALE_AFTER_MS))
      .execute();
    const scope = {
      organisation_id: actor.organisationId,
      from_date: input.from,
      to_date: input.to,
      program_id: input.programId ?? null,
      payer_pack: input.payerPack ?? null,
    };
    const run = await trx
      .insertInto('billing_runs')
      .values({
        ...scope,
        started_by: actor.userId,
        notes_total: await countClaimableNotes(trx, scope),
        started_at: now,
        heartbeat_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      ctx.clock,
      actorEntry(actor, 'billing_run.start', { type: 'billing_run', id: run.id }, 'success', {
        from: input.from,
        to: input.to,
        programId: input.programId ?? null,
        payerPack: input.payerPack ?? null,
      }),
    );
    return runView(trx, actor.organisationId, run.id, now);
  });
}

/**
 * Does a started run's work, chunk by chunk, until no member is left; then marks it finished. A chunk that
 * fails rolls back, and the run is marked failed with the reason; what earlier chunks claimed stays claimed.
 *
 * @param actor - the user who started the run (its audit entries name them)
 */
export async function processBillingRun(
  ctx: ServiceContext,
  actor: Actor,
  runId: string,
  options: ProcessOptions = {},
): Promise<BillingRun> {
  requireRole(actor, BILLING_ROLES);
  const run = await ctx.db
    .selectFrom('billing_runs')
    .selectAll()
    .where('organisation_id', '=', actor.organisationId)
    .where('id', '=', runId)
    .executeTakeFirst();
  if (run === undefined) throw notFound('billing_run');
  const chunkMembers = options.chunkMembers ?? DEFAULT_CHUNK_MEMBERS;
  const programs = await loadPrograms(ctx.db, actor.organisationId);
  // Chunks overlap: while one transaction writes its claims, the next judges. Members are locked one chunk
  // after another (the lock step is taken in turn, so the cursor only moves forward), and a chunk's decisions
  // depend only on its own members, so the result is the same as one chunk at a time.
  const workers = options.stopAfterChunks === undefined ? (options.concurrency ?? DEFAULT_CONCURRENCY) : 1;
  const statistics = await ClaimLineStatistics.of(
    ctx.db,
    options.analyzeAfterLines ?? DEFAULT_ANALYZE_AFTER_LINES,
  );
  let cursor: string | null = null;
  let noneLeft = false;
  let started = 0;
  let lockTurn: Promise<void> = Promise.resolve();
  const lockInTurn = async (trx: Kysely<Database>): Promise<string[]> => {
    const previous = lockTurn;
    let release = (): void => undefined;
    lockTurn = new Promise((resolve) => {
      release = resolve;
    });
    await previous;
    try {
      if (noneLeft) return [];
      const memberIds = await lockNextMembers(trx, run, cursor, chunkMembers);
      const last = memberIds[memberIds.length - 1];
      if (last === undefined) noneLeft = true;
      else cursor = last;
      return memberIds;
    } finally {
      release();
    }
  };
  const work = async (): Promise<void> => {
    while (!noneLeft) {
      if (options.stopAfterChunks !== undefined && started >= options.stopAfterChunks) return;
      started += 1;
      try {
        const linesWritten = await ctx.db.transaction().execute(async (trx) => {
          const memberIds = await lockInTurn(trx);
          if (memberIds.length === 0) return null;
          return processChunk(trx, ctx.clock, actor, run, programs, memberIds);
        });
        if (linesWritten !== null) {
          await statistics.written(ctx.db, linesWritten);
          options.onProgress?.(await runView(ctx.db, actor.organisationId, runId, ctx.clock.now()));
        }
      } catch (error) {
        // The other chunk in flight finishes (or fails) on its own; no new one starts.
        noneLeft = true;
        throw error;
      }
    }
  };
  try {
    const results = await Promise.allSettled(Array.from({ length: workers }, () => work()));
    const failed = results.find((result) => result.status === 'rejected');
    if (failed !== undefined) throw failed.reason;
    if (!noneLeft) return await runView(ctx.db, actor.organisationId, runId, ctx.clock.now());
    await ctx.db
      .updateTable('billing_runs')
      .set({ status: 'finished', finished_at: ctx.clock.now(), heartbeat_at: ctx.clock.now() })
      .where('id', '=', runId)
      .where('organisation_id', '=', actor.organisationId)
      .execute();
  } catch (error) {
    await ctx.db
      .updateTable('billing_runs')
      .set({
        status: 'failed',
        finished_at: ctx.clock.now(),
        error:
          'The run stopped on an unexpected error; what it had claimed is kept. Start another run to finish.',
      })
      .where('id', '=', runId)
      .where('organisation_id', '=', actor.organisationId)
      .execute();
    throw error;
  }
  const finished = await runView(ctx.db, actor.organisationId, runId, ctx.clock.now());
  options.onProgress?.(finished);
  return finished;
}

/**
 * Judges and writes one chunk of members, locked by the caller's transaction, in that transaction.
 *
 * @returns the claim lines written
 */
async function processChunk(
  trx: Kysely<Database>,
  clock: Clock,
  actor: Actor,
  run: BillingRunRow,
  programs: ReadonlyMap<string, ClaimProgram>,
  memberIds: readonly string[],
): Promise<number> {
  const context = await loadClaimContext(trx, run.organisation_id, memberIds, rangeOf(run), {
    programId: run.program_id,
    programs,
  });
  const decisions = context.notes.map((note) => decisionOf(judgeNote(note, context, run.payer_pack)));
  const now = clock.now();
  const target = { organisationId: run.organisation_id, runId: run.id, userId: actor.userId };
  const written = await writeClaims(trx, target, decisions, now);
  const held = await writeHolds(trx, target, decisions, now);
  await recordAuditMany(
    trx,
    clock,
    memberIds.map((memberId) =>
      actorEntry(actor, 'billing_run.judge_member', { type: 'member', id: memberId }, 'success', {
        runId: run.id,
      }),
    ),
  );
  const done = decisions.filter((decision) => decision.kind !== 'other_payer').length;
  await trx
    .updateTable('billing_runs')
    .set((eb) => ({
      notes_done: eb('notes_done', '+', done),
      notes_claimed: eb('notes_claimed', '+', written.notes),
      notes_held: eb('notes_held', '+', held),
      claims_created: eb('claims_created', '+', written.claims),
      charge_cents: sql<string>`charge_cents + ${written.chargeCents}`,
      heartbeat_at: now,
    }))
    .where('id', '=', run.id)
    .execute();
  return written.notes;
}

/** One run as the API shows it. */
export async function runView(
  db: Kysely<Database>,
  organisationId: string,
  runId: string,
  now: Date,
): Promise<BillingRun> {
  const row = await db
    .selectFrom('billing_runs')
    .innerJoin('users', 'users.id', 'billing_runs.started_by')
    .selectAll('billing_runs')
    .select('users.display_name')
    .where('billing_runs.organisation_id', '=', organisationId)
    .where('billing_runs.id', '=', runId)
    .executeTakeFirst();
  if (row === undefined) throw notFound('billing_run');
  return toRunView(row, now);
}

/** What a run whose process died says, shown at once and recorded by the next run to start. */
const DIED = 'The process running it stopped before it finished.';

/**
 * A run as shown at `now`. A run still `running` whose heartbeat is stale died with its process: it is shown
 * as interrupted at once (the billing page stops waiting on it), though the row is changed only when the next
 * run starts.
 */
function toRunView(row: BillingRunRow & { display_name: string }, now: Date): BillingRun {
  const died = row.status === 'running' && isStale(row.heartbeat_at, now);
  return {
    id: row.id,
    status: died ? 'interrupted' : row.status,
    from: row.from_date,
    to: row.to_date,
    programId: row.program_id,
    payerPack: row.payer_pack,
    startedBy: { id: row.started_by, displayName: row.display_name },
    notesTotal: row.notes_total,
    notesDone: row.notes_done,
    notesClaimed: row.notes_claimed,
    notesHeld: row.notes_held,
    claimsCreated: row.claims_created,
    chargeCents: Number(row.charge_cents),
    error: died ? DIED : row.error,
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}

/** The organisation's recent runs, newest first. */
export async function listBillingRuns(ctx: ServiceContext, actor: Actor, limit = 50): Promise<BillingRun[]> {
  requireRole(actor, BILLING_ROLES);
  const rows = await ctx.db
    .selectFrom('billing_runs')
    .innerJoin('users', 'users.id', 'billing_runs.started_by')
    .selectAll('billing_runs')
    .select('users.display_name')
    .where('billing_runs.organisation_id', '=', actor.organisationId)
    .orderBy('billing_runs.started_at', 'desc')
    .limit(limit)
    .execute();
  const now = ctx.clock.now();
  return rows.map((row) => toRunView(row, now));
}

/** One run, with its progress. */
export async function getBillingRun(ctx: ServiceContext, actor: Actor, runId: string): Promise<BillingRun> {
  requireRole(actor, BILLING_ROLES);
  return runView(ctx.db, actor.organisationId, runId, ctx.clock.now());
}

function isStale(heartbeat: Date, now: Date): boolean {
  return heartbeat.getTime() < now.getTime() - STALE_AFTER_MS;
}

/** The run's filters, as the queries need them. */
type RunScope = Pick<BillingRunRow, 'organisation_id' | 'from_date' | 'to_date' | 'program_id'>;

function rangeOf(scope: RunScope): { from: string; to: string } {
  return { from: scope.from_date, to: scope.to_date };
}

/** Counts the notes a run would judge now (its progress bar's whole). */
async function countClaimableNotes(db: Kysely<Database>, scope: RunScope): Promise<number> {
  const row = await db
    .selectFrom('service_notes as n')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where(claimableNote(scope.organisation_id, rangeOf(scope), scope.program_id))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Locks the next members after `cursor` (by id) who have notes to bill, skipping members another run has
 * locked: two runs at once share the work instead of judging the same member twice.
 */
async function lockNextMembers(
  trx: Kysely<Database>,
  scope: RunScope,
  cursor: string | null,
  limit: number,
): Promise<string[]> {
  let query = trx
    .selectFrom('members as m')
    .select('m.id')
    .where('m.organisation_id', '=', scope.organisation_id)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('service_notes as n')
          .select(sql<number>`1`.as('one'))
          .whereRef('n.member_id', '=', 'm.id')
          .where(claimableNote(scope.organisation_id, rangeOf(scope), scope.program_id)),
      ),
    );
  if (cursor !== null) query = query.where('m.id', '>', cursor);
  const rows = await query.orderBy('m.id').limit(limit).forUpdate().skipLocked().execute();
  return rows.map((row) => row.id);
}
