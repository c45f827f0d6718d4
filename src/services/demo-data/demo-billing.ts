/**
 * @module services/demo-data/demo-billing
 * The demo organisation's 837 settings: one entry per payer pack its programs bill, so billing staff can make
 * 837 files on a fresh demo without first filling in the billing settings page. Every identifier is
 * synthetic and announces itself: payer, receiver and submitter ids begin `ZZ` (no payer or clearinghouse
 * issues such ids), the contact phone is in the fictional 555-01xx range, and the files are marked as tests
 * (ISA15 `T`), so nothing made from the demo could pass for a real claim.
 */
import type { Kysely } from 'kysely';
import type { PayerPackId } from '../../shared/programs.js';
import { payerPackName } from '../../engine/index.js';
import type { Database } from '../../store/index.js';
import { createRng, DEMO_SEED, syntheticPhone, type Seed } from '../../synthetic/index.js';
import { recordAudit } from '../audit/index.js';

/** Prefix of the demo's payer, receiver and submitter ids (X12 ids: 2–15 letters or digits). */
export const DEMO_X12_ID_PREFIX = 'ZZ';
/** The demo clearinghouse every demo file is addressed to. */
export const DEMO_RECEIVER = { name: 'Demo Clearinghouse (synthetic)', id: 'ZZDEMOCLEARING' } as const;

/** `ZZ` and the pack's letters, e.g. `ZZCADHCS` for `ca-dhcs`. */
export function demoPayerId(pack: PayerPackId): string {
  return `${DEMO_X12_ID_PREFIX}${pack.replace(/[^a-z]/g, '').toUpperCase()}`.slice(0, 15);
}

export interface DemoPayerSettingsOptions {
  /** "Now" for the demo. */
  now: Date;
  /** Seed of the synthetic contact phone; the demo seed when omitted. */
  seed?: Seed;
}

/**
 * Inserts one payer-settings row per pack in `packs`, in the caller's transaction, each with a
 * `payer_settings.save` audit row (by the system, via demo data).
 *
 * @param trx - the demo-data transaction
 * @param organisation - the demo organisation's id, name and tax id (the submitter)
 * @param packs - the payer packs the demo programs bill (duplicates are ignored)
 * @param options - "now" and the seed
 */
export async function createDemoPayerSettings(
  trx: Kysely<Database>,
  organisation: { id: string; name: string; taxId: string },
  packs: readonly PayerPackId[],
  options: DemoPayerSettingsOptions,
): Promise<void> {
  const rng = createRng(options.seed ?? DEMO_SEED).fork('payer-settings');
  const clock = { now: () => options.now };
  for (const pack of [...new Set(packs)].sort()) {
    await trx
      .insertInto('payer_settings')
      .values({
        organisation_id: organisation.id,
        payer_pack: pack,
        payer_name: `${payerPackName(pack)} (demo)`.slice(0, 60),
        payer_id: demoPayerId(pack),
        receiver_name: DEMO_RECEIVER.name,
        receiver_id: DEMO_RECEIVER.id,
        submitter_name: organisation.name.slice(0, 60),
        submitter_id: `${DEMO_X12_ID_PREFIX}${organisation.taxId}`.slice(0, 15),
        contact_name: 'Billing desk (demo)',
        contact_phone: syntheticPhone(rng.fork(pack)),
        usage_indicator: 'T',
        updated_at: options.now,
      })
      .execute();
    await recordAudit(trx, clock, {
      organisationId: organisation.id,
      userId: null,
      userEmail: null,
      action: 'payer_settings.save',
      recordType: 'payer_settings',
      recordId: null,
      ip: null,
      outcome: 'success',
      details: { via: 'demo-data', payerPack: pack },
    });
  }
}
