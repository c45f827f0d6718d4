/**
 * @module web/components/load-state
 * What a page shows for data it reads from the API, in one place: loading, not found, failed (with "Try
 * again"), or the data. {@link QueryView} is the pattern for a part of a page (a list, a section);
 * {@link RecordPage} for a page about one record named in the address, with its back link and heading.
 */
import type { JSX, ReactNode } from 'react';
import { Link } from 'react-router';
import type { ApiError } from '../api/index.js';
import { PageHeading } from './page-heading.js';

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

/** What the views need of a query: TanStack Query's result, or several joined by {@link allOf}. */
export interface Loadable<T> {
  data: T | undefined;
  error: ApiError | null;
  refetch: () => unknown;
}

/** Two queries as one: loaded when both are, failed when either failed; "Try again" asks again for both. */
export function allOf<A, B>(first: Loadable<A>, second: Loadable<B>): Loadable<[A, B]> {
  return {
    data: first.data !== undefined && second.data !== undefined ? [first.data, second.data] : undefined,
    error: first.error ?? second.error,
    refetch: () => {
      first.refetch();
      second.refetch();
    },
  };
}

/** Where a query stands, as a page shows it; data already on screen stays while it is fetched again. */
export type QueryState<T> =
  | { status: 'loading' }
  | { status: 'not-found'; error: ApiError }
  | { status: 'failed'; error: ApiError }
  | { status: 'loaded'; data: T };

/**
 * The state of `query` to show. 404 is "not found"; so is 400 for a record page, where it means the id in
 * the address is not even a valid id — to the user the same thing.
 */
export function queryState<T>(query: Loadable<T>): QueryState<T> {
  if (query.data !== undefined) {
    return { status: 'loaded', data: query.data };
  }
  if (query.error === null) {
    return { status: 'loading' };
  }
  const missing = query.error.status === 404 || query.error.status === 400;
  return missing ? { status: 'not-found', error: query.error } : { status: 'failed', error: query.error };
}

export interface QueryViewProps<T> {
  query: Loadable<T>;
  /** What is loading, e.g. "the users": "Loading the users…", "Could not load the users." */
  what: string;
  /** What to say when the record is not there (404, or 400 for an id that is not one); a failure otherwise. */
  notFound?: ReactNode;
  children: (data: T) => ReactNode;
}

/** Part of a page: "Loading …", the failure with "Try again", or `children` with the data. */
export function QueryView<T>({ query, what, notFound, children }: QueryViewProps<T>): JSX.Element {
  const state = queryState(query);
  switch (state.status) {
    case 'loading':
      return <Loading what={what} />;
    case 'not-found':
      if (notFound !== undefined) {
        return <>{notFound}</>;
      }
      return <LoadError error={state.error} what={what} onRetry={() => query.refetch()} />;
    case 'failed':
      return <LoadError error={state.error} what={what} onRetry={() => query.refetch()} />;
    case 'loaded':
      return <>{children(state.data)}</>;
  }
}

export interface RecordPageProps<T> {
  query: Loadable<T>;
  /** The back link above the page, in every state; null for none. */
  back: { to: string; label: string } | null;
  /** The heading (and tab title) while loading or when loading failed, e.g. "User". */
  title: string;
  /** What is loading, e.g. "the user". */
  what: string;
  /** The heading and words when the address names nothing the user can see. */
  notFound: { title: string; text: string };
  /** The page with its data; it renders its own heading. */
  children: (data: T) => ReactNode;
}

/** A page about one record: back link, then the record, or its loading, not-found or failed state. */
export function RecordPage<T>({
  query,
  back,
  title,
  what,
  notFound,
  children,
}: RecordPageProps<T>): JSX.Element {
  const state = queryState(query);
  return (
    <>
      {back === null ? null : (
        <p className="back-link">
          <Link to={back.to}>{back.label}</Link>
        </p>
      )}
      {state.status === 'loaded' ? null : (
        <PageHeading title={title}>{state.status === 'not-found' ? notFound.title : title}</PageHeading>
      )}
      {recordContent(state, query, what, notFound.text, children)}
    </>
  );
}

function recordContent<T>(
  state: QueryState<T>,
  query: Loadable<T>,
  what: string,
  notFoundText: string,
  children: (data: T) => ReactNode,
): ReactNode {
  switch (state.status) {
    case 'loading':
      return <Loading what={what} />;
    case 'not-found':
      return <p>{notFoundText}</p>;
    case 'failed':
      return <LoadError error={state.error} what={what} onRetry={() => query.refetch()} />;
    case 'loaded':
      return children(state.data);
  }
}
