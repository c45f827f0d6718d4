/**
 * Migrations are frozen: a migration that read a constant from `src/shared` (the payer pack ids, the roles,
 * a status list) would make a different schema whenever the constant changed, so a fresh database and one
 * migrated long ago would differ. This scans every file in the migrations folder and allows imports of
 * `kysely` and of sibling migration files only — which this same scan covers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from './migrations/index.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
const ALLOWED_PACKAGES = new Set(['kysely']);
const SIBLING = /^\.\/[^/]+\.js$/;

/** Every module specifier a file names: static imports and exports, side-effect imports, dynamic imports. */
function importedSpecifiers(source: string): string[] {
  const patterns = [
    /\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*([^)]*)\)/g,
  ];
  return patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((match) => match[1] ?? ''));
}

function isAllowed(specifier: string): boolean {
  return ALLOWED_PACKAGES.has(specifier) || SIBLING.test(specifier);
}

const files = readdirSync(MIGRATIONS_DIR).filter((name) => name.endsWith('.ts'));

describe('migrations are frozen', () => {
  it('finds the migration files it scans', () => {
    // If the folder moved, the scan below would pass on nothing.
    expect(files).toContain('index.ts');
    expect(files.length).toBeGreaterThan(Object.keys(MIGRATIONS).length);
  });

  it.each(files)('%s imports only kysely and sibling migration files', (name) => {
    const source = readFileSync(path.join(MIGRATIONS_DIR, name), 'utf8');
    expect(importedSpecifiers(source).filter((specifier) => !isAllowed(specifier))).toEqual([]);
  });

  it('recognises a shared import, a dynamic import and a parent folder as not allowed', () => {
    // The scan itself must be able to fail.
    const source = [
      "import { PAYER_PACK_IDS } from '../../shared/programs.js';",
      "import './side-effect.js';",
      "const roles = await import('../../shared/roles.js');",
      "export { x } from '../schema.js';",
    ].join('\n');
    expect(importedSpecifiers(source).filter((specifier) => !isAllowed(specifier))).toEqual([
      '../../shared/programs.js',
      '../schema.js',
      "'../../shared/roles.js'",
    ]);
  });

  it('lists every migration file in the index, by its file name', () => {
    const migrationFiles = files
      .filter((name) => name !== 'index.ts')
      .map((name) => name.replace(/\.ts$/, ''));
    expect(Object.keys(MIGRATIONS).sort()).toEqual(migrationFiles.sort());
  });
});
