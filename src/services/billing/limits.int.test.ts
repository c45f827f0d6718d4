/**
 * Limits across services in billing runs, on the real database: North Carolina's 24 unmanaged units per
 * episode of care per state fiscal year (002 §I.A–B), then prior authorization burned down unit by unit and
 * the count starting again on 1 July; Kansas's 750 group hours per calendar year (003 Limitations), then
 * prior authorization, and the count starting again on 1 January. History counts what earlier runs claimed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PayerPackId } from '../../shared/programs.js';
import {
  ManualClock,
  createDocumentationFixture,
  fixtureActor,
  insertCertifiedPeer,
  insertSignedNote,
  openTestStore,
  testContext,
  testDatabaseKind,
  type DocumentationFixture,
  type FixtureMember,
  type TestStore,
} from '../../testing/index.js';
import type { ServiceContext } from '../context.js';
import { getNote } from '../notes/index.js';
import { addAuthorization, processBillingRun, startBillingRun } from './index.js';

let store: TestStore;
let ctx: ServiceContext;
let fixture: DocumentationFixture;
let ncMember: FixtureMember;
let ksMember: FixtureMember;
let ncPeer: string;
let ksPeer: string;

function memberOfProgramBilling(pack: PayerPackId): FixtureMember {
  const program = fixture.programs.find((each) => each.payerPacks.includes(pack));
  const found = fixture.members.find((each) => each.programId === program?.id);
  if (found === undefined) throw new Error(`the fixture has no program billing ${pack}`);
  return found;
}

async function run(from: string, to: string, programId?: string) {
  const billing = fixtureActor(fixture, 'billing');
  const started = await startBillingRun(ctx, billing, {
    from,
    to,
    ...(programId === undefined ? {} : { programId }),
  });
  return processBillingRun(ctx, billing, started.id);
}

/** The codes of the problems holding a note, or 'claimed' with the authorization it used. */
async function outcome(noteId: string): Promise<string[] | { claimed: string | null }> {
  const line = await store.db
    .selectFrom('claim_lines')
    .leftJoin('authorizations', 'authorizations.id', 'claim_lines.authorization_id')
    .select('authorizations.number')
    .where('claim_lines.note_id', '=', noteId)
    .where('claim_lines.current', '=', true)
    .executeTakeFirst();
  if (line !== undefined) return { claimed: line.number };
  const hold = await store.db
    .selectFrom('billing_holds')
    .select('problems')
    .where('note_id', '=', noteId)
    .executeTakeFirstOrThrow();
  return hold.problems.filter((problem) => problem.severity === 'error').map((problem) => problem.code);
}

beforeAll(async () => {
  store = await openTestStore();
  ctx = testContext(store, new ManualClock('2027-02-01T18:00:00Z'));
  fixture = await createDocumentationFixture(ctx, 'limits');
  ncMember = memberOfProgramBilling('nc-wellcare');
  ksMember = memberOfProgramBilling('ks-pahp');
  ncPeer = await insertCertifiedPeer(store.db, fixture, 'north_carolina_peer', 'nc');
  ksPeer = await insertCertifiedPeer(store.db, fixture, 'kansas_peer', 'ks');
  // North Carolina: an episode of care with its comprehensive clinical assessment, and eligibility checked on
  // every date of service the tests use.
  await store.db
    .insertInto('episodes_of_care')
    .values({
      organisation_id: fixture.id,
      member_id: ncMember.id,
      program_id: ncMember.programId,
      admitted_on: '2026-01-05',
      assessment_on: '2026-01-05',
      assessment_clinician: 'Fixture Clinician, LCSW',
      service_order_on: '2026-01-05',
      service_order_clinician: 'Fixture Clinician',
      service_order_credential: 'LCSW',
    })
    .execute();
  const dates = [
    '2026-06-01',
    '2026-06-02',
    '2026-06-03',
    '2026-06-04',
    '2026-06-05',
    '2026-06-08',
    '2026-07-01',
  ];
  await store.db
    .insertInto('eligibility_checks')
    .values(
      dates.map((date) => ({
        organisation_id: fixture.id,
        member_id: ncMember.id,
        checked_on: date,
        result: 'eligible' as const,
        source: 'NCTracks',
        checked_by: fixture.users.billing.id,
      })),
    )
    .execute();
});

afterAll(async () => {
  await store.dispose();
});

describe(`limits across services in billing runs on ${testDatabaseKind()}`, () => {
  const twoHours = { start: '09:00', end: '11:00' }; // 120 minutes: 8 units

  it('002 §I.A–B: 24 unmanaged units per episode per fiscal year, then a prior authorization burned down; the count restarts on 1 July', async () => {
    const note = (date: string) =>
      insertSignedNote(store.db, fixture, ncMember, {
        date,
        ...twoHours,
        authorId: ncPeer,
        signed: { code: 'H0038', units: 8 },
      });
    const first = [await note('2026-06-01'), await note('2026-06-02'), await note('2026-06-03')];
    expect((await run('2026-06-01', '2026-06-03')).notesClaimed).toBe(3);

    // 24 units used; the fourth note (a later run) needs an authorization and there is none.
    const fourth = await note('2026-06-04');
    await run('2026-06-04', '2026-06-04');
    expect(await outcome(fourth)).toContain('nc-wellcare.limit.unmanaged_units');

    // Billing staff record one for 10 units: the fourth note uses 8 of them …
    await addAuthorization(ctx, fixtureActor(fixture, 'billing'), {
      memberId: ncMember.id,
      payerPack: 'nc-wellcare',
      number: 'NC-PA-1',
      code: 'H0038',
      units: 10,
      from: '2026-06-01',
      to: '2026-06-30',
    });
    const fifth = await note('2026-06-05');
    const sixth = await note('2026-06-08');
    const july = await note('2026-07-01');
    const after = await run('2026-06-01', '2026-07-31');
    expect(await outcome(fourth)).toEqual({ claimed: 'NC-PA-1' });
    // … the fifth would need 8 more and only 2 are left; the sixth likewise.
    expect(await outcome(fifth)).toContain('nc-wellcare.limit.unmanaged_units');
    expect(await outcome(sixth)).toContain('nc-wellcare.limit.unmanaged_units');
    // 1 July starts state fiscal year 2027: the July note is within the new 24 units, no authorization.
    expect(await outcome(july)).toEqual({ claimed: null });
    expect(after).toMatchObject({ notesClaimed: 2, notesHeld: 2 });
    // The note form's live preview reads the same: the fourth is covered by the authorization, the fifth not.
    const peer = {
      ...fixtureActor(fixture, 'peer'),
      userId: ncPeer,
      email: `nc.${fixture.id}@fixtures.peerline.test`,
    };
    const codesOf = async (id: string) =>
      (await getNote(ctx, peer, id)).preview?.problems
        .filter((problem) => problem.severity === 'error')
        .map((problem) => problem.code);
    expect(await codesOf(fourth)).toEqual([]);
    expect(await codesOf(fifth)).toContain('nc-wellcare.limit.unmanaged_units');
    for (const id of first) expect(await outcome(id)).toEqual({ claimed: null });
  });

  it('003 Limitations: 750 group hours a calendar year, then prior authorization; the count restarts on 1 January', async () => {
    // Groups of four members with one full-time facilitator, 607 direct minutes each: 40 units, which count
    // 10 hours (billed units × 15 minutes, rules catalog December 2026 review), so 75 of them reach 750 hours.
    // Counted by direct minutes (10.12 hours each) the 75th would already be over.
    const groupNote = async (date: string): Promise<string> => {
      const session = await store.db
        .insertInto('group_sessions')
        .values({
          organisation_id: fixture.id,
          program_id: ksMember.programId,
          topic: 'Budgeting skills',
          date_of_service: date,
          start_time: '08:00',
          end_time: '18:07',
          place_of_service: '11',
          created_by: ksPeer,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await store.db
        .insertInto('group_facilitators')
        .values({
          organisation_id: fixture.id,
          group_session_id: session.id,
          user_id: ksPeer,
          role: 'lead',
          minutes: 607,
        })
        .execute();
      return insertSignedNote(store.db, fixture, ksMember, {
        date,
        start: '08:00',
        end: '18:07',
        serviceType: 'skill_building_group',
        authorId: ksPeer,
        groupSessionId: session.id,
      });
    };
    const days: string[] = [];
    for (let month = 1; month <= 12 && days.length < 76; month += 1) {
      for (let day = 1; day <= 7 && days.length < 76; day += 1) {
        days.push(`2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
      }
    }
    const notes: string[] = [];
    for (const day of days) notes.push(await groupNote(day));
    const year = await run('2026-01-01', '2026-12-31', ksMember.programId);
    // 75 notes × 40 units × 15 minutes = 750 hours claimed; the 76th is over the limit without an authorization.
    expect(year).toMatchObject({ notesClaimed: 75, notesHeld: 1 });
    const last = notes[notes.length - 1] ?? '';
    expect(await outcome(last)).toContain('ks-pahp.limit.group_hours');

    // An authorization covers a service only when its code and modifiers match (rules catalog, December 2026
    // review): one for individual H0038 leaves the group service (H0038 HQ) held, and so does one for group
    // services recorded for another program of the organisation.
    const billing = fixtureActor(fixture, 'billing');
    const authorizationFor = { memberId: ksMember.id, payerPack: 'ks-pahp', code: 'H0038', units: 400 };
    const year2026 = { from: '2026-01-01', to: '2026-12-31' };
    await addAuthorization(ctx, billing, { ...authorizationFor, number: 'KS-PA-IND', ...year2026 });
    // Another program of the organisation that bills Kansas too: a copy of the member's under another name.
    const columns = [
      'type',
      'npi',
      'taxonomy',
      'address_line1',
      'city',
      'state',
      'postal_code',
      'time_zone',
      'payer_packs',
    ] as const;
    const otherProgram = await store.db
      .insertInto('programs')
      .columns(['organisation_id', 'name', ...columns])
      .expression((eb) =>
        eb
          .selectFrom('programs')
          .select((select) => [
            'organisation_id',
            select.val('Another Kansas program').as('name'),
            ...columns,
          ])
          .where('id', '=', ksMember.programId),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    await addAuthorization(ctx, billing, {
      ...authorizationFor,
      number: 'KS-PA-OTHER',
      modifiers: ['HQ'],
      programId: otherProgram.id,
      ...year2026,
    });
    expect((await run('2026-01-01', '2026-12-31', ksMember.programId)).notesClaimed).toBe(0);
    expect(await outcome(last)).toContain('ks-pahp.limit.group_hours');

    // With a group authorization for the hours over the limit (here for the member's own program), the next
    // run claims the note against it.
    await addAuthorization(ctx, billing, {
      ...authorizationFor,
      number: 'KS-PA-1',
      modifiers: ['HQ'],
      programId: ksMember.programId,
      ...year2026,
    });
    expect((await run('2026-01-01', '2026-12-31', ksMember.programId)).notesClaimed).toBe(1);
    expect(await outcome(last)).toEqual({ claimed: 'KS-PA-1' });

    const newYear = await groupNote('2027-01-04');
    expect((await run('2027-01-01', '2027-01-31', ksMember.programId)).notesClaimed).toBe(1);
    expect(await outcome(newYear)).toEqual({ claimed: null });
  });
});
