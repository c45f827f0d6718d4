/**
 * @module services/billing/history
 * A member's billing history during a run: the claim lines that count toward limits (current, not voids),
 * from the database at the start of the chunk and then from each line the run makes, in date order. It
 * answers the engine's history questions — units of a code on a day, unmanaged units in an episode's state
 * fiscal year, group hours in a calendar year — and how much of each authorization is used. Pure: the run
 * loads the lines, this only counts them.
 */
import type { Authorization, ServiceHistory } from '../../shared/api/claims.js';
import type { LimitPeriods } from '../claims/index.js';

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
   * The engine's history for a service on `date`.
   *
   * @param periods - from `limitPeriodsOf` (services/claims)
   */
  historyOn(date: string, periods: LimitPeriods): ServiceHistory {
    let unmanaged = 0;
    let groupMinutes = 0;
    const sameDay: Record<string, number> = {};
    for (const line of this.lines) {
      if (line.dateOfService > date) continue;
      if (line.dateOfService === date) sameDay[line.code] = (sameDay[line.code] ?? 0) + line.units;
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
      unitsSameDayByCode: sameDay,
      episodeFiscalYearUnits: unmanaged,
      calendarYearGroupHours: groupMinutes / 60,
    };
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
