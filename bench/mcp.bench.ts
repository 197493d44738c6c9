/**
 * `node --import tsx bench/mcp.bench.ts`: round-trip latency of one MCP tool call (units `convert`,
 * 1 km → mi) with the SDK's real client, N sequential calls per path:
 * - in process: the `convert` function itself (the floor);
 * - in memory: client and server linked by the SDK's `InMemoryTransport` (protocol cost only);
 * - stdio: the server as a child process (`packages/mcp-servers/units/src/stdio.ts`);
 * - Streamable HTTP: the server as a child process (`…/units/src/http.ts`) on a free loopback port,
 *   one stateful session.
 * Prints p50/p99/mean in microseconds as a Markdown table. Options: --calls <n> (default 1000),
 * --warmup <n> (default 100).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { convert, createUnitsServer } from '@youworker/mcp-units';

const { values } = parseArgs({
  options: { calls: { type: 'string', default: '1000' }, warmup: { type: 'string', default: '100' } },
});
const calls = Number(values.calls);
const warmup = Number(values.warmup);
const root = join(import.meta.dirname, '..');
const entry = (name: string) => join(root, 'packages/mcp-servers/units/src', name);
const call = { name: 'convert', arguments: { value: 1, from: 'km', to: 'mi' } };

interface Result {
  path: string;
  p50: number;
  p99: number;
  mean: number;
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

/** Runs `once` warmup + N times sequentially; durations in microseconds. */
async function measure(path: string, once: () => unknown): Promise<Result> {
  for (let index = 0; index < warmup; index += 1) {
    await once();
  }
  const durations: number[] = [];
  for (let index = 0; index < calls; index += 1) {
    const began = process.hrtime.bigint();
    await once();
    durations.push(Number(process.hrtime.bigint() - began) / 1000);
  }
  durations.sort((a, b) => a - b);
  const mean = durations.reduce((sum, value) => sum + value, 0) / durations.length;
  return { path, p50: percentile(durations, 0.5), p99: percentile(durations, 0.99), mean };
}

async function viaClient(path: string, connect: (client: Client) => Promise<void>): Promise<Result> {
  const client = new Client({ name: 'bench', version: '0.0.0' });
  await connect(client);
  try {
    return await measure(path, async () => {
      const result = await client.callTool(call);
      if (result.isError) {
        throw new Error(`convert failed over ${path}`);
      }
    });
  } finally {
    await client.close();
  }
}

/** Spawns the HTTP entry point on a free port and resolves with its URL and a stop function. */
async function startHttpServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry('http.ts')], {
    cwd: root,
    env: { ...process.env, MCP_HTTP_PORT: '0' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString('utf8');
      const found = /"url":"(http:\/\/[^"]+)"/.exec(log)?.[1];
      if (found !== undefined) {
        resolve(found);
      }
    });
    child.once('exit', (code) => {
      reject(new Error(`HTTP server exited (${String(code)}): ${log}`));
    });
  });
  return {
    url,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const results: Result[] = [];
results.push(await measure('in process (function)', () => convert(1, 'km', 'mi')));
results.push(
  await viaClient('in memory (SDK client + InMemoryTransport)', async (client) => {
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await createUnitsServer().connect(serverSide);
    await client.connect(clientSide);
  }),
);
results.push(
  await viaClient('stdio (child process)', (client) =>
    client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: ['--import', 'tsx', entry('stdio.ts')],
        cwd: root,
      }),
    ),
  ),
);
const http = await startHttpServer();
try {
  results.push(
    await viaClient('Streamable HTTP (child process, loopback)', (client) =>
      client.connect(new StreamableHTTPClientTransport(new URL(http.url))),
    ),
  );
} finally {
  await http.stop();
}

const format = (value: number) => (value < 10 ? value.toFixed(2) : Math.round(value).toLocaleString('en-US'));
console.log(
  `\nunits convert, ${calls} sequential calls per path (after ${warmup} warm-up), Node ${process.version}\n`,
);
console.log('| Path | p50 µs | p99 µs | mean µs |');
console.log('|---|---:|---:|---:|');
for (const result of results) {
  console.log(`| ${result.path} | ${format(result.p50)} | ${format(result.p99)} | ${format(result.mean)} |`);
}
