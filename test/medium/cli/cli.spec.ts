import { randomBytes } from 'node:crypto';
import { runCli } from '@youworker/cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';

/** Runs the real CLI in-process against this file's database; returns exit code and output. */
async function cli(env: Record<string, string>, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    env,
    cwd: '/nonexistent-so-no-dotenv-is-read',
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

describe('youworker users, keys and audit', () => {
  let database: TestDatabase;
  let env: Record<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase();
    const secrets = {
      SESSION_SECRET: randomBytes(32).toString('base64url'),
      ENCRYPTION_KEY: `cli:${randomBytes(32).toString('base64')}`,
    };
    if (database.url) {
      env = { DATABASE_URL: database.url, ...secrets };
    } else {
      // The CLI opens the embedded database itself; PGlite allows one owner at a time.
      await database.handle.close();
      env = { DATA_DIR: database.dataDir as string, ...secrets };
    }
  });

  afterAll(async () => {
    await database.destroy();
  });

  it('should create an admin and print a working API key once', async () => {
    const created = await cli(env, 'users', 'create', '--admin', 'Ærøskøbing', '--display-name', 'Æ 🎩');
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/created admin Ærøskøbing/);
    expect(created.stdout).toMatch(/API key \(shown once, store it now\): yw_[A-Za-z0-9_-]{43}\n/);
    const duplicate = await cli(env, 'users', 'create', 'ærøskøbing');
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain('That username is taken');
  });

  it('should list users, change roles and status, and refuse bad input', async () => {
    expect((await cli(env, 'users', 'create', 'bob')).code).toBe(0);
    expect((await cli(env, 'users', 'list')).stdout).toMatch(/user {3}active {4}bob/);
    expect((await cli(env, 'users', 'set-role', 'bob', 'admin')).stdout).toContain('bob is now admin');
    expect((await cli(env, 'users', 'disable', 'BOB')).stdout).toContain('bob is now disabled');
    expect((await cli(env, 'users', 'enable', 'bob')).stdout).toContain('bob is now active');
    const badRole = await cli(env, 'users', 'set-role', 'bob', 'root');
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toContain('role must be admin or user');
    const nobody = await cli(env, 'users', 'disable', 'nobody');
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain('User not found');
  });

  it('should create, list and revoke API keys', async () => {
    const created = await cli(env, 'keys', 'create', 'bob', '--name', 'ci', '--expires-in-days', '30');
    expect(created.code).toBe(0);
    const keyId = /key ([0-9a-f-]{36}) for bob/.exec(created.stdout)?.[1] ?? '';
    expect((await cli(env, 'keys', 'list', 'bob')).stdout).toMatch(new RegExp(`${keyId} {2}active {3}yw_`));
    expect((await cli(env, 'keys', 'revoke', 'bob', keyId)).code).toBe(0);
    expect((await cli(env, 'keys', 'list', 'bob')).stdout).toMatch(new RegExp(`${keyId} {2}revoked`));
    expect((await cli(env, 'keys', 'create', 'bob', '--expires-in-days', '0')).code).toBe(1);
  });

  it('should tail the audit log, oldest first', async () => {
    const tail = await cli(env, 'audit', 'tail', '-n', '3');
    expect(tail.code).toBe(0);
    const lines = tail.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.at(-1)).toContain('api-key.revoke  by cli');
    expect((await cli(env, 'audit', 'tail', '-n', 'many')).code).toBe(2);
  });
});
