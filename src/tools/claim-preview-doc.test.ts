/**
 * docs/claim-preview.md is exactly what the generator renders from the contract, the packs and the
 * examples: change any of them without `npm run docs` and this fails.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOC_PATH, loadExamples, renderClaimPreviewDoc } from './claim-preview-doc.js';

describe('docs/claim-preview.md', () => {
  it('is up to date (run npm run docs)', () => {
    expect(readFileSync(DOC_PATH, 'utf8')).toBe(renderClaimPreviewDoc());
  });

  it('has a worked example per pack', () => {
    const packs = new Set(
      loadExamples().map((example) => (example.request as { payerPack?: string }).payerPack ?? 'by-coverage'),
    );
    expect([...packs].sort()).toEqual(['ca-acbhd', 'ca-dhcs', 'ca-la-sapc', 'ks-pahp', 'nc-wellcare']);
  });
});
