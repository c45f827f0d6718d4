/**
 * The web app's API contract (`web/src/api/schema.gen.ts`) must be what the server's routes generate today:
 * a route or zod schema changed without regenerating would leave the client typed against an API that no
 * longer exists. It sits with the e2e suites because, like them, it runs the real server code in Node.
 */
import { readFile } from 'node:fs/promises';
import type { OpenAPI3 } from 'openapi-typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  API_SCHEMA_FILE,
  GENERATE_COMMAND,
  renderApiSchema,
  serverOpenApiDocument,
} from '../../scripts/api-schema.js';

const STALE = `web/src/api/schema.gen.ts does not match the server's routes: run ${GENERATE_COMMAND} and commit the result.`;

describe('the generated API contract', () => {
  let document: OpenAPI3;
  let committed: string;

  beforeAll(async () => {
    [document, committed] = await Promise.all([serverOpenApiDocument(), readFile(API_SCHEMA_FILE, 'utf8')]);
  }, 120_000);

  it('is up to date with the server (otherwise: run npm run generate:api)', async () => {
    const current = await renderApiSchema(document);
    // A boolean with a message: the file is large, and the fix is one command, not a diff to read.
    expect(current === committed, STALE).toBe(true);
  }, 60_000);

  it('would be reported stale if a route changed', async () => {
    // Shows the check above can fail: one more route gives a different contract.
    const changed: OpenAPI3 = {
      ...document,
      paths: {
        ...document.paths,
        '/api/v1/not-a-route': { get: { responses: { 204: { description: 'x' } } } },
      },
    };
    expect((await renderApiSchema(changed)) === committed).toBe(false);
  }, 60_000);
});
