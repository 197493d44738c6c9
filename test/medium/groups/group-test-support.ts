import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHashEmbedder } from '@youworker/llm';
import { signCallerToken } from '@youworker/mcp-common';
import type { createServices } from '../../../apps/server/src/deps.ts';
import { createTestUser, type TestUser } from '../../support/identity.ts';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';

/** A running app (real HTTP on loopback) with the ingestion worker on, and helpers to drive it. */
export interface GroupsHarness {
  testApp: TestApp;
  database: TestDatabase;
  baseUrl: string;
  /** What the app runs on, below the HTTP API: to check the store without the search service. */
  internals: Pick<ReturnType<typeof createServices>, 'vectorStore' | 'embedder' | 'access'>;
  user(options?: { role?: 'admin' | 'user' }): Promise<TestUser>;
  /** A JSON request as `caller` (anonymous when undefined). */
  api(caller: TestUser | undefined, method: string, path: string, body?: unknown): Promise<Response>;
  /** Uploads one text file and waits until it is indexed; returns the document id. */
  upload(
    owner: TestUser,
    name: string,
    content: string,
    sharing?: { groupId?: string; isPrivate?: boolean },
  ): Promise<string>;
  createGroup(admin: TestUser, name: string): Promise<string>;
  addMember(admin: TestUser, groupId: string, member: TestUser, role?: 'member' | 'admin'): Promise<void>;
  /** Document ids of a lexical `/v1/search`, or the status when it is not 200. */
  search(caller: TestUser | undefined, query: string): Promise<string[] | number>;
  /** Document ids through the `semantic` MCP server's bridge (caller token), or the status. */
  semantic(caller: TestUser | undefined, query: string): Promise<string[] | number>;
  close(): Promise<void>;
}

/** `env`: extra configuration (e.g. `LLM_BASE_URL` of a scripted model server for chat retrieval). */
export async function startGroupsHarness(
  options: { env?: Record<string, string> } = {},
): Promise<GroupsHarness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'yw-groups-'));
  const database = await createTestDatabase();
  const testApp = await createTestApp({
    database: database.handle,
    embedder: createHashEmbedder(64),
    env: { DATA_DIR: dataDir, INGEST_WORKER: 'true', ...options.env },
  });
  await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  const address = testApp.app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const api = (caller: TestUser | undefined, method: string, path: string, body?: unknown) =>
    fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(caller ? caller.headers : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  const ids = async (response: Response): Promise<string[] | number> => {
    if (response.status !== 200) {
      return response.status;
    }
    const body = (await response.json()) as { results: { documentId: string }[] };
    return [...new Set(body.results.map((result) => result.documentId))];
  };

  // createDeps builds every service; the app's type only names those the routes use.
  const internals = testApp.deps.services as unknown as GroupsHarness['internals'];

  return {
    testApp,
    database,
    baseUrl,
    internals,
    user: (options = {}) => createTestUser(testApp, options),
    api,
    async upload(owner, name, content, sharing = {}) {
      const form = new FormData();
      form.append('file', new Blob([content]), name);
      if (sharing.groupId) {
        form.append('groupId', sharing.groupId);
      }
      if (sharing.isPrivate !== undefined) {
        form.append('isPrivate', String(sharing.isPrivate));
      }
      const response = await fetch(`${baseUrl}/v1/documents/upload`, {
        method: 'POST',
        headers: owner.headers,
        body: form,
      });
      if (response.status !== 202) {
        throw new Error(`upload failed: ${response.status} ${await response.text()}`);
      }
      const started = (await response.json()) as { run: { id: string }; documents: { id: string }[] };
      const deadline = Date.now() + 60_000;
      for (;;) {
        const run = (await (await api(owner, 'GET', `/v1/ingestion-runs/${started.run.id}`)).json()) as {
          status: string;
          finishedAt: string | null;
        };
        if (run.finishedAt !== null) {
          if (run.status !== 'succeeded') {
            throw new Error(`ingestion ${run.status}`);
          }
          return started.documents[0]?.id ?? '';
        }
        if (Date.now() > deadline) {
          throw new Error('ingestion timed out');
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async createGroup(admin, name) {
      const response = await api(admin, 'POST', '/v1/groups', { name });
      if (response.status !== 201) {
        throw new Error(`create group failed: ${response.status} ${await response.text()}`);
      }
      return ((await response.json()) as { id: string }).id;
    },
    async addMember(admin, groupId, member, role = 'member') {
      const response = await api(admin, 'POST', `/v1/groups/${groupId}/members`, { userId: member.id, role });
      if (response.status !== 201) {
        throw new Error(`add member failed: ${response.status} ${await response.text()}`);
      }
    },
    async search(caller, query) {
      return ids(await api(caller, 'POST', '/v1/search', { query, k: 20, mode: 'lexical' }));
    },
    async semantic(caller, query) {
      const token = caller
        ? signCallerToken(
            { sub: caller.id, rid: 'groups-test', aud: 'semantic' },
            testApp.deps.services.mcpCallerSecret,
            60,
          )
        : undefined;
      return ids(
        await fetch(`${baseUrl}/v1/mcp-bridge/search`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { 'x-youworker-caller': token } : {}) },
          body: JSON.stringify({ query, k: 20, mode: 'lexical' }),
        }),
      );
    },
    async close() {
      await testApp.close();
      await testApp.deps.close();
      await database.destroy();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
