/**
 * @module bench/claims/run
 * `npm run bench:claims`: a synthetic month of signed notes (1,000,000 for 50,000 members by default) billed on
 * PostgreSQL and on PGlite — the billing run's time and peak memory, then every ready claim written to 837
 * files by the streaming export — at several sizes of the month, so that flat memory shows; and on the same
 * database PostgreSQL's own floor (COPY the notes out, INSERT … SELECT as many claim lines). Prints a table;
 * writes nothing outside its temporary databases, which it drops (also on Ctrl-C). Not part of `npm test`.
 *
 * Method: for each size, the workload is generated once into a template (bench/claims/generate.ts); each run
 * starts from a copy of it (PostgreSQL: CREATE DATABASE … TEMPLATE; PGlite: a copy of the data directory), and
 * each phase runs in a child process (bench/claims/measure.ts) whose memory is sampled every 100 ms.
 *
 * Options: --notes N (the largest month, default 1,000,000); --members N (default notes / 20); --sizes
 * 0.25,0.5,1 (fractions of the month, members scaled alike); --runs N (runs per size, default 1; the report
 * gives medians); --db pg|pglite|both; --postgres URL (server, default postgres://postgres@127.0.0.1:5432/postgres);
 * --seed S; --quick (20,000 notes, sizes 0.5 and 1); --keep (leave the PostgreSQL template databases, with the
 * generated month and nothing billed, for experiments; their names are printed).
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { DEFAULT_SECURITY_SETTINGS } from '../../src/config/index.js';
import { migrateToLatest, openStore, type Store } from '../../src/store/index.js';
import { generateWorkload, NOW, type Workload } from './generate.js';
import type { PhaseResult } from './measure.js';

const TARGET_RUN_SECONDS = 30;
const TARGET_WRITER_MB_PER_SECOND = 50;

const { values: args } = parseArgs({
  options: {
    notes: { type: 'string' },
    members: { type: 'string' },
    sizes: { type: 'string' },
    runs: { type: 'string', default: '1' },
    db: { type: 'string', default: 'both' },
    postgres: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    seed: { type: 'string', default: 'peerline-claims-bench' },
    quick: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});

const totalNotes = Number(args.notes ?? (args.quick ? 20_000 : 1_000_000));
const totalMembers = Number(args.members ?? Math.max(1, Math.round(totalNotes / 20)));
const sizes = (args.sizes ?? (args.quick ? '0.5,1' : '0.25,0.5,1')).split(',').map(Number);
const runs = Number(args.runs);
const databases = args.db === 'both' ? ['pg', 'pglite'] : [args.db ?? 'pg'];
if (![totalNotes, totalMembers, runs, ...sizes].every((value) => Number.isFinite(value) && value > 0)) {
  throw new Error('--notes, --members, --runs and --sizes must be positive numbers');
}
if (!databases.every((db) => db === 'pg' || db === 'pglite')) throw new Error('--db is pg, pglite or both');

const MEASURE = fileURLToPath(new URL('./measure.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));

/** What to drop or remove on the way out, however the benchmark ends. */
const cleanups: (() => Promise<void>)[] = [];
async function cleanUp(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup().catch((error: unknown) => console.error('cleanup failed:', error));
  }
}
process.on('SIGINT', () => {
  void cleanUp().finally(() => process.exit(130));
});

function log(line: string): void {
  process.stderr.write(
    `[${new Date().toISOString().slice(11, 19)} load ${loadavg()[0]?.toFixed(1)}] ${line}\n`,
  );
}

async function admin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: args.postgres });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

function urlOf(database: string): string {
  const url = new URL(args.postgres ?? '');
  url.pathname = `/${database}`;
  return url.toString();
}

/** A phase in a child process; its `RESULT` line parsed. */
function child(phase: string, target: string[], workload: Workload): Promise<PhaseResult> {
  return new Promise((resolve, reject) => {
    const processArgs = [
      TSX,
      MEASURE,
      '--phase',
      phase,
      ...target,
      '--organisation',
      workload.organisationId,
      '--user',
      workload.billingUserId,
      '--from',
      workload.from,
      '--to',
      workload.to,
    ];
    const worker = spawn(process.execPath, processArgs, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    worker.stdout.on('data', (data: Buffer) => {
      out += data.toString();
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      const line = out.split('\n').find((each) => each.startsWith('RESULT '));
      if (code !== 0 || line === undefined) reject(new Error(`${phase} exited ${code}: ${out}`));
      else resolve(JSON.parse(line.slice('RESULT '.length)) as PhaseResult);
    });
  });
}

interface Measured {
  db: string;
  notes: number;
  members: number;
  run: PhaseResult;
  export: PhaseResult;
  floor: PhaseResult;
  loadBefore: number;
  loadAfter: number;
}

async function generateInto(store: Store, notes: number, members: number): Promise<Workload> {
  await migrateToLatest(store.db);
  const started = performance.now();
  const workload = await generateWorkload(
    { db: store.db, clock: { now: () => NOW }, security: DEFAULT_SECURITY_SETTINGS },
    { notes, members },
    args.seed ?? 'peerline-claims-bench',
    (line) => log(`  generating: ${line}`),
  );
  log(
    `generated ${notes} notes, ${members} members in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  return workload;
}

async function onPostgres(notes: number, members: number, results: Measured[]): Promise<void> {
  const template = `peerline_claims_bench_${process.pid}_${notes}`;
  await admin(`create database ${template}`);
  if (args.keep) log(`keeping database ${template} (--keep); drop it when done`);
  else cleanups.push(() => admin(`drop database if exists ${template} with (force)`));
  const store = await openStore({ kind: 'postgres', url: urlOf(template), poolSize: 4 });
  let workload: Workload;
  try {
    workload = await generateInto(store, notes, members);
  } finally {
    await store.close();
  }
  if (args.keep) {
    log(
      `measure a phase on a copy with: tsx bench/claims/measure.ts --phase run --postgres <copy url> ` +
        `--organisation ${workload.organisationId} --user ${workload.billingUserId} --from ${workload.from} --to ${workload.to}`,
    );
  }
  for (let run = 0; run < runs; run += 1) {
    const copy = `${template}_run${run}`;
    await admin(`create database ${copy} template ${template}`);
    const drop = (): Promise<void> => admin(`drop database if exists ${copy} with (force)`);
    cleanups.push(drop);
    const target = ['--postgres', urlOf(copy)];
    results.push(await phases('pg', notes, members, target, workload));
    await drop();
  }
}

async function onPglite(notes: number, members: number, results: Measured[]): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), 'peerline-claims-bench-'));
  cleanups.push(() => rm(folder, { recursive: true, force: true }));
  const template = join(folder, 'template');
  const store = await openStore({ kind: 'pglite', dataDir: template });
  let workload: Workload;
  try {
    workload = await generateInto(store, notes, members);
  } finally {
    await store.close();
  }
  for (let run = 0; run < runs; run += 1) {
    const copy = join(folder, `run${run}`);
    await cp(template, copy, { recursive: true });
    results.push(await phases('pglite', notes, members, ['--pglite', copy], workload));
    await rm(copy, { recursive: true, force: true });
  }
}

async function phases(
  db: string,
  notes: number,
  members: number,
  target: string[],
  workload: Workload,
): Promise<Measured> {
  const loadBefore = loadavg()[0] ?? 0;
  log(`${db} ${notes}: billing run`);
  const run = await child('run', target, workload);
  log(`${db} ${notes}: run ${(run.ms / 1000).toFixed(1)} s; floor`);
  // The floor reads the notes and copies the lines the run wrote, so it comes before the export (which only
  // changes the claims' status).
  const floor = await child('floor', target, workload);
  log(`${db} ${notes}: 837 export`);
  const written = await child('export', target, workload);
  return { db, notes, members, run, export: written, floor, loadBefore, loadAfter: loadavg()[0] ?? 0 };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function figure(result: PhaseResult, name: string): number {
  return result.figures[name] ?? 0;
}

function report(results: readonly Measured[]): void {
  const row = (cells: readonly (string | number)[]): string => `| ${cells.join(' | ')} |`;
  const header = (cells: readonly string[]): void => {
    console.log(row(cells));
    console.log(row(cells.map(() => '---')));
  };
  console.log(
    `\nMachine: ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 1024 ** 3).toFixed(0)} GB; Node ${process.version}.`,
  );
  console.log('\nBilling run (processBillingRun over the month):\n');
  header([
    'Database',
    'Notes',
    'Members',
    'Runs',
    'Time s (median; min–max)',
    'Notes/s',
    'Claimed',
    'Held',
    'Charged $',
    'Lines at $0.00',
    'CA lines at LA rate',
    'Peak RSS MB (base)',
    'Peak heap MB (base)',
    'Load',
  ]);
  const groups = new Map<string, Measured[]>();
  for (const result of results) {
    const key = `${result.db}|${result.notes}`;
    groups.set(key, [...(groups.get(key) ?? []), result]);
  }
  for (const group of groups.values()) {
    const first = group[0] as Measured;
    const times = group.map((each) => each.run.ms / 1000);
    const seconds = median(times);
    console.log(
      row([
        first.db,
        first.notes,
        first.members,
        group.length,
        `${seconds.toFixed(1)}; ${Math.min(...times).toFixed(1)}–${Math.max(...times).toFixed(1)}`,
        Math.round(first.notes / seconds),
        figure(first.run, 'claimed'),
        figure(first.run, 'held'),
        (figure(first.run, 'chargeCents') / 100).toFixed(2),
        figure(first.run, 'zeroChargeLines'),
        figure(first.run, 'losAngelesPricedLines'),
        `${median(group.map((each) => each.run.peakRssMb)).toFixed(0)} (${first.run.baseRssMb.toFixed(0)})`,
        `${median(group.map((each) => each.run.peakHeapMb)).toFixed(0)} (${first.run.baseHeapMb.toFixed(0)})`,
        group.map((each) => `${each.loadBefore.toFixed(1)}–${each.loadAfter.toFixed(1)}`).join(', '),
      ]),
    );
  }
  console.log('\n837 export (export837Stream, every payer, files of at most 5,000 claims):\n');
  header([
    'Database',
    'Notes',
    'Files',
    'Claims',
    'MB',
    'Time s',
    'MB/s (whole export)',
    'MB/s (X12 writer alone)',
    'Peak RSS MB (base)',
    'Peak heap MB (base)',
  ]);
  for (const group of groups.values()) {
    const first = group[0] as Measured;
    const megabytes = figure(first.export, 'megabytes');
    const seconds = median(group.map((each) => each.export.ms / 1000));
    const writer = median(group.map((each) => figure(each.export, 'writerMs') / 1000));
    console.log(
      row([
        first.db,
        first.notes,
        figure(first.export, 'files'),
        figure(first.export, 'claims'),
        megabytes.toFixed(0),
        seconds.toFixed(1),
        (megabytes / seconds).toFixed(1),
        (megabytes / writer).toFixed(1),
        `${median(group.map((each) => each.export.peakRssMb)).toFixed(0)} (${first.export.baseRssMb.toFixed(0)})`,
        `${median(group.map((each) => each.export.peakHeapMb)).toFixed(0)} (${first.export.baseHeapMb.toFixed(0)})`,
      ]),
    );
  }
  console.log(
    '\nFloor (same database, same run): COPY the notes out; INSERT … SELECT as many claim lines:\n',
  );
  header([
    'Database',
    'Notes',
    'COPY out s',
    'INSERT…SELECT s (with FKs)',
    '(without FKs)',
    'Floor s',
    'Run / floor',
  ]);
  for (const group of groups.values()) {
    const first = group[0] as Measured;
    const copy = median(group.map((each) => figure(each.floor, 'copyMs') / 1000));
    const insert = median(group.map((each) => figure(each.floor, 'insertMs') / 1000));
    const insertNoFk = median(group.map((each) => figure(each.floor, 'insertNoFkMs') / 1000));
    const run = median(group.map((each) => each.run.ms / 1000));
    console.log(
      row([
        first.db,
        first.notes,
        copy.toFixed(1),
        insert.toFixed(1),
        insertNoFk.toFixed(1),
        (copy + insert).toFixed(1),
        `${(run / (copy + insert)).toFixed(1)}×`,
      ]),
    );
  }
  const largest = [...groups.values()].filter((group) => group[0]?.db === 'pg').at(-1);
  if (largest !== undefined) {
    const first = largest[0] as Measured;
    const seconds = median(largest.map((each) => each.run.ms / 1000));
    const rate =
      figure(first.export, 'megabytes') /
      median(largest.map((each) => figure(each.export, 'writerMs') / 1000));
    console.log(
      `\nTargets on PostgreSQL, ${first.notes} notes: run ≤ ${TARGET_RUN_SECONDS} s — ${seconds.toFixed(1)} s, ${seconds <= TARGET_RUN_SECONDS ? 'met' : 'MISSED'}; 837 writer ≥ ${TARGET_WRITER_MB_PER_SECOND} MB/s — ${rate.toFixed(1)} MB/s, ${rate >= TARGET_WRITER_MB_PER_SECOND ? 'met' : 'MISSED'}.`,
    );
  }
}

async function main(): Promise<void> {
  const results: Measured[] = [];
  try {
    for (const db of databases) {
      for (const size of sizes) {
        const notes = Math.round(totalNotes * size);
        const members = Math.max(1, Math.round(totalMembers * size));
        if (db === 'pg') await onPostgres(notes, members, results);
        else await onPglite(notes, members, results);
        await cleanUp();
      }
    }
  } finally {
    await cleanUp();
  }
  report(results);
}

await main();
