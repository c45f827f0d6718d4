/**
 * @module x12/validate/line
 * A claim's service lines (2400): control number, procedure code and modifiers, charge, units, date of service
 * (real, not after the file was made, not before the member was born), place of service and diagnosis
 * pointers, and line control numbers that differ within the claim.
 */
import { isCalendarDate, isKnownPlaceOfService } from '../../engine/index.js';
import type { Claim837, ServiceLine837 } from '../types.js';
import { cleanCode, hasOnlyAllowedCharacters } from '../values.js';
import { PEERLINE, X12_LIMITS, X12_PROBLEM_CODES } from './codes.js';
import { claimName, type Path, type Problems } from './problems.js';
import { TEXT_RULES } from './text-rules.js';
import { checkDate, checkText } from './values.js';

export const PROCEDURE_PATTERN = /^[A-Z0-9]\d{3}[A-Z0-9]$/;
const MODIFIER_PATTERN = /^[A-Z0-9]{2}$/;
export const PLACE_OF_SERVICE_PATTERN = /^\d{2}$/;
const SPACE = 32;

/** What a claim's lines are checked against. */
export interface ClaimContext {
  /** How many diagnoses the claim has (pointers point into them). */
  readonly diagnoses: number;
  /** The file's creation date, when it is a real date: no service may be after it. */
  readonly createdDate: string | undefined;
  /** The member's date of birth, when it is a real date: no service may be before it. */
  readonly birth: string | undefined;
}

/**
 * Checks every line of `claim`. Most lines are fine: on the fast path an allocation-free check lets a
 * million-line batch through quickly, and only a line it doubts gets the full check that names each problem.
 */
export function checkLines(
  problems: Problems,
  claim: Claim837,
  claimIdOk: boolean,
  path: Path,
  context: ClaimContext,
): void {
  const lines = claim.lines;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] as ServiceLine837;
    if (!problems.fastPaths || !lineLooksRight(line, context)) {
      checkLine(problems, line, [...path, 'lines', index], {
        ...context,
        name: `line ${index + 1} of ${claimName(claim, claimIdOk)}`,
      });
    }
    const lineControl = line.lineControlNumber.trim();
    if (usedBefore(lines, index, lineControl)) {
      problems.add(
        X12_PROBLEM_CODES.duplicateLineControlNumber,
        `Give line ${index + 1} of ${claimName(claim, claimIdOk)} its own line control number: "${lineControl}" is already used on this claim.`,
        [...path, 'lines', index, 'lineControlNumber'],
        '2400 REF02 (6R)',
      );
    }
  }
}

/** True when a line before `index` has the line control number `id` (a claim has at most 50 lines). */
function usedBefore(lines: readonly ServiceLine837[], index: number, id: string): boolean {
  for (let before = 0; before < index; before += 1) {
    if ((lines[before] as ServiceLine837).lineControlNumber.trim() === id) {
      return true;
    }
  }
  return false;
}

/**
 * Fast path of `checkLine`: true when it would certainly find nothing wrong with `line`. Stricter than the full check (a
 * lower-case code or a padded id is left to it), never looser, and it allocates nothing.
 */
function lineLooksRight(line: ServiceLine837, context: ClaimContext): boolean {
  const { diagnoses, createdDate, birth } = context;
  const id = line.lineControlNumber;
  if (
    id.length === 0 ||
    id.length > TEXT_RULES.lineControlNumber.max ||
    id.charCodeAt(0) === SPACE ||
    id.charCodeAt(id.length - 1) === SPACE ||
    !hasOnlyAllowedCharacters(id) ||
    !PROCEDURE_PATTERN.test(line.code) ||
    !Number.isSafeInteger(line.chargeCents) ||
    line.chargeCents < 1 ||
    !Number.isSafeInteger(line.units) ||
    line.units < 1 ||
    line.units > X12_LIMITS.maxUnits ||
    !isCalendarDate(line.dateOfService) ||
    (createdDate !== undefined && line.dateOfService > createdDate) ||
    (birth !== undefined && line.dateOfService < birth) ||
    (line.placeOfService !== undefined &&
      (!PLACE_OF_SERVICE_PATTERN.test(line.placeOfService) || !isKnownPlaceOfService(line.placeOfService)))
  ) {
    return false;
  }
  const modifiers = line.modifiers;
  if (modifiers !== undefined) {
    if (modifiers.length > X12_LIMITS.modifiersPerLine) {
      return false;
    }
    for (const modifier of modifiers) {
      if (!MODIFIER_PATTERN.test(modifier)) {
        return false;
      }
    }
  }
  const pointers = line.diagnosisPointers;
  if (pointers.length === 0 || pointers.length > X12_LIMITS.pointersPerLine) {
    return false;
  }
  const highest = Math.min(diagnoses, X12_LIMITS.diagnosesPerClaim);
  for (let index = 0; index < pointers.length; index += 1) {
    const pointer = pointers[index] as number;
    if (
      !Number.isInteger(pointer) ||
      pointer < 1 ||
      pointer > highest ||
      pointers.indexOf(pointer) !== index
    ) {
      return false;
    }
  }
  return true;
}

/** What a line is checked against, and how its problems name it. */
interface LineContext extends ClaimContext {
  readonly name: string;
}

function checkLine(problems: Problems, line: ServiceLine837, path: Path, context: LineContext): void {
  const { name } = context;
  checkText(problems, line.lineControlNumber, path, 'lineControlNumber', TEXT_RULES.lineControlNumber);
  if (!PROCEDURE_PATTERN.test(cleanCode(line.code))) {
    problems.add(
      X12_PROBLEM_CODES.procedureCode,
      `Correct the procedure code "${line.code}" on ${name}: use a five-character HCPCS or CPT code such as H0038.`,
      [...path, 'code'],
      '2400 SV101-2',
    );
  }
  const modifiers = line.modifiers ?? [];
  if (modifiers.length > X12_LIMITS.modifiersPerLine) {
    problems.add(
      X12_PROBLEM_CODES.tooManyModifiers,
      `Keep ${name} to four modifiers, not ${modifiers.length}.`,
      [...path, 'modifiers'],
      '2400 SV101-3..6',
    );
  }
  modifiers.forEach((modifier, index) => {
    if (!MODIFIER_PATTERN.test(cleanCode(modifier))) {
      problems.add(
        X12_PROBLEM_CODES.modifier,
        `Correct modifier "${modifier}" on ${name}: a modifier is two letters or digits, e.g. HQ.`,
        [...path, 'modifiers', index],
        `2400 SV101-${index + 3}`,
      );
    }
  });
  // A $0.00 line is never sent: the charge comes from the fee schedule, and a missing one holds the note.
  if (!Number.isSafeInteger(line.chargeCents) || line.chargeCents < 1) {
    problems.add(
      X12_PROBLEM_CODES.charge,
      `Correct the charge on ${name}: give a whole number of cents above zero (a claim never bills $0.00), not ${line.chargeCents}. Enter the charge on the Fee schedule page and bill the note again.`,
      [...path, 'chargeCents'],
      '2400 SV102',
    );
  }
  if (!Number.isSafeInteger(line.units) || line.units < 1 || line.units > X12_LIMITS.maxUnits) {
    problems.add(
      X12_PROBLEM_CODES.units,
      `Correct the units on ${name}: give a whole number from 1 to ${X12_LIMITS.maxUnits}, not ${line.units}.`,
      [...path, 'units'],
      '2400 SV104',
    );
  }
  if (
    checkDate(
      problems,
      line.dateOfService,
      path,
      'dateOfService',
      `the date of service on ${name}`,
      '2400 DTP03 (472)',
    )
  ) {
    if (context.createdDate !== undefined && line.dateOfService > context.createdDate) {
      problems.add(
        X12_PROBLEM_CODES.serviceAfterCreation,
        `Correct the date of service ${line.dateOfService} on ${name}: it is after the file's creation date ` +
          `${context.createdDate}, and a service cannot be billed before it happens.`,
        [...path, 'dateOfService'],
        '2400 DTP03 (472)',
        PEERLINE,
      );
    }
    if (context.birth !== undefined && line.dateOfService < context.birth) {
      problems.add(
        X12_PROBLEM_CODES.serviceBeforeBirth,
        `Correct the date of service ${line.dateOfService} on ${name} or the member's date of birth ` +
          `${context.birth}: the service is dated before the member was born.`,
        [...path, 'dateOfService'],
        '2400 DTP03 (472)',
        PEERLINE,
      );
    }
  }
  if (line.placeOfService !== undefined) {
    const place = cleanCode(line.placeOfService);
    if (!PLACE_OF_SERVICE_PATTERN.test(place) || !isKnownPlaceOfService(place)) {
      problems.add(
        X12_PROBLEM_CODES.placeOfService,
        `Correct the place of service "${line.placeOfService}" on ${name}: use a two-digit CMS code such as 11.`,
        [...path, 'placeOfService'],
        '2400 SV105',
        'CMS Place of Service Code Set',
      );
    }
  }
  const pointers = line.diagnosisPointers;
  if (pointers.length === 0 || pointers.length > X12_LIMITS.pointersPerLine) {
    problems.add(
      X12_PROBLEM_CODES.pointer,
      `Point ${name} at one to four of the claim's diagnoses, not ${pointers.length}.`,
      [...path, 'diagnosisPointers'],
      '2400 SV107',
    );
  }
  pointers.forEach((pointer, index) => {
    if (
      !Number.isInteger(pointer) ||
      pointer < 1 ||
      pointer > Math.min(context.diagnoses, X12_LIMITS.diagnosesPerClaim)
    ) {
      problems.add(
        X12_PROBLEM_CODES.pointer,
        `Correct diagnosis pointer ${pointer} on ${name}: the claim has ${context.diagnoses} diagnos` +
          `${context.diagnoses === 1 ? 'is' : 'es'}, so a pointer must be from 1 to ${context.diagnoses}.`,
        [...path, 'diagnosisPointers', index],
        `2400 SV107-${index + 1}`,
      );
    } else if (pointers.indexOf(pointer) !== index) {
      problems.add(
        X12_PROBLEM_CODES.pointer,
        `Remove the repeated diagnosis pointer ${pointer} on ${name}: each diagnosis is pointed at once.`,
        [...path, 'diagnosisPointers', index],
        `2400 SV107-${index + 1}`,
      );
    }
  });
}
