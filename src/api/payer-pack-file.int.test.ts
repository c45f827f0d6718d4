/**
 * A sixth payer from one file, as docs/ADDING-A-PAYER.md walks through: `src/testing/packs/zz-test.json`
 * (a fictional payer, Zedland) is installed the way `PEERLINE_PACKS_DIR` installs it at start-up, and nothing
 * else in Peerline names it. Over HTTP on a real database an admin points a program at it, billing staff
 * record a member's coverage and its 837 settings, a peer writes a note — the form and the live preview
 * speak Zedland's rules, code, place of service and rate — signs it, a supervisor co-signs, a billing run
 * claims it and the 837 file carries it. A pack file with a bad rule stops start-up naming the file, rule
 * and field.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { X12Parser } from 'node-x12';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/main.js';
import { installPackFiles, packageRoot } from '../config/index.js';
import { BatchListSchema, BillingRunSchema, type BillingRun } from '../shared/api/billing.js';
import { ClaimPreviewSchema } from '../shared/api/claims.js';
import { NoteResponseSchema, SaveDraftResponseSchema } from '../shared/api/notes.js';
import { OrganisationResponseSchema, ProgramSchema } from '../shared/api/organisation.js';
import type { Problem } from '../shared/problem.js';
import {
  createDocumentationFixture,
  insertApprovedPlan,
  ManualClock,
  openTestStore,
  problemsOf as problemsIn,
  startTestApp,
  testContext,
  testDatabaseKind,
  type DocumentationFixture,
  type FixtureMember,
  type HttpClient,
  type TestApp,
  type TestStore,
} from '../testing/index.js';

const PACKS_DIR = path.join(packageRoot(), 'src', 'testing', 'packs');
const PACK = 'zz-test';

let store: TestStore;
let testApp: TestApp;
let fixture: DocumentationFixture;
let member: FixtureMember;
let admin: HttpClient;
let billing: HttpClient;
let peer: HttpClient;
let supervisor: HttpClient;

beforeAll(async () => {
  // What `peerline serve` does with PEERLINE_PACKS_DIR before anything else.
  expect(installPackFiles(PACKS_DIR)).toEqual([PACK]);
  store = await openTestStore();
  // Monday 2026-11-23, 10:00 in California.
  const ctx = testContext(store, new ManualClock('2026-11-23T18:00:00Z'));
  testApp = await startTestApp(store, ctx);
  fixture = await createDocumentationFixture(ctx, 'sixth-pack');
  const first = fixture.members[0];
  if (first === undefined) throw new Error('the fixture has no member');
  member = first;
  await insertApprovedPlan(store.db, fixture, member, '2026-01-01');
  admin = await testApp.signIn(fixture.users.admin.email);
  billing = await testApp.signIn(fixture.users.billing.email);
  peer = await testApp.signIn(fixture.users.peer.email);
  supervisor = await testApp.signIn(fixture.users.supervisor.email);
});

afterAll(async () => {
  await testApp.close();
  await store.dispose();
});

function problemsOf(response: LightMyRequestResponse, status: number): Problem[] {
  expect(response.statusCode, response.body).toBe(status);
  return problemsIn(response);
}

async function runToEnd(from: string, to: string): Promise<BillingRun> {
  const started = await billing.post('/api/v1/billing/runs', { from, to, payerPack: PACK });
  expect(started.statusCode, started.body).toBe(202);
  let run = BillingRunSchema.parse(started.json());
  for (let attempt = 0; attempt < 200 && run.status === 'running'; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    run = BillingRunSchema.parse((await billing.get(`/api/v1/billing/runs/${run.id}`)).json());
  }
  return run;
}

describe(`a payer pack from a file, on ${testDatabaseKind()}`, () => {
  it('is listed with the payers, and a program can bill it', async () => {
    const overview = OrganisationResponseSchema.parse((await admin.get('/api/v1/organisation')).json());
    expect(overview.payers).toContainEqual({ id: PACK, name: 'Zedland Community Health Plan (fictional)' });
    expect(overview.payers.map((payer) => payer.id).indexOf(PACK)).toBe(overview.payers.length - 1);

    const unknown = await admin.put(`/api/v1/organisation/programs/${member.programId}/payers`, {
      payerPacks: ['zz-none'],
    });
    expect(problemsOf(unknown, 400).map((problem) => [problem.path.join('.'), problem.code])).toEqual([
      ['body.payerPacks.0', 'payer_pack.unknown'],
    ]);
    expect(problemsOf(unknown, 400)[0]?.message).toContain(
      'zz-test (Zedland Community Health Plan (fictional))',
    );
    const refused = await billing.put(`/api/v1/organisation/programs/${member.programId}/payers`, {
      payerPacks: [PACK],
    });
    expect(refused.statusCode).toBe(403);

    const set = await admin.put(`/api/v1/organisation/programs/${member.programId}/payers`, {
      payerPacks: [PACK],
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(ProgramSchema.parse(set.json()).payerPacks).toEqual([PACK]);

    const coverage = await billing.post(`/api/v1/members/${member.id}/coverage`, {
      payerPack: PACK,
      planName: 'Zedland Community Health Plan',
      memberNumber: 'ZED12345',
      from: '2026-01-01',
    });
    expect(coverage.statusCode, coverage.body).toBe(201);
    const settings = await billing.put('/api/v1/billing/payers', {
      payerPack: PACK,
      payerName: 'Zedland Health',
      payerId: 'ZEDLAND01',
      receiverName: 'Test Clearinghouse',
      receiverId: 'RECEIVER01',
      submitterName: 'Peerline Test Agency',
      submitterId: 'SUBMIT01',
      contactName: 'Billing Desk',
      contactPhone: '5105550142',
      usageIndicator: 'T',
    });
    expect(settings.statusCode, settings.body).toBe(200);
  });

  it('judges a note by its rules in the form, signs it, bills it and writes it into an 837 file', async () => {
    const created = await peer.post('/api/v1/notes', {
      memberId: member.id,
      serviceType: 'engagement',
      dateOfService: '2026-11-20',
    });
    expect(created.statusCode, created.body).toBe(201);
    const draft = NoteResponseSchema.parse(created.json());
    // The form's needs come from the pack: its payer, the modifier a peer may add (GT; HQ is the group
    // procedure's), its own due date (4 business days: Thursday 26 November is Thanksgiving).
    expect(draft.form).toMatchObject({
      payer: { id: PACK, name: 'Zedland Community Health Plan (fictional)' },
      modifiers: ['GT'],
      asksPlanOfCareNote: false,
      consent: null,
    });
    expect(draft.note.dueOn).toBe('2026-11-27');

    const fields = {
      ...draft.note.fields,
      start: '10:00',
      end: '10:50',
      recipient: 'family_without_member',
      pin: {
        plan: 'Practise asking for help.',
        interaction: 'Role-played a call to the housing office.',
        nextSteps: 'The member makes the call on Friday.',
      },
    };
    const saved = await peer.put(`/api/v1/notes/${draft.note.id}/draft`, { revision: 1, fields });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(SaveDraftResponseSchema.parse(saved.json()).form.payer?.id).toBe(PACK);

    // Zedland's own rule, live in the preview with its message and citation.
    const held = ClaimPreviewSchema.parse(
      (await peer.post(`/api/v1/notes/${draft.note.id}/preview`, { fields })).json(),
    );
    expect(held.pack.id).toBe(PACK);
    const memberPresent = held.problems.find(
      (problem) => problem.code === 'zz-test.recipient.member_present',
    );
    expect(memberPresent).toMatchObject({
      severity: 'error',
      path: ['fields', 'recipient'],
      source: { document: 'zz-test-contract.txt', section: 'Services' },
    });

    const billable = { ...fields, recipient: 'member' };
    const previewOf = async () =>
      ClaimPreviewSchema.parse(
        (await peer.post(`/api/v1/notes/${draft.note.id}/preview`, { fields: billable })).json(),
      );
    // A new payer has no price yet: the preview says so, and billing staff enter it on the fee schedule.
    expect((await previewOf()).problems.filter((problem) => problem.severity === 'error')).toEqual([
      expect.objectContaining({
        code: 'zz-test.charge.present',
        message:
          'Enter the charge for H0038 under Zedland Community Health Plan (fictional) from 2026-11-20 on the Fee schedule page.',
        path: ['fees'],
      }),
    ]);
    const fee = await billing.post('/api/v1/fee-schedule', {
      payerPack: PACK,
      code: 'H0038',
      effectiveFrom: '2026-01-01',
      unitChargeCents: 2500,
    });
    expect(fee.statusCode, fee.body).toBe(201);
    const preview = await previewOf();
    expect(preview.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    // Charged $25.00 a unit; expected at the pack file's own rate, $20.00.
    expect(preview.lines).toEqual([
      expect.objectContaining({
        code: 'H0038',
        modifiers: [],
        units: 3,
        placeOfService: '99',
        chargeCents: 7500,
        expectedCents: 6000,
      }),
    ]);

    const resaved = await peer.put(`/api/v1/notes/${draft.note.id}/draft`, { revision: 2, fields: billable });
    expect(resaved.statusCode, resaved.body).toBe(200);
    const signed = await peer.post(`/api/v1/notes/${draft.note.id}/sign`, { revision: 3 });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(NoteResponseSchema.parse(signed.json()).preview?.lines[0]).toMatchObject({
      code: 'H0038',
      chargeCents: 7500,
    });
    const cosigned = await supervisor.post(`/api/v1/notes/${draft.note.id}/cosign`, {});
    expect(cosigned.statusCode, cosigned.body).toBe(200);

    const run = await runToEnd('2026-11-01', '2026-11-22');
    expect(run).toMatchObject({
      status: 'finished',
      payerPack: PACK,
      notesTotal: 1,
      notesClaimed: 1,
      notesHeld: 0,
    });

    // What every 837 needs whatever the payer (the fixture leaves them blank), as the billing suite sets them.
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
    const created837 = await billing.post('/api/v1/billing/batches', { payerPack: PACK });
    expect(created837.statusCode, created837.body).toBe(201);
    const [batch] = BatchListSchema.parse(created837.json()).batches;
    expect(batch).toMatchObject({ payerPack: PACK, claimCount: 1, lineCount: 1 });
    const file = await billing.get(`/api/v1/billing/batches/${batch?.id ?? ''}/file`);
    expect(file.statusCode).toBe(200);
    const interchange = new X12Parser(true).parse(file.body);
    if (Array.isArray(interchange)) throw new Error('one interchange expected');
    const segments = interchange.functionalGroups[0]?.transactions[0]?.segments ?? [];
    const valuesOf = (tag: string): string[][] =>
      segments
        .filter((segment) => segment.tag === tag)
        .map((segment) => segment.elements.map((element) => element.value));
    expect(
      valuesOf('NM1')
        .find((nm1) => nm1[0] === 'PR')
        ?.slice(2, 3),
    ).toEqual(['ZEDLAND HEALTH']);
    expect(valuesOf('NM1').find((nm1) => nm1[0] === 'IL')?.[8]).toBe('ZED12345');
    expect(valuesOf('SV1')[0]?.slice(0, 4)).toEqual(['HC:H0038', '75', 'UN', '3']);
  });

  it('refuses a pack id it has no pack for wherever one is stored', async () => {
    const coverage = await billing.post(`/api/v1/members/${member.id}/coverage`, {
      payerPack: 'zz-none',
      planName: 'Nobody',
      memberNumber: 'NONE12345',
      from: '2026-01-01',
    });
    expect(problemsOf(coverage, 400).map((problem) => problem.path.join('.'))).toEqual(['body.payerPack']);
    const run = await billing.post('/api/v1/billing/runs', {
      from: '2026-11-01',
      to: '2026-11-22',
      payerPack: 'zz-none',
    });
    expect(problemsOf(run, 400)[0]?.code).toBe('payer_pack.unknown');
    const batch = await billing.post('/api/v1/billing/batches', { payerPack: 'zz-none' });
    expect(problemsOf(batch, 400)[0]?.code).toBe('payer_pack.unknown');
  });
});

describe('a pack file with a bad rule', () => {
  it('stops start-up naming the file, the rule and the field', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'peerline-packs-'));
    try {
      const file = path.join(directory, 'zz-bad.json');
      writeFileSync(
        file,
        JSON.stringify({
          id: 'zz-bad',
          name: 'Bad',
          version: '1',
          sources: ['x'],
          description: 'A pack with a bad rule.',
          rules: [{ id: 'zz-bad.rule', version: '1', effectiveFrom: '2026-01-01', severity: 'fatal' }],
        }),
      );
      const errors: string[] = [];
      const code = await runCli(['serve'], {
        out: () => undefined,
        err: (text) => errors.push(text),
        readStdin: async () => '',
        env: { PEERLINE_PACKS_DIR: directory, PORT: '0', PEERLINE_DATA_DIR: path.join(directory, 'data') },
      });
      expect(code).toBe(1);
      expect(errors.join('\n')).toMatch(
        new RegExp(
          `^Pack file ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: pack zz-bad: rule zz-bad\\.rule, field severity: `,
        ),
      );
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
