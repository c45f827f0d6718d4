/**
 * The generated client's own behaviour, against a stand-in `fetch` (the browser's edge, not our code): every
 * failure becomes an ApiError with the server's problems, writes go as JSON, empty filters stay out of the
 * address, and download links fill in the route's path.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

// Node's Request needs an absolute address, where the browser's resolves one against the page: give it the
// page's origin before the client is made (it keeps the Request it finds).
class PageRequest extends Request {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(typeof input === 'string' ? new URL(input, 'http://peerline.test') : input, init);
  }
}
vi.stubGlobal('Request', PageRequest);
// The server's side of each call, set by each test (the client keeps the `fetch` it finds, too).
let server: (request: Request) => Promise<Response> = () =>
  Promise.reject(new Error('no server in this test'));
vi.stubGlobal('fetch', (request: Request) => server(request));
const { ApiError, api, apiHref, ok } = await import('./client.js');

const PROBLEM = {
  severity: 'error',
  code: 'user.email_taken',
  message: 'That email is in use.',
  path: ['body', 'email'],
};

function answer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

afterEach(() => {
  server = () => Promise.reject(new Error('no server in this test'));
});

describe('the API client', () => {
  it('turns a 4xx answer into an ApiError carrying the status and the problems to show beside fields', async () => {
    server = () => Promise.resolve(answer(409, { problems: [PROBLEM] }));
    const call = ok(
      api.POST('/api/v1/users', { body: { email: 'a@b.c', displayName: 'A', password: 'x', roles: [] } }),
    );
    await expect(call).rejects.toBeInstanceOf(ApiError);
    await expect(call).rejects.toMatchObject({ status: 409, problems: [PROBLEM] });
  });

  it('gives an answer that is not the problem shape a plain message by status', async () => {
    server = () => Promise.resolve(new Response('gateway down', { status: 502 }));
    const call = ok(api.GET('/api/v1/organisation'));
    await expect(call).rejects.toMatchObject({ status: 502, problems: [{ code: 'http.502' }] });
  });

  it('reports an unreachable server as status 0', async () => {
    server = () => Promise.reject(new TypeError('Failed to fetch'));
    await expect(ok(api.GET('/api/v1/organisation'))).rejects.toMatchObject({
      status: 0,
      problems: [{ code: 'network.unreachable' }],
    });
  });

  it('sends writes as JSON and leaves empty filters out of the query string', async () => {
    const seen: Request[] = [];
    server = (request) => {
      seen.push(request);
      return Promise.resolve(answer(200, { users: [] }));
    };
    await ok(api.GET('/api/v1/users', { params: { query: { includeInactive: 'true' } } }));
    await api.POST('/api/v1/auth/logout', { body: {} });
    expect(new URL(seen[0]?.url ?? '').search).toBe('?includeInactive=true');
    expect(seen[1]?.headers.get('Content-Type')).toBe('application/json');
    expect(await seen[1]?.text()).toBe('{}');
  });
});

describe('apiHref', () => {
  it('fills in the path and drops filters left empty', () => {
    const href = apiHref('/api/v1/billing/worklist.csv', { query: { payerPack: 'ca-dhcs', code: '' } });
    expect(href).toBe('/api/v1/billing/worklist.csv?payerPack=ca-dhcs');
    expect(apiHref('/api/v1/billing/batches/{id}/file', { path: { id: 'a/b' } })).toBe(
      '/api/v1/billing/batches/a%2Fb/file',
    );
  });
});
