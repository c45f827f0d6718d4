/**
 * @module services/users/users
 * User administration within one organisation: list, create, rename and re-role, deactivate and
 * reactivate, reset passwords. Admin only; every change is audited in its own transaction, and the last
 * active admin of an organisation cannot be removed, so an organisation can never lock itself out.
 */
import type { Kysely } from 'kysely';
import type { CreateUserRequest, UpdateUserRequest, User } from '../../shared/api/users.js';
import type { Role } from '../../shared/roles.js';
import { isUniqueViolation, type Database, type UserRow } from '../../store/index.js';
import { actorEntry, recordAudit } from '../audit/index.js';
import { endAllSessionsOf, hashPassword, passwordPolicyProblems } from '../auth/index.js';
import type { Actor, Clock, ServiceContext } from '../context.js';
import { conflict, notFound, requireRole, ServiceError } from '../errors.js';

const USER_COLUMNS = [
  'id',
  'email',
  'display_name',
  'roles',
  'active',
  'locked_until',
  'last_login_at',
  'created_at',
] as const;

type UserView = Pick<UserRow, (typeof USER_COLUMNS)[number]>;

export function toUser(row: UserView): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    roles: row.roles,
    active: row.active,
    lockedUntil: row.locked_until?.toISOString() ?? null,
    lastLoginAt: row.last_login_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

export async function listUsers(
  ctx: ServiceContext,
  actor: Actor,
  options: { includeInactive: boolean },
): Promise<User[]> {
  requireRole(actor, ['admin']);
  let query = ctx.db
    .selectFrom('users')
    .select(USER_COLUMNS)
    .where('organisation_id', '=', actor.organisationId);
  if (!options.includeInactive) {
    query = query.where('active', '=', true);
  }
  const rows = await query.orderBy('display_name').orderBy('email').execute();
  return rows.map(toUser);
}

export async function getUser(ctx: ServiceContext, actor: Actor, userId: string): Promise<User> {
  requireRole(actor, ['admin']);
  return toUser(await findUserRow(ctx.db, actor.organisationId, userId));
}

export async function createUser(
  ctx: ServiceContext,
  actor: Actor,
  request: CreateUserRequest,
): Promise<User> {
  requireRole(actor, ['admin']);
  throwIfProblems(passwordPolicyProblems(request.password, { email: request.email }));
  const passwordHash = await hashPassword(request.password);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await insertUser(trx, ctx.clock.now(), {
      organisationId: actor.organisationId,
      email: request.email,
      displayName: request.displayName,
      roles: request.roles,
      passwordHash,
    });
    await recordAudit(
      trx,
      ctx.clock,
      actorEntry(actor, 'user.create', { type: 'user', id: row.id }, 'success', { roles: request.roles }),
    );
    return toUser(row);
  });
}

/** Inserts a user row; a taken email becomes a 409 naming the email field. */
export async function insertUser(
  db: Kysely<Database>,
  now: Date,
  user: { organisationId: string; email: string; displayName: string; roles: Role[]; passwordHash: string },
): Promise<UserView> {
  try {
    return await db
      .insertInto('users')
      .values({
        organisation_id: user.organisationId,
        email: user.email,
        display_name: user.displayName,
        roles: user.roles,
        password_hash: user.passwordHash,
        created_at: now,
        updated_at: now,
        locked_until: null,
        last_login_at: null,
      })
      .returning(USER_COLUMNS)
      .executeTakeFirstOrThrow();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(
        'user.email_taken',
        'A user with this email already exists. Use another email, or reactivate that user.',
        ['body', 'email'],
      );
    }
    throw error;
  }
}

/** Audits a user created outside a signed-in session (CLI, demo data): there is no acting user to name. */
export async function recordUserCreatedBySystem(
  db: Kysely<Database>,
  clock: Clock,
  created: { organisationId: string; userId: string; roles: readonly Role[]; via: 'cli' | 'demo-data' },
): Promise<void> {
  await recordAudit(db, clock, {
    organisationId: created.organisationId,
    userId: null,
    userEmail: null,
    action: 'user.create',
    recordType: 'user',
    recordId: created.userId,
    ip: null,
    outcome: 'success',
    details: { via: created.via, roles: created.roles },
  });
}

export async function updateUser(
  ctx: ServiceContext,
  actor: Actor,
  userId: string,
  request: UpdateUserRequest,
): Promise<User> {
  requireRole(actor, ['admin']);
  return ctx.db.transaction().execute(async (trx) => {
    const current = await findUserRow(trx, actor.organisationId, userId, { forUpdate: true });
    if (request.roles !== undefined && current.roles.includes('admin') && !request.roles.includes('admin')) {
      await assertAnotherActiveAdmin(trx, actor.organisationId, userId, ['body', 'roles']);
    }
    const row = await trx
      .updateTable('users')
      .set({
        ...(request.displayName === undefined ? {} : { display_name: request.displayName }),
        ...(request.roles === undefined ? {} : { roles: request.roles }),
        updated_at: ctx.clock.now(),
      })
      .where('id', '=', userId)
      .where('organisation_id', '=', actor.organisationId)
      .returning(USER_COLUMNS)
      .executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      ctx.clock,
      actorEntry(actor, 'user.update', { type: 'user', id: userId }, 'success', {
        fields: Object.keys(request),
        ...(request.roles === undefined ? {} : { roles: request.roles }),
      }),
    );
    return toUser(row);
  });
}

export async function setUserActive(
  ctx: ServiceContext,
  actor: Actor,
  userId: string,
  active: boolean,
): Promise<User> {
  requireRole(actor, ['admin']);
  return ctx.db.transaction().execute(async (trx) => {
    const current = await findUserRow(trx, actor.organisationId, userId, { forUpdate: true });
    if (!active) {
      if (userId === actor.userId) {
        throw conflict(
          'user.deactivate_self',
          'You cannot deactivate your own account. Ask another admin to do it.',
          ['params', 'id'],
        );
      }
      if (current.roles.includes('admin')) {
        await assertAnotherActiveAdmin(trx, actor.organisationId, userId, ['params', 'id']);
      }
    }
    const row = await trx
      .updateTable('users')
      .set({ active, updated_at: ctx.clock.now() })
      .where('id', '=', userId)
      .where('organisation_id', '=', actor.organisationId)
      .returning(USER_COLUMNS)
      .executeTakeFirstOrThrow();
    const endedSessions = active ? 0 : await endAllSessionsOf(trx, userId);
    await recordAudit(
      trx,
      ctx.clock,
      actorEntry(
        actor,
        active ? 'user.reactivate' : 'user.deactivate',
        { type: 'user', id: userId },
        'success',
        {
          endedSessions,
        },
      ),
    );
    return toUser(row);
  });
}

/** Sets a new password chosen by an admin, unlocks the account and ends the user's sessions. */
export async function resetPassword(
  ctx: ServiceContext,
  actor: Actor,
  userId: string,
  password: string,
): Promise<User> {
  requireRole(actor, ['admin']);
  const target = await findUserRow(ctx.db, actor.organisationId, userId);
  throwIfProblems(passwordPolicyProblems(password, { email: target.email }));
  const passwordHash = await hashPassword(password);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('users')
      .set({
        password_hash: passwordHash,
        failed_login_count: 0,
        locked_until: null,
        updated_at: ctx.clock.now(),
      })
      .where('id', '=', userId)
      .where('organisation_id', '=', actor.organisationId)
      .returning(USER_COLUMNS)
      .executeTakeFirstOrThrow();
    const endedSessions = await endAllSessionsOf(trx, userId);
    await recordAudit(
      trx,
      ctx.clock,
      actorEntry(actor, 'user.reset_password', { type: 'user', id: userId }, 'success', { endedSessions }),
    );
    return toUser(row);
  });
}

async function findUserRow(
  db: Kysely<Database>,
  organisationId: string,
  userId: string,
  options: { forUpdate?: boolean } = {},
): Promise<UserView> {
  let query = db
    .selectFrom('users')
    .select(USER_COLUMNS)
    .where('id', '=', userId)
    .where('organisation_id', '=', organisationId);
  if (options.forUpdate === true) {
    query = query.forUpdate();
  }
  const row = await query.executeTakeFirst();
  if (row === undefined) {
    throw notFound('user');
  }
  return row;
}

async function assertAnotherActiveAdmin(
  db: Kysely<Database>,
  organisationId: string,
  exceptUserId: string,
  path: (string | number)[],
): Promise<void> {
  const others = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('organisation_id', '=', organisationId)
    .where('active', '=', true)
    .where('id', '!=', exceptUserId)
    .where((eb) => eb(eb.val('admin'), '=', eb.fn.any('roles')))
    .executeTakeFirstOrThrow();
  if (Number(others.count) === 0) {
    throw conflict(
      'user.last_admin',
      'This is the organisation’s only active admin. Give another user the admin role first.',
      path,
    );
  }
}

function throwIfProblems(problems: ReturnType<typeof passwordPolicyProblems>): void {
  if (problems.length > 0) {
    throw new ServiceError('invalid', problems);
  }
}
