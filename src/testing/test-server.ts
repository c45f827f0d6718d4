/**
 * @module testing/test-server
 * The real HTTP app listening on a loopback port, over a fresh test database holding the demo
 * organisation with known passwords — for browser suites and anything that needs a real socket.
 */
import { buildApp, type ZodApp } from '../api/index.js';
import { loadConfig } from '../config/index.js';
import { systemClock, type Clock } from '../services/context.js';
import { createDemoData, type DemoDataResult } from '../services/demo-data/index.js';
import { peerlineVersion } from '../server/index.js';
import type { Role } from '../shared/roles.js';
import { openTestStore, testContext, type TestStore } from './test-store.js';

export interface TestServer {
  readonly url: string;
  readonly app: ZodApp;
  readonly store: TestStore;
  readonly demo: DemoDataResult;
  /** The known password of the demo user holding `role`. */
  passwordOf(role: Role): string;
  emailOf(role: Role): string;
  close(): Promise<void>;
}

export async function startTestServer(options: { clock?: Clock } = {}): Promise<TestServer> {
  const store = await openTestStore();
  const ctx = testContext(store, options.clock ?? systemClock);
  const demo = await createDemoData(ctx, { password: (role) => `test-${role}-password-not-common` });
  const config = loadConfig({});
  const app = await buildApp({
    ctx,
    databaseKind: store.kind,
    version: peerlineVersion(),
    logLevel: 'silent',
    trustProxy: false,
    publicOrigin: undefined,
    loginRateLimitPerMinute: 1000,
    webRoot: config.webRoot,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const login = (role: Role): { email: string; password: string } => {
    const found = demo.logins.find((entry) => entry.role === role);
    if (found === undefined) {
      throw new Error(`no demo login for ${role}`);
    }
    return found;
  };
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    store,
    demo,
    passwordOf: (role) => login(role).password,
    emailOf: (role) => login(role).email,
    close: async () => {
      await app.close();
      await store.dispose();
    },
  };
}
