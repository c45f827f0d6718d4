/**
 * @module services/fee-schedule/fees
 * Billing staff and admins keep the organisation's fee schedule: add, change and remove lines, each change
 * kept in the schedule's history (who, when, the line before and after) and in the audit log, in the same
 * transaction. Lines of one payer, program, code and modifiers never overlap in time: a new price from a
 * date ends the open-ended price before it on the day before (the usual "new prices from July 1"); any other
 * overlap is refused, naming the line in the way. Everyone signed in may read the schedule.
 */
import type { Kysely, Transaction } from 'kysely';
import { addDays, payerPackName } from '../../engine/index.js';
import type { FeeChange, FeeLine, FeeLineInput, FeeSnapshot } from '../../shared/api/fee-schedule.js';
import { FeeSnapshotSchema } from '../../shared/api/fee-schedule.js';
import type { PayerPackId } from '../../shared/programs.js';
import type { Database } from '../../store/index.js';
import { isUniqueViolation } from '../../store/index.js';
import { actorEntry, recordAudit } from '../audit/index.js';
import type { Actor, ServiceContext } from '../context.js';
import { conflict, invalid, notFound, requireRole } from '../errors.js';
import { requirePayerPack, requireProgramBilling } from '../payer-packs/index.js';
import { feeKey, feesInForce, packUnitRate, type StoredFee } from './in-force.js';

/** How a price given for one program speaks of it. */
const PROGRAM_WORDS = {
  codePrefix: 'fee',
  withoutProgram: 'price every program',
  uselessBecause: 'this price would never be used',
};

/** Who keeps the fee schedule. */
export const FEE_EDITORS = ['billing', 'admin'] as const;

const FEE_COLUMNS = [
  'f.id',
  'f.payer_pack',
  'f.program_id',
  'f.code',
  'f.modifiers',
  'f.effective_from',
  'f.effective_to',
  'f.unit_charge_cents',
  'f.expected_unit_rate_cents',
] as const;

type StoredFeeRow = {
  id: string;
  payer_pack: PayerPackId;
  program_id: string | null;
  code: string;
  modifiers: string[];
  effective_from: string;
  effective_to: string | null;
  unit_charge_cents: number;
  expected_unit_rate_cents: number | null;
};

function storedFeeOf(row: StoredFeeRow): StoredFee {
  return {
    id: row.id,
    payerPack: row.payer_pack,
    programId: row.program_id,
    code: row.code,
    modifiers: row.modifiers,
    effectiveFrom: row.effective_from,
    effectiveTo: row.effective_to,
    unitChargeCents: row.unit_charge_cents,
    expectedUnitRateCents: row.expected_unit_rate_cents,
  };
}

/** The organisation's whole fee schedule, for the claim context (one small query per context). */
export async function loadFeeSchedule(db: Kysely<Database>, organisationId: string): Promise<StoredFee[]> {
  const rows = await db
    .selectFrom('fee_schedule as f')
    .select(FEE_COLUMNS)
    .where('f.organisation_id', '=', organisationId)
    .orderBy('f.effective_from')
    .execute();
  return rows.map(storedFeeOf);
}

function snapshotOf(line: StoredFee): FeeSnapshot {
  return {
    payerPack: line.payerPack,
    programId: line.programId,
    code: line.code,
    modifiers: [...line.modifiers],
    effectiveFrom: line.effectiveFrom,
    effectiveTo: line.effectiveTo,
    unitChargeCents: line.unitChargeCents,
    expectedUnitRateCents: line.expectedUnitRateCents,
  };
}

function describe(line: Pick<StoredFee, 'code' | 'modifiers' | 'payerPack' | 'effectiveFrom'>): string {
  return `${feeKey(line)} under ${payerPackName(line.payerPack)} from ${line.effectiveFrom}`;
}

/**
 * The schedule as the page shows it: every line (of one payer, or in force on a date, when asked), by payer,
 * code, modifiers, program and date, with the payer's own rate beside it.
 */
export async function listFees(
  ctx: ServiceContext,
  actor: Actor,
  query: { payerPack?: PayerPackId | undefined; on?: string | undefined },
): Promise<FeeLine[]> {
  let select = ctx.db
    .selectFrom('fee_schedule as f')
    .leftJoin('programs as p', (join) =>
      join.onRef('p.id', '=', 'f.program_id').onRef('p.organisation_id', '=', 'f.organisation_id'),
    )
    .leftJoin('users as u', 'u.id', 'f.updated_by')
    .select([...FEE_COLUMNS, 'f.updated_at', 'p.name as program_name', 'u.display_name as updated_by_name'])
    .where('f.organisation_id', '=', actor.organisationId);
  if (query.payerPack !== undefined) select = select.where('f.payer_pack', '=', query.payerPack);
  if (query.on !== undefined) {
    const on = query.on;
    select = select
      .where('f.effective_from', '<=', on)
      .where((eb) => eb.or([eb('f.effective_to', 'is', null), eb('f.effective_to', '>=', on)]));
  }
  const rows = await select.execute();
  // UTC's day: the figure is shown beside the price, and payers change rates on a date, not an hour.
  const today = ctx.clock.now().toISOString().slice(0, 10);
  const lines = rows.map((row) => ({ row, line: storedFeeOf(row) }));
  const all = lines.map(({ line }) => line);
  return lines
    .map(({ row, line }) => {
      // The payer's rate as it stands today while the line is in force (its first or last day otherwise), and
      // the schedule a divided rate reads on that day, for the line's program.
      const on = dayWithin(today, line.effectiveFrom, line.effectiveTo);
      const onFile = feesInForce(all, line.payerPack, line.programId ?? '', on);
      return {
        id: line.id,
        payerPack: line.payerPack,
        payerName: payerPackName(line.payerPack),
        program: line.programId === null ? null : { id: line.programId, name: row.program_name ?? '' },
        code: line.code,
        modifiers: [...line.modifiers],
        effectiveFrom: line.effectiveFrom,
        effectiveTo: line.effectiveTo,
        unitChargeCents: line.unitChargeCents,
        expectedUnitRateCents: line.expectedUnitRateCents,
        packUnitRateCents: packUnitRate(line.payerPack, line.code, line.modifiers, on, onFile),
        updatedAt: row.updated_at.toISOString(),
        updatedBy: row.updated_by_name ?? null,
      };
    })
    .sort(
      (a, b) =>
        compare(a.payerName, b.payerName) ||
        compare(feeKey(a), feeKey(b)) ||
        compare(a.program?.name ?? '', b.program?.name ?? '') ||
        compare(a.effectiveFrom, b.effectiveFrom),
    );
}

/** `day` moved into `from`…`to` (a line's dates): the line's first day before it, its last day after it. */
function dayWithin(day: string, from: string, to: string | null): string {
  if (day < from) return from;
  if (to !== null && day > to) return to;
  return day;
}

function compare(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** What a write did, for the caller's counts (the CSV import). */
type WriteOutcome = 'added' | 'changed' | 'unchanged';

/**
 * Adds a line, or — when the organisation has a line with the same payer, program, code, modifiers and first
 * day — changes it to what `input` says (the CSV import's way of correcting a price).
 *
 * @throws ServiceError `forbidden` unless billing staff or an admin; `invalid` for a payer without a pack or a
 *   program not of the organisation or not billing the payer; `conflict` when the dates overlap another line
 */
export async function addFee(ctx: ServiceContext, actor: Actor, input: FeeLineInput): Promise<FeeLine> {
  requireRole(actor, FEE_EDITORS);
  const id = await ctx.db.transaction().execute(async (trx) => (await putFee(trx, ctx, actor, input, [])).id);
  return feeLineById(ctx, actor, id);
}

/**
 * Writes one line in the caller's transaction (see {@link addFee}); `path` prefixes the paths of problems
 * (a CSV row's). Exported for the CSV import, which writes every row in one transaction.
 */
export async function putFee(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  actor: Actor,
  input: FeeLineInput,
  path: readonly (string | number)[],
): Promise<{ id: string; outcome: WriteOutcome }> {
  requirePayerPack(input.payerPack, [...path, 'payerPack']);
  if (input.programId !== null) {
    await requireProgramBilling(
      trx,
      actor.organisationId,
      input.programId,
      input.payerPack,
      [...path, 'programId'],
      PROGRAM_WORDS,
    );
  }
  const modifiers = [...input.modifiers].sort();
  const same = await sameKeyLines(trx, actor.organisationId, { ...input, modifiers });
  const existing = same.find((line) => line.effectiveFrom === input.effectiveFrom);
  const wanted: StoredFee = {
    id: existing?.id ?? '',
    payerPack: input.payerPack,
    programId: input.programId,
    code: input.code,
    modifiers,
    effectiveFrom: input.effectiveFrom,
    effectiveTo: input.effectiveTo,
    unitChargeCents: input.unitChargeCents,
    expectedUnitRateCents: input.expectedUnitRateCents,
  };
  if (existing !== undefined) {
    if (JSON.stringify(snapshotOf(existing)) === JSON.stringify(snapshotOf(wanted))) {
      return { id: existing.id, outcome: 'unchanged' };
    }
    await changeLine(trx, ctx, actor, existing, wanted, same, path);
    return { id: existing.id, outcome: 'changed' };
  }
  // A new price from a date ends the open-ended (or later-ending) price before it on the day before.
  const before = same.find(
    (line) =>
      line.effectiveFrom < input.effectiveFrom &&
      (line.effectiveTo === null || line.effectiveTo >= input.effectiveFrom),
  );
  if (before !== undefined) {
    await changeLine(
      trx,
      ctx,
      actor,
      before,
      { ...before, effectiveTo: addDays(input.effectiveFrom, -1) },
      same,
      path,
    );
  }
  refuseOverlap(
    wanted,
    same.filter((line) => line.id !== before?.id),
    path,
  );
  let row: { id: string };
  try {
    row = await trx
      .insertInto('fee_schedule')
      .values({
        organisation_id: actor.organisationId,
        payer_pack: wanted.payerPack,
        program_id: wanted.programId,
        code: wanted.code,
        modifiers,
        effective_from: wanted.effectiveFrom,
        effective_to: wanted.effectiveTo,
        unit_charge_cents: wanted.unitChargeCents,
        expected_unit_rate_cents: wanted.expectedUnitRateCents,
        updated_by: actor.userId,
        updated_at: ctx.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  } catch (error) {
    if (isUniqueViolation(error)) {
      // Another request added the same line a moment ago.
      throw conflict(
        'fee.duplicate',
        `A price for ${describe(wanted)} was just added by someone else. Reload the fee schedule and change that line instead.`,
        [...path, 'effectiveFrom'],
      );
    }
    throw error;
  }
  await recordChange(trx, ctx, actor, row.id, 'added', null, { ...wanted, id: row.id });
  return { id: row.id, outcome: 'added' };
}

/**
 * Changes a line: its price, expected rate or dates (its payer, program, code and modifiers stay: a different
 * one is a different line).
 */
export async function changeFee(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  input: Pick<FeeLineInput, 'effectiveFrom' | 'effectiveTo' | 'unitChargeCents' | 'expectedUnitRateCents'>,
): Promise<FeeLine> {
  requireRole(actor, FEE_EDITORS);
  await ctx.db.transaction().execute(async (trx) => {
    const line = await lockedLine(trx, actor.organisationId, id);
    const same = await sameKeyLines(trx, actor.organisationId, line);
    await changeLine(trx, ctx, actor, line, { ...line, ...input }, same, []);
  });
  return feeLineById(ctx, actor, id);
}

/** Removes a line; its history stays. Claims already written keep the charge they billed. */
export async function removeFee(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  requireRole(actor, FEE_EDITORS);
  await ctx.db.transaction().execute(async (trx) => {
    const line = await lockedLine(trx, actor.organisationId, id);
    await trx
      .deleteFrom('fee_schedule')
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', id)
      .execute();
    await recordChange(trx, ctx, actor, id, 'removed', line, null);
  });
}

/** The schedule's history, newest first (one line's, when asked). */
export async function feeHistory(
  ctx: ServiceContext,
  actor: Actor,
  query: { feeId?: string | undefined },
): Promise<FeeChange[]> {
  requireRole(actor, FEE_EDITORS);
  let select = ctx.db
    .selectFrom('fee_schedule_changes as c')
    .leftJoin('users as u', 'u.id', 'c.changed_by')
    .select([
      'c.id',
      'c.fee_id',
      'c.action',
      'c.before',
      'c.after',
      'c.changed_at',
      'u.display_name as changed_by_name',
    ])
    .where('c.organisation_id', '=', actor.organisationId);
  if (query.feeId !== undefined) select = select.where('c.fee_id', '=', query.feeId);
  const rows = await select.orderBy('c.seq', 'desc').limit(1000).execute();
  return rows.map((row) => ({
    id: row.id,
    feeId: row.fee_id,
    action: row.action,
    before: row.before === null ? null : FeeSnapshotSchema.parse(row.before),
    after: row.after === null ? null : FeeSnapshotSchema.parse(row.after),
    changedBy: row.changed_by_name ?? null,
    changedAt: row.changed_at.toISOString(),
  }));
}

async function feeLineById(ctx: ServiceContext, actor: Actor, id: string): Promise<FeeLine> {
  const line = (await listFees(ctx, actor, {})).find((each) => each.id === id);
  if (line === undefined) throw notFound('fee');
  return line;
}

async function lockedLine(
  trx: Transaction<Database>,
  organisationId: string,
  id: string,
): Promise<StoredFee> {
  const row = await trx
    .selectFrom('fee_schedule as f')
    .select(FEE_COLUMNS)
    .where('f.organisation_id', '=', organisationId)
    .where('f.id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (row === undefined) throw notFound('fee');
  return storedFeeOf(row);
}

/** The organisation's lines with the same payer, program, code and modifiers, locked for the change. */
async function sameKeyLines(
  trx: Transaction<Database>,
  organisationId: string,
  key: Pick<StoredFee, 'payerPack' | 'programId' | 'code' | 'modifiers'>,
): Promise<StoredFee[]> {
  const rows = await trx
    .selectFrom('fee_schedule as f')
    .select(FEE_COLUMNS)
    .where('f.organisation_id', '=', organisationId)
    .where('f.payer_pack', '=', key.payerPack)
    .where('f.code', '=', key.code)
    .where((eb) =>
      key.programId === null ? eb('f.program_id', 'is', null) : eb('f.program_id', '=', key.programId),
    )
    .forUpdate()
    .execute();
  const wanted = feeKey(key);
  return rows.map(storedFeeOf).filter((line) => feeKey(line) === wanted);
}

async function changeLine(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  actor: Actor,
  line: StoredFee,
  changed: StoredFee,
  same: readonly StoredFee[],
  path: readonly (string | number)[],
): Promise<void> {
  if (changed.effectiveTo !== null && changed.effectiveTo < changed.effectiveFrom) {
    throw invalid('fee.dates', 'The last day must be on or after the first day.', [...path, 'effectiveTo']);
  }
  refuseOverlap(
    changed,
    same.filter((other) => other.id !== line.id),
    path,
  );
  try {
    await trx
      .updateTable('fee_schedule')
      .set({
        effective_from: changed.effectiveFrom,
        effective_to: changed.effectiveTo,
        unit_charge_cents: changed.unitChargeCents,
        expected_unit_rate_cents: changed.expectedUnitRateCents,
        updated_by: actor.userId,
        updated_at: ctx.clock.now(),
      })
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', line.id)
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(
        'fee.duplicate',
        `Another price for ${describe(changed)} is already on file. Change that line instead.`,
        [...path, 'effectiveFrom'],
      );
    }
    throw error;
  }
  await recordChange(trx, ctx, actor, line.id, 'changed', line, changed);
}

function refuseOverlap(
  line: StoredFee,
  others: readonly StoredFee[],
  path: readonly (string | number)[],
): void {
  const end = line.effectiveTo ?? '9999-12-31';
  const clash = others.find(
    (other) => other.effectiveFrom <= end && (other.effectiveTo ?? '9999-12-31') >= line.effectiveFrom,
  );
  if (clash === undefined) return;
  throw conflict(
    'fee.overlap',
    `${describe(clash)}${clash.effectiveTo === null ? '' : ` to ${clash.effectiveTo}`} is already on file for those dates. Change that line, or choose dates after it.`,
    [...path, 'effectiveFrom'],
  );
}

async function recordChange(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  actor: Actor,
  feeId: string,
  action: 'added' | 'changed' | 'removed',
  before: StoredFee | null,
  after: StoredFee | null,
): Promise<void> {
  const snapshot = (line: StoredFee | null): string | null =>
    line === null ? null : JSON.stringify(snapshotOf(line));
  await trx
    .insertInto('fee_schedule_changes')
    .values({
      organisation_id: actor.organisationId,
      fee_id: feeId,
      action,
      before: snapshot(before),
      after: snapshot(after),
      changed_by: actor.userId,
      changed_at: ctx.clock.now(),
    })
    .execute();
  const line = after ?? before;
  await recordAudit(
    trx,
    ctx.clock,
    actorEntry(actor, `fee_schedule.${action}`, { type: 'fee_schedule', id: feeId }, 'success', {
      payerPack: line?.payerPack ?? null,
      code: line === null ? null : feeKey(line),
    }),
  );
}
