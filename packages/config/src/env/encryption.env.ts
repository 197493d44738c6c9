import { z } from 'zod';
import { envList } from './env-helpers.ts';

const keyIdPattern = /^[A-Za-z0-9_-]{1,32}$/;
// Standard or URL-safe alphabet, padding optional; the decoded length is checked separately.
const base64Pattern = /^[A-Za-z0-9+/_-]+={0,2}$/;
const keyFormatMessage =
  'must be <keyId>:<base64 of 32 bytes> (keyId: 1–32 of A–Z a–z 0–9 _ -); generate one with `youworker keys generate`';

/**
 * The key id of `<keyId>:<base64 of 32 bytes>`, or undefined when the text is not in that format.
 * Mirrors `parseEncryptionKey` in `@youworker/core` (config imports no other package); the
 * messages never echo the value, which is a secret.
 */
function encryptionKeyIdOf(text: string): string | undefined {
  const separator = text.indexOf(':');
  const id = text.slice(0, separator);
  const encoded = text.slice(separator + 1);
  if (separator < 0 || !keyIdPattern.test(id) || !base64Pattern.test(encoded)) {
    return undefined;
  }
  return Buffer.from(encoded, 'base64').length === 32 ? id : undefined;
}

function hasUniqueIds(entries: readonly string[]): boolean {
  const ids = entries.map((entry) => encryptionKeyIdOf(entry));
  return new Set(ids).size === ids.length;
}

/** Encryption-at-rest variables; the raw texts are parsed into a keyring by `@youworker/core`. */
export const encryptionEnv = {
  ENCRYPTION_KEY: z
    .string()
    .refine((value) => encryptionKeyIdOf(value) !== undefined, { message: keyFormatMessage })
    .optional()
    .describe(
      'Current key for encrypting data at rest (AES-256-GCM), as `<keyId>:<base64 of 32 random bytes>`; create one with `youworker keys generate`. Required in production; in development a random one is generated and kept in `DATA_DIR/secrets.json`. See docs/encryption.md for rotation.',
    ),
  ENCRYPTION_PREVIOUS_KEYS: envList({
    check: (entry) => encryptionKeyIdOf(entry) !== undefined,
    message: `each entry ${keyFormatMessage}`,
  })
    .refine(hasUniqueIds, { message: 'key ids must be unique' })
    .describe(
      'Older encryption keys, comma-separated, same format as `ENCRYPTION_KEY`; still accepted for decryption, never used to encrypt. Keep them until `youworker keys rotate` has finished. Key ids must be unique across `ENCRYPTION_KEY` and this list. Empty: none.',
    ),
};
