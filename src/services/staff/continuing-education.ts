/**
 * @module services/staff/continuing-education
 * The continuing-education log: a staff member adds their own entries (admins add anyone's); only admins
 * remove one, e.g. an entry recorded twice. Each change and its audit row share one transaction, and the
 * answer is the staff member's page as it now stands (compliance included).
 */
import type { AddContinuingEducationRequest, StaffDetail } from '../../shared/api/staff.js';
import { actorEntry, recordAudit } from '../audit/index.js';
import type { Actor, ServiceContext } from '../context.js';
import { forbidden, invalid, notFound, requireRole } from '../errors.js';
import { requireVisibleStaff, staffPermissions } from './access.js';
import { requireStaffUser } from './credentials.js';
import { organisationToday, staffDetail } from './profiles.js';

export async function addContinuingEducation(
  ctx: ServiceContext,
  actor: Actor,
  userId: string,
  request: AddContinuingEducationRequest,
): Promise<StaffDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    await requireVisibleStaff(trx, actor, userId);
    await requireStaffUser(trx, actor.organisationId, userId);
    if (!staffPermissions(actor, userId).addContinuingEducation) {
      throw forbidden(
        'You can add continuing education to your own log only. Ask a program admin to add it.',
      );
    }
    const today = await organisationToday(trx, actor.organisationId, ctx.clock.now());
    if (request.completedOn > today) {
      throw invalid(
        'continuing_education.future',
        'The completion date is in the future. Record the training once it is done.',
        ['body', 'completedOn'],
      );
    }
    const row = await trx
      .insertInto('continuing_education')
      .values({
        organisation_id: actor.organisationId,
        user_id: userId,
        completed_on: request.completedOn,
        title: request.title,
        provider: request.provider,
        hours: request.hours,
        law_and_ethics_hours: request.lawAndEthicsHours,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      ctx.clock,
      actorEntry(
        actor,
        'continuing_education.create',
        { type: 'continuing_education', id: row.id },
        'success',
        {
          staffUserId: userId,
        },
      ),
    );
    return staffDetail(trx, ctx, actor, userId, undefined);
  });
}

export async function removeContinuingEducation(
  ctx: ServiceContext,
  actor: Actor,
  userId: string,
  entryId: string,
): Promise<StaffDetail> {
  requireRole(actor, ['admin']);
  return ctx.db.transaction().execute(async (trx) => {
    await requireStaffUser(trx, actor.organisationId, userId);
    const removed = await trx
      .deleteFrom('continuing_education')
      .where('id', '=', entryId)
      .where('user_id', '=', userId)
      .where('organisation_id', '=', actor.organisationId)
      .returning('id')
      .executeTakeFirst();
    if (removed === undefined) {
      throw notFound('continuing_education_entry');
    }
    await recordAudit(
      trx,
      ctx.clock,
      actorEntry(
        actor,
        'continuing_education.delete',
        { type: 'continuing_education', id: entryId },
        'success',
        {
          staffUserId: userId,
        },
      ),
    );
    return staffDetail(trx, ctx, actor, userId, undefined);
  });
}
