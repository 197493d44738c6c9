import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PayloadTooLargeError } from '../errors/payload-too-large-error.ts';

/** A file written to the store's staging area, hashed while it streamed. */
export interface StagedFile {
  path: string;
  sha256: string;
  size: number;
}

/**
 * Document sources on local disk under one root: uploads stream into `staging/` (size limit enforced
 * while streaming, SHA-256 computed on the way), then move to `documents/<documentId>`. Paths handed
 * back are relative to the root, and every operation refuses paths outside it.
 */
export class FileStore {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** Streams `source` to a staging file, failing with FILE_TOO_LARGE past `maxBytes`. */
  async stage(source: Readable, options: { maxBytes: number; signal?: AbortSignal }): Promise<StagedFile> {
    await mkdir(join(this.root, 'staging'), { recursive: true });
    const relative = join('staging', randomUUID());
    const target = this.absolute(relative);
    const hash = createHash('sha256');
    let size = 0;
    try {
      await pipeline(
        source,
        async function* (chunks: AsyncIterable<Buffer>) {
          for await (const chunk of chunks) {
            size += chunk.length;
            if (size > options.maxBytes) {
              throw new PayloadTooLargeError({
                code: 'FILE_TOO_LARGE',
                message: `A file is larger than the limit of ${options.maxBytes} bytes`,
              });
            }
            hash.update(chunk);
            yield chunk;
          }
        },
        createWriteStream(target),
        ...(options.signal ? [{ signal: options.signal }] : []),
      );
    } catch (error) {
      await rm(target, { force: true });
      throw error;
    }
    return { path: relative, sha256: hash.digest('hex'), size };
  }

  /** Stages bytes already in memory (a fetched URL). */
  async stageBytes(bytes: Uint8Array): Promise<StagedFile> {
    const { Readable } = await import('node:stream');
    return this.stage(Readable.from([Buffer.from(bytes)]), { maxBytes: Number.MAX_SAFE_INTEGER });
  }

  /** Moves a staged file to its document's place; returns the new relative path. */
  async commit(staged: StagedFile, documentId: string): Promise<string> {
    await mkdir(join(this.root, 'documents'), { recursive: true });
    const relative = join('documents', documentId);
    await rename(this.absolute(staged.path), this.absolute(relative));
    return relative;
  }

  async read(relative: string): Promise<Buffer> {
    return readFile(this.absolute(relative));
  }

  /** Removes a stored or staged file; a missing file is not an error. */
  async remove(relative: string | null | undefined): Promise<void> {
    if (relative) {
      await rm(this.absolute(relative), { force: true });
    }
  }

  private absolute(relative: string): string {
    const path = resolve(this.root, relative);
    if (!path.startsWith(this.root + sep)) {
      throw new Error(`Refusing a path outside the file store: ${relative}`);
    }
    return path;
  }
}
