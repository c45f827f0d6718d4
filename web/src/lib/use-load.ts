/**
 * @module web/lib/use-load
 * Loads data from the API when a component mounts or its inputs change, aborting stale requests.
 */
import { useCallback, useEffect, useState } from 'react';
import type { DependencyList } from 'react';
import { asApiError, isAbortError } from '../api/index.js';
import type { ApiError } from '../api/index.js';

export type Loadable<T> =
  { status: 'loading' } | { status: 'loaded'; data: T } | { status: 'failed'; error: ApiError };

export interface LoadResult<T> {
  state: Loadable<T>;
  /** Loads again (after a failure, or to refresh). */
  reload: () => void;
  /** Replaces the loaded data, e.g. with the record a successful update returned. */
  replace: (data: T) => void;
}

/**
 * Runs `load` now and whenever `deps` change; the previous request is aborted.
 *
 * @param load - fetches the data; must pass `signal` on to the API call
 * @param deps - values `load` depends on, as for `useEffect`
 */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): LoadResult<T> {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) {
          setState({ status: 'loaded', data });
        }
      },
      (error: unknown) => {
        if (!controller.signal.aborted && !isAbortError(error)) {
          setState({ status: 'failed', error: asApiError(error) });
        }
      },
    );
    return () => controller.abort();
    // `load` is a new closure each render on purpose; `deps` lists what it reads.
  }, [...deps, attempt]);

  const reload = useCallback(() => setAttempt((value) => value + 1), []);
  const replace = useCallback((data: T) => setState({ status: 'loaded', data }), []);
  return { state, reload, replace };
}
