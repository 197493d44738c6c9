/**
 * Why an encryption key or keyring was refused: `ENCRYPTION_KEY_INVALID` (not
 * `<keyId>:<base64 of 32 bytes>`) or `ENCRYPTION_KEY_ID_DUPLICATE` (two keys share an id).
 */
export type EncryptionKeyErrorCode = 'ENCRYPTION_KEY_INVALID' | 'ENCRYPTION_KEY_ID_DUPLICATE';

const marker = Symbol.for('youworker.error.encryption-key');

/**
 * A configured encryption key is unusable. Raised at start-up (or by the CLI), so the message is for
 * an operator; it never contains key material.
 */
export class EncryptionKeyError extends Error {
  private readonly [marker] = true;

  constructor(
    readonly code: EncryptionKeyErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EncryptionKeyError';
  }

  /** Works across duplicated package copies, where `instanceof` does not. */
  static isInstance(error: unknown): error is EncryptionKeyError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}
