/**
 * The signing blocker and the engine must never disagree: a note the engine would refuse for the author's
 * certification ("rules-catalog.md, Common to every pack: an active, certified rendering peer on the date of
 * service") is exactly a note the blocker stops, with the reason in words. The continuing-education cycle
 * runs in steps of the cycle length of the pack judged (`ceCycleYears`) from the certification's issue date.
 */
import { describe, expect, it } from 'vitest';
import { allPacks, evaluateService, evaluateStaffRules, getPack } from '../../engine/index.js';
import { ClaimPreviewRequestSchema, StaffContextSchema, type StaffContext } from '../../shared/api/claims.js';
import {
  ceCycleYears,
  certificationBlocker,
  certificationStateOn,
  continuingEducationCycle,
  cycleStartOn,
  staffContextOf,
  type CredentialRecord,
} from './credentials.js';
import { medicalPeerRecord } from '../../testing/credential-records.js';

const DATE = '2026-03-10';
/** The engine's certification rules: a legacy peer is refused by the second, as not certified. */
const CERTIFICATION_RULE = /\.staff\.(certified|legacy_uncertified)$/;

const CASES: { name: string; staff: StaffContext; state: string }[] = [
  { name: 'no certification', staff: StaffContextSchema.parse({}), state: 'missing' },
  {
    name: 'a legacy, uncertified peer',
    staff: StaffContextSchema.parse({ certification: { type: 'legacy_uncertified' } }),
    state: 'uncertified',
  },
  {
    name: 'a certification issued after the date',
    staff: StaffContextSchema.parse({ certification: { type: 'medi_cal_peer', issuedOn: '2026-03-11' } }),
    state: 'not_yet_issued',
  },
  {
    name: 'a certification that expired the day before',
    staff: StaffContextSchema.parse({ certification: { type: 'kansas_peer', expiresOn: '2026-03-09' } }),
    state: 'expired',
  },
  {
    name: 'a certification expiring on the date itself',
    staff: StaffContextSchema.parse({
      certification: { type: 'north_carolina_peer', issuedOn: '2026-03-10', expiresOn: '2026-03-10' },
    }),
    state: 'current',
  },
];

describe('certificationBlocker', () => {
  for (const { name, staff, state } of CASES) {
    it(`agrees with every pack's certification rule for ${name} (${state})`, () => {
      expect(certificationStateOn(staff, DATE)).toBe(state);
      const blocker = certificationBlocker(staff, DATE);
      for (const pack of allPacks()) {
        const preview = evaluateService(
          pack,
          ClaimPreviewRequestSchema.parse({
            payerPack: pack.id,
            service: {
              dateOfService: DATE,
              type: 'engagement',
              start: '10:00',
              end: '11:00',
              modality: 'in_person',
            },
            member: { dateOfBirth: '1990-01-01' },
            staff,
            program: { type: 'mh_outpatient' },
          }),
        );
        const engineBlocks = preview.problems.some((problem) => CERTIFICATION_RULE.test(problem.code));
        expect(engineBlocks, pack.id).toBe(blocker !== null);
      }
      if (blocker !== null) {
        expect(blocker).toMatchObject({ severity: 'error', code: `staff.certification.${state}` });
        expect(blocker.source?.ruleId).toMatch(
          state === 'uncertified' ? /\.staff\.legacy_uncertified$/ : /\.staff\.certified$/,
        );
      }
    });
  }

  it('names the expiry date and the date of service in the reason', () => {
    const staff = StaffContextSchema.parse({
      certification: { type: 'medi_cal_peer', expiresOn: '2026-01-31' },
    });
    expect(certificationBlocker(staff, DATE, 'ca-la-sapc')?.message).toMatch(
      /expired on 2026-01-31.*\(2026-03-10\)/,
    );
    expect(certificationBlocker(staff, DATE, 'ca-la-sapc')?.source?.ruleId).toBe('ca-dhcs.staff.certified');
  });
});

describe('continuingEducationCycle', () => {
  it('counts entries from the issue date through the date, to two decimals', () => {
    const cycle = continuingEducationCycle(
      {
        profile: undefined,
        supervisorActive: false,
        continuingEducation: [
          { completedOn: '2025-01-01', hours: 1.1, lawAndEthicsHours: 0 },
          { completedOn: '2025-02-01', hours: 2.2, lawAndEthicsHours: 1.05 },
          { completedOn: '2026-04-01', hours: 5, lawAndEthicsHours: 5 },
        ],
      },
      DATE,
      2,
    );
    // No profile: no cycle start known, so everything up to the date counts.
    expect(cycle).toEqual({ cycleStart: null, hours: 3.3, lawAndEthicsHours: 1.05 });
  });
});

describe('the continuing-education cycle follows the pack setting ceCycleYears (research (f), 001 memo)', () => {
  /** A profile issued on `issuedOn`, with CE entries around the 2025 anniversary of a 2023 issue. */
  function issued(issuedOn: string): CredentialRecord {
    return medicalPeerRecord(issuedOn, [
      { completedOn: '2025-02-28', hours: 10, lawAndEthicsHours: 3 },
      { completedOn: '2025-03-01', hours: 4, lawAndEthicsHours: 1 },
      { completedOn: '2026-03-01', hours: 2, lawAndEthicsHours: 2 },
    ]);
  }

  it('is a two-year choice in the ca-dhcs pack, cited to research (f)', () => {
    expect(getPack('ca-dhcs')?.settings['ceCycleYears']).toMatchObject({
      value: 2,
      choice: true,
      citation: { document: 'rules-research.md', quote: 'Renewal: every 2 years' },
    });
  });

  it.each([
    { pack: 'ca-dhcs', years: 2 },
    { pack: 'ca-la-sapc', years: 2 }, // inherited from ca-dhcs
    { pack: 'ca-acbhd', years: 1 }, // 001: "up to 20 hours of continuing education per year"
    { pack: 'ks-pahp', years: null }, // no cycle: no Kansas rule reads continuing education
    { pack: 'nc-wellcare', years: null },
  ] as const)('is $years year(s) under $pack', ({ pack, years }) => {
    expect(ceCycleYears(getPack(pack))).toBe(years);
  });

  it('counts, under a pack with no cycle, every entry up to the date', () => {
    expect(staffContextOf(issued('2023-03-01'), DATE, ceCycleYears(getPack('ks-pahp')))).toMatchObject({
      continuingEducation: { hours: 16, lawAndEthicsHours: 6 },
    });
  });

  it('starts at the latest two-year anniversary of the issue date on or before the date', () => {
    // Issued 2023-03-01: cycles start 2023-03-01, 2025-03-01, 2027-03-01.
    expect(continuingEducationCycle(issued('2023-03-01'), DATE, 2)).toEqual({
      cycleStart: '2025-03-01',
      hours: 6,
      lawAndEthicsHours: 3,
    });
    // The day before the anniversary, the first cycle still runs and counts the entry of that day.
    expect(continuingEducationCycle(issued('2023-03-01'), '2025-02-28', 2)).toEqual({
      cycleStart: '2023-03-01',
      hours: 10,
      lawAndEthicsHours: 3,
    });
  });

  it('counts a year at a time when the setting is 1 (the 001 memo’s “per year”)', () => {
    expect(continuingEducationCycle(issued('2023-03-01'), DATE, 1)).toEqual({
      cycleStart: '2026-03-01',
      hours: 2,
      lawAndEthicsHours: 2,
    });
  });

  it('starts on the issue date for a date within the first cycle or before the issue', () => {
    expect(cycleStartOn('2025-06-01', '2026-03-10', 2)).toBe('2025-06-01');
    expect(cycleStartOn('2025-06-01', '2025-01-01', 2)).toBe('2025-06-01');
    expect(cycleStartOn('2023-03-01', '2027-03-01', 2)).toBe('2027-03-01');
  });

  it('takes 28 February as the anniversary of 29 February in a common year', () => {
    expect(cycleStartOn('2024-02-29', '2026-02-28', 2)).toBe('2026-02-28');
    expect(cycleStartOn('2024-02-29', '2026-02-27', 2)).toBe('2024-02-29');
    expect(cycleStartOn('2024-02-29', '2028-02-29', 2)).toBe('2028-02-29');
  });
});

describe('each pack judges the continuing education of its own cycle (001: Alameda counts a year)', () => {
  // Issued 2023-03-01 and judged on 2026-11-18: the two-year cycle began 2025-03-01, the one-year 2026-03-01.
  const JUDGED = '2026-11-18';
  const FULL = { hours: 20, lawAndEthicsHours: 6 };

  /** The continuing-education warnings `pack` gives the peer with `record` on the date. */
  function ceWarnings(packId: 'ca-dhcs' | 'ca-acbhd' | 'ca-la-sapc', record: CredentialRecord): string[] {
    const pack = getPack(packId);
    if (pack === undefined) throw new Error(`pack ${packId} is not loaded`);
    const request = ClaimPreviewRequestSchema.parse({
      payerPack: packId,
      service: {
        dateOfService: JUDGED,
        type: 'engagement',
        start: '10:00',
        end: '11:00',
        modality: 'in_person',
      },
      member: { dateOfBirth: '1990-01-01' },
      staff: staffContextOf(record, JUDGED, ceCycleYears(pack)),
      program: { type: 'mh_outpatient' },
    });
    return evaluateStaffRules(pack, request)
      .filter((problem) => problem.path[1] === 'continuingEducation')
      .map((problem) => `${problem.severity} ${problem.code}`);
  }

  it.each([
    {
      name: 'the hours completed within the last year',
      completedOn: '2026-05-01',
      warned: { 'ca-dhcs': false, 'ca-la-sapc': false, 'ca-acbhd': false },
    },
    {
      name: 'the hours completed only in the year before',
      completedOn: '2025-11-01',
      warned: { 'ca-dhcs': false, 'ca-la-sapc': false, 'ca-acbhd': true },
    },
    {
      name: 'the hours completed before the two-year cycle began',
      completedOn: '2025-02-01',
      warned: { 'ca-dhcs': true, 'ca-la-sapc': true, 'ca-acbhd': true },
    },
  ] as const)('with $name', ({ completedOn, warned }) => {
    const record = medicalPeerRecord('2023-03-01', [{ completedOn, ...FULL }]);
    for (const packId of ['ca-dhcs', 'ca-la-sapc', 'ca-acbhd'] as const) {
      expect(ceWarnings(packId, record), packId).toEqual(
        warned[packId] ? ['warning ca-dhcs.staff.continuing_education'] : [],
      );
    }
  });
});
