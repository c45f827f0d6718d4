/**
 * @module web/lib/use-note-draft
 * A draft note that saves itself. Typing changes the form at once; the changed fields go to the server
 * (`PUT /notes/:id/draft` with the revision they were made on) about 1.5 s after typing stops, when a field
 * loses focus, and when the page is hidden. Until the server has them they are also kept on the device
 * (`note-draft-storage`), so a reload, a closed tab or a lost connection loses nothing: the copy is restored
 * when the note opens again, and sent as soon as the browser is back online.
 *
 * A refused save is said plainly: 409 means the note changed elsewhere (another tab or device) or was signed,
 * and the page offers to reload; 400 puts the problems beside the fields; no connection means "Offline —
 * saved on this device". Saves run one at a time, in order.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { NoteFields, NoteResponse, Problem } from '../../../src/shared/index.js';
import { api, asApiError, ok } from '../api/index.js';
import type { ApiError } from '../api/index.js';
import {
  alreadyApplied,
  applyStoredDraft,
  baseOf,
  changedFields,
  readStoredDraft,
  removeStoredDraft,
  writeStoredDraft,
} from './note-draft-storage.js';
import type { StoredNoteDraft } from './note-draft-storage.js';
import { checkNoteFields } from './note-problems.js';

/** How long after the last keystroke a draft is saved. */
export const AUTOSAVE_DELAY_MS = 1500;
/** How often a save that could not reach the server is tried again (besides the browser's `online`). */
const RETRY_INTERVAL_MS = 20_000;

export type SaveStatus =
  /** Nothing changed since the note was opened. */
  | { kind: 'idle' }
  /** Changes typed; a save is coming. */
  | { kind: 'pending' }
  | { kind: 'saving' }
  /** The server has everything; `at` in ms (browser clock). */
  | { kind: 'saved'; at: number }
  /** No connection: the changes are on this device and go to the server once it is back. */
  | { kind: 'offline' }
  /** Some fields cannot be saved until they are put right (the rest are saved). */
  | { kind: 'invalid' }
  /** The note changed elsewhere or was signed: saving stops until the page reloads the note. */
  | { kind: 'conflict'; signed: boolean }
  | { kind: 'failed'; error: ApiError };

/** What became of changes found on the device when the note opened. */
export type RestoreOutcome =
  /** Applied on top of the server's version, and being saved. */
  | { kind: 'restored'; savedAt: number }
  /** Made on an older version of the note: the user chooses whether to apply them. */
  | { kind: 'offered'; draft: StoredNoteDraft }
  /** The note has been signed since: they cannot be applied. */
  | { kind: 'signed'; savedAt: number };

export interface NoteDraft {
  /** The server's latest answer (note, preview as saved, documentation problems, what the form shows). */
  response: NoteResponse;
  /** What the form shows: the server's fields with this device's changes on top. */
  fields: NoteFields;
  setField: <K extends keyof NoteFields>(name: K, value: NoteFields[K]) => void;
  status: SaveStatus;
  /** Form problems of this device's changes: fields the contract refuses, and a refused save's problems. */
  problems: Problem[];
  restore: RestoreOutcome | null;
  /** Applies (true) or throws away (false) the changes offered by `restore`. */
  resolveRestore: (apply: boolean) => void;
  /** Saves now. Resolves true when the server has every change (nothing left only on this device). */
  flush: () => Promise<boolean>;
  /** The revision the server last acknowledged (what signing must name). */
  revision: () => number;
}

interface Base {
  revision: number;
  /** The fields as the server last acknowledged them. */
  fields: NoteFields;
}

/** What to do with changes kept on the device for a note that has just been loaded. */
function restoreOutcomeOf(response: NoteResponse, stored: StoredNoteDraft | null): RestoreOutcome | null {
  const { note } = response;
  if (stored === null || alreadyApplied(stored.fields, note.fields)) {
    return null;
  }
  if (note.status === 'signed') {
    return { kind: 'signed', savedAt: stored.savedAt };
  }
  if (stored.baseRevision === note.revision) {
    return { kind: 'restored', savedAt: stored.savedAt };
  }
  return { kind: 'offered', draft: stored };
}

function isOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine;
}

/**
 * The draft of one loaded note. Render the form with a `key` of the note id and load, so a reload starts
 * afresh from the server's answer.
 *
 * @param initial - the note as loaded from the server
 */
export function useNoteDraft(initial: NoteResponse): NoteDraft {
  const noteId = initial.note.id;
  const [start] = useState(() => {
    const stored = readStoredDraft(noteId, initial.note.fields);
    const outcome = restoreOutcomeOf(initial, stored);
    const fields =
      outcome?.kind === 'restored' && stored !== null
        ? { ...initial.note.fields, ...stored.fields }
        : initial.note.fields;
    return { outcome, fields, hadCopy: stored !== null };
  });
  const [response, setResponse] = useState(initial);
  const [fields, setFields] = useState<NoteFields>(start.fields);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const [checkProblems, setCheckProblems] = useState<Problem[]>([]);
  const [saveProblems, setSaveProblems] = useState<Problem[]>([]);
  const [restore, setRestore] = useState<RestoreOutcome | null>(start.outcome);

  const fieldsRef = useRef<NoteFields>(start.fields);
  const baseRef = useRef<Base>({ revision: initial.note.revision, fields: initial.note.fields });
  const chain = useRef<Promise<boolean>>(Promise.resolve(true));
  const timer = useRef<number | undefined>(undefined);
  /** Saving has stopped (conflict, or the note is signed) until the note is loaded again. */
  const stopped = useRef(initial.note.status !== 'draft');

  /** Keeps this device's unsaved changes in storage, or removes the copy when there are none. */
  const persist = useCallback(() => {
    const changes = changedFields(fieldsRef.current, baseRef.current.fields);
    if (Object.keys(changes).length === 0) {
      removeStoredDraft(noteId);
      return;
    }
    writeStoredDraft(noteId, {
      baseRevision: baseRef.current.revision,
      fields: changes,
      base: baseOf(changes, baseRef.current.fields),
      savedAt: Date.now(),
    });
  }, [noteId]);

  /**
   * After a 409: the note as the server has it decides whether this was our own save, answered late (then
   * `again`: save what is left on top of the server's revision) or a real conflict (saving stops).
   */
  const settleConflict = useCallback(
    async (sent: Partial<NoteFields>, sentOn: Base): Promise<false | 'again'> => {
      let latest: NoteResponse;
      try {
        latest = await ok(api.GET('/api/v1/notes/{id}', { params: { path: { id: noteId } } }));
      } catch {
        setStatus({ kind: 'conflict', signed: false });
        stopped.current = true;
        return false;
      }
      const theirs = changedFields(latest.note.fields, sentOn.fields);
      const onlyOurs = alreadyApplied(theirs, { ...sentOn.fields, ...sent });
      if (latest.note.status === 'draft' && onlyOurs && alreadyApplied(sent, latest.note.fields)) {
        // The earlier save reached the server but its answer was lost: carry on from the server's revision.
        baseRef.current = { revision: latest.note.revision, fields: latest.note.fields };
        setResponse(latest);
        persist();
        return 'again';
      }
      stopped.current = true;
      setStatus({ kind: 'conflict', signed: latest.note.status === 'signed' });
      return false;
    },
    [noteId, persist],
  );

  const saveOnce = useCallback(async (): Promise<boolean | 'again'> => {
    if (stopped.current) {
      return false;
    }
    const sentOn = baseRef.current;
    const changes = changedFields(fieldsRef.current, sentOn.fields);
    const { valid, problems } = checkNoteFields(changes);
    setCheckProblems(problems);
    if (Object.keys(valid).length === 0) {
      // Nothing to send: either only fields still to put right, or the changes were undone.
      setStatus((current) => {
        if (problems.length > 0) {
          return { kind: 'invalid' };
        }
        return current.kind === 'saved' || current.kind === 'idle'
          ? current
          : { kind: 'saved', at: Date.now() };
      });
      return problems.length === 0;
    }
    if (!isOnline()) {
      persist();
      setStatus({ kind: 'offline' });
      return false;
    }
    setStatus({ kind: 'saving' });
    try {
      const saved = await ok(
        api.PUT('/api/v1/notes/{id}/draft', {
          params: { path: { id: noteId } },
          body: { revision: sentOn.revision, fields: valid },
        }),
      );
      // What was sent is what the form shows, even if the server tidied it (trimmed spaces, say).
      baseRef.current = { revision: saved.revision, fields: { ...saved.fields, ...valid } };
      // The save answers the note's new revision, what signing needs and what the form shows (payer,
      // modifiers, consent on file: they follow the date of service and modality); the claim comes from the
      // preview.
      setResponse((current) => ({
        ...current,
        note: {
          ...current.note,
          revision: saved.revision,
          updatedAt: saved.updatedAt,
          fields: saved.fields,
          dueOn: saved.dueOn,
          lateReasonNeeded: saved.lateReasonNeeded,
        },
        documentationProblems: saved.documentationProblems,
        form: saved.form,
      }));
      setSaveProblems([]);
      persist();
      const left = changedFields(fieldsRef.current, baseRef.current.fields);
      if (problems.length > 0) {
        setStatus({ kind: 'invalid' });
      } else if (Object.keys(left).length > 0) {
        setStatus({ kind: 'pending' });
      } else {
        setStatus({ kind: 'saved', at: Date.now() });
      }
      return Object.keys(left).length === 0;
    } catch (error) {
      const apiError = asApiError(error);
      persist();
      if (apiError.status === 0) {
        setStatus({ kind: 'offline' });
        return false;
      }
      if (apiError.status === 409) {
        return settleConflict(valid, sentOn);
      }
      if (apiError.status === 400) {
        setSaveProblems(apiError.problems);
      }
      setStatus({ kind: 'failed', error: apiError });
      return false;
    }
  }, [noteId, persist, settleConflict]);

  const saveNow = useCallback(async (): Promise<boolean> => {
    const first = await saveOnce();
    // Once more at most: a second 409 on the server's own latest revision is a real conflict.
    const outcome = first === 'again' ? await saveOnce() : first;
    if (outcome === 'again') {
      setStatus({ kind: 'pending' });
    }
    return outcome === true;
  }, [saveOnce]);

  /** Saves after the saves already under way, one at a time. */
  const flush = useCallback((): Promise<boolean> => {
    window.clearTimeout(timer.current);
    const next = chain.current.then(saveNow, saveNow);
    chain.current = next;
    return next;
  }, [saveNow]);

  const schedule = useCallback(
    (delay: number) => {
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => {
        void flush();
      }, delay);
    },
    [flush],
  );

  const setField = useCallback(
    <K extends keyof NoteFields>(name: K, value: NoteFields[K]): void => {
      if (stopped.current) {
        return;
      }
      fieldsRef.current = { ...fieldsRef.current, [name]: value };
      setFields(fieldsRef.current);
      persist();
      setStatus((current) => (current.kind === 'offline' && !isOnline() ? current : { kind: 'pending' }));
      schedule(AUTOSAVE_DELAY_MS);
    },
    [persist, schedule],
  );

  const resolveRestore = useCallback(
    (apply: boolean) => {
      if (restore?.kind !== 'offered') {
        setRestore(null);
        return;
      }
      setRestore(null);
      if (apply) {
        fieldsRef.current = applyStoredDraft(fieldsRef.current, restore.draft);
        setFields(fieldsRef.current);
        persist();
        schedule(0);
      } else {
        removeStoredDraft(noteId);
      }
    },
    [noteId, persist, restore, schedule],
  );

  // On opening: a copy made on this very revision is sent at once; a stale or useless one is cleared.
  useEffect(() => {
    switch (start.outcome?.kind) {
      case 'restored':
        schedule(0);
        return;
      case 'signed':
        removeStoredDraft(noteId);
        return;
      case 'offered':
        return;
      case undefined:
        if (start.hadCopy) {
          removeStoredDraft(noteId);
        }
        return;
    }
  }, [noteId, schedule, start]);

  // Back online, hidden, or still unsent after a while: send what is waiting.
  useEffect(() => {
    const onOnline = (): void => {
      void flush();
    };
    const onOffline = (): void => {
      if (Object.keys(changedFields(fieldsRef.current, baseRef.current.fields)).length > 0) {
        setStatus({ kind: 'offline' });
      }
    };
    const onHidden = (): void => {
      if (document.visibilityState === 'hidden') {
        persist();
        void flush();
      }
    };
    const onPageHide = (): void => persist();
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    window.addEventListener('pagehide', onPageHide);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', onHidden);
    };
  }, [flush, persist]);

  useEffect(() => {
    if (status.kind !== 'offline' && !(status.kind === 'failed' && status.error.status >= 500)) {
      return;
    }
    const retry = window.setInterval(() => {
      if (isOnline()) {
        void flush();
      }
    }, RETRY_INTERVAL_MS);
    return () => window.clearInterval(retry);
  }, [flush, status]);

  // Leaving the page (to another page of the app): send what is waiting; the device copy stays until then.
  useEffect(
    () => () => {
      window.clearTimeout(timer.current);
      if (Object.keys(changedFields(fieldsRef.current, baseRef.current.fields)).length > 0) {
        void flush();
      }
    },
    [flush],
  );

  return {
    response,
    fields,
    setField,
    status,
    problems: [...checkProblems, ...saveProblems],
    restore,
    resolveRestore,
    flush,
    revision: () => baseRef.current.revision,
  };
}
