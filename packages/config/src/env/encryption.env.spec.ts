import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './load-config.ts';

function keyText(id: string, bytes = 32): string {
  return `${id}:${randomBytes(bytes).toString('base64')}`;
}

function issuesOf(source: Record<string, string>): { variable: string; message: string }[] {
  try {
    parseConfig(source);
  } catch (error) {
    if (error instanceof ConfigError) {
      return error.issues;
    }
    throw error;
  }
  return [];
}

describe('encryption variables', () => {
  it('should be optional, with no previous keys', () => {
    const config = parseConfig({});
    expect(config.ENCRYPTION_KEY).toBeUndefined();
    expect(config.ENCRYPTION_PREVIOUS_KEYS).toEqual([]);
  });

  it('should keep the key texts for the keyring to parse', () => {
    const current = keyText('k2');
    const previous = [keyText('k1'), keyText('k0')];
    const config = parseConfig({
      ENCRYPTION_KEY: current,
      ENCRYPTION_PREVIOUS_KEYS: ` ${previous.join(' , ')} ,`,
    });
    expect(config.ENCRYPTION_KEY).toBe(current);
    expect(config.ENCRYPTION_PREVIOUS_KEYS).toEqual(previous);
  });

  it.each([
    ['no key id', randomBytes(32).toString('base64')],
    ['a key id with a space', keyText('k 1')],
    ['16 bytes', keyText('k1', 16)],
    ['not base64', `k1:${'*'.repeat(44)}`],
  ])('should refuse a key with %s, without echoing it', (_label, value) => {
    const issues = issuesOf({ ENCRYPTION_KEY: value });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.variable).toBe('ENCRYPTION_KEY');
    expect(issues[0]?.message).toContain('youworker keys generate');
    expect(issues[0]?.message).not.toContain(value);
  });

  it('should refuse a malformed or repeated previous key', () => {
    expect(issuesOf({ ENCRYPTION_PREVIOUS_KEYS: `${keyText('k1')},k2:short` })).toEqual([
      expect.objectContaining({ variable: 'ENCRYPTION_PREVIOUS_KEYS' }),
    ]);
    expect(issuesOf({ ENCRYPTION_PREVIOUS_KEYS: `${keyText('k1')},${keyText('k1')}` })).toEqual([
      { variable: 'ENCRYPTION_PREVIOUS_KEYS', message: 'key ids must be unique' },
    ]);
  });

  it('should require the key in production', () => {
    const issues = issuesOf({ APP_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) });
    expect(issues).toContainEqual({
      variable: 'ENCRYPTION_KEY',
      message: 'is required when APP_ENV=production',
    });
  });
});
