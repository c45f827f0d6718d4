/**
 * @module x12/fixtures
 * Synthetic batches for the writer's tests, golden files and benchmark. Every identifier is from a range that
 * can name no one: NPIs begin with 9 (with a valid check digit), member ids with ZZ, EINs with 00, phones are
 * 555-01xx, streets are made up and ZIP+4 add-ons are 0000. Not part of the module's public surface.
 */
import { createRng, syntheticMedicaidIdAt, syntheticNpi, syntheticPersonName } from '../synthetic/index.js';
import type { Batch837, Claim837, RenderingProvider837, ServiceLine837, Subscriber837 } from './types.js';

/** Synthetic NPIs with valid check digits (9 + eight digits + check digit). */
export const FIXTURE_NPIS = {
  billing: '9123456789',
  peerA: '9234567813',
  peerB: '9345678129',
} as const;

export const PEER_A: RenderingProvider837 = {
  npi: FIXTURE_NPIS.peerA,
  last: 'Rivera',
  first: 'Alex',
  taxonomy: '175T00000X',
};

export const PEER_B: RenderingProvider837 = {
  npi: FIXTURE_NPIS.peerB,
  last: 'Okafor',
  first: 'Sam',
  taxonomy: '175T00000X',
};

export const MEMBER_A: Subscriber837 = {
  memberId: 'ZZ90000001A',
  last: 'Placeholder',
  first: 'Jordan',
  dateOfBirth: '1988-04-12',
  gender: 'F',
  address: { line1: '4120 Example Way', line2: null, city: 'Oakland', state: 'CA', postalCode: '94612' },
};

export const MEMBER_B: Subscriber837 = {
  memberId: 'ZZ90000002B',
  last: 'Sample',
  first: 'Casey',
  middle: 'Lee',
  dateOfBirth: '2001-12-30',
  gender: 'M',
  address: {
    line1: '77 Specimen Court',
    line2: 'Apt 3',
    city: 'Los Angeles',
    state: 'CA',
    postalCode: '90012-0000',
  },
};

/** A batch around `claims`, created 2026-11-20 at 09:30 with interchange 1 and group 1. */
export function fixtureBatch(claims: readonly Claim837[], overrides: Partial<Batch837> = {}): Batch837 {
  return {
    interchange: {
      senderId: 'PEERLINE01',
      receiverId: 'ZZMEDICAID',
      controlNumber: 1,
      groupControlNumber: 1,
      usageIndicator: 'T',
      createdAt: { date: '2026-11-20', time: '09:30' },
    },
    batchId: 'PL-20261120-01',
    submitter: {
      name: 'Hope Peer Support Example',
      id: 'PEERLINE01',
      contact: { name: 'Billing Desk', phone: '510-555-0142' },
    },
    receiver: { name: 'State Medicaid Example', id: 'ZZMEDICAID' },
    billingProvider: {
      name: 'Hope Peer Support Example',
      npi: FIXTURE_NPIS.billing,
      taxonomy: '251S00000X',
      taxId: '00-1234567',
      address: {
        line1: '1500 Demo Avenue',
        line2: 'Suite 200',
        city: 'Oakland',
        state: 'CA',
        postalCode: '94612-0000',
      },
    },
    payer: { name: 'Medi-Cal Example', payerId: 'ZZMCAL' },
    claims,
    ...overrides,
  };
}

/** A one-line original claim for `subscriber`, with `overrides` applied. */
export function fixtureClaim(
  claimId: string,
  subscriber: Subscriber837 = MEMBER_A,
  overrides: Partial<Claim837> = {},
): Claim837 {
  return {
    claimId,
    frequencyCode: '1',
    placeOfService: '11',
    subscriber,
    diagnoses: ['F33.1'],
    renderingProvider: PEER_A,
    lines: [fixtureLine(`${claimId}-1`)],
    ...overrides,
  };
}

/** One 15-minute-unit H0038 line on 2026-11-18. */
export function fixtureLine(
  lineControlNumber: string,
  overrides: Partial<ServiceLine837> = {},
): ServiceLine837 {
  return {
    lineControlNumber,
    code: 'H0038',
    chargeCents: 6000,
    units: 4,
    dateOfService: '2026-11-18',
    diagnosisPointers: [1],
    ...overrides,
  };
}

/**
 * The golden files: name → batch and options. `golden/README.md` records how each file was checked against the
 * guide, segment by segment; a change here needs that check again.
 */
export const GOLDEN_BATCHES: Readonly<Record<string, { batch: Batch837; maxClaimsPerTransaction?: number }>> =
  {
    'professional-two-lines': {
      batch: fixtureBatch([
        fixtureClaim('PSS-0001', MEMBER_A, {
          diagnoses: ['F33.1', 'f41.1'],
          lines: [
            fixtureLine('PSS-0001-1', { modifiers: ['HQ'], chargeCents: 4667, units: 1 }),
            fixtureLine('PSS-0001-2', {
              modifiers: ['he', 'U8', 'GT', 'KX'],
              chargeCents: 6050,
              units: 4,
              dateOfService: '2026-11-19',
              diagnosisPointers: [2, 1],
            }),
          ],
        }),
      ]),
    },
    'replacement-7': {
      batch: fixtureBatch(
        [
          fixtureClaim('PSS-0002R', MEMBER_A, {
            frequencyCode: '7',
            originalClaimReference: 'ZZ2026111700012',
            lines: [fixtureLine('PSS-0002-1', { units: 3, chargeCents: 4500 })],
          }),
        ],
        { interchange: { ...fixtureBatch([]).interchange, controlNumber: 2, groupControlNumber: 2 } },
      ),
    },
    'void-8': {
      batch: fixtureBatch(
        [
          fixtureClaim('PSS-0003V', MEMBER_B, {
            frequencyCode: '8',
            originalClaimReference: 'ZZ2026111700013',
            diagnoses: ['F43.10'],
          }),
        ],
        { interchange: { ...fixtureBatch([]).interchange, controlNumber: 3, groupControlNumber: 3 } },
      ),
    },
    'prior-authorization': {
      batch: fixtureBatch(
        [
          fixtureClaim('PSS-0004', MEMBER_B, {
            priorAuthorization: 'ZZAUTH-778812',
            placeOfService: '11',
            renderingProvider: PEER_B,
            diagnoses: ['F10.20', 'Z59.00', 'F33.1'],
            lines: [
              fixtureLine('PSS-0004-1', { diagnosisPointers: [1, 2, 3] }),
              fixtureLine('PSS-0004-2', {
                code: 'H0025',
                modifiers: ['HQ'],
                chargeCents: 1037,
                units: 2,
                placeOfService: '12',
                diagnosisPointers: [1],
              }),
            ],
          }),
        ],
        {
          interchange: {
            ...fixtureBatch([]).interchange,
            controlNumber: 123_456_789,
            groupControlNumber: 45,
            usageIndicator: 'P',
            acknowledgmentRequested: true,
            receiverQualifier: '30',
            applicationReceiverCode: 'ZZMCALAPP',
          },
          payer: {
            name: 'Medi-Cal Example',
            payerId: 'ZZMCAL',
            address: {
              line1: 'PO Box 0000',
              line2: null,
              city: 'Sacramento',
              state: 'CA',
              postalCode: '95814',
            },
          },
          submitter: {
            name: 'Hope Peer Support Example',
            id: 'PEERLINE01',
            contact: { name: 'Billing Desk', phone: '(510) 555-0142', email: 'billing@example.org' },
          },
        },
      ),
    },
    'multiple-claims': {
      batch: fixtureBatch([
        fixtureClaim('PSS-0005', MEMBER_A),
        fixtureClaim('PSS-0006', MEMBER_A, {
          lines: [fixtureLine('PSS-0006-1', { dateOfService: '2026-11-19', chargeCents: 1500, units: 1 })],
        }),
        fixtureClaim('PSS-0007', MEMBER_B, { renderingProvider: PEER_B, diagnoses: ['F41.1'] }),
        fixtureClaim('PSS-0008', MEMBER_B, {
          renderingProvider: PEER_B,
          diagnoses: ['F41.1'],
          lines: [fixtureLine('PSS-0008-1', { code: 'H0025', chargeCents: 1037, units: 1 })],
        }),
      ]),
      maxClaimsPerTransaction: 3,
    },
  };

const HCPCS = ['H0038', 'H0025'] as const;
const MODIFIERS = ['HQ', 'GT', 'U8', 'HE', 'KX', '95'] as const;
const DIAGNOSES = ['F33.1', 'F41.1', 'F10.20', 'F43.10', 'Z59.00', 'F31.9'] as const;

/** `count` claims of 1–5 lines, members repeating in runs so subscriber loops hold several claims. */
export function syntheticClaims(count: number, seed = 'x12-volume'): Claim837[] {
  const rng = createRng(seed);
  const members = rng.fork('members');
  const peers = rng.fork('peers');
  const draws = rng.fork('claims');
  const claims: Claim837[] = [];
  let subscriber: Subscriber837 = MEMBER_A;
  for (let index = 0; index < count; index += 1) {
    const draw = draws.at(index);
    if (index === 0 || draw.chance(0.6)) {
      const name = syntheticPersonName(members.at(index));
      subscriber = {
        ...MEMBER_B,
        memberId: syntheticMedicaidIdAt(members, 'CA', index),
        last: name.familyName,
        first: name.givenName,
        middle: undefined,
      };
    }
    const diagnoses = DIAGNOSES.slice(0, draw.int(1, 4));
    const lineCount = draw.int(1, 5);
    claims.push({
      claimId: `SYN-${index}`,
      frequencyCode: '1',
      placeOfService: '11',
      subscriber,
      diagnoses,
      renderingProvider: { ...PEER_A, npi: syntheticNpi(peers.at(index % 50)) },
      lines: Array.from({ length: lineCount }, (_, line) => ({
        lineControlNumber: `SYN-${index}-${line + 1}`,
        code: draw.pick(HCPCS),
        modifiers: MODIFIERS.slice(0, draw.int(0, 4)),
        chargeCents: draw.int(500, 20_000),
        units: draw.int(1, 8),
        dateOfService: `2026-10-${String(draw.int(1, 31)).padStart(2, '0')}`,
        diagnosisPointers: [draw.int(1, diagnoses.length)],
      })),
    });
  }
  return claims;
}

/**
 * `count` claims shaped like the billing export's (`claim837` in services/billing): one service line each, a new
 * member after one or two claims, and — as the export builds them — a fresh subscriber and rendering provider
 * object for every claim, with names in mixed case as people typed them. Nothing can be shared by identity, so
 * this is the shape where per-claim and per-subscriber work dominates.
 */
export function exportShapedClaims(count: number, seed = 'x12-export'): Claim837[] {
  const rng = createRng(seed);
  const members = rng.fork('members');
  const peers = rng.fork('peers');
  const draws = rng.fork('claims');
  const peerNames = Array.from({ length: 50 }, (_, index) => ({
    npi: syntheticNpi(peers.at(index)),
    name: syntheticPersonName(peers.at(index)),
  }));
  const claims: Claim837[] = [];
  let member = MEMBER_A;
  for (let index = 0; index < count; index += 1) {
    const draw = draws.at(index);
    if (index === 0 || draw.chance(0.6)) {
      const name = syntheticPersonName(members.at(index));
      member = {
        memberId: syntheticMedicaidIdAt(members, 'CA', index),
        last: name.familyName,
        first: name.givenName,
        dateOfBirth: `19${draw.int(50, 99)}-0${draw.int(1, 9)}-1${draw.int(0, 9)}`,
        gender: draw.pick(['F', 'M'] as const),
        address: {
          line1: `${draw.int(100, 9899)} Bench Street`,
          line2: null,
          city: 'Oakland',
          state: 'CA',
          postalCode: '946120000',
        },
      };
    }
    const peer = draw.pick(peerNames);
    const claimId = `PL${1_000_000 + index}`;
    claims.push({
      claimId,
      frequencyCode: '1',
      placeOfService: '11',
      subscriber: { ...member, address: { ...member.address } },
      diagnoses: draw.chance(0.5) ? ['F10.20', 'F33.1'] : ['F33.1'],
      renderingProvider: {
        npi: peer.npi,
        last: peer.name.familyName,
        first: peer.name.givenName,
        taxonomy: '175T00000X',
      },
      lines: [
        {
          lineControlNumber: `${claimId}-1`,
          code: draw.pick(HCPCS),
          modifiers: draw.chance(0.5) ? ['HQ'] : [],
          chargeCents: draw.int(500, 20_000),
          units: draw.int(1, 8),
          dateOfService: `2026-10-${String(draw.int(1, 31)).padStart(2, '0')}`,
          diagnosisPointers: [1],
        },
      ],
    });
  }
  return claims;
}
