/**
 * @module cli/main
 * `peerline` — the command line: serve, migrate, create-admin, demo-data, preview. Each command but
 * preview reads the same configuration as the server (DATABASE_URL, or the embedded database in
 * PEERLINE_DATA_DIR); preview needs no database.
 */
import { Command, CommanderError } from 'commander';
import { ConfigError, installPackFiles, loadConfig } from '../config/index.js';
import { PackError } from '../engine/index.js';
import { EmailSchema, DisplayNameSchema } from '../shared/api/common.js';
import { ServiceError } from '../services/errors.js';
import { createDemoData, formatDemoLogins, randomPassword } from '../services/demo-data/index.js';
import { createAdminFromCli } from '../services/organisations/index.js';
import { startServer, peerlineVersion, type RunningServer } from '../server/index.js';
import { DataDirectoryLockedError, MigrationError, migrateToLatest } from '../store/index.js';
import { addBillingCommands } from './billing.js';
import type { CliIo } from './io.js';
import { addPreviewCommand } from './preview.js';
import { contextOf, parseOption, withStore } from './store.js';
import { UsageError } from './usage-error.js';

export { UsageError };

// A closed stdout (a log pipe that went away) must not bring the server down with it.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') {
      throw error;
    }
  });
}

const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
    }
    return Buffer.concat(chunks).toString('utf8');
  },
  env: process.env,
};

/** Builds the command tree; `io` lets tests run commands without a real terminal. */
export function buildCli(io: CliIo = processIo): Command {
  const program = new Command('peerline')
    .description('Peerline: documentation and billing for Peer Support Services.')
    .version(peerlineVersion())
    .showHelpAfterError()
    .configureOutput({
      writeOut: (text) => io.out(text.trimEnd()),
      writeErr: (text) => io.err(text.trimEnd()),
    })
    // Every command judges or stores payer pack ids, so the deployment's pack files go in before any runs.
    .hook('preAction', () => {
      const added = installPackFiles(loadConfig(io.env).packsDir);
      if (added.length > 0) {
        io.err(`Payer pack files: ${added.join(', ')}.`);
      }
    });

  program
    .command('serve')
    .description(
      'Serve the web app and API (PORT, default 3000). Without DATABASE_URL it uses the embedded database in PEERLINE_DATA_DIR (./data), creating a synthetic demo organisation the first time.',
    )
    .action(async () => {
      const config = loadConfig(io.env);
      // Handlers go in before start-up: a signal while the database is being created must not kill the
      // process half-way through initdb; it stops the server as soon as start-up has finished.
      let stopSignal: string | undefined;
      let server: RunningServer | undefined;
      const stop = (signal: string): void => {
        stopSignal ??= signal;
        if (server === undefined) {
          io.out(`Received ${signal} while starting: stopping as soon as start-up finishes.`);
          return;
        }
        io.out(`Received ${signal}: finishing requests in progress, then closing the database.`);
        server.close().then(
          () => process.exit(0),
          (error: unknown) => {
            io.err(`Shutdown failed: ${String(error)}`);
            process.exit(1);
          },
        );
      };
      const onTerm = (): void => stop('SIGTERM');
      const onInt = (): void => stop('SIGINT');
      process.once('SIGTERM', onTerm);
      process.once('SIGINT', onInt);
      try {
        server = await startServer(config, { print: io.out });
      } catch (error) {
        process.removeListener('SIGTERM', onTerm);
        process.removeListener('SIGINT', onInt);
        throw error;
      }
      if (stopSignal !== undefined) {
        stop(stopSignal);
      }
    });

  program
    .command('migrate')
    .description('Apply pending database migrations and report the schema version (serve also does this).')
    .action(async () => {
      await withStore(loadConfig(io.env), async (store) => {
        const state = await migrateToLatest(store.db);
        io.out(`Database (${store.kind}) is at migration ${state.version} (${state.name ?? 'none'}).`);
      });
    });

  program
    .command('create-admin')
    .description(
      'Create an admin user, and the organisation if it does not exist. Prints a generated password unless --password-stdin is given.',
    )
    .requiredOption('--organisation <name>', 'organisation name (created when missing)')
    .requiredOption('--email <email>', 'the admin’s email, used to sign in')
    .requiredOption('--name <display name>', 'the admin’s name as colleagues know it')
    .option('--password-stdin', 'read the password from standard input instead of generating one')
    .action(
      async (options: { organisation: string; email: string; name: string; passwordStdin?: boolean }) => {
        const email = parseOption(EmailSchema, options.email, '--email');
        const displayName = parseOption(DisplayNameSchema, options.name, '--name');
        const generated = options.passwordStdin !== true;
        const password = generated ? randomPassword() : (await io.readStdin()).replace(/\r?\n$/, '');
        await withStore(loadConfig(io.env), async (store) => {
          await migrateToLatest(store.db);
          const result = await createAdminFromCli(contextOf(store, io.env), {
            organisationName: options.organisation.trim(),
            email,
            displayName,
            password,
          });
          io.out(
            `${result.organisationCreated ? 'Created organisation' : 'Using organisation'} "${options.organisation.trim()}" and admin ${result.user.email}.`,
          );
          if (generated) {
            io.out(`Password (shown only now): ${password}`);
          }
        });
      },
    );

  program
    .command('demo-data')
    .description(
      'Create the synthetic demo organisation (one program per seed jurisdiction, one user per role) and print its logins. Works on DATABASE_URL too — only synthetic data is created.',
    )
    .option('--seed <seed>', 'seed of the synthetic generator', 'peerline-demo')
    .action(async (options: { seed: string }) => {
      await withStore(loadConfig(io.env), async (store) => {
        await migrateToLatest(store.db);
        const result = await createDemoData(contextOf(store, io.env), { seed: options.seed });
        io.out(formatDemoLogins(result, `http://localhost:${loadConfig(io.env).port}`));
      });
    });

  addPreviewCommand(program, io);
  addBillingCommands(program, io);

  return program;
}

/** Runs the CLI; returns the exit code. Known failures print one plain message, not a stack trace. */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const program = buildCli(io);
  // Subcommands copy their parent's settings when created, so the override must be set on each of them (and
  // on theirs, for `billing run`):
  // otherwise `create-admin --help` or a missing option calls process.exit instead of returning a code.
  const override = (command: Command): void => {
    command.exitOverride();
    command.commands.forEach(override);
  };
  override(program);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode;
    }
    io.err(describeFailure(error));
    return 1;
  }
}

function describeFailure(error: unknown): string {
  if (error instanceof ServiceError) {
    return error.problems.map((problem) => problem.message).join('\n');
  }
  if (
    error instanceof ConfigError ||
    error instanceof PackError ||
    error instanceof DataDirectoryLockedError ||
    error instanceof MigrationError ||
    error instanceof UsageError
  ) {
    return error.message;
  }
  if (error instanceof Error && 'code' in error && error.code === 'ECONNREFUSED') {
    return `Cannot reach the database: ${error.message}. Check DATABASE_URL and that PostgreSQL is running.`;
  }
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
