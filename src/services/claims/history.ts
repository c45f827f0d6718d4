/**
 * @module services/claims/history
 * The one history source of the claim rules: what a member's limits have already counted. It is the member's
 * claim lines that count toward limits (current, not voids), read from the store, plus each line judged
 * claimable since — in a billing run the lines it makes, in a preview the lines the member's earlier unbilled
 * notes would make — in the order notes are judged. It answers the engine's history questions (units by code
 * on a day, unmanaged units in an episode's state fiscal year, group hours in a calendar year) and how much of
 * each prior authorization is used. Pure: the claim context loads the lines, this only counts them.
 */
import { calendarYear, hoursForUnits, stateFiscalYear, type Pack } from '../../engine/index.js';
import type { Authorization, ServiceHistory } from '../../shared/api/claims.js';
import type { PayerPackId } from '../../shared/programs.js';

/** Where each period-limited count starts for a service on a date, by the pack's limits. */
export interface LimitPeriods {
  /** First day counted toward the episode-per-state-fiscal-year limit (North Carolina), if the pack has one. */
  episodeFiscalYearFrom?: string;
  /** First day counted toward the calendar-year limit (Kansas), if the pack has one. */
  calendarYearFrom?: string;
}

/**
 * The periods a pack's limits count over for a service on `date`. The unmanaged count restarts at a new state
 * fiscal year; only when the pack's setting `unmanagedUnitsRenewPerEpisode` is true does a new episode of care
 * restart it too (whichever is later). By default a new episode in the same year does not renew the allotment
 * (North Carolina: "twenty-four (24) unmanaged units once per episode of care per state fiscal year", read
 * strictly as once per member per state fiscal year).
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
    const renewsPerEpisode = pack.settings['unmanagedUnitsRenewPerEpisode']?.value === true;
    periods.episodeFiscalYearFrom =
      renewsPerEpisode && episodeStart !== undefined && episodeStart > fiscalYear.start
        ? episodeStart
        : fiscalYear.start;
  }
  if (pack.limits.some((limit) => limit.period === 'calendar_year')) {
    periods.calendarYearFrom = calendarYear(date).start;
  }
  return periods;
}

/**
 * The first day any limit can look back to from a date of service: 1 January of the year before, which is on
 * or before the start of every calendar year and state fiscal year holding the date.
 */
export function historyStartFor(date: string): string {
  return `${Number(date.slice(0, 4)) - 1}-01-01`;
}

/**
 * Group psychosocial rehabilitation hours delivered outside Peerline that count toward the calendar-year group
 * hours of a service on `date` (Kansas 003: "a combination of group psychosocial rehabilitation and group peer
 * support"): those from the first day of the calendar-year period to the date of service, both included. None
 * when the pack counts no calendar-year limit.
 */
export function outsideGroupHoursOn(
  entries: readonly { deliveredOn: string; hours: number }[],
  date: string,
  periods: LimitPeriods,
): number {
  const from = periods.calendarYearFrom;
  if (from === undefined) return 0;
  let hours = 0;
  for (const entry of entries) {
    if (entry.deliveredOn >= from && entry.deliveredOn <= date) hours += entry.hours;
  }
  return Math.round(hours * 100) / 100;
}

/** A claim line as limits count it. */
export interface CountedLine {
  dateOfService: string;
  code: string;
  units: number;
  /**
   * Direct minutes of a group service (0 for individual services): what marks a group line. Its group hours are
   * its billed units × 15 minutes (`hoursForUnits`), not these minutes.
   */
  groupMinutes: number;
  /** The prior authorization the line used, if any; such units are not "unmanaged". */
  authorizationId: string | null;
}

/** A stored prior authorization, with the units its stored claim lines had used when it was read. */
export interface StoredAuthorization {
  id: string;
  payerPack: PayerPackId;
  number: string;
  code: string;
  /** The procedure modifiers it is for (none for an individual service). */
  modifiers: string[];
  /** The program it was given for: it covers only that program's notes; null for any program. */
  programId: string | null;
  units: number;
  from: string;
  to: string;
  /** Units of the current, counting claim lines that cite it, of any date (the judged notes' own left out). */
  usedUnits: number;
}

/** The counting lines of one member, with the questions limits ask of them. */
export class MemberHistory {
  private readonly lines: CountedLine[];
  /** Lines judged since the stored ones were read; authorizations' stored use does not hold them yet. */
  private readonly added: CountedLine[] = [];

  /** @param lines - the member's stored counting lines from `historyStartFor` the earliest date judged */
  constructor(lines: readonly CountedLine[] = []) {
    this.lines = [...lines];
  }

  /** Records a line just judged claimable, so the notes judged after it see it. */
  add(line: CountedLine): void {
    this.lines.push(line);
    this.added.push(line);
  }

  /**
   * The engine's history for a service on `date`.
   *
   * @param periods - from {@link limitPeriodsOf}
   */
  historyOn(date: string, periods: LimitPeriods): ServiceHistory {
    let unmanaged = 0;
    let groupUnits = 0;
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
        if (line.groupMinutes > 0) groupUnits += line.units;
      }
    }
    return {
      unitsSameDayByCode: sameDay,
      episodeFiscalYearUnits: unmanaged,
      calendarYearGroupHours: hoursForUnits(groupUnits),
    };
  }

  /** The authorizations as the engine takes them: their stored use plus the lines judged since that cite them. */
  authorizationsWithUse(authorizations: readonly StoredAuthorization[]): Authorization[] {
    return authorizations.map((authorization) => {
      let used = authorization.usedUnits;
      for (const line of this.added) {
        if (line.authorizationId === authorization.id) used += line.units;
      }
      return {
        number: authorization.number,
        code: authorization.code,
        modifiers: authorization.modifiers,
        units: authorization.units,
        usedUnits: used,
        from: authorization.from,
        to: authorization.to,
      };
    });
  }
}
