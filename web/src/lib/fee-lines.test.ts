/**
 * The fee schedule in words: the expected rate falls back from the rate entered to the payer's own rate to
 * "Not on file", and each history entry says what changed, before → after, so billing staff can read who
 * changed a price without opening the CSV.
 */
import { describe, expect, it } from 'vitest';
import type { FeeChange, FeeLine, FeeSnapshot } from '../../../src/shared/api/fee-schedule.js';
import { formatDate } from './format.js';
import { changedParts, describeFeeChange, expectedRateText, feeService, feesByPayer } from './fee-lines.js';

const NAMES = {
  payerName: (id: string) => (id === 'nc-wellcare' ? 'WellCare of North Carolina' : id),
  programName: (id: string) => (id === 'p1' ? 'Durham Peer Support' : id),
};

const SNAPSHOT: FeeSnapshot = {
  payerPack: 'nc-wellcare',
  programId: null,
  code: 'H0038',
  modifiers: ['HQ'],
  effectiveFrom: '2026-01-01',
  effectiveTo: null,
  unitChargeCents: 500,
  expectedUnitRateCents: null,
};

function change(
  action: FeeChange['action'],
  before: FeeSnapshot | null,
  after: FeeSnapshot | null,
): FeeChange {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    feeId: '00000000-0000-4000-8000-000000000002',
    action,
    before,
    after,
    changedBy: 'Tariq Gupta',
    changedAt: '2026-12-07T10:00:00.000Z',
  };
}

function line(payerPack: string, code: string): FeeLine {
  return {
    id: `${payerPack}-${code}`,
    payerPack,
    payerName: NAMES.payerName(payerPack),
    program: null,
    code,
    modifiers: [],
    effectiveFrom: '2026-01-01',
    effectiveTo: null,
    unitChargeCents: 100,
    expectedUnitRateCents: null,
    packUnitRateCents: null,
    updatedAt: '2026-12-07T10:00:00.000Z',
    updatedBy: null,
  };
}

describe('feeService', () => {
  it('names the service with its modifiers, as billed', () => {
    expect(feeService({ code: 'H0038', modifiers: ['HQ'] })).toBe('H0038 HQ');
    expect(feeService({ code: 'H0038', modifiers: [] })).toBe('H0038');
  });
});

describe('expectedRateText', () => {
  it.each([
    [{ expectedUnitRateCents: 1000, packUnitRateCents: 1175 }, '$10.00'],
    [{ expectedUnitRateCents: null, packUnitRateCents: 1175 }, 'Payer’s rate $11.75'],
    [{ expectedUnitRateCents: null, packUnitRateCents: null }, 'Not on file'],
    [{ expectedUnitRateCents: 0, packUnitRateCents: 1175 }, '$0.00'],
  ])('shows %j as %j', (rates, text) => {
    expect(expectedRateText(rates)).toBe(text);
  });
});

describe('feesByPayer', () => {
  it('groups lines by payer in the order the payers first appear', () => {
    const groups = feesByPayer([
      line('ks-pahp', 'H0038'),
      line('nc-wellcare', 'H0038'),
      line('ks-pahp', 'H0025'),
    ]);
    expect(groups.map((group) => [group.payerPack, group.fees.map((fee) => fee.code)])).toEqual([
      ['ks-pahp', ['H0038', 'H0025']],
      ['nc-wellcare', ['H0038']],
    ]);
  });
});

describe('describeFeeChange', () => {
  it('says what a change did, before → after, part by part', () => {
    const after = {
      ...SNAPSHOT,
      unitChargeCents: 625,
      effectiveTo: '2026-12-31',
      expectedUnitRateCents: 600,
    };
    expect(changedParts(SNAPSHOT, after)).toEqual([
      'charge $5.00 → $6.25',
      'expected rate the payer’s rate → $6.00',
      `last day no end date → ${formatDate('2026-12-31')}`,
    ]);
    expect(describeFeeChange(change('changed', SNAPSHOT, after), NAMES)).toBe(
      `Changed H0038 HQ under WellCare of North Carolina (all programs): charge $5.00 → $6.25; expected rate the payer’s rate → $6.00; last day no end date → ${formatDate('2026-12-31')}.`,
    );
  });

  it('says what was added and removed, with the price and the program', () => {
    const forProgram = { ...SNAPSHOT, programId: 'p1' };
    expect(describeFeeChange(change('added', null, forProgram), NAMES)).toBe(
      `Added H0038 HQ under WellCare of North Carolina (only Durham Peer Support): $5.00 a unit, expected the payer’s rate, from ${formatDate('2026-01-01')}.`,
    );
    expect(describeFeeChange(change('removed', SNAPSHOT, null), NAMES)).toBe(
      `Removed H0038 HQ under WellCare of North Carolina (all programs): it was $5.00 a unit, expected the payer’s rate, from ${formatDate('2026-01-01')}.`,
    );
  });
});
