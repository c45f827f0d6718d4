/**
 * @module x12/validate/claim
 * One claim (2300): its id, frequency code and the original claim it replaces or voids, place of service,
 * prior authorization, diagnoses (one to twelve ICD-10-CM codes) and one to fifty lines; its subscriber,
 * rendering provider and lines through their own modules.
 */
import { isKnownPlaceOfService } from '../../engine/index.js';
import { CLAIM_FREQUENCY_CODES, type Claim837, type Subscriber837 } from '../types.js';
import { cleanCode } from '../values.js';
import { X12_LIMITS, X12_PROBLEM_CODES } from './codes.js';
import { checkLines, PLACE_OF_SERVICE_PATTERN } from './line.js';
import { claimName, type Path, type Problems } from './problems.js';
import type { RenderingProviderChecks } from './provider.js';
import type { SubscriberChecks } from './subscriber.js';
import { TEXT_RULES } from './text-rules.js';
import { checkText } from './values.js';

const ICD10_PATTERN = /^[A-Z]\d[0-9A-Z][0-9A-Z]{0,4}$/i;
const ICD10_DOT_PATTERN = /^[A-Za-z]\d[0-9A-Za-z]\.[0-9A-Za-z]{1,4}$/;

/** What every claim of a batch is checked with. */
export interface BatchContext {
  /** The file's creation date, when it is a real date: no service may be after it. */
  readonly createdDate: string | undefined;
  readonly subscribers: SubscriberChecks;
  readonly renderingProviders: RenderingProviderChecks;
}

export function checkClaim(
  problems: Problems,
  claim: Claim837,
  path: Path,
  previousSubscriber: Subscriber837 | undefined,
  batch: BatchContext,
): void {
  const claimIdOk = checkText(problems, claim.claimId, path, 'claimId', TEXT_RULES.claimId);

  if (!(CLAIM_FREQUENCY_CODES as readonly string[]).includes(claim.frequencyCode)) {
    problems.add(
      X12_PROBLEM_CODES.frequency,
      `Use frequency code 1 (original), 7 (replacement) or 8 (void) for ${claimName(claim, claimIdOk)}, not "${claim.frequencyCode}".`,
      [...path, 'frequencyCode'],
      '2300 CLM05-3',
    );
  } else if (claim.frequencyCode === '1') {
    if (claim.originalClaimReference !== undefined) {
      problems.add(
        X12_PROBLEM_CODES.originalReferenceUnexpected,
        `Remove the original claim reference from ${claimName(claim, claimIdOk)}, or make it a replacement (7) or void (8): an ` +
          'original claim (frequency 1) does not name a prior claim.',
        [...path, 'originalClaimReference'],
        '2300 REF*F8',
      );
    }
  } else if (claim.originalClaimReference === undefined || claim.originalClaimReference.trim() === '') {
    problems.add(
      X12_PROBLEM_CODES.originalReferenceMissing,
      `Give the payer's claim control number of the claim that ${claimName(claim, claimIdOk)} ` +
        `${claim.frequencyCode === '7' ? 'replaces' : 'voids'}: the payer cannot find it without one.`,
      [...path, 'originalClaimReference'],
      '2300 REF*F8',
    );
  } else {
    checkText(
      problems,
      claim.originalClaimReference,
      path,
      'originalClaimReference',
      TEXT_RULES.originalClaimReference,
    );
  }

  // On the fast path, a known code as given settles it; anything else is cleaned before it is judged.
  if (!(problems.fastPaths && isKnownPlaceOfService(claim.placeOfService))) {
    const placeOfService = cleanCode(claim.placeOfService);
    if (!PLACE_OF_SERVICE_PATTERN.test(placeOfService) || !isKnownPlaceOfService(placeOfService)) {
      problems.add(
        X12_PROBLEM_CODES.placeOfService,
        `Correct the place of service "${claim.placeOfService}" of ${claimName(claim, claimIdOk)}: use a two-digit CMS code such as 11 (office).`,
        [...path, 'placeOfService'],
        '2300 CLM05-1',
        'CMS Place of Service Code Set',
      );
    }
  }

  const birth = batch.subscribers.check(problems, claim.subscriber, previousSubscriber, path);

  if (claim.priorAuthorization !== undefined) {
    checkText(
      problems,
      claim.priorAuthorization,
      path,
      'priorAuthorization',
      TEXT_RULES.priorAuthorization,
      false,
    );
  }

  const diagnoses = claim.diagnoses;
  if (diagnoses.length === 0) {
    problems.add(
      X12_PROBLEM_CODES.noDiagnosis,
      `Add the principal diagnosis to ${claimName(claim, claimIdOk)}: every professional claim needs at least one ICD-10-CM code.`,
      [...path, 'diagnoses'],
      '2300 HI01',
    );
  } else if (diagnoses.length > X12_LIMITS.diagnosesPerClaim) {
    problems.add(
      X12_PROBLEM_CODES.tooManyDiagnoses,
      `Keep ${claimName(claim, claimIdOk)} to 12 diagnoses, not ${diagnoses.length}: split the services across claims.`,
      [...path, 'diagnoses'],
      '2300 HI',
    );
  }
  for (let index = 0; index < diagnoses.length; index += 1) {
    const code = diagnoses[index] as string;
    const trimmed = code.trim();
    const valid = trimmed.includes('.') ? ICD10_DOT_PATTERN.test(trimmed) : ICD10_PATTERN.test(trimmed);
    if (!valid) {
      problems.add(
        X12_PROBLEM_CODES.diagnosis,
        `Correct diagnosis "${code}" of ${claimName(claim, claimIdOk)}: an ICD-10-CM code is a letter, a digit and one to five more letters or digits, e.g. F33.1.`,
        [...path, 'diagnoses', index],
        index === 0 ? '2300 HI01-2 (ABK)' : `2300 HI${String(index + 1).padStart(2, '0')}-2 (ABF)`,
      );
    }
  }

  batch.renderingProviders.check(problems, claim.renderingProvider, path);

  const lines = claim.lines;
  if (lines.length === 0) {
    problems.add(
      X12_PROBLEM_CODES.noLines,
      `Add at least one service line to ${claimName(claim, claimIdOk)}.`,
      [...path, 'lines'],
      '2400 LX',
    );
  } else if (lines.length > X12_LIMITS.linesPerClaim) {
    problems.add(
      X12_PROBLEM_CODES.tooManyLines,
      `Split ${claimName(claim, claimIdOk)} into claims of at most 50 service lines; it has ${lines.length}.`,
      [...path, 'lines'],
      '2400 LX',
    );
  }
  checkLines(problems, claim, claimIdOk, path, {
    diagnoses: diagnoses.length,
    createdDate: batch.createdDate,
    birth,
  });
}
