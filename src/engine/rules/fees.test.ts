/**
 * How the engine prices a line from the fee schedule in the request (issue 11, "Money right for every payer";
 * rules-catalog.md, December review, Money): the fee is the one whose code and modifiers are exactly the
 * procedure's, whatever modifiers the line gains besides; the expected rate is the fee's, else the pack's, else
 * (California's H0025) the H0038 rate on file ÷ 4.5, rounded to the cent; no fee means a $0 charge and the
 * `charge.present` error. Each row names the source line it checks, and every row is judged by both the
 * generated rule runner and the interpreted reference, which must agree.
 */
import { describe, expect, it } from 'vitest';
import type { ClaimLine, ClaimPreview, ClaimPreviewRequest, Fee } from '../../shared/api/claims.js';
import type { PayerPackId } from '../../shared/programs.js';
import { billableCaDhcsRequest } from '../../testing/claim-requests.js';
import { parseRequest, requirePack } from '../../testing/rule-table.js';
import { caDhcs } from '../packs/ca-dhcs.js';
import { evaluateService, evaluateServiceInterpreted } from './evaluate.js';
import { FACT_NAMES } from './facts.js';
import { loadPacks, type Pack } from './pack.js';

const DATE = '2026-11-18';
const MONEY = 'Catalog, December review, Money';
const TABLE_5 = '000 Service Table 5: "DHCS will divide the rate for group peer support (H0025) by 4.5"';

function fee(
  code: string,
  modifiers: string[],
  unitChargeCents: number,
  expected: number | null = null,
): Fee {
  return { code, modifiers, unitChargeCents, expectedUnitRateCents: expected };
}

/** A billable individual Medi-Cal hour (4 units of H0038) with the given fees. */
function california(fees: Fee[]): ClaimPreviewRequest {
  return parseRequest({ ...billableCaDhcsRequest(), fees });
}

/** The same hour as a group of six: 4 units of H0025. */
function californiaGroup(fees: Fee[]): ClaimPreviewRequest {
  const request = california(fees);
  request.service.type = 'skill_building_group';
  request.service.group = { attendees: 6, facilitatorFte: 1 };
  return request;
}

/** The California hour by video from home: the line gains 95. */
function californiaVideo(fees: Fee[]): ClaimPreviewRequest {
  const request = california(fees);
  request.service.modality = 'video';
  request.service.memberLocation = 'home';
  request.service.placeOfService = undefined;
  return request;
}

/** A billable individual Kansas hour (4 units of H0038), or a group hour (H0038 HQ). */
function kansas(fees: Fee[], group = false): ClaimPreviewRequest {
  const request = parseRequest({
    service: {
      dateOfService: DATE,
      type: group ? 'skill_building_group' : 'engagement',
      start: '10:00',
      end: '11:00',
      modality: 'in_person',
      placeOfService: '12',
      signedOn: DATE,
      ...(group ? { group: { attendees: 6, facilitatorFte: 1 } } : {}),
    },
    member: {
      dateOfBirth: '1990-04-02',
      coverage: [{ payerPack: 'ks-pahp', memberId: 'ZZKS00000001', from: '2026-01-01', to: null }],
      // Kansas eligibility criteria (003), determined before the service.
      functionalAssessmentOn: '2026-01-05',
      medicalNecessityOn: '2026-01-05',
    },
    staff: {
      certification: { type: 'kansas_peer', issuedOn: '2025-01-01', expiresOn: '2027-01-01' },
      dateOfBirth: '1985-06-01',
      highSchoolDiploma: true,
      livedExperience: true,
      hasAssignedSupervisor: true,
      clinicalSupervisorQualification: 'qmhp',
    },
    program: { type: 'mh_outpatient' },
    fees,
  });
  return request;
}

/** A Los Angeles DMC-ODS hour: H0038 with U7, which the program adds and no fee names. */
function losAngeles(fees: Fee[]): ClaimPreviewRequest {
  const request = california(fees);
  request.member.coverage = [
    { payerPack: 'ca-la-sapc', memberId: 'ZZLA00000001', from: '2026-01-01', to: null },
  ];
  request.program = { type: 'dmc_ods_outpatient' };
  request.service.planOfCare = {
    kind: 'new',
    longTermGoalsInMemberWords: 'quit using and keep my job',
    shortTermGoals: [{ text: 'Meet the peer this week', targetDate: '2026-11-20' }],
    memberParticipated: true,
    memberAgreed: true,
  };
  return request;
}

/** California with a statewide H0038 rate in the pack, as a pack file could give one: $46.67. */
const caWithPackRate: Pack = (() => {
  const loaded = loadPacks(
    [
      {
        ...caDhcs,
        rates: [
          ...(caDhcs.rates ?? []),
          {
            code: 'H0038',
            unitRateCents: 4667,
            effectiveFrom: '2023-07-01',
            citation: { document: 'test', section: 'Rates', quote: 'H0038 $46.67' },
          },
        ],
      },
    ],
    FACT_NAMES,
  ).get('ca-dhcs');
  if (loaded === undefined) throw new Error('pack not loaded');
  return loaded;
})();

interface FeeCase {
  source: string;
  what: string;
  pack: PayerPackId | Pack;
  request: ClaimPreviewRequest;
  line: Partial<ClaimLine>;
  /** The fee code the `charge.present` error names, or null when the line has its charge. */
  missingCharge: string | null;
}

const cases: FeeCase[] = [
  {
    source: `${MONEY}: the charge is the organisation's, from its fee schedule`,
    what: 'an individual H0038 takes the H0038 fee: 4 × $50.00, nothing expected (no rate on file)',
    pack: 'ca-dhcs',
    request: california([fee('H0038', [], 5000)]),
    line: {
      modifiers: [],
      unitChargeCents: 5000,
      chargeCents: 20000,
      unitRateCents: null,
      expectedCents: null,
    },
    missingCharge: null,
  },
  {
    source: `${MONEY}: a group H0038 HQ never uses the individual H0038 fee`,
    what: 'a Kansas group picks the HQ fee out of both',
    pack: 'ks-pahp',
    request: kansas([fee('H0038', [], 5000), fee('H0038', ['HQ'], 500)], true),
    line: {
      modifiers: ['HQ'],
      unitChargeCents: 500,
      chargeCents: 2000,
      unitRateCents: 437,
      expectedCents: 1748,
    },
    missingCharge: null,
  },
  {
    source: `${MONEY}: a group H0038 HQ never uses the individual H0038 fee`,
    what: 'a Kansas group with only the individual fee: $0 and the error names H0038 HQ',
    pack: 'ks-pahp',
    request: kansas([fee('H0038', [], 5000, 1200)], true),
    line: { modifiers: ['HQ'], unitChargeCents: 0, chargeCents: 0, unitRateCents: 437, expectedCents: 1748 },
    missingCharge: 'H0038 HQ',
  },
  {
    source: `${MONEY}: the fee's modifiers are exactly the procedure's`,
    what: 'an individual Kansas hour with only the HQ fee: $0 and the error names H0038',
    pack: 'ks-pahp',
    request: kansas([fee('H0038', ['HQ'], 500)]),
    line: { modifiers: [], unitChargeCents: 0, chargeCents: 0, unitRateCents: 1175, expectedCents: 4700 },
    missingCharge: 'H0038',
  },
  {
    source: `${MONEY}: telehealth modifiers do not change the price`,
    what: 'a California video line (95) takes the H0038 fee',
    pack: 'ca-dhcs',
    request: californiaVideo([fee('H0038', [], 5000, 4667)]),
    line: { modifiers: ['95'], chargeCents: 20000, unitRateCents: 4667, expectedCents: 18668 },
    missingCharge: null,
  },
  {
    source: `${MONEY}: modifiers the line gains besides the procedure's (U7) do not change the price`,
    what: 'a Los Angeles H0038 U7 takes the plain H0038 fee',
    pack: 'ca-la-sapc',
    request: losAngeles([fee('H0038', [], 5000)]),
    line: { modifiers: ['U7'], chargeCents: 20000, unitRateCents: 4667, expectedCents: 18668 },
    missingCharge: null,
  },
  {
    source: `${MONEY}: the fee's modifiers are exactly the procedure's`,
    what: 'a fee for H0038 U7 is not the fee of the procedure H0038, even on a U7 line',
    pack: 'ca-la-sapc',
    request: losAngeles([fee('H0038', ['U7'], 5000)]),
    line: { modifiers: ['U7'], chargeCents: 0, unitRateCents: 4667 },
    missingCharge: 'H0038',
  },
  {
    source: `${MONEY}: the expected rate is the fee schedule's, the seed's rate only the default`,
    what: 'a Kansas fee expecting $12.00 beats the contract’s $11.75',
    pack: 'ks-pahp',
    request: kansas([fee('H0038', [], 5000, 1200)]),
    line: { chargeCents: 20000, unitRateCents: 1200, expectedCents: 4800 },
    missingCharge: null,
  },
  {
    source: `${MONEY}: the seed's rate is the default expected rate`,
    what: 'a Kansas fee with no expected rate falls back to the contract’s $11.75',
    pack: 'ks-pahp',
    request: kansas([fee('H0038', [], 5000)]),
    line: { chargeCents: 20000, unitRateCents: 1175, expectedCents: 4700 },
    missingCharge: null,
  },
  {
    source: `${MONEY}: no charge on file → error, never a $0.00 billable line`,
    what: 'no fees at all: $0 charged, the pack’s expected rate still shown, and the error',
    pack: 'ks-pahp',
    request: kansas([]),
    line: { unitChargeCents: 0, chargeCents: 0, unitRateCents: 1175, expectedCents: 4700 },
    missingCharge: 'H0038',
  },
  {
    source: TABLE_5,
    what: 'H0025 = $46.67 on file ÷ 4.5 = 1037.1 → $10.37',
    pack: 'ca-dhcs',
    request: californiaGroup([fee('H0038', [], 5000, 4667), fee('H0025', [], 1200)]),
    line: { code: 'H0025', chargeCents: 4800, unitRateCents: 1037, expectedCents: 4148 },
    missingCharge: null,
  },
  {
    source: TABLE_5,
    what: 'H0025 = $40.00 on file ÷ 4.5 = 888.9 → $8.89 (rounded up)',
    pack: 'ca-dhcs',
    request: californiaGroup([fee('H0038', [], 5000, 4000), fee('H0025', [], 1200)]),
    line: { code: 'H0025', unitRateCents: 889, expectedCents: 3556 },
    missingCharge: null,
  },
  {
    source: TABLE_5,
    what: 'H0025 = $10.01 on file ÷ 4.5 = 222.4 → $2.22 (rounded down)',
    pack: 'ca-dhcs',
    request: californiaGroup([fee('H0038', [], 5000, 1001), fee('H0025', [], 1200)]),
    line: { code: 'H0025', unitRateCents: 222, expectedCents: 888 },
    missingCharge: null,
  },
  {
    source: TABLE_5,
    what: 'H0025 with no H0038 rate on file anywhere: unknown, never Los Angeles’s $10.37',
    pack: 'ca-dhcs',
    request: californiaGroup([fee('H0038', [], 5000), fee('H0025', [], 1200)]),
    line: { code: 'H0025', chargeCents: 4800, unitRateCents: null, expectedCents: null },
    missingCharge: null,
  },
  {
    source: TABLE_5,
    what: 'H0025 divides the pack’s H0038 rate when the fee schedule gives none',
    pack: caWithPackRate,
    request: californiaGroup([fee('H0038', [], 5000), fee('H0025', [], 1200)]),
    line: { code: 'H0025', unitRateCents: 1037, expectedCents: 4148 },
    missingCharge: null,
  },
  {
    source: TABLE_5,
    what: 'H0025 divides the H0038 fee’s expected rate before the pack’s',
    pack: caWithPackRate,
    request: californiaGroup([fee('H0038', [], 5000, 4500), fee('H0025', [], 1200)]),
    line: { code: 'H0025', unitRateCents: 1000, expectedCents: 4000 },
    missingCharge: null,
  },
  {
    source: `${MONEY}: the expected rate is the fee schedule's`,
    what: 'an H0025 fee’s own expected rate beats the division',
    pack: 'ca-dhcs',
    request: californiaGroup([fee('H0038', [], 5000, 4667), fee('H0025', [], 1200, 999)]),
    line: { code: 'H0025', unitRateCents: 999, expectedCents: 3996 },
    missingCharge: null,
  },
];

/** Judges the request by the generated runner and checks the interpreted reference gives the same answer. */
function judged(pack: PayerPackId | Pack, request: ClaimPreviewRequest): ClaimPreview {
  const loaded = typeof pack === 'string' ? requirePack(pack) : pack;
  const reference = evaluateServiceInterpreted(loaded, structuredClone(request));
  const preview = evaluateService(loaded, request);
  expect(JSON.stringify(preview)).toBe(JSON.stringify(reference));
  return preview;
}

describe('fee selection and expected rate', () => {
  describe.each(cases)('$source', ({ what, pack, request, line, missingCharge }) => {
    it(what, () => {
      const preview = judged(pack, structuredClone(request));
      expect(preview.lines).toHaveLength(1);
      expect(preview.lines[0]).toMatchObject(line);
      const charge = preview.problems.filter((problem) => problem.code.endsWith('.charge.present'));
      if (missingCharge === null) {
        expect(charge).toEqual([]);
        expect(preview.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
        expect(preview.billable).toBe(true);
      } else {
        expect(preview.billable).toBe(false);
        expect(charge).toHaveLength(1);
        expect(charge[0]).toMatchObject({ severity: 'error', path: ['fees'] });
        expect(charge[0]?.message).toBe(
          `Enter the charge for ${missingCharge} under ${preview.pack.name} from ${request.service.dateOfService} on the Fee schedule page.`,
        );
      }
    });
  });

  it('keeps the charge and the expected payment units × the unit figures on every line', () => {
    for (const { pack, request } of cases) {
      for (const line of judged(pack, structuredClone(request)).lines) {
        expect(line.chargeCents).toBe(line.units * line.unitChargeCents);
        expect(line.expectedCents).toBe(line.unitRateCents === null ? null : line.units * line.unitRateCents);
      }
    }
  });
});
