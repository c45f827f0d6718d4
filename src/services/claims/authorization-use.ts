/**
 * @module services/claims/authorization-use
 * The units a prior authorization has used, counted from the current claim lines that cite it and count
 * toward limits — never stored apart — for the claim context and the authorizations page alike.
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
