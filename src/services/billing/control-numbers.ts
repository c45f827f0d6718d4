/**
 * @module services/billing/control-numbers
 * Interchange control numbers (ISA13, also the file's GS06), counted per organisation and submitter id
 * (ISA06): the payer sees one series per submitter, and must never see a number twice from it. Each
 * organisation and submitter has a counter row holding the next number; an export takes it by updating that
 * row in its own transaction, so a second export for the submitter waits for the first to commit (or roll
 * back, giving the number back) and takes the one after. Billing staff may set the next number — when moving
 * from another system, one more than the last it sent — but never to one already sent.
 */
import { sql, type Kysely } from 'kysely';
import { MAX_INTERCHANGE_CONTROL_NUMBER } from '../../shared/api/billing.js';
import type { Database } from '../../store/index.js';
import { conflict, invalid } from '../errors.js';

/**
 * The lowest number the submitter may still use: one above the highest its organisation's batches sent from
 * it. Batches from before migration 0011 whose submitter is not known count for every submitter.
 */
export async function lowestUnsentControlNumber(
  db: Kysely<Database>,
  organisationId: string,
  submitterId: string,
): Promise<number> {
  const row = await db
    .selectFrom('claim_batches')
    .select((eb) => eb.fn.max('interchange_control_number').as('highest'))
    .where('organisation_id', '=', organisationId)
    .where((eb) => eb.or([eb('submitter_id', '=', submitterId), eb('submitter_id', 'is', null)]))
    .executeTakeFirst();
  return (row?.highest ?? 0) + 1;
}

/**
 * The next number of each submitter id of the organisation: its counter, or for a submitter that has none
 * yet, the number its first export will take.
 */
export async function nextControlNumbers(
  db: Kysely<Database>,
  organisationId: string,
  submitterIds: readonly string[],
): Promise<Map<string, number>> {
  const wanted = [...new Set(submitterIds)];
  const next = new Map<string, number>();
  if (wanted.length === 0) return next;
  const rows = await db
    .selectFrom('interchange_control_numbers')
    .select(['submitter_id', 'next_number'])
    .where('organisation_id', '=', organisationId)
    .where('submitter_id', 'in', wanted)
    .execute();
  for (const row of rows) next.set(row.submitter_id, row.next_number);
  for (const submitterId of wanted) {
    if (next.has(submitterId)) continue;
    next.set(submitterId, await lowestUnsentControlNumber(db, organisationId, submitterId));
  }
  return next;
}

/**
 * Takes the submitter's next interchange control number, in the caller's transaction: the counter row stays
 * locked until it commits, so concurrent exports for the submitter are given consecutive numbers.
 *
 * @throws ServiceError `conflict` once every nine-digit number of the submitter is used
 */
export async function takeControlNumber(
  trx: Kysely<Database>,
  organisationId: string,
  submitterId: string,
): Promise<number> {
  const first = await lowestUnsentControlNumber(trx, organisationId, submitterId);
  const result =
    first > MAX_INTERCHANGE_CONTROL_NUMBER
      ? undefined
      : await trx
          .insertInto('interchange_control_numbers')
          .values({ organisation_id: organisationId, submitter_id: submitterId, next_number: first + 1 })
          .onConflict((oc) =>
            oc
              .columns(['organisation_id', 'submitter_id'])
              .doUpdateSet({ next_number: sql<number>`interchange_control_numbers.next_number + 1` })
              .where('interchange_control_numbers.next_number', '<=', MAX_INTERCHANGE_CONTROL_NUMBER),
          )
          .returning(sql<number>`next_number - 1`.as('number'))
          .executeTakeFirst();
  if (result === undefined) {
    throw conflict(
      'batch.control_numbers_used',
      `Every interchange control number of submitter ${submitterId} has been used. Ask the payer for a new submitter id.`,
      ['body', 'payerPack'],
    );
  }
  return result.number;
}

/**
 * Sets the submitter's next interchange control number, in the caller's transaction. The counter is written
 * first, so an export still under way for the submitter has committed its batch before the check reads the
 * numbers sent.
 *
 * @throws ServiceError `invalid` (on `nextInterchangeControlNumber`) for a number already sent
 */
export async function setNextControlNumber(
  trx: Kysely<Database>,
  organisationId: string,
  submitterId: string,
  next: number,
): Promise<void> {
  await trx
    .insertInto('interchange_control_numbers')
    .values({ organisation_id: organisationId, submitter_id: submitterId, next_number: next })
    .onConflict((oc) => oc.columns(['organisation_id', 'submitter_id']).doUpdateSet({ next_number: next }))
    .execute();
  const lowest = await lowestUnsentControlNumber(trx, organisationId, submitterId);
  if (next < lowest) {
    throw invalid(
      'payer_settings.control_number_sent',
      `Interchange control number ${lowest - 1} was already sent; enter ${lowest} or more.`,
      ['body', 'nextInterchangeControlNumber'],
    );
  }
}
