/**
 * @module config/pack-files
 * Payer pack files: every `*.json` file in `PEERLINE_PACKS_DIR`, read at start-up and installed on the built-in
 * packs (`engine/packs`), in file-name order. A file that is not JSON, or a pack the pack schema refuses, stops
 * start-up with a message naming the file, the pack, the rule and the field. Other files in the directory (a
 * README, say) are left alone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { installPacks, PackError, type AddedPack } from '../engine/index.js';

/** The pack files of `directory`, parsed but not yet validated; JSON syntax errors name the file. */
export function readPackFiles(directory: string): AddedPack[] {
  const names = readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .sort();
  return names.map((name) => {
    const file = path.join(directory, name);
    const text = readFileSync(file, 'utf8');
    try {
      return { definition: JSON.parse(text) as unknown, origin: file };
    } catch (error) {
      throw new PackError(`Pack file ${file}: not valid JSON (${(error as Error).message}).`);
    }
  });
}

/**
 * Installs the built-in packs with the pack files of `directory` (none when undefined) layered on them.
 * Throws PackError at the first bad file; the packs installed before stay as they were.
 *
 * @returns the ids of the packs the files added or overlaid, for the start-up message
 */
export function installPackFiles(directory: string | undefined): string[] {
  const added = directory === undefined ? [] : readPackFiles(directory);
  installPacks(added);
  return added.map((each) => String((each.definition as { id?: unknown }).id));
}
