/**
 * @module services/reports
 * Reports over a range of dates of service: billed units and amounts by payer, program, peer, code and
 * month; note timeliness per program and peer; prior authorization use — each as data and as CSV.
 */
export { getBilledReport, billedCsv, monthsOf } from './billed.js';
export { getTimelinessReport, timelinessCsv } from './timeliness.js';
export { getAuthorizationUseReport, authorizationUseCsv } from './authorization-use.js';
export { REPORT_READERS, TIMELINESS_READERS, percentOf } from './common.js';
