import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { EncryptionKeyError } from './encryption-key-error.ts';
import { EncryptionKeyring, generateEncryptionKey, parseEncryptionKey } from './encryption-keyring.ts';

function keyText(id: string, bytes = 32): string {
  return `${id}:${randomBytes(bytes).toString('base64')}`;
}

function parseError(text: string): EncryptionKeyError {
  try {
    parseEncryptionKey(text);
  } catch (error) {
    if (EncryptionKeyError.isInstance(error)) {
      return error;
    }
    throw error;
  }
  throw new Error('expected parseEncryptionKey to throw');
}

describe('parseEncryptionKey', () => {
  it('should parse an id and 32 bytes of base64', () => {
    const material = randomBytes(32);
    const key = parseEncryptionKey(`k_2025-01:${material.toString('base64')}`);
    expect(key.id).toBe('k_2025-01');
    expect(key.key.equals(material)).toBe(true);
  });

  it('should accept URL-safe base64 without padding', () => {
    const material = randomBytes(32);
    expect(parseEncryptionKey(`k1:${material.toString('base64url')}`).key.equals(material)).toBe(true);
  });

  it.each([
    ['no separator', randomBytes(32).toString('base64')],
    ['an empty id', `:${randomBytes(32).toString('base64')}`],
    ['an id with a dot', `k.1:${randomBytes(32).toString('base64')}`],
    ['an id over 32 characters', keyText('k'.repeat(33))],
    ['a short key', keyText('k1', 16)],
    ['a long key', keyText('k1', 33)],
    ['characters outside base64', `k1:${'!'.repeat(44)}`],
    ['an empty key', 'k1:'],
  ])('should refuse %s', (_label, text) => {
    const error = parseError(text);
    expect(error.code).toBe('ENCRYPTION_KEY_INVALID');
    expect(error.message).toContain('youworker keys generate');
  });

  it('should never repeat the key material in its message', () => {
    const encoded = randomBytes(16).toString('base64');
    expect(parseError(`k1:${encoded}`).message).not.toContain(encoded);
  });
});

describe('generateEncryptionKey', () => {
  it('should produce a parseable key with a dated default id', () => {
    const text = generateEncryptionKey(undefined, new Date('2025-03-14T10:00:00Z'));
    const key = parseEncryptionKey(text);
    expect(key.id).toMatch(/^k20250314[0-9a-f]{4}$/);
    expect(key.key).toHaveLength(32);
  });

  it('should use the given id and fresh key material each time', () => {
    const first = generateEncryptionKey('primary');
    expect(first.startsWith('primary:')).toBe(true);
    expect(generateEncryptionKey('primary')).not.toBe(first);
  });

  it('should refuse an invalid id', () => {
    expect(() => generateEncryptionKey('has space')).toThrow(EncryptionKeyError);
  });
});

describe(EncryptionKeyring.name, () => {
  it('should find the current and the previous keys', () => {
    const keyring = EncryptionKeyring.fromText(keyText('new'), [keyText('old'), keyText('older')]);
    expect(keyring.currentId).toBe('new');
    expect(keyring.current.id).toBe('new');
    expect(keyring.ids).toEqual(['new', 'old', 'older']);
    expect(keyring.find('old')?.key).toHaveLength(32);
    expect(keyring.find('missing')).toBeUndefined();
  });

  it('should refuse duplicate key ids across current and previous keys', () => {
    expect(() => EncryptionKeyring.fromText(keyText('k1'), [keyText('k2'), keyText('k1')])).toThrow(
      expect.objectContaining({ code: 'ENCRYPTION_KEY_ID_DUPLICATE' }),
    );
  });

  it('should refuse a key that is not 32 bytes or an invalid id', () => {
    expect(() => new EncryptionKeyring({ current: { id: 'k1', key: randomBytes(16) } })).toThrow(
      expect.objectContaining({ code: 'ENCRYPTION_KEY_INVALID' }),
    );
    expect(() => new EncryptionKeyring({ current: { id: 'k 1', key: randomBytes(32) } })).toThrow(
      expect.objectContaining({ code: 'ENCRYPTION_KEY_INVALID' }),
    );
  });

  it('should copy the key material', () => {
    const material = randomBytes(32);
    const keyring = new EncryptionKeyring({ current: { id: 'k1', key: material } });
    material.fill(0);
    expect(keyring.current.key.equals(Buffer.alloc(32))).toBe(false);
  });

  it('should show only key ids when logged or serialized', () => {
    const text = keyText('k1');
    const encoded = text.slice(3);
    const keyring = EncryptionKeyring.fromText(text, [keyText('k0')]);
    expect(JSON.stringify(keyring)).toBe('{"current":"k1","previous":["k0"]}');
    expect(inspect(keyring)).not.toContain(encoded);
    expect(inspect(keyring)).toContain('k0');
  });
});
