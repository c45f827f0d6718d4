/**
 * @module web/api/queries
 * Reading the API through TanStack Query: {@link apiQuery} makes the query for any GET route of the generated
 * contract, keyed by the route's path template and its parameters, so that a change can mark stale every
 * cached answer under a path with {@link invalidate}. One {@link queryClient} holds the cache for the app.
 *
 * @example
 * const user = useQuery(apiQuery('/api/v1/users/{id}', { path: { id: userId } }));
 * …
 * await ok(api.POST('/api/v1/users/{id}/deactivate', { params: { path: { id } } }));
 * await invalidate('/api/v1/users');
 */
import { QueryClient, queryOptions } from '@tanstack/react-query';
import type { DataTag, UseQueryOptions } from '@tanstack/react-query';
import { api, ok } from './client.js';
import type { ApiError, GetData, GetParams, GetPath } from './client.js';

/** The cache of every answer the app has read, shared by all pages; emptied when the session changes. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // As before the cache: a failure shows at once with a "Try again" button, rather than after retries.
      retry: false,
      // A page that comes back into view shows what it had and asks again on mount, not on every focus
      // (a form being filled in must not change under the user).
      refetchOnWindowFocus: false,
    },
  },
});

/** Parameters are an argument only when the route has any; required when one of them is. */
type ParamsArgument<P extends GetPath> =
  object extends GetParams<P> ? [params?: GetParams<P>] : [params: GetParams<P>];

/** The key of a GET route's answer in the cache: its path template and parameters, tagged with its type. */
export type ApiQueryKey<P extends GetPath> = DataTag<
  readonly [P, GetParams<P> | undefined],
  GetData<P>,
  ApiError
>;

export type ApiQueryOptions<P extends GetPath> = UseQueryOptions<
  GetData<P>,
  ApiError,
  GetData<P>,
  ApiQueryKey<P>
> & {
  queryKey: ApiQueryKey<P>;
};

/** The query options for a GET route: pass them to `useQuery`, adding `select`, `refetchInterval` and the like. */
export function apiQuery<P extends GetPath>(path: P, ...[params]: ParamsArgument<P>): ApiQueryOptions<P> {
  return queryOptions({
    queryKey: [path, params] as unknown as ApiQueryKey<P>,
    queryFn: async ({ signal }) => (await ok(get(path, { params, signal }))) as GetData<P>,
  });
}

/**
 * The GET method seen through a plain signature: the generated overloads cannot be resolved for a path that
 * is itself a type parameter, and {@link apiQuery}'s own signature already ties the path to its parameters.
 */
const get = api.GET as unknown as (
  path: GetPath,
  init: { params: unknown; signal: AbortSignal },
) => Promise<{ data: unknown; response: Response }>;

/**
 * After a change that answered with the record as it now is: shows that answer at once as the route's, and
 * marks stale whatever else the change affects (by path prefix, as {@link invalidate}).
 */
export function showChanged<P extends GetPath>(
  query: ApiQueryOptions<P>,
  answer: GetData<P>,
  ...affects: string[]
): void {
  queryClient.setQueryData(query.queryKey, answer);
  void invalidate(...affects);
}

/**
 * Marks stale every cached answer whose path template starts with one of `prefixes`; those on screen are
 * fetched again at once. Call it after a change, naming what the change affects.
 */
export async function invalidate(...prefixes: string[]): Promise<void> {
  await queryClient.invalidateQueries({
    predicate: (query) => {
      const [path] = query.queryKey;
      return typeof path === 'string' && prefixes.some((prefix) => path.startsWith(prefix));
    },
  });
}
