/**
 * @module engine/units/sources
 * The citations behind the minute and unit rules, attached to the problems they raise.
 */
import type { ProblemSource } from '../../shared/problem.js';

/** Duration is direct service only: time the peer was not with the member is left out (LA County SAPC guide). */
export const GAPS_SOURCE: ProblemSource = {
  document: '004_5683a26e336a0ac2.txt',
  section: 'Note for Example 1',
  quote:
    'there was the 25 minutes that the Peer was not with the member then the start and end time of the note could be 1:30 pm – 2:50 pm',
};

/** 15-minute units: 7 minutes or less is 0 units, 8–22 minutes is 1 unit (CalMHSA SmartCare "Per 15 (7/7)"). */
export const UNITS_SOURCE: ProblemSource = {
  document: 'https://2023.calmhsa.org/rate-calculations-and-billing-units/',
  section: 'Per 15 (7/7)',
  quote:
    'If the service provided is 7 minutes or less, the billing unit = 0. If the service is between 8 and 22 minutes, the unit = 1.',
};
