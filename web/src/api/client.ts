/**
 * @module web/api/client
 * The web app's HTTP client for the Peerline API, typed by the contract generated from the server's own
 * OpenAPI document (`schema.gen.ts`, written by `npm run generate:api`): every path, parameter, body and
 * answer is checked by TypeScript against the routes the server really serves.
 *
 * Middleware gives every call the same behaviour: writes always go as same-origin JSON (the server's CSRF
 * guard refuses anything else), each answer's `Date` header corrects for clock skew, and every failure
 * becomes an {@link ApiError} carrying the HTTP status and the problems to show. Calls made with
 * {@link api} also report to the session layer through {@link setSessionSignals}: a 401 means the session
 * has ended, any other answer means the server has just slid the idle expiry. {@link publicApi} is for the
 * calls where a 401 is an ordinary answer (signing in, the first session check).
 */
import createClient from 'openapi-fetch';
import type { ClientPathsWithMethod, MethodResponse, Middleware } from 'openapi-fetch';
import { ProblemResponseSchema, errorProblem } from '../../../src/shared/index.js';
import type { Problem } from '../../../src/shared/index.js';
import type { paths } from './schema.gen.js';

/** A failed API call: the HTTP status (0 when the server could not be reached) and the problems to show. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly problems: Problem[];

  constructor(status: number, problems: Problem[]) {
    super(problems.map((problem) => problem.message).join(' ') || `HTTP ${status}`);
    this.status = status;
    this.problems = problems;
  }
}

/** How the session layer hears about requests made with the session cookie. */
export interface SessionSignals {
  /** A request made with the session was answered 401: the session has ended. */
  ended(): void;
  /** The server answered a request made with the session, so it has slid the session's idle expiry. */
  active(): void;
}

let sessionSignals: SessionSignals | null = null;
/** Server clock minus browser clock, from the last response's `Date` header (ms). */
let serverClockOffsetMs = 0;

/** Registers (or with `null`, removes) the listener for session activity and expiry. */
export function setSessionSignals(signals: SessionSignals | null): void {
  sessionSignals = signals;
}

/** Converts a server timestamp (ISO string) to a browser-clock time in ms, correcting for clock skew. */
export function serverTimeToLocal(iso: string): number {
  return Date.parse(iso) - serverClockOffsetMs;
}

/** Turns anything thrown by an API call into an {@link ApiError} (network failures become status 0). */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) {
    return error;
  }
  return new ApiError(0, [
    errorProblem(
      'network.unreachable',
      'Peerline could not reach the server. Check your connection, then try again.',
    ),
  ]);
}

/** True for the error `fetch` throws when its AbortSignal fires. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * The server accepts writes only as `application/json`; a route that takes no body still gets `{}`, as the
 * generated types rightly refuse a body there.
 */
const jsonWrites: Middleware = {
  onRequest({ request }) {
    if (SAFE_METHODS.has(request.method) || request.headers.has('Content-Type')) {
      return undefined;
    }
    const headers = new Headers(request.headers);
    headers.set('Content-Type', 'application/json');
    return new Request(request, { body: '{}', headers });
  },
};

/** Turns every failure into an ApiError: an error answer with its problems, an unreachable server as status 0. */
const failures: Middleware = {
  async onResponse({ response }) {
    if (!response.ok) {
      throw new ApiError(response.status, await problemsOf(response));
    }
    return undefined;
  },
  onError({ error }) {
    // An aborted request is not a failure to show: it goes up as it is, for the caller to ignore.
    return isAbortError(error) ? undefined : asApiError(error);
  },
};

/** Notes the server's clock from each answer's `Date` header. */
const serverClock: Middleware = {
  onResponse({ response }) {
    const date = response.headers.get('Date');
    const serverNow = date === null ? Number.NaN : Date.parse(date);
    if (!Number.isNaN(serverNow)) {
      serverClockOffsetMs = serverNow - Date.now();
    }
    return undefined;
  },
};

/** Tells the session layer about each answer to a request made with the session. */
const session: Middleware = {
  onResponse({ response }) {
    if (response.status === 401) {
      sessionSignals?.ended();
    } else {
      sessionSignals?.active();
    }
    return undefined;
  },
};

/**
 * A query string without the values left empty: unset filters travel as `''` or `undefined` and mean "any",
 * which the server's schemas would refuse as values.
 */
export function querySearch(query: Readonly<Record<string, unknown>>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? (value as unknown[]) : [value]) {
      if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') {
        if (item !== '') {
          params.append(name, String(item));
        }
      }
    }
  }
  return params.toString();
}

function client(...middleware: Middleware[]): ReturnType<typeof createClient<paths>> {
  const created = createClient<paths>({
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
    querySerializer: querySearch,
  });
  // Answers pass through middleware last-registered first: `failures` throws only after the others have seen it.
  created.use(jsonWrites, failures, serverClock, ...middleware);
  return created;
}

/** Calls made with the session: a 401 ends the session in the app. */
export const api = client(session);

/** Calls where a 401 is an ordinary answer (signing in, checking whether anyone is signed in). */
export const publicApi = client();

/**
 * The body of a successful answer. Failures have already been thrown as ApiErrors by the middleware; an
 * answer without a body where the contract promises one is a failure too.
 *
 * @example
 * const { user } = await ok(api.GET('/api/v1/users/{id}', { params: { path: { id } } }));
 */
export async function ok<A extends { data?: unknown; response: Response }>(
  pending: Promise<A>,
): Promise<NonNullable<A['data']>> {
  const answer = await pending;
  if (answer.data === undefined || answer.data === null) {
    throw new ApiError(answer.response.status, await problemsOf(answer.response));
  }
  return answer.data;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}

/** The problems of an error answer; a generic one by status when the body is not the problems shape. */
async function problemsOf(response: Response): Promise<Problem[]> {
  const parsed = ProblemResponseSchema.safeParse(await readJson(response.clone()));
  if (parsed.success && parsed.data.problems.length > 0) {
    return parsed.data.problems;
  }
  return [errorProblem(`http.${response.status}`, genericMessage(response.status))];
}

function genericMessage(status: number): string {
  if (status === 401) {
    return 'You are not signed in. Sign in, then try again.';
  }
  if (status === 403) {
    return 'You do not have access to this.';
  }
  if (status === 404) {
    return 'Not found. It may have been removed, or the link may be wrong.';
  }
  if (status === 429) {
    return 'Too many attempts. Wait a minute, then try again.';
  }
  if (status >= 500) {
    return 'Something went wrong on the server. Try again in a moment.';
  }
  return `The server refused the request (HTTP ${status}).`;
}

/** Every GET route of the contract, by its path template (`/api/v1/users/{id}`). */
export type GetPath = ClientPathsWithMethod<typeof api, 'get'>;

/** The parameters (path, query) of a GET route, as the generated contract declares them. */
export type GetParams<P extends GetPath> = paths[P]['get']['parameters'];

/** The body of a GET route's successful answer. */
export type GetData<P extends GetPath> = MethodResponse<typeof api, 'get', P>;

/**
 * The address of a GET route, for a link the browser follows itself (a CSV or 837 download: the session
 * cookie goes with it).
 *
 * @example
 * <a href={apiHref('/api/v1/billing/batches/{id}/file', { path: { id: batch.id } })} download>
 */
export function apiHref<P extends GetPath>(path: P, params: GetParams<P>): string {
  const { path: names = {}, query = {} } = params as {
    path?: Readonly<Record<string, string>>;
    query?: Readonly<Record<string, unknown>>;
  };
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(names[name] ?? ''));
  const search = querySearch(query);
  return search === '' ? filled : `${filled}?${search}`;
}
