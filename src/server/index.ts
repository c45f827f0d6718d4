/**
 * @module server
 * Starting and stopping the whole server.
 */
export { startServer, peerlineVersion } from './start.js';
export type { RunningServer, StartOptions } from './start.js';
