/**
 * `npm run generate:api`: writes the web app's typed API contract (`web/src/api/schema.gen.ts`) from the
 * server's OpenAPI document. Run it after changing any route or its zod schemas, and commit the result.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { API_SCHEMA_FILE, currentApiSchema } from './api-schema.js';

await writeFile(API_SCHEMA_FILE, await currentApiSchema());
process.stdout.write(`Wrote ${path.relative(process.cwd(), API_SCHEMA_FILE)}\n`);
