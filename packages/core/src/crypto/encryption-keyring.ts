import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { EncryptionKeyError } from './encryption-key-error.ts';

/** Length of an AES-256 key in bytes. */
export const encryptionKeyLength = 32;

const keyIdPattern = /^[A-Za-z0-9_-]{1,32}$/;
// Standard or URL-safe alphabet, padding optional; the decoded length is checked separately.
const base64Pattern = /^[A-Za-z0-9+/_-]+={0,2}$/;
const formatHint = 'must be <keyId>:<base64 of 32 bytes>; generate one with `youworker keys generate`';

/** One AES-256 key and the id written into every value it encrypts. */
export interface EncryptionKey {
  /** 1–32 of `A–Z a–z 0–9 _ -`; stored in clear in each ciphertext, so never secret. */
  readonly id: string;
  /** Exactly 32 bytes of key material. */
  readonly key: Buffer;
}

/** The keys of an {@link EncryptionKeyring}: one to encrypt with, any number still accepted for decryption. */
export interface EncryptionKeyringOptions {
  current: EncryptionKey;
  previous?: readonly EncryptionKey[];
}

/** Whether `id` is a valid key id (`^[A-Za-z0-9_-]{1,32}$`). */
export function isValidEncryptionKeyId(id: string): boolean {
  return keyIdPattern.test(id);
}

/**
 * Parses `<keyId>:<base64 of 32 bytes>` (the format of `ENCRYPTION_KEY`). Throws
 * {@link EncryptionKeyError} `ENCRYPTION_KEY_INVALID`; the message never repeats the key material.
 */
export function parseEncryptionKey(text: string): EncryptionKey {
  const trimmed = text.trim();
  const separator = trimmed.indexOf(':');
  const id = trimmed.slice(0, separator);
  const encoded = trimmed.slice(separator + 1);
  if (separator < 0 || !isValidEncryptionKeyId(id)) {
    throw new EncryptionKeyError('ENCRYPTION_KEY_INVALID', `Encryption key ${formatHint}`);
  }
  const key = base64Pattern.test(encoded) ? Buffer.from(encoded, 'base64') : undefined;
  if (key?.length !== encryptionKeyLength) {
    throw new EncryptionKeyError(
      'ENCRYPTION_KEY_INVALID',
      `Encryption key "${id}" ${formatHint} (the part after the colon is not base64 of exactly 32 bytes)`,
    );
  }
  return { id, key };
}

/**
 * A fresh key as `<id>:<base64>` text, ready for `ENCRYPTION_KEY`. The default id is `k` + the UTC
 * date (yyyymmdd) + 4 random hex digits, e.g. `k20250314a3f9`, so keys sort by age and rarely clash.
 */
export function generateEncryptionKey(id?: string, now: Date = new Date()): string {
  const keyId =
    id ?? `k${now.toISOString().slice(0, 10).replaceAll('-', '')}${randomBytes(2).toString('hex')}`;
  if (!isValidEncryptionKeyId(keyId)) {
    throw new EncryptionKeyError('ENCRYPTION_KEY_INVALID', 'Key id must match ^[A-Za-z0-9_-]{1,32}$');
  }
  return `${keyId}:${randomBytes(encryptionKeyLength).toString('base64')}`;
}

/**
 * The current key (used for every new encryption) and the previous keys (still accepted for
 * decryption until `youworker keys rotate` has rewritten their values). Keys are copied on
 * construction; logging or serializing the keyring shows only the key ids.
 */
export class EncryptionKeyring {
  /** The id of the key new values are encrypted with. */
  readonly currentId: string;
  private readonly currentKey: Buffer;
  private readonly keys = new Map<string, Buffer>();

  /** Throws {@link EncryptionKeyError} when a key is not 32 bytes, an id is invalid, or ids repeat. */
  constructor(options: EncryptionKeyringOptions) {
    this.currentId = options.current.id;
    this.currentKey = this.add(options.current);
    for (const key of options.previous ?? []) {
      this.add(key);
    }
  }

  /** Builds a keyring from configuration texts (`ENCRYPTION_KEY`, `ENCRYPTION_PREVIOUS_KEYS`). */
  static fromText(current: string, previous: readonly string[] = []): EncryptionKeyring {
    return new EncryptionKeyring({
      current: parseEncryptionKey(current),
      previous: previous.map((text) => parseEncryptionKey(text)),
    });
  }

  /** The key new values are encrypted with. */
  get current(): EncryptionKey {
    return { id: this.currentId, key: this.currentKey };
  }

  /** Every key id, the current one first. */
  get ids(): readonly string[] {
    return [...this.keys.keys()];
  }

  /** The key with this id, or undefined when the keyring does not hold it. */
  find(id: string): EncryptionKey | undefined {
    const key = this.keys.get(id);
    return key === undefined ? undefined : { id, key };
  }

  toJSON(): { current: string; previous: string[] } {
    return { current: this.currentId, previous: this.ids.slice(1) };
  }

  [inspect.custom](): string {
    return `EncryptionKeyring ${JSON.stringify(this.toJSON())}`;
  }

  private add({ id, key }: EncryptionKey): Buffer {
    if (!isValidEncryptionKeyId(id) || key.length !== encryptionKeyLength) {
      throw new EncryptionKeyError(
        'ENCRYPTION_KEY_INVALID',
        `Encryption key "${isValidEncryptionKeyId(id) ? id : '(invalid id)'}" needs an id matching ^[A-Za-z0-9_-]{1,32}$ and 32 bytes of key material`,
      );
    }
    if (this.keys.has(id)) {
      throw new EncryptionKeyError(
        'ENCRYPTION_KEY_ID_DUPLICATE',
        `Encryption key id "${id}" is used twice; every key in ENCRYPTION_KEY and ENCRYPTION_PREVIOUS_KEYS needs its own id`,
      );
    }
    const copy = Buffer.from(key);
    this.keys.set(id, copy);
    return copy;
  }
}
