/**
 * Throughput of the 837P writer, for the billing benchmark's target of at least 50 MB/s. Off by default: timings
 * on a shared machine are not a pass/fail matter for the unit suite. Run with
 * `X12_THROUGHPUT=1 npx vitest run src/x12/throughput.test.ts`; it prints MB/s, counting validation, for about
 * 100,000 and 1,000,000 service lines, written as a stream whose chunks are only counted, and the most the heap
 * grew while the file was streamed. CPU time is reported beside the clock because other work on a shared machine
 * stretches the clock but not the CPU time this process used.
 */
import { describe, expect, it } from 'vitest';
import { fixtureBatch, syntheticClaims } from './fixtures.js';
import { chunks837, type Summary837 } from './index.js';

/** Streams `claims` claims: the best wall and CPU time of `runs`, and the largest heap growth seen while streaming. */
function measure(
  claims: number,
  runs: number,
): { summary: Summary837; seconds: number; cpuSeconds: number; heapGrowthMb: number } {
  const batch = fixtureBatch(syntheticClaims(claims));
  let best = Number.POSITIVE_INFINITY;
  let bestCpu = Number.POSITIVE_INFINITY;
  let heapGrowth = 0;
  let summary: Summary837 | undefined;
  for (let run = 0; run < runs; run += 1) {
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const cpu = process.cpuUsage();
    const chunks = chunks837(batch);
    let count = 0;
    for (let step = chunks.next(); ; step = chunks.next()) {
      if (step.done === true) {
        summary = step.value;
        break;
      }
      count += 1;
      if (count % 256 === 0) {
        heapGrowth = Math.max(heapGrowth, process.memoryUsage().heapUsed - heapBefore);
      }
    }
    best = Math.min(best, (performance.now() - started) / 1000);
    const used = process.cpuUsage(cpu);
    bestCpu = Math.min(bestCpu, (used.user + used.system) / 1e6);
  }
  if (summary === undefined) {
    throw new Error('no run');
  }
  return { summary, seconds: best, cpuSeconds: bestCpu, heapGrowthMb: heapGrowth / 1e6 };
}

describe.runIf(process.env.X12_THROUGHPUT === '1')('837P writer throughput', () => {
  for (const [claims, runs] of [
    [33_500, 5],
    [333_500, 2],
  ] as const) {
    it(`streams about ${(claims * 3).toLocaleString('en-US')} lines`, () => {
      const { summary, seconds, cpuSeconds, heapGrowthMb } = measure(claims, runs);
      const megabytes = summary.characters / 1e6;
      console.log(
        `${summary.lines} lines, ${summary.claims} claims, ${megabytes.toFixed(1)} MB in ${seconds.toFixed(3)} s: ` +
          `${(megabytes / seconds).toFixed(1)} MB/s by the clock, ${(megabytes / cpuSeconds).toFixed(1)} MB/s of CPU ` +
          `time (validation included; the CPU figure holds when the machine is shared); heap grew at most ` +
          `${heapGrowthMb.toFixed(1)} MB`,
      );
      expect(summary.claims).toBe(claims);
    }, 600_000);
  }
});
