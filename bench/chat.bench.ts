/**
 * `npm run bench:chat`: the streaming overhead of `POST /v1/chat` (SSE, stream protocol v1) against
 * calling the same scripted model server directly (`POST /api/chat`, Ollama NDJSON), at several
 * concurrency levels in the same run, plus the server's resident memory per open stream.
 *
 * Three processes on 127.0.0.1: the scripted model server (bench/chat/scripted-llm-process.ts, its own
 * process), the real server (`node --import tsx apps/server/src/main.ts`, embedded PGlite in a temp
 * DATA_DIR or `--database-url`, `LLM_BASE_URL` = the scripted server) and this client. Both paths are
 * measured the same way in the same run, direct first, then YouWorker, level by level.
 *
 * Two measures per level c (docs/benchmarks.md, "Chat streaming"):
 *
 * - **Open streams** (the target's measure): c − 1 long "held" streams are opened one after another at
 *   `--ramp-rate` per second and stay open, each streaming a token every `--hold-interval-ms`; once all
 *   of them stream, "probe" turns (`--tokens` tokens `--delay-ms` apart) are sent one at a time, each
 *   after the previous one ended (a closed loop, `--probe-gap-ms` apart), for `--probe-window` seconds
 *   or `--probes` turns. Probe TTFT is the time to first token of one turn while c streams (c − 1 held
 *   + the probe) are open. Also reported: the held streams' own TTFT while they arrived at the ramp
 *   rate, the server RSS with all of them open, and the server CPU per second while they stream.
 * - **Burst** (`--burst-levels`, kept for comparison with earlier runs): c turns sent in the same
 *   millisecond, in batches until `--min-samples`. Its TTFT at c is mostly the time the c-th turn
 *   waits in the server's queue behind the others: a throughput measure, not an open-stream one.
 *
 * Per stream: TTFT (request sent → first `text-delta` event / first NDJSON line with non-empty
 * `message.content`), total time, mean and largest gap between tokens. An error is a non-200, a socket
 * error, a stream not ending with `run-end` `stop` and the full scripted text (`done: true` and the
 * text for the direct path) or no answer within `--timeout` s.
 * Options: --levels 1,100,1000 --burst-levels (default: --levels; '' for none) --tokens 20
 * --delay-ms 5 --hold-interval-ms 100 --ramp-rate 100 --probe-window 8 --probes 40 --probe-gap-ms 50
 * --min-samples 20 --warmup 20 --pause 3 (s) --timeout 300 (s per stream)
 * --database-url <url> (production mode) --server-cpu-prof <dir> (writes the server's CPU profile).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
    'burst-levels': { type: 'string' },
    tokens: { type: 'string', default: '20' },
    'delay-ms': { type: 'string', default: '5' },
    'hold-interval-ms': { type: 'string', default: '100' },
    'ramp-rate': { type: 'string', default: '100' },
    'probe-window': { type: 'string', default: '8' },
    probes: { type: 'string', default: '40' },
    'probe-gap-ms': { type: 'string', default: '50' },
    'min-samples': { type: 'string', default: '20' },
    warmup: { type: 'string', default: '20' },
    pause: { type: 'string', default: '3' },
    timeout: { type: 'string', default: '300' },
    // Production mode: an empty PostgreSQL database (with pgvector) instead of the embedded PGlite.
    'database-url': { type: 'string' },
    // A directory for the server's CPU profile (`.cpuprofile`, written when the server exits).
    'server-cpu-prof': { type: 'string' },
  },
});
const parseLevels = (text: string) =>
  text
    .split(',')
    .filter((level) => level.trim() !== '')
    .map((level) => Number(level.trim()));
const levels = parseLevels(values.levels);
const burstLevels = parseLevels(values['burst-levels'] ?? values.levels);
const tokens = Number(values.tokens);
const delayMs = Number(values['delay-ms']);
const holdIntervalMs = Number(values['hold-interval-ms']);
const rampRate = Number(values['ramp-rate']);
const probeWindowMs = Number(values['probe-window']) * 1000;
const maxProbes = Number(values.probes);
const probeGapMs = Number(values['probe-gap-ms']);
const minSamples = Number(values['min-samples']);
const warmup = Number(values.warmup);
const pauseMs = Number(values.pause) * 1000;
const timeoutMs = Number(values.timeout) * 1000;
for (const [name, value] of Object.entries({
  tokens,
  delayMs,
  holdIntervalMs,
  rampRate,
  probeWindowMs,
  maxProbes,
  probeGapMs,
  minSamples,
  warmup,
  pauseMs,
  timeoutMs,
})) {
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`--${name}: expected a non-negative integer, got ${value}`);
  }
}
if (
  [...levels, ...burstLevels].some((level) => !Number.isInteger(level) || level < 1 || level > 10_000) ||
  tokens < 1 ||
  rampRate < 1 ||
  holdIntervalMs < 1
) {
  throw new Error(`--levels/--burst-levels: expected integers in 1..10000, got ${values.levels}`);
}
const allLevels = [...new Set([...levels, ...burstLevels])].sort((a, b) => a - b);

// ---------------------------------------------------------------------------------------------------
// The scripted model server in its own process

interface ScriptedLlmProcess {
  child: ChildProcess;
  baseUrl: string;
  exited: Promise<number | null>;
  /** Queues `count` answers of `answerTokens` tokens `gapMs` apart; returns the scripts pending. */
  enqueue(count: number, answerTokens?: number, gapMs?: number): Promise<number>;
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
    enqueue: async (count, answerTokens = tokens, gapMs = delayMs) => {
      const reply = await ask({ type: 'enqueue', id: nextId++, count, tokens: answerTokens, delayMs: gapMs });
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
  /** Longest time between two tokens (ms). */
  maxGapMs: number | undefined;
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
function sseParser(answer: string): StreamParser {
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
function ndjsonParser(answer: string): StreamParser {
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

/**
 * Counts streams open right now and the peak: `open` from the response headers to the end of the
 * body; `streaming` from the first token to the end of the body.
 */
class OpenStreams {
  current = 0;
  peak = 0;
  streaming = 0;
  open() {
    this.current += 1;
    this.peak = Math.max(this.peak, this.current);
  }
  close() {
    this.current -= 1;
  }
}

interface Target {
  name: string;
  port: number;
  path: string;
  headers: Record<string, string>;
  body: string;
  parser: (answer: string) => StreamParser;
}

function streamOnce(
  target: Target,
  agent: Agent,
  open: OpenStreams,
  answer: string,
  onFirstToken?: () => void,
): Promise<StreamResult> {
  return new Promise((resolveResult) => {
    const parser = target.parser(answer);
    const sent = performance.now();
    let first: number | undefined;
    let last: number | undefined;
    let maxGap: number | undefined;
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
      if (first !== undefined) {
        open.streaming -= 1;
      }
      resolveResult({
        error,
        ttftMs: first === undefined ? undefined : first - sent,
        totalMs: performance.now() - sent,
        gapMs:
          first !== undefined && last !== undefined && count > 1 ? (last - first) / (count - 1) : undefined,
        maxGapMs: maxGap,
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
                if (first === undefined) {
                  first = now;
                  open.streaming += 1;
                  onFirstToken?.();
                } else if (last !== undefined) {
                  maxGap = Math.max(maxGap ?? 0, now - last);
                }
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

const newAgent = () => new Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: Infinity });

/** `count` concurrent streams on fresh connections; resolves when every one has ended. */
async function batch(target: Target, count: number): Promise<{ results: StreamResult[]; peakOpen: number }> {
  const agent = newAgent();
  const open = new OpenStreams();
  const answer = expectedText(tokens);
  try {
    const results = await Promise.all(
      Array.from({ length: count }, () => streamOnce(target, agent, open, answer)),
    );
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
// The two measures

/** The CPU profiler preloaded into the server by `--server-cpu-prof`. */
const profilerPreload = `
import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';
const session = new Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.start');
process.on('exit', () => {
  session.post('Profiler.stop', (error, result) => {
    if (!error) {
      writeFileSync(process.env.BENCH_CPU_PROF_DIR + '/server-' + process.pid + '.cpuprofile', JSON.stringify(result.profile));
    }
  });
});
`;

interface BurstResult {
  batches: number;
  direct: StreamResult[];
  youworker: StreamResult[];
  directPeakOpen: number;
  youworkerPeakOpen: number;
  idleRss: number;
  peakRss: number;
  serverCpuMs: number;
}

interface OpenPathResult {
  /** The held streams' results (their TTFT: arrivals at `--ramp-rate`). */
  held: StreamResult[];
  probes: StreamResult[];
  /** Held streams receiving tokens when each probe was sent. */
  heldStreamingAtProbe: number[];
  rampMs: number;
  idleRss: number;
  /** Peak RSS while the probes ran (all held streams open). */
  openRss: number;
  /** Server CPU time during the probe window, and the window's length. */
  serverCpuMs: number;
  windowMs: number;
}

interface LevelResult {
  level: number;
  burst: BurstResult | undefined;
  open: { direct: OpenPathResult; youworker: OpenPathResult } | undefined;
}

async function runBurst(
  llm: ScriptedLlmProcess,
  serverPid: number,
  direct: Target,
  youworker: Target,
  level: number,
): Promise<BurstResult> {
  const batches = Math.max(1, Math.ceil(minSamples / level));
  const result: BurstResult = {
    batches,
    direct: [],
    youworker: [],
    directPeakOpen: 0,
    youworkerPeakOpen: 0,
    idleRss: rssBytes(serverPid),
    peakRss: 0,
    serverCpuMs: 0,
  };
  for (let index = 0; index < batches; index += 1) {
    await llm.enqueue(level);
    const directBatch = await batch(direct, level);
    result.direct.push(...directBatch.results);
    result.directPeakOpen = Math.max(result.directPeakOpen, directBatch.peakOpen);
    await expectNothingPending(llm, `burst ${level} direct`);

    await llm.enqueue(level);
    const cpuBefore = cpuMs(serverPid);
    const sampler = rssSampler(serverPid);
    const youworkerBatch = await batch(youworker, level);
    result.peakRss = Math.max(result.peakRss, sampler.stop());
    result.serverCpuMs += cpuMs(serverPid) - cpuBefore;
    result.youworker.push(...youworkerBatch.results);
    result.youworkerPeakOpen = Math.max(result.youworkerPeakOpen, youworkerBatch.peakOpen);
    await expectNothingPending(llm, `burst ${level} YouWorker`);
  }
  return result;
}

async function expectNothingPending(llm: ScriptedLlmProcess, phase: string): Promise<void> {
  const { pending } = await llm.status();
  if (pending !== 0) {
    throw new Error(`${phase}: ${pending} scripted answers were not consumed`);
  }
}

/**
 * `level` − 1 held streams opened at the ramp rate, then probe turns one at a time while they stream.
 * The held answers last the ramp, the probe window and 5 s of slack for the server's own delays; a
 * held stream that ended before the probes did shows in `heldStreamingAtProbe`.
 */
async function runOpenStreams(
  llm: ScriptedLlmProcess,
  serverPid: number,
  target: Target,
  level: number,
): Promise<OpenPathResult> {
  const heldCount = level - 1;
  const rampMs = (heldCount * 1000) / rampRate;
  const holdTokens = heldCount === 0 ? 1 : Math.ceil((rampMs + probeWindowMs + 5_000) / holdIntervalMs);
  const heldAnswer = expectedText(holdTokens);
  const probeAnswer = expectedText(tokens);
  const agent = newAgent();
  const probeAgent = newAgent();
  const open = new OpenStreams();
  const idleRss = rssBytes(serverPid);
  try {
    if (heldCount > 0) {
      await llm.enqueue(heldCount, holdTokens, holdIntervalMs);
    }
    let started = 0;
    let firstTokens = 0;
    let settled = 0;
    let allStreaming: () => void = () => undefined;
    const everyHeldStreams = new Promise<void>((resolveAll) => {
      allStreaming = resolveAll;
    });
    const progress = () => {
      if (firstTokens + settled >= heldCount) {
        allStreaming();
      }
    };
    progress();
    const rampStarted = performance.now();
    const held: Promise<StreamResult>[] = [];
    // Open the held streams on schedule: stream i at i / rate seconds after the start of the ramp.
    while (started < heldCount) {
      const due = rampStarted + (started * 1000) / rampRate;
      const wait = due - performance.now();
      if (wait > 1) {
        await sleep(wait);
      }
      const dueNow = Math.min(
        heldCount,
        Math.floor(((performance.now() - rampStarted) * rampRate) / 1000) + 1,
      );
      while (started < dueNow) {
        started += 1;
        let counted = false;
        held.push(
          streamOnce(target, agent, open, heldAnswer, () => {
            counted = true;
            firstTokens += 1;
            progress();
          }).then((result) => {
            if (!counted) {
              settled += 1;
              progress();
            }
            return result;
          }),
        );
      }
    }
    await everyHeldStreams;
    const rampDone = performance.now() - rampStarted;
    await expectNothingPending(llm, `${target.name} ${level}: held streams`);

    const probes: StreamResult[] = [];
    const heldStreamingAtProbe: number[] = [];
    const sampler = rssSampler(serverPid);
    const cpuBefore = cpuMs(serverPid);
    const windowStarted = performance.now();
    while (probes.length < maxProbes && performance.now() - windowStarted < probeWindowMs) {
      await llm.enqueue(1);
      heldStreamingAtProbe.push(open.streaming);
      probes.push(await streamOnce(target, probeAgent, open, probeAnswer));
      await sleep(probeGapMs);
    }
    const windowMs = performance.now() - windowStarted;
    const serverCpuMs = cpuMs(serverPid) - cpuBefore;
    const openRss = sampler.stop();
    const heldResults = await Promise.all(held);
    await expectNothingPending(llm, `${target.name} ${level}: probes`);
    return {
      held: heldResults,
      probes,
      heldStreamingAtProbe,
      rampMs: rampDone,
      idleRss,
      openRss,
      serverCpuMs,
      windowMs,
    };
  } finally {
    agent.destroy();
    probeAgent.destroy();
  }
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
  maxGapP99: number;
}

const sortedDefined = (list: (number | undefined)[]) =>
  list.filter((value): value is number => value !== undefined).sort((a, b) => a - b);

function summarize(results: StreamResult[]): PathSummary {
  const ok = results.filter((result) => result.error === undefined);
  const ttft = sortedDefined(ok.map((result) => result.ttftMs));
  const total = sortedDefined(ok.map((result) => result.totalMs));
  const gaps = sortedDefined(ok.map((result) => result.gapMs));
  const maxGaps = sortedDefined(ok.map((result) => result.maxGapMs));
  return {
    streams: results.length,
    errors: results.length - ok.length,
    ttft: { p50: percentile(ttft, 50), p95: percentile(ttft, 95), p99: percentile(ttft, 99) },
    totalP50: percentile(total, 50),
    totalP99: percentile(total, 99),
    gapP50: percentile(gaps, 50),
    maxGapP99: percentile(maxGaps, 99),
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

const rootApiKey = randomBytes(24).toString('hex');
const dataDir = mkdtempSync(join(tmpdir(), 'youworker-bench-chat-'));
const levelResults: LevelResult[] = [];
let llm: ScriptedLlmProcess | undefined;
let server: RunningProcess | undefined;
try {
  llm = await startScriptedLlmProcess();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const profileDir = values['server-cpu-prof'];
  const preloadFile = join(dataDir, 'cpu-profile-preload.mjs');
  if (profileDir !== undefined) {
    mkdirSync(profileDir, { recursive: true });
    writeFileSync(preloadFile, profilerPreload);
  }
  server = startNodeProcess('apps/server/src/main.ts', [], {
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_ENABLED: 'false',
    ROOT_API_KEY: rootApiKey,
    LLM_BASE_URL: llm.baseUrl,
    ...(values['database-url'] ? { DATABASE_URL: values['database-url'] } : {}),
    ...(profileDir === undefined
      ? {}
      : { NODE_OPTIONS: `--import ${preloadFile}`, BENCH_CPU_PROF_DIR: profileDir }),
  });
  await waitForStatus(`${base}/health/ready`, 200, 120_000, server);
  const serverPid = server.child.pid;
  if (serverPid === undefined) {
    throw new Error('the server process has no pid');
  }

  const youworker: Target = {
    name: 'YouWorker',
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
    name: 'direct',
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

  for (const level of allLevels) {
    const result: LevelResult = { level, burst: undefined, open: undefined };
    if (levels.includes(level)) {
      await sleep(pauseMs);
      const started = performance.now();
      const directOpen = await runOpenStreams(llm, serverPid, direct, level);
      await sleep(pauseMs);
      const youworkerOpen = await runOpenStreams(llm, serverPid, youworker, level);
      result.open = { direct: directOpen, youworker: youworkerOpen };
      const errors = [
        ...directOpen.held,
        ...directOpen.probes,
        ...youworkerOpen.held,
        ...youworkerOpen.probes,
      ];
      console.log(
        `open streams ${level}: ${youworkerOpen.probes.length} YouWorker / ${directOpen.probes.length} direct probes in ${((performance.now() - started) / 1000).toFixed(1)} s, ${errors.filter((stream) => stream.error !== undefined).length} errors; server CPU ${youworkerOpen.serverCpuMs} ms in the YouWorker probe window (${(youworkerOpen.serverCpuMs / Math.max(1, youworkerOpen.probes.length)).toFixed(1)} ms per probe)`,
      );
    }
    if (burstLevels.includes(level)) {
      await sleep(pauseMs);
      const started = performance.now();
      result.burst = await runBurst(llm, serverPid, direct, youworker, level);
      const errors = [...result.burst.direct, ...result.burst.youworker];
      console.log(
        `burst ${level}: ${result.burst.batches} batch(es) in ${((performance.now() - started) / 1000).toFixed(1)} s, ${errors.filter((stream) => stream.error !== undefined).length} errors`,
      );
    }
    levelResults.push(result);
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

const mode = values['database-url'] ? 'PostgreSQL' : 'embedded PGlite';
const openLevels = levelResults.filter((result) => result.open !== undefined);
if (openLevels.length > 0) {
  console.log(
    `\nOpen streams (${mode}): c − 1 held streams (a token every ${holdIntervalMs} ms, opened at ${rampRate}/s) + probe turns one at a time (${tokens} tokens ${delayMs} ms apart, ${probeGapMs} ms between probes, ${probeWindowMs / 1000} s or ${maxProbes} probes)\n`,
  );
  console.log(
    '| Concurrent streams | Path | Probes | Errors | Probe TTFT p50 (ms) | p95 | p99 | Held streaming at probe (min) | Held | Held errors | Held TTFT p50 (ms) | Held TTFT p99 | Held token gap max p99 (ms) | Ramp (s) |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const { level, open } of openLevels) {
    if (!open) {
      continue;
    }
    for (const [name, path] of [
      ['direct (baseline)', open.direct],
      ['YouWorker', open.youworker],
    ] as const) {
      const probes = summarize(path.probes);
      const held = summarize(path.held);
      console.log(
        `| ${level} | ${name} | ${probes.streams} | ${probes.errors} | ${ms(probes.ttft.p50)} | ${ms(probes.ttft.p95)} | ${ms(probes.ttft.p99)} | ${Math.min(...path.heldStreamingAtProbe)} | ${held.streams} | ${held.errors} | ${ms(held.ttft.p50)} | ${ms(held.ttft.p99)} | ${ms(held.maxGapP99)} | ${(path.rampMs / 1000).toFixed(1)} |`,
      );
    }
  }
  console.log(
    '\n| Concurrent streams | Added probe TTFT p50 (ms) | Added probe TTFT p95 (ms) | Added held TTFT p50 (ms) | Server RSS idle → all open (MB) | RSS per open stream (KB) | Server CPU while open (ms/s) |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const { level, open } of openLevels) {
    if (!open) {
      continue;
    }
    const directProbes = summarize(open.direct.probes);
    const youworkerProbes = summarize(open.youworker.probes);
    const directHeld = summarize(open.direct.held);
    const youworkerHeld = summarize(open.youworker.held);
    const { idleRss, openRss, serverCpuMs, windowMs } = open.youworker;
    const perStream = level > 1 ? ((openRss - idleRss) / (level - 1) / 1024).toFixed(1) : '—';
    console.log(
      `| ${level} | ${ms(youworkerProbes.ttft.p50 - directProbes.ttft.p50)} | ${ms(youworkerProbes.ttft.p95 - directProbes.ttft.p95)} | ${ms(youworkerHeld.ttft.p50 - directHeld.ttft.p50)} | ${mb(idleRss)} → ${mb(openRss)} | ${perStream} | ${((serverCpuMs / windowMs) * 1000).toFixed(0)} |`,
    );
  }
}

const burstResults = levelResults.filter((result) => result.burst !== undefined);
if (burstResults.length > 0) {
  console.log(
    `\nBurst (${mode}): c turns sent at once, batches until ${minSamples} samples, ${tokens} text deltas ${delayMs} ms apart per answer\n`,
  );
  console.log(
    '| Burst of | Path | Streams | Errors | TTFT p50 (ms) | TTFT p95 (ms) | TTFT p99 (ms) | Total p50 (ms) | Total p99 (ms) | Token gap p50 (ms) | Peak open at once |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const { level, burst } of burstResults) {
    if (!burst) {
      continue;
    }
    for (const [name, list, peakOpen] of [
      ['direct (baseline)', burst.direct, burst.directPeakOpen],
      ['YouWorker', burst.youworker, burst.youworkerPeakOpen],
    ] as const) {
      const s = summarize(list);
      console.log(
        `| ${level} | ${name} | ${s.streams} | ${s.errors} | ${ms(s.ttft.p50)} | ${ms(s.ttft.p95)} | ${ms(s.ttft.p99)} | ${ms(s.totalP50)} | ${ms(s.totalP99)} | ${ms(s.gapP50)} | ${peakOpen} |`,
      );
    }
  }
  console.log(
    '\n| Burst of | Added TTFT p50 (ms) | Added TTFT p99 (ms) | Server RSS idle → peak (MB) | Server CPU per turn (ms) |',
  );
  console.log('| --- | --- | --- | --- | --- |');
  for (const { level, burst } of burstResults) {
    if (!burst) {
      continue;
    }
    const direct = summarize(burst.direct);
    const youworker = summarize(burst.youworker);
    console.log(
      `| ${level} | ${ms(youworker.ttft.p50 - direct.ttft.p50)} | ${ms(youworker.ttft.p99 - direct.ttft.p99)} | ${mb(burst.idleRss)} → ${mb(burst.peakRss)} | ${ms(burst.serverCpuMs / burst.youworker.length)} |`,
    );
  }
}

let failed = false;
for (const { level, open, burst } of levelResults) {
  const lists: [string, StreamResult[]][] = [
    ...(open
      ? ([
          ['open direct held', open.direct.held],
          ['open direct probes', open.direct.probes],
          ['open YouWorker held', open.youworker.held],
          ['open YouWorker probes', open.youworker.probes],
        ] as [string, StreamResult[]][])
      : []),
    ...(burst
      ? ([
          ['burst direct', burst.direct],
          ['burst YouWorker', burst.youworker],
        ] as [string, StreamResult[]][])
      : []),
  ];
  for (const [name, list] of lists) {
    const described = errorCounts(list);
    if (described !== '') {
      failed = true;
      console.error(`level ${level} ${name} errors: ${described}`);
    }
  }
}
if (failed) {
  process.exitCode = 1;
}
