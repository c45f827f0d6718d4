/**
 * @module shared
 * Code shared by the server and the web app: it runs in both, so it imports nothing from Node.
 */
export * from './problem.js';
export * from './roles.js';
export * from './programs.js';
export * from './npi.js';
export * from './api/index.js';
