/**
 * Lines of one claim with the same code, modifiers and date (rules-catalog.md, December review, "Claims"), through
 * a billing run and the 837 file on the real database: under the built-in packs' default (`separate`) each note
 * goes out as its own line with its own units and line control number; under a pack that sets `combine` (here
 * a pack file overlaying ca-dhcs, installed as `PEERLINE_PACKS_DIR` would) one line per code, modifiers and day
 * goes out, its units from the day's total direct minutes — while every note keeps its own claim line, so none
 * is billed twice or lost. A void of a combined claim charges what the original did.
 */
import { X12Parser } from 'node-x12';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPack, installPacks } from '../../engine/index.js';
import type { Role } from '../../shared/roles.js';
import {
  ManualClock,
  complete837Records,
  createDocumentationFixture,
  fixtureActor,
  insertApprovedPlan,
  insertSignedNote,
  openTestStore,
  testContext,
  testDatabaseKind,
  testPayerSettings,
  type DocumentationFixture,
  type FixtureMember,
  type TestStore,
} from '../../testing/index.js';
import type { Actor, ServiceContext } from '../context.js';
import {
  batchFile,
  changeClaimStatus,
  correctClaim,
  export837Stream,
  processBillingRun,
  savePayerSettings,
  startBillingRun,
} from './index.js';

let store: TestStore;
let ctx: ServiceContext;
let fixture: DocumentationFixture;
let member: FixtureMember;

const actorOf = (role: Role): Actor => fixtureActor(fixture, role);

/** ca-dhcs as a pack file would overlay it: only the setting changes. */
const COMBINING_CA_DHCS = {
  origin: 'same-day-combine.json',
  definition: {
    id: 'ca-dhcs',
    name: 'California Medi-Cal (DHCS)',
    version: '2026.1-combine',
    sources: ['000_1274c8781db8481b.txt'],
    description: 'Medi-Cal with same-day lines combined.',
    settings: {
      sameDayLines: {
        value: 'combine',
        description: 'This payer asks for one line per code, modifiers and day.',
        choice: true,
      },
    },
  },
};

interface FileLine {
  sv1: string[];
  date: string;
  lineControl: string;
}

/** The file's claims: CLM and each service line (SV1, its DTP*472 date and REF*6R), parsed by node-x12. */
function claimsOfFile(content: string): { clm: string[]; lines: FileLine[] }[] {
  const interchange = new X12Parser(true).parse(content);
  if (Array.isArray(interchange)) throw new Error('one interchange expected');
  const claims: { clm: string[]; lines: FileLine[] }[] = [];
  for (const transaction of interchange.functionalGroups[0]?.transactions ?? []) {
    for (const segment of transaction.segments) {
      const values = segment.elements.map((element) => element.value);
      const claim = claims[claims.length - 1];
      const line = claim?.lines[claim.lines.length - 1];
      if (segment.tag === 'CLM') {
        claims.push({ clm: values, lines: [] });
      } else if (segment.tag === 'SV1') {
        claim?.lines.push({ sv1: values, date: '', lineControl: '' });
      } else if (segment.tag === 'DTP' && values[0] === '472' && line !== undefined) {
        line.date = values[2] ?? '';
      } else if (segment.tag === 'REF' && values[0] === '6R' && line !== undefined) {
        line.lineControl = values[1] ?? '';
      }
    }
  }
  return claims;
}

/** Two H0038 notes of 20 direct minutes each on `date`, billed and exported: the claim, its lines and its file. */
async function billTwentyAndTwenty(date: string) {
  const notes = [
    await insertSignedNote(store.db, fixture, member, { date, start: '09:00', end: '09:20' }),
    await insertSignedNote(store.db, fixture, member, { date, start: '14:00', end: '14:20' }),
  ];
  const run = await startBillingRun(ctx, actorOf('billing'), { from: date, to: date });
  const done = await processBillingRun(ctx, actorOf('billing'), run.id);
  const claim = await store.db
    .selectFrom('claims')
    .selectAll()
    .where('organisation_id', '=', fixture.id)
    .where('date_of_service', '=', date)
    .executeTakeFirstOrThrow();
  const lines = await store.db
    .selectFrom('claim_lines')
    .select(['note_id', 'line_number', 'units', 'charge_cents', 'current'])
    .where('claim_id', '=', claim.id)
    .orderBy('line_number')
    .execute();
  const { batches } = await export837Stream(ctx, actorOf('billing'), 'ca-dhcs');
  expect(batches).toHaveLength(1);
  const file = await batchFile(ctx, actorOf('billing'), batches[0]?.id ?? '');
  return { noteIds: notes, run: done, claim, lines, file: claimsOfFile(file.content) };
}

beforeAll(async () => {
  store = await openTestStore();
  ctx = testContext(store, new ManualClock('2026-11-30T18:00:00Z'));
  fixture = await createDocumentationFixture(ctx, 'same-day');
  const program = fixture.programs.find((each) => each.payerPacks.includes('ca-acbhd'));
  const found = fixture.members.find((each) => each.programId === program?.id);
  if (found === undefined) throw new Error('the fixture has no Medi-Cal member');
  member = found;
  await insertApprovedPlan(store.db, fixture, member, '2026-01-01');
  await complete837Records(store.db, fixture, [member.id]);
  await savePayerSettings(ctx, actorOf('billing'), testPayerSettings('ca-dhcs'));
});

afterAll(async () => {
  installPacks([]);
  await store.dispose();
});

describe(`same-day lines of one claim on ${testDatabaseKind()}`, () => {
  it('separate (Medi-Cal’s default): one line per note, 20 → 1 unit each, told apart by their line control numbers', async () => {
    const billed = await billTwentyAndTwenty('2026-11-02');
    expect(billed.lines.map((line) => [line.note_id, line.units])).toEqual([
      [billed.noteIds[0], 1],
      [billed.noteIds[1], 1],
    ]);
    const [claim, ...others] = billed.file;
    expect(others).toHaveLength(0);
    expect(claim?.lines.map((line) => [line.sv1[0], line.sv1[3], line.sv1[1], line.date])).toEqual([
      ['HC:H0038', '1', '50', '20261102'],
      ['HC:H0038', '1', '50', '20261102'],
    ]);
    // The same SV1 and date twice: what tells the two apart in the file (and in the 835) is REF*6R.
    const controls = claim?.lines.map((line) => line.lineControl) ?? [];
    expect(new Set(controls).size).toBe(2);
    expect(claim?.clm[1]).toBe('100');
    expect(Number(billed.claim.total_cents)).toBe(10_000);
    expect(billed.run.chargeCents).toBe(10_000);
  });

  it('combine (a payer that asks for it): one line of 3 units from 40 minutes, and each note keeps its own claim line', async () => {
    installPacks([COMBINING_CA_DHCS]);
    expect(getPack('ca-dhcs')?.settings['sameDayLines']?.value).toBe('combine');
    const billed = await billTwentyAndTwenty('2026-11-03');
    // Both notes are on the claim (neither can be billed again, neither is lost), each with its own units.
    expect(billed.lines.map((line) => [line.note_id, line.units, line.current])).toEqual([
      [billed.noteIds[0], 1, true],
      [billed.noteIds[1], 1, true],
    ]);
    const [claim, ...others] = billed.file;
    expect(others).toHaveLength(0);
    expect(claim?.lines.map((line) => [line.sv1[0], line.sv1[3], line.sv1[1], line.date])).toEqual([
      ['HC:H0038', '3', '150', '20261103'],
    ]);
    // What the claim says it charges is what the file charges: 3 × the fixture's $50.00 charge.
    expect(claim?.clm[1]).toBe('150');
    expect(Number(billed.claim.total_cents)).toBe(15_000);
    expect(billed.run.chargeCents).toBe(15_000);
    expect(billed.run.notesClaimed).toBe(2);
  });

  it('a void of a combined claim charges what the original did, on one combined line, whatever the setting says now', async () => {
    // The payer has since gone back to separate lines: the void still cancels the claim as it was sent.
    installPacks([]);
    expect(getPack('ca-dhcs')?.settings['sameDayLines']?.value).toBe('separate');
    const original = await store.db
      .selectFrom('claims')
      .select('id')
      .where('organisation_id', '=', fixture.id)
      .where('date_of_service', '=', '2026-11-03')
      .executeTakeFirstOrThrow();
    await changeClaimStatus(ctx, actorOf('billing'), original.id, { status: 'submitted' });
    await changeClaimStatus(ctx, actorOf('billing'), original.id, {
      status: 'accepted',
      payerClaimNumber: 'PAYER-1',
    });
    const voided = await correctClaim(ctx, actorOf('billing'), original.id, {
      kind: 'void',
      reason: 'Billed to the wrong payer.',
    });
    expect(voided.totalCents).toBe(15_000);
    const { batches } = await export837Stream(ctx, actorOf('billing'), 'ca-dhcs');
    const file = claimsOfFile((await batchFile(ctx, actorOf('billing'), batches[0]?.id ?? '')).content);
    expect(file.map((claim) => [claim.clm[1], claim.lines.map((line) => line.sv1[3])])).toEqual([
      ['150', ['3']],
    ]);
  });

  it('a claim goes out as it was made, even when the payer’s setting changes before the export', async () => {
    installPacks([COMBINING_CA_DHCS]);
    const date = '2026-11-04';
    await insertSignedNote(store.db, fixture, member, { date, start: '09:00', end: '09:20' });
    await insertSignedNote(store.db, fixture, member, { date, start: '14:00', end: '14:20' });
    const run = await startBillingRun(ctx, actorOf('billing'), { from: date, to: date });
    await processBillingRun(ctx, actorOf('billing'), run.id);
    installPacks([]);
    const claim = await store.db
      .selectFrom('claims')
      .select(['total_cents', 'same_day_lines'])
      .where('organisation_id', '=', fixture.id)
      .where('date_of_service', '=', date)
      .executeTakeFirstOrThrow();
    expect(claim).toEqual({ total_cents: '15000', same_day_lines: 'combine' });
    const { batches } = await export837Stream(ctx, actorOf('billing'), 'ca-dhcs');
    const file = claimsOfFile((await batchFile(ctx, actorOf('billing'), batches[0]?.id ?? '')).content);
    expect(file.map((each) => [each.clm[1], each.lines.map((line) => line.sv1[3])])).toEqual([
      ['150', ['3']],
    ]);
  });
});
