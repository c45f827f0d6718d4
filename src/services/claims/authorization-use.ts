/**
 * @module services/claims/authorization-use
 * The units a prior authorization has used, counted from the current claim lines that cite it and count
 * toward limits — never stored apart — and the columns read with it, for the claim context and the
 * authorizations page alike.
 */
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../store/index.js';

/** The units used of the authorization `a.id`: current claim lines that cite it and count toward limits. */
export function usedUnitsOf(
  eb: ExpressionBuilder<Database & { a: Database['authorizations'] }, 'a'>,
): SelectQueryBuilder<
  Database & { a: Database['authorizations'] } & { used: Database['claim_lines'] },
  'a' | 'used',
  { used: string }
> {
  return eb
    .selectFrom('claim_lines as used')
    .select(sql<string>`coalesce(sum(used.units), 0)`.as('used'))
    .whereRef('used.authorization_id', '=', 'a.id')
    .where('used.current', '=', true)
    .where('used.counts', '=', true);
}

/**
 * The columns of `authorizations as a` that every reader of an authorization with its use selects (the claim
 * context, to burn it down; the authorizations page and worklist, to show it), next to {@link usedUnitsOf}.
 */
export const AUTHORIZATION_COLUMNS = [
  'a.id',
  'a.member_id',
  'a.payer_pack',
  'a.number',
  'a.code',
  'a.modifiers',
  'a.program_id',
  'a.units',
  'a.valid_from',
  'a.valid_to',
] as const;
