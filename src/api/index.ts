/**
 * @module api
 * The HTTP API and web server.
 */
export { buildApp } from './app.js';
export type { AppOptions } from './app.js';
export { SESSION_COOKIE } from './plugins/authentication.js';
export { LOG_REDACT_PATHS, pathOnly } from './logging.js';
export type { ZodApp } from './types.js';
