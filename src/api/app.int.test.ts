/**
 * HTTP suite: the real Fastify app over a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL),
 * driven through inject(). Time is a manual clock, so idle expiry and lockout are tested without waiting.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { DEFAULT_SECURITY_SETTINGS } from '../config/index.js';
import { ProblemResponseSchema, type Problem } from '../shared/problem.js';
import { AuditPageSchema, OrganisationResponseSchema, UserListResponseSchema } from '../shared/api/index.js';
import {
  createFixtureOrganisation,
  FIXTURE_PASSWORD,
  ManualClock,
  openTestStore,
  testContext,
  testDatabaseKind,
  type FixtureOrganisation,
  type TestStore,
} from '../testing/index.js';
import { MIGRATIONS, migrationNumber } from '../store/migrations/index.js';
import { buildApp, SESSION_COOKIE, type ZodApp } from './index.js';

/** The newest migration: the one a migrated database reports. */
const LATEST = Object.keys(MIGRATIONS).sort().at(-1) ?? 'none';

let store: TestStore;
let clock: ManualClock;
let app: ZodApp;
let logLines: string[];
let orgA: FixtureOrganisation;
let orgB: FixtureOrganisation;

const JSON_HEADERS = { 'content-type': 'application/json' };

beforeAll(async () => {
  store = await openTestStore();
  clock = new ManualClock();
  logLines = [];
  const ctx = testContext(store, clock);
  app = await buildApp({
    ctx,
    databaseKind: store.kind,
    version: 'test',
    logLevel: 'info',
    logStream: { write: (line) => void logLines.push(line) },
    trustProxy: false,
    publicOrigin: undefined,
    loginRateLimitPerMinute: 1000,
    webRoot: '/nonexistent',
  });
  orgA = await createFixtureOrganisation(ctx, 'a');
  orgB = await createFixtureOrganisation(ctx, 'b');
});

afterAll(async () => {
  await app.close();
  await store.dispose();
});

async function loginAs(email: string, password = FIXTURE_PASSWORD): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: JSON_HEADERS,
    payload: { email, password },
  });
}

function sessionCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((entry) => entry.name === SESSION_COOKIE);
  if (cookie === undefined) {
    throw new Error(`no session cookie in ${response.statusCode} ${response.body}`);
  }
  return cookie.value;
}

async function sessionFor(email: string): Promise<string> {
  const response = await loginAs(email);
  expect(response.statusCode).toBe(200);
  return sessionCookieOf(response);
}

function problemsOf(response: LightMyRequestResponse): Problem[] {
  return ProblemResponseSchema.parse(response.json()).problems;
}

async function auditActions(organisationId: string | null, userId?: string): Promise<string[]> {
  let query = store.db.selectFrom('audit_events').select(['action', 'outcome']).orderBy('id');
  query =
    organisationId === null
      ? query.where('organisation_id', 'is', null)
      : query.where('organisation_id', '=', organisationId);
  if (userId !== undefined) {
    query = query.where('user_id', '=', userId);
  }
  return (await query.execute()).map((row) => `${row.action}:${row.outcome}`);
}

describe(`HTTP API on ${testDatabaseKind()}`, () => {
  beforeEach(() => {
    clock.advanceMinutes(60);
  });

  describe('login and logout', () => {
    it('signs in with the right password, sets an HttpOnly SameSite=Strict cookie and audits the login', async () => {
      const response = await loginAs(orgA.users.peer.email);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        user: { email: orgA.users.peer.email, roles: ['peer'], organisation: { id: orgA.id } },
      });
      const cookie = response.cookies.find((entry) => entry.name === SESSION_COOKIE);
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
      // Served over plain http here, so not Secure; 256 random bits, base64url.
      expect(cookie?.secure).toBeUndefined();
      expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const session = await app.inject({
        url: '/api/v1/auth/session',
        cookies: { [SESSION_COOKIE]: cookie?.value ?? '' },
      });
      expect(session.statusCode).toBe(200);
      expect(await auditActions(orgA.id, orgA.users.peer.id)).toContain('auth.login:success');
    });

    it('marks the cookie Secure when the request arrived over https through a trusted proxy', async () => {
      const proxied = await buildApp({
        ctx: testContext(store, clock),
        databaseKind: store.kind,
        version: 'test',
        logLevel: 'silent',
        trustProxy: true,
        publicOrigin: undefined,
        loginRateLimitPerMinute: 1000,
        webRoot: '/nonexistent',
      });
      const response = await proxied.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { ...JSON_HEADERS, 'x-forwarded-proto': 'https' },
        payload: { email: orgA.users.clinician.email, password: FIXTURE_PASSWORD },
      });
      await proxied.close();
      expect(response.cookies.find((entry) => entry.name === SESSION_COOKIE)?.secure).toBe(true);
    });

    it('stores only a hash of the session token', async () => {
      const token = await sessionFor(orgA.users.peer.email);
      const rows = await store.db.selectFrom('sessions').select('token_hash').execute();
      expect(rows.some((row) => row.token_hash === token)).toBe(false);
      expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.token_hash))).toBe(true);
    });

    it('answers a wrong password with 401 and a plain message, and audits the failure', async () => {
      const response = await loginAs(orgA.users.billing.email, 'not the password at all');
      expect(response.statusCode).toBe(401);
      expect(problemsOf(response)).toEqual([
        expect.objectContaining({ code: 'auth.invalid_credentials', severity: 'error', path: [] }),
      ]);
      expect(response.cookies).toHaveLength(0);
      expect(await auditActions(orgA.id, orgA.users.billing.id)).toContain('auth.login:failure');
    });

    it('answers an unknown email exactly like a wrong password', async () => {
      const unknown = await loginAs('nobody@fixtures.peerline.test', 'whatever password');
      const wrong = await loginAs(orgA.users.billing.email, 'whatever password');
      expect(unknown.statusCode).toBe(wrong.statusCode);
      expect(unknown.json()).toEqual(wrong.json());
      expect(await auditActions(null)).toContain('auth.login:failure');
    });

    it('logs out: the session ends on the server, the cookie is cleared and the logout is audited', async () => {
      const token = await sessionFor(orgA.users.supervisor.email);
      const logout = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        headers: JSON_HEADERS,
        payload: {},
        cookies: { [SESSION_COOKIE]: token },
      });
      expect(logout.statusCode).toBe(204);
      expect(logout.cookies.find((entry) => entry.name === SESSION_COOKIE)?.value).toBe('');
      const after = await app.inject({ url: '/api/v1/auth/session', cookies: { [SESSION_COOKIE]: token } });
      expect(after.statusCode).toBe(401);
      expect(await auditActions(orgA.id, orgA.users.supervisor.id)).toContain('auth.logout:success');
    });
  });

  describe('lockout', () => {
    it(`locks the account after ${DEFAULT_SECURITY_SETTINGS.loginMaxFailures} failures for ${DEFAULT_SECURITY_SETTINGS.loginLockMinutes} minutes, even for the right password`, async () => {
      const ctx = testContext(store, clock);
      const org = await createFixtureOrganisation(ctx, 'lock');
      const email = org.users.peer.email;
      for (let attempt = 1; attempt < DEFAULT_SECURITY_SETTINGS.loginMaxFailures; attempt += 1) {
        expect((await loginAs(email, 'wrong password here')).statusCode).toBe(401);
      }
      const locking = await loginAs(email, 'wrong password here');
      expect(locking.statusCode).toBe(423);
      expect(problemsOf(locking)[0]?.code).toBe('auth.locked');
      const whileLocked = await loginAs(email);
      expect(whileLocked.statusCode).toBe(423);
      clock.advanceMinutes(DEFAULT_SECURITY_SETTINGS.loginLockMinutes - 1);
      expect((await loginAs(email)).statusCode).toBe(423);
      clock.advanceMinutes(1);
      expect((await loginAs(email)).statusCode).toBe(200);
      const failures = (await auditActions(org.id, org.users.peer.id)).filter(
        (entry) => entry === 'auth.login:failure',
      );
      expect(failures).toHaveLength(DEFAULT_SECURITY_SETTINGS.loginMaxFailures + 2);
    });

    it('forgets earlier failures after a successful login', async () => {
      const org = await createFixtureOrganisation(testContext(store, clock), 'reset');
      const email = org.users.billing.email;
      for (let attempt = 1; attempt < DEFAULT_SECURITY_SETTINGS.loginMaxFailures; attempt += 1) {
        await loginAs(email, 'wrong password here');
      }
      expect((await loginAs(email)).statusCode).toBe(200);
      expect((await loginAs(email, 'wrong password here')).statusCode).toBe(401);
    });
  });

  describe('session expiry', () => {
    it('ends a session after 15 idle minutes, and keeps it alive while the user is active', async () => {
      const token = await sessionFor(orgA.users.peer.email);
      const check = async (): Promise<number> =>
        (await app.inject({ url: '/api/v1/auth/session', cookies: { [SESSION_COOKIE]: token } })).statusCode;
      clock.advanceMinutes(14);
      expect(await check()).toBe(200);
      clock.advanceMinutes(14);
      expect(await check()).toBe(200);
      clock.advanceMinutes(15);
      const expired = await app.inject({ url: '/api/v1/auth/session', cookies: { [SESSION_COOKIE]: token } });
      expect(expired.statusCode).toBe(401);
      expect(expired.cookies.find((entry) => entry.name === SESSION_COOKIE)?.value).toBe('');
      expect(await check()).toBe(401);
      const ends = await store.db
        .selectFrom('audit_events')
        .select(['action', 'details'])
        .where('user_id', '=', orgA.users.peer.id)
        .where('action', '=', 'auth.session_end')
        .execute();
      expect(ends.map((row) => row.details)).toContainEqual({ reason: 'idle_timeout' });
    });

    it('ends a session 12 hours after login however active the user is', async () => {
      const token = await sessionFor(orgA.users.clinician.email);
      for (let elapsed = 0; elapsed < 12 * 60 - 10; elapsed += 10) {
        clock.advanceMinutes(10);
        const response = await app.inject({
          url: '/api/v1/auth/session',
          cookies: { [SESSION_COOKIE]: token },
        });
        expect(response.statusCode).toBe(200);
      }
      clock.advanceMinutes(10);
      const response = await app.inject({
        url: '/api/v1/auth/session',
        cookies: { [SESSION_COOKIE]: token },
      });
      expect(response.statusCode).toBe(401);
    });

    it('refuses a made-up token', async () => {
      const response = await app.inject({
        url: '/api/v1/auth/session',
        cookies: { [SESSION_COOKIE]: 'A'.repeat(43) },
      });
      expect(response.statusCode).toBe(401);
      expect(problemsOf(response)[0]?.code).toBe('auth.required');
    });
  });

  describe('roles and organisations', () => {
    it('refuses a peer the admin routes with 403, and audits the refusal', async () => {
      const token = await sessionFor(orgA.users.peer.email);
      for (const url of ['/api/v1/users', '/api/v1/audit-events']) {
        const response = await app.inject({ url, cookies: { [SESSION_COOKIE]: token } });
        expect(response.statusCode).toBe(403);
        expect(problemsOf(response)[0]?.code).toBe('access.forbidden');
      }
      expect(await auditActions(orgA.id, orgA.users.peer.id)).toContain('access.denied:denied');
    });

    it.each(['supervisor', 'clinician', 'billing'] as const)(
      'refuses %s the user administration',
      async (role) => {
        const token = await sessionFor(orgA.users[role].email);
        const response = await app.inject({
          method: 'POST',
          url: '/api/v1/users',
          headers: JSON_HEADERS,
          cookies: { [SESSION_COOKIE]: token },
          payload: {
            email: 'new@fixtures.peerline.test',
            displayName: 'New',
            roles: ['admin'],
            password: 'a long enough password 1',
          },
        });
        expect(response.statusCode).toBe(403);
      },
    );

    it('answers 401 on every guarded route without a session', async () => {
      for (const url of [
        '/api/v1/users',
        '/api/v1/audit-events',
        '/api/v1/organisation',
        '/api/v1/auth/session',
      ]) {
        expect((await app.inject({ url })).statusCode).toBe(401);
      }
    });

    it("answers 404 for another organisation's user, never its contents, on read and on change", async () => {
      const token = await sessionFor(orgA.users.admin.email);
      const foreignId = orgB.users.peer.id;
      const read = await app.inject({
        url: `/api/v1/users/${foreignId}`,
        cookies: { [SESSION_COOKIE]: token },
      });
      expect(read.statusCode).toBe(404);
      expect(read.body).not.toContain(orgB.users.peer.email);
      const missing = await app.inject({
        url: '/api/v1/users/00000000-0000-4000-8000-000000000000',
        cookies: { [SESSION_COOKIE]: token },
      });
      expect(missing.json()).toEqual(read.json());
      for (const [method, url, payload] of [
        ['PATCH', `/api/v1/users/${foreignId}`, { displayName: 'Hijacked' }],
        ['POST', `/api/v1/users/${foreignId}/deactivate`, {}],
        ['POST', `/api/v1/users/${foreignId}/reset-password`, { password: 'hijacked password 123' }],
      ] as const) {
        const response = await app.inject({
          method,
          url,
          headers: JSON_HEADERS,
          payload,
          cookies: { [SESSION_COOKIE]: token },
        });
        expect(response.statusCode).toBe(404);
      }
      const untouched = await store.db
        .selectFrom('users')
        .select(['display_name', 'active'])
        .where('id', '=', foreignId)
        .executeTakeFirstOrThrow();
      expect(untouched).toEqual({
        display_name: orgB.users.peer.roles[0] + ' ' + orgB.name.split(' ')[1],
        active: true,
      });
    });

    it("lists only the caller's organisation in users, audit events and programs", async () => {
      const token = await sessionFor(orgA.users.admin.email);
      const users = await app.inject({ url: '/api/v1/users', cookies: { [SESSION_COOKIE]: token } });
      const emails = UserListResponseSchema.parse(users.json()).users.map((user) => user.email);
      expect(emails).toContain(orgA.users.peer.email);
      expect(emails.some((email) => Object.values(orgB.users).some((user) => user.email === email))).toBe(
        false,
      );
      const audit = await app.inject({
        url: '/api/v1/audit-events?limit=200',
        cookies: { [SESSION_COOKIE]: token },
      });
      const auditUserIds = AuditPageSchema.parse(audit.json()).events.map((event) => event.userId);
      expect(auditUserIds.some((id) => Object.values(orgB.users).some((user) => user.id === id))).toBe(false);
      const organisation = await app.inject({
        url: '/api/v1/organisation',
        cookies: { [SESSION_COOKIE]: token },
      });
      expect(organisation.json()).toMatchObject({ organisation: { id: orgA.id } });
      expect(OrganisationResponseSchema.parse(organisation.json()).programs).toHaveLength(4);
    });
  });

  describe('request guard (CSRF) and input validation', () => {
    it('refuses a write from another origin with 403', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { ...JSON_HEADERS, origin: 'https://attacker.example', host: 'localhost:3000' },
        payload: { email: orgA.users.peer.email, password: FIXTURE_PASSWORD },
      });
      expect(response.statusCode).toBe(403);
      expect(problemsOf(response)[0]).toMatchObject({
        code: 'request.cross_site',
        path: ['headers', 'origin'],
      });
      expect(response.cookies).toHaveLength(0);
    });

    it('refuses a cross-site fetch announced by Sec-Fetch-Site, and accepts the same origin', async () => {
      const crossSite = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { ...JSON_HEADERS, 'sec-fetch-site': 'cross-site' },
        payload: { email: orgA.users.peer.email, password: FIXTURE_PASSWORD },
      });
      expect(crossSite.statusCode).toBe(403);
      const sameOrigin = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: {
          ...JSON_HEADERS,
          origin: 'http://localhost:3000',
          host: 'localhost:3000',
          'sec-fetch-site': 'same-origin',
        },
        payload: { email: orgA.users.peer.email, password: FIXTURE_PASSWORD },
      });
      expect(sameOrigin.statusCode).toBe(200);
    });

    it('refuses a form-encoded write with 415 (what a cross-site form would send)', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: `email=${encodeURIComponent(orgA.users.peer.email)}&password=x`,
      });
      expect(response.statusCode).toBe(415);
      expect(problemsOf(response)[0]?.path).toEqual(['headers', 'content-type']);
    });

    it('answers bad input with 400 naming each field by its path', async () => {
      const token = await sessionFor(orgA.users.admin.email);
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: JSON_HEADERS,
        cookies: { [SESSION_COOKIE]: token },
        payload: { email: 'not-an-email', displayName: '', roles: ['wizard'], password: 'short' },
      });
      expect(response.statusCode).toBe(400);
      const paths = problemsOf(response).map((problem) => problem.path.join('.'));
      expect(paths).toEqual(
        expect.arrayContaining(['body.email', 'body.displayName', 'body.roles.0', 'body.password']),
      );
      for (const problem of problemsOf(response)) {
        expect(problem.severity).toBe('error');
        expect(problem.message.length).toBeGreaterThan(5);
      }
      const query = await app.inject({
        url: '/api/v1/audit-events?limit=5000',
        cookies: { [SESSION_COOKIE]: token },
      });
      expect(query.statusCode).toBe(400);
      expect(problemsOf(query)[0]?.path).toEqual(['query', 'limit']);
      const params = await app.inject({
        url: '/api/v1/users/not-a-uuid',
        cookies: { [SESSION_COOKIE]: token },
      });
      expect(problemsOf(params)[0]?.path).toEqual(['params', 'id']);
    });

    it('answers malformed JSON and unknown API routes in the problems shape', async () => {
      const malformed = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: JSON_HEADERS,
        payload: '{"email":',
      });
      expect(malformed.statusCode).toBe(400);
      expect(problemsOf(malformed)[0]?.code).toBe('request.malformed_json');
      const unknown = await app.inject({ url: '/api/v1/nothing-here' });
      expect(unknown.statusCode).toBe(404);
      expect(problemsOf(unknown)[0]?.code).toBe('request.not_found');
    });
  });

  describe('user administration', () => {
    it('creates a user who can then sign in, refuses a duplicate email with 409 and a common password with 400', async () => {
      const admin = await sessionFor(orgA.users.admin.email);
      const body = {
        email: 'New.Peer@Fixtures.Peerline.Test',
        displayName: 'New Peer',
        roles: ['peer', 'supervisor'],
        password: 'river otter lantern 42',
      };
      const created = await app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: JSON_HEADERS,
        cookies: { [SESSION_COOKIE]: admin },
        payload: body,
      });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({
        user: { email: 'new.peer@fixtures.peerline.test', roles: ['peer', 'supervisor'], active: true },
      });
      expect((await loginAs('new.peer@fixtures.peerline.test', body.password)).statusCode).toBe(200);
      const duplicate = await app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: JSON_HEADERS,
        cookies: { [SESSION_COOKIE]: admin },
        payload: body,
      });
      expect(duplicate.statusCode).toBe(409);
      expect(problemsOf(duplicate)[0]?.path).toEqual(['body', 'email']);
      const common = await app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: JSON_HEADERS,
        cookies: { [SESSION_COOKIE]: admin },
        payload: { ...body, email: 'other@fixtures.peerline.test', password: 'Password1234!' },
      });
      expect(common.statusCode).toBe(400);
      expect(problemsOf(common)[0]).toMatchObject({ code: 'password.common', path: ['body', 'password'] });
      expect(await auditActions(orgA.id, orgA.users.admin.id)).toContain('user.create:success');
    });

    it('deactivating a user ends their sessions and stops them signing in; reactivating lets them back', async () => {
      const ctx = testContext(store, clock);
      const org = await createFixtureOrganisation(ctx, 'deact');
      const admin = await sessionFor(org.users.admin.email);
      const peerSession = await sessionFor(org.users.peer.email);
      const deactivated = await app.inject({
        method: 'POST',
        url: `/api/v1/users/${org.users.peer.id}/deactivate`,
        headers: JSON_HEADERS,
        cookies: { [SESSION_COOKIE]: admin },
        payload: {},
      });
      expect(deactivated.json()).toMatchObject({ user: { active: false } });
      expect(
        (await app.inject({ url: '/api/v1/auth/session', cookies: { [SESSION_COOKIE]: peerSession } }))
          .statusCode,
      ).toBe(401);
      expect((await loginAs(org.users.peer.email)).statusCode).toBe(401);
      await app.inject({
        method: 'POST',
        url: `/api/v1/users/${org.users.peer.id}/reactivate`,
        headers: JSON_HEADERS,
        cookies: { [SESSION_COOKIE]: admin },
        payload: {},
      });
      expect((await loginAs(org.users.peer.email)).statusCode).toBe(200);
    });

    it('keeps at least one active admin: the last admin cannot deactivate themself or drop the role', async () => {
      const org = await createFixtureOrganisation(testContext(store, clock), 'last');
      const admin = await sessionFor(org.users.admin.email);
      const self = await app.inject({
        method: 'POST',
        url: `/api/v1/users/${org.users.admin.id}/deactivate`,
        headers: JSON_HEADERS,
        cookies: { [SESSION_COOKIE]: admin },
        payload: {},
      });
      expect(self.statusCode).toBe(409);
      const demote = await app.inject({
        method: 'PATCH',
        url: `/api/v1/users/${org.users.admin.id}`,
        headers: JSON_HEADERS,
        cookies: { [SESSION_COOKIE]: admin },
        payload: { roles: ['peer'] },
      });
      expect(demote.statusCode).toBe(409);
      expect(problemsOf(demote)[0]).toMatchObject({ code: 'user.last_admin', path: ['body', 'roles'] });
    });

    it('resetting a password unlocks the account and ends old sessions', async () => {
      const org = await createFixtureOrganisation(testContext(store, clock), 'resetpw');
      for (let attempt = 0; attempt < DEFAULT_SECURITY_SETTINGS.loginMaxFailures; attempt += 1) {
        await loginAs(org.users.billing.email, 'wrong password here');
      }
      expect((await loginAs(org.users.billing.email)).statusCode).toBe(423);
      const admin = await sessionFor(org.users.admin.email);
      const reset = await app.inject({
        method: 'POST',
        url: `/api/v1/users/${org.users.billing.id}/reset-password`,
        headers: JSON_HEADERS,
        cookies: { [SESSION_COOKIE]: admin },
        payload: { password: 'violet canyon morning 7' },
      });
      expect(reset.statusCode).toBe(200);
      expect(reset.json()).toMatchObject({ user: { lockedUntil: null } });
      expect((await loginAs(org.users.billing.email, 'violet canyon morning 7')).statusCode).toBe(200);
      expect((await loginAs(org.users.billing.email)).statusCode).toBe(401);
    });
  });

  describe('changing your own password', () => {
    const changePassword = (token: string, payload: object): Promise<LightMyRequestResponse> =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/change-password',
        headers: JSON_HEADERS,
        cookies: { [SESSION_COOKIE]: token },
        payload,
      });

    it('needs the current password, keeps this session, ends the others, and audits the change', async () => {
      const org = await createFixtureOrganisation(testContext(store, clock), 'ownpw');
      const email = org.users.peer.email;
      const here = await sessionFor(email);
      const elsewhere = await sessionFor(email);
      const wrong = await changePassword(here, {
        currentPassword: 'not it at all',
        newPassword: 'quiet meadow signal 8',
      });
      expect(wrong.statusCode).toBe(400);
      expect(problemsOf(wrong)[0]).toMatchObject({
        code: 'auth.current_password_wrong',
        path: ['body', 'currentPassword'],
      });
      const common = await changePassword(here, {
        currentPassword: FIXTURE_PASSWORD,
        newPassword: 'Password2026!',
      });
      expect(problemsOf(common)[0]).toMatchObject({ code: 'password.common', path: ['body', 'newPassword'] });
      const changed = await changePassword(here, {
        currentPassword: FIXTURE_PASSWORD,
        newPassword: 'quiet meadow signal 8',
      });
      expect(changed.statusCode).toBe(204);
      const check = async (token: string): Promise<number> =>
        (await app.inject({ url: '/api/v1/auth/session', cookies: { [SESSION_COOKIE]: token } })).statusCode;
      expect(await check(here)).toBe(200);
      expect(await check(elsewhere)).toBe(401);
      expect((await loginAs(email)).statusCode).toBe(401);
      expect((await loginAs(email, 'quiet meadow signal 8')).statusCode).toBe(200);
      const actions = await auditActions(org.id, org.users.peer.id);
      expect(actions).toContain('auth.password_change:failure');
      expect(actions).toContain('auth.password_change:success');
    });
  });

  describe('audit log', () => {
    it('pages newest first and filters by user, record and date', async () => {
      const org = await createFixtureOrganisation(testContext(store, clock), 'audit');
      await loginAs(org.users.peer.email, 'a wrong password');
      for (let index = 0; index < 3; index += 1) {
        await loginAs(org.users.peer.email);
      }
      const admin = await sessionFor(org.users.admin.email);
      const get = async (
        query: string,
      ): Promise<{
        events: { id: string; action: string; userId: string | null; occurredAt: string }[];
        nextBefore: string | null;
      }> => {
        const response = await app.inject({
          url: `/api/v1/audit-events?${query}`,
          cookies: { [SESSION_COOKIE]: admin },
        });
        expect(response.statusCode).toBe(200);
        return response.json();
      };
      const byPeer = await get(`userId=${org.users.peer.id}&limit=2`);
      expect(byPeer.events).toHaveLength(2);
      expect(byPeer.events.every((event) => event.userId === org.users.peer.id)).toBe(true);
      expect(Number(byPeer.events[0]?.id)).toBeGreaterThan(Number(byPeer.events[1]?.id));
      expect(byPeer.nextBefore).not.toBeNull();
      const older = await get(`userId=${org.users.peer.id}&limit=2&before=${byPeer.nextBefore ?? ''}`);
      expect(older.events.length).toBeGreaterThanOrEqual(1);
      expect(older.events.every((event) => Number(event.id) < Number(byPeer.nextBefore))).toBe(true);
      const byRecord = await get(`recordType=user&recordId=${org.users.peer.id}`);
      expect(byRecord.events.map((event) => event.action)).toEqual(['auth.login']);
      const today = clock.now().toISOString().slice(0, 10);
      expect((await get(`from=${today}&to=${today}`)).events.length).toBeGreaterThan(0);
      expect((await get(`to=2000-01-01`)).events).toHaveLength(0);
      const reversed = await app.inject({
        url: '/api/v1/audit-events?from=2026-02-01&to=2026-01-01',
        cookies: { [SESSION_COOKIE]: admin },
      });
      expect(reversed.statusCode).toBe(400);
      expect(problemsOf(reversed)[0]?.path).toEqual(['query', 'from']);
    });
  });

  describe('edges', () => {
    it('describes itself in OpenAPI and serves the API docs page', async () => {
      const openapi = await app.inject({ url: '/api/openapi.json' });
      expect(openapi.statusCode).toBe(200);
      const document = openapi.json<{ openapi: string; paths: Record<string, unknown> }>();
      expect(document.openapi).toMatch(/^3\./);
      expect(Object.keys(document.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/auth/login',
          '/api/v1/users',
          '/api/v1/users/{id}',
          '/api/v1/audit-events',
          '/api/health',
        ]),
      );
      const docs = await app.inject({ url: '/api/docs/' });
      expect(docs.statusCode).toBe(200);
      expect(docs.headers['content-type']).toContain('text/html');
    });

    it('reports health with the database kind and migration version', async () => {
      const response = await app.inject({ url: '/api/health' });
      expect(response.json()).toEqual({
        status: 'ok',
        version: 'test',
        database: { kind: store.kind, migrationVersion: migrationNumber(LATEST), migrationName: LATEST },
      });
    });

    it('sends security headers', async () => {
      const response = await app.inject({ url: '/api/health' });
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
    });

    it('never writes passwords, cookies, tokens or query strings to the request log', async () => {
      const token = await sessionFor(orgA.users.admin.email);
      await app.inject({
        url: `/api/v1/audit-events?recordId=Jane-Doe-MCD123`,
        cookies: { [SESSION_COOKIE]: token },
      });
      const log = logLines.join('\n');
      expect(log).toContain('/api/v1/audit-events');
      expect(log).not.toContain(FIXTURE_PASSWORD);
      expect(log).not.toContain(token);
      expect(log).not.toContain('Jane-Doe-MCD123');
    });
  });
});

describe('login rate limit', () => {
  it('answers 429 in the problems shape once an address exceeds the per-minute limit', async () => {
    const limited = await buildApp({
      ctx: testContext(store, clock),
      databaseKind: store.kind,
      version: 'test',
      logLevel: 'silent',
      trustProxy: false,
      publicOrigin: undefined,
      loginRateLimitPerMinute: 3,
      webRoot: '/nonexistent',
    });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const response = await limited.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: JSON_HEADERS,
        payload: { email: 'nobody@fixtures.peerline.test', password: 'x' },
      });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) {
        expect(problemsOf(response)[0]?.code).toBe('request.rate_limited');
      }
    }
    await limited.close();
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});

describe('server errors', () => {
  it('answers 500 without a stack trace and with a reference when the database is gone', async () => {
    const broken = await openTestStore();
    const brokenApp = await buildApp({
      ctx: testContext(broken, clock),
      databaseKind: broken.kind,
      version: 'test',
      logLevel: 'silent',
      trustProxy: false,
      publicOrigin: undefined,
      loginRateLimitPerMinute: 1000,
      webRoot: '/nonexistent',
    });
    await broken.dispose();
    const response = await brokenApp.inject({ url: '/api/health' });
    await brokenApp.close();
    expect(response.statusCode).toBe(500);
    expect(problemsOf(response)[0]?.code).toBe('server.error');
    expect(response.body).not.toMatch(/at .*\.(ts|js):\d+/);
    expect(response.body).not.toContain('stack');
  });
});
