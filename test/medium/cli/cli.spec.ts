import { randomBytes } from 'node:crypto';
import { runCli } from '@youworker/cli';
import { parseConfig } from '@youworker/config';
import { createCoreServices } from '@youworker/core';
import { openPGlite } from '@youworker/db';
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

describe('youworker keys rotate', () => {
  it('should re-encrypt chat history with the new key, after which the old key is no longer needed', async () => {
    const database = await createTestDatabase();
    const oldKey = `old:${randomBytes(32).toString('base64')}`;
    const newKey = `new:${randomBytes(32).toString('base64')}`;
    const base = { SESSION_SECRET: randomBytes(32).toString('base64url') };
    try {
      const location: Record<string, string> = database.url
        ? { DATABASE_URL: database.url }
        : { DATA_DIR: database.dataDir as string };
      const before = createCoreServices(
        parseConfig({ ...base, ...location, ENCRYPTION_KEY: oldKey }),
        database.handle,
        {
          version: 'test',
        },
      );
      const user = await before.users.create({ kind: 'system', label: 'test' }, { username: 'rotator' });
      const actor = {
        kind: 'user' as const,
        userId: user.id,
        username: user.username,
        role: user.role,
        via: 'api-key' as const,
      };
      const session = await before.chatSessions.createSession(actor, 'secret plans', null);
      await before.chatSessions.appendUserMessage(session, 'the launch code is 0000 ✓');
      await before.chatSessions.appendAssistantTurn(session, {
        content: 'noted',
        status: 'complete',
        model: 'm',
        usage: {},
        toolRuns: [
          {
            step: 1,
            toolCallId: 'c1',
            toolName: 'notes__save',
            arguments: '{"text":"0000"}',
            resultPreview: 'saved',
            status: 'success',
            durationMs: 3,
            errorCode: null,
          },
        ],
      });
      if (!database.url) {
        await database.handle.close();
      }
      const rotated = await cli(
        { ...base, ...location, ENCRYPTION_KEY: newKey, ENCRYPTION_PREVIOUS_KEYS: oldKey },
        'keys',
        'rotate',
      );
      expect(rotated.code, rotated.stderr).toBe(0);
      expect(rotated.stdout).toMatch(/chat_messages\.content: 2 scanned, 2 re-encrypted/);
      expect(rotated.stdout).toMatch(/tool_runs\.arguments: 1 scanned, 1 re-encrypted/);

      const handle = database.url
        ? database.handle
        : await openPGlite({ dataDir: database.dataDir as string });
      try {
        const after = createCoreServices(
          parseConfig({ ...base, ...location, ENCRYPTION_KEY: newKey }),
          handle,
          { version: 'test' },
        );
        const messages = await after.chatSessions.getMessages(actor, session.id);
        expect(messages.map((message) => message.content)).toEqual(['the launch code is 0000 ✓', 'noted']);
        expect(messages[1]?.toolRuns[0]?.arguments).toBe('{"text":"0000"}');
      } finally {
        if (handle !== database.handle) {
          await handle.close();
        }
      }
    } finally {
      await database.destroy();
    }
  });
});
