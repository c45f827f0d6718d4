/**
 * @module config/config
 * Typed configuration, read once from environment variables. Every variable is listed in
 * `CONFIG_VARIABLES` (which the README's configuration reference mirrors) and converted mechanically;
 * a bad value stops start-up with a message naming the variable and what it accepts.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

export interface SecuritySettings {
  /** Minutes without a request after which a session ends (HIPAA automatic logoff). */
  sessionIdleMinutes: number;
  /** Hours after login after which a session ends regardless of activity. */
  sessionAbsoluteHours: number;
  /** Consecutive failed logins that lock an account. */
  loginMaxFailures: number;
  /** Minutes an account stays locked after too many failures. */
  loginLockMinutes: number;
  /** Login attempts allowed per client address per minute (all accounts together). */
  loginRateLimitPerMinute: number;
}

export interface Config {
  /** TCP port of the web app and API. */
  port: number;
  /** Interface to listen on. */
  host: string;
  /** PostgreSQL connection string; when absent, the embedded database in `dataDir` is used. */
  databaseUrl: string | undefined;
  /** Directory of the embedded (PGlite) database and its lock file. */
  dataDir: string;
  /** pino log level. */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Trust X-Forwarded-* headers from a reverse proxy (for the client address and https detection). */
  trustProxy: boolean;
  /** Origin the browser uses (e.g. https://peerline.example.org); when unset, taken from the Host header. */
  publicOrigin: string | undefined;
  /** Seconds to let in-flight requests finish on SIGTERM/SIGINT before closing anyway. */
  shutdownGraceSeconds: number;
  /** Directory holding the built web app (index.html and assets). */
  webRoot: string;
  /** Directory of payer pack files (`*.json`) layered on the built-in packs at start; none when unset. */
  packsDir: string | undefined;
  security: SecuritySettings;
}

export interface ConfigVariable {
  name: string;
  default: string;
  description: string;
}

/** Every environment variable Peerline reads, with its default; the README's reference is built from this. */
export const CONFIG_VARIABLES: readonly ConfigVariable[] = [
  { name: 'PORT', default: '3000', description: 'TCP port of the web app and API.' },
  {
    name: 'HOST',
    default: '127.0.0.1',
    description: 'Interface to listen on; use 0.0.0.0 to accept connections from other machines.',
  },
  {
    name: 'DATABASE_URL',
    default: '(unset)',
    description:
      'PostgreSQL connection string, e.g. postgres://peerline@db.internal:5432/peerline. Unset: embedded PGlite database in PEERLINE_DATA_DIR.',
  },
  {
    name: 'PEERLINE_DATA_DIR',
    default: './data',
    description: 'Directory of the embedded database and its lock file (ignored with DATABASE_URL).',
  },
  {
    name: 'LOG_LEVEL',
    default: 'info',
    description: 'fatal, error, warn, info, debug, trace or silent.',
  },
  {
    name: 'PEERLINE_TRUST_PROXY',
    default: 'false',
    description: 'true behind a reverse proxy that sets X-Forwarded-For and X-Forwarded-Proto.',
  },
  {
    name: 'PEERLINE_PUBLIC_ORIGIN',
    default: '(from Host header)',
    description:
      'The origin users browse to, e.g. https://peerline.example.org; writes from other origins are refused.',
  },
  {
    name: 'PEERLINE_SESSION_IDLE_MINUTES',
    default: '15',
    description: 'Minutes without activity after which a session ends.',
  },
  {
    name: 'PEERLINE_SESSION_ABSOLUTE_HOURS',
    default: '12',
    description: 'Hours after login after which a session ends regardless of activity.',
  },
  {
    name: 'PEERLINE_LOGIN_MAX_FAILURES',
    default: '5',
    description: 'Consecutive failed logins that lock an account.',
  },
  {
    name: 'PEERLINE_LOGIN_LOCK_MINUTES',
    default: '15',
    description: 'Minutes an account stays locked after too many failed logins.',
  },
  {
    name: 'PEERLINE_LOGIN_RATE_LIMIT',
    default: '20',
    description: 'Login requests allowed per client address per minute.',
  },
  {
    name: 'PEERLINE_PACKS_DIR',
    default: '(unset)',
    description:
      'Directory of payer pack files (*.json) added to or layered on the built-in packs at start; a bad pack stops start-up naming the file, rule and field. See docs/ADDING-A-PAYER.md.',
  },
  {
    name: 'PEERLINE_SHUTDOWN_GRACE_SECONDS',
    default: '10',
    description: 'Seconds in-flight requests get to finish on SIGTERM or SIGINT.',
  },
];

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Readonly<Record<string, string | undefined>>;

/** Reads the configuration from `env` (normally `process.env`). An empty string counts as unset. */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const logLevel = read('LOG_LEVEL') ?? 'info';
  if (!isLogLevel(logLevel)) {
    throw new ConfigError(
      `LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent; got "${logLevel}".`,
    );
  }
  const publicOrigin = read('PEERLINE_PUBLIC_ORIGIN');
  if (publicOrigin !== undefined && !/^https?:\/\/[^/]+$/.test(publicOrigin)) {
    throw new ConfigError(
      `PEERLINE_PUBLIC_ORIGIN must be a scheme and host without a path, e.g. https://peerline.example.org; got "${publicOrigin}".`,
    );
  }
  return {
    port: integer(read, 'PORT', 3000, 0, 65535),
    host: read('HOST') ?? '127.0.0.1',
    databaseUrl: read('DATABASE_URL'),
    dataDir: path.resolve(cwd, read('PEERLINE_DATA_DIR') ?? 'data'),
    logLevel,
    trustProxy: boolean(read, 'PEERLINE_TRUST_PROXY', false),
    publicOrigin,
    shutdownGraceSeconds: integer(read, 'PEERLINE_SHUTDOWN_GRACE_SECONDS', 10, 0, 600),
    webRoot: path.join(packageRoot(), 'dist', 'web'),
    packsDir: optionalPath(read, 'PEERLINE_PACKS_DIR', cwd),
    security: {
      sessionIdleMinutes: integer(read, 'PEERLINE_SESSION_IDLE_MINUTES', 15, 1, 24 * 60),
      sessionAbsoluteHours: integer(read, 'PEERLINE_SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 7),
      loginMaxFailures: integer(read, 'PEERLINE_LOGIN_MAX_FAILURES', 5, 1, 100),
      loginLockMinutes: integer(read, 'PEERLINE_LOGIN_LOCK_MINUTES', 15, 1, 24 * 60),
      loginRateLimitPerMinute: integer(read, 'PEERLINE_LOGIN_RATE_LIMIT', 20, 1, 10_000),
    },
  };
}

/** Security settings with their defaults, for tests and tools that need no environment. */
export const DEFAULT_SECURITY_SETTINGS: SecuritySettings = loadConfig({}).security;

function integer(
  read: (name: string) => string | undefined,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = read(name);
  if (raw === undefined) {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}; got "${raw}".`);
  }
  return value;
}

function boolean(read: (name: string) => string | undefined, name: string, fallback: boolean): boolean {
  const raw = read(name);
  if (raw === undefined) {
    return fallback;
  }
  if (raw === 'true' || raw === '1') {
    return true;
  }
  if (raw === 'false' || raw === '0') {
    return false;
  }
  throw new ConfigError(`${name} must be true or false; got "${raw}".`);
}

/** A directory that must exist when set, resolved against `cwd`. */
function optionalPath(
  read: (name: string) => string | undefined,
  name: string,
  cwd: string,
): string | undefined {
  const raw = read(name);
  if (raw === undefined) {
    return undefined;
  }
  const resolved = path.resolve(cwd, raw);
  if (!existsSync(resolved)) {
    throw new ConfigError(`${name} must name an existing directory; "${resolved}" does not exist.`);
  }
  return resolved;
}

function isLogLevel(value: string): value is Config['logLevel'] {
  return ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(value);
}

/** The directory holding Peerline's package.json, whether running from src/ (tests) or dist/server/. */
export function packageRoot(): string {
  let directory = import.meta.dirname;
  while (!existsSync(path.join(directory, 'package.json'))) {
    const parent = path.dirname(directory);
    if (parent === directory) {
      throw new ConfigError('Cannot find package.json above ' + import.meta.dirname);
    }
    directory = parent;
  }
  return directory;
}
