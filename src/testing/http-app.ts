/**
 * @module testing/http-app
 * The real Fastify app over a test store, driven through inject(), with signed-in clients: the one way the
 * HTTP suites build the app and sign in, so each suite reads as requests and expectations only.
 */
import type { LightMyRequestResponse } from 'fastify';
import { buildApp, SESSION_COOKIE, type ZodApp } from '../api/index.js';
import { ProblemResponseSchema, type Problem } from '../shared/problem.js';
import type { ServiceContext } from '../services/context.js';
import { FIXTURE_PASSWORD } from './fixtures.js';
import type { TestStore } from './test-store.js';

const JSON_HEADERS = { 'content-type': 'application/json' };

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A signed-in user's requests; bodies are sent as JSON. */
export interface HttpClient {
  readonly cookie: string;
  request(method: Method, url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, payload: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export interface TestApp {
  readonly app: ZodApp;
  /** Signs in (fixture password unless given) and returns a client carrying the session cookie. */
  signIn(email: string, password?: string): Promise<HttpClient>;
  close(): Promise<void>;
}

/** Builds the app on the store's database with the given context (its clock decides session expiry). */
export async function startTestApp(store: TestStore, ctx: ServiceContext): Promise<TestApp> {
  const app = await buildApp({
    ctx,
    databaseKind: store.kind,
    version: 'test',
    logLevel: 'silent',
    trustProxy: false,
    publicOrigin: undefined,
    loginRateLimitPerMinute: 100000,
    webRoot: '/nonexistent',
  });
  return {
    app,
    async signIn(email, password = FIXTURE_PASSWORD) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: JSON_HEADERS,
        payload: { email, password },
      });
      const cookie = response.cookies.find((entry) => entry.name === SESSION_COOKIE)?.value;
      if (cookie === undefined) {
        throw new Error(`Sign-in of ${email} failed: ${response.statusCode} ${response.body}`);
      }
      const request = (method: Method, url: string, payload?: unknown): Promise<LightMyRequestResponse> =>
        app.inject({
          method,
          url,
          cookies: { [SESSION_COOKIE]: cookie },
          ...(payload === undefined ? {} : { headers: JSON_HEADERS, payload: JSON.stringify(payload) }),
        });
      return {
        cookie,
        request,
        get: (url) => request('GET', url),
        post: (url, payload) => request('POST', url, payload ?? {}),
        put: (url, payload) => request('PUT', url, payload),
        patch: (url, payload) => request('PATCH', url, payload),
        delete: (url) => request('DELETE', url, {}),
      };
    },
    close: () => app.close(),
  };
}

/** The problems of a 4xx/5xx body (throws if the body is not the shared problem shape). */
export function problemsOf(response: LightMyRequestResponse): Problem[] {
  return ProblemResponseSchema.parse(response.json()).problems;
}
