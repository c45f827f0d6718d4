/**
 * @module services/users/cli-actor
 * The acting user of a command-line task (a billing run, an 837 export): the command names them by email, as
 * there is no session. They must be active; the task's own role checks then apply as they would on the web.
 */
import type { Kysely } from 'kysely';
import { EmailSchema } from '../../shared/api/common.js';
import type { Database } from '../../store/index.js';
import type { Actor } from '../context.js';
import { invalid } from '../errors.js';

/**
 * The active user with this email, as an actor.
 *
 * @throws ServiceError `invalid` (path `--as`) for a malformed email or no active user with it
 */
export async function actorByEmail(db: Kysely<Database>, email: string): Promise<Actor> {
  const parsed = EmailSchema.safeParse(email);
  const user = parsed.success
    ? await db
        .selectFrom('users')
        .select(['id', 'email', 'organisation_id', 'roles'])
        .where('email', '=', parsed.data)
        .where('active', '=', true)
        .executeTakeFirst()
    : undefined;
  if (user === undefined) {
    throw invalid(
      'cli.unknown_user',
      `--as: no active user signs in as "${email}". Give the email of a billing staff member or admin.`,
      ['--as'],
    );
  }
  return {
    userId: user.id,
    email: user.email,
    organisationId: user.organisation_id,
    roles: user.roles,
    ip: null,
  };
}
