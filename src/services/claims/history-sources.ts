/**
 * @module services/claims/history-sources
 * What limits count, read from the store the same way by the note form's live preview and by billing: where
 * each limit's period starts, the units a member's prior authorizations have already used (counted from the
 * current claim lines that cite them, never stored apart), and the member's authorizations as the engine
 * takes them.
 */
import { sql, type ExpressionBuilder, type Kysely, type SelectQueryBuilder } from 'kysely';
import { calendarYear, stateFiscalYear, type Pack } from '../../engine/index.js';
import type { Authorization } from '../../shared/api/claims.js';
import type { PayerPackId } from '../../shared/programs.js';
import type { Database } from '../../store/index.js';

/** Where each period-limited count starts for a service on a date, by the pack's limits. */
export interface LimitPeriods {
  /** First day counted toward the episode-per-state-fiscal-year limit (North Carolina), if the pack has one. */
  episodeFiscalYearFrom?: string;
  /** First day counted toward the calendar-year limit (Kansas), if the pack has one. */
  calendarYearFrom?: string;
}

/**
 * The periods a pack's limits count over for a service on `date`. The episode count restarts at a new state
 * fiscal year and at a new episode of care, whichever is later.
 *
 * @param pack - the pack judging the service
 * @param date - the date of service
 * @param episodeStart - the first day of the episode of care open on `date`, if any
 */
export function limitPeriodsOf(pack: Pack, date: string, episodeStart: string | undefined): LimitPeriods {
  const periods: LimitPeriods = {};
  if (pack.limits.some((limit) => limit.period === 'episode_state_fiscal_year')) {
    const startMonth = pack.settings['stateFiscalYearStartMonth']?.value;
    const fiscalYear = stateFiscalYear(date, typeof startMonth === 'number' ? { startMonth } : {});
    periods.episodeFiscalYearFrom =
      episodeStart !== undefined && episodeStart > fiscalYear.start ? episodeStart : fiscalYear.start;
  }
  if (pack.limits.some((limit) => limit.period === 'calendar_year')) {
    periods.calendarYearFrom = calendarYear(date).start;
  }
  return periods;
}

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
 * A member's authorizations with one payer, with the units used so far, as the engine takes them.
 *
 * @param exceptNoteId - a note whose own claim lines are left out of the use (its preview judges it afresh)
 */
export async function authorizationsInUse(
  db: Kysely<Database>,
  organisationId: string,
  memberId: string,
  payerPack: PayerPackId,
  exceptNoteId: string | null = null,
): Promise<Authorization[]> {
  const rows = await db
    .selectFrom('authorizations as a')
    .select([
      'a.number',
      'a.code',
      'a.units',
      'a.valid_from',
      'a.valid_to',
      (eb) => {
        const used = usedUnitsOf(eb);
        return (exceptNoteId === null ? used : used.where('used.note_id', '<>', exceptNoteId)).as(
          'used_units',
        );
      },
    ])
    .where('a.organisation_id', '=', organisationId)
    .where('a.member_id', '=', memberId)
    .where('a.payer_pack', '=', payerPack)
    .orderBy('a.valid_from')
    .orderBy('a.number')
    .execute();
  return rows.map((row) => ({
    number: row.number,
    code: row.code,
    units: row.units,
    usedUnits: Number(row.used_units ?? 0),
    from: row.valid_from,
    to: row.valid_to,
  }));
}
