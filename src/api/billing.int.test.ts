/**
 * /api/v1/billing over HTTP on a real database: a run started by billing staff and polled to the end, the
 * worklist and its CSV, payer settings, an 837 batch refused with each claim's problems and then written once
 * they are fixed — and parsed back with node-x12 — the claim lifecycle with a rejection billed again, a void
 * and a replacement, prior authorizations, and the role checks on every route.
 */
import { X12Parser } from 'node-x12';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BatchListSchema,
  BillingRunSchema,
  ClaimDetailSchema,
  ClaimListSchema,
  PayerSettingsListSchema,
  PayerSettingsSchema,
  WorklistSchema,
  type BillingRun,
} from '../shared/api/billing.js';
import type { PayerPackId } from '../shared/programs.js';
import type { Role } from '../shared/roles.js';
import {
  createDocumentationFixture,
  insertApprovedPlan,
  insertSignedNote,
  ManualClock,
  openTestStore,
  problemsOf,
  startTestApp,
  testContext,
  testDatabaseKind,
  type DocumentationFixture,
  type FixtureMember,
  type HttpClient,
  type TestApp,
  type TestStore,
} from '../testing/index.js';

let store: TestStore;
let testApp: TestApp;
let fixture: DocumentationFixture;
let member: FixtureMember;
const clients = new Map<Role, HttpClient>();

function client(role: Role): HttpClient {
  const found = clients.get(role);
  if (found === undefined) throw new Error(`no client for ${role}`);
  return found;
}

function memberOfProgramBilling(pack: PayerPackId): FixtureMember {
  const program = fixture.programs.find((each) => each.payerPacks.includes(pack));
  const found = fixture.members.find((each) => each.programId === program?.id);
  if (found === undefined) throw new Error(`no program billing ${pack}`);
  return found;
}

/** Starts a run and polls it until it is no longer running. */
async function runToEnd(from: string, to: string): Promise<BillingRun> {
  const started = await client('billing').post('/api/v1/billing/runs', { from, to });
  expect(started.statusCode).toBe(202);
  let run = BillingRunSchema.parse(started.json());
  for (let attempt = 0; attempt < 200 && run.status === 'running'; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    run = BillingRunSchema.parse((await client('billing').get(`/api/v1/billing/runs/${run.id}`)).json());
  }
  return run;
}

const PAYER = {
  payerPack: 'ca-dhcs',
  payerName: 'Medi-Cal Test Payer',
  payerId: 'MCTEST',
  receiverName: 'Test Clearinghouse',
  receiverId: 'RECEIVER01',
  submitterName: 'Peerline Test Agency',
  submitterId: 'SUBMIT01',
  contactName: 'Billing Desk',
  contactPhone: '5105550142',
  usageIndicator: 'T',
};

beforeAll(async () => {
  store = await openTestStore();
  const ctx = testContext(store, new ManualClock('2026-11-30T18:00:00Z'));
  testApp = await startTestApp(store, ctx);
  fixture = await createDocumentationFixture(ctx, 'billing-http');
  for (const role of ['peer', 'supervisor', 'billing', 'admin'] as const) {
    clients.set(role, await testApp.signIn(fixture.users[role].email));
  }
  member = memberOfProgramBilling('ca-acbhd');
  await insertApprovedPlan(store.db, fixture, member, '2026-01-01');
});

afterAll(async () => {
  await testApp.close();
  await store.dispose();
});

describe(`billing API on ${testDatabaseKind()}`, () => {
  it('lets billing staff and admins bill; peers and supervisors are refused', async () => {
    for (const role of ['peer', 'supervisor'] as const) {
      const response = await client(role).post('/api/v1/billing/runs', {
        from: '2026-11-01',
        to: '2026-11-30',
      });
      expect(response.statusCode).toBe(403);
      expect((await client(role).get('/api/v1/billing/worklist')).statusCode).toBe(403);
    }
    // A supervisor may read authorizations (their members' limits), not record them.
    expect((await client('supervisor').get('/api/v1/billing/authorizations')).statusCode).toBe(200);
  });

  it('answers bad input with 400 naming the field', async () => {
    const response = await client('billing').post('/api/v1/billing/runs', {
      from: '2026-11-30',
      to: '2026-11-01',
    });
    expect(response.statusCode).toBe(400);
    expect(problemsOf(response).map((problem) => problem.path)).toContainEqual(['body', 'to']);
    const authorization = await client('billing').post('/api/v1/billing/authorizations', {
      memberId: member.id,
      payerPack: 'ca-dhcs',
      number: 'PA 1',
      code: 'H38',
      units: 0,
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(authorization.statusCode).toBe(400);
    const paths = problemsOf(authorization).map((problem) => problem.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['body.number', 'body.code', 'body.units']));
  });

  it('runs in the background to the end, then shows held notes by problem with who can fix them, also as CSV', async () => {
    await insertSignedNote(store.db, fixture, member, { date: '2026-11-02' });
    await insertSignedNote(store.db, fixture, member, { date: '2026-11-03', reviewStatus: 'pending' });
    const run = await runToEnd('2026-11-01', '2026-11-07');
    expect(run).toMatchObject({ status: 'finished', notesTotal: 2, notesClaimed: 1, notesHeld: 1 });

    const worklist = WorklistSchema.parse((await client('billing').get('/api/v1/billing/worklist')).json());
    expect(worklist.groups).toEqual([
      expect.objectContaining({ code: 'billing.review_pending', owner: 'supervisor', notes: 1 }),
    ]);
    expect(worklist.claimsByStatus.find((each) => each.status === 'ready')?.claims).toBe(1);
    // The held note keeps the payer it was judged under, though the run billed every payer.
    expect(worklist.held.map((note) => note.payerPack)).toEqual(['ca-dhcs']);
    const byPayer = WorklistSchema.parse(
      (await client('billing').get('/api/v1/billing/worklist?payerPack=ca-dhcs')).json(),
    );
    expect(byPayer.held).toHaveLength(1);
    const otherPayer = WorklistSchema.parse(
      (await client('billing').get('/api/v1/billing/worklist?payerPack=ks-pahp')).json(),
    );
    expect(otherPayer.held).toHaveLength(0);
    const csv = await client('billing').get('/api/v1/billing/worklist.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const [header, row] = csv.body.trim().split('\r\n');
    expect(header).toBe(
      'note_id,date_of_service,member,peer,payer,problem,who_can_fix,message,source,section,amount',
    );
    expect(row).toContain('billing.review_pending,supervisor,');
  });

  it('refuses an 837 batch naming each claim’s problems, then writes it once they are fixed', async () => {
    const noSettings = await client('billing').post('/api/v1/billing/batches', { payerPack: 'ca-dhcs' });
    expect(noSettings.statusCode).toBe(409);
    expect(problemsOf(noSettings)[0]?.code).toBe('batch.no_payer_settings');
    expect((await client('billing').put('/api/v1/billing/payers', PAYER)).statusCode).toBe(200);

    // The fixture peer has no NPI on file and the member no address: the writer refuses before writing.
    const refused = await client('billing').post('/api/v1/billing/batches', { payerPack: 'ca-dhcs' });
    expect(refused.statusCode).toBe(409);
    const messages = problemsOf(refused).map((problem) => problem.message);
    expect(
      messages.some((message) => /^Claim PL\d+ \(Fixture Member \d+, 2026-11-02\): .*NPI/i.test(message)),
    ).toBe(true);
    expect(messages.some((message) => /address|street|ZIP|postal/i.test(message))).toBe(true);
    const stillReady = ClaimListSchema.parse(
      (await client('billing').get('/api/v1/billing/claims?status=ready')).json(),
    );
    expect(stillReady.claims).toHaveLength(1);

    await store.db
      .updateTable('staff_profiles')
      .set({ npi: '9876543213' })
      .where('user_id', '=', fixture.users.peer.id)
      .execute();
    await store.db
      .updateTable('members')
      .set({ sex: 'F', address_line1: '12 Sample Way', city: 'Oakland', state: 'CA', postal_code: '94612' })
      .where('id', '=', member.id)
      .execute();
    const created = await client('billing').post('/api/v1/billing/batches', { payerPack: 'ca-dhcs' });
    expect(created.statusCode).toBe(201);
    const [batch] = BatchListSchema.parse(created.json()).batches;
    expect(batch).toMatchObject({ payerPack: 'ca-dhcs', claimCount: 1, lineCount: 1 });
    const file = await client('billing').get(`/api/v1/billing/batches/${batch?.id ?? ''}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toContain(batch?.fileName ?? 'missing');
    const interchange = new X12Parser(true).parse(file.body);
    if (Array.isArray(interchange)) throw new Error('one interchange expected');
    const segments = interchange.functionalGroups[0]?.transactions[0]?.segments ?? [];
    const valuesOf = (tag: string) =>
      segments
        .filter((segment) => segment.tag === tag)
        .map((segment) => segment.elements.map((element) => element.value));
    const [claim] = ClaimListSchema.parse(
      (await client('billing').get('/api/v1/billing/claims')).json(),
    ).claims;
    expect(valuesOf('CLM')[0]?.slice(0, 2)).toEqual([
      `PL${claim?.claimNumber ?? ''}`,
      String((claim?.totalCents ?? 0) / 100),
    ]);
    expect(valuesOf('SV1')[0]?.[0]).toBe('HC:H0038');
    expect(valuesOf('NM1').find((nm1) => nm1[0] === '82')?.[8]).toBe('9876543213');
    expect(valuesOf('NM1').find((nm1) => nm1[0] === 'IL')?.[8]).toBe(member.medicaidId);
    expect(claim?.status).toBe('batched');

    // The first file of this organisation and submitter; the settings show the next number, and will not go
    // back to one already sent.
    expect(Number(interchange.header.elements[12]?.value)).toBe(batch?.interchangeControlNumber);
    expect(file.body.slice(90, 99)).toBe(String(batch?.interchangeControlNumber).padStart(9, '0'));
    const sent = batch?.interchangeControlNumber ?? 0;
    const payers = PayerSettingsListSchema.parse(
      (await client('billing').get('/api/v1/billing/payers')).json(),
    );
    expect(payers.payers[0]?.nextInterchangeControlNumber).toBe(sent + 1);
    const lowered = await client('billing').put('/api/v1/billing/payers', {
      ...PAYER,
      nextInterchangeControlNumber: sent,
    });
    expect(lowered.statusCode).toBe(400);
    expect(problemsOf(lowered)).toEqual([
      expect.objectContaining({
        path: ['body', 'nextInterchangeControlNumber'],
        message: `Interchange control number ${sent} was already sent; enter ${sent + 1} or more.`,
      }),
    ]);
    const tooLong = await client('admin').put('/api/v1/billing/payers', {
      ...PAYER,
      nextInterchangeControlNumber: 1_000_000_000,
    });
    expect(tooLong.statusCode).toBe(400);
    expect(problemsOf(tooLong).map((problem) => problem.path)).toEqual([
      ['body', 'nextInterchangeControlNumber'],
    ]);
    const moved = await client('admin').put('/api/v1/billing/payers', {
      ...PAYER,
      nextInterchangeControlNumber: 5000,
    });
    expect(moved.statusCode).toBe(200);
    expect(PayerSettingsSchema.parse(moved.json()).nextInterchangeControlNumber).toBe(5000);

    // Control numbers never repeat: a second batch (of a new claim) takes the next one.
    expect(
      (await client('billing').post('/api/v1/billing/batches', { payerPack: 'ca-dhcs' })).json(),
    ).toEqual({
      batches: [],
    });
  });

  it('follows the payer’s answers: submitted, accepted, then a void that keeps the note from being billed again', async () => {
    const [batch] = BatchListSchema.parse(
      (await client('billing').get('/api/v1/billing/batches')).json(),
    ).batches;
    expect(
      (await client('billing').post(`/api/v1/billing/batches/${batch?.id ?? ''}/submitted`)).statusCode,
    ).toBe(200);
    const [claim] = ClaimListSchema.parse(
      (await client('billing').get('/api/v1/billing/claims')).json(),
    ).claims;
    expect(claim?.status).toBe('submitted');
    const url = `/api/v1/billing/claims/${claim?.id ?? ''}`;
    const noNumber = await client('billing').post(`${url}/status`, { status: 'accepted' });
    expect(noNumber.statusCode).toBe(400);
    expect(problemsOf(noNumber)[0]?.path).toEqual(['body', 'payerClaimNumber']);
    expect(
      (await client('billing').post(`${url}/status`, { status: 'accepted', payerClaimNumber: 'ICN-1' }))
        .statusCode,
    ).toBe(200);
    // A final status cannot be moved back.
    const backwards = await client('billing').post(`${url}/status`, { status: 'submitted' });
    expect(backwards.statusCode).toBe(409);

    const voided = await client('billing').post(`${url}/corrections`, {
      kind: 'void',
      reason: 'Billed in error.',
    });
    expect(voided.statusCode).toBe(201);
    const voidClaim = ClaimDetailSchema.parse(voided.json());
    expect(voidClaim).toMatchObject({ frequencyCode: '8', originalClaimId: claim?.id, status: 'ready' });
    expect(voidClaim.lines.map((line) => line.current)).toEqual([true]);
    // Its history starts with one event carrying the reason.
    expect(voidClaim.events.map((event) => [event.status, event.comment])).toEqual([
      ['ready', 'Billed in error.'],
    ]);
    const original = ClaimDetailSchema.parse((await client('billing').get(url)).json());
    expect(original.supersededBy).toBe(voidClaim.id);
    expect(original.lines.map((line) => line.current)).toEqual([false]);
    expect(
      (await client('billing').post(`${url}/corrections`, { kind: 'void', reason: 'again' })).statusCode,
    ).toBe(409);
    // The voided note stays off later runs.
    expect((await runToEnd('2026-11-02', '2026-11-02')).notesTotal).toBe(0);
  });

  it('bills a rejected claim’s notes again, and replaces an accepted one with the notes judged anew', async () => {
    await insertSignedNote(store.db, fixture, member, { date: '2026-11-10' });
    expect((await runToEnd('2026-11-10', '2026-11-10')).notesClaimed).toBe(1);
    const [claim] = ClaimListSchema.parse(
      (await client('billing').get('/api/v1/billing/claims?from=2026-11-10')).json(),
    ).claims;
    await client('billing').post('/api/v1/billing/batches', { payerPack: 'ca-dhcs' });
    const url = `/api/v1/billing/claims/${claim?.id ?? ''}`;
    expect((await client('billing').post(`${url}/status`, { status: 'submitted' })).statusCode).toBe(200);
    expect(
      (await client('billing').post(`${url}/status`, { status: 'rejected', comment: 'Bad payer id.' }))
        .statusCode,
    ).toBe(200);
    const rebilled = await runToEnd('2026-11-10', '2026-11-10');
    expect(rebilled.notesClaimed).toBe(1);

    const [again] = ClaimListSchema.parse(
      (await client('billing').get('/api/v1/billing/claims?from=2026-11-10&status=ready')).json(),
    ).claims;
    await client('billing').post('/api/v1/billing/batches', { payerPack: 'ca-dhcs' });
    const againUrl = `/api/v1/billing/claims/${again?.id ?? ''}`;
    await client('billing').post(`${againUrl}/status`, { status: 'submitted' });
    await client('billing').post(`${againUrl}/status`, { status: 'accepted', payerClaimNumber: 'ICN-2' });
    await client('billing').post(`${againUrl}/status`, { status: 'denied' });
    const replaced = await client('billing').post(`${againUrl}/corrections`, {
      kind: 'replace',
      reason: 'Corrected units.',
    });
    expect(replaced.statusCode).toBe(201);
    const replacement = ClaimDetailSchema.parse(replaced.json());
    expect(replacement).toMatchObject({ frequencyCode: '7', originalClaimId: again?.id });
    expect(replacement.lines).toHaveLength(1);
    const batched = BatchListSchema.parse(
      (await client('billing').post('/api/v1/billing/batches', { payerPack: 'ca-dhcs' })).json(),
    );
    const file = await client('billing').get(`/api/v1/billing/batches/${batched.batches[0]?.id ?? ''}/file`);
    expect(file.body).toMatch(/CLM\*PL\d+\*[\d.]+\*\*\*11:B:7\*/);
    expect(file.body).toContain('REF*F8*ICN-2~');
  });

  it('records prior authorizations and refuses a duplicate number', async () => {
    const body = {
      memberId: member.id,
      payerPack: 'ca-dhcs',
      number: 'PA-100',
      code: 'H0038',
      units: 40,
      from: '2026-11-01',
      to: '2027-01-31',
    };
    const created = await client('billing').post('/api/v1/billing/authorizations', body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ number: 'PA-100', units: 40, usedUnits: 0, remainingUnits: 40 });
    const duplicate = await client('billing').post('/api/v1/billing/authorizations', body);
    expect(duplicate.statusCode).toBe(409);
    expect(problemsOf(duplicate)[0]?.path).toEqual(['body', 'number']);
  });

  it('records an authorization’s modifiers and program, and refuses a program that could not use it', async () => {
    const body = {
      memberId: member.id,
      payerPack: 'ca-dhcs',
      code: 'H0038',
      units: 40,
      from: '2026-11-01',
      to: '2027-01-31',
    };
    const group = await client('billing').post('/api/v1/billing/authorizations', {
      ...body,
      number: 'PA-GROUP',
      modifiers: ['hq'],
      programId: member.programId,
    });
    expect(group.statusCode).toBe(201);
    expect(group.json()).toMatchObject({ modifiers: ['HQ'], program: { id: member.programId } });
    const individual = await client('billing').post('/api/v1/billing/authorizations', {
      ...body,
      number: 'PA-INDIVIDUAL',
    });
    expect(individual.json()).toMatchObject({ modifiers: [], program: null });

    const refusedWith = async (extra: Record<string, unknown>) => {
      const response = await client('billing').post('/api/v1/billing/authorizations', {
        ...body,
        number: 'PA-REFUSED',
        ...extra,
      });
      expect(response.statusCode).toBe(400);
      return problemsOf(response).map((problem) => problem.path.join('.'));
    };
    // A program of the organisation that does not bill the payer, and one that is not the organisation's.
    const ncProgram = memberOfProgramBilling('nc-wellcare').programId;
    expect(await refusedWith({ programId: ncProgram })).toEqual(['body.programId']);
    expect(await refusedWith({ programId: '00000000-0000-4000-8000-000000000000' })).toEqual([
      'body.programId',
    ]);
    expect(await refusedWith({ modifiers: ['HQX'] })).toEqual(['body.modifiers.0']);
    expect(await refusedWith({ modifiers: ['HQ', 'HQ'] })).toEqual(['body.modifiers']);
  });
});
