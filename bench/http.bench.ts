/**
 * `npm run bench:http`: requests/s and latency of `GET /health` on the real server (embedded mode,
 * started as `npm start` starts it) next to a bare Fastify hello-world measured in the same run.
 * Options: --duration <s> (default 10), --connections <n> (default 50), --rounds <n> (default 2).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import {
  freePort,
  startNodeProcess,
  waitForStatus,
  type RunningProcess,
} from '../test/support/server-process.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '2' },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const rounds = Number(values.rounds);

interface Measurement {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

async function measure(url: string): Promise<Measurement> {
  await autocannon({ url, connections, duration: 2 }); // warm-up
  const result = await autocannon({ url, connections, duration });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

async function run(name: string, start: (port: number) => RunningProcess): Promise<Measurement> {
  const port = await freePort();
  const running = start(port);
  try {
    await waitForStatus(`http://127.0.0.1:${port}/health`, 200, 60_000, running);
    return await measure(`http://127.0.0.1:${port}/health`);
  } finally {
    running.child.kill('SIGTERM');
    await running.exited;
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'youworker-bench-'));
const results: { name: string; measurement: Measurement }[] = [];
try {
  for (let round = 1; round <= rounds; round += 1) {
    results.push({
      name: 'bare Fastify hello-world',
      measurement: await run('baseline', (port) =>
        startNodeProcess('bench/baseline-server.ts', [String(port)], {}),
      ),
    });
    results.push({
      name: 'YouWorker GET /health',
      measurement: await run('youworker', (port) =>
        startNodeProcess('apps/server/src/main.ts', [], {
          PORT: String(port),
          DATA_DIR: dataDir,
          LOG_LEVEL: 'info',
        }),
      ),
    });
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

function best(name: string): Measurement {
  const runs = results.filter((result) => result.name === name).map((result) => result.measurement);
  return runs.reduce((a, b) => (b.requestsPerSecond > a.requestsPerSecond ? b : a));
}

console.log(
  `\nautocannon: ${connections} connections, ${duration} s per run, best of ${rounds} rounds (interleaved)\n`,
);
console.log('| Server | Requests/s | p50 (ms) | p99 (ms) | Errors |');
console.log('| --- | --- | --- | --- | --- |');
for (const result of results) {
  const m = result.measurement;
  console.log(`| ${result.name} | ${Math.round(m.requestsPerSecond)} | ${m.p50} | ${m.p99} | ${m.errors} |`);
}
const ours = best('YouWorker GET /health');
const baseline = best('bare Fastify hello-world');
console.log(
  `\nratio (YouWorker / baseline, best runs): ${(ours.requestsPerSecond / baseline.requestsPerSecond).toFixed(2)} of the throughput, p99 ${ours.p99} ms vs ${baseline.p99} ms`,
);
