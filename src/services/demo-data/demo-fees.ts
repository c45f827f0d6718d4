/**
 * @module services/demo-data/demo-fees
 * The demo organisation's fee schedule: a charge for every code and procedure modifiers of every payer its
 * programs bill, so its notes become claims at a price from the start. Charges are synthetic usual and
 * customary amounts ($50.00 a unit, $12.00 for H0025, $5.00 for a group's H0038 HQ); expected rates are left to the packs where a seed
 * gives one (Kansas, Los Angeles) and, for California and Alameda, entered as a synthetic county contract
 * rate so the group rate shows DHCS's ÷ 4.5. North Carolina's expected rate stays unknown, as in the sources.
 */
import type { Kysely } from 'kysely';
import { getPack } from '../../engine/index.js';
import type { PayerPackId } from '../../shared/programs.js';
import type { Database } from '../../store/index.js';
import { feeKey } from '../fee-schedule/index.js';

/** The first day of the demo's prices: before any demo note's date of service. */
const DEMO_PRICES_FROM = '2020-01-01';

/** Demo charge per unit, by code and procedure modifiers. */
const DEMO_CHARGES: Readonly<Record<string, number>> = {
  H0038: 5000,
  'H0038 HQ': 500,
  H0025: 1200,
  'H0050 HF': 5000,
};

/** Synthetic county contract rates for the California packs, whose sources give none. */
const DEMO_EXPECTED: Readonly<Partial<Record<PayerPackId, Readonly<Record<string, number>>>>> = {
  'ca-dhcs': { H0038: 4000 },
  'ca-acbhd': { H0038: 4200 },
};

/**
 * The fee schedule lines the demo gives a pack: one per code and procedure modifiers its procedures bill.
 *
 * @throws Error when a procedure's code has no demo charge (a new pack procedure: add its charge above)
 */
export function demoFeesFor(payerPack: PayerPackId): {
  code: string;
  modifiers: string[];
  unitChargeCents: number;
  expectedUnitRateCents: number | null;
}[] {
  const pack = getPack(payerPack);
  if (pack === undefined) return [];
  const keys = new Map(
    pack.procedures.map((procedure) => [
      feeKey(procedure),
      { code: procedure.code, modifiers: [...procedure.modifiers].sort() },
    ]),
  );
  return [...keys.entries()].map(([key, { code, modifiers }]) => {
    const unitChargeCents = DEMO_CHARGES[key];
    if (unitChargeCents === undefined) throw new Error(`no demo charge for ${key} (${payerPack})`);
    return {
      code,
      modifiers,
      unitChargeCents,
      expectedUnitRateCents: DEMO_EXPECTED[payerPack]?.[key] ?? null,
    };
  });
}

/** Inserts the demo fee schedule, with its history, as added by the demo's billing staff. */
export async function createDemoFeeSchedule(
  trx: Kysely<Database>,
  organisationId: string,
  packs: readonly PayerPackId[],
  options: { keeperId: string; now: Date },
): Promise<void> {
  for (const payerPack of [...new Set(packs)].sort()) {
    for (const fee of demoFeesFor(payerPack)) {
      const row = await trx
        .insertInto('fee_schedule')
        .values({
          organisation_id: organisationId,
          payer_pack: payerPack,
          program_id: null,
          code: fee.code,
          modifiers: fee.modifiers,
          effective_from: DEMO_PRICES_FROM,
          effective_to: null,
          unit_charge_cents: fee.unitChargeCents,
          expected_unit_rate_cents: fee.expectedUnitRateCents,
          updated_by: options.keeperId,
          updated_at: options.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('fee_schedule_changes')
        .values({
          organisation_id: organisationId,
          fee_id: row.id,
          action: 'added',
          before: null,
          after: JSON.stringify({
            payerPack,
            programId: null,
            ...fee,
            effectiveFrom: DEMO_PRICES_FROM,
            effectiveTo: null,
          }),
          changed_by: options.keeperId,
          changed_at: options.now,
        })
        .execute();
    }
  }
}
