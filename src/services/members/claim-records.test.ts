/**
 * How a member's stored records become the rules engine's MemberContext on a date of service. These pin what
 * the note form's live preview will say: a consent revoked before the service is not on file, an episode
 * discharged before it gives no assessment date, a county pack is judged before the state pack it extends.
 */
import { describe, expect, it } from 'vitest';
import { MemberContextSchema } from '../../shared/api/claims.js';
import { coverageInForceOn, toMemberClaimContext, type MemberClaimRecords } from './claim-records.js';

const NONE: MemberClaimRecords = {
  dateOfBirth: '1990-03-14',
  hasMedicare: false,
  asamLevel: null,
  specialPopulations: [],
  coverage: [],
  diagnoses: [],
  eligibilityChecks: [],
  eligibilityDeterminations: [],
  outsideGroupHours: [],
  episodes: [],
  consents: [],
};

function records(overrides: Partial<MemberClaimRecords>): MemberClaimRecords {
  return { ...NONE, ...overrides };
}

/** An episode's assessor and service order, none recorded. */
const NO_RECORDS = {
  assessmentClinician: null,
  serviceOrderOn: null,
  serviceOrderClinician: null,
  serviceOrderCredential: null,
} as const;

describe('toMemberClaimContext', () => {
  it('is a valid engine MemberContext even for a member with no records', () => {
    const context = toMemberClaimContext(NONE, '2026-03-02');
    expect(MemberContextSchema.safeParse(context).success).toBe(true);
    expect(context).toEqual({
      dateOfBirth: '1990-03-14',
      coverage: [],
      hasMedicare: false,
      diagnoses: [],
      asamLevel1Met: false,
      specialPopulations: [],
      eligibilityVerifiedOn: [],
      consents: {},
    });
  });

  it('maps coverage periods to the engine’s coverage with the plan member number as memberId', () => {
    const context = toMemberClaimContext(
      records({
        coverage: [{ payerPack: 'nc-wellcare', memberNumber: 'ZZNC00001234', from: '2025-01-01', to: null }],
      }),
      '2026-03-02',
    );
    expect(context.coverage).toEqual([
      { payerPack: 'nc-wellcare', memberId: 'ZZNC00001234', from: '2025-01-01', to: null },
    ]);
  });

  it('puts a county pack before the state pack it extends, so the engine judges by the county’s rules', () => {
    // Alameda members are covered by Medi-Cal through the county: ca-acbhd extends ca-dhcs.
    const coverage = [
      { payerPack: 'ca-dhcs' as const, memberId: 'ZZCA00000001', from: '2025-01-01', to: null },
      { payerPack: 'ca-acbhd' as const, memberId: 'ZZCA00000001', from: '2025-01-01', to: null },
    ];
    expect(coverageInForceOn(coverage, '2026-03-02').map((entry) => entry.payerPack)).toEqual([
      'ca-acbhd',
      'ca-dhcs',
    ]);
    expect(coverageInForceOn(coverage, '2024-12-31')).toEqual([]);
  });

  it('only counts coverage in force on the date, latest start first among equals', () => {
    const coverage = [
      { payerPack: 'ks-pahp' as const, memberId: 'ZZKS00000001', from: '2024-01-01', to: '2024-12-31' },
      { payerPack: 'ks-pahp' as const, memberId: 'ZZKS00000002', from: '2025-01-01', to: null },
    ];
    expect(coverageInForceOn(coverage, '2024-12-31').map((entry) => entry.memberId)).toEqual([
      'ZZKS00000001',
    ]);
    expect(coverageInForceOn(coverage, '2025-01-01').map((entry) => entry.memberId)).toEqual([
      'ZZKS00000002',
    ]);
  });

  it('keeps diagnoses recorded by the date of service and not resolved before it', () => {
    const context = toMemberClaimContext(
      records({
        diagnoses: [
          { code: 'F33.1', category: 'mental_health', recordedOn: '2025-01-10', resolvedOn: null },
          { code: 'F41.1', category: 'mental_health', recordedOn: '2025-01-10', resolvedOn: '2025-06-30' },
          { code: 'F10.20', category: 'substance_use', recordedOn: '2026-04-01', resolvedOn: null },
        ],
      }),
      '2026-03-02',
    );
    expect(context.diagnoses).toEqual([{ code: 'F33.1', category: 'mental_health' }]);
  });

  it('meets ASAM Level 1 at level 1.0 only, not at 0.5 (early intervention) or above, and carries the level', () => {
    expect(toMemberClaimContext(records({ asamLevel: '0.5' }), '2026-03-02').asamLevel1Met).toBe(false);
    expect(toMemberClaimContext(records({ asamLevel: '1.0' }), '2026-03-02').asamLevel1Met).toBe(true);
    // Read strictly (rules-catalog.md, December review): Level 1 itself, not any level from 1 up.
    expect(toMemberClaimContext(records({ asamLevel: '3.5' }), '2026-03-02').asamLevel1Met).toBe(false);
    expect(toMemberClaimContext(records({ asamLevel: '3.5' }), '2026-03-02').asamLevel).toBe('3.5');
    expect(toMemberClaimContext(records({ asamLevel: null }), '2026-03-02').asamLevel1Met).toBe(false);
  });

  it('lists each day eligibility was confirmed up to the date of service, once, in order', () => {
    const context = toMemberClaimContext(
      records({
        eligibilityChecks: [
          { checkedOn: '2026-03-02', result: 'eligible' },
          { checkedOn: '2026-02-01', result: 'eligible' },
          { checkedOn: '2026-02-01', result: 'eligible' },
          { checkedOn: '2026-01-05', result: 'not_eligible' },
          { checkedOn: '2026-01-06', result: 'pending' },
          { checkedOn: '2026-03-03', result: 'eligible' },
        ],
      }),
      '2026-03-02',
    );
    expect(context.eligibilityVerifiedOn).toEqual(['2026-02-01', '2026-03-02']);
  });

  it('gives the date of each telehealth and audio-only consent in force on the date', () => {
    const context = toMemberClaimContext(
      records({
        consents: [
          { kind: 'telehealth', givenOn: '2025-05-01', expiresOn: null, revokedOn: null },
          { kind: 'audio_only', givenOn: '2025-05-01', expiresOn: '2026-04-30', revokedOn: null },
          { kind: 'release_of_information', givenOn: '2025-05-01', expiresOn: null, revokedOn: null },
        ],
      }),
      '2026-03-02',
    );
    expect(context.consents).toEqual({ telehealth: '2025-05-01', audioOnly: '2025-05-01' });
  });

  it('leaves out consents revoked, expired or not yet given on the date', () => {
    const consents: MemberClaimRecords['consents'] = [
      // Revoked on the day of service: no longer in force that day.
      { kind: 'telehealth', givenOn: '2025-05-01', expiresOn: null, revokedOn: '2026-03-02' },
      { kind: 'audio_only', givenOn: '2025-05-01', expiresOn: '2026-03-01', revokedOn: null },
      { kind: 'audio_only', givenOn: '2026-03-03', expiresOn: null, revokedOn: null },
    ];
    expect(toMemberClaimContext(records({ consents }), '2026-03-02').consents).toEqual({});
    expect(toMemberClaimContext(records({ consents }), '2026-03-01').consents).toEqual({
      telehealth: '2025-05-01',
      audioOnly: '2025-05-01',
    });
  });

  it('takes the newest consent in force when several are', () => {
    const context = toMemberClaimContext(
      records({
        consents: [
          { kind: 'telehealth', givenOn: '2024-01-01', expiresOn: null, revokedOn: null },
          { kind: 'telehealth', givenOn: '2025-07-01', expiresOn: null, revokedOn: null },
        ],
      }),
      '2026-03-02',
    );
    expect(context.consents.telehealth).toBe('2025-07-01');
  });

  it('uses the episode open on the date for the episode start and comprehensive assessment', () => {
    const episodes: MemberClaimRecords['episodes'] = [
      { admittedOn: '2024-02-01', dischargedOn: '2024-11-30', assessmentOn: '2024-02-03', ...NO_RECORDS },
      { admittedOn: '2025-09-15', dischargedOn: null, assessmentOn: '2025-09-20', ...NO_RECORDS },
    ];
    const current = toMemberClaimContext(records({ episodes }), '2026-03-02');
    expect(current.episodeStart).toBe('2025-09-15');
    expect(current.comprehensiveAssessmentOn).toBe('2025-09-20');
    const earlier = toMemberClaimContext(records({ episodes }), '2024-06-01');
    expect(earlier.episodeStart).toBe('2024-02-01');
    expect(earlier.comprehensiveAssessmentOn).toBe('2024-02-03');
    // Between episodes there is none: the engine then sees no episode and no assessment.
    const between = toMemberClaimContext(records({ episodes }), '2025-01-15');
    expect(between).not.toHaveProperty('episodeStart');
    expect(between).not.toHaveProperty('comprehensiveAssessmentOn');
  });

  it('gives an episode start without an assessment date when none is recorded yet', () => {
    const context = toMemberClaimContext(
      records({
        episodes: [{ admittedOn: '2026-03-01', dischargedOn: null, assessmentOn: null, ...NO_RECORDS }],
      }),
      '2026-03-02',
    );
    expect(context.episodeStart).toBe('2026-03-01');
    expect(context).not.toHaveProperty('comprehensiveAssessmentOn');
  });

  it('gives the open episode’s assessor and service order, trimmed, leaving out what is blank', () => {
    const episodes: MemberClaimRecords['episodes'] = [
      {
        admittedOn: '2026-03-01',
        dischargedOn: null,
        assessmentOn: '2026-03-02',
        assessmentClinician: ' Dana Reyes, LCSW ',
        serviceOrderOn: '2026-03-02',
        serviceOrderClinician: 'Dr. Sam Okafor',
        serviceOrderCredential: '  ',
      },
    ];
    const context = toMemberClaimContext(records({ episodes }), '2026-03-05');
    expect(context.comprehensiveAssessmentBy).toBe('Dana Reyes, LCSW');
    expect(context.serviceOrder).toEqual({ orderedOn: '2026-03-02', clinician: 'Dr. Sam Okafor' });
    const none = toMemberClaimContext(
      records({
        episodes: [{ ...NO_RECORDS, admittedOn: '2026-03-01', dischargedOn: null, assessmentOn: null }],
      }),
      '2026-03-05',
    );
    expect(none).not.toHaveProperty('serviceOrder');
    expect(none).not.toHaveProperty('comprehensiveAssessmentBy');
  });

  it('passes Medicare, date of birth and special populations through unchanged', () => {
    const context = toMemberClaimContext(
      records({ hasMedicare: true, dateOfBirth: '2010-06-01', specialPopulations: ['katie_a', 'icc'] }),
      '2026-03-02',
    );
    expect(context.hasMedicare).toBe(true);
    expect(context.dateOfBirth).toBe('2010-06-01');
    expect(context.specialPopulations).toEqual(['katie_a', 'icc']);
  });
});
