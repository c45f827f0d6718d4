/**
 * Every pack test — the rule tables above all — run with each preview judged twice: by the generated rule
 * runner (`evaluateService`) and by the compiled closures (`evaluateServiceInterpreted`, the reference). The
 * two answers must serialise to the same JSON, key order included, or the test that asked fails.
 */
import { expect, vi } from 'vitest';
import type * as Evaluate from './evaluate.js';

vi.mock('./evaluate.js', async (importOriginal) => {
  const real = await importOriginal<typeof Evaluate>();
  const evaluateService: typeof real.evaluateService = (pack, request, options) => {
    // The reference first, on a copy: neither may see what the other did to the request.
    const reference = JSON.stringify(
      real.evaluateServiceInterpreted(pack, structuredClone(request), options),
    );
    const preview = real.evaluateService(pack, request, options);
    expect(JSON.stringify(preview)).toBe(reference);
    judged.count += 1;
    return preview;
  };
  return { ...real, evaluateService };
});

/** How many previews were compared (the last test checks the mock was in the way). */
const judged = vi.hoisted(() => ({ count: 0 }));

await import('../packs/ca-dhcs.test.js');
await import('../packs/ca-acbhd.test.js');
await import('../packs/ca-la-sapc.test.js');
await import('../packs/nc-wellcare.test.js');
await import('../packs/ks-pahp.test.js');

const { it } = await import('vitest');
it('compared the previews of the pack tests', () => {
  expect(judged.count).toBeGreaterThan(300);
});
