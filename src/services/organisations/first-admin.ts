/**
 * @module services/organisations/first-admin
 * Creates an admin user from the command line (`peerline create-admin`), with the organisation when it
 * does not exist yet. This is how a production PostgreSQL installation gets its first login.
 */
import type { User } from '../../shared/api/users.js';
import { hashPassword, passwordPolicyProblems } from '../auth/index.js';
import type { ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';
import { insertUser, recordUserCreatedBySystem, toUser } from '../users/index.js';
import { insertOrganisation } from './organisations.js';

export interface FirstAdminRequest {
  organisationName: string;
  email: string;
  displayName: string;
  password: string;
}

export async function createAdminFromCli(
  ctx: ServiceContext,
  request: FirstAdminRequest,
): Promise<{ user: User; organisationId: string; organisationCreated: boolean }> {
  const problems = passwordPolicyProblems(request.password, { email: request.email, field: ['password'] });
  if (problems.length > 0) {
    throw new ServiceError('invalid', problems);
  }
  const passwordHash = await hashPassword(request.password);
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('organisations')
      .select('id')
      .where('name', '=', request.organisationName)
      .execute();
    if (existing.length > 1) {
      throw new ServiceError('conflict', [
        {
          severity: 'error',
          code: 'organisation.ambiguous',
          message: `More than one organisation is named "${request.organisationName}".`,
          path: ['organisation'],
        },
      ]);
    }
    const organisationId =
      existing[0]?.id ??
      (await insertOrganisation(trx, { name: request.organisationName, taxId: null, programs: [] }));
    const row = await insertUser(trx, ctx.clock.now(), {
      organisationId,
      email: request.email,
      displayName: request.displayName,
      roles: ['admin'],
      passwordHash,
    });
    await recordUserCreatedBySystem(trx, ctx.clock, {
      organisationId,
      userId: row.id,
      roles: ['admin'],
      via: 'cli',
    });
    return { user: toUser(row), organisationId, organisationCreated: existing.length === 0 };
  });
}
