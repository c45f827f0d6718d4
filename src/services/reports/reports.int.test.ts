/**
 * Reports on the real database (PGlite, and PostgreSQL with TEST_DATABASE_URL), over claims made by real
 * billing runs: billed units, charges and expected payments summed per payer, program, peer, code and month — a voided claim and
 * a note outside the range left out; note timeliness with the signature dated in the program's time zone and
 * a blank late reason counted as none; authorization use burned down by a North Carolina run past its 24
 * unmanaged units. Exact sums, shares, CSV and audit rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PayerPackId } from '../../shared/programs.js';
import {
  ManualClock,
  createDocumentationFixture,
  fixtureActor,
  insertApprovedPlan,
  insertSignedNote,
  kindOf,
  openTestStore,
  testContext,
  testDatabaseKind,
  type DocumentationFixture,
  type FixtureMember,
  type TestStore,
} from '../../testing/index.js';
import type { ServiceContext } from '../context.js';
import { addAuthorization, correctClaim, processBillingRun, startBillingRun } from '../billing/index.js';
import {
  authorizationUseCsv,
  billedCsv,
  getAuthorizationUseReport,
  getBilledReport,
  getTimelinessReport,
  monthsOf,
  timelinessCsv,
} from './index.js';

/** Medi-Cal's H0038 rate, per 15-minute unit. */
// The fixture's fee schedule (the demo's) for California: $50.00 charged, $40.00 expected per unit.
const CHARGE = 5000;
const EXPECTED = 4000;
const RANGE = { from: '2026-10-01', to: '2026-11-30' } as const;

let store: TestStore;
let ctx: ServiceContext;
/** Alameda and Los Angeles programs: Medi-Cal claims and timeliness. */
let fixture: DocumentationFixture;
/** North Carolina: authorization use (a separate organisation, its peer certified there). */
let nc: DocumentationFixture;
let alameda: FixtureMember;
let losAngeles: FixtureMember;
let ncMember: FixtureMember;

function memberOfProgramBilling(of: DocumentationFixture, pack: PayerPackId): FixtureMember {
  const program = of.programs.find((each) => each.payerPacks.includes(pack));
  const found = of.members.find((each) => each.programId === program?.id);
  if (found === undefined) throw new Error(`the fixture has no program billing ${pack}`);
  return found;
}

async function runBilling(of: DocumentationFixture, from: string, to: string): Promise<void> {
  const billing = fixtureActor(of, 'billing');
  const run = await startBillingRun(ctx, billing, { from, to });
  expect((await processBillingRun(ctx, billing, run.id)).status).toBe('finished');
}

/**
 * A signed note like `base` but signed at `signedAt`, due on `dueOn`, with `lateReason` (a signed note never
 * changes, so a late one is written as a copy).
 */
async function signedCopy(
  base: string,
  change: { signedAt: string; dueOn: string; lateReason?: string; authorId?: string },
): Promise<string> {
  const {
    id: _id,
    created_at: _created,
    ...row
  } = await store.db.selectFrom('service_notes').selectAll().where('id', '=', base).executeTakeFirstOrThrow();
  const copy = await store.db
    .insertInto('service_notes')
    .values({
      ...row,
      gaps: JSON.stringify(row.gaps),
      due_on: change.dueOn,
      signed_at: new Date(change.signedAt),
      late_reason: change.lateReason ?? null,
      author_id: change.authorId ?? row.author_id,
      signed_by: change.authorId ?? row.author_id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return copy.id;
}

async function auditCount(organisationId: string, action: string, recordType: string): Promise<number> {
  const row = await store.db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('organisation_id', '=', organisationId)
    .where('action', '=', action)
    .where('record_type', '=', recordType)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

beforeAll(async () => {
  store = await openTestStore();
  ctx = testContext(store, new ManualClock('2026-12-15T18:00:00Z'));
  fixture = await createDocumentationFixture(ctx, 'reports');
  alameda = memberOfProgramBilling(fixture, 'ca-acbhd');
  losAngeles = memberOfProgramBilling(fixture, 'ca-la-sapc');
  await insertApprovedPlan(store.db, fixture, alameda, '2026-01-01');

  // Alameda (billed): 2 + 3 units in October, 2 + 4 in November (the 4 voided below), 2 in December (out of range).
  await insertSignedNote(store.db, fixture, alameda, { date: '2026-10-05' });
  await insertSignedNote(store.db, fixture, alameda, { date: '2026-10-20', end: '10:50' });
  await insertSignedNote(store.db, fixture, alameda, { date: '2026-11-02' });
  const voided = await insertSignedNote(store.db, fixture, alameda, { date: '2026-11-09', end: '11:00' });
  await insertSignedNote(store.db, fixture, alameda, { date: '2026-12-01' });

  // Los Angeles (no plan of care: held, never billed) — timeliness only. All due on 7 October.
  const onTime = await insertSignedNote(store.db, fixture, losAngeles, { date: '2026-10-07' });
  // 23:30 in Los Angeles on the due date is 06:30 UTC the next day: on time where the program is.
  await signedCopy(onTime, { dueOn: '2026-10-07', signedAt: '2026-10-08T06:30:00Z' });
  await signedCopy(onTime, {
    dueOn: '2026-10-07',
    signedAt: '2026-10-08T18:00:00Z',
    lateReason: 'The member’s crisis call ran past the end of the day.',
  });
  await signedCopy(onTime, { dueOn: '2026-10-07', signedAt: '2026-10-09T18:00:00Z' });
  // A reason of only spaces says nothing: late without a reason.
  await signedCopy(onTime, { dueOn: '2026-10-07', signedAt: '2026-10-09T18:00:00Z', lateReason: '   ' });
  // By someone outside the fixture supervisor's team: on time.
  await signedCopy(onTime, {
    dueOn: '2026-10-07',
    signedAt: '2026-10-07T20:00:00Z',
    authorId: fixture.users.admin.id,
  });

  await runBilling(fixture, '2026-10-01', '2026-12-31');
  // The payer accepted the 9 November claim, then it was voided: its line no longer counts.
  const claim = await store.db
    .selectFrom('claims')
    .innerJoin('claim_lines', 'claim_lines.claim_id', 'claims.id')
    .select('claims.id')
    .where('claim_lines.note_id', '=', voided)
    .executeTakeFirstOrThrow();
  // Sent in a batch and accepted, written as they stand (the 837 path has its own suite).
  const batch = await store.db
    .insertInto('claim_batches')
    .values({
      organisation_id: fixture.id,
      payer_pack: 'ca-dhcs',
      file_name: 'reports-test.837',
      claim_count: 1,
      line_count: 1,
      total_cents: 4 * CHARGE,
      content: 'ISA*…',
      created_by: fixture.users.billing.id,
      created_at: new Date('2026-11-10T18:00:00Z'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await store.db
    .updateTable('claims')
    .set({ status: 'accepted', batch_id: batch.id, payer_claim_number: 'ICN-REPORTS-1' })
    .where('id', '=', claim.id)
    .execute();
  await correctClaim(ctx, fixtureActor(fixture, 'billing'), claim.id, {
    kind: 'void',
    reason: 'Billed in error.',
  });

  // North Carolina: the fixture peer certified there, an episode with its assessment, eligibility each day.
  nc = await createDocumentationFixture(ctx, 'reports-nc');
  ncMember = memberOfProgramBilling(nc, 'nc-wellcare');
  await store.db
    .updateTable('staff_profiles')
    .set({ certification_type: 'north_carolina_peer' })
    .where('user_id', '=', nc.users.peer.id)
    .execute();
  await store.db
    .insertInto('episodes_of_care')
    .values({
      organisation_id: nc.id,
      member_id: ncMember.id,
      program_id: ncMember.programId,
      admitted_on: '2026-09-01',
      assessment_on: '2026-09-01',
      assessment_clinician: 'Fixture Clinician, LCSW',
      service_order_on: '2026-09-01',
      service_order_clinician: 'Fixture Clinician',
      service_order_credential: 'LCSW',
    })
    .execute();
  const ncDates = ['2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08', '2026-10-09'];
  await store.db
    .insertInto('eligibility_checks')
    .values(
      ncDates.map((date) => ({
        organisation_id: nc.id,
        member_id: ncMember.id,
        checked_on: date,
        result: 'eligible' as const,
        source: 'NCTracks',
        checked_by: nc.users.billing.id,
      })),
    )
    .execute();
  const authorization = (number: string, units: number, from: string, to: string) =>
    addAuthorization(ctx, fixtureActor(nc, 'billing'), {
      memberId: ncMember.id,
      payerPack: 'nc-wellcare',
      number,
      code: 'H0038',
      units,
      from,
      to,
    });
  await authorization('NC-SEPT', 30, '2026-09-01', '2026-09-30');
  await authorization('NC-Q4', 20, '2026-10-01', '2026-12-31');
  await authorization('NC-WINTER', 12, '2026-11-15', '2027-02-28');
  // Two hours each (8 units): the first three use the 24 unmanaged units, the last two burn NC-Q4.
  for (const date of ncDates) {
    await insertSignedNote(store.db, nc, ncMember, { date, start: '09:00', end: '11:00' });
  }
  await runBilling(nc, '2026-10-01', '2026-10-31');
});

afterAll(async () => {
  await store.dispose();
});

describe(`reports on ${testDatabaseKind()}`, () => {
  it('sums billed units, charges and expected payments per payer, program, peer, code and month, leaving out a void and other months', async () => {
    const report = await getBilledReport(ctx, fixtureActor(fixture, 'billing'), RANGE);
    const program = { id: alameda.programId, displayName: expect.any(String) as string };
    const peer = { id: fixture.users.peer.id, displayName: expect.stringMatching(/^peer reports/) as string };
    expect(report.rows).toEqual([
      {
        payerPack: 'ca-dhcs',
        program,
        peer,
        code: 'H0038',
        month: '2026-10',
        lines: 2,
        units: 5,
        chargeCents: 5 * CHARGE,
        expectedCents: 5 * EXPECTED,
        linesWithoutRate: 0,
      },
      {
        payerPack: 'ca-dhcs',
        program,
        peer,
        code: 'H0038',
        month: '2026-11',
        lines: 1,
        units: 2,
        chargeCents: 2 * CHARGE,
        expectedCents: 2 * EXPECTED,
        linesWithoutRate: 0,
      },
    ]);
    expect(report.byMonth).toEqual([
      {
        month: '2026-10',
        lines: 2,
        units: 5,
        chargeCents: 5 * CHARGE,
        expectedCents: 5 * EXPECTED,
        linesWithoutRate: 0,
      },
      {
        month: '2026-11',
        lines: 1,
        units: 2,
        chargeCents: 2 * CHARGE,
        expectedCents: 2 * EXPECTED,
        linesWithoutRate: 0,
      },
    ]);
    expect(report.totals).toEqual({
      lines: 3,
      units: 7,
      chargeCents: 7 * CHARGE,
      expectedCents: 7 * EXPECTED,
      linesWithoutRate: 0,
    });

    // The same figures as summing every current, counting line by hand.
    const lines = await store.db
      .selectFrom('claim_lines')
      .select(['units', 'charge_cents', 'current', 'counts', 'date_of_service'])
      .where('organisation_id', '=', fixture.id)
      .execute();
    const inRange = lines.filter(
      (line) =>
        line.current && line.counts && line.date_of_service >= RANGE.from && line.date_of_service <= RANGE.to,
    );
    expect(inRange.reduce((sum, line) => sum + line.charge_cents, 0)).toBe(report.totals.chargeCents);
    // Five notes claimed and one void: the void's line is current but counts for nothing, the original it
    // voids is no longer current.
    expect(lines.map((line) => [line.date_of_service, line.current, line.counts]).sort()).toEqual([
      ['2026-10-05', true, true],
      ['2026-10-20', true, true],
      ['2026-11-02', true, true],
      ['2026-11-09', false, true],
      ['2026-11-09', true, false],
      ['2026-12-01', true, true],
    ]);

    const filtered = await getBilledReport(ctx, fixtureActor(fixture, 'admin'), {
      ...RANGE,
      payerPack: 'ca-acbhd',
    });
    expect(filtered.totals).toEqual({
      lines: 0,
      units: 0,
      chargeCents: 0,
      expectedCents: 0,
      linesWithoutRate: 0,
    });
    expect(filtered.byMonth.map((month) => month.month)).toEqual(['2026-10', '2026-11']);
  });

  it('writes the billed rows as CSV with charges and expected payments in dollars', async () => {
    const csv = await billedCsv(ctx, fixtureActor(fixture, 'billing'), RANGE);
    const [header, october, november, end] = csv.split('\r\n');
    expect(header).toBe(
      'month,payer,program,peer,code,lines,units,charge,expected_payment,lines_without_rate',
    );
    expect(october).toMatch(/^2026-10,ca-dhcs,[^,]+,peer [^,]+,H0038,2,5,250\.00,200\.00,0$/);
    expect(november).toMatch(/^2026-11,ca-dhcs,[^,]+,peer [^,]+,H0038,1,2,100\.00,80\.00,0$/);
    expect(end).toBe('');
  });

  it('counts notes on time, late with a reason and late without, in the program’s time zone', async () => {
    const report = await getTimelinessReport(ctx, fixtureActor(fixture, 'billing'), RANGE);
    const byProgram = new Map(report.byProgram.map((row) => [row.program.id, row]));
    expect(byProgram.get(alameda.programId)).toMatchObject({
      signed: 4,
      onTime: 4,
      lateWithReason: 0,
      lateWithoutReason: 0,
      onTimePercent: 100,
      lateWithReasonPercent: 0,
      lateWithoutReasonPercent: 0,
    });
    expect(byProgram.get(losAngeles.programId)).toMatchObject({
      signed: 6,
      onTime: 3,
      lateWithReason: 1,
      lateWithoutReason: 2,
      onTimePercent: 50,
      lateWithReasonPercent: 16.7,
      lateWithoutReasonPercent: 33.3,
    });
    expect(report.byPeer.map((row) => [row.peer.id, row.signed, row.onTime])).toEqual([
      [fixture.users.admin.id, 1, 1],
      [fixture.users.peer.id, 9, 6],
    ]);
    expect(report.byPeer[1]).toMatchObject({
      lateWithReason: 1,
      lateWithoutReason: 2,
      onTimePercent: 66.7,
      lateWithReasonPercent: 11.1,
      lateWithoutReasonPercent: 22.2,
    });
    expect(report.totals).toEqual({
      signed: 10,
      onTime: 7,
      lateWithReason: 1,
      lateWithoutReason: 2,
      onTimePercent: 70,
      lateWithReasonPercent: 10,
      lateWithoutReasonPercent: 20,
    });

    const csv = (await timelinessCsv(ctx, fixtureActor(fixture, 'admin'), RANGE)).split('\r\n');
    expect(csv[0]).toBe(
      'group,name,signed,on_time,late_with_reason,late_without_reason,on_time_percent,late_with_reason_percent,late_without_reason_percent',
    );
    expect(csv).toContain('total,All,10,7,1,2,70.0,10.0,20.0');
    expect(csv.filter((line) => line.startsWith('peer,'))).toHaveLength(2);
  });

  it('shows a supervisor their team’s timeliness only, and refuses them the billing reports', async () => {
    const supervisor = fixtureActor(fixture, 'supervisor');
    const report = await getTimelinessReport(ctx, supervisor, RANGE);
    expect(report.byPeer.map((row) => row.peer.id)).toEqual([fixture.users.peer.id]);
    expect(report.totals).toMatchObject({ signed: 9, onTime: 6 });
    const refused = {
      peerTimeliness: await kindOf(getTimelinessReport(ctx, fixtureActor(fixture, 'peer'), RANGE)),
      clinicianTimeliness: await kindOf(getTimelinessReport(ctx, fixtureActor(fixture, 'clinician'), RANGE)),
      supervisorBilled: await kindOf(getBilledReport(ctx, supervisor, RANGE)),
      supervisorAuthorizations: await kindOf(getAuthorizationUseReport(ctx, supervisor, RANGE)),
    };
    expect(refused).toEqual({
      peerTimeliness: 'forbidden',
      clinicianTimeliness: 'forbidden',
      supervisorBilled: 'forbidden',
      supervisorAuthorizations: 'forbidden',
    });
  });

  it('lists authorizations valid in the range with units used by current counting lines, share used and days left', async () => {
    const before = await auditCount(nc.id, 'report.read', 'member');
    const report = await getAuthorizationUseReport(ctx, fixtureActor(nc, 'billing'), RANGE);
    expect(report.today).toBe('2026-12-15');
    expect(
      report.authorizations.map((each) => [
        each.number,
        each.units,
        each.usedUnits,
        each.remainingUnits,
        each.usedPercent,
        each.daysLeft,
      ]),
    ).toEqual([
      // 15 December to 31 December, both included: 17 days.
      ['NC-Q4', 20, 16, 4, 80, 17],
      ['NC-WINTER', 12, 0, 12, 0, 76],
    ]);
    expect(report.authorizations[0]?.member.id).toBe(ncMember.id);
    // One member named: one audit row for them, besides the report's own.
    expect(await auditCount(nc.id, 'report.read', 'member')).toBe(before + 1);

    const csv = (await authorizationUseCsv(ctx, fixtureActor(nc, 'admin'), RANGE)).split('\r\n');
    expect(csv[0]).toBe(
      'number,member,payer,code,modifiers,from,to,units,used,remaining,used_percent,days_left',
    );
    expect(csv[1]).toMatch(
      /^NC-Q4,Fixture Member \d+,nc-wellcare,H0038,,2026-10-01,2026-12-31,20,16,4,80\.0,17$/,
    );

    // The other organisation's report does not see these.
    const other = await getAuthorizationUseReport(ctx, fixtureActor(fixture, 'billing'), RANGE);
    expect(other.authorizations).toEqual([]);
  });

  it('audits one report.read per request', async () => {
    const before = await auditCount(fixture.id, 'report.read', 'report');
    await getBilledReport(ctx, fixtureActor(fixture, 'billing'), RANGE);
    await getTimelinessReport(ctx, fixtureActor(fixture, 'billing'), RANGE);
    expect(await auditCount(fixture.id, 'report.read', 'report')).toBe(before + 2);
  });

  it('lists every month of a range, across a year end', () => {
    expect(monthsOf('2026-11-20', '2027-02-03')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsOf('2026-11-20', '2026-11-21')).toEqual(['2026-11']);
  });
});
