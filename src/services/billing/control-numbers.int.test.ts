/**
 * Interchange control numbers on the real database (PGlite, and PostgreSQL with TEST_DATABASE_URL): counted
 * per organisation and submitter id, set by billing staff to continue another system's series, never set back
 * to a number already sent, and taken once each by exports running at the same time. ISA13 is read back from
 * the files with node-x12, and as the nine digits the file carries.
 */
import { X12Parser } from 'node-x12';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PayerSettings } from '../../shared/api/billing.js';
import {
  ManualClock,
  createDocumentationFixture,
  fixtureActor,
  insertApprovedPlan,
  insertSignedNote,
  openTestStore,
  testContext,
  testDatabaseKind,
  type DocumentationFixture,
  type FixtureMember,
  type TestStore,
} from '../../testing/index.js';
import type { ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';
import {
  batchFile,
  export837Stream,
  listPayerSettings,
  processBillingRun,
  savePayerSettings,
  startBillingRun,
} from './index.js';

let store: TestStore;
let ctx: ServiceContext;

/** An organisation whose Medi-Cal members have claims ready, and what the 837 needs of them. */
interface Billed {
  fixture: DocumentationFixture;
  members: FixtureMember[];
}

/** Both organisations send as the same submitter id (a clearinghouse's, say). */
const SETTINGS: Omit<PayerSettings, 'nextInterchangeControlNumber'> = {
  payerPack: 'ca-dhcs',
  payerName: 'Medi-Cal Test Payer',
  payerId: 'MCTEST',
  receiverName: 'Test Clearinghouse',
  receiverId: 'RECEIVER01',
  submitterName: 'Shared Clearinghouse',
  submitterId: 'SHARED01',
  contactName: 'Billing Desk',
  contactPhone: '5105550142',
  usageIndicator: 'T',
};

async function billedOrganisation(name: string, dates: readonly string[]): Promise<Billed> {
  const fixture = await createDocumentationFixture(ctx, name);
  const members = ['ca-acbhd', 'ca-la-sapc'].map((pack) => {
    const program = fixture.programs.find((each) => each.payerPacks.includes(pack));
    const found = fixture.members.find((each) => each.programId === program?.id);
    if (found === undefined) throw new Error(`the fixture has no program billing ${pack}`);
    return found;
  });
  for (const member of members) {
    await insertApprovedPlan(store.db, fixture, member, '2026-01-01');
    for (const date of dates) await insertSignedNote(store.db, fixture, member, { date });
  }
  await store.db
    .updateTable('staff_profiles')
    .set({ npi: '9876543213' })
    .where('user_id', '=', fixture.users.peer.id)
    .execute();
  await store.db
    .updateTable('members')
    .set({ sex: 'F', address_line1: '12 Sample Way', city: 'Oakland', state: 'CA', postal_code: '94612' })
    .where(
      'id',
      'in',
      members.map((member) => member.id),
    )
    .execute();
  await bill({ fixture, members }, '2026-11-01', '2026-11-30');
  return { fixture, members };
}

async function bill(billed: Billed, from: string, to: string): Promise<void> {
  const actor = fixtureActor(billed.fixture, 'billing');
  const run = await startBillingRun(ctx, actor, { from, to });
  expect((await processBillingRun(ctx, actor, run.id)).status).toBe('finished');
}

/** The ISA13 of each batch an export made, read by node-x12 and as written (nine digits). */
async function exportedControlNumbers(
  billed: Billed,
  options: { programId?: string } = {},
): Promise<{ read: number; written: string }[]> {
  const actor = fixtureActor(billed.fixture, 'billing');
  const { batches } = await export837Stream(ctx, actor, 'ca-dhcs', undefined, options);
  const numbers: { read: number; written: string }[] = [];
  for (const batch of batches) {
    const { content } = await batchFile(ctx, actor, batch.id);
    const interchange = new X12Parser(true).parse(content);
    if (Array.isArray(interchange)) throw new Error('one interchange expected');
    // node-x12 reads ISA13 as a number ('000000001' → '1'); the nine digits are in the text itself.
    const read = Number(interchange.header.elements[12]?.value);
    expect(batch.interchangeControlNumber).toBe(read);
    numbers.push({ read, written: content.slice(90, 99) });
  }
  return numbers;
}

async function refusal(promise: Promise<unknown>): Promise<ServiceError> {
  const error: unknown = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof ServiceError)) throw new Error(`expected a ServiceError, not ${String(error)}`);
  return error;
}

let first: Billed;
let second: Billed;

beforeAll(async () => {
  store = await openTestStore();
  ctx = testContext(store, new ManualClock('2026-11-30T18:00:00Z'));
  first = await billedOrganisation('control-first', ['2026-11-02']);
  second = await billedOrganisation('control-second', ['2026-11-02']);
});

afterAll(async () => {
  await store.dispose();
});

describe(`interchange control numbers on ${testDatabaseKind()}`, () => {
  it('start at the number billing staff set, then count up; another organisation with the same submitter id counts on its own', async () => {
    const billing = fixtureActor(first.fixture, 'billing');
    // Before anything is sent, the settings show the number the first file will take.
    expect((await savePayerSettings(ctx, billing, SETTINGS)).nextInterchangeControlNumber).toBe(1);
    const saved = await savePayerSettings(ctx, billing, {
      ...SETTINGS,
      nextInterchangeControlNumber: 123456789,
    });
    expect(saved.nextInterchangeControlNumber).toBe(123456789);
    await savePayerSettings(ctx, fixtureActor(second.fixture, 'admin'), SETTINGS);

    // One file per program: two files, numbered on from the number set.
    expect(await exportedControlNumbers(first)).toEqual([
      { read: 123456789, written: '123456789' },
      { read: 123456790, written: '123456790' },
    ]);
    expect(await exportedControlNumbers(second)).toEqual([
      { read: 1, written: '000000001' },
      { read: 2, written: '000000002' },
    ]);
    // The next export of the first organisation takes the next number.
    await insertSignedNote(store.db, first.fixture, first.members[0] as FixtureMember, {
      date: '2026-11-03',
    });
    await bill(first, '2026-11-01', '2026-11-30');
    expect(await exportedControlNumbers(first)).toEqual([{ read: 123456791, written: '123456791' }]);
    expect((await listPayerSettings(ctx, billing))[0]?.nextInterchangeControlNumber).toBe(123456792);
    expect(
      (await listPayerSettings(ctx, fixtureActor(second.fixture, 'billing')))[0]
        ?.nextInterchangeControlNumber,
    ).toBe(3);

    const audit = await store.db
      .selectFrom('audit_events')
      .select('details')
      .where('organisation_id', '=', first.fixture.id)
      .where('action', '=', 'payer_settings.save')
      .execute();
    expect(audit.map((event) => event.details)).toContainEqual({
      payerPack: 'ca-dhcs',
      submitterId: 'SHARED01',
      nextInterchangeControlNumber: 123456789,
    });
  });

  it('refuses a number already sent from the submitter, naming the lowest allowed, and saves nothing', async () => {
    const billing = fixtureActor(first.fixture, 'billing');
    const error = await refusal(
      savePayerSettings(ctx, billing, {
        ...SETTINGS,
        contactName: 'Someone Else',
        nextInterchangeControlNumber: 123456790,
      }),
    );
    expect(error.kind).toBe('invalid');
    expect(error.problems).toEqual([
      expect.objectContaining({
        path: ['body', 'nextInterchangeControlNumber'],
        message: 'Interchange control number 123456791 was already sent; enter 123456792 or more.',
      }),
    ]);
    const [settings] = await listPayerSettings(ctx, billing);
    expect(settings).toMatchObject({ contactName: 'Billing Desk', nextInterchangeControlNumber: 123456792 });
    // The other organisation's numbers are its own: it may go on from its own, far lower.
    const other = await savePayerSettings(ctx, fixtureActor(second.fixture, 'billing'), {
      ...SETTINGS,
      nextInterchangeControlNumber: 3,
    });
    expect(other.nextInterchangeControlNumber).toBe(3);
    // Moving on (or back to the lowest unsent number) is allowed.
    expect(
      (await savePayerSettings(ctx, billing, { ...SETTINGS, nextInterchangeControlNumber: 123456792 }))
        .nextInterchangeControlNumber,
    ).toBe(123456792);
  });

  it('gives two exports at once for one submitter different numbers', async () => {
    for (const member of second.members) {
      await insertSignedNote(store.db, second.fixture, member, { date: '2026-11-04' });
    }
    await bill(second, '2026-11-01', '2026-11-30');
    const [a, b] = await Promise.all(
      second.members.map((member) => exportedControlNumbers(second, { programId: member.programId })),
    );
    expect([...(a ?? []), ...(b ?? [])].map((each) => each.read).sort()).toEqual([3, 4]);
  });
});
