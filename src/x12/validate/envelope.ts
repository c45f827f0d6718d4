/**
 * @module x12/validate/envelope
 * The parts of an 837P that come from the payer's settings and the file itself rather than from any claim:
 * the interchange (ISA/GS ids, qualifiers, control numbers, creation date and time), the batch id (BHT03), the
 * submitter with its EDI contact (1000A), the receiver (1000B) and the payer (2010BB).
 */
import type { Batch837, Payer837 } from '../types.js';
import { INTERCHANGE_ID_QUALIFIERS } from '../types.js';
import { digitsOf, isClockTime } from '../values.js';
import { X12_PROBLEM_CODES } from './codes.js';
import type { Path, Problems } from './problems.js';
import { TEXT_RULES } from './text-rules.js';
import { checkAddress, checkControlNumber, checkDate, checkText } from './values.js';

/**
 * Checks the interchange and the batch id.
 *
 * @returns the creation date when it is a real date (services are compared with it), else undefined
 */
export function checkInterchange(problems: Problems, batch: Batch837): string | undefined {
  const { interchange } = batch;
  const path: Path = ['interchange'];

  checkText(problems, interchange.senderId, path, 'senderId', TEXT_RULES.interchangeSenderId);
  checkText(problems, interchange.receiverId, path, 'receiverId', TEXT_RULES.interchangeReceiverId);
  for (const key of ['senderQualifier', 'receiverQualifier'] as const) {
    const qualifier = interchange[key];
    if (qualifier !== undefined && !(INTERCHANGE_ID_QUALIFIERS as readonly string[]).includes(qualifier)) {
      problems.add(
        X12_PROBLEM_CODES.qualifier,
        `Use one of ${INTERCHANGE_ID_QUALIFIERS.join(', ')} for the id qualifier, not "${qualifier}".`,
        [...path, key],
        key === 'senderQualifier' ? 'ISA05' : 'ISA07',
      );
    }
  }
  const applicationCodes = [
    { key: 'applicationSenderCode', id: interchange.senderId, section: 'GS02', who: 'sender' },
    { key: 'applicationReceiverCode', id: interchange.receiverId, section: 'GS03', who: 'receiver' },
  ] as const;
  for (const { key, id, section, who } of applicationCodes) {
    const own = interchange[key];
    // Without its own code, GS02/GS03 repeats the ISA id, which may be one character where GS needs two.
    if (own !== undefined || id.trim().length === 1) {
      checkText(problems, own ?? id, path, key, {
        label: `the application ${who}'s code (the interchange ${who} id when not given)`,
        section,
        kind: 'id',
        min: 2,
        max: 15,
      });
    }
  }
  checkControlNumber(
    problems,
    interchange.controlNumber,
    [...path, 'controlNumber'],
    'the interchange control number',
    'ISA13',
  );
  checkControlNumber(
    problems,
    interchange.groupControlNumber,
    [...path, 'groupControlNumber'],
    'the group control number',
    'GS06',
  );
  const createdDateOk = checkDate(
    problems,
    interchange.createdAt.date,
    [...path, 'createdAt'],
    'date',
    'the creation date',
    'ISA09/GS04/BHT04',
  );
  if (!isClockTime(interchange.createdAt.time)) {
    problems.add(
      X12_PROBLEM_CODES.time,
      `Correct the creation time "${interchange.createdAt.time}": write it HH:MM on the 24-hour clock, e.g. 14:05.`,
      [...path, 'createdAt', 'time'],
      'ISA10/GS05/BHT05',
    );
  }

  checkText(problems, batch.batchId, [], 'batchId', TEXT_RULES.batchId);
  return createdDateOk ? interchange.createdAt.date : undefined;
}

/** Checks the submitter, its contact, and the receiver. */
export function checkSubmitterAndReceiver(problems: Problems, batch: Batch837): void {
  const { submitter } = batch;
  checkText(problems, submitter.name, ['submitter'], 'name', TEXT_RULES.submitterName);
  checkText(problems, submitter.id, ['submitter'], 'id', TEXT_RULES.submitterId);
  checkText(problems, submitter.contact.name, ['submitter', 'contact'], 'name', TEXT_RULES.contactName);
  const { phone, email } = submitter.contact;
  if ((phone === undefined || phone.trim() === '') && (email === undefined || email.trim() === '')) {
    problems.add(
      X12_PROBLEM_CODES.contact,
      "Give the submitter contact's phone number or email address: the receiver must be able to reach someone.",
      ['submitter', 'contact'],
      '1000A PER03',
    );
  }
  if (phone !== undefined && phone.trim() !== '' && !/^\d{10}$/.test(digitsOf(phone))) {
    problems.add(
      X12_PROBLEM_CODES.phone,
      `Correct the contact phone "${phone}": give ten digits, area code first.`,
      ['submitter', 'contact', 'phone'],
      '1000A PER04',
    );
  }
  if (email !== undefined && email.trim() !== '') {
    checkText(problems, email, ['submitter', 'contact'], 'email', TEXT_RULES.contactEmail);
  }

  checkText(problems, batch.receiver.name, ['receiver'], 'name', TEXT_RULES.receiverName);
  checkText(problems, batch.receiver.id, ['receiver'], 'id', TEXT_RULES.receiverCode);
}

/** Checks the payer's name, id and (when given) address. */
export function checkPayer(problems: Problems, payer: Payer837): void {
  checkText(problems, payer.name, ['payer'], 'name', TEXT_RULES.payerName);
  checkText(problems, payer.payerId, ['payer'], 'payerId', TEXT_RULES.payerId);
  if (payer.address !== undefined) {
    checkAddress(problems, payer.address, ['payer', 'address'], '2010BB', false);
  }
}
