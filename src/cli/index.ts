/**
 * @module cli
 * The `peerline` command line.
 */
export { buildCli, runCli, UsageError } from './main.js';
export type { CliIo } from './io.js';
