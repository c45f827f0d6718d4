/**
 * Database suite: the demo service notes — signed notes (co-signed, pending review, returned), a draft from
 * today and an overdue draft — readable through the notes service like any other, so each notes page of the
 * demo has something to show.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/roles.js';
import {
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
import { createDemoNotes } from './demo-notes.js';

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
});
