/**
 * @module web/components/load-state
 * What a page shows while its data loads, and when loading failed.
 */
import type { JSX } from 'react';
import type { ApiError } from '../api/index.js';

export function Loading({ what }: { what: string }): JSX.Element {
  return (
    <p role="status" className="loading">
      Loading {what}…
    </p>
  );
}

export interface LoadErrorProps {
  error: ApiError;
  /** What could not be loaded, e.g. "the users". */
  what: string;
  onRetry: () => void;
}

export function LoadError({ error, what, onRetry }: LoadErrorProps): JSX.Element {
  return (
    <div className="notice notice-error" role="alert">
      <p>
        <strong>Could not load {what}.</strong> {error.message}
      </p>
      <button type="button" className="button button-secondary" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
