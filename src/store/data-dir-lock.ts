/**
 * @module store/data-dir-lock
 * An exclusive lock on the embedded database's directory. PGlite does not stop two processes from opening
 * one data directory, and two writers corrupt it; so before opening, Peerline creates `peerline.lock`
 * with O_EXCL and writes its pid. A lock left by a process that no longer runs is taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

export const LOCK_FILE_NAME = 'peerline.lock';

export class DataDirectoryLockedError extends Error {
  override name = 'DataDirectoryLockedError';
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by another Peerline process (pid ${holderPid}). ` +
        `Only one process may open it at a time: stop that process first, or set PEERLINE_DATA_DIR to another ` +
        `directory. If no Peerline process is running, delete ${path.join(dataDir, LOCK_FILE_NAME)}.`,
    );
  }
}

export interface DataDirectoryLock {
  readonly lockFile: string;
  release(): void;
}

/** Takes the lock on `dataDir` (creating the directory), or throws DataDirectoryLockedError. */
export function lockDataDirectory(dataDir: string): DataDirectoryLock {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, LOCK_FILE_NAME);
  // Two attempts: the second follows the removal of a stale lock.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    if (tryCreateLockFile(lockFile)) {
      return { lockFile, release: () => releaseLock(lockFile) };
    }
    const holderPid = readHolderPid(lockFile);
    if (holderPid !== undefined && isProcessAlive(holderPid)) {
      throw new DataDirectoryLockedError(dataDir, holderPid);
    }
    setAsideStaleLock(lockFile);
  }
  throw new DataDirectoryLockedError(dataDir, readHolderPid(lockFile) ?? -1);
}

function tryCreateLockFile(lockFile: string): boolean {
  let descriptor: number;
  try {
    descriptor = openSync(lockFile, 'wx', 0o600);
  } catch (error) {
    if (isErrnoException(error) && error.code === 'EEXIST') {
      return false;
    }
    throw error;
  }
  try {
    writeSync(descriptor, `${process.pid}\n${hostname()}\n${new Date().toISOString()}\n`);
  } finally {
    closeSync(descriptor);
  }
  return true;
}

function readHolderPid(lockFile: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(lockFile, 'utf8').split('\n')[0] ?? '', 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isProcessAlive(pid: number): boolean {
  if (pid === process.pid) {
    // Our own pid in the file means this process already holds the lock (opened twice): refuse.
    return true;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return isErrnoException(error) && error.code === 'EPERM';
  }
}

/** Renames rather than deletes, so of two processes clearing the same stale lock only one succeeds. */
function setAsideStaleLock(lockFile: string): void {
  try {
    renameSync(lockFile, `${lockFile}.stale-${process.pid}`);
    rmSync(`${lockFile}.stale-${process.pid}`, { force: true });
  } catch (error) {
    if (!(isErrnoException(error) && error.code === 'ENOENT')) {
      throw error;
    }
  }
}

function releaseLock(lockFile: string): void {
  if (readHolderPid(lockFile) === process.pid) {
    rmSync(lockFile, { force: true });
  }
}

function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}
