/**
 * @module services/demo-data/demo-data
 * Creates the synthetic demo organisation — one program per seed jurisdiction and one user per role — with
 * fresh random passwords returned once to the caller (who prints them). Everything else comes from the
 * seeded synthetic generator, so the same seed gives the same organisation every time.
 */
import { randomBytes } from 'node:crypto';
import type { Role } from '../../shared/roles.js';
import { DEMO_SEED, demoOrganisation, demoUsers, type Seed } from '../../synthetic/index.js';
import { hashPassword } from '../auth/index.js';
import type { ServiceContext } from '../context.js';
import { conflict } from '../errors.js';
import { insertOrganisation } from '../organisations/index.js';
import { insertUser, recordUserCreatedBySystem } from '../users/index.js';

export interface DemoLogin {
  role: Role;
  email: string;
  displayName: string;
  password: string;
}

export interface DemoDataResult {
  organisationId: string;
  organisationName: string;
  logins: DemoLogin[];
}

/** A password from the operating system's CSPRNG: 16 bytes, base64url — never on a common list. */
export function randomPassword(): string {
  return `pl-${randomBytes(16).toString('base64url')}`;
}

export async function createDemoData(
  ctx: ServiceContext,
  options: { seed?: Seed; password?: (role: Role) => string } = {},
): Promise<DemoDataResult> {
  const seed = options.seed ?? DEMO_SEED;
  const organisation = demoOrganisation(seed);
  const users = demoUsers(seed);
  const logins: DemoLogin[] = users.map((user) => {
    const role = user.roles[0] ?? 'peer';
    return {
      role,
      email: user.email,
      displayName: user.displayName,
      password: (options.password ?? randomPassword)(role),
    };
  });
  const hashes = await Promise.all(logins.map((login) => hashPassword(login.password)));
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('users')
      .select('email')
      .where(
        'email',
        'in',
        logins.map((login) => login.email),
      )
      .executeTakeFirst();
    if (existing !== undefined) {
      throw conflict(
        'demo_data.exists',
        `Demo data is already in this database (${existing.email} exists). Nothing was changed.`,
        [],
      );
    }
    const organisationId = await insertOrganisation(trx, {
      name: organisation.name,
      taxId: organisation.taxId,
      programs: organisation.programs,
    });
    const now = ctx.clock.now();
    for (const [index, login] of logins.entries()) {
      const row = await insertUser(trx, now, {
        organisationId,
        email: login.email,
        displayName: login.displayName,
        roles: users[index]?.roles ?? [login.role],
        passwordHash: hashes[index] ?? '',
      });
      await recordUserCreatedBySystem(trx, ctx.clock, {
        organisationId,
        userId: row.id,
        roles: [login.role],
        via: 'demo-data',
      });
    }
    return { organisationId, organisationName: organisation.name, logins };
  });
}

/** True when the database holds no organisation yet (a fresh embedded database). */
export async function isEmptyDatabase(ctx: Pick<ServiceContext, 'db'>): Promise<boolean> {
  const row = await ctx.db.selectFrom('organisations').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/** The console text that shows demo logins once. */
export function formatDemoLogins(result: DemoDataResult, url: string): string {
  const width = Math.max(...result.logins.map((login) => login.email.length));
  const lines = result.logins.map(
    (login) => `  ${login.role.padEnd(11)} ${login.email.padEnd(width)}  ${login.password}`,
  );
  return [
    '',
    `Created the synthetic demo organisation "${result.organisationName}".`,
    `Sign in at ${url} with one of these logins (shown only this once; an admin can reset them):`,
    '',
    ...lines,
    '',
  ].join('\n');
}
