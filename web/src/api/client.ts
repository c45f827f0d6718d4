/**
 * @module web/api/client
 * Typed `fetch` wrapper for the Peerline HTTP API. Every response body is parsed with the shared zod schema
 * of its route; every failure becomes an {@link ApiError} carrying the HTTP status and the problems to show.
 *
 * The session lives in an HTTP-only cookie. Requests made "with the session" report back to the session
 * layer through {@link setSessionSignals}: a 401 means the session has ended, any other answer means the
 * server has just slid the idle expiry.
 */
import type { z } from 'zod';
import { ProblemResponseSchema, errorProblem } from '../../../src/shared/index.js';
import type { Problem } from '../../../src/shared/index.js';

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

  /** True when one of the problems has `code`. */
  hasCode(code: string): boolean {
    return this.problems.some((problem) => problem.code === code);
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

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  /** Query parameters; undefined and empty values are left out. */
  query?: Readonly<Record<string, string | undefined>>;
  /** JSON body of a non-GET request; `{}` is sent when absent, since the API accepts only JSON. */
  body?: unknown;
  signal?: AbortSignal;
  /**
   * Whether a 401 answer means "the session has ended" (the default). False for login and the initial
   * session check, where 401 is an ordinary answer.
   */
  withSession?: boolean;
}

/** Calls the API and parses the JSON body of a successful answer with `schema`. */
export async function requestJson<S extends z.ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.infer<S>> {
  const response = await send(path, options);
  const body = await readJson(response);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    console.error(`Unexpected response from ${path}`, parsed.error.issues);
    throw new ApiError(response.status, [
      errorProblem(
        'response.unexpected',
        'The server sent an answer this version of the web app does not understand. Reload the page; if it keeps happening, tell your administrator.',
      ),
    ]);
  }
  return parsed.data;
}

/** Calls an API route that answers 204 No Content. */
export async function requestNoContent(path: string, options: RequestOptions = {}): Promise<void> {
  await send(path, options);
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

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const withSession = options.withSession ?? true;
  const init: RequestInit = {
    method,
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
    signal: options.signal ?? null,
  };
  if (method !== 'GET') {
    init.headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
    init.body = JSON.stringify(options.body ?? {});
  }
  let response: Response;
  try {
    response = await fetch(urlFor(path, options.query), init);
  } catch (error) {
    if (isAbortError(error)) {
      throw error;
    }
    throw asApiError(error);
  }
  recordServerClock(response);
  if (withSession) {
    if (response.status === 401) {
      sessionSignals?.ended();
    } else {
      sessionSignals?.active();
    }
  }
  if (!response.ok) {
    throw new ApiError(response.status, await problemsOf(response));
  }
  return response;
}

function urlFor(path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') {
      params.set(name, value);
    }
  }
  const search = params.toString();
  return search === '' ? path : `${path}?${search}`;
}

function recordServerClock(response: Response): void {
  const date = response.headers.get('Date');
  const serverNow = date === null ? Number.NaN : Date.parse(date);
  if (!Number.isNaN(serverNow)) {
    serverClockOffsetMs = serverNow - Date.now();
  }
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
  const parsed = ProblemResponseSchema.safeParse(await readJson(response));
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
