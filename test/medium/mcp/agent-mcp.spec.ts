import { fileURLToPath } from 'node:url';
import { CALLER_TOKEN_META_KEY, verifyCallerToken } from '@youworker/mcp-common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, type TestUser } from '../../support/identity.ts';
import { startScriptedLlm, type ScriptedLlm } from '../../support/scripted-llm/scripted-llm-server.ts';
import { textAnswer, toolCallAnswer } from '../../support/scripted-llm/script.ts';
import { parseChatSse } from '../../support/sse.ts';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';

const fixtureServer = fileURLToPath(new URL('../../support/mcp/fixture-server.ts', import.meta.url));
const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The agent over real MCP servers: bundled datetime and units as stdio children, plus a fixture server. */
describe('agent over MCP', () => {
  let database: TestDatabase;
  let llm: ScriptedLlm;
  let testApp: TestApp;
  let alice: TestUser;

  beforeAll(async () => {
    database = await createTestDatabase();
    llm = await startScriptedLlm();
    testApp = await createTestApp({
      database: database.handle,
      env: {
        LLM_BASE_URL: llm.baseUrl,
        LLM_MAX_RETRIES: '0',
        MCP_BUNDLED_SERVERS: 'datetime,units',
        MCP_SERVERS: JSON.stringify([
          {
            name: 'fixture',
            transport: {
              type: 'stdio',
              command: process.execPath,
              args: ['--import', 'tsx', fixtureServer],
              cwd: repositoryRoot,
            },
            callTimeoutMs: 5_000,
          },
          {
            name: 'trusted',
            transport: {
              type: 'stdio',
              command: process.execPath,
              args: ['--import', 'tsx', fixtureServer],
              cwd: repositoryRoot,
            },
            sendCallerIdentity: true,
          },
        ]),
      },
    });
    alice = await createTestUser(testApp);
    // Children start in parallel and may be slow on a busy machine: wait until all are connected.
    const deadline = Date.now() + 90_000;
    while (!testApp.deps.services.toolCatalog.statuses().every((server) => server.state === 'ready')) {
      if (Date.now() > deadline) {
        throw new Error(
          `MCP servers not ready: ${JSON.stringify(testApp.deps.services.toolCatalog.statuses())}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }, 120_000);

  afterAll(async () => {
    await testApp.close();
    await testApp.deps.close();
    await llm.close();
    await database.destroy();
  });

  const chat = async (message: string) => {
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/v1/chat',
      headers: { 'content-type': 'application/json', ...alice.headers },
      payload: { message, stream: true },
    });
    expect(response.statusCode).toBe(200);
    return parseChatSse(response.body);
  };

  it('should list every tool with its server in GET /v1/tools and report servers in /health/ready', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/v1/tools', headers: alice.headers });
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      servers: { name: string; state: string }[];
      tools: { name: string; server: string }[];
    }>();
    expect(body.servers.map((server) => [server.name, server.state])).toEqual([
      ['datetime', 'ready'],
      ['units', 'ready'],
      ['fixture', 'ready'],
      ['trusted', 'ready'],
    ]);
    const names = body.tools.map((tool) => tool.name);
    expect(names).toEqual(expect.arrayContaining(['datetime__now', 'units__convert', 'fixture__sleep']));

    const ready = await testApp.app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.json()).toMatchObject({
      components: { 'mcp:datetime': { status: 'up' }, 'mcp:units': { status: 'up' } },
    });
  });

  it('should run datetime__now and units__convert in one step, in parallel, and answer with both', async () => {
    llm.enqueue(
      toolCallAnswer([
        { name: 'datetime__now', arguments: { timezone: 'Europe/Rome' } },
        { name: 'units__convert', arguments: { value: 5, from: 'km', to: 'mi' } },
      ]),
    );
    llm.enqueue(textAnswer('It is late in Rome and 5 km is about 3.11 miles.'));

    const events = await chat('What time is it in Rome, and how many miles is 5 km?');

    const results = events.filter((event) => event.type === 'tool-result');
    expect(results.map((event) => event.toolName).sort()).toEqual(['datetime__now', 'units__convert']);
    const secondRequest = llm.requests.filter((request) => request.path === '/api/chat')[1]?.body as {
      messages: { role: string; content: string }[];
    };
    const toolMessages = secondRequest.messages.filter((message) => message.role === 'tool');
    expect(toolMessages).toHaveLength(2);
    expect(toolMessages.map((message) => message.content).join('\n')).toMatch(/3\.1\d/);
    expect(toolMessages.map((message) => message.content).join('\n')).toMatch(/Europe\/Rome/);
    expect(events.at(-1)).toMatchObject({ type: 'run-end', finishReason: 'stop' });
  });

  it('should turn a server killed mid-call into a tool error, restart it, and work on the next call', async () => {
    llm.enqueue(toolCallAnswer([{ name: 'fixture__pid', arguments: {} }]));
    llm.enqueue(textAnswer('ok'));
    const first = await chat('pid?');
    const pid = Number(first.find((event) => event.type === 'tool-result')?.output);
    expect(pid).toBeGreaterThan(0);

    llm.enqueue(toolCallAnswer([{ name: 'fixture__sleep', arguments: { ms: 10_000 } }]));
    llm.enqueue(textAnswer('The tool failed.'));
    setTimeout(() => process.kill(pid, 'SIGKILL'), 500);
    const crashed = await chat('sleep please');
    expect(crashed.find((event) => event.type === 'tool-error')).toMatchObject({
      toolName: 'fixture__sleep',
      error: { code: 'TOOL_EXECUTION_FAILED' },
    });

    await expect
      .poll(
        async () => {
          const response = await testApp.app.inject({
            method: 'GET',
            url: '/v1/tools',
            headers: alice.headers,
          });
          return response
            .json<{ servers: { name: string; state: string; restarts: number }[] }>()
            .servers.find((server) => server.name === 'fixture');
        },
        { timeout: 30_000, interval: 200 },
      )
      .toMatchObject({ state: 'ready', restarts: 1 });

    llm.enqueue(toolCallAnswer([{ name: 'fixture__pid', arguments: {} }]));
    llm.enqueue(textAnswer('ok'));
    const after = await chat('pid again?');
    const newPid = Number(after.find((event) => event.type === 'tool-result')?.output);
    expect(newPid).toBeGreaterThan(0);
    expect(newPid).not.toBe(pid);
  });

  it('should send servers that act on user data a token signed for the chatting user', async () => {
    llm.enqueue(toolCallAnswer([{ name: 'trusted__whoami', arguments: {} }]));
    llm.enqueue(textAnswer('ok'));
    const events = await chat('who am I, really?');
    const meta = JSON.parse(String(events.find((event) => event.type === 'tool-result')?.output)) as Record<
      string,
      unknown
    >;
    const token = meta[CALLER_TOKEN_META_KEY];
    expect(typeof token).toBe('string');
    const claims = verifyCallerToken(token as string, testApp.deps.services.mcpCallerSecret, {
      audience: 'trusted',
    });
    expect(claims.sub).toBe(alice.id);
    expect(() =>
      verifyCallerToken(token as string, testApp.deps.services.mcpCallerSecret, { audience: 'semantic' }),
    ).toThrow();
  });

  it('should not send caller identity to servers that did not ask for it', async () => {
    llm.enqueue(toolCallAnswer([{ name: 'fixture__whoami', arguments: {} }]));
    llm.enqueue(textAnswer('ok'));
    const events = await chat('who am I?');
    expect(events.find((event) => event.type === 'tool-result')?.output).toBe('{}');
  });
});
