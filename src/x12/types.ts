/**
 * @module x12/types
 * The plain data an 837P batch is written from, the writer's options and the summary it returns. Everything is
 * given in Peerline's terms (cents, 'YYYY-MM-DD' dates, 'HH:MM' times, ICD-10-CM codes with or without their
 * dot); the writer turns them into X12 values. The comment on each field names the element it fills, as the
 * 005010X222A1 implementation guide (TR3) numbers it.
 */
import type { Address } from '../shared/index.js';

export type { Address };

/** ISA05/ISA07 interchange ID qualifiers the 837P allows (`ZZ` = mutually defined, `30` = federal tax id). */
export const INTERCHANGE_ID_QUALIFIERS = ['01', '14', '20', '27', '28', '29', '30', '33', 'ZZ'] as const;
export type InterchangeIdQualifier = (typeof INTERCHANGE_ID_QUALIFIERS)[number];

/** CLM05-3 claim frequency: `1` original, `7` replacement of a prior claim, `8` void of a prior claim. */
export const CLAIM_FREQUENCY_CODES = ['1', '7', '8'] as const;
export type ClaimFrequencyCode = (typeof CLAIM_FREQUENCY_CODES)[number];

/** DMG03 administrative gender: female, male, unknown. */
export const GENDER_CODES = ['F', 'M', 'U'] as const;
export type GenderCode = (typeof GENDER_CODES)[number];

/** ISA15: `T` test data, `P` production data. */
export type UsageIndicator = 'T' | 'P';

/** The ISA/GS envelope. Control numbers come in from the caller, who keeps them unique per trading partner. */
export interface Interchange837 {
  /** ISA06: up to 15 characters; padded with spaces. */
  readonly senderId: string;
  /** ISA05; `ZZ` when omitted. */
  readonly senderQualifier?: InterchangeIdQualifier;
  /** ISA08: up to 15 characters; padded with spaces. */
  readonly receiverId: string;
  /** ISA07; `ZZ` when omitted. */
  readonly receiverQualifier?: InterchangeIdQualifier;
  /** GS02, 2–15 characters; the sender id when omitted. */
  readonly applicationSenderCode?: string;
  /** GS03, 2–15 characters; the receiver id when omitted. */
  readonly applicationReceiverCode?: string;
  /** ISA13/IEA02: 1–999999999, written as nine digits. */
  readonly controlNumber: number;
  /** GS06/GE02: 1–999999999. */
  readonly groupControlNumber: number;
  /** ISA14: ask the receiver for a TA1 interchange acknowledgment; false when omitted. */
  readonly acknowledgmentRequested?: boolean;
  /** ISA15. */
  readonly usageIndicator: UsageIndicator;
  /** When the file was made: ISA09/ISA10, GS04/GS05 and BHT04/BHT05. The writer never reads a clock. */
  readonly createdAt: { readonly date: string; readonly time: string };
}

/** Loop 1000A. */
export interface Submitter837 {
  /** NM103, organisation name. */
  readonly name: string;
  /** NM109, the submitter's ETIN (electronic transmitter id) assigned by the receiver. */
  readonly id: string;
  /** PER: the EDI contact. At least one of phone and email. */
  readonly contact: {
    /** PER02. */
    readonly name: string;
    /** PER `TE`: ten digits; punctuation such as `(510) 555-0142` is dropped. */
    readonly phone?: string;
    /** PER `EM`. */
    readonly email?: string;
  };
}

/** Loop 1000B. */
export interface Receiver837 {
  /** NM103. */
  readonly name: string;
  /** NM109, the receiver's id (qualifier `46`). */
  readonly id: string;
}

/** Loops 2000A/2010AA: the organisation that bills. */
export interface BillingProvider837 {
  /** NM103, organisation name. */
  readonly name: string;
  /** NM109 with qualifier `XX`: a 10-digit NPI with a valid check digit. */
  readonly npi: string;
  /** PRV03 with `BI`/`PXC`: NUCC taxonomy code, e.g. `251S00000X`. */
  readonly taxonomy: string;
  /** REF*EI: the employer identification number, nine digits (a hyphen is dropped). */
  readonly taxId: string;
  /** N3/N4: a street address; the postal code must be ZIP+4 (nine digits) in this loop. */
  readonly address: Address;
}

/** Loop 2010BB. */
export interface Payer837 {
  /** NM103. */
  readonly name: string;
  /** NM109 with qualifier `PI`. */
  readonly payerId: string;
  /** N3/N4, written only when given. */
  readonly address?: Address;
}

/** Loop 2000B/2010BA. For Medicaid the member is the subscriber and the patient, so there is no 2000C loop. */
export interface Subscriber837 {
  /** NM109 with qualifier `MI`: the Medicaid member id. */
  readonly memberId: string;
  /** NM103. */
  readonly last: string;
  /** NM104. */
  readonly first: string;
  /** NM105, when known. */
  readonly middle?: string;
  /** DMG02, 'YYYY-MM-DD'. */
  readonly dateOfBirth: string;
  /** DMG03. */
  readonly gender: GenderCode;
  /** N3/N4: required by the guide when the subscriber is the patient. */
  readonly address: Address;
}

/** Loop 2310B: the peer who delivered the services. */
export interface RenderingProvider837 {
  /** NM109 with qualifier `XX`. */
  readonly npi: string;
  /** NM103. */
  readonly last: string;
  /** NM104. */
  readonly first: string;
  /** PRV03 with `PE`/`PXC`; `175T00000X` is Peer Specialist. */
  readonly taxonomy: string;
}

/** Loop 2400: one service line. */
export interface ServiceLine837 {
  /** REF*6R line item control number: echoed back per line in the 835, so keep it unique within the claim. */
  readonly lineControlNumber: string;
  /** SV101-2, a HCPCS Level II or CPT code such as `H0038`. */
  readonly code: string;
  /** SV101-3..SV101-6, in the order given, at most four. */
  readonly modifiers?: readonly string[];
  /** SV102, in whole cents. */
  readonly chargeCents: number;
  /** SV104 with SV103 `UN`: a positive whole number of units. */
  readonly units: number;
  /** DTP*472, 'YYYY-MM-DD'. */
  readonly dateOfService: string;
  /** SV105: only when the line's place differs from the claim's (CLM05-1); written only then. */
  readonly placeOfService?: string;
  /** SV107: one to four 1-based positions in the claim's `diagnoses`. */
  readonly diagnosisPointers: readonly number[];
}

/** Loop 2300: one claim. */
export interface Claim837 {
  /** CLM01, the patient control number: 1–20 characters, echoed back in the 277CA and 835. */
  readonly claimId: string;
  /** CLM05-3. */
  readonly frequencyCode: ClaimFrequencyCode;
  /** REF*F8: the payer's claim control number of the claim being replaced or voided; only with 7 and 8. */
  readonly originalClaimReference?: string;
  /** CLM05-1, two-digit CMS place of service code. */
  readonly placeOfService: string;
  readonly subscriber: Subscriber837;
  /** HI: ICD-10-CM codes, the principal (ABK) first, then up to 11 others (ABF). */
  readonly diagnoses: readonly string[];
  /** Loop 2310B; left out of the file when its NPI is the billing provider's, as the guide says. */
  readonly renderingProvider: RenderingProvider837;
  /** REF*G1, the prior authorisation number, when the service was authorised. */
  readonly priorAuthorization?: string;
  /** At least one, at most 50. CLM02 is their total. */
  readonly lines: readonly ServiceLine837[];
}

/** Everything one 837P interchange holds: one billing provider and one payer, any number of claims. */
export interface Batch837 {
  readonly interchange: Interchange837;
  /** BHT03, 1–40 characters; when the batch is split into several transaction sets, `-0002`… is added. */
  readonly batchId: string;
  readonly submitter: Submitter837;
  readonly receiver: Receiver837;
  readonly billingProvider: BillingProvider837;
  readonly payer: Payer837;
  readonly claims: readonly Claim837[];
}

/** How to lay out the file. */
export interface Write837Options {
  /** Put a line feed after each segment terminator, for people reading the file; false when omitted. */
  readonly newlines?: boolean;
  /**
   * Claims per transaction set (ST/SE) before a new one is started in the same functional group. The guide
   * recommends at most 5000 CLM segments per transaction set; 5000 when omitted.
   */
  readonly maxClaimsPerTransaction?: number;
  /** Roughly how many characters each streamed chunk holds; 65536 when omitted. */
  readonly chunkCharacters?: number;
}

/** What was written. */
export interface Summary837 {
  /** Every segment in the file, ISA to IEA inclusive. */
  readonly segments: number;
  readonly transactionSets: number;
  readonly claims: number;
  readonly lines: number;
  /** The sum of every CLM02, in cents. */
  readonly totalChargeCents: number;
  /** Length of the file in characters (equal to bytes: every value is ASCII). */
  readonly characters: number;
}
