/**
 * @module services/access/member-access
 * Who may see and change which member's record. Every use case that touches a member (the member's own
 * record, plans of care, notes, groups) goes through here, so the rule lives in one place:
 *
 * - admins, billing staff and clinicians see every member of their organisation;
 * - supervisors see the members assigned to them or to a peer they supervise;
 * - peers see the members on their own caseload.
 *
 * Billing staff read clinical records but never change them. A member outside the actor's reach answers
 * "not found", exactly like a member of another organisation, so ids reveal nothing.
 */
import { sql, type ExpressionBuilder, type Expression, type SqlBool, type Kysely } from 'kysely';
import type { Database, MemberRow } from '../../store/index.js';
import type { Actor } from '../context.js';
import { forbidden, notFound } from '../errors.js';

/** Roles that see every member of the organisation. */
const ORGANISATION_WIDE_READERS = ['admin', 'billing', 'clinician'] as const;

/** Roles that may change clinical records of members they can see. */
const CLINICAL_WRITERS = ['admin', 'supervisor', 'peer', 'clinician'] as const;

export type MemberAccessPurpose = 'read' | 'write';

function holdsAny(actor: Actor, roles: readonly string[]): boolean {
  return actor.roles.some((role) => roles.includes(role));
}

/**
 * A filter over `members` rows the actor may see; combine with `where`. It always includes the organisation,
 * so a query that uses it is scoped even if the caller forgets to.
 */
export function visibleMembers(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'members'>): Expression<SqlBool> => {
    const inOrganisation = eb('members.organisation_id', '=', actor.organisationId);
    if (holdsAny(actor, ORGANISATION_WIDE_READERS)) return inOrganisation;
    const reach: Expression<SqlBool>[] = [];
    if (actor.roles.includes('peer') || actor.roles.includes('supervisor')) {
      reach.push(eb('members.assigned_peer_id', '=', actor.userId));
    }
    if (actor.roles.includes('supervisor')) {
      reach.push(
        eb(
          'members.assigned_peer_id',
          'in',
          eb
            .selectFrom('staff_profiles')
            .select('staff_profiles.user_id')
            .where('staff_profiles.organisation_id', '=', actor.organisationId)
            .where('staff_profiles.supervisor_id', '=', actor.userId),
        ),
      );
    }
    if (reach.length === 0) return eb.and([inOrganisation, sql<SqlBool>`false`]);
    return eb.and([inOrganisation, eb.or(reach)]);
  };
}

/** True when the actor's roles let them change clinical records (of members they can see). */
export function canChangeClinicalRecords(actor: Actor): boolean {
  return holdsAny(actor, CLINICAL_WRITERS);
}

/**
 * The member, if the actor may see it (and, for `write`, change it); otherwise `not_found` (out of reach) or
 * `forbidden` (visible but read-only, e.g. billing staff). Pass the transaction the use case runs in.
 */
export async function memberForActor(
  db: Kysely<Database>,
  actor: Actor,
  memberId: string,
  purpose: MemberAccessPurpose,
): Promise<MemberRow> {
  if (!isUuid(memberId)) throw notFound('member');
  const member = await db
    .selectFrom('members')
    .selectAll()
    .where('members.id', '=', memberId)
    .where(visibleMembers(actor))
    .executeTakeFirst();
  if (member === undefined) throw notFound('member');
  if (purpose === 'write' && !canChangeClinicalRecords(actor)) {
    throw forbidden('Your role can read this member’s record but not change it.');
  }
  return member;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids that are not UUIDs cannot exist; answering early keeps PostgreSQL from raising a cast error. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
