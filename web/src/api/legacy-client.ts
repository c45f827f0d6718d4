/**
 * @module web/api/legacy-client
 * TRANSITIONAL: the hand-written `fetch` wrapper the path modules (`billing.ts`, `notes.ts` …) still use
 * until their pages move to the generated client (`client.ts`) and TanStack Query; it shares that client's
 * error class, session signals and server clock. Remove it with the last path module.
 */
import type { z } from 'zod';
import { errorProblem } from '../../../src/shared/index.js';
import {
  ApiError,
  asApiError,
  isAbortError,
  problemsOf,
  recordServerClock,
  reportSessionAnswer,
} from './client.js';

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
    reportSessionAnswer(response);
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

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}
