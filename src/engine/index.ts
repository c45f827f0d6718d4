/**
 * @module engine
 * The pure rules engine: everything here is synchronous and deterministic, with no I/O and no clock. Dates of
 * service are 'YYYY-MM-DD' calendar dates and times are 'HH:MM' local times; callers pass "today" in when a rule
 * needs it. Import the engine only through this file.
 */
export { checked } from './result.js';
export type { Checked, ProblemPath } from './result.js';
export * from './calendar/index.js';
export * from './units/index.js';
