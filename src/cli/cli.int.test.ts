/**
 * The command line, run through `runCli` with captured output: the first admin of a PostgreSQL installation
 * is made here, so what it prints, what it refuses and what it leaves in the database all matter. Each test
 * gets a new database: an embedded one in a temporary directory, or a new PostgreSQL database on the
 * TEST_DATABASE_URL server.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { X12Parser } from 'node-x12';
import { DEFAULT_SECURITY_SETTINGS, packageRoot } from '../config/index.js';
import { login } from '../services/auth/index.js';
import { systemClock } from '../services/context.js';
import { ROLES } from '../shared/roles.js';
import { openStore, type DatabaseTarget, type Store } from '../store/index.js';
import { MIGRATIONS } from '../store/migrations/index.js';
import { createPostgresTestDatabase, testDatabaseKind } from '../testing/index.js';
import type { CliIo } from './io.js';
import { runCli } from './main.js';

interface Database {
  /** Environment that points the CLI at this database. */
  env: Record<string, string>;
  target: DatabaseTarget;
  dispose: () => Promise<void>;
}

interface Run {
  code: number;
  out: string;
  err: string;
}

const disposals: (() => Promise<void>)[] = [];
let scratch: string | undefined;
/** An initialised but never used embedded database, copied for each test (initdb takes seconds, a copy does not). */
let pristineDataDir: string | undefined;

beforeAll(async () => {
  if (testDatabaseKind() === 'pglite') {
    scratch = await mkdtemp(path.join(tmpdir(), 'peerline-cli-'));
    pristineDataDir = path.join(scratch, 'pristine');
    const store = await openStore({ kind: 'pglite', dataDir: pristineDataDir });
    await store.close();
  }
});

afterEach(async () => {
  for (const dispose of disposals.splice(0).reverse()) {
    await dispose();
  }
});

afterAll(async () => {
  if (scratch !== undefined) {
    await rm(scratch, { recursive: true, force: true });
  }
});

/** A database nobody has used yet, removed after the test. */
async function newDatabase(): Promise<Database> {
  const serverUrl = testDatabaseKind() === 'postgres' ? process.env.TEST_DATABASE_URL : undefined;
  let database: Database;
  if (pristineDataDir !== undefined && scratch !== undefined) {
    const dataDir = await mkdtemp(path.join(scratch, 'data-'));
    await cp(pristineDataDir, dataDir, { recursive: true });
    database = {
      env: { PEERLINE_DATA_DIR: dataDir },
      target: { kind: 'pglite', dataDir },
      dispose: () => rm(dataDir, { recursive: true, force: true }),
    };
  } else if (serverUrl !== undefined) {
    const created = await createPostgresTestDatabase(serverUrl, 'cli');
    database = {
      env: { DATABASE_URL: created.url },
      target: { kind: 'postgres', url: created.url, poolSize: 2 },
      dispose: () => created.drop(),
    };
  } else {
    throw new Error('neither TEST_DATABASE_URL nor the pristine embedded database is set up');
  }
  disposals.push(database.dispose);
  return database;
}

async function run(database: Database, argv: readonly string[], stdin = ''): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    readStdin: () => Promise.resolve(stdin),
    env: { ...database.env, LOG_LEVEL: 'silent' },
  };
  const code = await runCli(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Opens the database the CLI used (after the CLI closed it, so the embedded directory is free). */
async function inspect<T>(database: Database, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(database.target);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

async function canLogIn(store: Store, email: string, password: string): Promise<boolean> {
  const ctx = { db: store.db, clock: systemClock, security: DEFAULT_SECURITY_SETTINGS };
  try {
    const result = await login(ctx, { email, password }, { ip: '127.0.0.1', userAgent: 'cli test' });
    return result.session.user.email === email;
  } catch {
    return false;
  }
}

async function countRows(store: Store): Promise<{ organisations: number; users: number }> {
  const organisations = await store.db.selectFrom('organisations').select('id').execute();
  const users = await store.db.selectFrom('users').select('id').execute();
  return { organisations: organisations.length, users: users.length };
}

/** For commands that stop before opening a database: a directory that is never created. */
const noDatabase: Database = {
  env: { PEERLINE_DATA_DIR: path.join(tmpdir(), 'peerline-cli-never-created') },
  target: { kind: 'pglite-memory' },
  dispose: () => Promise.resolve(),
};

const ADMIN = [
  'create-admin',
  '--organisation',
  'Harbor Peers',
  '--email',
  'a@x.test',
  '--name',
  'A B',
] as const;

describe(`peerline CLI on ${testDatabaseKind()}`, () => {
  it('migrate brings a new database to the latest migration and says which database it used', async () => {
    const database = await newDatabase();
    const latest = Object.keys(MIGRATIONS).sort().at(-1);
    const first = await run(database, ['migrate']);
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(first.out).toBe(
      `Database (${testDatabaseKind()}) is at migration ${Object.keys(MIGRATIONS).length} (${latest}).`,
    );
    // Migrating an up-to-date database is a no-op that reports the same version.
    const second = await run(database, ['migrate']);
    expect(second.code).toBe(0);
    expect(second.out).toBe(first.out);
  });

  it('create-admin makes the organisation and an admin whose generated password is printed once and works', async () => {
    const database = await newDatabase();
    const result = await run(database, [...ADMIN]);
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    expect(result.out).toContain('Created organisation "Harbor Peers" and admin a@x.test.');
    const passwords = [...result.out.matchAll(/Password \(shown only now\): (\S+)/g)].map(
      (match) => match[1],
    );
    expect(passwords).toHaveLength(1);
    const password = passwords[0] ?? '';
    expect(result.out.split(password)).toHaveLength(2);

    await inspect(database, async (store) => {
      expect(await canLogIn(store, 'a@x.test', password)).toBe(true);
      const user = await store.db
        .selectFrom('users')
        .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
        .select(['users.id', 'users.display_name', 'users.roles', 'organisations.name'])
        .where('users.email', '=', 'a@x.test')
        .executeTakeFirstOrThrow();
      expect(user).toMatchObject({ display_name: 'A B', roles: ['admin'], name: 'Harbor Peers' });
      // The account's creation is on the audit trail, attributed to the command line.
      const audit = await store.db
        .selectFrom('audit_events')
        .select(['action', 'outcome', 'record_type', 'details', 'user_id'])
        .where('action', '=', 'user.create')
        .where('record_id', '=', user.id)
        .execute();
      expect(audit).toEqual([
        {
          action: 'user.create',
          outcome: 'success',
          record_type: 'user',
          details: { via: 'cli', roles: ['admin'] },
          user_id: null,
        },
      ]);
    });
  });

  it('create-admin adds a second admin to an existing organisation instead of making another', async () => {
    const database = await newDatabase();
    expect((await run(database, [...ADMIN])).code).toBe(0);
    const second = await run(database, [
      'create-admin',
      '--organisation',
      '  Harbor Peers ',
      '--email',
      'Second@X.test',
      '--name',
      'C D',
    ]);
    expect(second.code).toBe(0);
    expect(second.out).toContain('Using organisation "Harbor Peers" and admin second@x.test.');
    await inspect(database, async (store) => {
      expect(await countRows(store)).toEqual({ organisations: 1, users: 2 });
    });
  });

  it('create-admin --password-stdin takes the password from standard input and does not print one', async () => {
    const database = await newDatabase();
    const chosen = 'lantern orchard velvet 42';
    const result = await run(database, [...ADMIN, '--password-stdin'], `${chosen}\n`);
    expect(result.code).toBe(0);
    expect(result.out).toContain('Created organisation "Harbor Peers" and admin a@x.test.');
    expect(result.out).not.toContain('Password');
    await inspect(database, async (store) => {
      expect(await canLogIn(store, 'a@x.test', chosen)).toBe(true);
      // Only the trailing newline is stripped, not the rest of the password.
      expect(await canLogIn(store, 'a@x.test', `${chosen}\n`)).toBe(false);
    });
  });

  it('create-admin refuses a common password from standard input and creates nothing', async () => {
    const database = await newDatabase();
    const result = await run(database, [...ADMIN, '--password-stdin'], 'Password2026!\n');
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toContain('found in data breaches');
    // One plain message, not a stack trace.
    expect(result.err).not.toMatch(/\n\s+at /);
    await inspect(database, async (store) => {
      expect(await countRows(store)).toEqual({ organisations: 0, users: 0 });
    });
  });

  it('create-admin refuses an invalid email, naming --email, before touching the database', async () => {
    const database = await newDatabase();
    const result = await run(database, [
      'create-admin',
      '--organisation',
      'Harbor Peers',
      '--email',
      'not-an-email',
      '--name',
      'A B',
    ]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^--email: Enter an email address/);
    await inspect(database, async (store) => {
      // Nothing was migrated either: the command stopped at its arguments.
      const tables = await store.db.introspection.getTables();
      expect(tables.map((table) => table.name)).not.toContain('users');
    });
  });

  it('create-admin without a required option exits non-zero and names the option', async () => {
    const result = await run(noDatabase, ['create-admin', '--organisation', 'Harbor Peers', '--name', 'A B']);
    expect(result.code).toBe(1);
    expect(result.err).toContain("required option '--email <email>' not specified");
  });

  it('demo-data creates one user per role and prints every login, which all work', async () => {
    const database = await newDatabase();
    const result = await run(database, ['demo-data']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('Created the synthetic demo organisation');
    const logins = [...result.out.matchAll(/^ {2}(\w+) +(\S+@\S+) +(\S+)$/gm)].map(
      ([, role, email, password]) => ({
        role,
        email: email ?? '',
        password: password ?? '',
      }),
    );
    expect(logins.map((entry) => entry.role).sort()).toEqual([...ROLES].sort());
    await inspect(database, async (store) => {
      // One login per role, plus the North Carolina and Kansas peers (their logins are not printed).
      expect(await countRows(store)).toEqual({ organisations: 1, users: 7 });
      const users = await store.db.selectFrom('users').select(['email', 'roles']).execute();
      expect(users.map((user) => user.roles)).toEqual(expect.arrayContaining(ROLES.map((role) => [role])));
      for (const entry of logins) {
        expect(await canLogIn(store, entry.email, entry.password), entry.email).toBe(true);
      }
    });
  });

  it('demo-data refuses to run a second time and changes nothing', async () => {
    // A second run would otherwise add a second demo organisation or reset the first one's passwords.
    const database = await newDatabase();
    expect((await run(database, ['demo-data'])).code).toBe(0);
    const again = await run(database, ['demo-data', '--seed', 'another-seed']);
    expect(again.code).toBe(1);
    expect(again.out).toBe('');
    expect(again.err).toContain('already');
    await inspect(database, async (store) => {
      expect(await countRows(store)).toEqual({ organisations: 1, users: 7 });
    });
  });

  it('reports a bad configuration variable in one line with exit code 1', async () => {
    const result = await run({ ...noDatabase, env: { ...noDatabase.env, PORT: 'eighty' } }, ['demo-data']);
    expect(result.code).toBe(1);
    expect(result.err).toBe('PORT must be a whole number from 0 to 65535; got "eighty".');
  });
});

describe('peerline billing run', () => {
  it('claims the demo organisation’s signed notes as billing staff, printing progress, and holds none twice', async () => {
    const database = await newDatabase();
    expect((await run(database, ['demo-data'])).code).toBe(0);
    const argv = [
      'billing',
      'run',
      '--from',
      '2020-01-01',
      '--to',
      '2030-12-31',
      '--as',
      'billing@demo.peerline.test',
    ];
    const first = await run(database, argv);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(
      /^Billing run [0-9a-f-]{36}: \d+ signed notes to judge from 2020-01-01 to 2030-12-31\.$/m,
    );
    const finished = /^Finished: (\d+) notes claimed on (\d+) claims \(\$[\d.]+\), (\d+) held/m.exec(
      first.out,
    );
    expect(finished).not.toBeNull();
    const claimed = Number(finished?.[1]);
    const held = Number(finished?.[3]);
    expect(claimed + held).toBeGreaterThan(0);
    // Run again: only the held notes are judged again, and nothing is claimed twice.
    const second = await run(database, argv);
    expect(second.out).toContain(`Billing run`);
    expect(second.out).toMatch(new RegExp(`: ${held} signed notes to judge`));
    await inspect(database, async (store) => {
      const lines = await store.db
        .selectFrom('claim_lines')
        .select('note_id')
        .where('current', '=', true)
        .execute();
      expect(lines).toHaveLength(claimed);
      expect(new Set(lines.map((line) => line.note_id)).size).toBe(claimed);
    });
  });

  it('a run killed with SIGKILL midway leaves only whole claims, and the next run finishes without billing twice', async () => {
    const database = await newDatabase();
    expect((await run(database, ['demo-data'])).code).toBe(0);
    // Thirty copies of every signed individual demo note, one a day through October, so the run has work for
    // a while: each member is one transaction (--chunk-members 1), and the kill lands between or inside them.
    await inspect(database, async (store) => {
      await sql`
        insert into service_notes (organisation_id, member_id, program_id, author_id, status, service_type,
          activity, recipient, family_relation_to_treatment, date_of_service, start_time, end_time, gaps,
          modality, member_location, place_of_service, identity_verified, modifiers, goals_addressed,
          intervention_in_plan, family_coordination_documented, pin_plan, pin_interaction, member_response,
          pin_next_steps, late_reason, due_on, signed_at, signed_by, review_status)
        select n.organisation_id, n.member_id, n.program_id, n.author_id, 'signed', n.service_type, n.activity,
          n.recipient, n.family_relation_to_treatment, day::date, n.start_time, n.end_time, n.gaps, n.modality,
          n.member_location, n.place_of_service, n.identity_verified, n.modifiers, '{}', n.intervention_in_plan,
          n.family_coordination_documented, n.pin_plan, n.pin_interaction, n.member_response, n.pin_next_steps,
          'Copied for the kill test.', day::date, n.signed_at, n.signed_by, 'not_required'
        from service_notes n
        cross join generate_series(date '2026-10-01', date '2026-10-30', interval '1 day') as day
        where n.status = 'signed' and n.group_session_id is null and n.plan_of_care_id is null
      `.execute(store.db);
    });
    const argv = [
      'billing',
      'run',
      '--from',
      '2026-10-01',
      '--to',
      '2026-10-31',
      '--as',
      'billing@demo.peerline.test',
    ];
    const child = spawn(
      process.execPath,
      [path.join(packageRoot(), 'bin', 'peerline.js'), ...argv, '--chunk-members', '1'],
      {
        env: { ...process.env, ...database.env, LOG_LEVEL: 'silent' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      // After the first member's transaction commits: kill the process in the middle of the run.
      if (/judged/.test(out)) child.kill('SIGKILL');
    });
    const signal = await new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, killed) => resolve(killed)),
    );
    expect(signal).toBe('SIGKILL');
    const total = Number(/: (\d+) signed notes to judge/.exec(out)?.[1]);
    expect(total).toBeGreaterThan(0);

    const before = await inspect(database, async (store) => {
      const claims = await store.db
        .selectFrom('claims')
        .leftJoin('claim_lines', 'claim_lines.claim_id', 'claims.id')
        .select(['claims.id', 'claims.total_cents', 'claims.line_count'])
        .select((eb) => [
          eb.fn.sum<string>('claim_lines.charge_cents').as('sum'),
          eb.fn.count<string>('claim_lines.id').as('lines'),
        ])
        .groupBy(['claims.id', 'claims.total_cents', 'claims.line_count'])
        .execute();
      for (const claim of claims) {
        expect(Number(claim.sum)).toBe(Number(claim.total_cents));
        expect(Number(claim.lines)).toBe(claim.line_count);
      }
      return claims.reduce((sum, claim) => sum + claim.line_count, 0);
    });
    expect(before).toBeLessThan(total);

    const resumed = await run(database, argv);
    expect(resumed.code).toBe(0);
    expect(resumed.out).toMatch(new RegExp(`: ${total - before} signed notes to judge`));
    await inspect(database, async (store) => {
      const lines = await store.db
        .selectFrom('claim_lines')
        .select('note_id')
        .where('current', '=', true)
        .execute();
      expect(new Set(lines.map((line) => line.note_id)).size).toBe(lines.length);
      const held = await store.db.selectFrom('billing_holds').select('note_id').execute();
      // Every October note is claimed or held: none lost.
      expect(lines.length + held.length).toBe(total);
    });
  });

  it('refuses a peer, a bad date and an unknown user with one plain line each', async () => {
    const database = await newDatabase();
    expect((await run(database, ['demo-data'])).code).toBe(0);
    const peer = await run(database, [
      'billing',
      'run',
      '--from',
      '2026-11-01',
      '--to',
      '2026-11-30',
      '--as',
      'peer@demo.peerline.test',
    ]);
    expect(peer.code).toBe(1);
    expect(peer.err).toContain('Your role does not allow this');
    const badDate = await run(database, [
      'billing',
      'run',
      '--from',
      '2026-13-01',
      '--to',
      '2026-11-30',
      '--as',
      'billing@demo.peerline.test',
    ]);
    expect(badDate.code).toBe(1);
    expect(badDate.err).toMatch(
      /^--from\/--to\/--program\/--payer \(from\): Use a date in the form YYYY-MM-DD\.$/,
    );
    const unknown = await run(database, [
      'billing',
      'run',
      '--from',
      '2026-11-01',
      '--to',
      '2026-11-30',
      '--as',
      'nobody@demo.peerline.test',
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('--as: no active user signs in as "nobody@demo.peerline.test"');
  });

  it('claims export streams the billed demo claims into 837 files that parse back, then has nothing left to write', async () => {
    const database = await newDatabase();
    expect((await run(database, ['demo-data'])).code).toBe(0);
    const billingArgs = ['--as', 'billing@demo.peerline.test'];
    const billed = await run(database, [
      'billing',
      'run',
      '--from',
      '2020-01-01',
      '--to',
      '2030-12-31',
      ...billingArgs,
    ]);
    expect(billed.code).toBe(0);
    // The demo's Medi-Cal members are billed under their county's pack, so export whichever payer has claims.
    const payers = await inspect(database, async (store) =>
      store.db.selectFrom('claims').select('payer_pack').distinct().where('status', '=', 'ready').execute(),
    );
    expect(payers.length).toBeGreaterThan(0);
    const payer = payers[0]?.payer_pack ?? 'none';
    const out = await mkdtemp(path.join(tmpdir(), 'peerline-837-'));
    disposals.push(() => rm(out, { recursive: true, force: true }));
    const exportArgs = ['claims', 'export', '--payer', payer, '--out', out, ...billingArgs];
    const exported = await run(database, exportArgs);
    expect(exported.err).toBe('');
    expect(exported.code).toBe(0);
    const written = [...exported.out.matchAll(/^(\S+\.837): (\d+) claims, (\d+) lines/gm)];
    expect(written.length).toBeGreaterThan(0);
    for (const [, file, claims] of written) {
      const interchange = new X12Parser(true).parse(await readFile(file ?? '', 'utf8'));
      if (Array.isArray(interchange)) throw new Error('one interchange per file');
      const clm = interchange.functionalGroups.flatMap((group) =>
        group.transactions.flatMap((transaction) =>
          transaction.segments.filter((segment) => segment.tag === 'CLM'),
        ),
      );
      expect(clm).toHaveLength(Number(claims));
    }
    const again = await run(database, exportArgs);
    expect(again.out).toBe(`No ready claims for ${payer}: nothing written.`);
  });

  it('without a required option exits non-zero and names it', async () => {
    const result = await run(noDatabase, ['billing', 'run', '--from', '2026-11-01', '--to', '2026-11-30']);
    expect(result.code).toBe(1);
    expect(result.err).toContain("required option '--as <email>' not specified");
  });
});

describe('peerline --help', () => {
  it('describes the program and lists every command', async () => {
    const result = await run(noDatabase, ['--help']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('Usage: peerline');
    expect(result.out).toContain('Peerline: documentation and billing for Peer Support Services.');
    for (const command of ['serve', 'migrate', 'create-admin', 'demo-data', 'billing', 'claims']) {
      expect(result.out).toMatch(new RegExp(`^ {2}${command}\\b`, 'm'));
    }
  });

  it.each([
    { command: 'serve', expected: ['Serve the web app and API', 'PEERLINE_DATA_DIR'] },
    { command: 'migrate', expected: ['Apply pending database migrations'] },
    {
      command: 'create-admin',
      expected: [
        'Create an admin user',
        '--organisation <name>',
        '--email <email>',
        '--name <display name>',
        '--password-stdin',
      ],
    },
    {
      command: 'demo-data',
      expected: ['Create the synthetic demo organisation', '--seed <seed>', 'peerline-demo'],
    },
    {
      command: 'billing run',
      expected: ['Claim every signed, unclaimed note', '--from <date>', '--as <email>'],
    },
    {
      command: 'claims export',
      expected: ['Write every ready claim of a payer', '--payer <pack>', '--out <dir>'],
    },
  ])('$command --help exits 0 and describes the command and its options', async ({ command, expected }) => {
    const result = await run(noDatabase, [...command.split(' '), '--help']);
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    expect(result.out).toContain(`Usage: peerline ${command}`);
    for (const text of expected) {
      expect(result.out).toContain(text);
    }
  });
});
