/**
 * Every refusal of the 837P writer, both ways: the faulty batch gets exactly the named problem at the named path,
 * and the same batch with the fault put right gets none. Each case changes one field of a known-good batch.
 */
import { describe, expect, it } from 'vitest';
import {
  FIXTURE_NPIS,
  MEMBER_A,
  MEMBER_B,
  PEER_A,
  fixtureBatch,
  fixtureClaim,
  fixtureLine,
} from './fixtures.js';
import {
  X12_LIMITS,
  X12_PROBLEM_CODES,
  validateBatch837,
  type Batch837,
  type Claim837,
  type ServiceLine837,
  type Subscriber837,
} from './index.js';

const GOOD = fixtureBatch([fixtureClaim('C1')]);

function withClaim(overrides: Partial<Claim837>): Batch837 {
  return fixtureBatch([fixtureClaim('C1', MEMBER_A, overrides)]);
}

function withLine(overrides: Partial<ServiceLine837>): Batch837 {
  return withClaim({ lines: [fixtureLine('C1-1', overrides)] });
}

function withSubscriber(overrides: Partial<Subscriber837>): Batch837 {
  return withClaim({ subscriber: { ...MEMBER_A, ...overrides } });
}

function withInterchange(overrides: Partial<Batch837['interchange']>): Batch837 {
  return { ...GOOD, interchange: { ...GOOD.interchange, ...overrides } };
}

/** A one-digit change to a valid NPI breaks its check digit. */
const BAD_CHECK_DIGIT = `${FIXTURE_NPIS.peerA.slice(0, 9)}${(Number(FIXTURE_NPIS.peerA[9]) + 1) % 10}`;

interface RefusalCase {
  /** What is wrong, as a sentence. */
  readonly fault: string;
  readonly code: string;
  readonly path: readonly (string | number)[];
  readonly bad: Batch837;
  readonly good: Batch837;
}

const CASES: readonly RefusalCase[] = [
  {
    fault: "the billing provider's NPI fails its check digit",
    code: X12_PROBLEM_CODES.npi,
    path: ['billingProvider', 'npi'],
    bad: { ...GOOD, billingProvider: { ...GOOD.billingProvider, npi: '9123456780' } },
    good: GOOD,
  },
  {
    fault: "the rendering provider's NPI fails its check digit",
    code: X12_PROBLEM_CODES.npi,
    path: ['claims', 0, 'renderingProvider', 'npi'],
    bad: withClaim({ renderingProvider: { ...PEER_A, npi: BAD_CHECK_DIGIT } }),
    good: withClaim({ renderingProvider: PEER_A }),
  },
  {
    fault: 'an NPI is not ten digits',
    code: X12_PROBLEM_CODES.npi,
    path: ['claims', 0, 'renderingProvider', 'npi'],
    bad: withClaim({ renderingProvider: { ...PEER_A, npi: '923456781' } }),
    good: withClaim({ renderingProvider: { ...PEER_A, npi: ' 9234567813 ' } }),
  },
  {
    fault: 'the claim has no diagnosis',
    code: X12_PROBLEM_CODES.noDiagnosis,
    path: ['claims', 0, 'diagnoses'],
    bad: withClaim({ diagnoses: [], lines: [fixtureLine('C1-1', { diagnosisPointers: [] })] }),
    good: withClaim({ diagnoses: ['F33.1'] }),
  },
  {
    fault: 'the claim has more than 12 diagnoses',
    code: X12_PROBLEM_CODES.tooManyDiagnoses,
    path: ['claims', 0, 'diagnoses'],
    bad: withClaim({ diagnoses: Array.from({ length: 13 }, (_, index) => `F${10 + index}.0`) }),
    good: withClaim({ diagnoses: Array.from({ length: 12 }, (_, index) => `F${10 + index}.0`) }),
  },
  {
    fault: 'a diagnosis is not an ICD-10-CM code',
    code: X12_PROBLEM_CODES.diagnosis,
    path: ['claims', 0, 'diagnoses', 1],
    bad: withClaim({ diagnoses: ['F33.1', '296.32'] }),
    good: withClaim({ diagnoses: ['F33.1', 'f41.1'] }),
  },
  {
    fault: 'a diagnosis has its dot in the wrong place',
    code: X12_PROBLEM_CODES.diagnosis,
    path: ['claims', 0, 'diagnoses', 0],
    bad: withClaim({ diagnoses: ['F3.31'] }),
    good: withClaim({ diagnoses: ['F331'] }),
  },
  {
    fault: 'the member id is missing',
    code: X12_PROBLEM_CODES.required,
    path: ['claims', 0, 'subscriber', 'memberId'],
    bad: withSubscriber({ memberId: '  ' }),
    good: withSubscriber({ memberId: 'ZZ12345678' }),
  },
  {
    fault: 'the claim has more than 50 service lines',
    code: X12_PROBLEM_CODES.tooManyLines,
    path: ['claims', 0, 'lines'],
    bad: withClaim({ lines: Array.from({ length: 51 }, (_, index) => fixtureLine(`L${index}`)) }),
    good: withClaim({ lines: Array.from({ length: 50 }, (_, index) => fixtureLine(`L${index}`)) }),
  },
  {
    fault: 'the claim has no service lines',
    code: X12_PROBLEM_CODES.noLines,
    path: ['claims', 0, 'lines'],
    bad: withClaim({ lines: [] }),
    good: withClaim({ lines: [fixtureLine('L1')] }),
  },
  {
    fault: 'a replacement (7) has no original claim reference',
    code: X12_PROBLEM_CODES.originalReferenceMissing,
    path: ['claims', 0, 'originalClaimReference'],
    bad: withClaim({ frequencyCode: '7' }),
    good: withClaim({ frequencyCode: '7', originalClaimReference: 'ZZ2026111700012' }),
  },
  {
    fault: 'a void (8) has a blank original claim reference',
    code: X12_PROBLEM_CODES.originalReferenceMissing,
    path: ['claims', 0, 'originalClaimReference'],
    bad: withClaim({ frequencyCode: '8', originalClaimReference: ' ' }),
    good: withClaim({ frequencyCode: '8', originalClaimReference: 'ZZ2026111700012' }),
  },
  {
    fault: 'an original claim (1) names a claim to replace',
    code: X12_PROBLEM_CODES.originalReferenceUnexpected,
    path: ['claims', 0, 'originalClaimReference'],
    bad: withClaim({ frequencyCode: '1', originalClaimReference: 'ZZ2026111700012' }),
    good: withClaim({ frequencyCode: '1' }),
  },
  {
    fault: 'the frequency code is not 1, 7 or 8',
    code: X12_PROBLEM_CODES.frequency,
    path: ['claims', 0, 'frequencyCode'],
    bad: withClaim({ frequencyCode: '6' as Claim837['frequencyCode'] }),
    good: withClaim({ frequencyCode: '1' }),
  },
  {
    fault: 'units are zero',
    code: X12_PROBLEM_CODES.units,
    path: ['claims', 0, 'lines', 0, 'units'],
    bad: withLine({ units: 0 }),
    good: withLine({ units: 1 }),
  },
  {
    fault: 'units are negative',
    code: X12_PROBLEM_CODES.units,
    path: ['claims', 0, 'lines', 0, 'units'],
    bad: withLine({ units: -2 }),
    good: withLine({ units: 2 }),
  },
  {
    // Peerline's own ceiling: 10,000 units of peer support in a day is a minutes-for-units slip, not a service.
    fault: 'units are above the ceiling that catches minutes typed as units',
    code: X12_PROBLEM_CODES.units,
    path: ['claims', 0, 'lines', 0, 'units'],
    bad: withLine({ units: X12_LIMITS.maxUnits + 1 }),
    good: withLine({ units: X12_LIMITS.maxUnits }),
  },
  {
    fault: 'units are fractional',
    code: X12_PROBLEM_CODES.units,
    path: ['claims', 0, 'lines', 0, 'units'],
    bad: withLine({ units: 1.5 }),
    good: withLine({ units: 96 }),
  },
  {
    fault: 'a charge is negative',
    code: X12_PROBLEM_CODES.charge,
    path: ['claims', 0, 'lines', 0, 'chargeCents'],
    bad: withLine({ chargeCents: -100 }),
    good: withLine({ chargeCents: 1 }),
  },
  {
    // Rules catalog, December 2026 review: "No charge on file → error …, never a $0.00 line."
    fault: 'a charge is zero',
    code: X12_PROBLEM_CODES.charge,
    path: ['claims', 0, 'lines', 0, 'chargeCents'],
    bad: withLine({ chargeCents: 0 }),
    good: withLine({ chargeCents: 1 }),
  },
  {
    fault: 'a charge is not whole cents',
    code: X12_PROBLEM_CODES.charge,
    path: ['claims', 0, 'lines', 0, 'chargeCents'],
    bad: withLine({ chargeCents: 46.67 }),
    good: withLine({ chargeCents: 4667 }),
  },
  {
    fault: 'a date of service does not exist',
    code: X12_PROBLEM_CODES.date,
    path: ['claims', 0, 'lines', 0, 'dateOfService'],
    bad: withLine({ dateOfService: '2026-02-30' }),
    good: withLine({ dateOfService: '2026-02-28' }),
  },
  {
    fault: 'a date of service is not written YYYY-MM-DD',
    code: X12_PROBLEM_CODES.date,
    path: ['claims', 0, 'lines', 0, 'dateOfService'],
    bad: withLine({ dateOfService: '11/18/2026' }),
    good: withLine({ dateOfService: '2026-11-18' }),
  },
  {
    fault: 'a service is dated after the file was made',
    code: X12_PROBLEM_CODES.serviceAfterCreation,
    path: ['claims', 0, 'lines', 0, 'dateOfService'],
    bad: withLine({ dateOfService: '2026-11-21' }),
    good: withLine({ dateOfService: '2026-11-20' }),
  },
  {
    fault: 'a service is dated before the member was born',
    code: X12_PROBLEM_CODES.serviceBeforeBirth,
    path: ['claims', 0, 'lines', 0, 'dateOfService'],
    bad: withLine({ dateOfService: '1988-04-11' }),
    good: withLine({ dateOfService: '1988-04-12' }),
  },
  {
    fault: "the member's date of birth does not exist",
    code: X12_PROBLEM_CODES.date,
    path: ['claims', 0, 'subscriber', 'dateOfBirth'],
    bad: withSubscriber({ dateOfBirth: '1988-13-01' }),
    good: withSubscriber({ dateOfBirth: '1988-12-01' }),
  },
  {
    fault: 'the creation date does not exist',
    code: X12_PROBLEM_CODES.date,
    path: ['interchange', 'createdAt', 'date'],
    bad: withInterchange({ createdAt: { date: '2026-11-31', time: '09:30' } }),
    good: withInterchange({ createdAt: { date: '2026-11-30', time: '09:30' } }),
  },
  {
    fault: 'the creation time is not HH:MM',
    code: X12_PROBLEM_CODES.time,
    path: ['interchange', 'createdAt', 'time'],
    bad: withInterchange({ createdAt: { date: '2026-11-20', time: '24:00' } }),
    good: withInterchange({ createdAt: { date: '2026-11-20', time: '23:59' } }),
  },
  {
    fault: 'the interchange control number is zero',
    code: X12_PROBLEM_CODES.controlNumber,
    path: ['interchange', 'controlNumber'],
    bad: withInterchange({ controlNumber: 0 }),
    good: withInterchange({ controlNumber: 1 }),
  },
  {
    fault: 'the interchange control number has ten digits',
    code: X12_PROBLEM_CODES.controlNumber,
    path: ['interchange', 'controlNumber'],
    bad: withInterchange({ controlNumber: 1_000_000_000 }),
    good: withInterchange({ controlNumber: 999_999_999 }),
  },
  {
    fault: 'the group control number is not whole',
    code: X12_PROBLEM_CODES.controlNumber,
    path: ['interchange', 'groupControlNumber'],
    bad: withInterchange({ groupControlNumber: 2.5 }),
    good: withInterchange({ groupControlNumber: 2 }),
  },
  {
    fault: 'the sender id is longer than ISA06 holds',
    code: X12_PROBLEM_CODES.length,
    path: ['interchange', 'senderId'],
    bad: withInterchange({ senderId: 'PEERLINE-SENDER-1' }),
    good: withInterchange({ senderId: 'PEERLINE-SEND-1' }),
  },
  {
    fault: 'a one-character sender id cannot serve as GS02',
    code: X12_PROBLEM_CODES.length,
    path: ['interchange', 'applicationSenderCode'],
    bad: withInterchange({ senderId: 'P' }),
    good: withInterchange({ senderId: 'P', applicationSenderCode: 'PL' }),
  },
  {
    fault: 'an interchange id qualifier is not one the 837P allows',
    code: X12_PROBLEM_CODES.qualifier,
    path: ['interchange', 'senderQualifier'],
    bad: withInterchange({ senderQualifier: 'XX' as Batch837['interchange']['senderQualifier'] }),
    good: withInterchange({ senderQualifier: '30' }),
  },
  {
    fault: 'a name holds the element separator',
    code: X12_PROBLEM_CODES.characters,
    path: ['claims', 0, 'subscriber', 'last'],
    bad: withSubscriber({ last: 'Smith*Jones' }),
    good: withSubscriber({ last: 'Smith-Jones' }),
  },
  {
    fault: 'an address holds the segment terminator',
    code: X12_PROBLEM_CODES.characters,
    path: ['claims', 0, 'subscriber', 'address', 'line1'],
    bad: withSubscriber({ address: { ...MEMBER_A.address, line1: '12 Example Way~' } }),
    good: withSubscriber({ address: { ...MEMBER_A.address, line1: '12 Example Way #4' } }),
  },
  {
    fault: 'a claim id holds the component separator',
    code: X12_PROBLEM_CODES.characters,
    path: ['claims', 0, 'claimId'],
    bad: fixtureBatch([fixtureClaim('PSS:1')]),
    good: fixtureBatch([fixtureClaim('PSS-1')]),
  },
  {
    fault: 'a prior authorization holds the repetition separator',
    code: X12_PROBLEM_CODES.characters,
    path: ['claims', 0, 'priorAuthorization'],
    bad: withClaim({ priorAuthorization: 'AUTH^1' }),
    good: withClaim({ priorAuthorization: 'AUTH-1' }),
  },
  {
    fault: 'a name holds a line break',
    code: X12_PROBLEM_CODES.characters,
    path: ['claims', 0, 'renderingProvider', 'first'],
    bad: withClaim({ renderingProvider: { ...PEER_A, first: 'Al\nex' } }),
    good: withClaim({ renderingProvider: { ...PEER_A, first: 'Alex' } }),
  },
  {
    fault: 'a name holds a character with no ASCII letter behind it',
    code: X12_PROBLEM_CODES.characters,
    path: ['claims', 0, 'subscriber', 'first'],
    bad: withSubscriber({ first: 'Jordan 😀' }),
    good: withSubscriber({ first: 'Jördan' }),
  },
  {
    fault: 'the claim id is longer than the 20 characters receivers keep',
    code: X12_PROBLEM_CODES.length,
    path: ['claims', 0, 'claimId'],
    bad: fixtureBatch([fixtureClaim('PSS-2026-11-20-000001')]),
    good: fixtureBatch([fixtureClaim('PSS-2026-11-20-00001')]),
  },
  {
    fault: 'two claims share a claim id',
    code: X12_PROBLEM_CODES.duplicateClaimId,
    path: ['claims', 1, 'claimId'],
    bad: fixtureBatch([fixtureClaim('C1'), fixtureClaim('C1', MEMBER_B)]),
    good: fixtureBatch([fixtureClaim('C1'), fixtureClaim('C2', MEMBER_B)]),
  },
  {
    fault: 'two lines of a claim share a line control number',
    code: X12_PROBLEM_CODES.duplicateLineControlNumber,
    path: ['claims', 0, 'lines', 1, 'lineControlNumber'],
    bad: withClaim({ lines: [fixtureLine('L1'), fixtureLine('L1 ')] }),
    good: withClaim({ lines: [fixtureLine('L1'), fixtureLine('L2')] }),
  },
  {
    fault: 'a line control number is missing',
    code: X12_PROBLEM_CODES.required,
    path: ['claims', 0, 'lines', 0, 'lineControlNumber'],
    bad: withLine({ lineControlNumber: '' }),
    good: withLine({ lineControlNumber: 'L1' }),
  },
  {
    fault: 'a diagnosis pointer points past the last diagnosis',
    code: X12_PROBLEM_CODES.pointer,
    path: ['claims', 0, 'lines', 0, 'diagnosisPointers', 0],
    bad: withLine({ diagnosisPointers: [2] }),
    good: withLine({ diagnosisPointers: [1] }),
  },
  {
    fault: 'a line points at the same diagnosis twice',
    code: X12_PROBLEM_CODES.pointer,
    path: ['claims', 0, 'lines', 0, 'diagnosisPointers', 1],
    bad: withClaim({
      diagnoses: ['F33.1', 'F41.1'],
      lines: [fixtureLine('L1', { diagnosisPointers: [1, 1] })],
    }),
    good: withClaim({
      diagnoses: ['F33.1', 'F41.1'],
      lines: [fixtureLine('L1', { diagnosisPointers: [1, 2] })],
    }),
  },
  {
    fault: 'a line points at no diagnosis',
    code: X12_PROBLEM_CODES.pointer,
    path: ['claims', 0, 'lines', 0, 'diagnosisPointers'],
    bad: withLine({ diagnosisPointers: [] }),
    good: withLine({ diagnosisPointers: [1] }),
  },
  {
    fault: 'a line has five modifiers',
    code: X12_PROBLEM_CODES.tooManyModifiers,
    path: ['claims', 0, 'lines', 0, 'modifiers'],
    bad: withLine({ modifiers: ['HQ', 'GT', 'U8', 'HE', 'KX'] }),
    good: withLine({ modifiers: ['HQ', 'GT', 'U8', 'HE'] }),
  },
  {
    fault: 'a modifier is not two characters',
    code: X12_PROBLEM_CODES.modifier,
    path: ['claims', 0, 'lines', 0, 'modifiers', 1],
    bad: withLine({ modifiers: ['HQ', 'GTX'] }),
    good: withLine({ modifiers: ['HQ', 'gt'] }),
  },
  {
    fault: 'a procedure code is not five characters',
    code: X12_PROBLEM_CODES.procedureCode,
    path: ['claims', 0, 'lines', 0, 'code'],
    bad: withLine({ code: 'H038' }),
    good: withLine({ code: 'h0038' }),
  },
  {
    fault: "the claim's place of service is not a CMS code",
    code: X12_PROBLEM_CODES.placeOfService,
    path: ['claims', 0, 'placeOfService'],
    bad: withClaim({ placeOfService: '98' }),
    good: withClaim({ placeOfService: '53' }),
  },
  {
    fault: "a line's place of service is not a CMS code",
    code: X12_PROBLEM_CODES.placeOfService,
    path: ['claims', 0, 'lines', 0, 'placeOfService'],
    bad: withLine({ placeOfService: '1' }),
    good: withLine({ placeOfService: '10' }),
  },
  {
    fault: "the rendering provider's taxonomy is malformed",
    code: X12_PROBLEM_CODES.taxonomy,
    path: ['claims', 0, 'renderingProvider', 'taxonomy'],
    bad: withClaim({ renderingProvider: { ...PEER_A, taxonomy: '175T0000X' } }),
    good: withClaim({ renderingProvider: { ...PEER_A, taxonomy: '175t00000x' } }),
  },
  {
    fault: "the member's gender is not F, M or U",
    code: X12_PROBLEM_CODES.gender,
    path: ['claims', 0, 'subscriber', 'gender'],
    bad: withSubscriber({ gender: 'X' as Subscriber837['gender'] }),
    good: withSubscriber({ gender: 'U' }),
  },
  {
    fault: "the billing provider's ZIP code lacks its +4",
    code: X12_PROBLEM_CODES.postalCode,
    path: ['billingProvider', 'address', 'postalCode'],
    bad: {
      ...GOOD,
      billingProvider: {
        ...GOOD.billingProvider,
        address: { ...GOOD.billingProvider.address, postalCode: '94612' },
      },
    },
    good: {
      ...GOOD,
      billingProvider: {
        ...GOOD.billingProvider,
        address: { ...GOOD.billingProvider.address, postalCode: '946120000' },
      },
    },
  },
  {
    fault: "the member's ZIP code is neither five nor nine digits",
    code: X12_PROBLEM_CODES.postalCode,
    path: ['claims', 0, 'subscriber', 'address', 'postalCode'],
    bad: withSubscriber({ address: { ...MEMBER_A.address, postalCode: '9461' } }),
    good: withSubscriber({ address: { ...MEMBER_A.address, postalCode: '94612-0000' } }),
  },
  {
    fault: 'a state is not a two-letter code',
    code: X12_PROBLEM_CODES.state,
    path: ['claims', 0, 'subscriber', 'address', 'state'],
    bad: withSubscriber({ address: { ...MEMBER_A.address, state: 'Calif' } }),
    good: withSubscriber({ address: { ...MEMBER_A.address, state: 'ca' } }),
  },
  {
    fault: 'the EIN is not nine digits',
    code: X12_PROBLEM_CODES.taxId,
    path: ['billingProvider', 'taxId'],
    bad: { ...GOOD, billingProvider: { ...GOOD.billingProvider, taxId: '00-123456' } },
    good: { ...GOOD, billingProvider: { ...GOOD.billingProvider, taxId: '001234567' } },
  },
  {
    fault: 'the submitter contact has neither phone nor email',
    code: X12_PROBLEM_CODES.contact,
    path: ['submitter', 'contact'],
    bad: { ...GOOD, submitter: { ...GOOD.submitter, contact: { name: 'Billing Desk' } } },
    good: {
      ...GOOD,
      submitter: { ...GOOD.submitter, contact: { name: 'Billing Desk', email: 'b@example.org' } },
    },
  },
  {
    fault: 'the contact phone is not ten digits',
    code: X12_PROBLEM_CODES.phone,
    path: ['submitter', 'contact', 'phone'],
    bad: { ...GOOD, submitter: { ...GOOD.submitter, contact: { name: 'Billing Desk', phone: '555-0142' } } },
    good: {
      ...GOOD,
      submitter: { ...GOOD.submitter, contact: { name: 'Billing Desk', phone: '5105550142' } },
    },
  },
  {
    fault: 'the batch has no claims',
    code: X12_PROBLEM_CODES.noClaims,
    path: ['claims'],
    bad: fixtureBatch([]),
    good: GOOD,
  },
  {
    fault: 'two consecutive claims for one member disagree about the member',
    code: X12_PROBLEM_CODES.subscriberMismatch,
    path: ['claims', 1, 'subscriber'],
    bad: fixtureBatch([fixtureClaim('C1'), fixtureClaim('C2', { ...MEMBER_A, dateOfBirth: '1988-04-13' })]),
    good: fixtureBatch([fixtureClaim('C1'), fixtureClaim('C2', { ...MEMBER_A, last: 'PLACEHOLDER ' })]),
  },
];

describe('validateBatch837', () => {
  it('finds nothing wrong with the known-good batch', () => {
    expect(validateBatch837(GOOD)).toEqual([]);
  });

  for (const { fault, code, path, bad, good } of CASES) {
    it(`refuses a batch where ${fault}, and accepts it put right`, () => {
      const problems = validateBatch837(bad);
      expect(problems.map((problem) => [problem.code, problem.path])).toContainEqual([code, path]);
      expect(validateBatch837(good)).toEqual([]);
    });
  }

  it("gives each problem Peerline's shape: error severity, plain message, path and the guide's section", () => {
    const [problem] = validateBatch837(withClaim({ frequencyCode: '7' }));
    expect(problem).toEqual({
      severity: 'error',
      code: 'x12.claim.original_reference_missing',
      message: expect.stringContaining('claim control number') as string,
      path: ['claims', 0, 'originalClaimReference'],
      source: { document: 'ASC X12 005010X222A1', section: '2300 REF*F8' },
    });
  });

  it('reports every problem of a batch at once, not just the first', () => {
    const problems = validateBatch837(
      withClaim({ diagnoses: [], lines: [fixtureLine('L1', { units: 0, dateOfService: '2026-02-30' })] }),
    );
    expect(problems.map((problem) => problem.code)).toEqual([
      X12_PROBLEM_CODES.noDiagnosis,
      X12_PROBLEM_CODES.units,
      X12_PROBLEM_CODES.date,
      X12_PROBLEM_CODES.pointer,
    ]);
  });

  it('checks the rendering provider only when it is not the billing provider (2310B is left out then)', () => {
    const sameAsBilling = withClaim({
      renderingProvider: { npi: FIXTURE_NPIS.billing, last: '', first: '', taxonomy: '' },
    });
    expect(validateBatch837(sameAsBilling)).toEqual([]);
  });
});
