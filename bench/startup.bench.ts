/**
 * `npm run bench:startup`: time from spawning the server (embedded mode) to `/health/ready` = 200,
 * for a first start on an empty DATA_DIR (creates and migrates the database) and for a restart, and
 * the server's resident memory after 5 s idle. Baseline in the same run: the bare Fastify
 * hello-world's start time and idle RSS. Options: --runs <n> (default 3).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  freePort,
  repositoryRoot,
  startNodeProcess,
  waitForStatus,
  type RunningProcess,
} from '../test/support/server-process.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Number(values.runs);

function residentMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kilobytes / 1024);
}

async function timeToReady(
  start: (port: number) => RunningProcess,
  path: string,
): Promise<{ ms: number; rssMb: number }> {
  const port = await freePort();
  const began = performance.now();
  const running = start(port);
  try {
    await waitForStatus(`http://127.0.0.1:${port}${path}`, 200, 120_000, running);
    const ms = Math.round(performance.now() - began);
    await new Promise((resolve) => setTimeout(resolve, 5000));
    return { ms, rssMb: residentMegabytes(running.child.pid ?? 0) };
  } finally {
    running.child.kill('SIGTERM');
    await running.exited;
  }
}

/** `npm start` exactly as the README says, in a fresh DATA_DIR (includes npm's own start-up). */
async function npmStartToReady(dataDir: string): Promise<number> {
  const port = await freePort();
  const began = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: repositoryRoot,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir },
    stdio: 'ignore',
    detached: true,
  });
  try {
    await waitForStatus(`http://127.0.0.1:${port}/health/ready`, 200, 120_000);
    return Math.round(performance.now() - began);
  } finally {
    process.kill(-(child.pid ?? 0), 'SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

const rows: string[] = [];
const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)] ?? 0;
const first: number[] = [];
const restart: number[] = [];
const rss: number[] = [];
const npmStart: number[] = [];
const baselineStart: number[] = [];
const baselineRss: number[] = [];

for (let run = 0; run < runs; run += 1) {
  const dataDir = mkdtempSync(join(tmpdir(), 'youworker-startup-'));
  try {
    const server = (port: number) =>
      startNodeProcess('apps/server/src/main.ts', [], { PORT: String(port), DATA_DIR: dataDir });
    const cold = await timeToReady(server, '/health/ready');
    first.push(cold.ms);
    const warm = await timeToReady(server, '/health/ready');
    restart.push(warm.ms);
    rss.push(warm.rssMb);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const npmDataDir = mkdtempSync(join(tmpdir(), 'youworker-startup-npm-'));
  try {
    npmStart.push(await npmStartToReady(npmDataDir));
  } finally {
    rmSync(npmDataDir, { recursive: true, force: true });
  }
  const baseline = await timeToReady(
    (port) => startNodeProcess('bench/baseline-server.ts', [String(port)], {}),
    '/health',
  );
  baselineStart.push(baseline.ms);
  baselineRss.push(baseline.rssMb);
}

rows.push(`| Measure (median of ${runs} runs) | YouWorker (embedded) | Bare Fastify baseline |`);
rows.push('| --- | --- | --- |');
rows.push(
  `| First start, empty DATA_DIR → /health/ready 200 (node --import tsx) | ${median(first)} ms | ${median(baselineStart)} ms (→ /health) |`,
);
rows.push(`| Restart, existing DATA_DIR → /health/ready 200 | ${median(restart)} ms | — |`);
rows.push(`| \`npm start\` on an empty DATA_DIR → /health/ready 200 | ${median(npmStart)} ms | — |`);
rows.push(`| Idle RSS 5 s after ready | ${median(rss)} MB | ${median(baselineRss)} MB |`);
console.log(
  `\n${rows.join('\n')}\n\nraw: first=${first.join(',')} restart=${restart.join(',')} npmStart=${npmStart.join(',')} rss=${rss.join(',')} baselineStart=${baselineStart.join(',')} baselineRss=${baselineRss.join(',')}`,
);
