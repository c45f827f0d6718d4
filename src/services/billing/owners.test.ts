/**
 * Whose desk each kind of problem that holds a note lands on.
 */
import { describe, expect, it } from 'vitest';
import { ownerOf } from './owners.js';

describe('who can clear a problem', () => {
  it.each([
    [{ code: 'ca-dhcs.note.late_reason', path: ['service', 'lateReason'] }, 'peer'],
    [{ code: 'nc-wellcare.telephonic.consent', path: ['member', 'consents', 'audioOnly'] }, 'peer'],
    [{ code: 'ca-dhcs.care_plan.approved', path: ['member', 'carePlan'] }, 'supervisor'],
    [
      { code: 'nc-wellcare.coverage.assessment', path: ['member', 'comprehensiveAssessmentOn'] },
      'supervisor',
    ],
    [{ code: 'ca-dhcs.discipline.peer', path: ['staff', 'certification', 'type'] }, 'supervisor'],
    [{ code: 'billing.review_pending', path: ['review'] }, 'supervisor'],
    [{ code: 'billing.review_returned', path: ['review'] }, 'peer'],
    [{ code: 'nc-wellcare.eligibility.verified', path: ['member', 'eligibilityVerifiedOn'] }, 'billing'],
    [{ code: 'billing.no_coverage', path: ['member', 'coverage'] }, 'billing'],
    [{ code: 'billing.no_times', path: ['fields', 'start'] }, 'peer'],
    [{ code: 'nc-wellcare.limit.unmanaged_units', path: ['authorizations'] }, 'billing'],
    [{ code: 'ca-acbhd.program.outpatient', path: ['program', 'type'] }, 'billing'],
  ] as const)('%o → %s', (problem, owner) => {
    expect(ownerOf({ code: problem.code, path: [...problem.path] })).toBe(owner);
  });
});
