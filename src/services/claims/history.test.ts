/**
 * The one history source, as pure functions: what counts toward each limit, from when, and how authorizations
 * burn down.
 */
import { describe, expect, it } from 'vitest';
import { getPack } from '../../engine/index.js';
import { limitPeriodsOf, MemberHistory, type CountedLine } from './history.js';

const line = (dateOfService: string, units: number, extra: Partial<CountedLine> = {}): CountedLine => ({
  dateOfService,
  code: 'H0038',
  units,
  groupMinutes: 0,
  authorizationId: null,
  ...extra,
});

function pack(id: 'nc-wellcare' | 'ks-pahp' | 'ca-dhcs') {
  const found = getPack(id);
  if (found === undefined) throw new Error(`no pack ${id}`);
  return found;
}

describe('limit periods', () => {
  it.each([
    // 002 §I.A: per episode per state fiscal year (1 July – 30 June); a later episode start wins.
    ['nc-wellcare', '2026-06-30', undefined, { episodeFiscalYearFrom: '2025-07-01' }],
    ['nc-wellcare', '2026-07-01', undefined, { episodeFiscalYearFrom: '2026-07-01' }],
    ['nc-wellcare', '2026-11-02', '2026-09-15', { episodeFiscalYearFrom: '2026-09-15' }],
    ['nc-wellcare', '2026-11-02', '2025-01-15', { episodeFiscalYearFrom: '2026-07-01' }],
    // 003 Limitations: per calendar year.
    ['ks-pahp', '2026-12-31', undefined, { calendarYearFrom: '2026-01-01' }],
    ['ks-pahp', '2027-01-01', undefined, { calendarYearFrom: '2027-01-01' }],
    // 000: a daily maximum only; no period to look back over.
    ['ca-dhcs', '2026-11-02', undefined, {}],
  ] as const)('%s on %s (episode from %s) counts %o', (id, date, episodeStart, expected) => {
    expect(limitPeriodsOf(pack(id), date, episodeStart)).toEqual(expected);
  });
});

describe('member history', () => {
  const history = new MemberHistory([
    line('2026-06-30', 8),
    line('2026-07-01', 8),
    line('2026-07-02', 4, { authorizationId: 'pa-1' }),
    line('2026-07-02', 3, { code: 'H0025', groupMinutes: 50 }),
    line('2026-07-09', 8),
  ]);

  it('counts unmanaged units from the period start through the date of service, leaving out authorized ones', () => {
    expect(history.historyOn('2026-07-05', { episodeFiscalYearFrom: '2026-07-01' })).toEqual({
      unitsSameDayByCode: {},
      episodeFiscalYearUnits: 11,
      calendarYearGroupHours: 0,
    });
  });

  it('counts group lines’ billed units × 15 minutes as hours from the calendar year start', () => {
    // Rules catalog, December 2026 review (Kansas): a 50-minute group billed as 3 units is 0.75 hours, not 0.83.
    expect(history.historyOn('2026-07-05', { calendarYearFrom: '2026-01-01' }).calendarYearGroupHours).toBe(
      0.75,
    );
  });

  it('counts same-day units by code, on the date of service only', () => {
    expect(history.historyOn('2026-07-02', {}).unitsSameDayByCode).toEqual({ H0038: 4, H0025: 3 });
    expect(history.historyOn('2026-07-03', {}).unitsSameDayByCode).toEqual({});
  });

  it('burns authorizations down from their stored use by the lines judged since that cite them', () => {
    // Stored use comes from the database (every line of any date that cites it); the history's stored lines
    // are not counted again.
    const stored = [
      {
        id: 'pa-1',
        payerPack: 'nc-wellcare' as const,
        number: 'PA-1',
        code: 'H0038',
        modifiers: [],
        programId: null,
        units: 10,
        from: '2026-07-01',
        to: '2026-07-31',
        usedUnits: 4,
      },
    ];
    expect(history.authorizationsWithUse(stored)[0]?.usedUnits).toBe(4);
    history.add(line('2026-07-10', 5, { authorizationId: 'pa-1' }));
    expect(history.authorizationsWithUse(stored)[0]).toMatchObject({
      number: 'PA-1',
      units: 10,
      usedUnits: 9,
    });
  });
});
