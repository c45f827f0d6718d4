/**
 * @module x12/validate/text-rules
 * How each text field of an 837P is checked: its name in messages, its loop and element, whether it is free
 * text (cleaned before it is checked) or an identifier (only trimmed), and its length.
 */
import { X12_LIMITS } from './codes.js';

/** Free text is cleaned (see values.ts) before it is checked; identifiers are only trimmed. */
export type TextKind = 'text' | 'id';

export interface TextRule {
  /** Plain name of the field for messages, e.g. "the member id". */
  readonly label: string;
  /** Loop and element, for the problem's source. */
  readonly section: string;
  readonly kind: TextKind;
  readonly min?: number;
  readonly max: number;
}

/** How each text field is checked: its name in messages, its element, how it is cleaned and its length. */
export const TEXT_RULES = {
  line1: { label: 'the street address', section: 'N301', kind: 'text', max: 55 },
  line2: { label: 'the second address line', section: 'N302', kind: 'text', max: 55 },
  city: { label: 'the city', section: 'N401', kind: 'text', min: 2, max: 30 },
  interchangeSenderId: { label: 'the interchange sender id', section: 'ISA06', kind: 'id', max: 15 },
  interchangeReceiverId: { label: 'the interchange receiver id', section: 'ISA08', kind: 'id', max: 15 },
  batchId: { label: 'the batch id', section: 'BHT03', kind: 'id', max: 40 },
  submitterName: { label: "the submitter's name", section: '1000A NM103', kind: 'text', max: 60 },
  submitterId: { label: "the submitter's id", section: '1000A NM109', kind: 'id', min: 2, max: 80 },
  contactName: { label: "the submitter contact's name", section: '1000A PER02', kind: 'text', max: 60 },
  contactEmail: { label: 'the contact email', section: '1000A PER04', kind: 'id', max: 256 },
  receiverName: { label: "the receiver's name", section: '1000B NM103', kind: 'text', max: 60 },
  receiverCode: { label: "the receiver's id", section: '1000B NM109', kind: 'id', min: 2, max: 80 },
  billingName: { label: "the billing provider's name", section: '2010AA NM103', kind: 'text', max: 60 },
  payerName: { label: "the payer's name", section: '2010BB NM103', kind: 'text', max: 60 },
  payerId: { label: 'the payer id', section: '2010BB NM109', kind: 'id', min: 2, max: 80 },
  claimId: { label: 'the claim id', section: '2300 CLM01', kind: 'id', max: X12_LIMITS.claimIdLength },
  originalClaimReference: {
    label: 'the original claim reference',
    section: '2300 REF02 (F8)',
    kind: 'id',
    max: 50,
  },
  priorAuthorization: {
    label: 'the prior authorization number',
    section: '2300 REF02 (G1)',
    kind: 'id',
    max: 50,
  },
  renderingLast: {
    label: "the rendering provider's last name",
    section: '2310B NM103',
    kind: 'text',
    max: 60,
  },
  renderingFirst: {
    label: "the rendering provider's first name",
    section: '2310B NM104',
    kind: 'text',
    max: 35,
  },
  memberId: { label: 'the Medicaid member id', section: '2010BA NM109', kind: 'id', min: 2, max: 80 },
  memberLast: { label: "the member's last name", section: '2010BA NM103', kind: 'text', max: 60 },
  memberFirst: { label: "the member's first name", section: '2010BA NM104', kind: 'text', max: 35 },
  memberMiddle: { label: "the member's middle name", section: '2010BA NM105', kind: 'text', max: 25 },
  lineControlNumber: { label: 'the line control number', section: '2400 REF02 (6R)', kind: 'id', max: 50 },
} as const satisfies Record<string, TextRule>;

const ADDRESS_RULES = new Map<string, Record<'line1' | 'line2' | 'city', TextRule>>();

/** The address rules with the loop in their section (`2010AA N301`), made once per loop. */
export function addressRules(loop: string): Record<'line1' | 'line2' | 'city', TextRule> {
  let rules = ADDRESS_RULES.get(loop);
  if (rules === undefined) {
    const { line1, line2, city } = TEXT_RULES;
    rules = {
      line1: { ...line1, section: `${loop} ${line1.section}` },
      line2: { ...line2, section: `${loop} ${line2.section}` },
      city: { ...city, section: `${loop} ${city.section}` },
    };
    ADDRESS_RULES.set(loop, rules);
  }
  return rules;
}
