/**
 * @module web/api/notes
 * The service-note routes: create, read and list notes, save a draft, preview its claim, sign, add an
 * addendum, and the supervisor's review queue (co-sign, return with a comment). Each answer is parsed with
 * the route's shared schema (`src/shared/api/notes.ts`).
 */
import {
  ClaimPreviewSchema,
  NoteListResponseSchema,
  NoteResponseSchema,
  OverdueNotesResponseSchema,
} from '../../../src/shared/index.js';
import type {
  AddendumRequest,
  ClaimPreview,
  CreateNoteRequest,
  NoteFields,
  NoteResponse,
  NoteSummary,
  OverdueNotesQuery,
  OverdueNotesResponse,
  SaveDraftRequest,
} from '../../../src/shared/index.js';
import { requestJson } from './legacy-client.js';

const NOTES = '/api/v1/notes';

function notePath(id: string, action?: string): string {
  const path = `${NOTES}/${encodeURIComponent(id)}`;
  return action === undefined ? path : `${path}/${action}`;
}

/** Filters of the notes list; the query's string form (`overdue: 'true'`), as the URL carries them. */
export interface NoteListFilters {
  memberId?: string;
  authorId?: string;
  programId?: string;
  status?: string;
  reviewStatus?: string;
  overdue?: 'true' | 'false';
  limit?: string;
}

export function createNote(body: CreateNoteRequest): Promise<NoteResponse> {
  return requestJson(NOTES, NoteResponseSchema, { method: 'POST', body });
}

export function getNote(id: string, signal?: AbortSignal): Promise<NoteResponse> {
  return requestJson(notePath(id), NoteResponseSchema, { signal });
}

/** Notes the signed-in user may see, newest first, narrowed by `filters`. */
export async function listNotes(filters: NoteListFilters, signal?: AbortSignal): Promise<NoteSummary[]> {
  return (await requestJson(NOTES, NoteListResponseSchema, { query: { ...filters }, signal })).notes;
}

/** Unsigned notes past their due date, with tallies per peer and per program. */
export function listOverdueNotes(
  query: OverdueNotesQuery,
  signal?: AbortSignal,
): Promise<OverdueNotesResponse> {
  return requestJson(`${NOTES}/overdue`, OverdueNotesResponseSchema, { query: { ...query }, signal });
}

/** An autosave: 409 when the note has moved past `revision` or has been signed. */
export function saveNoteDraft(id: string, body: SaveDraftRequest): Promise<NoteResponse> {
  return requestJson(notePath(id, 'draft'), NoteResponseSchema, { method: 'PUT', body });
}

/** What the payer rules say about the note with `fields` in place of the saved ones (nothing is saved). */
export function previewNoteDraft(
  id: string,
  fields: Partial<NoteFields>,
  signal?: AbortSignal,
): Promise<ClaimPreview> {
  return requestJson(notePath(id, 'preview'), ClaimPreviewSchema, {
    method: 'POST',
    body: { fields },
    signal,
  });
}

/** Signs revision `revision`; 400 with the problems that block signing. */
export function signNote(id: string, revision: number): Promise<NoteResponse> {
  return requestJson(notePath(id, 'sign'), NoteResponseSchema, { method: 'POST', body: { revision } });
}

export function addNoteAddendum(id: string, body: AddendumRequest): Promise<NoteResponse> {
  return requestJson(notePath(id, 'addenda'), NoteResponseSchema, { method: 'POST', body });
}

/** Signed notes waiting for the signed-in supervisor's review. */
export async function listReviewQueue(signal?: AbortSignal): Promise<NoteSummary[]> {
  return (await requestJson('/api/v1/reviews', NoteListResponseSchema, { signal })).notes;
}

export function cosignNote(id: string): Promise<NoteResponse> {
  return requestJson(notePath(id, 'cosign'), NoteResponseSchema, { method: 'POST', body: {} });
}

export function returnNote(id: string, comment: string): Promise<NoteResponse> {
  return requestJson(notePath(id, 'return'), NoteResponseSchema, { method: 'POST', body: { comment } });
}
