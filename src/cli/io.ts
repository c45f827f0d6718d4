/**
 * @module cli/io
 * What a command reads and writes instead of the process itself: output and error lines, standard input and
 * the environment. `main` gives the commands the real process; tests give them their own. In a file of its
 * own so the command modules import it without importing `main`, which imports them.
 */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  readStdin: () => Promise<string>;
  env: Readonly<Record<string, string | undefined>>;
}
