/**
 * @module web/api
 * The web app's API client: typed route functions and the error they throw.
 */
export { ApiError, asApiError, isAbortError, serverTimeToLocal, setSessionSignals } from './client.js';
export type { SessionSignals } from './client.js';
export * from './endpoints.js';
export * from './care-plans.js';
export * from './notes.js';
export * from './groups.js';
export * from './staff.js';
export * from './members.js';
