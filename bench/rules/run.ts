/**
 * @module bench/rules/run
 * `npm run bench:rules`: services evaluated per second by the rules engine on one core, and json-rules-engine 7
 * on the same subset of checks. Prints a table; writes nothing. Not part of `npm test`.
 *
 * Method:
 * 1. Generate a pool of distinct synthetic services (default 10,000) across every loaded pack, each parsed once
 *    through the API schema (bench/rules/generate.ts); the timed loops cycle through the pool.
 * 2. Build the "same subset" on both sides from the same pack data: reduced packs for our engine
 *    (bench/rules/subset.ts) and json-rules-engine rules (bench/rules/jre.ts). Before timing, check for every
 *    service of the pool that both give the same code, modifiers, place of service and problems (with filled
 *    messages) — awaited one by one and batched — and that the reduced pack reports exactly the full pack's
 *    subset problems. Any disagreement stops the benchmark.
 * 3. Warm up, then run rounds; each round times every variant once (interleaved, so background load spreads
 *    over all of them). Our engine evaluates 1,000,000 services per variant in total (5 runs of 200,000);
 *    json-rules-engine, being much slower, 75,000 (5 runs of 15,000). Report the median run and its spread,
 *    as services per CPU-second of the process (robust when other work shares the machine) and per
 *    wall-clock second.
 *
 * One core: the script re-runs itself under `taskset -c <last cpu>` when taskset exists, so the loop and V8's
 * helper threads (GC, JIT) all share one CPU; the loop itself is single-threaded either way.
 *
 * Options: --pool N; --services N and --jre-services N (totals per variant); --runs N; --batch N (Promise.all
 * batch size); --seed S; --packs id,id (a subset of the loaded packs); --only ours|jre|ours-full|… (e.g. for
 * `node --cpu-prof`); --quick (small counts, to check the machinery).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { allPacks, evaluateService, type Pack } from '../../src/engine/index.js';
import type { ClaimPreviewRequest } from '../../src/shared/api/claims.js';
import { PACK_WEIGHTS, generateServices, type BenchService } from './generate.js';
import { JrePack, type RunFacts } from './jre.js';
import {
  outcomeOfPreview,
  precomputeFacts,
  reducedPacks,
  sameOutcome,
  subsetRulesOf,
  type FactRecord,
  type Outcome,
} from './subset.js';

const PINNED_ENV = 'PEERLINE_BENCH_PINNED';
const TARGET_SERVICES_PER_SECOND = 500_000;
const TARGET_RATIO = 20;

const { values: args } = parseArgs({
  options: {
    pool: { type: 'string', default: '10000' },
    services: { type: 'string', default: '1000000' },
    'jre-services': { type: 'string', default: '75000' },
    runs: { type: 'string', default: '5' },
    batch: { type: 'string', default: '100' },
    seed: { type: 'string', default: 'peerline-rules-bench' },
    only: { type: 'string' },
    packs: { type: 'string' },
    quick: { type: 'boolean', default: false },
  },
});

function positiveInt(name: string, text: string | undefined): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new Error(`--${name} must be a positive whole number, not ${text}`);
  }
  return value;
}

const POOL = args.quick ? 2_000 : positiveInt('pool', args.pool);
/** Services our engine evaluates per variant, over all runs. */
const OURS_TOTAL = args.quick ? 100_000 : positiveInt('services', args.services);
/** Services json-rules-engine evaluates per variant, over all runs. */
const JRE_TOTAL = args.quick ? 6_000 : positiveInt('jre-services', args['jre-services']);
const RUNS = args.quick ? 3 : positiveInt('runs', args.runs);
const BATCH = positiveInt('batch', args.batch);
const SEED = args.seed;
const ONLY = args.only;
/** Pack ids to benchmark (comma-separated); all loaded packs when omitted. */
const PACK_FILTER = args.packs?.split(',').map((id) => id.trim());

/** Re-runs this script pinned to one CPU (with --expose-gc), unless already pinned or taskset is missing. */
function pinToOneCore(): string {
  const pinned = process.env[PINNED_ENV];
  if (pinned !== undefined) {
    return pinned;
  }
  if (process.platform !== 'linux' || !existsSync('/usr/bin/taskset')) {
    return 'not pinned (no taskset): the loop is single-threaded; V8 GC/JIT helper threads may use other cores';
  }
  const cpu = String(availableParallelism() - 1);
  const description = `pinned to CPU ${cpu} with taskset: loop, GC and JIT threads all share one core`;
  const script = fileURLToPath(import.meta.url);
  const child = spawnSync(
    '/usr/bin/taskset',
    ['-c', cpu, process.execPath, ...process.execArgv, '--expose-gc', script, ...process.argv.slice(2)],
    { stdio: 'inherit', env: { ...process.env, [PINNED_ENV]: description } },
  );
  process.exit(child.status ?? 1);
}

function collectGarbage(): void {
  const gc: unknown = Reflect.get(globalThis, 'gc');
  if (typeof gc === 'function') {
    (gc as () => void)();
  }
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((entry) => entry.startsWith('model name'));
    return line?.split(':')[1]?.trim() ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function jreVersion(): string {
  const manifest: unknown = JSON.parse(
    readFileSync(createRequire(import.meta.url).resolve('json-rules-engine/package.json'), 'utf8'),
  );
  return typeof manifest === 'object' && manifest !== null && 'version' in manifest
    ? String(manifest.version)
    : 'unknown';
}

interface Prepared {
  readonly fullPack: Pack;
  readonly reducedPack: Pack;
  readonly request: ClaimPreviewRequest;
  readonly jre: JrePack;
  readonly precomputed: FactRecord;
  readonly runFacts: RunFacts;
  readonly subsetRuleIds: ReadonlySet<string>;
}

function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) {
    throw new RangeError(`no item ${index}`);
  }
  return item;
}

// ---------------------------------------------------------------------------------------------------------
// Timed loops. Each returns a checksum so the work cannot be optimised away.

interface Timing {
  /** Wall-clock seconds. */
  readonly seconds: number;
  /** Process CPU seconds (user + system): what the run cost the one core, whatever else the machine ran. */
  readonly cpuSeconds: number;
  readonly checksum: number;
}

interface Clock {
  readonly wall: number;
  readonly cpu: NodeJS.CpuUsage;
}

function startClock(): Clock {
  return { wall: performance.now(), cpu: process.cpuUsage() };
}

function stopClock(clock: Clock, checksum: number): Timing {
  const cpu = process.cpuUsage(clock.cpu);
  return {
    seconds: (performance.now() - clock.wall) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    checksum,
  };
}

function timeOurs(pool: readonly Prepared[], count: number, reduced: boolean): Timing {
  const size = pool.length;
  let checksum = 0;
  const clock = startClock();
  for (let index = 0, cursor = 0; index < count; index += 1) {
    const item = at(pool, cursor);
    const preview = evaluateService(reduced ? item.reducedPack : item.fullPack, item.request);
    checksum += preview.problems.length + (preview.lines[0]?.chargeCents ?? 0);
    cursor = cursor + 1 === size ? 0 : cursor + 1;
  }
  return stopClock(clock, checksum);
}

async function timeJreSequential(pool: readonly Prepared[], count: number): Promise<Timing> {
  const size = pool.length;
  let checksum = 0;
  const clock = startClock();
  for (let index = 0, cursor = 0; index < count; index += 1) {
    const item = at(pool, cursor);
    const outcome = await item.jre.evaluate(item.runFacts, item.precomputed);
    checksum += outcome.problems.length + outcome.modifiers.length;
    cursor = cursor + 1 === size ? 0 : cursor + 1;
  }
  return stopClock(clock, checksum);
}

/** Batches of `batch` services with Promise.all, one Engine per slot in the batch. */
async function timeJreBatched(pool: readonly Prepared[], count: number, batch: number): Promise<Timing> {
  const size = pool.length;
  let checksum = 0;
  const clock = startClock();
  for (let done = 0, cursor = 0; done < count;) {
    const inBatch = Math.min(batch, count - done);
    const runs: Promise<Outcome>[] = [];
    for (let slot = 0; slot < inBatch; slot += 1) {
      const item = at(pool, cursor);
      runs.push(item.jre.evaluate(item.runFacts, item.precomputed, slot));
      cursor = cursor + 1 === size ? 0 : cursor + 1;
    }
    for (const outcome of await Promise.all(runs)) {
      checksum += outcome.problems.length + outcome.modifiers.length;
    }
    done += inBatch;
  }
  return stopClock(clock, checksum);
}

// ---------------------------------------------------------------------------------------------------------
// Agreement: both sides must make the same decisions before anything is timed.

async function verify(pool: readonly Prepared[]): Promise<{ sharedEngineMismatches: number }> {
  const describe = (outcome: Outcome): string => JSON.stringify(outcome, null, 1);
  for (const [index, item] of pool.entries()) {
    const ours = outcomeOfPreview(evaluateService(item.reducedPack, item.request), item.subsetRuleIds);
    const full = outcomeOfPreview(evaluateService(item.fullPack, item.request), item.subsetRuleIds);
    if (!sameOutcome(ours, full)) {
      throw new Error(
        `Service ${index} (${item.fullPack.id}): the reduced pack disagrees with the full pack.\n` +
          `reduced: ${describe(ours)}\nfull: ${describe(full)}`,
      );
    }
    const theirs = await item.jre.evaluate(item.runFacts, item.precomputed);
    if (!sameOutcome(ours, theirs)) {
      throw new Error(
        `Service ${index} (${item.fullPack.id}): json-rules-engine disagrees with our engine.\n` +
          `ours: ${describe(ours)}\njson-rules-engine: ${describe(theirs)}\nrequest: ${JSON.stringify(item.request)}`,
      );
    }
  }
  // Batched as timed (one Engine per slot) must agree too.
  for (let start = 0; start < pool.length; start += BATCH) {
    const items = pool.slice(start, start + BATCH);
    const outcomes = await Promise.all(
      items.map((item, slot) => item.jre.evaluate(item.runFacts, item.precomputed, slot)),
    );
    outcomes.forEach((outcome, offset) => {
      const item = at(items, offset);
      const ours = outcomeOfPreview(evaluateService(item.reducedPack, item.request), item.subsetRuleIds);
      if (!sameOutcome(ours, outcome)) {
        throw new Error(`Service ${start + offset}: batched json-rules-engine disagrees with our engine.`);
      }
    });
  }
  // For the record: overlapping runs on ONE Engine (its run status is per engine, not per run).
  let sharedEngineMismatches = 0;
  for (let start = 0; start < pool.length; start += BATCH) {
    const items = pool.slice(start, start + BATCH);
    const outcomes = await Promise.all(
      items.map((item) => item.jre.evaluate(item.runFacts, item.precomputed, 0)),
    );
    outcomes.forEach((outcome, offset) => {
      const item = at(items, offset);
      const ours = outcomeOfPreview(evaluateService(item.reducedPack, item.request), item.subsetRuleIds);
      if (!sameOutcome(ours, outcome)) {
        sharedEngineMismatches += 1;
      }
    });
  }
  return { sharedEngineMismatches };
}

// ---------------------------------------------------------------------------------------------------------
// Report.

type VariantKey = 'ours-full' | 'ours-subset' | 'jre-await' | 'jre-batch';

interface Variant {
  readonly key: VariantKey;
  readonly label: string;
  readonly perRun: number;
  readonly time: (count: number) => Promise<Timing> | Timing;
  readonly cpuRates: number[];
  readonly wallRates: number[];
}

interface Summary {
  readonly median: number;
  readonly low: number;
  readonly high: number;
  /** (max − min) / median, in per cent. */
  readonly spread: number;
}

function summarise(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? at(sorted, middle) : (at(sorted, middle - 1) + at(sorted, middle)) / 2;
  const low = at(sorted, 0);
  const high = at(sorted, sorted.length - 1);
  return { median, low, high, spread: (100 * (high - low)) / median };
}

const formatRate = (value: number): string => Math.round(value).toLocaleString('en-US');
const formatCount = (value: number): string => value.toLocaleString('en-US');
const percent = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(1)} %`;

function mixSummary(services: readonly BenchService[]): string[] {
  const lines: string[] = [];
  const byPack = new Map<Pack['id'], { count: number; notBillable: number; anyProblem: number }>();
  const codes = new Map<string, number>();
  for (const { pack, request } of services) {
    const preview = evaluateService(pack, request);
    const entry = byPack.get(pack.id) ?? { count: 0, notBillable: 0, anyProblem: 0 };
    entry.count += 1;
    entry.notBillable += preview.billable ? 0 : 1;
    entry.anyProblem += preview.problems.some((problem) => problem.severity !== 'info') ? 1 : 0;
    byPack.set(pack.id, entry);
    for (const problem of preview.problems) {
      if (problem.severity !== 'info') {
        codes.set(problem.code, (codes.get(problem.code) ?? 0) + 1);
      }
    }
  }
  const total = { count: 0, notBillable: 0, anyProblem: 0 };
  for (const [id, entry] of byPack) {
    lines.push(
      `  ${id.padEnd(12)} ${String(entry.count).padStart(6)} (weight ${String(PACK_WEIGHTS[id]).padStart(2)}): ` +
        `not billable ${percent(entry.notBillable, entry.count).padStart(6)}, ` +
        `with an error or warning ${percent(entry.anyProblem, entry.count).padStart(7)}`,
    );
    total.count += entry.count;
    total.notBillable += entry.notBillable;
    total.anyProblem += entry.anyProblem;
  }
  lines.push(
    `  ${'all'.padEnd(12)} ${String(total.count).padStart(6)}             ` +
      `not billable ${percent(total.notBillable, total.count).padStart(6)}, ` +
      `with an error or warning ${percent(total.anyProblem, total.count).padStart(7)}`,
  );
  const top = [...codes.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10);
  lines.push(`  most frequent problems: ${top.map(([code, count]) => `${code} ${count}`).join(', ')}`);
  return lines;
}

async function main(): Promise<void> {
  const pinning = pinToOneCore();
  const startedAt = performance.now();
  const packs = allPacks().filter((pack) => PACK_FILTER === undefined || PACK_FILTER.includes(pack.id));
  console.log('Peerline rules-engine benchmark (npm run bench:rules)');
  console.log(
    `Machine: ${cpus().length} CPUs (nproc), ${cpuModel()}; Node ${process.version}; ` +
      `json-rules-engine ${jreVersion()}; load average at start ${loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')}`,
  );
  console.log(`One core: ${pinning}.`);
  console.log(`Packs loaded: ${packs.map((pack) => `${pack.id}@${pack.version}`).join(', ')}`);

  const services = generateServices({ seed: SEED, count: POOL, packs });
  console.log(
    `\nPool: ${formatCount(POOL)} distinct services (seed "${SEED}"), cycled through by the timed loops`,
  );
  for (const line of mixSummary(services)) {
    console.log(line);
  }

  const reduced = reducedPacks(packs);
  const jrePacks = new Map<string, JrePack>();
  for (const pack of reduced.values()) {
    jrePacks.set(pack.id, new JrePack(pack));
  }
  console.log(
    '\nSame subset: code choice, units, place of service, modifiers, daily / episode / yearly limits',
  );
  for (const pack of packs) {
    const rules = subsetRulesOf(pack, packs);
    const claimRules = pack.rules.filter((rule) => rule.scope === 'claim').length;
    console.log(
      `  ${pack.id.padEnd(12)} ${rules.length} of ${claimRules} claim rules: ` +
        rules.map((rule) => rule.id.slice(rule.id.indexOf('.') + 1)).join(', '),
    );
  }

  const pool: Prepared[] = services.map(({ pack, request }) => {
    const reducedPack = reduced.get(pack.id);
    const jre = jrePacks.get(pack.id);
    if (reducedPack === undefined || jre === undefined) {
      throw new Error(`No reduced pack for ${pack.id}`);
    }
    const precomputed = precomputeFacts(reducedPack, request);
    return {
      fullPack: pack,
      reducedPack,
      request,
      jre,
      precomputed,
      runFacts: jre.runFacts(precomputed, request.authorizations),
      subsetRuleIds: new Set(reducedPack.rules.map((rule) => rule.id)),
    };
  });

  const { sharedEngineMismatches } = await verify(pool);
  console.log(
    `\nAgreement: for all ${formatCount(pool.length)} services, json-rules-engine (awaited one by one, and in ` +
      `Promise.all batches of ${BATCH}) and our engine give the same code, modifiers, place of service and ` +
      `problems (severity, rule, filled message); the reduced packs report exactly the full packs' subset problems.`,
  );
  console.log(
    `  Batches share no Engine (one per slot): Engine.run keeps its status on the Engine. Sharing one here gave ` +
      `${sharedEngineMismatches} wrong outcomes of ${formatCount(pool.length)}.`,
  );

  const oursPerRun = Math.ceil(OURS_TOTAL / RUNS);
  const jrePerRun = Math.ceil(JRE_TOTAL / RUNS);
  const allVariants: Variant[] = [
    {
      key: 'ours-full',
      label: 'Peerline engine, full packs',
      perRun: oursPerRun,
      time: (count) => timeOurs(pool, count, false),
      cpuRates: [],
      wallRates: [],
    },
    {
      key: 'ours-subset',
      label: 'Peerline engine, same subset',
      perRun: oursPerRun,
      time: (count) => timeOurs(pool, count, true),
      cpuRates: [],
      wallRates: [],
    },
    {
      key: 'jre-await',
      label: 'json-rules-engine, same subset, await each',
      perRun: jrePerRun,
      time: (count) => timeJreSequential(pool, count),
      cpuRates: [],
      wallRates: [],
    },
    {
      key: 'jre-batch',
      label: `json-rules-engine, same subset, Promise.all ×${BATCH}`,
      perRun: jrePerRun,
      time: (count) => timeJreBatched(pool, count, BATCH),
      cpuRates: [],
      wallRates: [],
    },
  ];
  const variants = allVariants.filter((variant) => ONLY === undefined || variant.key.startsWith(ONLY));

  // Warm-up, not counted: at least one pass over the pool and a fifth of a run.
  for (const variant of variants) {
    await variant.time(Math.max(pool.length, Math.ceil(variant.perRun / 5)));
  }

  let checksum = 0;
  for (let round = 0; round < RUNS; round += 1) {
    for (const variant of variants) {
      collectGarbage();
      const timing = await variant.time(variant.perRun);
      checksum += timing.checksum;
      variant.cpuRates.push(variant.perRun / timing.cpuSeconds);
      variant.wallRates.push(variant.perRun / timing.seconds);
    }
  }

  console.log(
    `\nResults: services per second on one core, median of ${RUNS} interleaved runs ` +
      `(per CPU-second of the process, and per wall-clock second):`,
  );
  const header =
    `  ${'Variant'.padEnd(46)} ${'per run'.padStart(9)} ${'CPU: median'.padStart(12)} ${'min–max'.padStart(19)} ` +
    `${'spread'.padStart(7)} ${'wall: median'.padStart(13)} ${'spread'.padStart(7)}`;
  console.log(header);
  const medians = new Map<VariantKey, number>();
  for (const variant of variants) {
    const cpu = summarise(variant.cpuRates);
    const wall = summarise(variant.wallRates);
    medians.set(variant.key, cpu.median);
    console.log(
      `  ${variant.label.padEnd(46)} ${formatCount(variant.perRun).padStart(9)} ${formatRate(cpu.median).padStart(12)} ` +
        `${`${formatRate(cpu.low)}–${formatRate(cpu.high)}`.padStart(19)} ${`${cpu.spread.toFixed(1)} %`.padStart(7)} ` +
        `${formatRate(wall.median).padStart(13)} ${`${wall.spread.toFixed(1)} %`.padStart(7)}`,
    );
  }

  const full = medians.get('ours-full');
  const subset = medians.get('ours-subset');
  const jreBest = Math.max(medians.get('jre-await') ?? 0, medians.get('jre-batch') ?? 0);
  console.log('\nTargets (CPU-time medians):');
  if (full !== undefined) {
    console.log(
      `  ≥ ${formatRate(TARGET_SERVICES_PER_SECOND)} services/s on one core, full packs: ${formatRate(full)} — ` +
        `${full >= TARGET_SERVICES_PER_SECOND ? 'met' : 'MISSED'}`,
    );
  }
  if (subset !== undefined && jreBest > 0) {
    const ratio = subset / jreBest;
    console.log(
      `  ≥ ${TARGET_RATIO}× json-rules-engine, same subset (vs its better mode): ${ratio.toFixed(1)}× — ` +
        `${ratio >= TARGET_RATIO ? 'met' : 'MISSED'}`,
    );
  }
  if (full !== undefined && jreBest > 0) {
    console.log(
      `  (our full packs vs json-rules-engine on the subset only: ${(full / jreBest).toFixed(1)}×)`,
    );
  }
  console.log(
    `\nLoad average at end ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}. Checksum ${checksum}. Took ${((performance.now() - startedAt) / 1000).toFixed(0)} s.`,
  );
}

await main();
