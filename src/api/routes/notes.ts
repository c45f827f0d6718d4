/**
 * @module api/routes/notes
 * /api/v1/notes (service notes: drafts, autosave, live preview, signing, addenda, co-signing and returning,
 * the overdue list) and /api/v1/reviews (the supervisor's review queue). The guard admits the roles that may
 * call a route at all; the service decides the rest (the author alone saves and signs a draft, a supervisor
 * reviews only their supervisees' notes, a note out of reach answers 404).
 */
import { EmptyBodySchema } from '../../shared/api/auth.js';
import { ClaimPreviewSchema } from '../../shared/api/claims.js';
import { IdParamsSchema } from '../../shared/api/common.js';
import {
  AddendumRequestSchema,
  CreateNoteRequestSchema,
  NoteListQuerySchema,
  noteRequestPath,
  NoteListResponseSchema,
  NoteResponseSchema,
  SaveDraftResponseSchema,
  OverdueNotesQuerySchema,
  OverdueNotesResponseSchema,
  PreviewDraftRequestSchema,
  ReturnNoteRequestSchema,
  SaveDraftRequestSchema,
  SignNoteRequestSchema,
} from '../../shared/api/notes.js';
import type { ServiceContext } from '../../services/context.js';
import {
  addAddendum,
  cosignNote,
  createNote,
  getNote,
  listNotes,
  listOverdueNotes,
  listReviewQueue,
  NOTE_REVIEWERS,
  NOTE_WRITERS,
  previewDraft,
  returnNote,
  saveDraft,
  signNote,
} from '../../services/notes/index.js';
import { ANY_ROLE, authenticatedOf, requireUser } from '../plugins/authentication.js';
import { GUARDED, problemResponses, type ZodApp } from '../types.js';

/** How a refused note field is named: by the note field, not where the body holds it (shared/problem.ts). */
const CREATE_NOTE = noteRequestPath([]);
const NOTE_FIELDS_REQUEST = noteRequestPath(['fields']);

export function registerNoteRoutes(app: ZodApp, ctx: ServiceContext): void {
  const signedIn = requireUser(ctx, ANY_ROLE);
  const writers = requireUser(ctx, NOTE_WRITERS);
  const reviewers = requireUser(ctx, NOTE_REVIEWERS);
  const tags = ['notes'];

  app.post(
    '/api/v1/notes',
    {
      config: { bodyProblemPath: CREATE_NOTE },
      preHandler: writers,
      schema: {
        tags,
        summary: 'Start a draft note for a member you may write for; answers it with its live claim preview.',
        body: CreateNoteRequestSchema,
        response: { 201: NoteResponseSchema, ...problemResponses(...GUARDED, 404, 415) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createNote(ctx, authenticatedOf(request).actor, request.body)),
  );

  app.get(
    '/api/v1/notes',
    {
      preHandler: signedIn,
      schema: {
        tags,
        summary:
          'Notes you may see (a peer: own and caseload; a supervisor: the team’s; billing, admin: all).',
        querystring: NoteListQuerySchema,
        response: { 200: NoteListResponseSchema, ...problemResponses(...GUARDED) },
      },
    },
    async (request) => ({ notes: await listNotes(ctx, authenticatedOf(request).actor, request.query) }),
  );

  app.get(
    '/api/v1/notes/overdue',
    {
      preHandler: signedIn,
      schema: {
        tags,
        summary:
          'Unsigned notes past their due date, with business days overdue, per author and per program.',
        querystring: OverdueNotesQuerySchema,
        response: { 200: OverdueNotesResponseSchema, ...problemResponses(...GUARDED) },
      },
    },
    async (request) => listOverdueNotes(ctx, authenticatedOf(request).actor, request.query),
  );

  app.get(
    '/api/v1/notes/:id',
    {
      preHandler: signedIn,
      schema: {
        tags,
        summary: 'One note with its addenda, reviews, live claim preview and documentation problems.',
        params: IdParamsSchema,
        response: { 200: NoteResponseSchema, ...problemResponses(...GUARDED, 404) },
      },
    },
    async (request) => getNote(ctx, authenticatedOf(request).actor, request.params.id),
  );

  app.put(
    '/api/v1/notes/:id/draft',
    {
      config: { bodyProblemPath: NOTE_FIELDS_REQUEST },
      preHandler: writers,
      schema: {
        tags,
        summary:
          'Autosave the fields changed since `revision` (the author only). 409 when the note changed elsewhere or is signed.',
        params: IdParamsSchema,
        body: SaveDraftRequestSchema,
        response: { 200: SaveDraftResponseSchema, ...problemResponses(...GUARDED, 404, 409, 415) },
      },
    },
    async (request) => saveDraft(ctx, authenticatedOf(request).actor, request.params.id, request.body),
  );

  app.post(
    '/api/v1/notes/:id/preview',
    {
      config: { bodyProblemPath: NOTE_FIELDS_REQUEST },
      preHandler: signedIn,
      schema: {
        tags,
        summary:
          'The claim preview of the draft with these fields in place of the saved ones. Saves nothing; 400 names what a preview still needs.',
        params: IdParamsSchema,
        body: PreviewDraftRequestSchema,
        response: { 200: ClaimPreviewSchema, ...problemResponses(...GUARDED, 404, 409, 415) },
      },
    },
    async (request) => previewDraft(ctx, authenticatedOf(request).actor, request.params.id, request.body),
  );

  app.post(
    '/api/v1/notes/:id/sign',
    {
      preHandler: writers,
      schema: {
        tags,
        summary:
          'Sign and lock the note (the author only). 400 lists the missing fields; 409 when stale, signed, or the certification blocks it.',
        params: IdParamsSchema,
        body: SignNoteRequestSchema,
        response: { 200: NoteResponseSchema, ...problemResponses(...GUARDED, 404, 409, 415) },
      },
    },
    async (request) => signNote(ctx, authenticatedOf(request).actor, request.params.id, request.body),
  );

  app.post(
    '/api/v1/notes/:id/addenda',
    {
      preHandler: writers,
      schema: {
        tags,
        summary: 'Add an addendum (why and what) to a signed note; the author’s answers a returned note.',
        params: IdParamsSchema,
        body: AddendumRequestSchema,
        response: { 201: NoteResponseSchema, ...problemResponses(...GUARDED, 404, 409, 415) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await addAddendum(ctx, authenticatedOf(request).actor, request.params.id, request.body)),
  );

  app.post(
    '/api/v1/notes/:id/cosign',
    {
      preHandler: reviewers,
      schema: {
        tags,
        summary: 'Co-sign a note pending review (the author’s supervisor or an admin).',
        params: IdParamsSchema,
        body: EmptyBodySchema,
        response: { 200: NoteResponseSchema, ...problemResponses(...GUARDED, 404, 409, 415) },
      },
    },
    async (request) => cosignNote(ctx, authenticatedOf(request).actor, request.params.id),
  );

  app.post(
    '/api/v1/notes/:id/return',
    {
      preHandler: reviewers,
      schema: {
        tags,
        summary: 'Return a note pending review to its author with a comment saying what to fix.',
        params: IdParamsSchema,
        body: ReturnNoteRequestSchema,
        response: { 200: NoteResponseSchema, ...problemResponses(...GUARDED, 404, 409, 415) },
      },
    },
    async (request) => returnNote(ctx, authenticatedOf(request).actor, request.params.id, request.body),
  );

  app.get(
    '/api/v1/reviews',
    {
      preHandler: reviewers,
      schema: {
        tags: ['reviews'],
        summary: 'Signed notes waiting for your review (a supervisor: the team’s; an admin: all).',
        response: { 200: NoteListResponseSchema, ...problemResponses(...GUARDED) },
      },
    },
    async (request) => ({ notes: await listReviewQueue(ctx, authenticatedOf(request).actor) }),
  );
}
