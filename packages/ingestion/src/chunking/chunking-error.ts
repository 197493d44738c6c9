const marker = Symbol.for('youworker.error.chunking');

/** Stable codes of chunking failures. */
export type ChunkingErrorCode = 'CHUNK_OPTIONS_INVALID';

/** Invalid chunking options (e.g. `overlapTokens` not smaller than half of `maxTokens`). */
export class ChunkingError extends Error {
  private readonly [marker] = true;

  constructor(
    readonly code: ChunkingErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ChunkingError';
  }

  static isInstance(error: unknown): error is ChunkingError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}
