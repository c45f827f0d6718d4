/**
 * @module testing/claim-requests
 * Synthetic claim preview requests for the service, API and CLI suites (never real people: member ids start
 * with ZZ). Each is raw input, as a caller would send it, so the request schema's defaults apply in the test.
 */
import type { z } from 'zod';
import type { ClaimPreviewRequestSchema } from '../shared/api/claims.js';
import { feesForPack } from './rule-table.js';

export type ClaimPreviewRequestInput = z.input<typeof ClaimPreviewRequestSchema>;

/**
 * A billable Medi-Cal hour: a certified peer meets the member in the office (place of service 11) for
 * 60 minutes, 4 units of H0038 charged at $50.00 a unit from the fee schedule in the request (no expected rate:
 * DHCS publishes none), on 2026-11-18, with an approved plan of care and the note signed the same day. A fresh
 * object each call, so tests may edit it.
 */
export function billableCaDhcsRequest(): ClaimPreviewRequestInput {
  return {
    service: {
      dateOfService: '2026-11-18',
      type: 'engagement',
      start: '10:00',
      end: '11:00',
      modality: 'in_person',
      placeOfService: '11',
      signedOn: '2026-11-18',
      pin: {
        plan: 'Practise asking for help',
        interaction: 'Role-played a call to the housing office',
        nextSteps: 'Make the call on Friday',
      },
    },
    member: {
      dateOfBirth: '1990-04-02',
      coverage: [{ payerPack: 'ca-dhcs', memberId: 'ZZCA00000001', from: '2026-01-01', to: null }],
      carePlan: {
        approvedOn: '2026-10-01',
        approverRole: 'behavioral_health_professional',
        effectiveFrom: '2026-10-01',
      },
    },
    staff: {
      certification: { type: 'medi_cal_peer', issuedOn: '2025-01-01', expiresOn: '2027-01-01' },
      dateOfBirth: '1985-06-01',
      taxonomy: '175T00000X',
    },
    program: { type: 'mh_outpatient' },
    fees: feesForPack('ca-dhcs'),
  };
}
