/**
 * `npm run bench:chat`: the streaming overhead of `POST /v1/chat` (SSE, stream protocol v1) against
 * calling the same scripted model server directly (`POST /api/chat`, Ollama NDJSON), at several
 * concurrency levels in the same run, plus the server's resident memory per open stream.
 *
 * Three processes on 127.0.0.1: the scripted model server (bench/chat/scripted-llm-process.ts, its own
 * process), the real server (`node --import tsx apps/server/src/main.ts`, embedded PGlite in a temp
 * DATA_DIR, `LLM_BASE_URL` = the scripted server) and this client. Every answer is `--tokens` text
 * deltas `--delay-ms` apart. Per level c: batches of c concurrent direct streams (baseline) and c
 * concurrent streams through YouWorker, alternated, until at least `--min-samples` streams of each.
 * Per stream: time to first token (request sent → first `text-delta` event / first NDJSON line with
 * non-empty `message.content`), total time, mean gap between tokens. Server RSS (/proc/<pid>/status)
 * is sampled while the YouWorker streams are open (peak) and before the level (idle).
 * Options: --levels 1,100,1000 --tokens 20 --delay-ms 5 --min-samples 20 --warmup 20 --pause 3 (s)
 * --timeout 300 (s per stream).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import {
  freePort,
  repositoryRoot,
  startNodeProcess,
  waitForStatus,
  type RunningProcess,
} from '../test/support/server-process.ts';
import { expectedText, type ControlMessage, type ReplyMessage } from './chat/protocol.ts';

const { values } = parseArgs({
  options: {
    levels: { type: 'string', default: '1,100,1000' },
    tokens: { type: 'string', default: '20' },
    'delay-ms': { type: 'string', default: '5' },
    'min-samples': { type: 'string', default: '20' },
    warmup: { type: 'string', default: '20' },
    pause: { type: 'string', default: '3' },
    timeout: { type: 'string', default: '300' },
    // Production mode: an empty PostgreSQL database (with pgvector) instead of the embedded PGlite.
    'database-url': { type: 'string' },
  },
});
const levels = values.levels.split(',').map((level) => Number(level.trim()));
const tokens = Number(values.tokens);
const delayMs = Number(values['delay-ms']);
const minSamples = Number(values['min-samples']);
const warmup = Number(values.warmup);
const pauseMs = Number(values.pause) * 1000;
const timeoutMs = Number(values.timeout) * 1000;
for (const [name, value] of Object.entries({ tokens, delayMs, minSamples, warmup, pauseMs, timeoutMs })) {
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`--${name}: expected a non-negative integer, got ${value}`);
  }
}
if (levels.some((level) => !Number.isInteger(level) || level < 1 || level > 10_000) || tokens < 1) {
  throw new Error(`--levels: expected integers in 1..10000, got ${values.levels}`);
}
const answer = expectedText(tokens);

// ---------------------------------------------------------------------------------------------------
// The scripted model server in its own process

interface ScriptedLlmProcess {
  child: ChildProcess;
  baseUrl: string;
  exited: Promise<number | null>;
  enqueue(count: number): Promise<number>;
  status(): Promise<{ pending: number; requests: number; lastBody: unknown }>;
}

async function startScriptedLlmProcess(): Promise<ScriptedLlmProcess> {
  const child = fork(join(repositoryRoot, 'bench/chat/scripted-llm-process.ts'), [], {
    cwd: repositoryRoot,
    execArgv: ['--import', 'tsx'],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', resolveExit));
  const waiting = new Map<number, (message: ReplyMessage) => void>();
  let nextId = 1;
  let onReady: ((baseUrl: string) => void) | undefined;
  child.on('message', (raw: unknown) => {
    const message = raw as ReplyMessage;
    if (message.type === 'ready') {
      onReady?.(message.baseUrl);
      return;
    }
    waiting.get(message.id)?.(message);
    waiting.delete(message.id);
  });
  const ask = (message: ControlMessage & { id: number }) =>
    new Promise<ReplyMessage>((resolveReply, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`scripted LLM process did not answer ${message.type}`));
      }, 30_000);
      waiting.set(message.id, (reply) => {
        clearTimeout(timer);
        resolveReply(reply);
      });
      child.send(message);
    });
  const baseUrl = await new Promise<string>((resolveReady, reject) => {
    const timer = setTimeout(() => {
      reject(new Error('scripted LLM process did not start within 60 s'));
    }, 60_000);
    onReady = (url) => {
      clearTimeout(timer);
      resolveReady(url);
    };
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`scripted LLM process exited with ${code} before it was ready`));
    });
  });
  return {
    child,
    baseUrl,
    exited,
    enqueue: async (count) => {
      const reply = await ask({ type: 'enqueue', id: nextId++, count, tokens, delayMs });
      return reply.type === 'enqueued' ? reply.pending : -1;
    },
    status: async () => {
      const reply = await ask({ type: 'status', id: nextId++ });
      if (reply.type !== 'status') {
        throw new Error(`unexpected reply ${reply.type}`);
      }
      return reply;
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// One stream, read as it arrives

interface StreamResult {
  error: string | undefined;
  /** Request sent → first token (ms). */
  ttftMs: number | undefined;
  /** Request sent → end of the response (ms). */
  totalMs: number;
  /** Mean time between two tokens (ms). */
  gapMs: number | undefined;
  tokens: number;
}

/** Reads one streamed body frame by frame: `frame` is one SSE frame or one NDJSON line. */
interface StreamParser {
  separator: string;
  /** Returns whether the frame carried a token. */
  frame(text: string): boolean;
  /** Why the stream is not complete and correct, or undefined when it is. */
  verdict(): string | undefined;
}

/** YouWorker SSE: tokens are `text-delta` events; it must end with `run-end` `stop` and the full text. */
function sseParser(): StreamParser {
  let last: Record<string, unknown> | undefined;
  let errorEvent: string | undefined;
  return {
    separator: '\n\n',
    frame(text) {
      const trimmed = text.trim();
      if (!trimmed.startsWith('data: ')) {
        return false; // heartbeat comment
      }
      last = JSON.parse(trimmed.slice('data: '.length)) as Record<string, unknown>;
      if (last.type === 'error') {
        errorEvent = `error event ${String(last.code)}`;
      }
      return last.type === 'text-delta';
    },
    verdict() {
      if (last?.type !== 'run-end') {
        return errorEvent ?? `stream ended without run-end (last event: ${String(last?.type)})`;
      }
      if (last.finishReason !== 'stop') {
        return errorEvent ?? `run-end finishReason ${String(last.finishReason)}`;
      }
      return last.text === answer ? undefined : 'run-end text differs from the scripted answer';
    },
  };
}

/** Ollama NDJSON: tokens are lines with non-empty `message.content`; it must end with `done: true`. */
function ndjsonParser(): StreamParser {
  let text = '';
  let done = false;
  let failure: string | undefined;
  return {
    separator: '\n',
    frame(line) {
      if (line.trim() === '') {
        return false;
      }
      const value = JSON.parse(line) as { message?: { content?: string }; done?: boolean; error?: string };
      if (value.error !== undefined) {
        failure = `error line ${value.error}`;
      }
      done ||= value.done === true;
      const content = value.message?.content ?? '';
      text += content;
      return content !== '';
    },
    verdict() {
      if (failure !== undefined) {
        return failure;
      }
      if (!done) {
        return 'stream ended without done: true';
      }
      return text === answer ? undefined : 'streamed text differs from the scripted answer';
    },
  };
}

/** Counts the streams open right now (response headers received, body not ended) and the peak. */
class OpenStreams {
  current = 0;
  peak = 0;
  open() {
    this.current += 1;
    this.peak = Math.max(this.peak, this.current);
  }
  close() {
    this.current -= 1;
  }
}

interface Target {
  port: number;
  path: string;
  headers: Record<string, string>;
  body: string;
  parser: () => StreamParser;
}

function streamOnce(target: Target, agent: Agent, open: OpenStreams): Promise<StreamResult> {
  return new Promise((resolveResult) => {
    const parser = target.parser();
    const sent = performance.now();
    let first: number | undefined;
    let last: number | undefined;
    let count = 0;
    let buffer = '';
    let settled = false;
    let opened = false;
    let timer: NodeJS.Timeout | undefined = undefined;
    const finish = (error: string | undefined) => {
      if (settled) {
        return;
      }
      settled = true;
      clearTimeout(timer);
      if (opened) {
        open.close();
      }
      resolveResult({
        error,
        ttftMs: first === undefined ? undefined : first - sent,
        totalMs: performance.now() - sent,
        gapMs:
          first !== undefined && last !== undefined && count > 1 ? (last - first) / (count - 1) : undefined,
        tokens: count,
      });
    };
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port: target.port,
        path: target.path,
        method: 'POST',
        agent,
        headers: {
          ...target.headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(target.body)),
        },
      },
      (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          finish(`HTTP ${response.statusCode}`);
          return;
        }
        opened = true;
        open.open();
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          const now = performance.now();
          buffer += chunk;
          let index = buffer.indexOf(parser.separator);
          try {
            while (index >= 0) {
              if (parser.frame(buffer.slice(0, index))) {
                count += 1;
                first ??= now;
                last = now;
              }
              buffer = buffer.slice(index + parser.separator.length);
              index = buffer.indexOf(parser.separator);
            }
          } catch (error) {
            request.destroy();
            finish(`unparsable frame: ${error instanceof Error ? error.message : String(error)}`);
          }
        });
        response.on('end', () => {
          if (buffer.trim() !== '') {
            try {
              parser.frame(buffer);
            } catch {
              finish('unparsable trailing frame');
            }
          }
          finish(parser.verdict());
        });
        response.on('error', (error) => {
          finish(`response error: ${error.message}`);
        });
        response.on('close', () => {
          finish('response closed before its end');
        });
      },
    );
    request.on('error', (error) => {
      finish(`socket error: ${(error as NodeJS.ErrnoException).code ?? error.message}`);
    });
    timer = setTimeout(() => {
      request.destroy(new Error(`no complete answer within ${timeoutMs} ms`));
    }, timeoutMs);
    request.end(target.body);
  });
}

/** `count` concurrent streams on fresh connections; resolves when every one has ended. */
async function batch(target: Target, count: number): Promise<{ results: StreamResult[]; peakOpen: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: Infinity });
  const open = new OpenStreams();
  try {
    const results = await Promise.all(Array.from({ length: count }, () => streamOnce(target, agent, open)));
    return { results, peakOpen: open.peak };
  } finally {
    agent.destroy();
  }
}

// ---------------------------------------------------------------------------------------------------
// Server process measures

/** VmRSS of `pid` in bytes. */
function rssBytes(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match?.[1] === undefined ? Number.NaN : Number(match[1]) * 1024;
}

/** User + system CPU time of `pid` in ms (clock ticks of 10 ms: USER_HZ is 100 on Linux). */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Samples the RSS of `pid` every 20 ms until stopped; returns the peak. */
function rssSampler(pid: number): { stop(): number } {
  let peak = rssBytes(pid);
  const interval = setInterval(() => {
    peak = Math.max(peak, rssBytes(pid));
  }, 20);
  return {
    stop() {
      clearInterval(interval);
      return Math.max(peak, rssBytes(pid));
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Statistics and report

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) {
    return Number.NaN;
  }
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

interface PathSummary {
  streams: number;
  errors: number;
  ttft: { p50: number; p95: number; p99: number };
  totalP50: number;
  totalP99: number;
  gapP50: number;
  peakOpen: number;
}

function summarize(results: StreamResult[], peakOpen: number): PathSummary {
  const ok = results.filter((result) => result.error === undefined);
  const sorted = (list: (number | undefined)[]) =>
    list.filter((value): value is number => value !== undefined).sort((a, b) => a - b);
  const ttft = sorted(ok.map((result) => result.ttftMs));
  const total = sorted(ok.map((result) => result.totalMs));
  const gaps = sorted(ok.map((result) => result.gapMs));
  return {
    streams: results.length,
    errors: results.length - ok.length,
    ttft: { p50: percentile(ttft, 50), p95: percentile(ttft, 95), p99: percentile(ttft, 99) },
    totalP50: percentile(total, 50),
    totalP99: percentile(total, 99),
    gapP50: percentile(gaps, 50),
    peakOpen,
  };
}

const ms = (value: number) => (Number.isNaN(value) ? '—' : value.toFixed(1));
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

function errorCounts(results: StreamResult[]): string {
  const counts = new Map<string, number>();
  for (const result of results) {
    if (result.error !== undefined) {
      counts.set(result.error, (counts.get(result.error) ?? 0) + 1);
    }
  }
  return [...counts].map(([error, count]) => `${count}× ${error}`).join('; ');
}

// ---------------------------------------------------------------------------------------------------
// The run

interface LevelResult {
  level: number;
  batches: number;
  direct: StreamResult[];
  youworker: StreamResult[];
  directPeakOpen: number;
  youworkerPeakOpen: number;
  idleRss: number;
  peakRss: number;
  serverCpuMs: number;
  durationMs: number;
  leftoverScripts: number;
}

const rootApiKey = randomBytes(24).toString('hex');
const dataDir = mkdtempSync(join(tmpdir(), 'youworker-bench-chat-'));
const levelResults: LevelResult[] = [];
let llm: ScriptedLlmProcess | undefined;
let server: RunningProcess | undefined;
try {
  llm = await startScriptedLlmProcess();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  server = startNodeProcess('apps/server/src/main.ts', [], {
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_ENABLED: 'false',
    ROOT_API_KEY: rootApiKey,
    LLM_BASE_URL: llm.baseUrl,
    ...(values['database-url'] ? { DATABASE_URL: values['database-url'] } : {}),
  });
  await waitForStatus(`${base}/health/ready`, 200, 120_000, server);
  const serverPid = server.child.pid;
  if (serverPid === undefined) {
    throw new Error('the server process has no pid');
  }

  const youworker: Target = {
    port,
    path: '/v1/chat',
    headers: { authorization: `Bearer ${rootApiKey}`, accept: 'text/event-stream' },
    body: JSON.stringify({ message: 'Tell me something, please.', stream: true }),
    parser: sseParser,
  };

  // Check: one turn through YouWorker ends with run-end `stop` and the scripted text.
  await llm.enqueue(1);
  const check = await batch(youworker, 1);
  const checkResult = check.results[0];
  if (checkResult === undefined || checkResult.error !== undefined || checkResult.tokens !== tokens) {
    throw new Error(
      `check request failed: ${checkResult?.error ?? `${checkResult?.tokens} text-delta events, expected ${tokens}`}\n${server.stderr.join('')}`,
    );
  }
  // The baseline sends the model server exactly the request YouWorker sent it (system prompt, tools…).
  const upstream = await llm.status();
  if (upstream.requests !== 1 || upstream.pending !== 0 || typeof upstream.lastBody !== 'object') {
    throw new Error(`check request: unexpected model server state ${JSON.stringify(upstream)}`);
  }
  const direct: Target = {
    port: Number(new URL(llm.baseUrl).port),
    path: '/api/chat',
    headers: {},
    body: JSON.stringify(upstream.lastBody),
    parser: ndjsonParser,
  };
  console.log(
    `check: POST /v1/chat streamed ${checkResult.tokens} text-delta events and ended with run-end stop (TTFT ${ms(checkResult.ttftMs ?? Number.NaN)} ms); upstream request body ${direct.body.length} bytes`,
  );

  // Warm-up: sequential turns on both paths (not recorded).
  for (let index = 0; index < warmup; index += 1) {
    await llm.enqueue(2);
    await batch(direct, 1);
    await batch(youworker, 1);
  }

  for (const level of levels) {
    await sleep(pauseMs);
    const batches = Math.max(1, Math.ceil(minSamples / level));
    const result: LevelResult = {
      level,
      batches,
      direct: [],
      youworker: [],
      directPeakOpen: 0,
      youworkerPeakOpen: 0,
      idleRss: rssBytes(serverPid),
      peakRss: 0,
      serverCpuMs: 0,
      durationMs: 0,
      leftoverScripts: 0,
    };
    const levelStarted = performance.now();
    for (let index = 0; index < batches; index += 1) {
      await llm.enqueue(level);
      const directBatch = await batch(direct, level);
      result.direct.push(...directBatch.results);
      result.directPeakOpen = Math.max(result.directPeakOpen, directBatch.peakOpen);
      result.leftoverScripts += (await llm.status()).pending;

      await llm.enqueue(level);
      const cpuBefore = cpuMs(serverPid);
      const sampler = rssSampler(serverPid);
      const youworkerBatch = await batch(youworker, level);
      result.peakRss = Math.max(result.peakRss, sampler.stop());
      result.serverCpuMs += cpuMs(serverPid) - cpuBefore;
      result.youworker.push(...youworkerBatch.results);
      result.youworkerPeakOpen = Math.max(result.youworkerPeakOpen, youworkerBatch.peakOpen);
      result.leftoverScripts += (await llm.status()).pending;
      if (result.leftoverScripts > 0) {
        throw new Error(`level ${level}: ${result.leftoverScripts} scripted answers were not consumed`);
      }
    }
    result.durationMs = performance.now() - levelStarted;
    levelResults.push(result);
    const errors = [...result.direct, ...result.youworker].filter((stream) => stream.error !== undefined);
    console.log(
      `level ${level}: ${batches} batch(es) in ${(result.durationMs / 1000).toFixed(1)} s, ${errors.length} errors`,
    );
  }
} finally {
  if (server) {
    server.child.kill('SIGTERM');
    await server.exited;
    if (levelResults.length === 0) {
      console.error(server.stderr.join(''));
    }
  }
  if (llm) {
    llm.child.send({ type: 'close' } satisfies ControlMessage);
    const stopped = await Promise.race([llm.exited.then(() => true), sleep(5_000).then(() => false)]);
    if (!stopped) {
      llm.child.kill('SIGKILL');
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------------
// Report

console.log(
  `\nPOST /v1/chat (SSE) vs POST /api/chat on the scripted model server (Ollama NDJSON), ${tokens} text deltas ${delayMs} ms apart per answer, levels ${levels.join(', ')}\n`,
);
console.log(
  '| Concurrent streams | Path | Streams | Errors | TTFT p50 (ms) | TTFT p95 (ms) | TTFT p99 (ms) | Total p50 (ms) | Total p99 (ms) | Token gap p50 (ms) | Peak open at once |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
const summaries = levelResults.map((result) => ({
  result,
  direct: summarize(result.direct, result.directPeakOpen),
  youworker: summarize(result.youworker, result.youworkerPeakOpen),
}));
for (const { result, direct, youworker } of summaries) {
  for (const [name, s] of [
    ['direct (baseline)', direct],
    ['YouWorker', youworker],
  ] as const) {
    console.log(
      `| ${result.level} | ${name} | ${s.streams} | ${s.errors} | ${ms(s.ttft.p50)} | ${ms(s.ttft.p95)} | ${ms(s.ttft.p99)} | ${ms(s.totalP50)} | ${ms(s.totalP99)} | ${ms(s.gapP50)} | ${s.peakOpen} |`,
    );
  }
}

console.log(
  '\n| Concurrent streams | Added TTFT p50 (ms) | Added TTFT p99 (ms) | Server RSS idle (MB) | Server RSS peak (MB) | RSS per stream: (peak − idle) / c (KB) | (peak − idle) / peak open (KB) | Server CPU per turn (ms) |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const { result, direct, youworker } of summaries) {
  const perStream = (result.peakRss - result.idleRss) / result.level / 1024;
  const perOpen = (result.peakRss - result.idleRss) / Math.max(1, youworker.peakOpen) / 1024;
  console.log(
    `| ${result.level} | ${ms(youworker.ttft.p50 - direct.ttft.p50)} | ${ms(youworker.ttft.p99 - direct.ttft.p99)} | ${mb(result.idleRss)} | ${mb(result.peakRss)} | ${perStream.toFixed(1)} | ${perOpen.toFixed(1)} | ${ms(result.serverCpuMs / result.youworker.length)} |`,
  );
}

let failed = false;
for (const { result } of summaries) {
  for (const [name, list] of [
    ['direct', result.direct],
    ['YouWorker', result.youworker],
  ] as const) {
    const described = errorCounts(list);
    if (described !== '') {
      failed = true;
      console.error(`level ${result.level} ${name} errors: ${described}`);
    }
  }
}
if (failed) {
  process.exitCode = 1;
}
