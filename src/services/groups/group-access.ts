/**
 * @module services/groups/group-access
 * Who may see and change which group session. A group is reached through the people who ran it, not
 * through its attendees, so a co-facilitator sees the whole group they helped run:
 *
 * - admins, billing staff and clinicians see every group of their organisation;
 * - supervisors see the groups they or a peer they supervise created or facilitated;
 * - peers see the groups they created or facilitated.
 *
 * Changing a group also needs a role that writes notes (billing staff and clinicians only read). Adding a
 * member as an attendee is a change to that member's record, so it goes through the member access rules
 * (services/access) as well. A group out of reach answers "not found", like another organisation's.
 */
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { Actor } from '../context.js';
import { isUuid } from '../access/index.js';
import { forbidden, notFound } from '../errors.js';
import { GROUP_WRITER_ROLES } from '../../shared/api/groups.js';
import { hasAnyRole } from '../../shared/roles.js';
import type { Database, GroupSessionRow } from '../../store/index.js';

const ORGANISATION_WIDE_READERS = ['admin', 'billing', 'clinician'] as const;

export type GroupAccessPurpose = 'read' | 'write';

/** A filter over `group_sessions` rows the actor may see; it always includes the organisation. */
export function visibleGroups(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'group_sessions'>): Expression<SqlBool> => {
    const inOrganisation = eb('group_sessions.organisation_id', '=', actor.organisationId);
    if (actor.roles.some((role) => (ORGANISATION_WIDE_READERS as readonly string[]).includes(role))) {
      return inOrganisation;
    }
    if (!actor.roles.includes('peer') && !actor.roles.includes('supervisor')) {
      return eb.and([inOrganisation, sql<SqlBool>`false`]);
    }
    // A group is reached through who created or facilitated it: the actor, or a peer they supervise.
    const supervisees = eb
      .selectFrom('staff_profiles')
      .select('staff_profiles.user_id')
      .where('staff_profiles.organisation_id', '=', actor.organisationId)
      .where('staff_profiles.supervisor_id', '=', actor.userId);
    const people = actor.roles.includes('supervisor') ? [actor.userId, supervisees] : [actor.userId];
    const reach = people.flatMap((who): Expression<SqlBool>[] => [
      eb('group_sessions.created_by', typeof who === 'string' ? '=' : 'in', who),
      eb.exists(
        eb
          .selectFrom('group_facilitators')
          .select('group_facilitators.id')
          .whereRef('group_facilitators.group_session_id', '=', 'group_sessions.id')
          .where('group_facilitators.user_id', typeof who === 'string' ? '=' : 'in', who),
      ),
    ]);
    return eb.and([inOrganisation, eb.or(reach)]);
  };
}

/**
 * The group session, if the actor may see it (and, for `write`, change it); otherwise `not_found` (out of
 * reach) or `forbidden` (visible but read-only). `forUpdate` locks the row for the rest of the transaction,
 * so two changes to one group run one after the other.
 */
export async function groupForActor(
  db: Kysely<Database>,
  actor: Actor,
  groupId: string,
  purpose: GroupAccessPurpose,
  options: { forUpdate?: boolean } = {},
): Promise<GroupSessionRow> {
  if (!isUuid(groupId)) throw notFound('group_session');
  let query = db
    .selectFrom('group_sessions')
    .selectAll()
    .where('group_sessions.id', '=', groupId)
    .where(visibleGroups(actor));
  if (options.forUpdate === true) query = query.forUpdate();
  const group = await query.executeTakeFirst();
  if (group === undefined) throw notFound('group_session');
  if (purpose === 'write') requireGroupWriter(actor);
  return group;
}

/** True when the actor's roles let them document groups (each attendee's note is a note they write). */
export function canWriteGroups(actor: Actor): boolean {
  return hasAnyRole(actor.roles, GROUP_WRITER_ROLES);
}

export function requireGroupWriter(actor: Actor): void {
  if (!canWriteGroups(actor)) {
    throw forbidden('Your role can read group sessions but not change them.');
  }
}
