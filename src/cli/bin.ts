/**
 * @module cli/bin
 * Process entry point of `peerline`: runs the CLI with the process's arguments. `serve` keeps running;
 * other commands exit with their code.
 */
import { runCli } from './main.js';

const code = await runCli(process.argv.slice(2));
if (code !== 0 || process.argv[2] !== 'serve') {
  process.exitCode = code;
}
