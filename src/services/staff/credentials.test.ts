/**
 * The signing blocker and the engine must never disagree: a note the engine would refuse for the author's
 * certification ("rules-catalog.md, Common to every pack: an active, certified rendering peer on the date of
 * service") is exactly a note the blocker stops, with the reason in words.
 */
import { describe, expect, it } from 'vitest';
import { allPacks, evaluateService } from '../../engine/index.js';
import { ClaimPreviewRequestSchema, StaffContextSchema, type StaffContext } from '../../shared/api/claims.js';
import { certificationBlocker, certificationStateOn, continuingEducationCycle } from './credentials.js';

const DATE = '2026-03-10';

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
        const engineBlocks = preview.problems.some((problem) => problem.code.endsWith('.staff.certified'));
        expect(engineBlocks, pack.id).toBe(blocker !== null);
      }
      if (blocker !== null) {
        expect(blocker).toMatchObject({ severity: 'error', code: `staff.certification.${state}` });
        expect(blocker.source?.ruleId).toMatch(/\.staff\.certified$/);
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
    );
    // No profile: no cycle start known, so everything up to the date counts.
    expect(cycle).toEqual({ cycleStart: null, hours: 3.3, lawAndEthicsHours: 1.05 });
  });
});
