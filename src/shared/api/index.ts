/**
 * @module shared/api
 * Request and response schemas of the HTTP API, shared by the server (validation, OpenAPI) and the web app.
 */
export * from './common.js';
export * from './auth.js';
export * from './users.js';
export * from './audit.js';
export * from './organisation.js';
export * from './claims.js';
export * from './payer-packs.js';
export * from './notes.js';
export * from './care-plans.js';
export * from './members.js';
export * from './staff.js';
export * from './groups.js';
export * from './fee-schedule.js';
