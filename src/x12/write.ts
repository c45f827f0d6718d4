/**
 * @module x12/write
 * The 837P writer: a batch in, X12 005010X222A1 text out, in chunks so that a batch of a million service lines
 * never has to exist as one string. It refuses a batch that `validateBatch837` finds any problem in, before the
 * first chunk, by throwing `Batch837Error` with every problem (the throw keeps a half-written file from ever
 * reaching a sink; callers that want the problems without an exception call `validateBatch837` first).
 *
 * Layout, per transaction set (ST/SE):
 * BHT, 1000A submitter, 1000B receiver, 2000A billing provider (HL 1), then for each run of consecutive claims
 * for the same member one 2000B subscriber HL (parent 1, child code 0: Medicaid patient = subscriber, so there
 * is no 2000C) with 2010BA and 2010BB, followed by each claim's 2300, 2310B and 2400 loops.
 * A batch of more claims than `maxClaimsPerTransaction` gets further transaction sets in the same functional
 * group, each with its own header loops and HL numbering from 1.
 */
import type { Problem } from '../shared/index.js';
import type {
  Address,
  Batch837,
  Claim837,
  RenderingProvider837,
  ServiceLine837,
  Subscriber837,
  Summary837,
  Write837Options,
} from './types.js';
import { sameMemberId, validateBatch837 } from './validate/index.js';
import { cleanCode, cleanText, d8, diagnosisCode, digitsOf, hhmm, padRight } from './values.js';

/** GS08/ST03: the implementation guide this writer follows. */
export const IMPLEMENTATION_GUIDE = '005010X222A1';

/** The recommended ceiling of CLM segments per transaction set in the guide's front matter. */
export const DEFAULT_MAX_CLAIMS_PER_TRANSACTION = 5000;

const DEFAULT_CHUNK_CHARACTERS = 65_536;

/** Thrown by the writer for a batch it refuses; `problems` says everything that is wrong, field by field. */
export class Batch837Error extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    const first = problems[0]?.message ?? '';
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : '';
    super(`The 837 batch was not written: ${first}${more}`);
    this.name = 'Batch837Error';
    this.problems = problems;
  }
}

/** The written file and what it holds. */
export interface Written837 {
  readonly text: string;
  readonly summary: Summary837;
}

/**
 * The whole 837 file as one string, for batches that comfortably fit in memory.
 *
 * @param batch - the claims and the parties; see `Batch837`
 * @param options - layout; see `Write837Options`
 * @throws Batch837Error when the batch has any problem (nothing is written)
 * @example
 * const { text, summary } = write837(batch, { newlines: true });
 */
export function write837(batch: Batch837, options: Write837Options = {}): Written837 {
  const parts: string[] = [];
  const summary = write837To(batch, (chunk) => parts.push(chunk), options);
  return { text: parts.join(''), summary };
}

/**
 * Writes the file chunk by chunk into `sink` (e.g. a `WriteStream`'s write) and returns the summary.
 *
 * @param batch - the claims and the parties
 * @param sink - receives each chunk in order; concatenated, they are the file
 * @param options - layout
 * @throws Batch837Error when the batch has any problem (the sink is never called)
 */
export function write837To(
  batch: Batch837,
  sink: (chunk: string) => void,
  options: Write837Options = {},
): Summary837 {
  const chunks = chunks837(batch, options);
  for (;;) {
    const step = chunks.next();
    if (step.done === true) {
      return step.value;
    }
    sink(step.value);
  }
}

/**
 * The file as a generator of chunks of about `chunkCharacters` characters; its return value is the summary.
 * The batch is validated when this is called, not when the first chunk is asked for, so a refusal cannot come
 * after some of the file has gone out. Works with `Readable.from(chunks837(batch))`.
 *
 * @param batch - the claims and the parties
 * @param options - layout
 * @throws Batch837Error when the batch has any problem
 * @throws RangeError when an option is out of range
 */
export function chunks837(
  batch: Batch837,
  options: Write837Options = {},
): Generator<string, Summary837, undefined> {
  const maxClaims = options.maxClaimsPerTransaction ?? DEFAULT_MAX_CLAIMS_PER_TRANSACTION;
  const chunkCharacters = options.chunkCharacters ?? DEFAULT_CHUNK_CHARACTERS;
  if (!Number.isSafeInteger(maxClaims) || maxClaims < 1) {
    throw new RangeError(`maxClaimsPerTransaction must be a whole number of at least 1, not ${maxClaims}`);
  }
  if (!Number.isSafeInteger(chunkCharacters) || chunkCharacters < 1) {
    throw new RangeError(`chunkCharacters must be a whole number of at least 1, not ${chunkCharacters}`);
  }
  const problems = validateBatch837(batch);
  if (problems.length > 0) {
    throw new Batch837Error(problems);
  }
  return generate(batch, options.newlines === true ? '~\n' : '~', maxClaims, chunkCharacters);
}

const SPACE = 0x20;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const UPPER_A = 0x41;
const UPPER_Z = 0x5a;
const LOWER_A = 0x61;
const LOWER_Z = 0x7a;
/** The characters of 'YYYY-MM-DD' that make CCYYMMDD. */
const D8_POSITIONS = [0, 1, 2, 3, 5, 6, 8, 9] as const;

/**
 * The chunk being filled, as bytes, turned into a string with one copy when it is handed out.
 *
 * Why bytes: every character the writer puts out is printable ASCII (validation refuses anything else in a
 * value), so a character is a byte. Built as template strings, each segment was a rope of small strings that the
 * garbage collector traced and the final join walked: on one-line claims that was about 40% of the writer's time.
 * Writing characters into a reused buffer allocates nothing per segment, and the value methods below clean
 * (upper-case, drop the ICD-10 dot, format dates and money) as they copy, instead of making a cleaned copy first.
 * Each falls back to the plain function in values.ts for the rare value that needs more than that, so the output
 * is exactly what those functions define.
 */
class Chunk {
  private bytes: Buffer;
  length = 0;

  constructor(capacity: number) {
    this.bytes = Buffer.allocUnsafe(capacity);
  }

  /** The buffer, grown (doubling) when `more` bytes would not fit. */
  private room(more: number): Buffer {
    const needed = this.length + more;
    if (needed > this.bytes.length) {
      const bigger = Buffer.allocUnsafe(Math.max(needed, this.bytes.length * 2));
      this.bytes.copy(bigger, 0, 0, this.length);
      this.bytes = bigger;
    }
    return this.bytes;
  }

  /** `text` as it is: literal segment text, and values that are already clean. */
  add(text: string): this {
    const length = text.length;
    const bytes = this.room(length);
    let at = this.length;
    for (let index = 0; index < length; index += 1) {
      bytes[at++] = text.charCodeAt(index);
    }
    this.length = at;
    return this;
  }

  /** Bytes made once (the header loops, the payer's loop, a provider's segments). */
  addBytes(block: Uint8Array): this {
    this.room(block.length).set(block, this.length);
    this.length += block.length;
    return this;
  }

  /** An identifier: trimmed, otherwise as given. */
  id(value: string): this {
    return this.add(value.trim());
  }

  /** Free text as `cleanText` makes it: upper-cased while copying when it needs nothing else. */
  text(value: string): this {
    const length = value.length;
    const bytes = this.room(length);
    let at = this.length;
    for (let index = 0; index < length; index += 1) {
      const code = value.charCodeAt(index);
      if (
        code >= 0x80 ||
        (code === SPACE && (index === 0 || index === length - 1 || value.charCodeAt(index + 1) === SPACE))
      ) {
        // Accents or untidy spaces: `length` has not moved, so this writes over the partial copy.
        return this.add(cleanText(value));
      }
      bytes[at++] = code >= LOWER_A && code <= LOWER_Z ? code - 32 : code;
    }
    this.length = at;
    return this;
  }

  /** A code as `cleanCode` makes it: copied when it is already upper-case letters and digits. */
  code(value: string): this {
    return this.cleanCode(value, false);
  }

  /** An ICD-10-CM code as `diagnosisCode` makes it: copied without its dot when it is otherwise clean. */
  diagnosis(value: string): this {
    return this.cleanCode(value, true);
  }

  /** `code` and `diagnosis`: upper-case letters and digits are copied, and the first dot dropped when asked. */
  private cleanCode(value: string, dropDot: boolean): this {
    const length = value.length;
    const bytes = this.room(length);
    let at = this.length;
    let dotDropped = !dropDot;
    for (let index = 0; index < length; index += 1) {
      const code = value.charCodeAt(index);
      if (isUpperOrDigit(code)) {
        bytes[at++] = code;
      } else if (code === DOT && !dotDropped) {
        dotDropped = true;
      } else {
        // Anything else goes the long way; `length` has not moved, so this writes over the partial copy.
        return this.add(dropDot ? diagnosisCode(value) : cleanCode(value));
      }
    }
    this.length = at;
    return this;
  }

  /** A 'YYYY-MM-DD' date that validation has accepted, as CCYYMMDD (what `d8` makes). */
  date(value: string): this {
    const bytes = this.room(8);
    let at = this.length;
    for (const index of D8_POSITIONS) {
      bytes[at++] = value.charCodeAt(index);
    }
    this.length = at;
    return this;
  }

  /** A non-negative safe integer in decimal, as `String(value)` writes it. */
  int(value: number): this {
    let digits = 1;
    for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) {
      digits += 1;
    }
    const bytes = this.room(digits);
    let at = this.length + digits;
    this.length = at;
    let rest = value;
    do {
      const next = Math.floor(rest / 10);
      bytes[--at] = ZERO + rest - next * 10;
      rest = next;
    } while (rest > 0);
    return this;
  }

  /** Whole cents as `dollars` in values.ts writes them: `60`, `60.5`, `60.25`, `0.05`. */
  dollars(cents: number): this {
    const whole = Math.floor(cents / 100);
    const rest = cents - whole * 100;
    this.int(whole);
    if (rest !== 0) {
      const tenths = Math.floor(rest / 10);
      const hundredths = rest - tenths * 10;
      const bytes = this.room(3);
      bytes[this.length++] = DOT;
      bytes[this.length++] = ZERO + tenths;
      if (hundredths !== 0) {
        bytes[this.length++] = ZERO + hundredths;
      }
    }
    return this;
  }

  /** The chunk as a string; the buffer is kept for the next one. */
  take(): string {
    const text = this.bytes.toString('latin1', 0, this.length);
    this.length = 0;
    return text;
  }

  /** The bytes written, copied out, for a block written again and again. */
  takeBytes(): Buffer {
    const block = Buffer.from(this.bytes.subarray(0, this.length));
    this.length = 0;
    return block;
  }
}

function isUpperOrDigit(code: number): boolean {
  return (code >= UPPER_A && code <= UPPER_Z) || (code >= ZERO && code <= NINE);
}

/**
 * The 2310B segments (NM1*82 and PRV) of each rendering provider met, by NPI. The billing export builds a new
 * provider object for every claim, so they are matched by value: a batch has few peers and many claims.
 */
class RenderingSegments {
  private readonly byNpi = new Map<string, { provider: RenderingProvider837; segments: Buffer }>();
  private readonly scratch = new Chunk(256);

  constructor(private readonly end: string) {}

  get(provider: RenderingProvider837): Buffer {
    const known = this.byNpi.get(provider.npi);
    if (
      known !== undefined &&
      (known.provider === provider ||
        (known.provider.last === provider.last &&
          known.provider.first === provider.first &&
          known.provider.taxonomy === provider.taxonomy))
    ) {
      return known.segments;
    }
    const end = this.end;
    // NM1*82*1*LAST*FIRST****XX*npi~PRV*PE*PXC*taxonomy~
    const segments = this.scratch
      .add('NM1*82*1*')
      .text(provider.last)
      .add('*')
      .text(provider.first)
      .add('****XX*')
      .id(provider.npi)
      .add(end)
      .add('PRV*PE*PXC*')
      .code(provider.taxonomy)
      .add(end)
      .takeBytes();
    // Bounded, so a batch of very many providers cannot grow it without limit.
    if (this.byNpi.size >= 4096) {
      this.byNpi.clear();
    }
    this.byNpi.set(provider.npi, { provider, segments });
    return segments;
  }
}

/** N3 and N4 of an address, each terminated: `N3*LINE1[*LINE2]~N4*CITY*ST*zipdigits~`. */
function writeAddress(out: Chunk, address: Address, end: string): void {
  const line2 = address.line2 === null ? '' : cleanText(address.line2);
  out.add('N3*').text(address.line1);
  if (line2 !== '') {
    out.add('*').add(line2);
  }
  out
    .add(end)
    .add('N4*')
    .text(address.city)
    .add('*')
    .code(address.state)
    .add('*')
    .add(digitsOf(address.postalCode));
  out.add(end);
}

/** 2010BA after the subscriber's HL: SBR, NM1, N3, N4 and DMG. */
function writeSubscriber(out: Chunk, subscriber: Subscriber837, end: string): void {
  // SBR01 P primary, SBR02 18 self (the member is the patient), SBR09 MC Medicaid.
  out.add('SBR*P*18*******MC').add(end);
  out.add('NM1*IL*1*').text(subscriber.last).add('*').text(subscriber.first).add('*');
  if (subscriber.middle !== undefined) {
    out.text(subscriber.middle);
  }
  out.add('***MI*').id(subscriber.memberId).add(end);
  writeAddress(out, subscriber.address, end);
  out.add('DMG*D8*').date(subscriber.dateOfBirth).add('*').add(subscriber.gender).add(end);
}

function* generate(
  batch: Batch837,
  end: string,
  maxClaims: number,
  chunkCharacters: number,
): Generator<string, Summary837, undefined> {
  const { interchange, submitter, receiver, billingProvider: billing, payer } = batch;
  const senderId = interchange.senderId.trim();
  const receiverId = interchange.receiverId.trim();
  const date = d8(interchange.createdAt.date);
  const time = hhmm(interchange.createdAt.time);
  const controlNumber = String(interchange.controlNumber).padStart(9, '0');
  const groupControlNumber = String(interchange.groupControlNumber);
  const billingNpi = billing.npi.trim();

  // A claim is written whole before the chunk is handed out, so the buffer holds a chunk and one claim.
  const out = new Chunk(Math.min(chunkCharacters, 1 << 20) + 16_384);
  const renderingSegments = new RenderingSegments(end);
  out.add(
    `ISA*00*${' '.repeat(10)}*00*${' '.repeat(10)}*${interchange.senderQualifier ?? 'ZZ'}*${padRight(senderId, 15)}` +
      `*${interchange.receiverQualifier ?? 'ZZ'}*${padRight(receiverId, 15)}*${date.slice(2)}*${time}*^*00501` +
      `*${controlNumber}*${interchange.acknowledgmentRequested === true ? '1' : '0'}*${interchange.usageIndicator}*:${end}` +
      `GS*HC*${interchange.applicationSenderCode?.trim() ?? senderId}*${interchange.applicationReceiverCode?.trim() ?? receiverId}` +
      `*${date}*${time}*${groupControlNumber}*X*${IMPLEMENTATION_GUIDE}${end}`,
  );
  let characters = 0;

  // Everything from 1000A to 2010AA is the same in every transaction set: built once. 9 segments.
  const block = new Chunk(1024);
  const contact = submitter.contact;
  block.add('NM1*41*2*').text(submitter.name).add('*****46*').id(submitter.id).add(end);
  block.add('PER*IC*').text(contact.name);
  if (contact.phone !== undefined && contact.phone.trim() !== '') {
    block.add('*TE*').add(digitsOf(contact.phone));
  }
  if (contact.email !== undefined && contact.email.trim() !== '') {
    block.add('*EM*').id(contact.email);
  }
  block.add(end);
  block.add('NM1*40*2*').text(receiver.name).add('*****46*').id(receiver.id).add(end);
  block.add('HL*1**20*1').add(end);
  block.add('PRV*BI*PXC*').code(billing.taxonomy).add(end);
  block.add('NM1*85*2*').text(billing.name).add('*****XX*').add(billingNpi).add(end);
  writeAddress(block, billing.address, end);
  block.add('REF*EI*').add(digitsOf(billing.taxId)).add(end);
  const headerLoops = block.takeBytes();
  const headerLoopSegments = 9; // NM1, PER, NM1, HL, PRV, NM1, N3, N4, REF
  // 2010BB, after each subscriber.
  block.add('NM1*PR*2*').text(payer.name).add('*****PI*').id(payer.payerId).add(end);
  if (payer.address !== undefined) {
    writeAddress(block, payer.address, end);
  }
  const payerBlock = block.takeBytes();
  // SBR, NM1, N3, N4, DMG, NM1 (payer), and the payer's N3/N4 when given.
  const subscriberBlockSegments = payer.address === undefined ? 6 : 8;

  const claims = batch.claims;
  const split = claims.length > maxClaims;
  let transactionSets = 0;
  let segments = 2; // ISA, GS
  let lines = 0;
  let totalChargeCents = 0;
  let index = 0;
  while (index < claims.length) {
    transactionSets += 1;
    const st02 = String(transactionSets).padStart(4, '0');
    const bht03 = split ? `${batch.batchId.trim()}-${st02}` : batch.batchId.trim();
    out.add(`ST*837*${st02}*${IMPLEMENTATION_GUIDE}${end}BHT*0019*00*${bht03}*${date}*${time}*CH${end}`);
    out.addBytes(headerLoops);
    let stSegments = 2 + headerLoopSegments;
    let hl = 1;
    let previous: Claim837 | undefined;
    const stop = Math.min(claims.length, index + maxClaims);
    for (; index < stop; index += 1) {
      const claim = claims[index] as Claim837;
      if (previous === undefined || !sameMemberId(previous.subscriber, claim.subscriber)) {
        hl += 1;
        // HL*n*1*22*0: parent 1, subscriber level, no child (the member is the patient: no 2000C).
        out.add('HL*').int(hl).add('*1*22*0').add(end);
        writeSubscriber(out, claim.subscriber, end);
        out.addBytes(payerBlock);
        stSegments += 1 + subscriberBlockSegments;
      }
      previous = claim;

      const claimLines = claim.lines;
      let claimCents = 0;
      for (const line of claimLines) {
        claimCents += line.chargeCents;
      }
      lines += claimLines.length;
      totalChargeCents += claimCents;
      const place = cleanCode(claim.placeOfService);
      // CLM*id*total***place:B:frequency*Y*A*Y*Y
      out.add('CLM*').id(claim.claimId).add('*').dollars(claimCents).add('***').add(place).add(':B:');
      out.add(claim.frequencyCode).add('*Y*A*Y*Y').add(end);
      stSegments += 1 + claimLines.length * 4;
      // REF order as the guide lists 2300: G1 prior authorization before F8 payer claim control number.
      const authorization = claim.priorAuthorization?.trim() ?? '';
      if (authorization !== '') {
        out.add('REF*G1*').add(authorization).add(end);
        stSegments += 1;
      }
      if (claim.frequencyCode !== '1') {
        out
          .add('REF*F8*')
          .id(claim.originalClaimReference ?? '')
          .add(end);
        stSegments += 1;
      }
      // HI*ABK:principal*ABF:other…
      out.add('HI');
      const diagnoses = claim.diagnoses;
      for (let dx = 0; dx < diagnoses.length; dx += 1) {
        out.add(dx === 0 ? '*ABK:' : '*ABF:').diagnosis(diagnoses[dx] as string);
      }
      out.add(end);
      stSegments += 1;
      const rendering = claim.renderingProvider;
      if (rendering.npi.trim() !== billingNpi) {
        out.addBytes(renderingSegments.get(rendering));
        stSegments += 2;
      }

      for (let lineIndex = 0; lineIndex < claimLines.length; lineIndex += 1) {
        const line = claimLines[lineIndex] as ServiceLine837;
        // LX*n~SV1*HC:code[:modifier…]*charge*UN*units*[place]**pointers~DTP*472*D8*date~REF*6R*id~
        out
          .add('LX*')
          .int(lineIndex + 1)
          .add(end);
        out.add('SV1*HC:').code(line.code);
        const modifiers = line.modifiers;
        if (modifiers !== undefined) {
          for (const modifier of modifiers) {
            out.add(':').code(modifier);
          }
        }
        out.add('*').dollars(line.chargeCents).add('*UN*').int(line.units).add('*');
        // SV105 only when the line's place differs from CLM05-1; SV106 is not used.
        if (line.placeOfService !== undefined) {
          const linePlace = cleanCode(line.placeOfService);
          if (linePlace !== place) {
            out.add(linePlace);
          }
        }
        out.add('**');
        const pointers = line.diagnosisPointers;
        for (let pointer = 0; pointer < pointers.length; pointer += 1) {
          if (pointer > 0) {
            out.add(':');
          }
          out.int(pointers[pointer] as number);
        }
        out.add(end);
        out.add('DTP*472*D8*').date(line.dateOfService).add(end);
        out.add('REF*6R*').id(line.lineControlNumber).add(end);
      }

      if (out.length >= chunkCharacters) {
        const chunk = out.take();
        characters += chunk.length;
        yield chunk;
      }
    }
    stSegments += 1; // SE
    out.add(`SE*${stSegments}*${st02}${end}`);
    segments += stSegments;
  }
  out.add(`GE*${transactionSets}*${groupControlNumber}${end}IEA*1*${controlNumber}${end}`);
  segments += 2;
  const last = out.take();
  characters += last.length;
  yield last;
  return { segments, transactionSets, claims: claims.length, lines, totalChargeCents, characters };
}
