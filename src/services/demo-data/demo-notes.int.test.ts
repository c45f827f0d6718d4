/**
 * Database suite: the demo service notes — signed notes (co-signed, pending review, returned), a draft from
 * today and an overdue draft — readable through the notes service like any other, so each notes page of the
 * demo has something to show; a Los Angeles member's notes open with the Plan of Care note.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/roles.js';
import {
  coveredLosAngelesMember,
  createDocumentationFixture,
  ManualClock,
  openTestStore,
  testContext,
  testDatabaseKind,
  type DocumentationFixture,
  type TestStore,
  fixtureActor,
} from '../../testing/index.js';
import type { Actor, ServiceContext } from '../context.js';
import { getNote, listNotes, listOverdueNotes, listReviewQueue } from '../notes/index.js';
import { createDemoCarePlans } from './demo-care-plans.js';
import { createDemoNotes, createDemoPlanOfCareNotes } from './demo-notes.js';

let store: TestStore;
let ctx: ServiceContext;
let fixture: DocumentationFixture;

const actorOf = (role: Role): Actor => fixtureActor(fixture, role);

beforeAll(async () => {
  store = await openTestStore();
  ctx = testContext(store, new ManualClock('2026-11-23T18:00:00Z'));
  fixture = await createDocumentationFixture(ctx, 'demo-notes');
});

afterAll(async () => {
  await store.dispose();
});

describe(`demo service notes on ${testDatabaseKind()}`, () => {
  it('writes signed notes in each review state, a draft and an overdue draft for the caseload', async () => {
    const programs = await store.db
      .selectFrom('programs')
      .select(['id', 'time_zone as timeZone'])
      .where('organisation_id', '=', fixture.id)
      .execute();
    const ids = await ctx.db.transaction().execute((trx) =>
      createDemoNotes(
        trx,
        fixture.id,
        fixture.members.map((member) => member.id),
        fixture.users.peer.id,
        fixture.users.supervisor.id,
        programs,
        ctx.clock,
      ),
    );
    const notes = await listNotes(ctx, actorOf('peer'), { limit: 200 });
    expect(notes.map((note) => note.id).sort()).toEqual([...ids].sort());
    const reviewStates = new Set(
      notes.filter((note) => note.status === 'signed').map((note) => note.reviewStatus),
    );
    expect(reviewStates).toEqual(new Set(['cosigned', 'pending', 'returned']));
    expect(notes.some((note) => note.status === 'draft' && note.businessDaysOverdue === 0)).toBe(true);

    const queue = await listReviewQueue(ctx, actorOf('supervisor'));
    expect(queue.length).toBeGreaterThanOrEqual(2);
    const overdue = await listOverdueNotes(ctx, actorOf('supervisor'), {});
    expect(overdue.notes.length).toBe(1);
    expect(overdue.notes[0]?.businessDaysOverdue).toBeGreaterThan(0);

    // A demo note opens in the form like any other, and a signed one kept the code it was judged by.
    const signed = notes.find((note) => note.reviewStatus === 'cosigned');
    const opened = await getNote(ctx, actorOf('peer'), signed?.id ?? '');
    expect(opened.note.reviews.map((review) => review.action)).toEqual(['cosigned']);
    const row = await store.db
      .selectFrom('service_notes')
      .select(['signed_code', 'signed_units'])
      .where('id', '=', signed?.id ?? '')
      .executeTakeFirstOrThrow();
    expect(row.signed_code).toBe(opened.preview?.lines[0]?.code ?? null);
  });

  it('opens a Los Angeles member’s notes with a co-signed Plan of Care note documenting their approved plan', async () => {
    // Its own organisation: the notes above are written without plans of care.
    const la = await createDocumentationFixture(ctx, 'demo-notes-la');
    const member = await coveredLosAngelesMember(store.db, la);
    const memberIds = la.members.map((each) => each.id);
    const programs = await store.db
      .selectFrom('programs')
      .select(['id', 'time_zone as timeZone'])
      .where('organisation_id', '=', la.id)
      .execute();
    await ctx.db.transaction().execute(async (trx) => {
      await createDemoCarePlans(trx, la.id, memberIds, la.users.peer.id, la.users.supervisor.id, {
        now: ctx.clock.now(),
      });
      for (const create of [createDemoPlanOfCareNotes, createDemoNotes]) {
        await create(trx, la.id, memberIds, la.users.peer.id, la.users.supervisor.id, programs, ctx.clock);
      }
    });
    const plan = await store.db
      .selectFrom('care_plans')
      .select(['id', 'effective_from'])
      .where('member_id', '=', member.id)
      .where('status', '=', 'approved')
      .executeTakeFirstOrThrow();
    const notes = await store.db
      .selectFrom('service_notes')
      .select(['id', 'member_id', 'status', 'review_status', 'date_of_service', 'plan_of_care_id'])
      .where('organisation_id', '=', la.id)
      .orderBy('date_of_service')
      .execute();
    // Only the member covered by Los Angeles County SAPC gets one (the others have approved plans too).
    expect(notes.filter((note) => note.plan_of_care_id !== null).map((note) => note.member_id)).toEqual([
      member.id,
    ]);
    const [first, ...others] = notes.filter((note) => note.member_id === member.id);
    expect(first).toMatchObject({ status: 'signed', review_status: 'cosigned', plan_of_care_id: plan.id });
    expect(others.length).toBeGreaterThan(0);
    // After the plan's approval, and on or before every other note of the member (dates compare as text).
    const firstOn = first?.date_of_service ?? '';
    expect(firstOn > (plan.effective_from ?? '9999-12-31')).toBe(true);
    expect(others.filter((other) => other.date_of_service < firstOn)).toEqual([]);

    // Judged as billing will judge it: the Plan of Care note is claimable, and no other note is held for
    // coming before it.
    const peer = fixtureActor(la, 'peer');
    const opened = await getNote(ctx, peer, first?.id ?? '');
    expect(opened.preview?.pack.id).toBe('ca-la-sapc');
    expect(opened.preview?.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    const signedOthers = others.filter((other) => other.status === 'signed');
    expect(signedOthers.length).toBeGreaterThan(0);
    for (const other of signedOthers) {
      const { preview } = await getNote(ctx, peer, other.id);
      expect(preview?.pack.id).toBe('ca-la-sapc');
      expect(preview?.problems.map((problem) => problem.source?.ruleId)).not.toContain(
        'ca-la-sapc.plan_of_care.first_note',
      );
    }
  });
});
