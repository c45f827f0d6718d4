/**
 * @module web/components/note-save-status
 * Whether a draft's changes are safe, in a few words ("Saved 10:42", "Saving…", "Offline — saved on this
 * device"), and the notices a draft may need: changes restored from this device, changes from an older
 * version to apply or discard, and a note changed elsewhere, with a way to reload it. Only the states a
 * user must act on are announced; "Saving…" every few seconds would drown a screen reader.
 */
import type { JSX } from 'react';
import { formatTime } from '../lib/format.js';
import type { RestoreOutcome, SaveStatus } from '../lib/use-note-draft.js';

/** The save state in a few words. */
export function saveStatusText(status: SaveStatus): string {
  switch (status.kind) {
    case 'idle':
      return 'Changes save by themselves.';
    case 'pending':
      return 'Changes not saved yet…';
    case 'saving':
      return 'Saving…';
    case 'saved':
      return `Saved ${formatTime(status.at)}`;
    case 'offline':
      return 'Offline — saved on this device';
    case 'invalid':
      return 'Some changes are not saved: put right the fields marked below.';
    case 'conflict':
      return status.signed
        ? 'Not saved: the note has been signed.'
        : 'Not saved: the note changed elsewhere.';
    case 'failed':
      return `Not saved: ${status.error.message}`;
  }
}

/** What a screen reader should hear about saving: only states that need the user. */
function announcement(status: SaveStatus): string {
  switch (status.kind) {
    case 'offline':
    case 'invalid':
    case 'failed':
      return saveStatusText(status);
    case 'idle':
    case 'pending':
    case 'saving':
    case 'saved':
    case 'conflict':
      return '';
  }
}

export function NoteSaveStatus({
  status,
  onRetry,
}: {
  status: SaveStatus;
  onRetry: () => void;
}): JSX.Element {
  return (
    <div className="save-status">
      <p className={`save-status-text save-status-${status.kind}`} data-testid="save-status">
        {saveStatusText(status)}
      </p>
      {status.kind === 'failed' ? (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          Try saving again
        </button>
      ) : null}
      <p role="status" className="visually-hidden">
        {announcement(status)}
      </p>
    </div>
  );
}

/** The note changed elsewhere or was signed while this page had unsaved changes. */
export function NoteConflict({ signed, onReload }: { signed: boolean; onReload: () => void }): JSX.Element {
  return (
    <div className="notice notice-error" role="alert">
      <p>
        <strong>
          {signed
            ? 'This note has been signed since you opened it, so your latest changes were not saved.'
            : 'This note was changed somewhere else (another tab or device) since you opened it, so your latest changes were not saved.'}
        </strong>{' '}
        They are kept on this device.{' '}
        {signed
          ? 'Reload to see the signed note; if something needs correcting, add an addendum.'
          : 'Reload to see the latest version; you can then apply your changes to it.'}
      </p>
      <button type="button" className="button" onClick={onReload}>
        Reload the note
      </button>
    </div>
  );
}

/** Changes found on this device when the note opened. */
export function NoteRestoreNotice({
  restore,
  onResolve,
}: {
  restore: RestoreOutcome;
  onResolve: (apply: boolean) => void;
}): JSX.Element {
  switch (restore.kind) {
    case 'restored':
      return (
        <div className="notice" role="status">
          <p>
            Restored changes you made on this device at {formatTime(restore.savedAt)} that had not reached
            Peerline. They are being saved now.
          </p>
        </div>
      );
    case 'signed':
      return (
        <div className="notice notice-error" role="alert">
          <p>
            This device had changes from {formatTime(restore.savedAt)} that were never saved, but the note has
            been signed since, so they were not applied. If something needs correcting, add an addendum.
          </p>
        </div>
      );
    case 'offered':
      return (
        <div className="notice notice-error" role="alert">
          <p>
            <strong>
              This device has changes from {formatTime(restore.draft.savedAt)} that were never saved.
            </strong>{' '}
            The note has changed since they were made (in another tab or on another device). Apply them to
            this version, or discard them?
          </p>
          <div className="button-row">
            <button type="button" className="button" onClick={() => onResolve(true)}>
              Apply my changes
            </button>
            <button type="button" className="button button-secondary" onClick={() => onResolve(false)}>
              Discard them
            </button>
          </div>
        </div>
      );
  }
}
