import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DecryptionError, type DecryptionErrorCode } from './decryption-error.ts';
import { EncryptionKeyring } from './encryption-keyring.ts';
import { EncryptionService } from './encryption.service.ts';

const oldKey = { id: 'old', key: randomBytes(32) };
const newKey = { id: 'new', key: randomBytes(32) };

function service(current = newKey, previous = [oldKey]): EncryptionService {
  return new EncryptionService({ keyring: new EncryptionKeyring({ current, previous }) });
}

function decryptionError(action: () => unknown): DecryptionError {
  try {
    action();
  } catch (error) {
    if (DecryptionError.isInstance(error)) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a DecryptionError');
}

function expectCode(action: () => unknown, code: DecryptionErrorCode): DecryptionError {
  const error = decryptionError(action);
  expect(error.code).toBe(code);
  return error;
}

/** Flips one bit of the decoded payload at `offset` and re-encodes it. */
function tamper(ciphertext: string, offset: number): string {
  const [prefix, keyId, payload = ''] = ciphertext.split(':');
  const bytes = Buffer.from(payload, 'base64url');
  bytes.writeUInt8((bytes[offset] ?? 0) ^ 0x01, offset);
  return `${prefix}:${keyId}:${bytes.toString('base64url')}`;
}

describe(EncryptionService.name, () => {
  describe('encrypt / decrypt', () => {
    it.each([
      ['ASCII', 'hello world'],
      ['the empty string', ''],
      ['accents', 'Grüße, café, naïve'],
      ['emoji', '🔐 secrets 👩‍💻🎉'],
      ['CJK', '秘密のメッセージ，机密信息，비밀'],
      ['a long text', 'x'.repeat(100_000)],
    ])('should round-trip %s', (_label, plaintext) => {
      const encryption = service();
      const ciphertext = encryption.encrypt(plaintext);
      expect(ciphertext).toMatch(/^yw1:new:[A-Za-z0-9_-]+$/);
      expect(encryption.decrypt(ciphertext)).toBe(plaintext);
    });

    it('should round-trip bytes', () => {
      const encryption = service();
      const bytes = randomBytes(300);
      expect(encryption.decryptBytes(encryption.encryptBytes(bytes)).equals(bytes)).toBe(true);
    });

    it('should use a fresh IV for every value', () => {
      const encryption = service();
      const first = encryption.encrypt('same text');
      const second = encryption.encrypt('same text');
      expect(first).not.toBe(second);
      const iv = (value: string) => Buffer.from(value.split(':')[2] ?? '', 'base64url').subarray(0, 12);
      expect(iv(first).equals(iv(second))).toBe(false);
    });

    it('should not contain the plaintext', () => {
      const ciphertext = service().encrypt('plain secret text');
      expect(ciphertext).not.toContain('plain');
      expect(Buffer.from(ciphertext.split(':')[2] ?? '', 'base64url').toString('latin1')).not.toContain(
        'secret',
      );
    });
  });

  describe('tamper detection', () => {
    const encryption = service();
    const ciphertext = encryption.encrypt('the quick brown fox');

    it.each([
      ['the IV', 0],
      ['the last IV byte', 11],
      ['the tag', 12],
      ['the last tag byte', 27],
      ['the ciphertext', 28],
      ['the last ciphertext byte', 28 + 18],
    ])('should refuse a change in %s', (_label, offset) => {
      expectCode(() => encryption.decrypt(tamper(ciphertext, offset)), 'DECRYPTION_FAILED');
    });

    it('should refuse a truncated ciphertext', () => {
      const [prefix, keyId, payload = ''] = ciphertext.split(':');
      const shorter = Buffer.from(payload, 'base64url').subarray(0, -1).toString('base64url');
      expectCode(() => encryption.decrypt(`${prefix}:${keyId}:${shorter}`), 'DECRYPTION_FAILED');
    });

    it('should refuse a value relabelled with another known key id', () => {
      const relabelled = ciphertext.replace('yw1:new:', 'yw1:old:');
      const error = expectCode(() => encryption.decrypt(relabelled), 'DECRYPTION_FAILED');
      expect(error.keyId).toBe('old');
    });
  });

  describe('associated data', () => {
    const encryption = service();

    it('should decrypt with the same associated data', () => {
      const ciphertext = encryption.encrypt('row secret', '42');
      expect(encryption.decrypt(ciphertext, '42')).toBe('row secret');
      expect(encryption.decrypt(encryption.encrypt('bytes', Buffer.from([1, 2])), Buffer.from([1, 2]))).toBe(
        'bytes',
      );
    });

    it.each([
      ['other associated data', '43'],
      ['none', undefined],
    ])('should refuse %s', (_label, associatedData) => {
      const ciphertext = encryption.encrypt('row secret', '42');
      expectCode(() => encryption.decrypt(ciphertext, associatedData), 'DECRYPTION_FAILED');
    });

    it('should refuse associated data where none was used', () => {
      expectCode(() => encryption.decrypt(encryption.encrypt('no binding'), '42'), 'DECRYPTION_FAILED');
    });
  });

  describe('keys', () => {
    it('should decrypt values encrypted with a previous key', () => {
      const before = service(oldKey, []).encrypt('written last year', 'row-7');
      expect(service().decrypt(before, 'row-7')).toBe('written last year');
    });

    it('should refuse a value encrypted with a key it does not hold', () => {
      const orphan = service({ id: 'gone', key: randomBytes(32) }, []).encrypt('lost');
      const error = expectCode(() => service().decrypt(orphan), 'ENCRYPTION_KEY_UNKNOWN');
      expect(error.keyId).toBe('gone');
      expect(error.message).toContain('"gone"');
    });

    it('should refuse a different key under the same id', () => {
      const impostor = service({ id: 'new', key: randomBytes(32) }, []).encrypt('text');
      expectCode(() => service().decrypt(impostor), 'DECRYPTION_FAILED');
    });

    it('should tell the key id and whether a value needs rotation', () => {
      const encryption = service();
      const current = encryption.encrypt('a');
      const previous = service(oldKey, []).encrypt('b');
      expect(encryption.keyIdOf(current)).toBe('new');
      expect(encryption.keyIdOf(previous)).toBe('old');
      expect(encryption.needsRotation(current)).toBe(false);
      expect(encryption.needsRotation(previous)).toBe(true);
    });

    it('should re-encrypt with the current key, keeping the associated data', () => {
      const encryption = service();
      const previous = service(oldKey, []).encrypt('rotate me', '9');
      const rotated = encryption.reencrypt(previous, '9');
      expect(encryption.keyIdOf(rotated)).toBe('new');
      expect(encryption.needsRotation(rotated)).toBe(false);
      expect(encryption.decrypt(rotated, '9')).toBe('rotate me');
      expectCode(() => encryption.reencrypt(previous, '10'), 'DECRYPTION_FAILED');
    });
  });

  describe('malformed values', () => {
    const encryption = service();
    const valid = encryption.encrypt('text');
    const payload = valid.split(':')[2] ?? '';

    it.each([
      ['plaintext', 'just some text'],
      ['the empty string', ''],
      ['an unknown version', valid.replace('yw1:', 'yw2:')],
      ['a missing payload', 'yw1:new:'],
      ['a missing key id', `yw1::${payload}`],
      ['an invalid key id', `yw1:n.w:${payload}`],
      ['an extra part', `${valid}:extra`],
      ['standard base64 characters', `yw1:new:${payload.slice(0, -1)}+`],
      ['padding', `yw1:new:${payload}=`],
      ['a payload shorter than IV and tag', `yw1:new:${randomBytes(27).toString('base64url')}`],
    ])('should refuse %s', (_label, value) => {
      const error = expectCode(() => encryption.decrypt(value), 'CIPHERTEXT_MALFORMED');
      expect(error.message).not.toContain('just some text');
      expect(() => encryption.needsRotation(value)).toThrow(DecryptionError);
      expect(EncryptionService.isEncrypted(value)).toBe(false);
    });

    it('should recognise a well-formed value', () => {
      expect(EncryptionService.isEncrypted(valid)).toBe(true);
    });

    it('should refuse bytes that are not UTF-8 when text is asked for', () => {
      const binary = encryption.encryptBytes(Buffer.from([0xff, 0xfe, 0xfd]));
      expectCode(() => encryption.decrypt(binary), 'DECRYPTION_FAILED');
    });
  });
});
