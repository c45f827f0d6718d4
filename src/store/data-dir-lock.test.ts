/**
 * The data-directory lock: two processes writing one PGlite directory corrupt it, so the lock must refuse a
 * second holder, yet never strand a directory whose holder has died.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirectoryLockedError, LOCK_FILE_NAME, lockDataDirectory } from './data-dir-lock.js';

let parent: string;
let dataDir: string;
let lockFile: string;

beforeEach(() => {
  parent = mkdtempSync(path.join(tmpdir(), 'peerline-lock-'));
  // A directory that does not exist yet: taking the lock creates it, as on a first start.
  dataDir = path.join(parent, 'data');
  lockFile = path.join(dataDir, LOCK_FILE_NAME);
});

afterEach(() => {
  rmSync(parent, { recursive: true, force: true });
});

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  if (child.pid === undefined || child.status !== 0) {
    throw new Error('could not run a short-lived node process');
  }
  return child.pid;
}

function holderOf(file: string): string | undefined {
  return readFileSync(file, 'utf8').split('\n')[0];
}

describe('lockDataDirectory', () => {
  it('creates the directory and a lock file holding our pid', () => {
    const lock = lockDataDirectory(dataDir);
    expect(lock.lockFile).toBe(lockFile);
    expect(holderOf(lockFile)).toBe(String(process.pid));
    lock.release();
  });

  it('refuses a second lock in the same process, naming the holder and how to fix it', () => {
    // The same process opening the directory twice would be two PGlite instances on one directory.
    const lock = lockDataDirectory(dataDir);
    let refusal: unknown;
    try {
      lockDataDirectory(dataDir);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DataDirectoryLockedError);
    const locked = refusal as DataDirectoryLockedError;
    expect(locked.holderPid).toBe(process.pid);
    expect(locked.dataDir).toBe(dataDir);
    expect(locked.message).toContain(`pid ${process.pid}`);
    expect(locked.message).toContain('in use by another Peerline process');
    expect(locked.message).toContain('PEERLINE_DATA_DIR');
    expect(locked.message).toContain(`delete ${lockFile}`);
    // The refusal leaves the first holder's lock in place.
    expect(holderOf(lockFile)).toBe(String(process.pid));
    lock.release();
  });

  it('refuses a lock held by another running process', () => {
    // Our parent process is alive for the whole test.
    lockDataDirectory(dataDir).release();
    writeFileSync(lockFile, `${process.ppid}\nelsewhere\n2026-01-01T00:00:00.000Z\n`);
    expect(() => lockDataDirectory(dataDir)).toThrow(DataDirectoryLockedError);
    expect(holderOf(lockFile)).toBe(String(process.ppid));
  });

  it('takes over a lock file left by a process that no longer runs', () => {
    // A crash or kill -9 leaves the file behind; the next start must not need a manual clean-up.
    const pid = deadPid();
    lockDataDirectory(dataDir).release();
    writeFileSync(lockFile, `${pid}\nelsewhere\n2026-01-01T00:00:00.000Z\n`);
    const lock = lockDataDirectory(dataDir);
    expect(holderOf(lockFile)).toBe(String(process.pid));
    lock.release();
  });

  it('takes over a lock file that holds no pid', () => {
    // A crash between creating the file and writing to it leaves it empty.
    lockDataDirectory(dataDir).release();
    writeFileSync(lockFile, '');
    const lock = lockDataDirectory(dataDir);
    expect(holderOf(lockFile)).toBe(String(process.pid));
    lock.release();
  });

  it('removes the lock file on release, so the directory can be locked again', () => {
    const lock = lockDataDirectory(dataDir);
    lock.release();
    expect(existsSync(lockFile)).toBe(false);
    const again = lockDataDirectory(dataDir);
    expect(existsSync(lockFile)).toBe(true);
    again.release();
  });

  it('does not remove a lock file that another process owns by now', () => {
    // After a stale take-over, the file belongs to the new holder; the old holder's release must not delete it.
    const lock = lockDataDirectory(dataDir);
    writeFileSync(lockFile, `${process.ppid}\nelsewhere\n2026-01-01T00:00:00.000Z\n`);
    lock.release();
    expect(existsSync(lockFile)).toBe(true);
    expect(holderOf(lockFile)).toBe(String(process.ppid));
  });
});
