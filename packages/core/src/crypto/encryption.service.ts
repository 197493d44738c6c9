/**
 * Encryption at rest: AES-256-GCM with a random 12-byte IV per value and a 16-byte tag.
 *
 * Serialized format (ASCII, safe for `text` columns):
 *
 *     yw1:<keyId>:<base64url(iv[12] | tag[16] | ciphertext)>
 *
 * - `yw1` is the format version; `keyId` names the key in the {@link EncryptionKeyring}.
 * - base64url without padding, canonical (a re-encoded or padded payload is refused as malformed).
 * - The authenticated associated data is the UTF-8 of `yw1:<keyId>:` followed by the caller's
 *   associated data (e.g. the row id), so neither the header nor the binding can be swapped without
 *   failing the tag. Omitted associated data is the same as empty associated data.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { DecryptionError } from './decryption-error.ts';
import { isValidEncryptionKeyId, type EncryptionKey, type EncryptionKeyring } from './encryption-keyring.ts';

/** Caller-supplied data bound to a value without being stored in it (e.g. the owning row's id). */
export type AssociatedData = string | Uint8Array;

const version = 'yw1';
const ivLength = 12;
const tagLength = 16;
const base64UrlPattern = /^[A-Za-z0-9_-]+$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

interface ParsedCiphertext {
  keyId: string;
  iv: Buffer;
  tag: Buffer;
  body: Buffer;
}

function malformed(reason: string): DecryptionError {
  return new DecryptionError('CIPHERTEXT_MALFORMED', `Encrypted value is malformed: ${reason}`);
}

function parseCiphertext(ciphertext: string): ParsedCiphertext {
  const parts = ciphertext.split(':');
  const [prefix, keyId, payload] = parts;
  if (parts.length !== 3 || prefix !== version || keyId === undefined || payload === undefined) {
    throw malformed(`expected ${version}:<keyId>:<payload>`);
  }
  if (!isValidEncryptionKeyId(keyId)) {
    throw malformed('invalid key id');
  }
  const bytes = base64UrlPattern.test(payload) ? Buffer.from(payload, 'base64url') : undefined;
  if (bytes?.toString('base64url') !== payload) {
    throw malformed('payload is not canonical base64url');
  }
  if (bytes.length < ivLength + tagLength) {
    throw malformed('payload too short');
  }
  return {
    keyId,
    iv: bytes.subarray(0, ivLength),
    tag: bytes.subarray(ivLength, ivLength + tagLength),
    body: bytes.subarray(ivLength + tagLength),
  };
}

function authenticatedData(keyId: string, associatedData: AssociatedData | undefined): Buffer {
  const header = Buffer.from(`${version}:${keyId}:`, 'utf8');
  if (associatedData === undefined) {
    return header;
  }
  const extra = typeof associatedData === 'string' ? Buffer.from(associatedData, 'utf8') : associatedData;
  return Buffer.concat([header, extra]);
}

/**
 * Encrypts and decrypts values stored at rest with the keyring's keys: always encrypts with the
 * current key, decrypts with whichever key the value names. Failures throw {@link DecryptionError}
 * with a distinct code; garbage is never returned.
 */
export class EncryptionService {
  constructor(private readonly deps: { keyring: EncryptionKeyring }) {}

  /** Encrypts UTF-8 text with the current key. */
  encrypt(plaintext: string, associatedData?: AssociatedData): string {
    return this.encryptBytes(Buffer.from(plaintext, 'utf8'), associatedData);
  }

  /** Decrypts a value from {@link encrypt}; the same associated data must be given. */
  decrypt(ciphertext: string, associatedData?: AssociatedData): string {
    const bytes = this.decryptBytes(ciphertext, associatedData);
    try {
      return utf8.decode(bytes);
    } catch {
      throw new DecryptionError('DECRYPTION_FAILED', 'Decrypted value is not UTF-8 text');
    }
  }

  /** Encrypts bytes with the current key. */
  encryptBytes(plaintext: Uint8Array, associatedData?: AssociatedData): string {
    const { id, key } = this.deps.keyring.current;
    const iv = randomBytes(ivLength);
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: tagLength });
    cipher.setAAD(authenticatedData(id, associatedData));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    const payload = Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    return `${version}:${id}:${payload}`;
  }

  /** Decrypts a value from {@link encryptBytes}; the same associated data must be given. */
  decryptBytes(ciphertext: string, associatedData?: AssociatedData): Buffer {
    const parsed = parseCiphertext(ciphertext);
    const key = this.requireKey(parsed.keyId);
    const decipher = createDecipheriv('aes-256-gcm', key.key, parsed.iv, { authTagLength: tagLength });
    decipher.setAAD(authenticatedData(parsed.keyId, associatedData));
    decipher.setAuthTag(parsed.tag);
    try {
      return Buffer.concat([decipher.update(parsed.body), decipher.final()]);
    } catch (error) {
      throw new DecryptionError(
        'DECRYPTION_FAILED',
        `Could not decrypt a value encrypted with key "${parsed.keyId}": authentication failed (tampered data, wrong associated data, or a different key under this id)`,
        parsed.keyId,
        { cause: error },
      );
    }
  }

  /**
   * Decrypts with whichever key the value names and encrypts again with the current key (a fresh
   * IV, the same associated data). Used by `youworker keys rotate`.
   */
  reencrypt(ciphertext: string, associatedData?: AssociatedData): string {
    return this.encryptBytes(this.decryptBytes(ciphertext, associatedData), associatedData);
  }

  /** The key id a value was encrypted with; throws `CIPHERTEXT_MALFORMED` when it is not one of ours. */
  keyIdOf(ciphertext: string): string {
    return parseCiphertext(ciphertext).keyId;
  }

  /**
   * Whether a value was encrypted with a key other than the current one (and so should be
   * re-encrypted). Throws `CIPHERTEXT_MALFORMED` rather than guessing about values that are not ours.
   */
  needsRotation(ciphertext: string): boolean {
    return this.keyIdOf(ciphertext) !== this.deps.keyring.currentId;
  }

  /** Whether `value` has the shape of an encrypted value (it may still fail to decrypt). */
  static isEncrypted(value: string): boolean {
    try {
      parseCiphertext(value);
      return true;
    } catch {
      return false;
    }
  }

  private requireKey(keyId: string): EncryptionKey {
    const key = this.deps.keyring.find(keyId);
    if (key === undefined) {
      throw new DecryptionError(
        'ENCRYPTION_KEY_UNKNOWN',
        `Value was encrypted with key "${keyId}", which is not configured (ENCRYPTION_KEY or ENCRYPTION_PREVIOUS_KEYS)`,
        keyId,
      );
    }
    return key;
  }
}
