import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { DatabaseSetupError } from '../errors.ts';

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryCreate(lockPath: string): boolean {
  try {
    const fd = openSync(lockPath, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      return false;
    }
    throw error;
  }
}

/**
 * Takes an exclusive lock on an embedded data directory: PGlite has no multi-process locking, and two
 * processes writing the same files would corrupt them. A lock left by a dead process is taken over.
 * Returns the function that releases it.
 */
export function lockDataDirectory(lockPath: string): () => void {
  if (!tryCreate(lockPath)) {
    const owner = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
    if (Number.isInteger(owner) && isProcessAlive(owner)) {
      throw new DatabaseSetupError(
        'DATABASE_LOCKED',
        `The embedded database at ${lockPath.replace(/\.lock$/, '')} is in use by process ${owner}. ` +
          'Stop that process (or point DATA_DIR elsewhere) before starting another one.',
      );
    }
    rmSync(lockPath, { force: true });
    if (!tryCreate(lockPath)) {
      throw new DatabaseSetupError(
        'DATABASE_LOCKED',
        `Could not lock ${lockPath}: another process took it first.`,
      );
    }
  }
  return () => {
    rmSync(lockPath, { force: true });
  };
}
