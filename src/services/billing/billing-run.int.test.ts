/**
 * Billing runs on the real database (PGlite, and PostgreSQL with TEST_DATABASE_URL): signed notes become
 * claims or holds; a run repeated, two runs at once, and a run killed midway then followed by another never
 * bill a note twice or lose one; the daily maximum counts what earlier notes and runs claimed.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PayerPackId } from '../../shared/programs.js';
import type { Role } from '../../shared/roles.js';
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
import { isUniqueViolation } from '../../store/index.js';
import type { Actor, ServiceContext } from '../context.js';
import { getBillingRun, listBillingRuns, processBillingRun, startBillingRun } from './index.js';

let store: TestStore;
let clock: ManualClock;
let ctx: ServiceContext;
let fixture: DocumentationFixture;
/** Medi-Cal (ca-dhcs) member with an approved plan of care: billable. */
let planned: FixtureMember;
/** Medi-Cal member without a plan of care: held. */
let unplanned: FixtureMember;

const actorOf = (role: Role): Actor => fixtureActor(fixture, role);

async function currentLinesOf(noteIds: readonly string[]): Promise<Map<string, number>> {
  const rows = await store.db
    .selectFrom('claim_lines')
    .select(['note_id', (eb) => eb.fn.countAll<string>().as('count')])
    .where('note_id', 'in', [...noteIds])
    .where('current', '=', true)
    .groupBy('note_id')
    .execute();
  return new Map(rows.map((row) => [row.note_id, Number(row.count)]));
}

/** The fixture member of the program that bills `pack`. */
function memberOfProgramBilling(of: DocumentationFixture, pack: PayerPackId): FixtureMember {
  const program = of.programs.find((each) => each.payerPacks.includes(pack));
  const found = of.members.find((each) => each.programId === program?.id);
  if (found === undefined) throw new Error(`the fixture has no program billing ${pack}`);
  return found;
}

async function runBilling(from: string, to: string, options: { chunkMembers?: number } = {}) {
  const run = await startBillingRun(ctx, actorOf('billing'), { from, to });
  return processBillingRun(ctx, actorOf('billing'), run.id, options);
}

beforeAll(async () => {
  store = await openTestStore();
  clock = new ManualClock('2026-11-30T18:00:00Z');
  ctx = testContext(store, clock);
  fixture = await createDocumentationFixture(ctx, 'billing');
  // The Alameda and Los Angeles programs' members, both covered by Medi-Cal (ca-dhcs).
  planned = memberOfProgramBilling(fixture, 'ca-acbhd');
  unplanned = memberOfProgramBilling(fixture, 'ca-la-sapc');
  await insertApprovedPlan(store.db, fixture, planned, '2026-01-01');
});

afterAll(async () => {
  await store.dispose();
});

function aClaimLineOfTheFixture() {
  return store.db
    .selectFrom('claim_lines')
    .selectAll()
    .where('organisation_id', '=', fixture.id)
    .executeTakeFirstOrThrow();
}

describe(`billing runs on ${testDatabaseKind()}`, () => {
  it('claims billable notes on one claim per member and day, and holds the others with their problems', async () => {
    const first = await insertSignedNote(store.db, fixture, planned, { date: '2026-11-02' });
    const second = await insertSignedNote(store.db, fixture, planned, {
      date: '2026-11-02',
      start: '14:00',
      end: '14:50',
    });
    const pending = await insertSignedNote(store.db, fixture, planned, {
      date: '2026-11-03',
      reviewStatus: 'pending',
    });
    const noPlan = await insertSignedNote(store.db, fixture, unplanned, { date: '2026-11-02' });

    const run = await runBilling('2026-11-01', '2026-11-07');
    expect(run).toMatchObject({
      status: 'finished',
      notesTotal: 4,
      notesDone: 4,
      notesClaimed: 2,
      notesHeld: 2,
      claimsCreated: 1,
    });
    const lines = await store.db
      .selectFrom('claim_lines')
      .innerJoin('claims', 'claims.id', 'claim_lines.claim_id')
      .select([
        'claim_lines.note_id',
        'claim_lines.line_number',
        'claim_lines.code',
        'claim_lines.units',
        'claim_lines.charge_cents',
        'claims.total_cents',
        'claims.payer_pack',
        'claims.status',
      ])
      .where('claim_lines.note_id', 'in', [first, second])
      .orderBy('claim_lines.line_number')
      .execute();
    // 30 minutes → 2 units, 50 minutes → 3 units of H0038.
    expect(lines.map((line) => [line.note_id, line.line_number, line.code, line.units])).toEqual([
      [first, 1, 'H0038', 2],
      [second, 2, 'H0038', 3],
    ]);
    expect(new Set(lines.map((line) => line.status))).toEqual(new Set(['ready']));
    const total = lines.reduce((sum, line) => sum + line.charge_cents, 0);
    expect(Number(lines[0]?.total_cents)).toBe(total);
    expect(run.chargeCents).toBe(total);

    const holds = await store.db
      .selectFrom('billing_holds')
      .select(['note_id', 'problems'])
      .where('note_id', 'in', [pending, noPlan])
      .execute();
    const codes = new Map(holds.map((hold) => [hold.note_id, hold.problems.map((problem) => problem.code)]));
    expect(codes.get(pending)).toEqual(['billing.review_pending']);
    expect(codes.get(noPlan)).toContain('ca-dhcs.care_plan.approved');
  });

  it('run again, claims nothing twice and judges the held notes again', async () => {
    const again = await runBilling('2026-11-01', '2026-11-07');
    expect(again).toMatchObject({ status: 'finished', notesTotal: 2, notesClaimed: 0, notesHeld: 2 });
    const lines = await store.db
      .selectFrom('claim_lines')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('organisation_id', '=', fixture.id)
      .executeTakeFirstOrThrow();
    expect(Number(lines.count)).toBe(2);
  });

  it('the database itself refuses a second current claim line for a note', async () => {
    const line = await aClaimLineOfTheFixture();
    const { id: _id, current: _current, ...copy } = line;
    const duplicate = store.db
      .insertInto('claim_lines')
      .values({ ...copy, line_number: 50, warnings: JSON.stringify(copy.warnings) })
      .execute();
    await expect(duplicate).rejects.toSatisfy(isUniqueViolation);
    // Nor can a line be changed or removed.
    await expect(
      store.db.updateTable('claim_lines').set({ units: 99 }).where('id', '=', line.id).execute(),
    ).rejects.toThrow(/never changes/);
    await expect(store.db.deleteFrom('claim_lines').where('id', '=', line.id).execute()).rejects.toThrow(
      /never removed/,
    );
  });

  it('the database refuses a line or an event whose claim is of another member or organisation', async () => {
    const line = await aClaimLineOfTheFixture();
    const other = await createDocumentationFixture(ctx, 'billing-other');
    const otherMember = fixture.members.find((member) => member.id !== line.member_id);
    if (otherMember === undefined) throw new Error('the fixture has one member only');
    const { id: _id, current: _current, ...copy } = line;
    const insertLine = (change: Partial<Omit<typeof copy, 'warnings'>>) =>
      store.db
        .insertInto('claim_lines')
        .values({
          ...copy,
          current: false,
          line_number: 49,
          warnings: JSON.stringify(copy.warnings),
          ...change,
        })
        .execute();
    // Another member of the same organisation: the claim is not theirs.
    await expect(insertLine({ member_id: otherMember.id })).rejects.toThrow(/claim_organisation_member_fkey/);
    // Another organisation, with one of its own members.
    await expect(
      insertLine({ organisation_id: other.id, member_id: other.members[0]?.id ?? '' }),
    ).rejects.toThrow(/claim_organisation_member_fkey/);
    await expect(
      store.db
        .insertInto('claim_events')
        .values({
          organisation_id: other.id,
          claim_id: line.claim_id,
          status: 'ready',
          user_id: null,
          occurred_at: new Date(),
        })
        .execute(),
    ).rejects.toThrow(/claim_events_claim_organisation_fkey/);
    // A claim for a member of another organisation.
    const claim = await store.db
      .selectFrom('claims')
      .selectAll()
      .where('id', '=', line.claim_id)
      .executeTakeFirstOrThrow();
    const { id: _claimId, claim_number: _number, ...claimCopy } = claim;
    await expect(
      store.db
        .insertInto('claims')
        .values({ ...claimCopy, member_id: other.members[0]?.id ?? '' })
        .execute(),
    ).rejects.toThrow(/claims_member_organisation_fkey/);
  });

  it('refreshes the planner statistics of claim lines as a run grows the table', async () => {
    const estimatedLines = async (): Promise<number> => {
      const result = await sql<{
        lines: number;
      }>`select greatest(reltuples, 0)::float8 as lines from pg_class where oid = 'claim_lines'::regclass`.execute(
        store.db,
      );
      return Number(result.rows[0]?.lines);
    };
    const countLines = async (): Promise<number> => {
      const row = await store.db
        .selectFrom('claim_lines')
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .executeTakeFirstOrThrow();
      return Number(row.count);
    };
    await insertSignedNote(store.db, fixture, planned, { date: '2026-11-20' });
    const before = await estimatedLines();
    const linesBefore = await countLines();
    expect(before).toBeLessThan(linesBefore + 1);
    const started = await startBillingRun(ctx, actorOf('billing'), { from: '2026-11-20', to: '2026-11-20' });
    const done = await processBillingRun(ctx, actorOf('billing'), started.id, { analyzeAfterLines: 1 });
    expect(done.notesClaimed).toBe(1);
    // ANALYZE of a table this small reads every row: the estimate is the count.
    expect(await estimatedLines()).toBe(linesBefore + 1);
  });

  it('two runs at once share the members and bill every note exactly once', async () => {
    const notes: string[] = [];
    for (let day = 9; day <= 13; day += 1) {
      notes.push(
        await insertSignedNote(store.db, fixture, planned, {
          date: `2026-11-${String(day).padStart(2, '0')}`,
        }),
      );
    }
    const startA = await startBillingRun(ctx, actorOf('billing'), { from: '2026-11-08', to: '2026-11-14' });
    const startB = await startBillingRun(ctx, actorOf('admin'), { from: '2026-11-08', to: '2026-11-14' });
    const [a, b] = await Promise.all([
      processBillingRun(ctx, actorOf('billing'), startA.id, { chunkMembers: 1 }),
      processBillingRun(ctx, actorOf('admin'), startB.id, { chunkMembers: 1 }),
    ]);
    expect(a.status).toBe('finished');
    expect(b.status).toBe('finished');
    expect(a.notesClaimed + b.notesClaimed).toBe(notes.length);
    const current = await currentLinesOf(notes);
    expect(notes.map((note) => current.get(note))).toEqual(notes.map(() => 1));
  });

  it('a run killed midway leaves whole claims only, and the next run finishes the work', async () => {
    const extra = await createDocumentationFixture(ctx, 'billing-kill');
    const members = [memberOfProgramBilling(extra, 'ca-acbhd'), memberOfProgramBilling(extra, 'ca-la-sapc')];
    const notes: string[] = [];
    for (const each of members) {
      await insertApprovedPlan(store.db, extra, each, '2026-01-01');
      for (const date of ['2026-11-16', '2026-11-17']) {
        notes.push(await insertSignedNote(store.db, extra, each, { date }));
      }
    }
    const billing = fixtureActor(extra, 'billing');
    const killed = await startBillingRun(ctx, billing, { from: '2026-11-15', to: '2026-11-21' });
    const partial = await processBillingRun(ctx, billing, killed.id, { chunkMembers: 1, stopAfterChunks: 1 });
    expect(partial.status).toBe('running');
    expect(partial.notesClaimed).toBe(2);
    // Every claim written so far is whole: its lines add up to its total.
    const claims = await store.db
      .selectFrom('claims')
      .leftJoin('claim_lines', 'claim_lines.claim_id', 'claims.id')
      .select(['claims.id', 'claims.total_cents', 'claims.line_count'])
      .select((eb) => [
        eb.fn.sum<string>('claim_lines.charge_cents').as('sum'),
        eb.fn.count<string>('claim_lines.id').as('lines'),
      ])
      .where('claims.organisation_id', '=', extra.id)
      .groupBy(['claims.id', 'claims.total_cents', 'claims.line_count'])
      .execute();
    for (const claim of claims) {
      expect(Number(claim.sum)).toBe(Number(claim.total_cents));
      expect(Number(claim.lines)).toBe(claim.line_count);
    }

    // The run still looks alive while its heartbeat is fresh; once stale it shows as interrupted at once.
    expect((await getBillingRun(ctx, billing, killed.id)).status).toBe('running');
    clock.advanceMinutes(3);
    expect(await getBillingRun(ctx, billing, killed.id)).toMatchObject({
      status: 'interrupted',
      error: 'The process running it stopped before it finished.',
    });
    expect((await listBillingRuns(ctx, billing)).find((run) => run.id === killed.id)?.status).toBe(
      'interrupted',
    );
    const resumed = await startBillingRun(ctx, billing, { from: '2026-11-15', to: '2026-11-21' });
    expect(resumed.notesTotal).toBe(notes.length - 2);
    const finished = await processBillingRun(ctx, billing, resumed.id);
    expect(finished).toMatchObject({ status: 'finished', notesClaimed: notes.length - 2 });
    const interrupted = await store.db
      .selectFrom('billing_runs')
      .select('status')
      .where('id', '=', killed.id)
      .executeTakeFirstOrThrow();
    expect(interrupted.status).toBe('interrupted');
    const current = await currentLinesOf(notes);
    expect(notes.map((note) => current.get(note))).toEqual(notes.map(() => 1));
  });

  it('counts units claimed earlier that day, in this run and in earlier runs, against the daily maximum', async () => {
    // Medi-Cal allows 96 units of H0038 a day: four six-hour notes use them all.
    const date = '2026-11-24';
    const sixHours = { start: '00:00', end: '06:00' };
    const early = [
      await insertSignedNote(store.db, fixture, planned, { date, ...sixHours }),
      await insertSignedNote(store.db, fixture, planned, { date, start: '06:00', end: '12:00' }),
    ];
    expect((await runBilling(date, date)).notesClaimed).toBe(2);
    const later = [
      await insertSignedNote(store.db, fixture, planned, { date, start: '12:00', end: '18:00' }),
      await insertSignedNote(store.db, fixture, planned, { date, start: '18:00', end: '23:59' }),
      await insertSignedNote(store.db, fixture, planned, { date, start: '08:00', end: '08:30' }),
    ];
    const run = await runBilling(date, date);
    // 08:00 (2 units) fits after the first two (48 + 2); 12:00 brings it to 74; 18:00 would make 98.
    expect(run).toMatchObject({ notesClaimed: 2, notesHeld: 1 });
    const current = await currentLinesOf([...early, ...later]);
    expect([...early, ...later].map((note) => current.get(note) ?? 0)).toEqual([1, 1, 1, 0, 1]);
    const hold = await store.db
      .selectFrom('billing_holds')
      .select('problems')
      .where('note_id', '=', later[1] as string)
      .executeTakeFirstOrThrow();
    expect(hold.problems.map((problem) => problem.code)).toContain('ca-dhcs.units.daily_max');
  });

  it('holds a note whose member has no diagnosis on the date (a claim file needs one), and bills it once recorded', async () => {
    await store.db
      .updateTable('diagnoses')
      .set({ resolved_on: '2026-11-24' })
      .where('member_id', '=', planned.id)
      .where('resolved_on', 'is', null)
      .execute();
    const note = await insertSignedNote(store.db, fixture, planned, { date: '2026-11-26' });
    const held = await runBilling('2026-11-26', '2026-11-26');
    expect(held).toMatchObject({ status: 'finished', notesTotal: 1, notesClaimed: 0, notesHeld: 1 });
    const hold = await store.db
      .selectFrom('billing_holds')
      .select('problems')
      .where('note_id', '=', note)
      .executeTakeFirstOrThrow();
    expect(hold.problems).toEqual([
      expect.objectContaining({ code: 'billing.no_diagnosis', path: ['member', 'diagnoses'] }),
    ]);

    await store.db
      .insertInto('diagnoses')
      .values({
        organisation_id: fixture.id,
        member_id: planned.id,
        code: 'F41.1',
        description: 'Generalized anxiety disorder',
        category: 'mental_health',
        recorded_on: '2026-11-25',
      })
      .execute();
    const billed = await runBilling('2026-11-26', '2026-11-26');
    expect(billed).toMatchObject({ status: 'finished', notesTotal: 1, notesClaimed: 1, notesHeld: 0 });
    const claim = await store.db
      .selectFrom('claims')
      .innerJoin('claim_lines', 'claim_lines.claim_id', 'claims.id')
      .select('claims.diagnosis_codes')
      .where('claim_lines.note_id', '=', note)
      .executeTakeFirstOrThrow();
    expect(claim.diagnosis_codes).toEqual(['F41.1']);
  });
});
