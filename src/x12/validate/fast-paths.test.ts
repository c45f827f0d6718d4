/**
 * The validator's fast paths (a value already clean, a line that plainly passes, a member or peer already found
 * clean, a place of service known as given) are pinned to the full checks: thousands of seeded batches, good
 * and subtly bad, are validated both ways and must get exactly the same problems, in the same order. A fast path
 * that lets anything through that the full check would refuse (or refuses what it would let through) fails here.
 */
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../synthetic/index.js';
import { FIXTURE_NPIS, MEMBER_A, MEMBER_B, PEER_A, PEER_B, fixtureBatch, fixtureClaim } from '../fixtures.js';
import type {
  Address,
  Batch837,
  Claim837,
  RenderingProvider837,
  ServiceLine837,
  Subscriber837,
} from '../types.js';
import { X12_PROBLEM_CODES, referenceValidateBatch837, validateBatch837 } from './index.js';

/** A batch part the generator may change in place (the writer's types are read-only). */
type Mutable<T> = T extends readonly (infer Item)[]
  ? Mutable<Item>[]
  : T extends object
    ? { -readonly [Key in keyof T]: Mutable<T[Key]> }
    : T;

type Batch = Mutable<Batch837>;
type Claim = Mutable<Claim837>;
type Line = Mutable<ServiceLine837>;
type Member = Mutable<Subscriber837>;
type Peer = Mutable<RenderingProvider837>;
type Place = Mutable<Address>;

const BATCHES = 3000;

/** Text that is fine, untidy but fine once cleaned, or wrong in one small way. */
const TEXT = [
  'Rivera',
  'rivera',
  ' Rivera',
  'Rivera ',
  'De  la Cruz',
  'José Ñúñez',
  'O’Brien',
  'Smith-Jones',
  '',
  ' ',
  '  ',
  'A',
  ' A',
  'A ',
  'AB',
  ' AB',
  'star*name',
  'tilde~name',
  'colon:name',
  'caret^name',
  'tab\tname',
  'line\nbreak',
  'ＦＵＬＬ',
  'x'.repeat(15),
  'x'.repeat(16),
  'x'.repeat(20),
  'x'.repeat(21),
  'x'.repeat(25),
  'x'.repeat(26),
  'x'.repeat(30),
  'x'.repeat(31),
  'x'.repeat(35),
  'x'.repeat(36),
  `${'x'.repeat(34)} `,
  ` ${'x'.repeat(35)}`,
  'x'.repeat(40),
  'x'.repeat(41),
  'x'.repeat(50),
  'x'.repeat(51),
  'x'.repeat(55),
  'x'.repeat(56),
  'x'.repeat(60),
  'x'.repeat(61),
  'x'.repeat(80),
  'x'.repeat(81),
] as const;
const NPIS = [
  FIXTURE_NPIS.peerA,
  FIXTURE_NPIS.peerB,
  FIXTURE_NPIS.billing,
  ' 9234567813 ',
  '9234567814',
  '923456781',
  '',
  'ABCDEFGHIJ',
];
const TAXONOMIES = ['175T00000X', '175t00000x', ' 175T00000X', '175T0000X', '251S00000X', '', 'X'];
const STATES = ['CA', 'ca', ' CA', 'C', 'CAL', '', '12'];
const POSTAL_CODES = ['94612', '94612-0000', '946120000', '9461', '94612-00', 'ABCDE', '', ' 94612 '];
const DATES = [
  '2026-11-18',
  '2026-11-20',
  '2026-11-21',
  '2026-02-30',
  '2026-1-18',
  '1988-04-12',
  '1988-04-11',
  '',
  '2026-11-18T00:00',
];
const CODES = ['H0038', 'H0025', 'h0038', ' H0038', 'H003', 'H00388', '99213', 'H0O38', ''];
const MODIFIERS = [
  [],
  ['HQ'],
  ['hq'],
  [' HQ'],
  ['H'],
  ['HQ', 'GT', 'U8', 'HE'],
  ['HQ', 'GT', 'U8', 'HE', 'KX'],
  ['H*'],
];
const CHARGES = [6000, 0, -1, 1.5, 4667, Number.MAX_SAFE_INTEGER + 1, Number.NaN];
const UNITS = [4, 1, 0, -1, 1.5, 96, 9999, 10_000, 123_456, Number.NaN, Number.POSITIVE_INFINITY];
const PLACES = ['11', '12', '02', ' 11', '1', '99', 'ab', '', '011'];
const POINTERS = [[1], [2], [1, 2], [1, 1], [], [0], [1.5], [13], [1, 2, 3, 4], [1, 2, 3, 4, 5], [-1]];
const DIAGNOSES = [
  ['F33.1'],
  ['f33.1'],
  ['F331'],
  [' F33.1 '],
  ['F3.31'],
  ['33.1'],
  [],
  ['F33.1', 'F41.1', 'Z59.00'],
  Array.from({ length: 13 }, () => 'F33.1'),
];
const LINE_IDS = ['C-1', ' C-1', 'C-1 ', '', ' ', 'C*1', 'x'.repeat(50), 'x'.repeat(51), 'c-1'];
const GENDERS = ['F', 'M', 'U', 'X', 'f', ''];

function copy<T>(value: T): Mutable<T> {
  return structuredClone(value) as Mutable<T>;
}

function someText(rng: Rng, usual: string): string {
  return rng.chance(0.3) ? usual : rng.pick(TEXT);
}

/** A member, now and then already faulty before other claims copy or share it. */
function memberFrom(rng: Rng): Member {
  const member = copy(rng.chance(0.5) ? MEMBER_A : MEMBER_B);
  if (rng.chance(0.25)) spoilMember(member, rng);
  return member;
}

/** A rendering peer (now and then the billing provider itself), now and then already faulty. */
function peerFrom(rng: Rng): Peer {
  const peer = copy(rng.chance(0.5) ? PEER_A : PEER_B);
  if (rng.chance(0.1)) {
    peer.npi = FIXTURE_NPIS.billing;
  }
  if (rng.chance(0.25)) spoilPeer(peer, rng);
  return peer;
}

/** One of the member's values changed, subtly. */
function spoilMember(member: Member, rng: Rng): void {
  switch (rng.int(1, 7)) {
    case 1:
      member.memberId = rng.pick([member.memberId, 'Z', ' ZZ90000001A', 'ZZ90000002B', '', 'ZZ*1', ' A']);
      break;
    case 2:
      member.last = someText(rng, member.last);
      break;
    case 3:
      member.first = someText(rng, member.first);
      break;
    case 4:
      member.middle = rng.chance(0.3) ? undefined : someText(rng, 'Lee');
      break;
    case 5:
      member.dateOfBirth = rng.pick(DATES);
      break;
    case 6:
      member.gender = rng.pick(GENDERS) as 'F';
      break;
    default:
      mutateAddress(member.address, rng);
  }
}

/** One of the peer's values changed, subtly. */
function spoilPeer(peer: Peer, rng: Rng): void {
  switch (rng.int(1, 4)) {
    case 1:
      peer.npi = rng.pick(NPIS);
      break;
    case 2:
      peer.taxonomy = rng.pick(TAXONOMIES);
      break;
    case 3:
      peer.last = someText(rng, peer.last);
      break;
    default:
      peer.first = someText(rng, peer.first);
  }
}

/** The member as one more claim gives it: this very object, a copy, an untidy copy, or someone else. */
function nextMember(rng: Rng, previous: Member | undefined): Member {
  if (previous === undefined) return memberFrom(rng);
  const roll = rng.float();
  if (roll < 0.35) return previous;
  if (roll < 0.6) return copy(previous);
  if (roll < 0.75) {
    const untidy = copy(previous);
    untidy.last = ` ${previous.last.toLowerCase()} `;
    untidy.address.city = previous.address.city.toUpperCase();
    return untidy;
  }
  return memberFrom(rng);
}

/** The rendering peer as one more claim gives it: this very object, a copy, or someone else. */
function nextPeer(rng: Rng, previous: Peer | undefined): Peer {
  if (previous === undefined) return peerFrom(rng);
  const roll = rng.float();
  if (roll < 0.3) return previous;
  if (roll < 0.6) return copy(previous);
  return peerFrom(rng);
}

function line(claimId: string, number: number, rng: Rng): Line {
  return {
    lineControlNumber: `${claimId}-${number}`,
    code: rng.pick(['H0038', 'H0025']),
    ...(rng.chance(0.5) ? { modifiers: ['HQ'] } : {}),
    chargeCents: rng.int(0, 20_000),
    units: rng.int(1, 8),
    dateOfService: `2026-11-${String(rng.int(1, 20)).padStart(2, '0')}`,
    ...(rng.chance(0.2) ? { placeOfService: '12' } : {}),
    diagnosisPointers: [1],
  };
}

function generatedBatch(rng: Rng): Batch {
  const claims: Claim[] = [];
  let member: Member | undefined;
  let peer: Peer | undefined;
  // Now and then no claim at all.
  const count = rng.chance(0.02) ? 0 : rng.int(1, 5);
  for (let index = 0; index < count; index += 1) {
    member = nextMember(rng, member);
    peer = nextPeer(rng, peer);
    const claimId = `C${index + 1}`;
    const claim: Claim = copy(fixtureClaim(claimId));
    claim.subscriber = member;
    claim.renderingProvider = peer;
    claim.lines = Array.from({ length: rng.int(1, 3) }, (_, number) => line(claimId, number + 1, rng));
    claims.push(claim);
  }
  const batch = copy(fixtureBatch([]));
  batch.claims = claims;
  return batch;
}

/** One subtle change somewhere in the batch; most leave it one fault away from good, some leave it good. */
const MUTATIONS: readonly ((batch: Batch, rng: Rng) => void)[] = [
  (batch, rng) => {
    batch.interchange.senderId = someText(rng, batch.interchange.senderId);
  },
  (batch, rng) => {
    batch.interchange.receiverId = rng.pick(['R', 'ZZMEDICAID', ' ZZMEDICAID ', 'x'.repeat(16)]);
  },
  (batch, rng) => {
    batch.interchange.applicationSenderCode = rng.pick(['A', 'APP', ' APP ', 'x'.repeat(16)]);
  },
  (batch, rng) => {
    batch.interchange.senderQualifier = rng.pick(['ZZ', '30', 'XX']) as 'ZZ';
  },
  (batch, rng) => {
    batch.interchange.controlNumber = rng.pick([1, 0, 999_999_999, 1_000_000_000, 1.5, -1]);
    batch.interchange.groupControlNumber = rng.pick([1, 0, 45, 1.5]);
  },
  (batch, rng) => {
    batch.interchange.createdAt = {
      date: rng.pick(['2026-11-20', '2026-11-17', '2026-02-30', '20261120']),
      time: rng.pick(['09:30', '9:30', '24:00', '23:59']),
    };
  },
  (batch, rng) => {
    batch.batchId = someText(rng, batch.batchId);
  },
  (batch, rng) => {
    batch.submitter.name = someText(rng, batch.submitter.name);
    batch.submitter.id = someText(rng, batch.submitter.id);
  },
  (batch, rng) => {
    const contact = batch.submitter.contact;
    contact.name = someText(rng, contact.name);
    contact.phone = rng.pick(['510-555-0142', '(510) 555-0142', '555-0142', '', ' ']);
    if (rng.chance(0.5)) contact.email = rng.pick(['billing@example.org', '', 'a*b@example.org']);
  },
  (batch, rng) => {
    batch.receiver.name = someText(rng, batch.receiver.name);
    batch.receiver.id = someText(rng, batch.receiver.id);
  },
  (batch, rng) => {
    const billing = batch.billingProvider;
    billing.name = someText(rng, billing.name);
    billing.npi = rng.pick(NPIS);
    billing.taxonomy = rng.pick(TAXONOMIES);
    billing.taxId = rng.pick(['00-1234567', '001234567', '00-123456', '']);
  },
  (batch, rng) => {
    mutateAddress(batch.billingProvider.address, rng);
  },
  (batch, rng) => {
    batch.payer.name = someText(rng, batch.payer.name);
    batch.payer.payerId = someText(rng, batch.payer.payerId);
    if (rng.chance(0.3)) {
      batch.payer.address = {
        line1: 'PO Box 0000',
        line2: null,
        city: 'Sacramento',
        state: 'CA',
        postalCode: '95814',
      };
      mutateAddress(batch.payer.address, rng);
    }
  },
  (batch, rng) => {
    const claim = rng.pick(batch.claims);
    claim.claimId = rng.pick([claim.claimId, 'C1', ' C1', 'x'.repeat(21), 'c*1', '']);
  },
  (batch, rng) => {
    const claim = rng.pick(batch.claims);
    claim.frequencyCode = rng.pick(['1', '7', '8', '2']) as '1';
    if (rng.chance(0.6)) claim.originalClaimReference = rng.pick(['ICN-1', '', ' ', 'x'.repeat(51), 'a^b']);
  },
  (batch, rng) => {
    rng.pick(batch.claims).placeOfService = rng.pick(PLACES);
  },
  (batch, rng) => {
    rng.pick(batch.claims).priorAuthorization = rng.pick(['PA-1', ' PA-1 ', '', 'a^b', 'x'.repeat(51)]);
  },
  (batch, rng) => {
    rng.pick(batch.claims).diagnoses = [...rng.pick(DIAGNOSES)];
  },
  (batch, rng) => {
    spoilPeer(rng.pick(batch.claims).renderingProvider, rng);
  },
  (batch, rng) => {
    spoilMember(rng.pick(batch.claims).subscriber, rng);
  },
  (batch, rng) => {
    const claim = rng.pick(batch.claims);
    claim.lines = rng.chance(0.5)
      ? []
      : Array.from({ length: rng.pick([50, 51]) }, (_, number) => line(claim.claimId, number + 1, rng));
  },
  (batch, rng) => {
    const target = someLine(batch, rng);
    if (target === undefined) return;
    target.lineControlNumber = rng.pick(LINE_IDS);
    target.code = rng.pick(CODES);
    target.modifiers = [...rng.pick(MODIFIERS)];
  },
  (batch, rng) => {
    const target = someLine(batch, rng);
    if (target === undefined) return;
    target.chargeCents = rng.pick(CHARGES);
    target.units = rng.pick(UNITS);
  },
  (batch, rng) => {
    const target = someLine(batch, rng);
    if (target === undefined) return;
    target.dateOfService = rng.pick(DATES);
    target.placeOfService = rng.chance(0.3) ? undefined : rng.pick(PLACES);
  },
  (batch, rng) => {
    const target = someLine(batch, rng);
    if (target === undefined) return;
    target.diagnosisPointers = [...rng.pick(POINTERS)];
  },
  (batch, rng) => {
    // The same line control number twice on a claim.
    const claim = rng.pick(batch.claims);
    const [first] = claim.lines;
    if (first !== undefined) claim.lines.push({ ...first, diagnosisPointers: [...first.diagnosisPointers] });
  },
];

/** A line of one of the claims; none when that claim has no lines. */
function someLine(batch: Batch, rng: Rng): Line | undefined {
  const lines = rng.pick(batch.claims).lines;
  return lines.length === 0 ? undefined : rng.pick(lines);
}

/** One of the address's values changed, subtly. */
function mutateAddress(address: Place, rng: Rng): void {
  switch (rng.int(1, 5)) {
    case 1:
      address.line1 = someText(rng, address.line1);
      break;
    case 2:
      address.line2 = rng.chance(0.5) ? null : someText(rng, 'Suite 200');
      break;
    case 3:
      address.city = someText(rng, address.city);
      break;
    case 4:
      address.state = rng.pick(STATES);
      break;
    default:
      address.postalCode = rng.pick(POSTAL_CODES);
  }
}

describe('the fast paths of validateBatch837', () => {
  it(`find exactly what the reference check finds, in the same order, on ${BATCHES} generated batches`, () => {
    const rng = createRng('x12-fast-paths');
    const codesSeen = new Set<string>();
    let good = 0;
    for (let index = 0; index < BATCHES; index += 1) {
      const draw = rng.at(index);
      const batch = generatedBatch(draw);
      const changes = batch.claims.length === 0 ? 0 : draw.int(0, 4);
      for (let change = 0; change < changes; change += 1) {
        draw.pick(MUTATIONS)(batch, draw);
      }
      const written = batch as Batch837;
      const reference = referenceValidateBatch837(written);
      const fast = validateBatch837(written);
      if (JSON.stringify(fast) !== JSON.stringify(reference)) {
        // The first batch where they differ, whole, so the failure can be read and reproduced.
        expect({ index, batch: written, fast }).toEqual({ index, batch: written, fast: reference });
      }
      if (reference.length === 0) good += 1;
      for (const problem of reference) codesSeen.add(problem.code);
    }
    // The batches are a mix of good and bad, and between them they break every check there is.
    expect(good).toBeGreaterThan(BATCHES / 10);
    expect(good).toBeLessThan(BATCHES - BATCHES / 10);
    expect([...codesSeen].sort()).toEqual(Object.values(X12_PROBLEM_CODES).sort());
  });
});
