/**
 * @module services
 * Use cases: what the API and the CLI do, over the store, with the acting user's organisation and roles.
 */
export { systemClock } from './context.js';
export type { Clock, ServiceContext, Actor } from './context.js';
export { ServiceError, requireRole } from './errors.js';
export type { ServiceErrorKind } from './errors.js';
export * as audit from './audit/index.js';
export * as auth from './auth/index.js';
export * as users from './users/index.js';
export * as organisations from './organisations/index.js';
export * as demoData from './demo-data/index.js';
export * as claims from './claims/index.js';
