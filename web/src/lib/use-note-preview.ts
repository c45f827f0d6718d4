/**
 * @module web/lib/use-note-preview
 * The live claim preview of a note while it is written: about 300 ms after the fields stop changing, the
 * fields the contract accepts go to `POST /notes/:id/preview` (nothing is saved) and the payer rules' answer
 * replaces the one shown. A newer request aborts the one before it, so an old answer never overwrites a
 * newer one. Without a connection the last preview stays, marked as out of date.
 */
import { useEffect, useRef, useState } from 'react';
import type { ClaimPreview, NoteFields, Problem } from '../../../src/shared/index.js';
import { api, asApiError, isAbortError, ok } from '../api/index.js';
import { checkNoteFields } from './note-problems.js';

export const PREVIEW_DELAY_MS = 300;

export type PreviewState =
  /** The preview shown matches the form. */
  | { status: 'current'; preview: ClaimPreview | null }
  | { status: 'updating'; preview: ClaimPreview | null }
  /** The preview shown is from before the latest changes: no connection. */
  | { status: 'offline'; preview: ClaimPreview | null }
  /** The server refused the preview; `problems` say why (as form problems). */
  | { status: 'failed'; preview: ClaimPreview | null; problems: Problem[] };

/**
 * @param noteId - the note being written
 * @param fields - the form's fields as they stand
 * @param saved - the note's fields as the server has them, and the preview it sent for them
 * @param enabled - false for a note that can no longer change
 */
export function useNotePreview(
  noteId: string,
  fields: NoteFields,
  saved: { fields: NoteFields; preview: ClaimPreview | null },
  enabled: boolean,
): PreviewState {
  const [state, setState] = useState<PreviewState>({ status: 'current', preview: saved.preview });
  const [onlineAgain, setOnlineAgain] = useState(0);
  const key = JSON.stringify(fields);
  const [savedKey] = useState(() => JSON.stringify(saved.fields));
  const latest = useRef(fields);
  latest.current = fields;

  useEffect(() => {
    const onOnline = (): void => setOnlineAgain((value) => value + 1);
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, []);

  useEffect(() => {
    // The server's preview already describes the fields as loaded; ask again only once they change.
    if (!enabled || (key === savedKey && onlineAgain === 0)) {
      return;
    }
    const controller = new AbortController();
    setState((current) => ({ status: 'updating', preview: current.preview }));
    const timer = window.setTimeout(() => {
      const { valid } = checkNoteFields(latest.current);
      const params = { path: { id: noteId } };
      ok(
        api.POST('/api/v1/notes/{id}/preview', {
          params,
          body: { fields: valid },
          signal: controller.signal,
        }),
      ).then(
        (preview) => {
          if (!controller.signal.aborted) {
            setState({ status: 'current', preview });
          }
        },
        (error: unknown) => {
          if (controller.signal.aborted || isAbortError(error)) {
            return;
          }
          const apiError = asApiError(error);
          setState((current) =>
            apiError.status === 0
              ? { status: 'offline', preview: current.preview }
              : {
                  status: 'failed',
                  preview: current.preview,
                  problems: apiError.problems,
                },
          );
        },
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [noteId, key, savedKey, enabled, onlineAgain]);

  return state;
}
