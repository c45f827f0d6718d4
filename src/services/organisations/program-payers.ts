/**
 * @module services/organisations/program-payers
 * Which payers a program bills: an admin sets them, so a payer added from a pack file (or a program that
 * starts billing another payer) needs no database work. Notes already on claims keep the payer they were
 * judged under; the next preview, signing and billing run use the new list.
 */
import type { Program, ProgramPayersRequest } from '../../shared/api/organisation.js';
import { isUuid } from '../access/index.js';
import { actorEntry, recordAudit } from '../audit/index.js';
import type { Actor, ServiceContext } from '../context.js';
import { notFound, requireRole } from '../errors.js';
import { requirePayerPack } from '../payer-packs/index.js';
import { toProgram } from './organisations.js';

/**
 * Sets the payer packs `programId` bills, in order of preference (the first covering a member's date of
 * service judges the note). Admins only; refuses an id without a pack, naming it.
 */
export async function setProgramPayers(
  ctx: ServiceContext,
  actor: Actor,
  programId: string,
  request: ProgramPayersRequest,
): Promise<Program> {
  requireRole(actor, ['admin']);
  request.payerPacks.forEach((pack, index) => requirePayerPack(pack, ['body', 'payerPacks', index]));
  if (!isUuid(programId)) throw notFound('program');
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('programs')
      .set({ payer_packs: [...new Set(request.payerPacks)] })
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', programId)
      .returningAll()
      .executeTakeFirst();
    if (row === undefined) throw notFound('program');
    await recordAudit(
      trx,
      ctx.clock,
      actorEntry(actor, 'program.payers', { type: 'program', id: programId }, 'success', {
        payerPacks: row.payer_packs,
      }),
    );
    return toProgram(row);
  });
}
