/**
 * The 837P writer against its golden files, and every file it writes parsed back with node-x12 in strict mode
 * (which checks ISA width, SE01, GE01, IEA01 and the control-number pairs) and compared value by value with the
 * batch that went in. How each golden file was checked by hand against 005010X222A1: golden/README.md.
 */
import { readFileSync } from 'node:fs';
import { X12Parser, type X12Interchange, type X12Segment } from 'node-x12';
import { describe, expect, it } from 'vitest';
import {
  FIXTURE_NPIS,
  GOLDEN_BATCHES,
  MEMBER_A,
  MEMBER_B,
  PEER_A,
  fixtureBatch,
  fixtureClaim,
  fixtureLine,
  syntheticClaims,
} from './fixtures.js';
import {
  Batch837Error,
  chunks837,
  write837,
  write837To,
  type Batch837,
  type Claim837,
  type Subscriber837,
} from './index.js';
import { cleanCode, cleanText, diagnosisCode } from './values.js';

const GOLDEN_DIR = new URL('./golden/', import.meta.url);

// ---------------------------------------------------------------------------------------------------------------
// Reading a file back: node-x12's segments turned into the same plain shape as the batch that went in.

interface ReadLine {
  code: string;
  modifiers: string[];
  chargeCents: number;
  units: number;
  placeOfService: string;
  pointers: number[];
  dateOfService: string;
  lineControlNumber: string;
}

interface ReadClaim {
  transactionSet: number;
  subscriberHl: string;
  claimId: string;
  chargeCents: number;
  placeOfService: string;
  frequencyCode: string;
  originalClaimReference: string | undefined;
  priorAuthorization: string | undefined;
  subscriber: {
    memberId: string;
    last: string;
    first: string;
    middle: string;
    dateOfBirth: string;
    gender: string;
  };
  diagnoses: string[];
  rendering: { npi: string; last: string; first: string; taxonomy: string } | undefined;
  lines: ReadLine[];
}

/** 'CCYYMMDD' back to 'YYYY-MM-DD'. */
function fromD8(value: string): string {
  return `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
}

/** An X12 decimal dollar amount back to cents. */
function toCents(value: string): number {
  return Math.round(Number(value) * 100);
}

function values(segment: X12Segment): string[] {
  return segment.elements.map((element) => element.value);
}

/** Parses `text` strictly and reads every claim, checking the HL tree on the way. */
function readBack(text: string): { interchange: X12Interchange; claims: ReadClaim[] } {
  const parsed = new X12Parser(true).parse(text);
  if (Array.isArray(parsed)) {
    throw new Error('expected a single interchange');
  }
  const interchange = parsed;
  const claims: ReadClaim[] = [];
  interchange.functionalGroups.forEach((group) => {
    group.transactions.forEach((transaction, transactionIndex) => {
      let subscriberHl = '';
      let subscriber: ReadClaim['subscriber'] | undefined;
      let claim: ReadClaim | undefined;
      let line: ReadLine | undefined;
      let expectedHl = 1;
      let inRendering = false;
      for (const segment of transaction.segments) {
        const v = values(segment);
        switch (segment.tag) {
          case 'HL': {
            // HL01 counts up from 1; the billing provider (20) has no parent, each subscriber (22) has parent 1.
            expect(v[0]).toBe(String(expectedHl));
            expect(v.slice(1)).toEqual(expectedHl === 1 ? ['', '20', '1'] : ['1', '22', '0']);
            expectedHl += 1;
            subscriberHl = v[0] ?? '';
            claim = undefined;
            break;
          }
          case 'NM1':
            if (v[0] === 'IL') {
              subscriber = {
                last: v[2] ?? '',
                first: v[3] ?? '',
                middle: v[4] ?? '',
                memberId: v[8] ?? '',
                dateOfBirth: '',
                gender: '',
              };
              expect(v[7]).toBe('MI');
            } else if (v[0] === '82' && claim !== undefined) {
              expect(v.slice(1, 2).concat(v.slice(4, 8))).toEqual(['1', '', '', '', 'XX']);
              claim.rendering = { last: v[2] ?? '', first: v[3] ?? '', npi: v[8] ?? '', taxonomy: '' };
              inRendering = true;
            }
            break;
          case 'DMG':
            if (subscriber !== undefined) {
              expect(v[0]).toBe('D8');
              subscriber.dateOfBirth = fromD8(v[1] ?? '');
              subscriber.gender = v[2] ?? '';
            }
            break;
          case 'PRV':
            if (inRendering && claim?.rendering !== undefined) {
              expect(v.slice(0, 2)).toEqual(['PE', 'PXC']);
              claim.rendering.taxonomy = v[2] ?? '';
              inRendering = false;
            }
            break;
          case 'CLM': {
            const [place = '', qualifier, frequency = ''] = (v[4] ?? '').split(':');
            expect(qualifier).toBe('B');
            expect(v.slice(5, 9)).toEqual(['Y', 'A', 'Y', 'Y']);
            if (subscriber === undefined) {
              throw new Error('CLM before any subscriber');
            }
            claim = {
              transactionSet: transactionIndex + 1,
              subscriberHl,
              claimId: v[0] ?? '',
              chargeCents: toCents(v[1] ?? ''),
              placeOfService: place,
              frequencyCode: frequency,
              originalClaimReference: undefined,
              priorAuthorization: undefined,
              subscriber: { ...subscriber },
              diagnoses: [],
              rendering: undefined,
              lines: [],
            };
            claims.push(claim);
            line = undefined;
            break;
          }
          case 'REF':
            if (claim === undefined) {
              break;
            }
            if (v[0] === 'F8') {
              claim.originalClaimReference = v[1];
            } else if (v[0] === 'G1') {
              claim.priorAuthorization = v[1];
            } else if (v[0] === '6R' && line !== undefined) {
              line.lineControlNumber = v[1] ?? '';
            }
            break;
          case 'HI':
            claim?.diagnoses.push(
              ...v.map((composite, index) => {
                const [qualifier, code = ''] = composite.split(':');
                expect(qualifier).toBe(index === 0 ? 'ABK' : 'ABF');
                return code;
              }),
            );
            break;
          case 'LX':
            if (claim !== undefined) {
              expect(v[0]).toBe(String(claim.lines.length + 1));
            }
            break;
          case 'SV1': {
            const [qualifier, code = '', ...modifiers] = (v[0] ?? '').split(':');
            expect(qualifier).toBe('HC');
            expect(v[2]).toBe('UN');
            line = {
              code,
              modifiers,
              chargeCents: toCents(v[1] ?? ''),
              units: Number(v[3]),
              placeOfService: v[4] === '' || v[4] === undefined ? (claim?.placeOfService ?? '') : v[4],
              pointers: (v[6] ?? '').split(':').map(Number),
              dateOfService: '',
              lineControlNumber: '',
            };
            claim?.lines.push(line);
            break;
          }
          case 'DTP':
            if (line !== undefined) {
              expect(v.slice(0, 2)).toEqual(['472', 'D8']);
              line.dateOfService = fromD8(v[2] ?? '');
            }
            break;
          default:
            break;
        }
      }
    });
  });
  return { interchange, claims };
}

/** What the reader should find for `claim`: the batch's values as the writer is meant to write them. */
function expectedClaim(
  claim: Claim837,
  billingNpi: string,
): Omit<ReadClaim, 'transactionSet' | 'subscriberHl'> {
  const place = cleanCode(claim.placeOfService);
  const subscriber: Subscriber837 = claim.subscriber;
  const rendering = claim.renderingProvider;
  return {
    claimId: claim.claimId,
    chargeCents: claim.lines.reduce((sum, line) => sum + line.chargeCents, 0),
    placeOfService: place,
    frequencyCode: claim.frequencyCode,
    originalClaimReference: claim.frequencyCode === '1' ? undefined : claim.originalClaimReference,
    priorAuthorization: claim.priorAuthorization,
    subscriber: {
      memberId: subscriber.memberId,
      last: cleanText(subscriber.last),
      first: cleanText(subscriber.first),
      middle: cleanText(subscriber.middle ?? ''),
      dateOfBirth: subscriber.dateOfBirth,
      gender: subscriber.gender,
    },
    diagnoses: claim.diagnoses.map(diagnosisCode),
    rendering:
      rendering.npi === billingNpi
        ? undefined
        : {
            npi: rendering.npi,
            last: cleanText(rendering.last),
            first: cleanText(rendering.first),
            taxonomy: rendering.taxonomy,
          },
    lines: claim.lines.map((line) => ({
      code: cleanCode(line.code),
      modifiers: (line.modifiers ?? []).map(cleanCode),
      chargeCents: line.chargeCents,
      units: line.units,
      placeOfService: cleanCode(line.placeOfService ?? place),
      pointers: [...line.diagnosisPointers],
      dateOfService: line.dateOfService,
      lineControlNumber: line.lineControlNumber,
    })),
  };
}

/** Writes `batch`, reads it back, and checks envelope and claims against the input. */
function roundTrip(batch: Batch837, maxClaimsPerTransaction?: number): ReadClaim[] {
  const { text, summary } = write837(batch, { maxClaimsPerTransaction });
  const { interchange, claims } = readBack(text);
  const isa = values(interchange.header);
  // node-x12 reads ISA13 as a number ('000000001' → '1'), so the nine digits are checked in the text itself.
  expect(Number(isa[12])).toBe(batch.interchange.controlNumber);
  expect(text.slice(90, 99)).toBe(String(batch.interchange.controlNumber).padStart(9, '0'));
  expect(isa[14]).toBe(batch.interchange.usageIndicator);
  const [group] = interchange.functionalGroups;
  expect(values(group?.header ?? interchange.header).slice(5, 8)).toEqual([
    String(batch.interchange.groupControlNumber),
    'X',
    '005010X222A1',
  ]);
  expect(group?.transactions.length).toBe(summary.transactionSets);
  expect(claims.map(({ transactionSet: _t, subscriberHl: _h, ...claim }) => claim)).toEqual(
    batch.claims.map((claim) => expectedClaim(claim, batch.billingProvider.npi)),
  );
  expect(summary.claims).toBe(batch.claims.length);
  expect(summary.lines).toBe(claims.reduce((sum, claim) => sum + claim.lines.length, 0));
  expect(summary.totalChargeCents).toBe(claims.reduce((sum, claim) => sum + claim.chargeCents, 0));
  expect(summary.characters).toBe(text.length);
  expect(summary.segments).toBe(text.split('~').length - 1);
  return claims;
}

// ---------------------------------------------------------------------------------------------------------------

describe('golden files', () => {
  for (const [name, { batch, maxClaimsPerTransaction }] of Object.entries(GOLDEN_BATCHES)) {
    it(`${name}.837 is written byte for byte, with and without newlines`, () => {
      const golden = readFileSync(new URL(`${name}.837`, GOLDEN_DIR), 'utf8');
      expect(write837(batch, { newlines: true, maxClaimsPerTransaction }).text).toBe(golden);
      expect(write837(batch, { maxClaimsPerTransaction }).text).toBe(golden.replaceAll('\n', ''));
    });

    it(`${name}.837 parses strictly with node-x12 and reads back as the batch that went in`, () => {
      roundTrip(batch, maxClaimsPerTransaction);
    });
  }

  it('multiple-claims.837 puts consecutive claims for a member under one subscriber loop, per transaction set', () => {
    // Four claims, A A B B, at most three per transaction set: ST 1 holds A's two claims under HL 2 and B's first
    // under HL 3; ST 2 opens a new subscriber loop (HL 2 again) for B's second claim.
    const { batch, maxClaimsPerTransaction } = GOLDEN_BATCHES['multiple-claims'] ?? {
      batch: fixtureBatch([]),
    };
    const claims = roundTrip(batch, maxClaimsPerTransaction);
    expect(claims.map((claim) => [claim.transactionSet, claim.subscriberHl, claim.claimId])).toEqual([
      [1, '2', 'PSS-0005'],
      [1, '2', 'PSS-0006'],
      [1, '3', 'PSS-0007'],
      [2, '2', 'PSS-0008'],
    ]);
  });
});

describe('layout', () => {
  it('pads ISA06 and ISA08 to 15 characters so the ISA is exactly 106 characters with its terminator', () => {
    const { text } = write837(fixtureBatch([fixtureClaim('C1')]));
    expect(text.indexOf('~')).toBe(105);
    expect(text.slice(0, 106)).toMatch(
      /^ISA\*00\* {10}\*00\* {10}\*ZZ\*PEERLINE01 {5}\*ZZ\*ZZMEDICAID {5}\*/,
    );
  });

  it('leaves out 2310B when the rendering NPI is the billing NPI, as the guide says', () => {
    const batch = fixtureBatch([
      fixtureClaim('C1', MEMBER_A, { renderingProvider: { ...PEER_A, npi: FIXTURE_NPIS.billing } }),
    ]);
    const { text } = write837(batch);
    expect(text).not.toContain('NM1*82');
    expect(text).not.toContain('PRV*PE');
    roundTrip(batch);
  });

  it('writes SV105 only when the line is somewhere other than the claim', () => {
    const batch = fixtureBatch([
      fixtureClaim('C1', MEMBER_A, {
        lines: [fixtureLine('L1', { placeOfService: '11' }), fixtureLine('L2', { placeOfService: '10' })],
      }),
    ]);
    const { text } = write837(batch);
    expect(text).toContain('SV1*HC:H0038*60*UN*4***1~');
    expect(text).toContain('SV1*HC:H0038*60*UN*4*10**1~');
  });

  it('writes charges in dollars without needless zeros and CLM02 as the sum of the lines', () => {
    const batch = fixtureBatch([
      fixtureClaim('C1', MEMBER_A, {
        lines: [
          fixtureLine('L1', { chargeCents: 5 }),
          fixtureLine('L2', { chargeCents: 1000 }),
          fixtureLine('L3', { chargeCents: 1230 }),
          fixtureLine('L4', { chargeCents: 10 }),
        ],
      }),
    ]);
    const { text, summary } = write837(batch);
    expect(text).toContain('CLM*C1*22.45***');
    expect(text.match(/SV1\*HC:H0038\*[^*]+/g)).toEqual([
      'SV1*HC:H0038*0.05',
      'SV1*HC:H0038*10',
      'SV1*HC:H0038*12.3',
      'SV1*HC:H0038*0.1',
    ]);
    expect(summary.totalChargeCents).toBe(2245);
  });

  it('upper-cases free text and codes, folds accents, and writes identifiers as given', () => {
    const member: Subscriber837 = {
      ...MEMBER_A,
      memberId: 'ZZ90000009c',
      last: '  Núñez   Placeholder ',
      first: 'Zoë',
    };
    const batch = fixtureBatch([
      fixtureClaim('c-lower', member, {
        diagnoses: ['f33.1'],
        lines: [fixtureLine('l-1', { code: 'h0038', modifiers: ['hq'] })],
      }),
    ]);
    const { text } = write837(batch);
    expect(text).toContain('NM1*IL*1*NUNEZ PLACEHOLDER*ZOE****MI*ZZ90000009c~');
    expect(text).toContain('CLM*c-lower*');
    expect(text).toContain('HI*ABK:F331~');
    expect(text).toContain('SV1*HC:H0038:HQ*');
    expect(text).toContain('REF*6R*l-1~');
  });

  it('counts SE01 from ST to SE inclusive in every transaction set, and GE01 as the number of sets', () => {
    const claims = Array.from({ length: 7 }, (_, index) =>
      fixtureClaim(`C${index}`, index % 2 === 0 ? MEMBER_A : MEMBER_B),
    );
    const { text, summary } = write837(fixtureBatch(claims), { maxClaimsPerTransaction: 2, newlines: true });
    const segments = text.trimEnd().split('\n');
    let start = -1;
    for (const [index, segment] of segments.entries()) {
      if (segment.startsWith('ST*')) {
        start = index;
      } else if (segment.startsWith('SE*')) {
        expect(segment).toBe(`SE*${index - start + 1}*${segments[start]?.split('*')[2] ?? ''}~`);
      }
    }
    expect(summary.transactionSets).toBe(4);
    expect(text).toContain('GE*4*1~');
    expect(summary.segments).toBe(segments.length);
  });
});

describe('refusing a batch', () => {
  const bad = fixtureBatch([fixtureClaim('C1', MEMBER_A, { diagnoses: [] })]);

  it('throws Batch837Error with every problem and writes nothing', () => {
    const sink: string[] = [];
    expect(() => write837To(bad, (chunk) => sink.push(chunk))).toThrow(Batch837Error);
    expect(sink).toEqual([]);
    try {
      write837(bad);
    } catch (error) {
      expect(error).toBeInstanceOf(Batch837Error);
      const problems = (error as Batch837Error).problems;
      expect(problems.map((problem) => problem.code)).toEqual([
        'x12.claim.no_diagnosis',
        'x12.line.diagnosis_pointer',
      ]);
      expect((error as Error).message).toContain('Add the principal diagnosis');
    }
  });

  it('refuses when chunks837 is called, before the first chunk is asked for', () => {
    // A generator body runs lazily; the check must not, or a sink could get half a file.
    expect(() => chunks837(bad)).toThrow(Batch837Error);
  });

  it('refuses options out of range', () => {
    const good = fixtureBatch([fixtureClaim('C1')]);
    expect(() => chunks837(good, { maxClaimsPerTransaction: 0 })).toThrow(RangeError);
    expect(() => chunks837(good, { chunkCharacters: 1.5 })).toThrow(RangeError);
  });
});

// A larger synthetic batch, from a fixed seed, for streaming and a strict round trip at volume.
describe('streaming', () => {
  const batch = fixtureBatch(syntheticClaims(1500));

  it('yields chunks near the requested size that join into exactly the whole file', () => {
    const chunks: string[] = [];
    const generator = chunks837(batch, { chunkCharacters: 4096, maxClaimsPerTransaction: 400 });
    let step = generator.next();
    while (step.done !== true) {
      chunks.push(step.value);
      step = generator.next();
    }
    const whole = write837(batch, { maxClaimsPerTransaction: 400 });
    expect(chunks.join('')).toBe(whole.text);
    expect(step.value).toEqual(whole.summary);
    expect(chunks.length).toBeGreaterThan(10);
    // A chunk closes after the claim that takes it past the size, and a claim is at most 50 lines.
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThan(4096 + 50 * 120);
    }
  });

  it('round-trips 1,500 synthetic claims across four transaction sets through node-x12 strict parsing', () => {
    const claims = roundTrip(batch, 400);
    expect(new Set(claims.map((claim) => claim.transactionSet)).size).toBe(4);
  });
});
