/**
 * @module services/billing/owners
 * Who can clear a problem that holds a note, and what they do about it, from the part of the record the
 * problem is about (its path). The engine's own message says what is wrong; this says whose desk it lands on.
 */
import type { HoldOwner } from '../../shared/billing.js';
import type { Problem } from '../../shared/problem.js';
import { REVIEW_PENDING, REVIEW_RETURNED } from '../claims/index.js';

/** Clinical parts of the member's record: the plan of care, diagnoses, assessments. */
const CLINICAL_MEMBER_FIELDS = new Set([
  'carePlan',
  'diagnoses',
  'asamLevel1Met',
  'comprehensiveAssessmentOn',
  'comprehensiveAssessmentBy',
  'serviceOrder',
]);

/**
 * The role that can clear `problem`:
 * - the note itself and the member's consents → the peer (an addendum, or the consent recorded);
 * - the plan of care, diagnoses and assessments, a staff member's credentials, supervisor review → a
 *   supervisor;
 * - coverage, eligibility, authorizations, the program and payer settings → billing staff.
 */
export function ownerOf(problem: Pick<Problem, 'path' | 'code'>): HoldOwner {
  const [root, field] = problem.path;
  if (problem.code === REVIEW_PENDING) return 'supervisor';
  if (problem.code === REVIEW_RETURNED) return 'peer';
  if (root === 'service' || root === 'fields') return 'peer';
  if (root === 'member') {
    if (field === 'consents') return 'peer';
    if (typeof field === 'string' && CLINICAL_MEMBER_FIELDS.has(field)) return 'supervisor';
    return 'billing';
  }
  if (root === 'staff') return 'supervisor';
  return 'billing';
}
