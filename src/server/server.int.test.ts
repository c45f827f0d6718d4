/**
 * `peerline serve` as users run it: the built CLI in a child process, talked to over a loopback socket.
 * This is the only suite that covers what happens around the app — the demo logins of a first start, the
 * data-directory lock between two processes, an orderly shutdown on SIGTERM and a restart on kept data.
 * The embedded-database cases run when the database suites run on PGlite; the PostgreSQL case when they
 * run on PostgreSQL (TEST_DATABASE_URL).
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../config/index.js';
import { LOCK_FILE_NAME } from '../store/index.js';
import { MIGRATIONS } from '../store/migrations/index.js';
import { createPostgresTestDatabase, testDatabaseKind, type PostgresTestDatabase } from '../testing/index.js';
import { displayUrl } from './start.js';

const root = packageRoot();
const compiledCli = path.join(root, 'dist', 'server', 'cli', 'bin.js');
/** Upper bound for a start-up or shutdown; generous because two cores are shared with other suites. */
const WAIT_MS = 40_000;

interface Served {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<number | null>;
}

const children = new Set<ChildProcess>();

function killAll(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
    }
  }
  children.clear();
}

/** Newest modification time of the server's source files (not tests), to tell whether dist/ is stale. */
function newestSourceTime(): number {
  let newest = 0;
  const sourceRoot = path.join(root, 'src');
  for (const entry of readdirSync(sourceRoot, { recursive: true, encoding: 'utf8' })) {
    if (!entry.endsWith('.ts') || entry.endsWith('.test.ts') || entry.startsWith(`testing${path.sep}`)) {
      continue;
    }
    newest = Math.max(newest, statSync(path.join(sourceRoot, entry)).mtimeMs);
  }
  newest = Math.max(newest, statSync(path.join(root, 'package.json')).mtimeMs);
  return newest;
}

beforeAll(() => {
  if (!existsSync(compiledCli) || statSync(compiledCli).mtimeMs < newestSourceTime()) {
    execFileSync(path.join(root, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json'], {
      cwd: root,
      stdio: 'pipe',
    });
  }
}, 180_000);

afterAll(() => {
  killAll();
});

/** Starts `node bin/peerline.js serve` with only the given variables on top of a clean environment. */
function serve(env: Record<string, string>): Served {
  const inherited = { ...process.env };
  // The parent's own settings must not leak into the server under test.
  for (const name of Object.keys(inherited)) {
    if (name === 'DATABASE_URL' || name === 'PORT' || name === 'HOST' || name.startsWith('PEERLINE_')) {
      delete inherited[name];
    }
  }
  const child = spawn(process.execPath, [path.join(root, 'bin', 'peerline.js'), 'serve'], {
    cwd: root,
    env: { ...inherited, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let out = '';
  let err = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
  });
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => {
      children.delete(child);
      resolve(code);
    });
  });
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Resolves once the child's standard output matches `pattern`; fails if it exits or takes too long first. */
async function waitForOutput(served: Served, pattern: RegExp): Promise<RegExpMatchArray> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const match = served.stdout().match(pattern);
    if (match !== null) {
      return match;
    }
    if (served.child.exitCode !== null || Date.now() > deadline) {
      throw new Error(
        `expected output ${String(pattern)}; the server ${served.child.exitCode === null ? 'is still running' : `exited with ${served.child.exitCode}`}.\nstdout:\n${served.stdout()}\nstderr:\n${served.stderr()}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function exitCodeOf(served: Served): Promise<number | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the server did not exit.\nstdout:\n${served.stdout()}`)),
      WAIT_MS,
    );
  });
  try {
    return await Promise.race([served.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The loopback address of the server, from the port it printed. */
async function baseUrlOf(served: Served): Promise<string> {
  const [, port] = await waitForOutput(served, /is serving http:\/\/localhost:(\d+) /);
  return `http://127.0.0.1:${port}`;
}

interface Login {
  role: string;
  email: string;
  password: string;
}

function printedLogins(stdout: string): Login[] {
  return [...stdout.matchAll(/^ {2}(\w+) +(\S+@\S+) +(\S+)$/gm)].map(([, role, email, password]) => ({
    role: role ?? '',
    email: email ?? '',
    password: password ?? '',
  }));
}

async function logIn(baseUrl: string, login: Pick<Login, 'email' | 'password'>): Promise<Response> {
  return fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: login.email, password: login.password }),
  });
}

/** Resolves when nothing listens on `port` any more (the server has begun to shut down). */
async function untilRefused(port: number): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const refused = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', () => resolve(true));
    });
    if (refused) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`port ${port} still accepts connections`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('peerline serve on the embedded database', () => {
  // One data directory through a server's life: first start, a second process, shutdown, restart.
  let dataDir: string;
  let first: Served | undefined;
  let firstUrl = '';
  let adminLogin: Login | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'peerline-serve-'));
  });
  afterAll(async () => {
    killAll();
    await rm(dataDir, { recursive: true, force: true });
  });

  const embedded = it.skipIf(testDatabaseKind() === 'postgres');

  embedded('creates the demo organisation on first start, prints its logins, and they work', async () => {
    first = serve({ PEERLINE_DATA_DIR: dataDir });
    firstUrl = await baseUrlOf(first);
    await waitForOutput(first, /admin +\S+@\S+ +\S+\n/);
    const stdout = first.stdout();
    expect(stdout).toContain('Created the synthetic demo organisation');
    expect(stdout).toContain(`embedded database in ${dataDir}`);
    const logins = printedLogins(stdout);
    expect(logins.map((login) => login.role)).toEqual([
      'peer',
      'supervisor',
      'clinician',
      'billing',
      'admin',
    ]);
    // PORT=0 lets the system choose; the printed address must carry the port actually bound.
    expect(firstUrl).not.toMatch(/:0$/);

    const health = await fetch(`${firstUrl}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      status: 'ok',
      database: { kind: 'pglite', migrationVersion: Object.keys(MIGRATIONS).length },
    });

    adminLogin = logins.find((login) => login.role === 'admin');
    expect(adminLogin).toBeDefined();
    const response = await logIn(firstUrl, adminLogin ?? { email: '', password: '' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ user: { email: adminLogin?.email, roles: ['admin'] } });
    expect(response.headers.get('set-cookie')).toMatch(/^peerline_session=/);
  });

  embedded('refuses a second server on the same data directory while the first runs', async () => {
    expect(first, 'the first server was not started').toBeDefined();
    const second = serve({ PEERLINE_DATA_DIR: dataDir });
    expect(await exitCodeOf(second)).toBe(1);
    expect(second.stderr()).toContain('in use by another Peerline process');
    expect(second.stderr()).toContain(`pid ${first?.child.pid}`);
    // The refused process must not have disturbed the running one.
    expect(existsSync(path.join(dataDir, LOCK_FILE_NAME))).toBe(true);
    expect((await fetch(`${firstUrl}/api/health`)).status).toBe(200);
  });

  embedded('on SIGTERM, answers a request already received, then exits 0 and releases the lock', async () => {
    const served = first;
    if (served === undefined || adminLogin === undefined) {
      throw new Error('the first server was not started');
    }
    const port = Number(new URL(firstUrl).port);
    const body = JSON.stringify({ email: adminLogin.email, password: adminLogin.password });
    // Expect: 100-continue makes the server confirm that it has read the headers before we send the body,
    // so the request is known to be in progress when the signal arrives.
    const request = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/v1/auth/login',
      agent: false,
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        expect: '100-continue',
      },
    });
    const response = new Promise<{ status: number | undefined; body: string }>((resolve, reject) => {
      request.on('response', (incoming) => {
        let text = '';
        incoming.setEncoding('utf8').on('data', (chunk: string) => {
          text += chunk;
        });
        incoming.on('end', () => resolve({ status: incoming.statusCode, body: text }));
        incoming.on('error', reject);
      });
      request.on('error', reject);
    });
    // Awaited below; until then a failure must not surface as an unhandled rejection.
    response.catch(() => undefined);
    request.flushHeaders();
    await new Promise<void>((resolve) => request.once('continue', () => resolve()));

    served.child.kill('SIGTERM');
    await waitForOutput(served, /Received SIGTERM: finishing requests in progress/);
    // New connections are refused from now on, while ours is still waiting for its body.
    await untilRefused(port);
    request.end(body);

    const answered = await response;
    expect(answered.status).toBe(200);
    expect(JSON.parse(answered.body)).toMatchObject({ user: { email: adminLogin.email } });
    expect(await exitCodeOf(served)).toBe(0);
    expect(served.stderr()).toBe('');
    expect(existsSync(path.join(dataDir, LOCK_FILE_NAME))).toBe(false);
  });

  embedded('on restart keeps the data and does not create demo data again', async () => {
    if (adminLogin === undefined) {
      throw new Error('the first server was not started');
    }
    const again = serve({ PEERLINE_DATA_DIR: dataDir });
    const url = await baseUrlOf(again);
    const sawHint = await waitForOutput(
      again,
      /Sign in at http:\/\/localhost:\d+\. Demo logins were printed/,
    );
    expect(sawHint).not.toBeNull();
    expect(again.stdout()).not.toContain('Created the synthetic demo organisation');
    expect(printedLogins(again.stdout())).toEqual([]);
    // The first run's admin password still works: the data survived the shutdown.
    expect((await logIn(url, adminLogin)).status).toBe(200);
    again.child.kill('SIGTERM');
    expect(await exitCodeOf(again)).toBe(0);
  });
});

describe('peerline serve on PostgreSQL', () => {
  const serverUrl = process.env.TEST_DATABASE_URL ?? '';
  let database: PostgresTestDatabase | undefined;
  let scratch = '';

  async function adminQuery(text: string, url = serverUrl): Promise<pg.QueryResult> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await client.query(text);
    } finally {
      await client.end();
    }
  }

  afterAll(async () => {
    killAll();
    await database?.drop();
    if (scratch !== '') {
      await rm(scratch, { recursive: true, force: true });
    }
  });

  it.skipIf(testDatabaseKind() !== 'postgres')(
    'creates no demo data in a new PostgreSQL database and reports it in /api/health',
    async () => {
      // A production database must never receive demo accounts with printed passwords.
      database = await createPostgresTestDatabase(serverUrl, 'serve');
      const url = new URL(database.url);
      scratch = await mkdtemp(path.join(tmpdir(), 'peerline-serve-pg-'));
      const unusedDataDir = path.join(scratch, 'data');

      const served = serve({ DATABASE_URL: url.toString(), PEERLINE_DATA_DIR: unusedDataDir });
      const baseUrl = await baseUrlOf(served);
      await waitForOutput(served, /Sign in at http:\/\/localhost:\d+\./);
      expect(served.stdout()).toContain('PostgreSQL (DATABASE_URL)');
      expect(served.stdout()).not.toContain('Created the synthetic demo organisation');

      const health = await fetch(`${baseUrl}/api/health`);
      expect(await health.json()).toMatchObject({
        status: 'ok',
        database: { kind: 'postgres', migrationVersion: Object.keys(MIGRATIONS).length },
      });
      const organisations = await adminQuery(
        'select count(*)::int as count from organisations',
        url.toString(),
      );
      expect(organisations.rows).toEqual([{ count: 0 }]);
      // With DATABASE_URL the embedded directory is neither created nor locked.
      expect(existsSync(unusedDataDir)).toBe(false);

      served.child.kill('SIGTERM');
      expect(await exitCodeOf(served)).toBe(0);
    },
  );
});

describe('the address serve prints', () => {
  it('is a URL a browser accepts, whichever interface the server listens on', () => {
    // HOST=::1 used to print http://::1:3000, which is not a URL.
    expect(displayUrl('127.0.0.1', 3000)).toBe('http://localhost:3000');
    expect(displayUrl('0.0.0.0', 3000)).toBe('http://localhost:3000');
    expect(displayUrl('::', 3000)).toBe('http://localhost:3000');
    expect(displayUrl('::1', 3000)).toBe('http://[::1]:3000');
    expect(displayUrl('fd00::5', 8080)).toBe('http://[fd00::5]:8080');
    expect(displayUrl('peerline.internal', 3000)).toBe('http://peerline.internal:3000');
    for (const host of ['127.0.0.1', '0.0.0.0', '::', '::1', 'fd00::5', '192.168.1.20']) {
      expect(new URL(displayUrl(host, 3000)).port).toBe('3000');
    }
  });
});
