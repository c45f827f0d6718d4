/**
 * @module services/staff/access
 * Whose credentials the acting user may see and change, in one place:
 *
 * - admins and billing staff read every staff member of their organisation; only admins change profiles
 *   and remove continuing-education entries;
 * - a supervisor reads their team (the staff whose profile names them as supervisor) and themselves;
 * - everyone else reads only themselves;
 * - anyone may add continuing education to their own log.
 *
 * A staff member out of reach answers "not found", exactly like a user of another organisation.
 */
import type { ExpressionBuilder, Expression, Kysely, SqlBool } from 'kysely';
import type { StaffPermissions } from '../../shared/api/staff.js';
import type { Database } from '../../store/index.js';
import type { Actor } from '../context.js';
import { notFound } from '../errors.js';

export type StaffReach = 'organisation' | 'team' | 'self';

/** The widest reach any of the actor's roles gives. */
export function staffReachOf(actor: Actor): StaffReach {
  if (actor.roles.includes('admin') || actor.roles.includes('billing')) {
    return 'organisation';
  }
  return actor.roles.includes('supervisor') ? 'team' : 'self';
}

/** A filter over `users` rows whose credentials the actor may read; it includes the organisation. */
export function visibleStaff(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'users'>): Expression<SqlBool> => {
    const inOrganisation = eb('users.organisation_id', '=', actor.organisationId);
    const reach = staffReachOf(actor);
    switch (reach) {
      case 'organisation':
        return inOrganisation;
      case 'team':
        return eb.and([
          inOrganisation,
          eb.or([
            eb('users.id', '=', actor.userId),
            eb(
              'users.id',
              'in',
              eb
                .selectFrom('staff_profiles')
                .select('staff_profiles.user_id')
                .where('staff_profiles.organisation_id', '=', actor.organisationId)
                .where('staff_profiles.supervisor_id', '=', actor.userId),
            ),
          ]),
        ]);
      case 'self':
        return eb.and([inOrganisation, eb('users.id', '=', actor.userId)]);
    }
  };
}

/** Throws `not_found` unless the actor may read this staff member's credentials. */
export async function requireVisibleStaff(db: Kysely<Database>, actor: Actor, userId: string): Promise<void> {
  const row = await db
    .selectFrom('users')
    .select('users.id')
    .where('users.id', '=', userId)
    .where(visibleStaff(actor))
    .executeTakeFirst();
  if (row === undefined) {
    throw notFound('staff_member');
  }
}

export function staffPermissions(actor: Actor, userId: string): StaffPermissions {
  const isAdmin = actor.roles.includes('admin');
  return {
    editProfile: isAdmin,
    addContinuingEducation: isAdmin || actor.userId === userId,
    removeContinuingEducation: isAdmin,
  };
}
