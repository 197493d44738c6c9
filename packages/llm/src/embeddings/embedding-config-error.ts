const marker = Symbol.for('youworker.error.embedding-config');

/**
 * Embedder options that cannot work (code `EMBEDDING_CONFIG_INVALID`), e.g. the `openai` provider
 * without a base URL or model. Thrown when the embedder is built, never per request.
 */
export class EmbeddingConfigError extends Error {
  private readonly [marker] = true;
  readonly code = 'EMBEDDING_CONFIG_INVALID';

  constructor(message: string) {
    super(message);
    this.name = 'EmbeddingConfigError';
  }

  static isInstance(error: unknown): error is EmbeddingConfigError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}
