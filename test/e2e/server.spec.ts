import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startNodeProcess, waitForStatus, type RunningProcess } from '../support/server-process.ts';

const serverEntry = 'apps/server/src/main.ts';
const cliEntry = 'apps/cli/bin/youworker.js';

function logLines(running: RunningProcess): Record<string, unknown>[] {
  return running.stdout
    .join('')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('the server process (embedded mode)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'youworker-e2e-'));
  const rootApiKey = `root-${randomBytes(24).toString('hex')}`;

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function start(): Promise<{ running: RunningProcess; baseUrl: string }> {
    const port = await freePort();
    const running = startNodeProcess(serverEntry, [], {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ROOT_API_KEY: rootApiKey,
    });
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitForStatus(`${baseUrl}/health/ready`, 200, 60_000, running);
    return { running, baseUrl };
  }

  it('should start, answer, stop cleanly on SIGTERM, and keep its data across a restart', async () => {
    const first = await start();
    const info = (await (await fetch(`${first.baseUrl}/v1/system/info`)).json()) as {
      instanceId: string;
      mode: string;
    };
    expect(info.mode).toBe('embedded');
    const ready = (await (await fetch(`${first.baseUrl}/health/ready`)).json()) as {
      components: Record<string, { status: string }>;
    };
    expect(ready.components.database?.status).toBe('up');

    const root = await fetch(`${first.baseUrl}/v1/auth/me`, {
      headers: { authorization: `Bearer ${rootApiKey}` },
    });
    expect(await root.json()).toMatchObject({ username: 'root', role: 'admin', authenticatedBy: 'api-key' });
    expect(first.running.stdout.join('')).not.toContain(rootApiKey);

    const traced = await fetch(`${first.baseUrl}/v1/system/info`, {
      headers: { 'x-correlation-id': 'e2e-trace-1' },
    });
    expect(traced.headers.get('x-correlation-id')).toBe('e2e-trace-1');

    first.running.child.kill('SIGTERM');
    expect(await first.running.exited).toBe(0);
    const messages = logLines(first.running).map((line) => line.msg);
    expect(messages).toContain('shutdown complete');
    expect(logLines(first.running).some((line) => line.requestId === 'e2e-trace-1')).toBe(true);

    const second = await start();
    const again = (await (await fetch(`${second.baseUrl}/v1/system/info`)).json()) as { instanceId: string };
    expect(again.instanceId).toBe(info.instanceId);
    expect(logLines(second.running).find((line) => line.msg === 'schema up to date')).toBeDefined();

    // A second server on the same data directory must refuse to start rather than corrupt it.
    const intruder = startNodeProcess(serverEntry, [], { PORT: String(await freePort()), DATA_DIR: dataDir });
    expect(await intruder.exited).toBe(1);
    expect(intruder.stderr.join('')).toContain('is in use by process');

    second.running.child.kill('SIGINT');
    expect(await second.running.exited).toBe(0);
  });

  it('should exit 1 and list every invalid variable', async () => {
    const running = startNodeProcess(serverEntry, [], {
      PORT: 'eighty',
      APP_ENV: 'staging',
      LOG_LEVEL: 'chatty',
      DATA_DIR: dataDir,
    });
    expect(await running.exited).toBe(1);
    const stderr = running.stderr.join('');
    expect(stderr).toContain('Invalid configuration');
    for (const variable of ['PORT', 'APP_ENV', 'LOG_LEVEL']) {
      expect(stderr).toContain(`- ${variable}:`);
    }
  });

  it('should refuse to start in production without its secrets, naming each', async () => {
    const running = startNodeProcess(serverEntry, [], {
      APP_ENV: 'production',
      DATA_DIR: dataDir,
      SESSION_SECRET: 'short',
    });
    expect(await running.exited).toBe(1);
    const stderr = running.stderr.join('');
    expect(stderr).toContain('- SESSION_SECRET: must be at least 32 characters');
    expect(stderr).toContain('- ENCRYPTION_KEY: is required when APP_ENV=production');
  });

  it('should exit 1 with a clear message when PostgreSQL is unreachable', async () => {
    const running = startNodeProcess(serverEntry, [], {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:9/none',
      DATABASE_CONNECT_TIMEOUT_MS: '500',
      PORT: String(await freePort()),
    });
    expect(await running.exited).toBe(1);
    expect(running.stderr.join('')).toMatch(
      /Cannot reach the database at postgres:\/\/postgres@127\.0\.0\.1:9\/none: .*ECONNREFUSED/,
    );
  });
});

describe('youworker migrate', () => {
  it('should list, apply and revert migrations on an embedded database', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'youworker-cli-'));
    const run = async (...args: string[]) => {
      const running = startNodeProcess(cliEntry, args, { DATA_DIR: dataDir });
      const code = await running.exited;
      return { code, stdout: running.stdout.join(''), stderr: running.stderr.join('') };
    };
    try {
      const pending = await run('migrate', 'status');
      expect(pending.code).toBe(0);
      expect(pending.stdout).toMatch(/(\d+) migrations, \1 pending/);

      const up = await run('migrate', 'up');
      expect(up.code).toBe(0);
      expect(up.stdout).toContain('applied  ');
      expect((await run('migrate', 'up')).stdout).toContain('schema is up to date');

      const down = await run('migrate', 'down');
      expect(down.code).toBe(0);
      expect(down.stdout).toMatch(/^reverted \d+-\w+\n$/);
      expect((await run('migrate', 'status')).stdout).toMatch(/1 pending/);

      const usage = await run('migrate', 'down', '--steps', 'zero');
      expect(usage.code).toBe(2);
      expect(usage.stderr).toContain('must be a positive integer');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
