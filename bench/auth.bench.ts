/**
 * `npm run bench:auth`: what authentication adds per request. One real server (embedded mode) and the
 * same public route, `GET /v1/system/info`, called three ways in the same run: without credentials
 * (baseline), with `Authorization: Bearer <API key>`, and with the `yw_session` cookie of a session
 * opened once via `POST /v1/auth/login`. The route is public, so the only difference is the
 * authentication step that runs before it.
 * Options: --duration <s> (default 10), --connections <n> (default 50), --rounds <n> (default 2).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { freePort, startNodeProcess, waitForStatus } from '../test/support/server-process.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '2' },
    // Production mode: an empty PostgreSQL database (with pgvector) instead of the embedded PGlite.
    'database-url': { type: 'string' },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const rounds = Number(values.rounds);

interface Measurement {
  requestsPerSecond: number;
  meanMs: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
}

interface Target {
  name: string;
  headers: Record<string, string>;
}

async function measure(url: string, headers: Record<string, string>): Promise<Measurement> {
  const warmUp = await autocannon({ url, headers, connections, duration: 2 });
  if (warmUp.errors + warmUp.non2xx > 0) {
    throw new Error(`warm-up of ${url} had ${warmUp.errors} errors and ${warmUp.non2xx} non-2xx responses`);
  }
  const result = await autocannon({ url, headers, connections, duration });
  return {
    requestsPerSecond: result.requests.average,
    meanMs: result.latency.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.non2xx,
  };
}

/** The value of cookie `name` among a response's `Set-Cookie` headers. */
function cookieValue(response: Response, name: string): string | undefined {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(';');
    const separator = pair?.indexOf('=') ?? -1;
    if (pair !== undefined && separator > 0 && pair.slice(0, separator).trim() === name) {
      return pair.slice(separator + 1).trim();
    }
  }
  return undefined;
}

/** Fails unless `GET /v1/auth/me` with these headers is 200 for `root`, and the measured route is 200. */
async function verify(base: string, target: Target, authenticated: boolean): Promise<void> {
  const me = await fetch(`${base}/v1/auth/me`, { headers: target.headers });
  const meBody = await me.text();
  if (authenticated) {
    const username = me.status === 200 ? (JSON.parse(meBody) as { username?: unknown }).username : undefined;
    if (username !== 'root') {
      throw new Error(
        `${target.name}: GET /v1/auth/me answered ${me.status} ${meBody}, expected 200 for root`,
      );
    }
  } else if (me.status === 200) {
    throw new Error(`${target.name}: GET /v1/auth/me answered 200 without credentials`);
  }
  const info = await fetch(`${base}/v1/system/info`, { headers: target.headers });
  await info.text();
  if (info.status !== 200) {
    throw new Error(`${target.name}: GET /v1/system/info answered ${info.status}, expected 200`);
  }
}

const rootApiKey = randomBytes(24).toString('hex');
const dataDir = mkdtempSync(join(tmpdir(), 'youworker-bench-auth-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const url = `${base}/v1/system/info`;
const results: { name: string; round: number; measurement: Measurement }[] = [];
const targets: Target[] = [];
const running = startNodeProcess('apps/server/src/main.ts', [], {
  PORT: String(port),
  DATA_DIR: dataDir,
  LOG_LEVEL: 'warn',
  RATE_LIMIT_ENABLED: 'false',
  ROOT_API_KEY: rootApiKey,
  ...(values['database-url'] ? { DATABASE_URL: values['database-url'] } : {}),
});
try {
  await waitForStatus(`${base}/health/ready`, 200, 120_000, running);

  const login = await fetch(`${base}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ apiKey: rootApiKey }),
  });
  const loginBody = await login.text();
  const sessionToken = cookieValue(login, 'yw_session');
  if (login.status !== 200 || !sessionToken) {
    throw new Error(`login failed: ${login.status} ${loginBody}`);
  }

  targets.push(
    { name: 'no credentials (baseline)', headers: {} },
    { name: 'API key (Authorization: Bearer)', headers: { authorization: `Bearer ${rootApiKey}` } },
    { name: 'session cookie (yw_session)', headers: { cookie: `yw_session=${sessionToken}` } },
  );
  for (const [index, target] of targets.entries()) {
    await verify(base, target, index > 0);
  }

  for (let round = 1; round <= rounds; round += 1) {
    for (const target of targets) {
      results.push({ name: target.name, round, measurement: await measure(url, target.headers) });
    }
  }
} finally {
  running.child.kill('SIGTERM');
  await running.exited;
  rmSync(dataDir, { recursive: true, force: true });
}

const signed = (value: number, digits: number) => `${value >= 0 ? '+' : ''}${value.toFixed(digits)}`;

function best(name: string): Measurement {
  const runs = results.filter((result) => result.name === name).map((result) => result.measurement);
  return runs.reduce((a, b) => (b.requestsPerSecond > a.requestsPerSecond ? b : a));
}

const baselineName = targets[0]?.name ?? '';
const baseline = best(baselineName);
console.log(
  `\nGET /v1/system/info, autocannon: ${connections} connections, ${duration} s per run, best of ${rounds} rounds by req/s (interleaved)\n`,
);
console.log(
  '| Credentials | Requests/s | Mean (ms) | p50 (ms) | p99 (ms) | Added mean latency (ms) | Added server time per request (µs) | Throughput vs baseline |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const target of targets) {
  const m = best(target.name);
  const addedMean = m.meanMs - baseline.meanMs;
  // At saturation the server is busy all the time, so 1 / (requests/s) is its time per request.
  const addedServiceUs = (1 / m.requestsPerSecond - 1 / baseline.requestsPerSecond) * 1e6;
  const isBaseline = target.name === baselineName;
  console.log(
    `| ${target.name} | ${Math.round(m.requestsPerSecond)} | ${m.meanMs.toFixed(2)} | ${m.p50} | ${m.p99} | ${isBaseline ? '—' : signed(addedMean, 2)} | ${isBaseline ? '—' : signed(addedServiceUs, 0)} | ${(m.requestsPerSecond / baseline.requestsPerSecond).toFixed(2)} |`,
  );
}

console.log('\nAll rounds:\n');
console.log(
  '| Round | Credentials | Requests/s | Mean (ms) | p50 (ms) | p99 (ms) | Requests | Errors + non-2xx |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const result of results) {
  const m = result.measurement;
  console.log(
    `| ${result.round} | ${result.name} | ${Math.round(m.requestsPerSecond)} | ${m.meanMs.toFixed(2)} | ${m.p50} | ${m.p99} | ${m.requests} | ${m.errors} |`,
  );
}

const failed = results.filter((result) => result.measurement.errors > 0);
if (failed.length > 0) {
  console.error(
    `\nFAILED: errors or non-2xx responses in ${failed.map((result) => `${result.name} round ${result.round}`).join(', ')}`,
  );
  process.exitCode = 1;
}
