/**
 * /api/v1/reports over HTTP on a real database: who may read which report (billing staff and admins all
 * three, supervisors timeliness only, peers none), a bad range answered 400 naming the field, and the CSV
 * form with its type, file name and rows — over a claim made by a real billing run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuthorizationUseReportSchema,
  BilledReportSchema,
  TimelinessReportSchema,
} from '../shared/api/reports.js';
import type { Role } from '../shared/roles.js';
import { processBillingRun, startBillingRun } from '../services/billing/index.js';
import {
  createDocumentationFixture,
  fixtureActor,
  insertApprovedPlan,
  insertSignedNote,
  ManualClock,
  openTestStore,
  problemsOf,
  startTestApp,
  testContext,
  testDatabaseKind,
  type DocumentationFixture,
  type HttpClient,
  type TestApp,
  type TestStore,
} from '../testing/index.js';

const RANGE = 'from=2026-11-01&to=2026-11-30';

let store: TestStore;
let testApp: TestApp;
let fixture: DocumentationFixture;
const clients = new Map<Role, HttpClient>();

function client(role: Role): HttpClient {
  const found = clients.get(role);
  if (found === undefined) throw new Error(`no client for ${role}`);
  return found;
}

beforeAll(async () => {
  store = await openTestStore();
  const ctx = testContext(store, new ManualClock('2026-12-01T18:00:00Z'));
  testApp = await startTestApp(store, ctx);
  fixture = await createDocumentationFixture(ctx, 'reports-http');
  for (const role of ['peer', 'supervisor', 'billing', 'admin'] as const) {
    clients.set(role, await testApp.signIn(fixture.users[role].email));
  }
  const program = fixture.programs.find((each) => each.payerPacks.includes('ca-acbhd'));
  const member = fixture.members.find((each) => each.programId === program?.id);
  if (member === undefined) throw new Error('no Alameda member');
  await insertApprovedPlan(store.db, fixture, member, '2026-01-01');
  await insertSignedNote(store.db, fixture, member, { date: '2026-11-02', end: '10:50' });
  const billing = fixtureActor(fixture, 'billing');
  const run = await startBillingRun(ctx, billing, { from: '2026-11-01', to: '2026-11-30' });
  await processBillingRun(ctx, billing, run.id);
});

afterAll(async () => {
  await testApp.close();
  await store.dispose();
});

describe(`reports API on ${testDatabaseKind()}`, () => {
  it('lets billing staff and admins read every report, supervisors timeliness only, peers none', async () => {
    const statuses: Record<string, number[]> = {};
    for (const role of ['peer', 'supervisor', 'billing', 'admin'] as const) {
      statuses[role] = [];
      for (const report of ['billed', 'timeliness', 'authorizations', 'billed.csv']) {
        statuses[role].push((await client(role).get(`/api/v1/reports/${report}?${RANGE}`)).statusCode);
      }
    }
    expect(statuses).toEqual({
      peer: [403, 403, 403, 403],
      supervisor: [403, 200, 403, 403],
      billing: [200, 200, 200, 200],
      admin: [200, 200, 200, 200],
    });
  });

  it('answers with the shared schemas: 3 units of H0038 billed, one note signed on time', async () => {
    const billed = BilledReportSchema.parse(
      (await client('billing').get(`/api/v1/reports/billed?${RANGE}&payerPack=ca-dhcs`)).json(),
    );
    // The fixture's California prices: $50.00 charged, $40.00 expected a unit.
    expect(billed.totals).toEqual({
      lines: 1,
      units: 3,
      chargeCents: 3 * 5000,
      expectedCents: 3 * 4000,
      linesWithoutRate: 0,
    });
    const timeliness = TimelinessReportSchema.parse(
      (await client('supervisor').get(`/api/v1/reports/timeliness?${RANGE}`)).json(),
    );
    expect(timeliness.totals).toMatchObject({ signed: 1, onTime: 1, onTimePercent: 100 });
    const authorizations = AuthorizationUseReportSchema.parse(
      (await client('admin').get(`/api/v1/reports/authorizations?${RANGE}`)).json(),
    );
    expect(authorizations).toEqual({ authorizations: [], today: '2026-12-01' });
  });

  it('answers a reversed or missing range with 400 naming the field', async () => {
    const reversed = await client('billing').get('/api/v1/reports/billed?from=2026-11-30&to=2026-11-01');
    expect(reversed.statusCode).toBe(400);
    expect(problemsOf(reversed).map((problem) => problem.path)).toContainEqual(['query', 'to']);
    const missing = await client('billing').get('/api/v1/reports/timeliness.csv?from=2026-11-01');
    expect(missing.statusCode).toBe(400);
    expect(problemsOf(missing).map((problem) => problem.path)).toContainEqual(['query', 'to']);
  });

  it('sends CSV as an attachment named for the report and range', async () => {
    const csv = await client('billing').get(`/api/v1/reports/billed.csv?${RANGE}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(
      'attachment; filename="peerline-billed-2026-11-01-to-2026-11-30.csv"',
    );
    const [header, row] = csv.body.trim().split('\r\n');
    expect(header).toBe(
      'month,payer,program,peer,code,lines,units,charge,expected_payment,lines_without_rate',
    );
    expect(row).toMatch(/^2026-11,ca-dhcs,[^,]+,peer reports-http[^,]*,H0038,1,3,150\.00,120\.00,0$/);
    const timeliness = await client('supervisor').get(`/api/v1/reports/timeliness.csv?${RANGE}`);
    expect(timeliness.statusCode).toBe(200);
    expect(timeliness.body.trim().split('\r\n').at(-1)).toBe('total,All,1,1,0,0,100.0,0.0,0.0');
  });
});
