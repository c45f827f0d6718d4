/**
 * @module server/start
 * The composition root: configuration → store (locked, migrated) → services → HTTP app → listening server,
 * and the orderly way back down: stop accepting, let in-flight requests finish, close the database,
 * release the data-directory lock.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildApp, type ZodApp } from '../api/index.js';
import { packageRoot, type Config } from '../config/index.js';
import { purgeExpiredSessions } from '../services/auth/index.js';
import { systemClock, type Clock, type ServiceContext } from '../services/context.js';
import { createDemoData, formatDemoLogins, isEmptyDatabase } from '../services/demo-data/index.js';
import { databaseTargetFromConfig, migrateToLatest, openStore, type Store } from '../store/index.js';

export interface RunningServer {
  readonly app: ZodApp;
  readonly store: Store;
  readonly url: string;
  /** Stops accepting connections, waits for in-flight requests (up to the grace period), closes the store. */
  close(): Promise<void>;
}

export interface StartOptions {
  /** Where start-up messages go (demo logins, the address); defaults to stdout. */
  print?: (text: string) => void;
  clock?: Clock;
  logStream?: { write(line: string): void };
}

const SESSION_PURGE_INTERVAL_MS = 10 * 60_000;

export function peerlineVersion(): string {
  const manifest = JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

/**
 * The address to print for a server listening on `host`: `localhost` for the loopback and wildcard
 * addresses, and an IPv6 literal in brackets, so the printed URL can be pasted into a browser.
 */
export function displayUrl(host: string, port: number): string {
  if (host === '0.0.0.0' || host === '127.0.0.1' || host === '::') {
    return `http://localhost:${port}`;
  }
  return host.includes(':') ? `http://[${host}]:${port}` : `http://${host}:${port}`;
}

export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const print = options.print ?? ((text: string) => process.stdout.write(`${text}\n`));
  const store = await openStore(databaseTargetFromConfig(config));
  try {
    const migration = await migrateToLatest(store.db);
    const ctx: ServiceContext = {
      db: store.db,
      clock: options.clock ?? systemClock,
      security: config.security,
    };
    const app = await buildApp({
      ctx,
      databaseKind: store.kind,
      version: peerlineVersion(),
      logLevel: config.logLevel,
      ...(options.logStream === undefined ? {} : { logStream: options.logStream }),
      trustProxy: config.trustProxy,
      publicOrigin: config.publicOrigin,
      loginRateLimitPerMinute: config.security.loginRateLimitPerMinute,
      webRoot: config.webRoot,
    });
    // The demo organisation is made only in a new embedded database, never in a PostgreSQL one.
    const demo =
      store.kind === 'pglite' && (await isEmptyDatabase(ctx)) ? await createDemoData(ctx) : undefined;

    await purgeExpiredSessions(ctx);
    const purgeTimer = setInterval(() => {
      purgeExpiredSessions(ctx).catch((error: unknown) =>
        app.log.warn({ err: error }, 'session purge failed'),
      );
    }, SESSION_PURGE_INTERVAL_MS);
    purgeTimer.unref();

    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : config.port;
    const url = displayUrl(config.host, port);

    const where =
      store.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
    print(
      `Peerline ${peerlineVersion()} is serving ${url} — ${where}, migration ${migration.name ?? 'none'}.`,
    );
    if (demo !== undefined) {
      print(formatDemoLogins(demo, url));
    } else {
      print(
        `Sign in at ${url}. Demo logins were printed when this database was first created; to add an admin, stop Peerline and run: npx peerline create-admin --help`,
      );
    }

    let closing: Promise<void> | undefined;
    const close = (): Promise<void> => {
      closing ??= (async () => {
        clearInterval(purgeTimer);
        const force = setTimeout(() => app.server.closeAllConnections(), config.shutdownGraceSeconds * 1000);
        force.unref();
        try {
          await app.close();
        } finally {
          clearTimeout(force);
          await store.close();
        }
      })();
      return closing;
    };
    return { app, store, url, close };
  } catch (error) {
    await store.close();
    throw error;
  }
}
