/**
 * @module services/billing/history
 * A member's billing history during a run: the claim lines that count toward limits (current, not voids),
 * from the database at the start of the chunk and then from each line the run makes, in date order. It
 * answers the engine's history questions — units of a code on a day, unmanaged units in an episode's state
 * fiscal year, group hours in a calendar year — and how much of each authorization is used. Pure: the run
 * loads the lines, this only counts them.
 */
import { calendarYear, stateFiscalYear, type Pack } from '../../engine/index.js';
import type { Authorization, ServiceHistory } from '../../shared/api/claims.js';

/** A claim line as limits count it. */
export interface CountedLine {
  dateOfService: string;
  code: string;
  units: number;
  /** Direct minutes of a group service (0 for individual services). */
  groupMinutes: number;
  /** The prior authorization the line used, if any; such units are not "unmanaged". */
  authorizationId: string | null;
}

/** A stored prior authorization (the engine's `Authorization` less its used units, plus its id). */
export interface StoredAuthorization {
  id: string;
  number: string;
  code: string;
  units: number;
  from: string;
  to: string;
}

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

/** The counting lines of one member, with the questions limits ask of them. */
export class MemberHistory {
  private readonly lines: CountedLine[];

  constructor(lines: readonly CountedLine[] = []) {
    this.lines = [...lines];
  }

  /** Records a line the run has just made. */
  add(line: CountedLine): void {
    this.lines.push(line);
  }

  /**
   * The engine's history for a service on `date` (same-day units are filled later, once the code is known).
   *
   * @param periods - from {@link limitPeriodsOf}
   */
  historyOn(date: string, periods: LimitPeriods): ServiceHistory {
    let unmanaged = 0;
    let groupMinutes = 0;
    for (const line of this.lines) {
      if (line.dateOfService > date) continue;
      const from = periods.episodeFiscalYearFrom;
      if (from !== undefined && line.dateOfService >= from && line.authorizationId === null) {
        unmanaged += line.units;
      }
      const yearFrom = periods.calendarYearFrom;
      if (yearFrom !== undefined && line.dateOfService >= yearFrom) {
        groupMinutes += line.groupMinutes;
      }
    }
    return {
      unitsSameDaySameCode: 0,
      episodeFiscalYearUnits: unmanaged,
      calendarYearGroupHours: groupMinutes / 60,
    };
  }

  /** Units of `code` already claimed for the member on `date`. */
  sameDayUnits(date: string, code: string): number {
    let units = 0;
    for (const line of this.lines) {
      if (line.dateOfService === date && line.code === code) units += line.units;
    }
    return units;
  }

  /** The member's authorizations as the engine takes them, each with the units its lines have used. */
  authorizationsWithUse(authorizations: readonly StoredAuthorization[]): Authorization[] {
    return authorizations.map((authorization) => {
      let used = 0;
      for (const line of this.lines) {
        if (line.authorizationId === authorization.id) used += line.units;
      }
      return {
        number: authorization.number,
        code: authorization.code,
        units: authorization.units,
        usedUnits: used,
        from: authorization.from,
        to: authorization.to,
      };
    });
  }
}
