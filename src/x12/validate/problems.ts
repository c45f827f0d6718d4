/**
 * @module x12/validate/problems
 * The list the checks add problems to as they walk a batch, and whether they may take their fast paths.
 *
 * A fast path is a cheaper twin of a check that settles the usual case (a value already clean, a line that
 * plainly passes, a member or peer already found clean in this batch) and leaves anything it doubts to the full
 * check. `validateBatch837` takes them; `referenceValidateBatch837` takes none, so a property test can require
 * that both find exactly the same problems on any batch.
 */
import type { Problem } from '../../shared/index.js';
import type { Claim837 } from '../types.js';
import { GUIDE, type X12ProblemCode } from './codes.js';

export type Path = Problem['path'];
export type PathKey = Path[number];

/** Collects problems as the batch is walked. */
export class Problems {
  readonly list: Problem[] = [];

  /** @param fastPaths - true to let checks settle the usual case cheaply; false for the reference check */
  constructor(readonly fastPaths: boolean) {}

  add(code: X12ProblemCode, message: string, path: Path, section: string, document: string = GUIDE): void {
    this.list.push({ severity: 'error', code, message, path, source: { document, section } });
  }
}

/** How problems name a claim: by its id when the id itself is fine. Made only when there is a problem. */
export function claimName(claim: Claim837, claimIdOk: boolean): string {
  return claimIdOk ? `claim "${claim.claimId.trim()}"` : 'this claim';
}
