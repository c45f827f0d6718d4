/**
 * @module services/billing/payer-settings
 * Who each payer's 837 files go to and who they say they are from: the payer's name and id, the receiver,
 * the submitter's id and EDI contact, and whether files are test or production. Billing staff and admins
 * keep them; the 837 writer refuses to run for a payer without them. Each view shows the next interchange
 * control number of its submitter, which a save may set (control-numbers.ts).
 */
import { MAX_INTERCHANGE_CONTROL_NUMBER, type PayerSettings } from '../../shared/api/billing.js';
import type { PayerPackId } from '../../shared/programs.js';
import type { Kysely } from 'kysely';
import type { Database, PayerSettingsRow } from '../../store/index.js';
import { actorEntry, recordAudit } from '../audit/index.js';
import type { Actor, ServiceContext } from '../context.js';
import { requireRole } from '../errors.js';
import { requirePayerPack } from '../payer-packs/index.js';
import { nextControlNumbers, setNextControlNumber } from './control-numbers.js';
import { BILLING_ROLES } from './run.js';

/** The view of a row; `nextNumber` is left out once every nine-digit number of the submitter is used. */
function toView(row: PayerSettingsRow, nextNumber: number | undefined): PayerSettings {
  const view: PayerSettings = {
    payerPack: row.payer_pack,
    payerName: row.payer_name,
    payerId: row.payer_id,
    receiverName: row.receiver_name,
    receiverId: row.receiver_id,
    submitterName: row.submitter_name,
    submitterId: row.submitter_id,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    usageIndicator: row.usage_indicator,
  };
  if (nextNumber !== undefined && nextNumber <= MAX_INTERCHANGE_CONTROL_NUMBER) {
    view.nextInterchangeControlNumber = nextNumber;
  }
  return view;
}

/** The views of rows of one organisation, each with its submitter's next control number. */
async function toViews(
  db: Kysely<Database>,
  organisationId: string,
  rows: readonly PayerSettingsRow[],
): Promise<PayerSettings[]> {
  const next = await nextControlNumbers(
    db,
    organisationId,
    rows.map((row) => row.submitter_id),
  );
  return rows.map((row) => toView(row, next.get(row.submitter_id)));
}

/** The view of one row, with its submitter's next control number. */
async function viewOf(
  db: Kysely<Database>,
  organisationId: string,
  row: PayerSettingsRow,
): Promise<PayerSettings> {
  const next = await nextControlNumbers(db, organisationId, [row.submitter_id]);
  return toView(row, next.get(row.submitter_id));
}

/** The organisation's payer settings, by pack. */
export async function listPayerSettings(ctx: ServiceContext, actor: Actor): Promise<PayerSettings[]> {
  requireRole(actor, BILLING_ROLES);
  const rows = await ctx.db
    .selectFrom('payer_settings')
    .selectAll()
    .where('organisation_id', '=', actor.organisationId)
    .orderBy('payer_pack')
    .execute();
  return toViews(ctx.db, actor.organisationId, rows);
}

/** One payer's settings, or null when none are set (for the 837 writer). */
export async function payerSettingsOf(
  db: Kysely<Database>,
  organisationId: string,
  payerPack: PayerPackId,
): Promise<PayerSettings | null> {
  const row = await db
    .selectFrom('payer_settings')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('payer_pack', '=', payerPack)
    .executeTakeFirst();
  if (row === undefined) return null;
  return viewOf(db, organisationId, row);
}

/**
 * Sets one payer's settings (creating or replacing them), and the next interchange control number of their
 * submitter when it is given; audited.
 *
 * @throws ServiceError `invalid` on `nextInterchangeControlNumber` for a number this organisation already
 *   sent from the submitter (nothing is saved)
 */
export async function savePayerSettings(
  ctx: ServiceContext,
  actor: Actor,
  settings: PayerSettings,
): Promise<PayerSettings> {
  requireRole(actor, BILLING_ROLES);
  requirePayerPack(settings.payerPack, ['body', 'payerPack']);
  return ctx.db.transaction().execute(async (trx) => {
    const values = {
      payer_name: settings.payerName,
      payer_id: settings.payerId,
      receiver_name: settings.receiverName,
      receiver_id: settings.receiverId,
      submitter_name: settings.submitterName,
      submitter_id: settings.submitterId,
      contact_name: settings.contactName,
      contact_phone: settings.contactPhone,
      usage_indicator: settings.usageIndicator,
      updated_at: ctx.clock.now(),
    };
    const row = await trx
      .insertInto('payer_settings')
      .values({ organisation_id: actor.organisationId, payer_pack: settings.payerPack, ...values })
      .onConflict((oc) => oc.columns(['organisation_id', 'payer_pack']).doUpdateSet(values))
      .returningAll()
      .executeTakeFirstOrThrow();
    const next = settings.nextInterchangeControlNumber;
    if (next !== undefined) {
      await setNextControlNumber(trx, actor.organisationId, settings.submitterId, next);
    }
    await recordAudit(
      trx,
      ctx.clock,
      actorEntry(actor, 'payer_settings.save', { type: 'payer_settings', id: null }, 'success', {
        payerPack: settings.payerPack,
        ...(next === undefined
          ? {}
          : { submitterId: settings.submitterId, nextInterchangeControlNumber: next }),
      }),
    );
    return viewOf(trx, actor.organisationId, row);
  });
}
