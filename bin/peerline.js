#!/usr/bin/env node
// Entry point of `npx peerline`: runs the compiled CLI, or says how to build it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = new URL('../dist/server/cli/bin.js', import.meta.url);
if (!existsSync(fileURLToPath(compiled))) {
  process.stderr.write(
    'Peerline is not built yet. Run `npm ci` (which builds it) or `npm run build` first.\n',
  );
  process.exit(1);
}
await import(compiled.href);
