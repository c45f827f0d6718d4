/**
 * @module services/demo-data
 * The synthetic demo organisation.
 */
export { createDemoData, isEmptyDatabase, formatDemoLogins, randomPassword } from './demo-data.js';
export type { DemoLogin, DemoDataResult } from './demo-data.js';
