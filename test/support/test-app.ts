import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { ToolRegistry } from '@youworker/agent';
import type { Embedder } from '@youworker/llm';
import type { VectorStore } from '@youworker/vector';
import { parseConfig, type AppConfig } from '@youworker/config';
import type { DatabaseHandle } from '@youworker/db';
import { buildApp, type YouWorkerApp } from '../../apps/server/src/app.ts';
import { createDeps, type ServerDeps } from '../../apps/server/src/deps.ts';
import { createLogger } from '../../apps/server/src/logger.ts';

/** Random secrets for this test process (never a fixed key). */
export const testSecrets = {
  sessionSecret: randomBytes(32).toString('base64url'),
  encryptionKey: `test:${randomBytes(32).toString('base64')}`,
};

/** One parsed JSON log line. */
export type LogLine = Record<string, unknown> & { level: number; msg?: string };

/** The built app with its dependencies and every log line it wrote. */
export interface TestApp {
  app: YouWorkerApp;
  deps: ServerDeps;
  logs: LogLine[];
  close(): Promise<void>;
}

/** Collects pino's JSON lines in memory. */
export function createLogCapture(): { lines: LogLine[]; stream: Writable } {
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim()) {
          lines.push(JSON.parse(line) as LogLine);
        }
      }
      callback();
    },
  });
  return { lines, stream };
}

/**
 * Builds the real app over `database` (migrations already applied by the template). Not yet
 * `ready()`: a test may add routes first. Call `ready()` (or `inject`, which readies it) afterwards.
 */
export async function createTestApp(options: {
  database: DatabaseHandle;
  env?: Record<string, string>;
  verifyDatabase?: boolean;
  tools?: ToolRegistry;
  embedder?: Embedder;
  vectorStore?: VectorStore;
}): Promise<TestApp> {
  const config: AppConfig = parseConfig({
    LOG_LEVEL: 'debug',
    MIGRATE_ON_START: 'false',
    SESSION_SECRET: testSecrets.sessionSecret,
    ENCRYPTION_KEY: testSecrets.encryptionKey,
    // Tests fail authentication on purpose, all from 127.0.0.1; the blocking test sets its own limit.
    RATE_LIMIT_LOGIN_FAILURES_PER_MINUTE: '100000',
    // Medium tests bring their own tools; the MCP tests start servers themselves.
    MCP_BUNDLED_SERVERS: 'none',
    // The ingestion worker polls the database; only the document tests turn it on.
    INGEST_WORKER: 'false',
    ...options.env,
  });
  const capture = createLogCapture();
  const logger = createLogger({ level: config.LOG_LEVEL }, capture.stream);
  const deps = await createDeps(config, logger, {
    database: options.database,
    verifyDatabase: options.verifyDatabase,
    ...(options.tools ? { tools: options.tools } : {}),
    ...(options.embedder ? { embedder: options.embedder } : {}),
    ...(options.vectorStore ? { vectorStore: options.vectorStore } : {}),
  });
  const app = await buildApp(deps);
  return {
    app,
    deps,
    logs: capture.lines,
    async close() {
      await app.close();
    },
  };
}
