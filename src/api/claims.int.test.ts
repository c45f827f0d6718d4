/**
 * Claim preview and payer packs over HTTP: the real app on a real database (for the session only — neither
 * route reads a stored record). These pin what the note form and the rules page rely on: the price of a
 * billable service, a refused service's cited problem, field paths for bad input, and every pack's rules
 * with their sources.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { allPacks } from '../engine/index.js';
import { ProblemResponseSchema, type Problem } from '../shared/problem.js';
import { ROLES } from '../shared/roles.js';
import { ClaimPreviewSchema, PayerPackListResponseSchema, type ClaimPreview } from '../shared/api/index.js';
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
import { billableCaDhcsRequest, type ClaimPreviewRequestInput } from '../testing/claim-requests.js';
import { buildApp, SESSION_COOKIE, type ZodApp } from './index.js';

let store: TestStore;
let app: ZodApp;
let org: FixtureOrganisation;

const JSON_HEADERS = { 'content-type': 'application/json' };
const PREVIEW_URL = '/api/v1/claims/preview';
const PACKS_URL = '/api/v1/payer-packs';

beforeAll(async () => {
  store = await openTestStore();
  const ctx = testContext(store, new ManualClock());
  app = await buildApp({
    ctx,
    databaseKind: store.kind,
    version: 'test',
    logLevel: 'silent',
    trustProxy: false,
    publicOrigin: undefined,
    loginRateLimitPerMinute: 1000,
    webRoot: '/nonexistent',
  });
  org = await createFixtureOrganisation(ctx, 'claims');
});

afterAll(async () => {
  await app.close();
  await store.dispose();
});

async function sessionFor(email: string): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: JSON_HEADERS,
    payload: { email, password: FIXTURE_PASSWORD },
  });
  const cookie = response.cookies.find((entry) => entry.name === SESSION_COOKIE);
  if (response.statusCode !== 200 || cookie === undefined) {
    throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  }
  return cookie.value;
}

async function preview(
  token: string,
  payload: ClaimPreviewRequestInput | Record<string, unknown>,
  query = '',
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: `${PREVIEW_URL}${query}`,
    headers: JSON_HEADERS,
    cookies: { [SESSION_COOKIE]: token },
    payload,
  });
}

function previewOf(response: LightMyRequestResponse): ClaimPreview {
  expect(response.statusCode, response.body).toBe(200);
  return ClaimPreviewSchema.parse(response.json());
}

function problemsOf(response: LightMyRequestResponse): Problem[] {
  return ProblemResponseSchema.parse(response.json()).problems;
}

describe(`claim preview and payer packs over HTTP on ${testDatabaseKind()}`, () => {
  it('answers 401 without a session, on both routes', async () => {
    const post = await app.inject({
      method: 'POST',
      url: PREVIEW_URL,
      headers: JSON_HEADERS,
      payload: billableCaDhcsRequest(),
    });
    expect(post.statusCode).toBe(401);
    expect(problemsOf(post)[0]?.code).toBe('auth.required');
    expect((await app.inject({ url: PACKS_URL })).statusCode).toBe(401);
  });

  it('prices a billable Medi-Cal hour as 4 units of H0038 charged $200.00 from its fees, for every role', async () => {
    // Peers preview while writing a note, billing staff while checking a run: no role is left out.
    for (const role of ROLES) {
      const token = await sessionFor(org.users[role].email);
      const result = previewOf(await preview(token, billableCaDhcsRequest()));
      expect(result.pack).toMatchObject({ id: 'ca-dhcs' });
      expect(result.billable).toBe(true);
      expect(result.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
      expect(result.lines).toEqual([
        {
          code: 'H0038',
          modifiers: [],
          procedure: expect.any(String) as unknown,
          units: 4,
          // The request's fee schedule charges $50.00 a unit; DHCS publishes no H0038 rate to expect.
          unitChargeCents: 5000,
          chargeCents: 20_000,
          unitRateCents: null,
          expectedCents: null,
          placeOfService: '11',
        },
      ]);
      expect(result.minutes).toBe(60);
      expect(result.checks).toBeUndefined();
    }
  });

  it('answers a service in a correctional facility (09) with billable false and the cited problem', async () => {
    const token = await sessionFor(org.users.peer.email);
    const input = billableCaDhcsRequest();
    input.service.placeOfService = '09';
    const result = previewOf(await preview(token, input));
    expect(result.billable).toBe(false);
    const problem = result.problems.find((candidate) => candidate.code === 'ca-dhcs.pos.excluded');
    expect(problem).toMatchObject({ severity: 'error', path: ['service', 'placeOfService'] });
    expect(problem?.message).toContain('09');
    expect(problem?.source).toEqual({
      document: '000_1274c8781db8481b.txt',
      section: 'Service Table 5',
      quote: 'Allowable Place of Service … All except 09',
      ruleId: 'ca-dhcs.pos.excluded',
      ruleVersion: '1',
    });
  });

  it('answers bad input with 400 naming each field by its path', async () => {
    const token = await sessionFor(org.users.peer.email);
    const input = billableCaDhcsRequest();
    input.service.start = '9.30';
    const response = await preview(token, input);
    expect(response.statusCode).toBe(400);
    const problems = problemsOf(response);
    expect(problems.map((problem) => problem.path)).toEqual([['body', 'service', 'start']]);
    expect(problems[0]).toMatchObject({ severity: 'error', code: 'request.invalid' });
    expect(problems[0]?.message).toContain('HH:MM');

    const missing = await preview(token, { member: billableCaDhcsRequest().member });
    expect(missing.statusCode).toBe(400);
    expect(problemsOf(missing).map((problem) => problem.path)).toEqual(
      expect.arrayContaining([
        ['body', 'service'],
        ['body', 'program'],
      ]),
    );
  });

  it('answers a member without coverage on the date of service with 400 claims.no_pack', async () => {
    const token = await sessionFor(org.users.peer.email);
    const input = billableCaDhcsRequest();
    input.member.coverage = [];
    const response = await preview(token, input);
    expect(response.statusCode).toBe(400);
    expect(problemsOf(response)).toEqual([
      expect.objectContaining({ code: 'claims.no_pack', path: ['body', 'member', 'coverage'] }),
    ]);
    expect(problemsOf(response)[0]?.message).toContain('2026-11-18');
  });

  it('explains every check with the values it compared when asked with explain=all', async () => {
    const token = await sessionFor(org.users.billing.email);
    const result = previewOf(await preview(token, billableCaDhcsRequest(), '?explain=all'));
    const checks = result.checks ?? [];
    expect(checks.length).toBeGreaterThan(0);
    expect(checks.every((check) => check.passed)).toBe(true);
    expect(checks.every((check) => check.ruleId.startsWith('ca-dhcs.') && check.ruleVersion !== '')).toBe(
      true,
    );
    expect(checks.find((check) => check.ruleId === 'ca-dhcs.units.minimum')?.comparisons).toEqual([
      { fact: 'service.units', operator: 'gte', actual: 4, expected: 1 },
    ]);

    const wrong = await preview(token, billableCaDhcsRequest(), '?explain=everything');
    expect(wrong.statusCode).toBe(400);
    expect(problemsOf(wrong)[0]?.path).toEqual(['query', 'explain']);
  });

  it('lists every loaded payer pack with its rules, each citing its source', async () => {
    const token = await sessionFor(org.users.peer.email);
    const response = await app.inject({ url: PACKS_URL, cookies: { [SESSION_COOKIE]: token } });
    expect(response.statusCode).toBe(200);
    const { packs } = PayerPackListResponseSchema.parse(response.json());
    expect(packs.map((pack) => pack.id)).toEqual(allPacks().map((pack) => pack.id));
    for (const pack of packs) {
      expect(pack.rules.length, pack.id).toBeGreaterThan(0);
      for (const rule of pack.rules) {
        expect(rule.citation.document, rule.id).not.toBe('');
        expect(rule.citation.quote, rule.id).not.toBe('');
      }
    }
    const caDhcs = packs.find((pack) => pack.id === 'ca-dhcs');
    expect(caDhcs?.limits.find((limit) => limit.id === 'daily_units')?.max).toBe(96);
    expect(caDhcs?.rules.find((rule) => rule.id === 'ca-dhcs.pos.excluded')?.citation).toEqual({
      document: '000_1274c8781db8481b.txt',
      section: 'Service Table 5',
      quote: 'Allowable Place of Service … All except 09',
    });
  });

  it('describes both routes in OpenAPI', async () => {
    const response = await app.inject({ url: '/api/openapi.json' });
    const document = response.json<{
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
    }>();
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining([PREVIEW_URL, PACKS_URL]));
    expect(document.paths[PREVIEW_URL]?.post?.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'explain', in: 'query' })]),
    );
    expect(document.paths[PACKS_URL]?.get).toBeDefined();
  });
});
