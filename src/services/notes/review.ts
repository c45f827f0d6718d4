/**
 * @module services/notes/review
 * After signing: addenda (who, when, why — the only way a signed note changes) and supervisor review. The
 * author's supervisor or an admin co-signs a pending note or returns it with a comment; the author answers a
 * returned note with an addendum, which puts it back in the queue. Addenda and review entries are
 * append-only in the database.
 */
import type { Kysely } from 'kysely';
import type {
  AddendumRequest,
  NoteResponse,
  NoteSummary,
  ReturnNoteRequest,
} from '../../shared/api/notes.js';
import type { Database, ServiceNoteRow } from '../../store/index.js';
import { memberForActor } from '../access/index.js';
import { actorEntry, recordAudit } from '../audit/index.js';
import type { Actor, ServiceContext } from '../context.js';
import { conflict, requireRole } from '../errors.js';
import {
  NOTE_REVIEWERS,
  noteForActor,
  requireNoteWriter,
  requireReviewerOf,
  supervisedBy,
  updateNote,
} from './note-access.js';
import { auditedSummaries, noteResponse, noteSummaryQuery } from './note-view.js';

/**
 * Adds an addendum to a signed note. The author, or a note writer who may change the member's record, may
 * add one; when the note was returned by review and its author adds one, it goes back to 'pending'.
 *
 * @throws ServiceError `conflict` for a draft (change the draft itself), `forbidden` for billing staff and
 *   clinicians
 */
export async function addAddendum(
  ctx: ServiceContext,
  actor: Actor,
  noteId: string,
  request: AddendumRequest,
): Promise<NoteResponse> {
  return ctx.db.transaction().execute(async (trx) => {
    const note = await noteForActor(trx, actor, noteId, { forUpdate: true });
    requireNoteWriter(actor);
    const byAuthor = note.author_id === actor.userId;
    if (!byAuthor) await memberForActor(trx, actor, note.member_id, 'write');
    if (note.status !== 'signed') {
      throw conflict(
        'note.not_signed',
        'This note is still a draft: change the draft itself. Addenda are for signed notes.',
        ['params', 'id'],
      );
    }
    const now = ctx.clock.now();
    const addendum = await trx
      .insertInto('note_addenda')
      .values({
        organisation_id: actor.organisationId,
        note_id: note.id,
        author_id: actor.userId,
        created_at: now,
        reason: request.reason,
        text: request.text,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const backToReview = byAuthor && note.review_status === 'returned';
    if (backToReview) {
      await updateNote(trx, note, {
        review_status: 'pending',
        reviewed_by: null,
        reviewed_at: null,
        updated_at: now,
      });
    }
    await recordAudit(
      trx,
      ctx.clock,
      actorEntry(actor, 'note.addendum', { type: 'service_note', id: note.id }, 'success', {
        addendumId: addendum.id,
        reviewStatus: backToReview ? 'pending' : note.review_status,
      }),
    );
    return noteResponse(trx, actor.organisationId, note.id, now);
  });
}

/** Signed notes waiting for the actor's review: a supervisor's supervisees', or all for an admin. */
export async function listReviewQueue(ctx: ServiceContext, actor: Actor): Promise<NoteSummary[]> {
  requireRole(actor, NOTE_REVIEWERS);
  return ctx.db.transaction().execute(async (trx) => {
    let query = noteSummaryQuery(trx, actor)
      .where('service_notes.status', '=', 'signed')
      .where('service_notes.review_status', '=', 'pending')
      .where('service_notes.author_id', '<>', actor.userId);
    if (!actor.roles.includes('admin')) {
      query = query.where('service_notes.author_id', 'in', supervisedBy(trx, actor));
    }
    const rows = await query
      .orderBy('service_notes.signed_at')
      .orderBy('service_notes.id')
      .limit(500)
      .execute();
    return auditedSummaries(trx, ctx.clock, actor, rows, { view: 'reviews' });
  });
}

/** Co-signs a note pending review. */
export async function cosignNote(ctx: ServiceContext, actor: Actor, noteId: string): Promise<NoteResponse> {
  return review(ctx, actor, noteId, { action: 'cosigned', comment: null });
}

/** Returns a note pending review to its author with a comment saying what to fix. */
export async function returnNote(
  ctx: ServiceContext,
  actor: Actor,
  noteId: string,
  request: ReturnNoteRequest,
): Promise<NoteResponse> {
  return review(ctx, actor, noteId, { action: 'returned', comment: request.comment });
}

async function review(
  ctx: ServiceContext,
  actor: Actor,
  noteId: string,
  decision: { action: 'cosigned' | 'returned'; comment: string | null },
): Promise<NoteResponse> {
  requireRole(actor, NOTE_REVIEWERS);
  return ctx.db.transaction().execute(async (trx) => {
    const note = await noteForActor(trx, actor, noteId, { forUpdate: true });
    await requireReviewerOf(trx, actor, note);
    refuseUnlessPending(note);
    const now = ctx.clock.now();
    await recordReview(trx, actor, note, decision, now);
    await recordAudit(
      trx,
      ctx.clock,
      actorEntry(actor, decision.action === 'cosigned' ? 'note.cosign' : 'note.return', {
        type: 'service_note',
        id: note.id,
      }),
    );
    return noteResponse(trx, actor.organisationId, note.id, now);
  });
}

function refuseUnlessPending(note: ServiceNoteRow): void {
  if (note.status === 'signed' && note.review_status === 'pending') return;
  const why =
    note.status === 'draft'
      ? 'it is not signed yet'
      : `its review status is “${note.review_status.replace('_', ' ')}”`;
  throw conflict(
    'note.not_pending_review',
    `This note is not waiting for review: ${why}. Reload the review queue.`,
    ['params', 'id'],
  );
}

async function recordReview(
  trx: Kysely<Database>,
  actor: Actor,
  note: ServiceNoteRow,
  decision: { action: 'cosigned' | 'returned'; comment: string | null },
  now: Date,
): Promise<void> {
  await trx
    .insertInto('note_reviews')
    .values({
      organisation_id: actor.organisationId,
      note_id: note.id,
      reviewer_id: actor.userId,
      action: decision.action,
      comment: decision.comment,
      created_at: now,
    })
    .execute();
  await updateNote(trx, note, {
    review_status: decision.action,
    reviewed_by: actor.userId,
    reviewed_at: now,
    updated_at: now,
  });
}
