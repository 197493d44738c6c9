import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from './load-config.ts';

describe('parseConfig', () => {
  it('should apply the documented defaults to an empty environment', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      PORT: 8001,
      HOST: '127.0.0.1',
      DATA_DIR: './data',
      LOG_LEVEL: 'info',
      APP_ENV: 'development',
      MIGRATE_ON_START: true,
    });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('should coerce numbers and booleans', () => {
    const config = parseConfig({ PORT: '9000', MIGRATE_ON_START: 'off', DATABASE_POOL_SIZE: '3' });
    expect(config.PORT).toBe(9000);
    expect(config.MIGRATE_ON_START).toBe(false);
    expect(config.DATABASE_POOL_SIZE).toBe(3);
  });

  it('should treat empty and blank values as unset', () => {
    const config = parseConfig({ PORT: '', DATABASE_URL: '  ' });
    expect(config.PORT).toBe(8001);
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('should ignore variables the schema does not know', () => {
    expect(parseConfig({ SOMETHING_ELSE: 'x' })).not.toHaveProperty('SOMETHING_ELSE');
  });

  it('should list every invalid variable with its reason', () => {
    let caught: unknown;
    try {
      parseConfig({
        PORT: '70000',
        APP_ENV: 'staging',
        DATABASE_URL: 'mysql://localhost/db',
        LOG_LEVEL: 'loud',
        MIGRATE_ON_START: 'maybe',
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const error = caught as ConfigError;
    expect(error.issues.map((issue) => issue.variable).sort()).toEqual([
      'APP_ENV',
      'DATABASE_URL',
      'LOG_LEVEL',
      'MIGRATE_ON_START',
      'PORT',
    ]);
    expect(error.message).toContain('DATABASE_URL: must be a postgres:// or postgresql:// URL');
    expect(error.message).toMatch(/PORT: .*65535/);
  });
});

describe('loadConfig', () => {
  it('should read .env and let the real environment win', () => {
    const directory = mkdtempSync(join(tmpdir(), 'youworker-config-'));
    writeFileSync(join(directory, '.env'), '# comment\nPORT=9100\nLOG_LEVEL="debug"\nHOST=0.0.0.0\n');
    const config = loadConfig({ env: { HOST: '::1' }, cwd: directory });
    expect(config).toMatchObject({ PORT: 9100, LOG_LEVEL: 'debug', HOST: '::1' });
  });

  it('should work without a .env file', () => {
    const directory = mkdtempSync(join(tmpdir(), 'youworker-config-'));
    expect(loadConfig({ env: {}, cwd: directory }).PORT).toBe(8001);
  });

  it('should report bad values that come from .env', () => {
    const directory = mkdtempSync(join(tmpdir(), 'youworker-config-'));
    writeFileSync(join(directory, '.env'), 'PORT=not-a-port\n');
    expect(() => loadConfig({ env: {}, cwd: directory })).toThrow(/PORT/);
  });
});
