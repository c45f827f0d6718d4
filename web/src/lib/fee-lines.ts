/**
 * @module web/lib/fee-lines
 * Fee schedule lines and their changes in words, for the Fee schedule page and the payer rules page: the
 * service a line prices ("H0038 HQ"), the expected rate a line stands for (entered, the payer's own, or not
 * on file), the lines grouped by payer, and one history entry as a sentence ("changed the charge $5.00 →
 * $6.25"). Pure, so the wording is tested without a browser.
 */
import type { FeeChange, FeeLine, FeeSnapshot } from '../../../src/shared/api/fee-schedule.js';
import { formatCents, formatDate } from './format.js';

/** The service a line prices, as billed: its code and modifiers, e.g. "H0038 HQ". */
export function feeService(line: { code: string; modifiers: readonly string[] }): string {
  return [line.code, ...line.modifiers].join(' ');
}

/**
 * What the payer is expected to pay for a unit, in words: the rate entered; else the payer's own rate the
 * rules hold ("Payer's rate $11.75"); else "Not on file" (reports then show no expected payment).
 */
export function expectedRateText(line: Pick<FeeLine, 'expectedUnitRateCents' | 'packUnitRateCents'>): string {
  if (line.expectedUnitRateCents !== null) return formatCents(line.expectedUnitRateCents);
  if (line.packUnitRateCents !== null) return `Payer’s rate ${formatCents(line.packUnitRateCents)}`;
  return 'Not on file';
}

/** "From Jan 1, 2020" or "Jan 1, 2020 to Jun 30, 2026": the days a line or snapshot is in force. */
export function feeDates(line: { effectiveFrom: string; effectiveTo: string | null }): string {
  return line.effectiveTo === null
    ? `from ${formatDate(line.effectiveFrom)}`
    : `${formatDate(line.effectiveFrom)} to ${formatDate(line.effectiveTo)}`;
}

/** The lines of one payer, in the order the server gave them. */
export interface PayerFees {
  payerPack: string;
  payerName: string;
  fees: FeeLine[];
}

/** The lines grouped by payer, payers in the order they first appear (the server sorts by payer). */
export function feesByPayer(fees: readonly FeeLine[]): PayerFees[] {
  const groups = new Map<string, PayerFees>();
  for (const fee of fees) {
    const group = groups.get(fee.payerPack) ?? {
      payerPack: fee.payerPack,
      payerName: fee.payerName,
      fees: [],
    };
    group.fees.push(fee);
    groups.set(fee.payerPack, group);
  }
  return [...groups.values()];
}

/** Names the history needs that a snapshot holds only as ids. */
export interface FeeNames {
  payerName: (payerPack: string) => string;
  programName: (programId: string) => string;
}

/** "H0038 HQ under WellCare of North Carolina (all programs)": which line a change is about. */
export function snapshotSubject(snapshot: FeeSnapshot, names: FeeNames): string {
  const program =
    snapshot.programId === null ? 'all programs' : `only ${names.programName(snapshot.programId)}`;
  return `${feeService(snapshot)} under ${names.payerName(snapshot.payerPack)} (${program})`;
}

const expectedWords = (cents: number | null): string =>
  cents === null ? 'the payer’s rate' : formatCents(cents);
const lastDayWords = (date: string | null): string => (date === null ? 'no end date' : formatDate(date));

/** What a change did to a line's price and dates, part by part ("charge $5.00 → $6.25"). */
export function changedParts(before: FeeSnapshot, after: FeeSnapshot): string[] {
  const parts: string[] = [];
  if (before.unitChargeCents !== after.unitChargeCents) {
    parts.push(`charge ${formatCents(before.unitChargeCents)} → ${formatCents(after.unitChargeCents)}`);
  }
  if (before.expectedUnitRateCents !== after.expectedUnitRateCents) {
    parts.push(
      `expected rate ${expectedWords(before.expectedUnitRateCents)} → ${expectedWords(after.expectedUnitRateCents)}`,
    );
  }
  if (before.effectiveFrom !== after.effectiveFrom) {
    parts.push(`first day ${formatDate(before.effectiveFrom)} → ${formatDate(after.effectiveFrom)}`);
  }
  if (before.effectiveTo !== after.effectiveTo) {
    parts.push(`last day ${lastDayWords(before.effectiveTo)} → ${lastDayWords(after.effectiveTo)}`);
  }
  return parts;
}

/** A snapshot's price in words: "$5.00 a unit, expected the payer’s rate, from Jan 1, 2020". */
function priceWords(snapshot: FeeSnapshot): string {
  return `${formatCents(snapshot.unitChargeCents)} a unit, expected ${expectedWords(snapshot.expectedUnitRateCents)}, ${feeDates(snapshot)}`;
}

/**
 * One history entry as a sentence without its author and time (the page shows those beside it), e.g.
 * "Changed H0038 HQ under WellCare of North Carolina (all programs): charge $5.00 → $6.25."
 */
export function describeFeeChange(change: FeeChange, names: FeeNames): string {
  switch (change.action) {
    case 'added':
      return change.after === null
        ? 'Added a price.'
        : `Added ${snapshotSubject(change.after, names)}: ${priceWords(change.after)}.`;
    case 'removed':
      return change.before === null
        ? 'Removed a price.'
        : `Removed ${snapshotSubject(change.before, names)}: it was ${priceWords(change.before)}.`;
    case 'changed': {
      if (change.before === null || change.after === null) return 'Changed a price.';
      const parts = changedParts(change.before, change.after);
      return `Changed ${snapshotSubject(change.after, names)}: ${parts.length === 0 ? 'nothing that shows' : parts.join('; ')}.`;
    }
  }
}
