/**
 * @module services/fee-schedule/in-force
 * Which lines of an organisation's fee schedule price a service: pure functions over the stored lines, so
 * the claim context loads the schedule once and every note of a billing run (or the note form's preview)
 * picks its fees from it in memory. A program's own line wins over the organisation-wide line for the same
 * code and modifiers; the engine then picks the fee whose modifiers are the procedure's.
 */
import { getPack, inForce } from '../../engine/index.js';
import type { Fee } from '../../shared/api/claims.js';
import type { PayerPackId } from '../../shared/programs.js';

/** A fee schedule line as the claim context holds it. */
export interface StoredFee {
  id: string;
  payerPack: PayerPackId;
  programId: string | null;
  code: string;
  /** Sorted. */
  modifiers: readonly string[];
  effectiveFrom: string;
  effectiveTo: string | null;
  unitChargeCents: number;
  expectedUnitRateCents: number | null;
}

/** Code and modifiers, the key a program's line shadows an organisation-wide one by. */
export function feeKey(line: Pick<StoredFee, 'code' | 'modifiers'>): string {
  return [line.code, ...[...line.modifiers].sort()].join(' ');
}

/**
 * The fees in force on `date` for a note of `programId` judged under `payerPack`: the program's own lines,
 * and the organisation-wide lines for codes and modifiers the program has no line of its own for.
 */
export function feesInForce(
  schedule: readonly StoredFee[],
  payerPack: PayerPackId,
  programId: string,
  date: string,
): Fee[] {
  const own: StoredFee[] = [];
  const general: StoredFee[] = [];
  for (const line of schedule) {
    if (line.payerPack !== payerPack || !inForce(date, line.effectiveFrom, line.effectiveTo)) continue;
    if (line.programId === programId) own.push(line);
    else if (line.programId === null) general.push(line);
  }
  const ownKeys = new Set(own.map(feeKey));
  return [...own, ...general.filter((line) => !ownKeys.has(feeKey(line)))].map((line) => ({
    code: line.code,
    modifiers: [...line.modifiers],
    unitChargeCents: line.unitChargeCents,
    expectedUnitRateCents: line.expectedUnitRateCents,
  }));
}

/**
 * The payer's rate the pack holds for a code and procedure modifiers on a date — what a line is expected to
 * be paid when the fee schedule gives no expected rate — or null when the sources give none. A pack rate
 * applies when its modifiers that price (the modifiers its procedures carry, e.g. HQ, HF) are exactly the
 * line's; the ones the pack adds to every line (Los Angeles's U7) do not matter. A rate divided from another
 * code's (California's H0025 = H0038 ÷ 4.5) divides that code's expected rate in `schedule`, else the pack's.
 */
export function packUnitRate(
  payerPack: PayerPackId,
  code: string,
  modifiers: readonly string[],
  date: string,
  schedule: readonly Fee[] = [],
): number | null {
  const pack = getPack(payerPack);
  if (pack === undefined) return null;
  const pricing = new Set(pack.procedures.flatMap((procedure) => procedure.modifiers));
  const key = feeKey({ code, modifiers });
  const rateOf = (rateCode: string, rateModifiers: readonly string[]) =>
    pack.rates.find(
      (rate) =>
        rate.code === rateCode &&
        inForce(date, rate.effectiveFrom, rate.effectiveTo) &&
        feeKey({ code: rate.code, modifiers: rate.modifiers.filter((each) => pricing.has(each)) }) ===
          feeKey({ code: rateCode, modifiers: rateModifiers }),
    );
  const rate = rateOf(code, modifiers);
  if (rate === undefined) return null;
  if (rate.unitRateCents !== undefined) return rate.unitRateCents;
  if (rate.dividedFrom === undefined) return null;
  const { code: sourceCode, modifiers: sourceModifiers, divisor } = rate.dividedFrom;
  const sourceKey = feeKey({ code: sourceCode, modifiers: sourceModifiers });
  const onFile =
    schedule.find((fee) => feeKey(fee) === sourceKey)?.expectedUnitRateCents ??
    rateOf(sourceCode, sourceModifiers)?.unitRateCents ??
    null;
  // Guard against a pack whose rate divides the rate of the code itself.
  return onFile === null || key === sourceKey ? null : Math.round(onFile / divisor);
}
