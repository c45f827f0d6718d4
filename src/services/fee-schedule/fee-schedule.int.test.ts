/**
 * The fee schedule kept and used (issue 11, rules catalog December 2026 review, "Money"): every role reads it,
 * billing staff add, change and remove lines with a history of who did what; a new price from a date ends the
 * price before it; overlaps, unknown payers and programs that do not bill the payer are refused; the CSV
 * goes out and comes back all-or-nothing; and a billing run holds a note with no charge on file — "Enter the
 * charge …" — then, once billing staff enter it, bills the note at that charge, in the claim and in the 837.
 * Runs on PGlite, and on PostgreSQL with TEST_DATABASE_URL.
 */
import { X12Parser } from 'node-x12';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ManualClock,
  complete837Records,
  createDocumentationFixture,
  createFixtureOrganisation,
  fixtureActor,
  insertApprovedPlan,
  insertSignedNote,
  kindOf,
  openTestStore,
  testContext,
  testDatabaseKind,
  testPayerSettings,
  type DocumentationFixture,
  type FixtureMember,
  type FixtureOrganisation,
  type TestStore,
} from '../../testing/index.js';
import {
  batchFile,
  export837Stream,
  processBillingRun,
  savePayerSettings,
  startBillingRun,
} from '../billing/index.js';
import type { ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';
import { addFee, changeFee, exportFeesCsv, feeHistory, importFeesCsv, listFees, removeFee } from './index.js';

let store: TestStore;
let ctx: ServiceContext;
let fixture: DocumentationFixture;
let other: FixtureOrganisation;
let member: FixtureMember;

beforeAll(async () => {
  store = await openTestStore();
  ctx = testContext(store, new ManualClock('2026-12-15T18:00:00Z'));
  fixture = await createDocumentationFixture(ctx, 'fees');
  other = await createFixtureOrganisation(ctx, 'other-fees');
  const program = fixture.programs.find((each) => each.payerPacks[0] === 'ca-dhcs');
  const found = fixture.members.find((each) => each.programId === program?.id);
  if (found === undefined) throw new Error('the fixture has no program billing ca-dhcs first');
  member = found;
  await insertApprovedPlan(store.db, fixture, member, '2026-01-01');
});

afterAll(async () => {
  await store.dispose();
});

async function refusal(promise: Promise<unknown>): Promise<ServiceError> {
  const error: unknown = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof ServiceError)) throw new Error(`expected a ServiceError, not ${String(error)}`);
  return error;
}

const billing = () => fixtureActor(fixture, 'billing');

describe(`the fee schedule on ${testDatabaseKind()}`, () => {
  it('is read by every role, each line with the payer’s own rate beside it where the sources give one', async () => {
    const fees = await listFees(ctx, fixtureActor(fixture, 'peer'), {});
    const line = (payerPack: string, key: string) =>
      fees.find((fee) => fee.payerPack === payerPack && [fee.code, ...fee.modifiers].join(' ') === key);
    // 003: $11.75 and $4.37 a unit; 004: $46.67; 000 gives none for H0038 and H0025 is H0038's ÷ 4.5 (the
    // fixture's California H0038 expected rate is $40.00: $8.89); 002 gives none.
    expect(line('ks-pahp', 'H0038')?.packUnitRateCents).toBe(1175);
    expect(line('ks-pahp', 'H0038 HQ')?.packUnitRateCents).toBe(437);
    expect(line('ca-la-sapc', 'H0050 HF')?.packUnitRateCents).toBe(4667);
    expect(line('ca-dhcs', 'H0038')?.packUnitRateCents).toBeNull();
    expect(line('ca-dhcs', 'H0025')?.packUnitRateCents).toBe(889);
    expect(line('nc-wellcare', 'H0038 HQ')?.packUnitRateCents).toBeNull();
    expect(line('nc-wellcare', 'H0038 HQ')?.payerName).toMatch(/WellCare/);
    expect(await listFees(ctx, fixtureActor(fixture, 'peer'), { payerPack: 'ks-pahp' })).toHaveLength(2);
    // Another organisation's lines are not in the list.
    const ids = new Set(fees.map((fee) => fee.id));
    const theirs = await listFees(ctx, fixtureActor(other, 'billing'), {});
    expect(theirs.some((fee) => ids.has(fee.id))).toBe(false);
  });

  it('ends the open-ended price the day before a new one starts, and keeps who changed what', async () => {
    const added = await addFee(ctx, billing(), {
      payerPack: 'ks-pahp',
      programId: null,
      code: 'H0038',
      modifiers: ['HQ'],
      effectiveFrom: '2027-07-01',
      effectiveTo: null,
      unitChargeCents: 550,
      expectedUnitRateCents: 450,
    });
    expect(added).toMatchObject({ unitChargeCents: 550, expectedUnitRateCents: 450, effectiveTo: null });
    expect(added.updatedBy).toMatch(/^billing fees/);
    const group = (await listFees(ctx, billing(), { payerPack: 'ks-pahp' })).filter((fee) =>
      fee.modifiers.includes('HQ'),
    );
    expect(group.map((fee) => [fee.effectiveFrom, fee.effectiveTo, fee.unitChargeCents])).toEqual([
      ['2020-01-01', '2027-06-30', 500],
      ['2027-07-01', null, 550],
    ]);
    // Only the line in force on a date is listed for it.
    const onDate = await listFees(ctx, billing(), { payerPack: 'ks-pahp', on: '2027-07-01' });
    expect(onDate.find((fee) => fee.modifiers.includes('HQ'))?.unitChargeCents).toBe(550);
    const history = await feeHistory(ctx, billing(), {});
    const previous = group[0]?.id;
    expect(history.slice(0, 2).map((change) => [change.action, change.feeId, change.changedBy])).toEqual([
      ['added', added.id, expect.stringMatching(/^billing fees/) as string],
      ['changed', previous, expect.stringMatching(/^billing fees/) as string],
    ]);
    expect(history[1]?.before?.effectiveTo).toBeNull();
    expect(history[1]?.after?.effectiveTo).toBe('2027-06-30');
    const audited = await store.db
      .selectFrom('audit_events')
      .select('action')
      .where('organisation_id', '=', fixture.id)
      .where('record_type', '=', 'fee_schedule')
      .execute();
    expect(audited.map((event) => event.action).sort()).toEqual([
      'fee_schedule.added',
      'fee_schedule.changed',
    ]);
  });

  it('refuses overlapping dates, a payer without a pack, a program not billing the payer, and peers', async () => {
    const base = {
      payerPack: 'nc-wellcare',
      programId: null,
      code: 'H0038',
      modifiers: [],
      effectiveFrom: '2019-01-01',
      effectiveTo: '2020-06-30',
      unitChargeCents: 900,
      expectedUnitRateCents: null,
    };
    const overlap = await refusal(addFee(ctx, billing(), base));
    expect(overlap.kind).toBe('conflict');
    expect(overlap.problems[0]?.message).toContain('H0038 under WellCare of North Carolina from 2020-01-01');
    expect(overlap.problems[0]?.path).toEqual(['effectiveFrom']);

    const unknown = await refusal(addFee(ctx, billing(), { ...base, payerPack: 'zz-nowhere' }));
    expect(unknown.kind).toBe('invalid');
    expect(unknown.problems[0]?.path).toEqual(['payerPack']);

    const caProgram = fixture.programs.find((program) => !program.payerPacks.includes('nc-wellcare'));
    const notBilling = await refusal(
      addFee(ctx, billing(), { ...base, effectiveTo: '2019-06-30', programId: caProgram?.id ?? null }),
    );
    expect(notBilling.problems[0]).toMatchObject({ code: 'fee.program_payer', path: ['programId'] });

    expect(await kindOf(addFee(ctx, fixtureActor(fixture, 'peer'), base))).toBe('forbidden');
    expect(await kindOf(feeHistory(ctx, fixtureActor(fixture, 'supervisor'), {}))).toBe('forbidden');
    // Nothing was written by the refusals.
    const nc = await listFees(ctx, billing(), { payerPack: 'nc-wellcare' });
    expect(nc.map((fee) => fee.effectiveFrom)).toEqual(['2020-01-01', '2020-01-01']);
  });

  it('changes and removes the organisation’s own lines only', async () => {
    const [line] = await listFees(ctx, billing(), { payerPack: 'ca-la-sapc' });
    if (line === undefined) throw new Error('no Los Angeles line');
    const change = {
      effectiveFrom: line.effectiveFrom,
      effectiveTo: null,
      unitChargeCents: 6000,
      expectedUnitRateCents: null,
    };
    expect(await kindOf(changeFee(ctx, fixtureActor(other, 'billing'), line.id, change))).toBe('not_found');
    expect(await kindOf(removeFee(ctx, fixtureActor(other, 'billing'), line.id))).toBe('not_found');
    expect((await changeFee(ctx, billing(), line.id, change)).unitChargeCents).toBe(6000);
    await removeFee(ctx, billing(), line.id);
    expect((await listFees(ctx, billing(), {})).some((fee) => fee.id === line.id)).toBe(false);
    const history = await feeHistory(ctx, billing(), { feeId: line.id });
    // Newest first, back to the fixture's schedule being set up.
    expect(history.map((each) => each.action)).toEqual(['removed', 'changed', 'added']);
    expect(history[0]?.before?.unitChargeCents).toBe(6000);
    expect(history[0]?.after).toBeNull();
  });

  it('exports CSV that imports back unchanged; a changed price changes its line; a bad file writes nothing', async () => {
    const csv = await exportFeesCsv(ctx, billing());
    const [header, ...rows] = csv.trimEnd().split('\r\n');
    expect(header).toBe('payer,payer_name,program,code,modifiers,from,to,charge,expected_rate');
    expect(rows).toContain('ks-pahp,Kansas Mental Health PAHP,,H0038,HQ,2027-07-01,,5.50,4.50');
    const count = (await listFees(ctx, billing(), {})).length;
    expect(await importFeesCsv(ctx, billing(), csv)).toEqual({ added: 0, changed: 0, unchanged: count });

    const raised = csv.replace(',H0038,HQ,2027-07-01,,5.50,4.50', ',H0038,HQ,2027-07-01,,5.75,4.50');
    expect(await importFeesCsv(ctx, billing(), raised)).toEqual({
      added: 0,
      changed: 1,
      unchanged: count - 1,
    });

    // Two bad cells in two rows, and a good new row: every bad cell named, nothing written.
    const bad = [
      header,
      'nc-wellcare,,,H0038,,2030-01-01,,twelve,',
      'ks-pahp,,No such program,H0038,,2030-01-01,,12.00,',
      'ks-pahp,,,H0025,,2030-01-01,,12.00,',
    ].join('\r\n');
    const refused = await refusal(importFeesCsv(ctx, billing(), bad));
    expect(refused.kind).toBe('invalid');
    expect(refused.problems.map((problem) => problem.path)).toEqual([
      ['csv', 1, 'charge'],
      ['csv', 2, 'program'],
    ]);
    expect(refused.problems[0]?.message).toMatch(/^Row 1, charge: /);
    // A row overlapping a line on file: the whole file is refused, naming the row.
    const overlapping = [
      header,
      'ks-pahp,,,H0025,,2030-01-01,,12.00,',
      'nc-wellcare,,,H0038,,2019-01-01,2020-06-30,9.00,',
    ].join('\r\n');
    const conflict = await refusal(importFeesCsv(ctx, billing(), overlapping));
    expect(conflict.kind).toBe('conflict');
    expect(conflict.problems[0]?.message).toMatch(/^Row 2: /);
    expect(conflict.problems[0]?.path).toEqual(['csv', 2, 'effectiveFrom']);
    expect((await listFees(ctx, billing(), {})).length).toBe(count);
    expect(await kindOf(importFeesCsv(ctx, billing(), 'code,charge\r\nH0038,1.00'))).toBe('invalid');
  });

  it('holds a note with no charge on file, then bills it at the charge entered, in the claim and the 837', async () => {
    // The fixture's California H0038 price goes; a 30-minute note (2 units) is signed on 2 November.
    const [h0038] = (await listFees(ctx, billing(), { payerPack: 'ca-dhcs' })).filter(
      (fee) => fee.code === 'H0038',
    );
    if (h0038 === undefined) throw new Error('no California H0038 line');
    await removeFee(ctx, billing(), h0038.id);
    const noteId = await insertSignedNote(store.db, fixture, member, { date: '2026-11-02' });
    const bill = async () => {
      const run = await startBillingRun(ctx, billing(), { from: '2026-11-01', to: '2026-11-30' });
      return processBillingRun(ctx, billing(), run.id);
    };
    expect((await bill()).notesHeld).toBe(1);
    const hold = await store.db
      .selectFrom('billing_holds')
      .select('problems')
      .where('note_id', '=', noteId)
      .executeTakeFirstOrThrow();
    expect(hold.problems).toContainEqual(
      expect.objectContaining({
        code: 'ca-dhcs.charge.present',
        severity: 'error',
        message:
          'Enter the charge for H0038 under California Medi-Cal (DHCS) from 2026-11-02 on the Fee schedule page.',
        path: ['fees'],
      }),
    );

    await addFee(ctx, billing(), {
      payerPack: 'ca-dhcs',
      programId: null,
      code: 'H0038',
      modifiers: [],
      effectiveFrom: '2026-07-01',
      effectiveTo: null,
      unitChargeCents: 6125,
      expectedUnitRateCents: null,
    });
    const run = await bill();
    expect(run).toMatchObject({ notesClaimed: 1, notesHeld: 0, chargeCents: 2 * 6125 });
    const line = await store.db
      .selectFrom('claim_lines')
      .select(['unit_charge_cents', 'charge_cents', 'expected_unit_rate_cents', 'expected_cents'])
      .where('note_id', '=', noteId)
      .executeTakeFirstOrThrow();
    // No expected rate on file, and none in the statewide sources: unknown, never Los Angeles's $46.67.
    expect(line).toEqual({
      unit_charge_cents: 6125,
      charge_cents: 12_250,
      expected_unit_rate_cents: null,
      expected_cents: null,
    });

    await complete837Records(store.db, fixture, [member.id]);
    await savePayerSettings(ctx, billing(), testPayerSettings('ca-dhcs'));
    const { batches } = await export837Stream(ctx, billing(), 'ca-dhcs');
    expect(batches).toHaveLength(1);
    const { content } = await batchFile(ctx, billing(), batches[0]?.id ?? '');
    const interchange = new X12Parser(true).parse(content);
    if (Array.isArray(interchange)) throw new Error('one interchange expected');
    const segments = interchange.functionalGroups.flatMap((group) =>
      group.transactions.flatMap((transaction) => transaction.segments),
    );
    const value = (tag: string, index: number) =>
      segments.find((segment) => segment.tag === tag)?.elements[index]?.value;
    expect(value('CLM', 1)).toBe('122.5');
    expect(value('SV1', 1)).toBe('122.5');
    expect(value('SV1', 3)).toBe('2');
  });
});
