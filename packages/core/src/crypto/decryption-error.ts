/**
 * Why a value could not be decrypted:
 * - `CIPHERTEXT_MALFORMED`: not a `yw1:<keyId>:<payload>` value (truncated, re-encoded, plaintext);
 * - `ENCRYPTION_KEY_UNKNOWN`: encrypted with a key id the keyring does not hold (a previous key was
 *   dropped too early, or the wrong key set is configured);
 * - `DECRYPTION_FAILED`: the authentication tag did not verify (tampered bytes, wrong associated
 *   data, or a different key under the same id).
 */
export type DecryptionErrorCode = 'DECRYPTION_FAILED' | 'ENCRYPTION_KEY_UNKNOWN' | 'CIPHERTEXT_MALFORMED';

const marker = Symbol.for('youworker.error.decryption');

/**
 * A stored value could not be decrypted. Never carries plaintext, ciphertext or key material; only
 * the code and, when known, the (non-secret) key id.
 */
export class DecryptionError extends Error {
  private readonly [marker] = true;

  constructor(
    readonly code: DecryptionErrorCode,
    message: string,
    /** The key id named by the value, when it could be read. */
    readonly keyId?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DecryptionError';
  }

  /** Works across duplicated package copies, where `instanceof` does not. */
  static isInstance(error: unknown): error is DecryptionError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}
