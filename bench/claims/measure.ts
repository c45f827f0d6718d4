/**
 * @module bench/claims/measure
 * One measured phase of the claims benchmark, in a process of its own so that its peak memory is its own:
 * `run` (a billing run over the month), `export` (every ready claim through the streaming 837 export into
 * files) or `floor` (what PostgreSQL itself needs to read the notes and write as many claim lines). Started by
 * `bench/claims/run.ts`; prints one line `RESULT {json}`.
 *
 * Memory: `process.memoryUsage()` every 100 ms (RSS, and the V8 heap in use), plus the process's maximum RSS
 * from the kernel at the end. The baseline is taken just before the phase starts, after the modules loaded.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { sql, type Kysely } from 'kysely';
import { DEFAULT_SECURITY_SETTINGS } from '../../src/config/index.js';
import type { Actor, ServiceContext } from '../../src/services/context.js';
import {
  export837Stream,
  processBillingRun,
  startBillingRun,
  type Export837Sink,
} from '../../src/services/billing/index.js';
import { payerPackIds } from '../../src/engine/index.js';
import { migrateToLatest, openStore, type Database, type Store } from '../../src/store/index.js';
import { NOW } from './generate.js';

const { values: args } = parseArgs({
  options: {
    phase: { type: 'string' },
    postgres: { type: 'string' },
    pglite: { type: 'string' },
    organisation: { type: 'string' },
    user: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
  },
});

export interface PhaseResult {
  ms: number;
  /** RSS and V8 heap in use just before the phase, in MB. */
  baseRssMb: number;
  baseHeapMb: number;
  /** Highest sampled RSS and heap in use during the phase, and the kernel's maximum RSS, in MB. */
  peakRssMb: number;
  peakHeapMb: number;
  maxRssMb: number;
  /** Phase-specific figures. */
  figures: Record<string, number>;
}

const MB = 1024 * 1024;

function required(name: string, value: string | undefined): string {
  if (value === undefined) throw new Error(`--${name} is required`);
  return value;
}

async function main(): Promise<void> {
  const phase = required('phase', args.phase);
  if (phase === 'floor' && args.pglite !== undefined) {
    // PGlite's COPY … TO '/dev/blob' needs the PGlite object itself, not the node-postgres adapter.
    await measure(() => pgliteFloor(required('pglite', args.pglite)));
    return;
  }
  const store: Store = await openStore(
    args.postgres !== undefined
      ? { kind: 'postgres', url: args.postgres, poolSize: 4 }
      : { kind: 'pglite', dataDir: required('pglite', args.pglite) },
  );
  try {
    await migrateToLatest(store.db);
    const ctx: ServiceContext = {
      db: store.db,
      clock: { now: () => NOW },
      security: DEFAULT_SECURITY_SETTINGS,
    };
    const actor: Actor = {
      userId: required('user', args.user),
      email: 'billing@demo.peerline.test',
      organisationId: required('organisation', args.organisation),
      roles: ['billing'],
      ip: null,
    };
    const phases: Record<string, () => Promise<Record<string, number>>> = {
      run: () => billingRun(ctx, actor),
      export: () => exportAll(ctx, actor),
      floor: () => postgresFloor(store.db, required('postgres', args.postgres)),
    };
    const body = phases[phase];
    if (body === undefined) throw new Error(`unknown phase ${phase}`);
    await measure(body);
  } finally {
    await store.close();
  }
}

/** Runs `body` while sampling memory; prints the result. */
async function measure(body: () => Promise<Record<string, number>>): Promise<void> {
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  const sample = (): void => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  };
  const timer = setInterval(sample, 100);
  const started = performance.now();
  const figures = await body();
  const ms = performance.now() - started;
  clearInterval(timer);
  sample();
  const result: PhaseResult = {
    ms,
    baseRssMb: base.rss / MB,
    baseHeapMb: base.heapUsed / MB,
    peakRssMb: peakRss / MB,
    peakHeapMb: peakHeap / MB,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    figures,
  };
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

async function billingRun(ctx: ServiceContext, actor: Actor): Promise<Record<string, number>> {
  const run = await startBillingRun(ctx, actor, {
    from: required('from', args.from),
    to: required('to', args.to),
  });
  const done = await processBillingRun(ctx, actor, run.id);
  if (done.status !== 'finished') throw new Error(`the run ended ${done.status}`);
  // What issue 11 holds every run to: no line charges $0.00, and no California statewide or Alameda line is
  // priced from Los Angeles's rates ($46.67, $10.37): their rates come from the organisation's fee schedule.
  const { rows } = await sql<{ zero: string; borrowed: string }>`
    select count(*) filter (where l.charge_cents = 0) as zero,
      count(*) filter (where c.payer_pack in ('ca-dhcs', 'ca-acbhd')
                         and l.expected_unit_rate_cents in (4667, 1037)) as borrowed
    from claim_lines l join claims c on c.id = l.claim_id
    where l.current`.execute(ctx.db);
  const zeroChargeLines = Number(rows[0]?.zero ?? 0);
  const losAngelesPricedLines = Number(rows[0]?.borrowed ?? 0);
  if (zeroChargeLines > 0 || losAngelesPricedLines > 0) {
    throw new Error(
      `the run billed ${zeroChargeLines} lines at $0.00 and priced ${losAngelesPricedLines} California lines from Los Angeles`,
    );
  }
  return {
    notes: done.notesDone,
    claimed: done.notesClaimed,
    held: done.notesHeld,
    claims: done.claimsCreated,
    chargeCents: done.chargeCents,
    zeroChargeLines,
    losAngelesPricedLines,
  };
}

/** Every payer's ready claims through the streaming export, into files in a temporary folder. */
async function exportAll(ctx: ServiceContext, actor: Actor): Promise<Record<string, number>> {
  const folder = await mkdtemp(join(tmpdir(), 'peerline-claims-bench-'));
  let files = 0;
  let claims = 0;
  let lines = 0;
  let characters = 0;
  let writerMs = 0;
  try {
    for (const payerPack of payerPackIds()) {
      const result = await export837Stream(ctx, actor, payerPack, (file) => {
        files += 1;
        return fileSink(join(folder, file.fileName));
      });
      characters += result.characters;
      writerMs += result.writerMs;
      for (const batch of result.batches) {
        claims += batch.claimCount;
        lines += batch.lineCount;
      }
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  return { files, claims, lines, megabytes: characters / MB, writerMs };
}

/** A file written chunk by chunk, waiting for the stream to drain when its buffer is full. */
function fileSink(path: string): Export837Sink {
  const stream = createWriteStream(path);
  return {
    write: (chunk) =>
      stream.write(chunk) ? undefined : new Promise<void>((resolve) => stream.once('drain', resolve)),
    close: () =>
      new Promise<void>((resolve, reject) => {
        stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
      }),
  };
}

/** The month's signed notes, as the run reads them. */
const NOTES_OF_MONTH = (from: string, to: string): string =>
  `select n.* from service_notes n where n.status = 'signed' and n.date_of_service between '${from}' and '${to}'`;

/**
 * PostgreSQL's own floor: COPY the month's notes out to a client (psql, output discarded), then create as
 * many claim lines as the run did with one INSERT … SELECT into a scratch table of the same shape (columns,
 * defaults, checks, indexes, and the foreign keys `claim_lines` has), and once more without the foreign keys.
 */
async function postgresFloor(db: Kysely<Database>, url: string): Promise<Record<string, number>> {
  const from = required('from', args.from);
  const to = required('to', args.to);
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const psql = spawn('psql', [url, '-X', '-q', '-c', `copy (${NOTES_OF_MONTH(from, to)}) to stdout`], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    psql.on('error', reject);
    psql.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`psql exited ${code}`))));
  });
  const copyMs = performance.now() - started;
  const insertMs = await insertSelectLines(db, true);
  const insertNoFkMs = await insertSelectLines(db, false);
  return { copyMs, insertMs, insertNoFkMs };
}

/** The foreign keys of `claim_lines` as the schema has them (`like … including all` copies none). */
const CLAIM_LINE_KEYS = `select pg_get_constraintdef(oid) as definition from pg_constraint
  where conrelid = 'claim_lines'::regclass and contype = 'f' order by conname`;

function addKeys(keys: readonly { definition: string }[]): string {
  return `alter table bench_floor_lines ${keys.map((key) => `add ${key.definition}`).join(', ')}`;
}

/** Times `insert into <scratch> select … from claim_lines`: as many lines as the run wrote, same shape. */
async function insertSelectLines(db: Kysely<Database>, foreignKeys: boolean): Promise<number> {
  await sql`drop table if exists bench_floor_lines`.execute(db);
  await sql`create table bench_floor_lines (like claim_lines including all)`.execute(db);
  if (foreignKeys) {
    const keys = await sql<{ definition: string }>`${sql.raw(CLAIM_LINE_KEYS)}`.execute(db);
    await sql.raw(addKeys(keys.rows)).execute(db);
  }
  const started = performance.now();
  await sql`insert into bench_floor_lines (organisation_id, claim_id, note_id, member_id, date_of_service,
      line_number, code, modifiers, units, unit_charge_cents, charge_cents, expected_unit_rate_cents, expected_cents,
      place_of_service, group_minutes, authorization_id, current, counts, warnings)
    select organisation_id, claim_id, note_id, member_id, date_of_service, line_number, code, modifiers, units,
      unit_charge_cents, charge_cents, expected_unit_rate_cents, expected_cents, place_of_service, group_minutes,
      authorization_id, current, counts, warnings
    from claim_lines`.execute(db);
  const ms = performance.now() - started;
  await sql`drop table bench_floor_lines`.execute(db);
  return ms;
}

/** The same floor on PGlite: COPY to PGlite's in-memory blob, then the INSERT … SELECT with foreign keys. */
async function pgliteFloor(dataDir: string): Promise<Record<string, number>> {
  const from = required('from', args.from);
  const to = required('to', args.to);
  const pglite = await PGlite.create(dataDir);
  try {
    let started = performance.now();
    const copied = await pglite.query(`copy (${NOTES_OF_MONTH(from, to)}) to '/dev/blob'`);
    const copyMs = performance.now() - started;
    const copyMb = (copied.blob?.size ?? 0) / MB;
    const timeInsert = async (foreignKeys: boolean): Promise<number> => {
      await pglite.exec(`drop table if exists bench_floor_lines;
        create table bench_floor_lines (like claim_lines including all);`);
      if (foreignKeys) {
        const keys = await pglite.query<{ definition: string }>(CLAIM_LINE_KEYS);
        await pglite.exec(addKeys(keys.rows));
      }
      started = performance.now();
      await pglite.exec(`insert into bench_floor_lines (organisation_id, claim_id, note_id, member_id,
          date_of_service, line_number, code, modifiers, units, unit_charge_cents, charge_cents,
          expected_unit_rate_cents, expected_cents, place_of_service, group_minutes, authorization_id, current,
          counts, warnings)
        select organisation_id, claim_id, note_id, member_id, date_of_service, line_number, code, modifiers,
          units, unit_charge_cents, charge_cents, expected_unit_rate_cents, expected_cents, place_of_service,
          group_minutes, authorization_id, current, counts, warnings from claim_lines`);
      const ms = performance.now() - started;
      await pglite.exec('drop table bench_floor_lines');
      return ms;
    };
    const insertMs = await timeInsert(true);
    const insertNoFkMs = await timeInsert(false);
    return { copyMs, copyMb, insertMs, insertNoFkMs };
  } finally {
    await pglite.close();
  }
}

await main();
