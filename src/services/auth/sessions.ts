/**
 * @module services/auth/sessions
 * Server-side sessions: created at login, slid forward by activity, ended by logout, by idle or absolute
 * expiry, or by an admin deactivating the user or resetting their password.
 */
import type { Kysely } from 'kysely';
import type { SessionUser } from '../../shared/api/auth.js';
import type { Role } from '../../shared/roles.js';
import type { Database } from '../../store/index.js';
import { recordAudit } from '../audit/index.js';
import type { Actor, ServiceContext } from '../context.js';
import { hashSessionToken, isWellFormedSessionToken, newSessionToken } from './session-token.js';

const MINUTE_MS = 60_000;
/** Activity within this many milliseconds of the last recorded one doesn't rewrite the session row. */
const TOUCH_INTERVAL_MS = 5_000;

export interface SessionView {
  readonly sessionId: string;
  readonly user: SessionUser;
  readonly idleExpiresAt: Date;
  readonly absoluteExpiresAt: Date;
}

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

/** Creates a session for `userId`; returns the token for the cookie. Call inside the login transaction. */
export async function createSession(
  db: Kysely<Database>,
  ctx: Pick<ServiceContext, 'clock' | 'security'>,
  user: { id: string; organisationId: string },
  client: ClientInfo,
): Promise<{ token: string; sessionId: string; idleExpiresAt: Date; absoluteExpiresAt: Date }> {
  const now = ctx.clock.now();
  const token = newSessionToken();
  const absoluteExpiresAt = new Date(now.getTime() + ctx.security.sessionAbsoluteHours * 60 * MINUTE_MS);
  const idleExpiresAt = earlier(
    new Date(now.getTime() + ctx.security.sessionIdleMinutes * MINUTE_MS),
    absoluteExpiresAt,
  );
  const row = await db
    .insertInto('sessions')
    .values({
      token_hash: hashSessionToken(token),
      user_id: user.id,
      organisation_id: user.organisationId,
      created_at: now,
      last_seen_at: now,
      idle_expires_at: idleExpiresAt,
      absolute_expires_at: absoluteExpiresAt,
      ip: client.ip,
      user_agent: client.userAgent?.slice(0, 300) ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { token, sessionId: row.id, idleExpiresAt, absoluteExpiresAt };
}

/**
 * The live session for a cookie token, slid forward; undefined when there is none or it has expired
 * (an expired session is deleted and its end written to the audit log).
 */
export async function resolveSession(
  ctx: ServiceContext,
  token: string,
  client: ClientInfo,
): Promise<SessionView | undefined> {
  if (!isWellFormedSessionToken(token)) {
    return undefined;
  }
  const row = await ctx.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('organisations', 'organisations.id', 'sessions.organisation_id')
    .select([
      'sessions.id as session_id',
      'sessions.last_seen_at',
      'sessions.idle_expires_at',
      'sessions.absolute_expires_at',
      'users.id as user_id',
      'users.email',
      'users.display_name',
      'users.roles',
      'users.active',
      'organisations.id as organisation_id',
      'organisations.name as organisation_name',
    ])
    .where('sessions.token_hash', '=', hashSessionToken(token))
    .executeTakeFirst();
  if (row === undefined) {
    return undefined;
  }
  const now = ctx.clock.now();
  const expiry = expiryReason(row, now);
  if (expiry !== undefined) {
    await ctx.db.transaction().execute(async (trx) => {
      const deleted = await trx.deleteFrom('sessions').where('id', '=', row.session_id).executeTakeFirst();
      // Two requests may race to end one session; only the one that deleted it writes the audit row.
      if (deleted.numDeletedRows > 0n) {
        await recordAudit(trx, ctx.clock, {
          organisationId: row.organisation_id,
          userId: row.user_id,
          userEmail: row.email,
          action: 'auth.session_end',
          recordType: 'session',
          recordId: row.session_id,
          ip: client.ip,
          outcome: 'success',
          details: { reason: expiry },
        });
      }
    });
    return undefined;
  }
  let idleExpiresAt = row.idle_expires_at;
  if (now.getTime() - row.last_seen_at.getTime() >= TOUCH_INTERVAL_MS) {
    idleExpiresAt = earlier(
      new Date(now.getTime() + ctx.security.sessionIdleMinutes * MINUTE_MS),
      row.absolute_expires_at,
    );
    await ctx.db
      .updateTable('sessions')
      .set({ last_seen_at: now, idle_expires_at: idleExpiresAt })
      .where('id', '=', row.session_id)
      .execute();
  }
  return {
    sessionId: row.session_id,
    user: {
      id: row.user_id,
      email: row.email,
      displayName: row.display_name,
      roles: row.roles,
      organisation: { id: row.organisation_id, name: row.organisation_name },
    },
    idleExpiresAt,
    absoluteExpiresAt: row.absolute_expires_at,
  };
}

type ExpiryReason = 'idle_timeout' | 'absolute_timeout' | 'user_inactive';

function expiryReason(
  row: { idle_expires_at: Date; absolute_expires_at: Date; active: boolean },
  now: Date,
): ExpiryReason | undefined {
  if (!row.active) {
    return 'user_inactive';
  }
  if (now >= row.absolute_expires_at) {
    return 'absolute_timeout';
  }
  if (now >= row.idle_expires_at) {
    return 'idle_timeout';
  }
  return undefined;
}

/** Ends the actor's session (logout). */
export async function endSession(ctx: ServiceContext, sessionId: string, actor: Actor): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('sessions')
      .where('id', '=', sessionId)
      .where('user_id', '=', actor.userId)
      .execute();
    await recordAudit(trx, ctx.clock, {
      organisationId: actor.organisationId,
      userId: actor.userId,
      userEmail: actor.email,
      action: 'auth.logout',
      recordType: 'session',
      recordId: sessionId,
      ip: actor.ip,
      outcome: 'success',
    });
  });
}

/** Ends every session of a user (deactivation, password reset). Returns how many were ended. */
export async function endAllSessionsOf(db: Kysely<Database>, userId: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Deletes sessions past their expiry; run at start and periodically so the table stays small. */
export async function purgeExpiredSessions(ctx: Pick<ServiceContext, 'db' | 'clock'>): Promise<number> {
  const now = ctx.clock.now();
  const result = await ctx.db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('idle_expires_at', '<=', now), eb('absolute_expires_at', '<=', now)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The actor a session acts as, with the request's client address. */
export function actorOf(session: SessionView, ip: string | null): Actor {
  return {
    userId: session.user.id,
    email: session.user.email,
    organisationId: session.user.organisation.id,
    roles: session.user.roles satisfies readonly Role[],
    ip,
  };
}

function earlier(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}
