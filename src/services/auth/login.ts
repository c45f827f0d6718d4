/**
 * @module services/auth/login
 * Signing in: password check, lockout after repeated failures, session creation — each attempt, good or
 * bad, written to the audit log. Wrong password, unknown email and deactivated account all get the same
 * answer, so the login form doesn't tell an attacker which emails have accounts.
 */
import type { LoginRequest } from '../../shared/api/auth.js';
import { errorProblem } from '../../shared/problem.js';
import { recordAudit } from '../audit/index.js';
import type { ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';
import { decoyPasswordHash, verifyPassword } from './passwords.js';
import { createSession, type ClientInfo, type SessionView } from './sessions.js';

export interface LoginResult {
  token: string;
  session: SessionView;
}

const MINUTE_MS = 60_000;

export async function login(
  ctx: ServiceContext,
  request: LoginRequest,
  client: ClientInfo,
): Promise<LoginResult> {
  const email = request.email.trim().toLowerCase();
  const user = await ctx.db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select([
      'users.id',
      'users.email',
      'users.display_name',
      'users.roles',
      'users.active',
      'users.password_hash',
      'users.locked_until',
      'users.organisation_id',
      'organisations.name as organisation_name',
    ])
    .where('users.email', '=', email)
    .executeTakeFirst();

  const failure = async (
    reason: string,
    organisationId: string | null,
    userId: string | null,
  ): Promise<void> => {
    await recordAudit(ctx.db, ctx.clock, {
      organisationId,
      userId,
      userEmail: email.slice(0, 254),
      action: 'auth.login',
      recordType: userId === null ? null : 'user',
      recordId: userId,
      ip: client.ip,
      outcome: 'failure',
      details: { reason },
    });
  };

  if (user === undefined) {
    await verifyPassword(await decoyPasswordHash(), request.password);
    await failure('unknown_email', null, null);
    throw invalidCredentials(ctx);
  }
  const now = ctx.clock.now();
  if (user.locked_until !== null && user.locked_until > now) {
    await failure('locked', user.organisation_id, user.id);
    throw accountLocked(user.locked_until);
  }
  const passwordMatches = await verifyPassword(user.password_hash, request.password);
  if (!user.active) {
    await failure('inactive', user.organisation_id, user.id);
    throw invalidCredentials(ctx);
  }
  if (!passwordMatches) {
    const lockedUntil = await countFailure(ctx, user.id, now);
    await failure(
      lockedUntil === null ? 'wrong_password' : 'wrong_password_locked',
      user.organisation_id,
      user.id,
    );
    throw lockedUntil === null ? invalidCredentials(ctx) : accountLocked(lockedUntil);
  }

  return ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ failed_login_count: 0, locked_until: null, last_login_at: now })
      .where('id', '=', user.id)
      .execute();
    const created = await createSession(
      trx,
      ctx,
      { id: user.id, organisationId: user.organisation_id },
      client,
    );
    await recordAudit(trx, ctx.clock, {
      organisationId: user.organisation_id,
      userId: user.id,
      userEmail: user.email,
      action: 'auth.login',
      recordType: 'session',
      recordId: created.sessionId,
      ip: client.ip,
      outcome: 'success',
    });
    return {
      token: created.token,
      session: {
        sessionId: created.sessionId,
        user: {
          id: user.id,
          email: user.email,
          displayName: user.display_name,
          roles: user.roles,
          organisation: { id: user.organisation_id, name: user.organisation_name },
        },
        idleExpiresAt: created.idleExpiresAt,
        absoluteExpiresAt: created.absoluteExpiresAt,
      },
    };
  });
}

/**
 * Adds one failure atomically (concurrent wrong guesses each count); at the limit, locks the account and
 * starts the count again. Returns the lock's end when this failure locked it.
 */
async function countFailure(ctx: ServiceContext, userId: string, now: Date): Promise<Date | null> {
  const counted = await ctx.db
    .updateTable('users')
    .set((eb) => ({ failed_login_count: eb('failed_login_count', '+', 1) }))
    .where('id', '=', userId)
    .returning('failed_login_count')
    .executeTakeFirstOrThrow();
  if (counted.failed_login_count < ctx.security.loginMaxFailures) {
    return null;
  }
  const lockedUntil = new Date(now.getTime() + ctx.security.loginLockMinutes * MINUTE_MS);
  await ctx.db
    .updateTable('users')
    .set({ failed_login_count: 0, locked_until: lockedUntil })
    .where('id', '=', userId)
    .execute();
  return lockedUntil;
}

function invalidCredentials(ctx: ServiceContext): ServiceError {
  return new ServiceError('unauthenticated', [
    errorProblem(
      'auth.invalid_credentials',
      `The email or password is not right. Check both and try again; after ${ctx.security.loginMaxFailures} failed tries in a row the account is locked for ${ctx.security.loginLockMinutes} minutes.`,
    ),
  ]);
}

function accountLocked(until: Date): ServiceError {
  return new ServiceError('locked', [
    errorProblem(
      'auth.locked',
      `This account is locked after too many failed sign-ins. Try again after ${until.toISOString().slice(11, 16)} UTC, or ask a program admin to reset your password.`,
    ),
  ]);
}
