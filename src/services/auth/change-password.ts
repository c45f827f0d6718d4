/**
 * @module services/auth/change-password
 * A user changes their own password: the current one must be right (a session left open on a shared
 * computer is not enough), the new one must pass the policy, and every other session of theirs ends.
 * Wrong current passwords count towards the account lockout like failed sign-ins.
 */
import type { ChangePasswordRequest } from '../../shared/api/auth.js';
import { errorProblem } from '../../shared/problem.js';
import { actorEntry, recordAudit } from '../audit/index.js';
import type { Actor, ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';
import { hashPassword, passwordPolicyProblems, verifyPassword } from './passwords.js';

export async function changeOwnPassword(
  ctx: ServiceContext,
  actor: Actor,
  currentSessionId: string,
  request: ChangePasswordRequest,
): Promise<void> {
  const user = await ctx.db
    .selectFrom('users')
    .select(['password_hash', 'email'])
    .where('id', '=', actor.userId)
    .where('organisation_id', '=', actor.organisationId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, request.currentPassword))) {
    await ctx.db
      .updateTable('users')
      .set((eb) => ({ failed_login_count: eb('failed_login_count', '+', 1) }))
      .where('id', '=', actor.userId)
      .execute();
    await recordAudit(
      ctx.db,
      ctx.clock,
      actorEntry(actor, 'auth.password_change', { type: 'user', id: actor.userId }, 'failure', {
        reason: 'wrong_current_password',
      }),
    );
    throw new ServiceError('invalid', [
      errorProblem('auth.current_password_wrong', 'Your current password is not right; type it again.', [
        'body',
        'currentPassword',
      ]),
    ]);
  }
  const problems = passwordPolicyProblems(request.newPassword, {
    email: user.email,
    field: ['body', 'newPassword'],
  });
  if (request.newPassword === request.currentPassword) {
    problems.push(
      errorProblem('password.unchanged', 'Choose a password different from your current one.', [
        'body',
        'newPassword',
      ]),
    );
  }
  if (problems.length > 0) {
    throw new ServiceError('invalid', problems);
  }
  const passwordHash = await hashPassword(request.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, failed_login_count: 0, updated_at: ctx.clock.now() })
      .where('id', '=', actor.userId)
      .execute();
    const ended = await trx
      .deleteFrom('sessions')
      .where('user_id', '=', actor.userId)
      .where('id', '!=', currentSessionId)
      .executeTakeFirst();
    await recordAudit(
      trx,
      ctx.clock,
      actorEntry(actor, 'auth.password_change', { type: 'user', id: actor.userId }, 'success', {
        endedOtherSessions: Number(ended.numDeletedRows),
      }),
    );
  });
}
