import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Regular files under `folder` (recursively when asked), sorted, at most `maxFiles`. Symbolic links
 * and hidden entries are skipped: a link could point outside the allowed roots.
 */
export async function listFiles(
  folder: string,
  options: { recursive: boolean; maxFiles: number },
): Promise<{ files: string[]; truncated: boolean }> {
  const files: string[] = [];
  const pending = [folder];
  while (pending.length > 0) {
    const current = pending.shift() as string;
    const entries = await readdir(current, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.isSymbolicLink()) {
        continue;
      }
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (options.recursive) {
          pending.push(path);
        }
      } else if (entry.isFile()) {
        if (files.length >= options.maxFiles) {
          return { files, truncated: true };
        }
        files.push(path);
      }
    }
  }
  return { files, truncated: false };
}
