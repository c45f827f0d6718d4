/**
 * The one history source, as pure functions: what counts toward each limit, from when, and how authorizations
 * burn down.
 */
import { describe, expect, it } from 'vitest';
import { evaluateService, getPack, type Pack } from '../../engine/index.js';
import { ClaimPreviewRequestSchema, type ClaimPreviewRequest } from '../../shared/api/claims.js';
import { feesForPack } from '../../testing/rule-table.js';
import { limitPeriodsOf, MemberHistory, outsideGroupHoursOn, type CountedLine } from './history.js';

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
    // 002 §I.A: "once per episode of care per state fiscal year" (1 July – 30 June), read strictly: once a
    // year, so an episode starting within the year does not restart the count (the setting below does).
    ['nc-wellcare', '2026-06-30', undefined, { episodeFiscalYearFrom: '2025-07-01' }],
    ['nc-wellcare', '2026-07-01', undefined, { episodeFiscalYearFrom: '2026-07-01' }],
    ['nc-wellcare', '2026-11-02', '2026-09-15', { episodeFiscalYearFrom: '2026-07-01' }],
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

/** The NC pack with the looser per-episode reading switched on (setting unmanagedUnitsRenewPerEpisode). */
function renewingPerEpisode(): Pack {
  const nc = pack('nc-wellcare');
  const setting = nc.settings['unmanagedUnitsRenewPerEpisode'];
  if (setting === undefined) throw new Error('nc-wellcare has no unmanagedUnitsRenewPerEpisode setting');
  return { ...nc, settings: { ...nc.settings, unmanagedUnitsRenewPerEpisode: { ...setting, value: true } } };
}

describe('unmanaged units once per state fiscal year, or per episode by setting (002 Prior Approval A)', () => {
  it('is off by default and marked a choice', () => {
    expect(pack('nc-wellcare').settings['unmanagedUnitsRenewPerEpisode']).toMatchObject({
      value: false,
      choice: true,
    });
  });

  it('restarts the count at a later episode start only with the setting on', () => {
    expect(limitPeriodsOf(renewingPerEpisode(), '2026-11-02', '2026-09-15')).toEqual({
      episodeFiscalYearFrom: '2026-09-15',
    });
    // An episode that began before the fiscal year still counts from 1 July.
    expect(limitPeriodsOf(renewingPerEpisode(), '2026-11-02', '2025-01-15')).toEqual({
      episodeFiscalYearFrom: '2026-07-01',
    });
  });

  // Two episodes of care in SFY 2027: 20 unmanaged units in the first (admitted 1 July), then a 10-unit
  // service in the second (admitted 1 October).
  const EPISODE_2 = '2026-10-01';
  const DATE = '2026-10-05';
  const firstEpisode = new MemberHistory([line('2026-07-06', 12), line('2026-08-03', 8)]);
  function secondEpisodeService(judgedBy: Pack): ClaimPreviewRequest {
    return ClaimPreviewRequestSchema.parse({
      service: {
        dateOfService: DATE,
        type: 'engagement',
        start: '10:00',
        end: '12:30',
        modality: 'in_person',
        placeOfService: '11',
        signedOn: DATE,
      },
      member: {
        dateOfBirth: '1990-04-02',
        coverage: [{ payerPack: 'nc-wellcare', memberId: 'ZZNC00000001', from: '2026-01-01', to: null }],
        diagnoses: [{ code: 'F33.1', category: 'mental_health' }],
        eligibilityVerifiedOn: [DATE],
        comprehensiveAssessmentOn: EPISODE_2,
        comprehensiveAssessmentBy: 'Dana Reyes, LCSW',
        serviceOrder: { orderedOn: EPISODE_2, clinician: 'Dr. Sam Okafor', credential: 'MD' },
        episodeStart: EPISODE_2,
      },
      staff: {
        certification: { type: 'north_carolina_peer', issuedOn: '2025-01-01', expiresOn: '2027-01-01' },
        livedExperience: true,
      },
      program: { type: 'mh_outpatient' },
      history: firstEpisode.historyOn(DATE, limitPeriodsOf(judgedBy, DATE, EPISODE_2)),
      fees: feesForPack('nc-wellcare'),
    });
  }
  const LIMIT_RULE = 'nc-wellcare.limit.unmanaged_units';

  it('strictly (default): 20 + 10 units in one fiscal year is over 24, so prior approval is needed', () => {
    const nc = pack('nc-wellcare');
    const preview = evaluateService(nc, secondEpisodeService(nc));
    expect(preview.limits[0]).toMatchObject({ usedBefore: 20, thisService: 10, remaining: -6 });
    expect(preview.problems.map((problem) => problem.code)).toContain(LIMIT_RULE);
    expect(preview.billable).toBe(false);
  });

  it('with unmanagedUnitsRenewPerEpisode on: the second episode starts a new 24, so 10 units are not over', () => {
    const looser = renewingPerEpisode();
    const preview = evaluateService(looser, secondEpisodeService(looser));
    expect(preview.limits[0]).toMatchObject({ usedBefore: 0, thisService: 10, remaining: 14 });
    expect(preview.problems.map((problem) => problem.code)).not.toContain(LIMIT_RULE);
    expect(preview.billable).toBe(true);
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

describe('group hours delivered outside Peerline (Kansas 003: "a combination of group psychosocial rehabilitation and group peer support")', () => {
  const entries = [
    { deliveredOn: '2025-12-31', hours: 4 },
    { deliveredOn: '2026-01-01', hours: 1.25 },
    { deliveredOn: '2026-03-01', hours: 2 },
  ];
  it('counts those of the calendar year up to the date of service, both ends included', () => {
    const periods = limitPeriodsOf(pack('ks-pahp'), '2026-03-01', undefined);
    expect(outsideGroupHoursOn(entries, '2026-03-01', periods)).toBe(3.25);
    expect(outsideGroupHoursOn(entries, '2026-02-28', periods)).toBe(1.25);
  });
  it('counts none for a pack without a calendar-year limit', () => {
    expect(
      outsideGroupHoursOn(entries, '2026-03-01', limitPeriodsOf(pack('ca-dhcs'), '2026-03-01', undefined)),
    ).toBe(0);
  });
});
