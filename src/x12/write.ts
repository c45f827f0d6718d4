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
  ServiceLine837,
  Subscriber837,
  Summary837,
  Write837Options,
} from './types.js';
import { sameMemberId, validateBatch837 } from './validate.js';
import { cleanCode, cleanText, d8, diagnosisCode, digitsOf, dollars, hhmm, padRight } from './values.js';

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

/**
 * The text of the chunk being filled, as parts joined once when it is handed out: one copy per chunk instead of
 * a growing rope of small strings.
 */
class Chunk {
  private parts: string[] = [];
  length = 0;

  add(text: string): void {
    this.parts.push(text);
    this.length += text.length;
  }

  take(): string {
    const text = this.parts.join('');
    this.parts = [];
    this.length = 0;
    return text;
  }
}

/** Service dates as D8, remembered: a batch has few distinct dates and many lines. */
class D8Cache {
  private readonly written = new Map<string, string>();

  d8(date: string): string {
    let text = this.written.get(date);
    if (text === undefined) {
      text = d8(date);
      // Bounded, so a batch spread over many years cannot grow it without limit.
      if (this.written.size >= 4096) {
        this.written.clear();
      }
      this.written.set(date, text);
    }
    return text;
  }
}

/** N3 and N4 of an address, each already terminated. */
function addressSegments(address: Address, end: string): string {
  const line2 = address.line2 === null ? '' : cleanText(address.line2);
  const n3 = line2 === '' ? `N3*${cleanText(address.line1)}` : `N3*${cleanText(address.line1)}*${line2}`;
  return `${n3}${end}N4*${cleanText(address.city)}*${cleanCode(address.state)}*${digitsOf(address.postalCode)}${end}`;
}

/** 2010BA and 2010BB after the subscriber's HL and SBR: segments and their count. */
function subscriberSegments(subscriber: Subscriber837, payerBlock: string, end: string): string {
  const middle = subscriber.middle === undefined ? '' : cleanText(subscriber.middle);
  return (
    // SBR01 P primary, SBR02 18 self (the member is the patient), SBR09 MC Medicaid.
    `SBR*P*18*******MC${end}` +
    `NM1*IL*1*${cleanText(subscriber.last)}*${cleanText(subscriber.first)}*${middle}***MI*${subscriber.memberId.trim()}${end}` +
    addressSegments(subscriber.address, end) +
    `DMG*D8*${d8(subscriber.dateOfBirth)}*${subscriber.gender}${end}` +
    payerBlock
  );
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

  const out = new Chunk();
  const dates = new D8Cache();
  let lastRendering: Claim837['renderingProvider'] | undefined;
  let renderingSegments = '';
  out.add(
    `ISA*00*${' '.repeat(10)}*00*${' '.repeat(10)}*${interchange.senderQualifier ?? 'ZZ'}*${padRight(senderId, 15)}` +
      `*${interchange.receiverQualifier ?? 'ZZ'}*${padRight(receiverId, 15)}*${date.slice(2)}*${time}*^*00501` +
      `*${controlNumber}*${interchange.acknowledgmentRequested === true ? '1' : '0'}*${interchange.usageIndicator}*:${end}` +
      `GS*HC*${interchange.applicationSenderCode?.trim() ?? senderId}*${interchange.applicationReceiverCode?.trim() ?? receiverId}` +
      `*${date}*${time}*${groupControlNumber}*X*${IMPLEMENTATION_GUIDE}${end}`,
  );
  let characters = 0;

  // Everything from 1000A to 2010AA is the same in every transaction set: built once. 9 or 10 segments.
  const contact = submitter.contact;
  const phone =
    contact.phone === undefined || contact.phone.trim() === '' ? undefined : digitsOf(contact.phone);
  const email = contact.email === undefined || contact.email.trim() === '' ? undefined : contact.email.trim();
  const communication = [
    phone === undefined ? '' : `*TE*${phone}`,
    email === undefined ? '' : `*EM*${email}`,
  ].join('');
  const headerLoops =
    `NM1*41*2*${cleanText(submitter.name)}*****46*${submitter.id.trim()}${end}` +
    `PER*IC*${cleanText(contact.name)}${communication}${end}` +
    `NM1*40*2*${cleanText(receiver.name)}*****46*${receiver.id.trim()}${end}` +
    `HL*1**20*1${end}` +
    `PRV*BI*PXC*${cleanCode(billing.taxonomy)}${end}` +
    `NM1*85*2*${cleanText(billing.name)}*****XX*${billingNpi}${end}` +
    addressSegments(billing.address, end) +
    `REF*EI*${digitsOf(billing.taxId)}${end}`;
  const headerLoopSegments = 9; // NM1, PER, NM1, HL, PRV, NM1, N3, N4, REF
  const payerBlock =
    `NM1*PR*2*${cleanText(payer.name)}*****PI*${payer.payerId.trim()}${end}` +
    (payer.address === undefined ? '' : addressSegments(payer.address, end));
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
    out.add(
      `ST*837*${st02}*${IMPLEMENTATION_GUIDE}${end}` +
        `BHT*0019*00*${bht03}*${date}*${time}*CH${end}` +
        headerLoops,
    );
    let stSegments = 2 + headerLoopSegments;
    let hl = 1;
    let previous: Claim837 | undefined;
    const stop = Math.min(claims.length, index + maxClaims);
    for (; index < stop; index += 1) {
      const claim = claims[index] as Claim837;
      if (previous === undefined || !sameMemberId(previous.subscriber, claim.subscriber)) {
        hl += 1;
        out.add(`HL*${hl}*1*22*0${end}` + subscriberSegments(claim.subscriber, payerBlock, end));
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
      out.add(
        `CLM*${claim.claimId.trim()}*${dollars(claimCents)}***${place}:B:${claim.frequencyCode}*Y*A*Y*Y${end}`,
      );
      stSegments += 1 + claimLines.length * 4;
      // REF order as the guide lists 2300: G1 prior authorization before F8 payer claim control number.
      const authorization = claim.priorAuthorization?.trim() ?? '';
      if (authorization !== '') {
        out.add(`REF*G1*${authorization}${end}`);
        stSegments += 1;
      }
      if (claim.frequencyCode !== '1') {
        out.add(`REF*F8*${(claim.originalClaimReference ?? '').trim()}${end}`);
        stSegments += 1;
      }
      let hi = 'HI';
      const diagnoses = claim.diagnoses;
      for (let dx = 0; dx < diagnoses.length; dx += 1) {
        hi += `${dx === 0 ? '*ABK:' : '*ABF:'}${diagnosisCode(diagnoses[dx] as string)}`;
      }
      out.add(hi + end);
      stSegments += 1;
      const rendering = claim.renderingProvider;
      if (rendering.npi.trim() !== billingNpi) {
        // Claims of one peer usually share the provider object: its two segments are made once for a run.
        if (rendering !== lastRendering) {
          lastRendering = rendering;
          renderingSegments =
            `NM1*82*1*${cleanText(rendering.last)}*${cleanText(rendering.first)}****XX*${rendering.npi.trim()}${end}` +
            `PRV*PE*PXC*${cleanCode(rendering.taxonomy)}${end}`;
        }
        out.add(renderingSegments);
        stSegments += 2;
      }

      for (let lineIndex = 0; lineIndex < claimLines.length; lineIndex += 1) {
        const line = claimLines[lineIndex] as ServiceLine837;
        let procedure = cleanCode(line.code);
        const modifiers = line.modifiers;
        if (modifiers !== undefined) {
          for (const modifier of modifiers) {
            procedure += `:${cleanCode(modifier)}`;
          }
        }
        // SV105 only when the line's place differs from CLM05-1; SV106 is not used.
        const linePlace = line.placeOfService === undefined ? place : cleanCode(line.placeOfService);
        const pointers = line.diagnosisPointers;
        out.add(
          `LX*${lineIndex + 1}${end}` +
            `SV1*HC:${procedure}*${dollars(line.chargeCents)}*UN*${line.units}*${linePlace === place ? '' : linePlace}` +
            `**${pointers.length === 1 ? String(pointers[0]) : pointers.join(':')}${end}` +
            `DTP*472*D8*${dates.d8(line.dateOfService)}${end}` +
            `REF*6R*${line.lineControlNumber.trim()}${end}`,
        );
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
