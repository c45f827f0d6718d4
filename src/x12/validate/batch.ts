/**
 * @module x12/validate/batch
 * Every check the 837P writer makes before it writes a single character, walked in the order of the file. A
 * payer's front end rejects a whole file for one bad value, and some problems (a wrong NPI check digit, a
 * pointer to a diagnosis that is not there) pass generic X12 validators unnoticed, so the writer refuses the
 * batch instead and says what to fix, one problem per fault, each with the path of the field and the guide's
 * loop and element as its source.
 */
import type { Problem } from '../../shared/index.js';
import type { Batch837, Claim837 } from '../types.js';
import { checkClaim, type BatchContext } from './claim.js';
import { PEERLINE, X12_PROBLEM_CODES } from './codes.js';
import { checkInterchange, checkPayer, checkSubmitterAndReceiver } from './envelope.js';
import { Problems } from './problems.js';
import { checkBillingProvider, RenderingProviderChecks } from './provider.js';
import { sameMemberId, sameSubscriber, SubscriberChecks } from './subscriber.js';

/**
 * Every problem that stops `batch` from being written, in the order of the file; empty when it can be written.
 * Takes the fast paths (see problems.ts), which find exactly what the reference check finds, sooner.
 *
 * @param batch - the batch as the caller would pass it to `write837`
 * @example
 * const problems = validateBatch837(batch);
 * if (problems.length > 0) showProblems(problems); // each has a path such as ['claims', 0, 'lines', 1, 'units']
 */
export function validateBatch837(batch: Batch837): Problem[] {
  return problemsOf(batch, new Problems(true));
}

/**
 * The reference check: every check in full, no fast path. Slower; it exists so tests can require that
 * `validateBatch837` finds exactly the same problems on any batch.
 *
 * @param batch - the batch as the caller would pass it to `write837`
 */
export function referenceValidateBatch837(batch: Batch837): Problem[] {
  return problemsOf(batch, new Problems(false));
}

function problemsOf(batch: Batch837, problems: Problems): Problem[] {
  const createdDate = checkInterchange(problems, batch);
  checkSubmitterAndReceiver(problems, batch);
  checkBillingProvider(problems, batch.billingProvider);
  checkPayer(problems, batch.payer);

  const claims = batch.claims;
  if (claims.length === 0) {
    problems.add(
      X12_PROBLEM_CODES.noClaims,
      'Add at least one claim: an 837 cannot be empty.',
      ['claims'],
      '2300 CLM',
    );
  }
  const context: BatchContext = {
    createdDate,
    subscribers: new SubscriberChecks(),
    renderingProviders: new RenderingProviderChecks(batch.billingProvider.npi.trim()),
  };
  const claimIds = new Set<string>();
  let previous: Claim837 | undefined;
  for (let index = 0; index < claims.length; index += 1) {
    const claim = claims[index] as Claim837;
    checkClaim(problems, claim, ['claims', index], previous?.subscriber, context);
    const id = claim.claimId.trim();
    if (claimIds.has(id)) {
      problems.add(
        X12_PROBLEM_CODES.duplicateClaimId,
        `Give claim "${id}" its own patient control number: another claim in this batch already uses it, and ` +
          'the payer matches its answers to claims by this number.',
        ['claims', index, 'claimId'],
        '2300 CLM01',
      );
    }
    claimIds.add(id);
    if (
      previous !== undefined &&
      sameMemberId(previous.subscriber, claim.subscriber) &&
      !sameSubscriber(previous.subscriber, claim.subscriber, problems.fastPaths)
    ) {
      problems.add(
        X12_PROBLEM_CODES.subscriberMismatch,
        `Make the member details of claim "${id}" match the claim before it: both are for member ` +
          `${claim.subscriber.memberId.trim()}, so they share one subscriber loop, but the names, date of birth, ` +
          'gender or address differ.',
        ['claims', index, 'subscriber'],
        '2000B/2010BA',
        PEERLINE,
      );
    }
    previous = claim;
  }
  return problems.list;
}
