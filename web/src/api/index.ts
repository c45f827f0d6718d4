/**
 * @module web/api
 * The web app's API client: the generated contract's typed client, the error every failure becomes, and
 * the TanStack Query helpers that read, cache and refresh answers.
 */
export {
  ApiError,
  api,
  apiHref,
  asApiError,
  isAbortError,
  ok,
  publicApi,
  serverTimeToLocal,
  setSessionSignals,
} from './client.js';
export type { GetData, GetParams, GetPath, SessionSignals } from './client.js';
export { apiQuery, invalidate, queryClient, showChanged } from './queries.js';
