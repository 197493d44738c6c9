import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { ForbiddenError } from '../errors/forbidden-error.ts';
import { NotFoundError } from '../errors/not-found-error.ts';
import { ValidationError } from '../errors/validation-error.ts';

/**
 * Resolves a server path a user asked to ingest, refusing anything outside the allowed roots:
 * `..` traversal, and symlinks whose real target escapes (the check runs on the real path).
 */
export async function resolveAllowedPath(
  requested: string,
  allowedRoots: readonly string[],
): Promise<string> {
  if (allowedRoots.length === 0) {
    throw new ForbiddenError({
      code: 'PATH_INGESTION_DISABLED',
      message: 'Server path ingestion is disabled: INGEST_ALLOWED_ROOTS is empty',
    });
  }
  if (!isAbsolute(requested) || requested.includes('\0')) {
    throw new ValidationError({ code: 'PATH_INVALID', message: 'The path must be absolute' });
  }
  let real: string;
  try {
    real = await realpath(resolve(requested));
  } catch {
    throw new NotFoundError({ code: 'PATH_NOT_FOUND', message: `No such file or folder: ${requested}` });
  }
  for (const root of allowedRoots) {
    const realRoot = await realpath(root).catch(() => undefined);
    if (realRoot && isInside(real, realRoot)) {
      return real;
    }
  }
  throw new ForbiddenError({
    code: 'PATH_NOT_ALLOWED',
    message: 'The path is outside the folders allowed for ingestion (INGEST_ALLOWED_ROOTS)',
  });
}

/** Whether `path` equals `root` or lies under it. */
export function isInside(path: string, root: string): boolean {
  const fromRoot = relative(root, path);
  return fromRoot === '' || (!fromRoot.startsWith(`..${sep}`) && fromRoot !== '..' && !isAbsolute(fromRoot));
}

/** Whether the real path is a directory. */
export async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path)).isDirectory();
}
