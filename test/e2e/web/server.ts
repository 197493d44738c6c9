import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startScriptedLlm, type ScriptedLlm } from '../../support/scripted-llm/scripted-llm-server.ts';
import {
  freePort,
  startNodeProcess,
  waitForStatus,
  type RunningProcess,
} from '../../support/server-process.ts';

/** The real server process (embedded mode) talking to the scripted model server. */
export interface WebServer {
  baseUrl: string;
  rootApiKey: string;
  llm: ScriptedLlm;
  running: RunningProcess;
  /** Creates a user through the admin API and returns their first API key. */
  createUser(username: string, role?: 'admin' | 'user'): Promise<string>;
  stop(): Promise<void>;
}

/** Starts the scripted model server and the real server; `env` adds or overrides variables. */
export async function startWebServer(env: Record<string, string> = {}): Promise<WebServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'youworker-web-e2e-'));
  const rootApiKey = `root-${randomBytes(24).toString('hex')}`;
  const llm = await startScriptedLlm({ models: ['gpt-oss:20b', 'qwen3:8b'] });
  const port = await freePort();
  const running = startNodeProcess('apps/server/src/main.ts', [], {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    ROOT_API_KEY: rootApiKey,
    LLM_BASE_URL: llm.baseUrl,
    LOG_LEVEL: 'warn',
    ...env,
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForStatus(`${baseUrl}/health/ready`, 200, 90_000, running);
  return {
    baseUrl,
    rootApiKey,
    llm,
    running,
    async createUser(username, role = 'user') {
      const response = await fetch(`${baseUrl}/v1/admin/users`, {
        method: 'POST',
        headers: { authorization: `Bearer ${rootApiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ username, role, createApiKey: true }),
      });
      const body = (await response.json()) as { apiKey?: { secret: string } };
      if (!response.ok || body.apiKey === undefined) {
        throw new Error(`creating ${username} failed: ${response.status} ${JSON.stringify(body)}`);
      }
      return body.apiKey.secret;
    },
    async stop() {
      running.child.kill('SIGTERM');
      await running.exited;
      await llm.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
