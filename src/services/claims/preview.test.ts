/**
 * previewClaim: the one entry point the API, the CLI, the note form and the billing run share. These cases
 * pin how the pack is chosen and what happens when none applies; the rules themselves are tested per pack
 * in src/engine/packs.
 */
import { describe, expect, it } from 'vitest';
import { allPacks } from '../../engine/index.js';
import { ClaimPreviewRequestSchema, ClaimPreviewSchema } from '../../shared/api/claims.js';
import { billableCaDhcsRequest, type ClaimPreviewRequestInput } from '../../testing/claim-requests.js';
import { TEST_UNIT_CHARGE_CENTS } from '../../testing/rule-table.js';
import { ServiceError } from '../errors.js';
import { NO_PACK, previewClaim } from './index.js';
import { noPackError } from './preview.js';

function parse(input: ClaimPreviewRequestInput): ReturnType<typeof ClaimPreviewRequestSchema.parse> {
  return ClaimPreviewRequestSchema.parse(input);
}

/** Runs `work`, expecting it to throw a ServiceError, and returns that error. */
function serviceErrorOf(work: () => unknown): ServiceError {
  try {
    work();
  } catch (error) {
    if (error instanceof ServiceError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a ServiceError, but nothing was thrown');
}

describe('previewClaim', () => {
  it('judges a service under the member’s coverage on the date of service and prices the line', () => {
    const preview = previewClaim(parse(billableCaDhcsRequest()));
    expect(ClaimPreviewSchema.parse(preview)).toEqual(preview);
    expect(preview.pack.id).toBe('ca-dhcs');
    expect(preview.billable).toBe(true);
    expect(preview.minutes).toBe(60);
    expect(preview.lines).toEqual([
      expect.objectContaining({
        code: 'H0038',
        units: 4,
        unitChargeCents: TEST_UNIT_CHARGE_CENTS,
        chargeCents: 4 * TEST_UNIT_CHARGE_CENTS,
        // DHCS publishes no statewide H0038 rate and the request's fee gives none: unknown, not LA's $46.67.
        unitRateCents: null,
        expectedCents: null,
      }),
    ]);
    // Checks are costly and noisy: only on request.
    expect(preview.checks).toBeUndefined();
  });

  it('explains every rule it evaluated when asked, with the values each compared', () => {
    const preview = previewClaim(parse(billableCaDhcsRequest()), { explainAll: true });
    expect(preview.checks?.length).toBeGreaterThan(0);
    expect(preview.checks?.every((check) => check.passed)).toBe(true);
    const pos = preview.checks?.find((check) => check.ruleId === 'ca-dhcs.pos.excluded');
    expect(pos?.comparisons).toEqual([
      { fact: 'service.placeOfService', operator: 'notIn', actual: '11', expected: ['09'] },
    ]);
  });

  it('keeps explained checks intact through JSON: a comparison without an expected value says null', () => {
    const preview = previewClaim(parse(billableCaDhcsRequest()), { explainAll: true });
    // What a client receives must parse with the contract it was sent under.
    const received = ClaimPreviewSchema.parse(JSON.parse(JSON.stringify(preview)));
    expect(received).toEqual(preview);
    const signed = preview.checks?.find((check) => check.ruleId === 'ca-dhcs.note.signed');
    expect(signed?.comparisons).toEqual([
      { fact: 'service.signed', operator: 'isTrue', actual: true, expected: null },
    ]);
  });

  it('previews a service that breaks a rule instead of refusing it: billable false, with the cited problem', () => {
    const input = billableCaDhcsRequest();
    input.service.placeOfService = '09';
    const preview = previewClaim(parse(input));
    expect(preview.billable).toBe(false);
    expect(preview.problems.find((problem) => problem.code === 'ca-dhcs.pos.excluded')?.source).toMatchObject(
      {
        ruleId: 'ca-dhcs.pos.excluded',
        ruleVersion: '1',
      },
    );
  });

  it('uses the pack the request names even when the member has no coverage on file', () => {
    const input = { ...billableCaDhcsRequest(), payerPack: 'ca-dhcs' as const };
    input.member.coverage = [];
    const preview = previewClaim(parse(input));
    expect(preview.pack.id).toBe('ca-dhcs');
    // The pack's own rule then says the coverage is missing.
    expect(preview.problems.map((problem) => problem.code)).toContain('ca-dhcs.member.covered');
  });

  it('refuses a member with no coverage on the date of service, naming the date and the coverage field', () => {
    const input = billableCaDhcsRequest();
    input.member.coverage = [{ payerPack: 'ca-dhcs', memberId: 'ZZCA00000001', from: '2026-12-01' }];
    const error = serviceErrorOf(() => previewClaim(parse(input)));
    expect(error.kind).toBe('invalid');
    expect(error.problems).toEqual([
      expect.objectContaining({ severity: 'error', code: NO_PACK, path: ['body', 'member', 'coverage'] }),
    ]);
    expect(error.problems[0]?.message).toContain('2026-11-18');
  });

  it('refuses coverage with a payer whose pack is not loaded, naming the payer and the packs available', () => {
    const loaded = allPacks().filter((pack) => pack.id === 'ca-dhcs');
    const input = billableCaDhcsRequest();
    input.member.coverage = [
      { payerPack: 'ks-pahp', memberId: 'ZZKS00000001', from: '2026-01-01' },
      { payerPack: 'ca-dhcs', memberId: 'ZZCA00000001', from: '2020-01-01', to: '2020-12-31' },
    ];
    const error = noPackError(parse(input), loaded);
    expect(error.kind).toBe('invalid');
    expect(error.problems).toEqual([
      expect.objectContaining({ code: NO_PACK, path: ['body', 'member', 'coverage'] }),
    ]);
    const message = error.problems[0]?.message ?? '';
    expect(message).toContain('2026-11-18');
    expect(message).toContain('Kansas Mental Health PAHP (ks-pahp)');
    expect(message).toContain('Packs available: California Medi-Cal (DHCS) (ca-dhcs).');
  });

  it('refuses a named pack that is not loaded, pointing at payerPack', () => {
    const loaded = allPacks().filter((pack) => pack.id !== 'nc-wellcare');
    const error = noPackError(parse({ ...billableCaDhcsRequest(), payerPack: 'nc-wellcare' }), loaded);
    expect(error.kind).toBe('invalid');
    expect(error.problems[0]).toMatchObject({ code: NO_PACK, path: ['body', 'payerPack'] });
    const message = error.problems[0]?.message ?? '';
    expect(message).toContain('WellCare of North Carolina (nc-wellcare)');
    expect(message).toContain('2026-11-18');
    // The alternatives offered are the packs loaded, not the one that is missing.
    expect(message.slice(message.indexOf('Packs available:'))).toMatch(/^Packs available: .*\(ca-dhcs\)/);
    expect(message.slice(message.indexOf('Packs available:'))).not.toContain('nc-wellcare');
  });

  it('is deterministic: the same request gives the same preview', () => {
    const request = parse(billableCaDhcsRequest());
    expect(previewClaim(request, { explainAll: true })).toEqual(previewClaim(request, { explainAll: true }));
    expect(allPacks().length).toBeGreaterThan(0);
  });
});
