import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { runCli } from '@youworker/cli';
import { parseConfig } from '@youworker/config';
import { createCoreServices, createDocumentServices } from '@youworker/core';
import { createHashEmbedder } from '@youworker/llm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';

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

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** `youworker reindex` after the embedding model changed: the index is rebuilt with the new model. */
describe('youworker reindex', () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  let filesDir: string | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
    filesDir = database.url ? await mkdtemp(join(tmpdir(), 'yw-reindex-')) : undefined;
    env = {
      SESSION_SECRET: randomBytes(32).toString('base64url'),
      ENCRYPTION_KEY: `cli:${randomBytes(32).toString('base64')}`,
      ...(database.url ? { DATABASE_URL: database.url } : {}),
      DATA_DIR: filesDir ?? (database.dataDir as string),
    };
    // Index one document with a 64-dimension hash embedder, as an older configuration would have.
    const config = parseConfig(env);
    const core = createCoreServices(config, database.handle, { version: 'test' });
    const documents = createDocumentServices(config, database.handle, {
      audit: core.audit,
      logger: quiet,
      embedder: createHashEmbedder(64),
    });
    const user = await core.users.create(
      { kind: 'system', label: 'test' },
      { username: 'reindexer', role: 'user' },
    );
    const staged = await documents.ingestion.stageUpload(
      Readable.from([Buffer.from('Glaciers carve fjords slowly.')]),
    );
    const actor = {
      kind: 'user' as const,
      userId: user.id,
      username: user.username,
      role: user.role,
      via: 'api-key' as const,
    };
    await documents.ingestion.upload(actor, [{ filename: 'ice.txt', staged }], { tags: [] });
    documents.documentWorker.start();
    for (
      let waited = 0;
      (await documents.vectorStore.indexInfo()) === null && waited < 60_000;
      waited += 100
    ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await documents.closeDocuments();
    expect(await documents.vectorStore.indexInfo()).toEqual({ model: 'hash:64', dimension: 64 });
    if (!database.url) {
      // The CLI opens the embedded database itself; PGlite allows one owner at a time.
      await database.handle.close();
    }
  }, 120_000);

  afterAll(async () => {
    await database.destroy();
    if (filesDir) {
      await rm(filesDir, { recursive: true, force: true });
    }
  });

  it('should rebuild the index with the configured model and show progress', async () => {
    const result = await cli(env, 'reindex');
    expect(result.stderr).toMatch(/\[#+\] 1\/1/);
    expect(result.stdout).toMatch(/index: hash:64 \(64\); configured: local:use-lite \(512\)/);
    expect(result.stdout).toMatch(/reindexed 1 documents, 0 failed/);
    expect(result.code).toBe(0);

    const again = await cli(env, 'reindex');
    expect(again.stdout).toMatch(/nothing to do/);
  }, 120_000);
});
