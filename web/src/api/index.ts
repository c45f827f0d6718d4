/**
 * @module web/api
 * The web app's API client: typed route functions and the error they throw.
 */
export { ApiError, asApiError, isAbortError, serverTimeToLocal, setSessionSignals } from './client.js';
export type { SessionSignals } from './client.js';
export * from './endpoints.js';
