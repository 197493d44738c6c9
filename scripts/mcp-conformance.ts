/**
 * Runs the official MCP conformance suite (`@modelcontextprotocol/conformance`, server mode) against
 * every bundled MCP server of the `youworker mcp` registry, each in its own process serving
 * Streamable HTTP (`serveStreamableHttp`, as `youworker mcp <name> --http` does) on a free loopback
 * port. The child is this script with `--serve <name>`, which loads only that server, not the
 * whole admin CLI.
 *
 *   node --import tsx scripts/mcp-conformance.ts [--out DIR] [--server NAME]…
 *
 * Scenarios: the transport and lifecycle ones that mean something for any server (see
 * `conformance/README.md`), plus each capability scenario only when the server offers it. The
 * fixture-specific scenarios (`tools-call-*`, `resources-read-*`, `prompts-get-*`, elicitation…)
 * expect tools of the suite's "everything" test server and are not run. A scenario fails on any
 * FAILURE or WARNING check, as in the suite's own baseline mode; `conformance/<name>.yml` lists the
 * expected failures. Exits 1 on an unexpected failure, a stale baseline entry or a server that does
 * not start. Results: `<out>/<name>/server-<scenario>-<time>/checks.json`, one log per scenario,
 * the server's log, and `<out>/summary.md` / `summary.json`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { jsonLineLogger, serveStreamableHttp, waitForShutdownSignal } from '@youworker/mcp-common';
import { bundledMcpServers } from '../apps/cli/src/commands/mcp-server-registry.ts';

const root = resolve(import.meta.dirname, '..');
const BASE_SCENARIOS = [
  'server-initialize',
  'ping',
  'tools-list',
  'dns-rebinding-protection',
  'server-sse-multiple-streams',
];
const CAPABILITY_SCENARIOS: Record<string, string> = {
  logging: 'logging-set-level',
  completions: 'completion-complete',
  resources: 'resources-list',
  prompts: 'prompts-list',
};
const STARTUP_TIMEOUT_MS = 60_000;
const SCENARIO_TIMEOUT_MS = 120_000;

type Outcome = 'pass' | 'expected failure' | 'UNEXPECTED FAILURE' | 'STALE BASELINE' | 'ERROR';

interface Row {
  server: string;
  scenario: string;
  passed: number;
  failed: number;
  warnings: number;
  outcome: Outcome;
  note: string;
}

interface Check {
  status: 'SUCCESS' | 'FAILURE' | 'WARNING' | 'INFO';
  name: string;
  errorMessage?: string;
}

function parseArguments(argv: string[]): { out: string; servers: string[]; serve: string | undefined } {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  let out = join(tmpdir(), `youworker-conformance-${stamp}`);
  let serve: string | undefined;
  const servers: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const value = argv[index + 1];
    if (argv[index] === '--out' && value !== undefined) {
      out = resolve(value);
    } else if (argv[index] === '--server' && value !== undefined) {
      servers.push(value);
    } else if (argv[index] === '--serve' && value !== undefined) {
      serve = value;
    } else {
      throw new Error(`Unknown argument ${argv[index] ?? ''}; usage: [--out DIR] [--server NAME]…`);
    }
    index += 1;
  }
  return { out, servers, serve };
}

/** Child mode: serves one bundled server on a free loopback port until SIGTERM. */
async function serve(name: string): Promise<void> {
  const loaded = Object.hasOwn(bundledMcpServers, name) ? await bundledMcpServers[name]?.load() : undefined;
  if (loaded === undefined) {
    throw new Error(`No bundled MCP server "${name}" in this build`);
  }
  const handle = await serveStreamableHttp(loaded.create, {
    host: '127.0.0.1',
    port: 0,
    logger: jsonLineLogger(process.stderr, name),
  });
  console.log(`listening on ${handle.url}`);
  await waitForShutdownSignal();
  await handle.close();
}

/** The `server:` list of a conformance baseline file (the suite's `--expected-failures` YAML). */
function parseBaseline(text: string): string[] {
  const lines = text.split('\n').map((line) => line.replace(/(^|\s)#.*$/, '').trimEnd());
  const start = lines.findIndex((line) => /^server:/.test(line));
  if (start === -1) {
    return [];
  }
  const inline = /^server:\s*\[(.*)\]\s*$/.exec(lines[start] ?? '');
  if (inline) {
    return (inline[1] ?? '')
      .split(',')
      .map((entry) => entry.trim().replace(/^['"]|['"]$/g, ''))
      .filter(Boolean);
  }
  const entries: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) {
      break;
    }
    const entry = /^\s+-\s+['"]?([\w-]+)['"]?\s*$/.exec(line)?.[1];
    if (entry !== undefined) {
      entries.push(entry);
    }
  }
  return entries;
}

async function readBaseline(name: string): Promise<string[]> {
  try {
    return parseBaseline(await readFile(join(root, 'conformance', `${name}.yml`), 'utf8'));
  } catch {
    return [];
  }
}

/** semantic and ingest need a platform to call; the scenarios run here never call a tool. */
const platformEnv = {
  YOUWORKER_PLATFORM_URL: 'http://127.0.0.1:9',
  MCP_CALLER_TOKEN_SECRET: 'conformance-only-secret-0123456789abcdef',
};
Object.assign(process.env, { ...platformEnv, ...process.env });

/** Starts this script with `--serve <name>` and resolves with the server's URL once it listens. */
function startServer(name: string, logPath: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, '--serve', name], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    // semantic and ingest need a platform to call; the scenarios run here never call a tool.
    env: { ...process.env, ...platformEnv },
  });
  let log = '';
  const append = (chunk: Buffer) => {
    log += chunk.toString('utf8');
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  child.once('exit', () => void writeFile(logPath, log));
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`${name} did not start within ${STARTUP_TIMEOUT_MS} ms`));
    }, STARTUP_TIMEOUT_MS);
    const onData = () => {
      const url = /listening on (http:\/\/\S+)/.exec(log)?.[1];
      if (url !== undefined) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        resolvePromise({ child, url });
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with code ${String(code)} before listening:\n${log}`));
    });
  });
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) {
    return;
  }
  const exited = new Promise((resolvePromise) => child.once('exit', resolvePromise));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** The scenarios for a server: the base list plus one per offered capability. */
async function scenariosFor(url: string): Promise<string[]> {
  const transport = new StreamableHTTPClientTransport(new URL(url));
  const client = new Client({ name: 'youworker-conformance', version: '0.0.0' });
  await client.connect(transport);
  const capabilities = client.getServerCapabilities() ?? {};
  await transport.terminateSession();
  await client.close();
  const offered = Object.entries(CAPABILITY_SCENARIOS)
    .filter(([capability]) => capability in capabilities)
    .map(([, scenario]) => scenario);
  return [...BASE_SCENARIOS, ...offered];
}

function runScenario(url: string, scenario: string, outDir: string): Promise<string> {
  const child = spawn(
    'npx',
    ['--no-install', 'conformance', 'server', '--url', url, '--scenario', scenario, '-o', outDir],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGKILL'), SCENARIO_TIMEOUT_MS);
  return new Promise((resolvePromise) =>
    child.once('close', () => {
      clearTimeout(timer);
      resolvePromise(output);
    }),
  );
}

async function readChecks(outDir: string, scenario: string): Promise<Check[] | undefined> {
  const prefix = `server-${scenario}-`;
  const directories = (await readdir(outDir)).filter((entry) => entry.startsWith(prefix)).sort();
  const latest = directories.at(-1);
  if (latest === undefined) {
    return undefined;
  }
  return JSON.parse(await readFile(join(outDir, latest, 'checks.json'), 'utf8')) as Check[];
}

function judge(server: string, scenario: string, checks: Check[] | undefined, expected: boolean): Row {
  if (checks === undefined) {
    return { server, scenario, passed: 0, failed: 0, warnings: 0, outcome: 'ERROR', note: 'no checks.json' };
  }
  const count = (status: Check['status']) => checks.filter((check) => check.status === status).length;
  const [passed, failed, warnings] = [count('SUCCESS'), count('FAILURE'), count('WARNING')];
  const failing = failed + warnings > 0;
  const outcome: Outcome = failing
    ? expected
      ? 'expected failure'
      : 'UNEXPECTED FAILURE'
    : expected
      ? 'STALE BASELINE'
      : 'pass';
  const note = checks
    .filter((check) => check.status === 'FAILURE' || check.status === 'WARNING')
    .map((check) => `${check.name}: ${check.errorMessage ?? check.status}`)
    .join('; ');
  return { server, scenario, passed, failed, warnings, outcome, note };
}

async function checkServer(name: string, out: string): Promise<Row[]> {
  const outDir = join(out, name);
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const baseline = await readBaseline(name);
  const { child, url } = await startServer(name, join(outDir, 'server.log'));
  try {
    const scenarios = await scenariosFor(url);
    const rows: Row[] = [];
    for (const scenario of scenarios) {
      await writeFile(join(outDir, `${scenario}.log`), await runScenario(url, scenario, outDir));
      rows.push(judge(name, scenario, await readChecks(outDir, scenario), baseline.includes(scenario)));
    }
    for (const entry of baseline.filter((scenario) => !scenarios.includes(scenario))) {
      rows.push({
        server: name,
        scenario: entry,
        passed: 0,
        failed: 0,
        warnings: 0,
        outcome: 'STALE BASELINE',
        note: 'not run for this server',
      });
    }
    return rows;
  } finally {
    await stopServer(child);
  }
}

function table(rows: Row[]): string {
  const lines = [
    '| Server | Scenario | Passed | Failed | Warnings | Outcome |',
    '|---|---|---:|---:|---:|---|',
    ...rows.map(
      (row) =>
        `| ${row.server} | ${row.scenario} | ${row.passed} | ${row.failed} | ${row.warnings} | ${row.outcome}${row.note ? ` (${row.note.replaceAll('|', '/')})` : ''} |`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

async function main(out: string, requested: string[]): Promise<void> {
  await mkdir(out, { recursive: true });
  const rows: Row[] = [];
  for (const [name, entry] of Object.entries(bundledMcpServers)) {
    if (requested.length > 0 && !requested.includes(name)) {
      continue;
    }
    if ((await entry.load()) === undefined) {
      console.log(`skipping ${name}: not in this build`);
      continue;
    }
    console.log(`conformance: ${name}`);
    try {
      rows.push(...(await checkServer(name, out)));
    } catch (caught) {
      const note = caught instanceof Error ? (caught.message.split('\n')[0] ?? '') : String(caught);
      rows.push({
        server: name,
        scenario: '(start)',
        passed: 0,
        failed: 0,
        warnings: 0,
        outcome: 'ERROR',
        note,
      });
    }
  }

  const summary = table(rows);
  await writeFile(join(out, 'summary.md'), summary);
  await writeFile(join(out, 'summary.json'), `${JSON.stringify(rows, null, 2)}\n`);
  console.log(`\n${summary}\nResults in ${out}`);
  const bad = rows.filter((row) => row.outcome !== 'pass' && row.outcome !== 'expected failure');
  if (rows.length === 0 || bad.length > 0) {
    console.error(`conformance: ${bad.length} unexpected result(s)`);
    process.exitCode = 1;
  }
}

const options = parseArguments(process.argv.slice(2));
await (options.serve === undefined ? main(options.out, options.servers) : serve(options.serve));
