import { createLocalToolRegistry } from '@youworker/agent';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, type TestUser } from '../../support/identity.ts';
import { startScriptedLlm, type ScriptedLlm } from '../../support/scripted-llm/scripted-llm-server.ts';
import { errorResponse, steps, textAnswer, toolCallAnswer } from '../../support/scripted-llm/script.ts';
import { parseChatSse } from '../../support/sse.ts';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';

const clockTool = {
  name: 'clock__now',
  description: 'The current time in a time zone.',
  inputSchema: { type: 'object', properties: { timezone: { type: 'string' } }, required: ['timezone'] },
  execute: (input: unknown) =>
    Promise.resolve({ content: `It is 21:00 in ${(input as { timezone: string }).timezone}.` }),
};

describe('POST /v1/chat', () => {
  let database: TestDatabase;
  let llm: ScriptedLlm;
  let testApp: TestApp;
  let alice: TestUser;
  let baseUrl: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    llm = await startScriptedLlm({ models: ['gpt-oss:20b', 'qwen3:4b'] });
    testApp = await createTestApp({
      database: database.handle,
      env: { LLM_BASE_URL: llm.baseUrl, LLM_ALLOWED_MODELS: 'qwen3:4b', LLM_MAX_RETRIES: '0' },
      tools: createLocalToolRegistry([clockTool]),
    });
    alice = await createTestUser(testApp);
    await testApp.app.listen({ port: 0, host: '127.0.0.1' });
    const address = testApp.app.server.address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });

  afterAll(async () => {
    await testApp.close();
    await llm.close();
    await database.destroy();
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${baseUrl}/v1/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...alice.headers, ...headers },
      body: JSON.stringify(body),
    });

  it('should stream protocol v1 events in order and store the exchange encrypted', async () => {
    llm.enqueue(
      textAnswer('Ciao! Come posso aiutarti? 😊', {
        reasoning: 'The user greets in Italian.',
        usage: { promptTokens: 42, completionTokens: 9 },
      }),
    );
    const response = await post({ message: 'Ciao, chi sei?' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    expect(response.headers.get('x-youworker-stream')).toBe('v1');
    expect(response.headers.get('x-accel-buffering')).toBe('no');
    const sessionId = response.headers.get('x-youworker-session-id') ?? '';
    const events = parseChatSse(await response.text());
    const types = events.map((event) => event.type);
    expect(types[0]).toBe('run-start');
    expect(types.at(-1)).toBe('run-end');
    expect(types).toContain('reasoning-delta');
    expect(types.indexOf('reasoning-delta')).toBeLessThan(types.indexOf('text-delta'));
    expect(events.map((event) => event.sequence)).toEqual(events.map((_, index) => index));
    expect(events[0]).toMatchObject({ sessionId, model: 'gpt-oss:20b' });
    const end = events.at(-1) as { finishReason: string; text: string; usage: object; messages?: unknown };
    expect(end).toMatchObject({
      finishReason: 'stop',
      text: 'Ciao! Come posso aiutarti? 😊',
      usage: { promptTokens: 42, completionTokens: 9 },
    });
    expect(end.messages).toBeUndefined();
    const sent = llm.requests.at(-1)?.body as { messages: { role: string; content: string }[] };
    expect(sent.messages[0]?.role).toBe('system');
    expect(sent.messages.at(-1)).toMatchObject({ role: 'user', content: 'Ciao, chi sei?' });

    const rows = await database.handle.db
      .selectFrom('chat_messages')
      .select(['content', 'prompt_tokens'])
      .execute();
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toContain('Ciao');
    const detail = await testApp.app.inject({
      method: 'GET',
      url: `/v1/sessions/${sessionId}`,
      headers: alice.headers,
    });
    expect(
      detail
        .json<{ messages: { content: string; usage: object }[] }>()
        .messages.map((message) => message.content),
    ).toEqual(['Ciao, chi sei?', 'Ciao! Come posso aiutarti? 😊']);
  });

  it('should run tools, feed the results back, persist the tool runs, and send the history on the next turn', async () => {
    llm.enqueue(
      toolCallAnswer([{ name: 'clock__now', arguments: { timezone: 'Asia/Tokyo' } }]),
      textAnswer('In Tokyo it is 21:00.'),
    );
    const first = await post({ message: 'What time is it in Tokyo?' });
    const sessionId = first.headers.get('x-youworker-session-id') ?? '';
    const events = parseChatSse(await first.text());
    expect(events.map((event) => event.type)).toEqual(
      expect.arrayContaining(['tool-call', 'tool-result', 'step-end', 'run-end']),
    );
    expect(events.find((event) => event.type === 'tool-result')).toMatchObject({
      toolName: 'clock__now',
      output: 'It is 21:00 in Asia/Tokyo.',
    });
    const toolMessage = (
      llm.requests.at(-1)?.body as { messages: { role: string; content: string }[] }
    ).messages.find((message) => message.role === 'tool');
    expect(toolMessage?.content).toBe('It is 21:00 in Asia/Tokyo.');

    llm.enqueue(textAnswer('In Rome it is 13:00.'));
    const second = await post({ sessionId, message: 'And in Rome?', stream: false });
    expect(second.status).toBe(200);
    expect(await second.json()).toMatchObject({
      sessionId,
      text: 'In Rome it is 13:00.',
      finishReason: 'stop',
      toolRuns: [],
    });
    const history = (llm.requests.at(-1)?.body as { messages: { role: string; content: string }[] }).messages;
    expect(history.map((message) => `${message.role}:${message.content}`).slice(1)).toEqual([
      'user:What time is it in Tokyo?',
      'assistant:In Tokyo it is 21:00.',
      'user:And in Rome?',
    ]);
    const detail = await testApp.app.inject({
      method: 'GET',
      url: `/v1/sessions/${sessionId}`,
      headers: alice.headers,
    });
    const stored = detail.json<{
      messages: { role: string; toolRuns: { toolName: string; status: string; arguments: string }[] }[];
    }>();
    expect(stored.messages[1]?.toolRuns).toMatchObject([
      { toolName: 'clock__now', status: 'success', arguments: '{"timezone":"Asia/Tokyo"}' },
    ]);
  });

  it('should refuse a model that is not allowed, naming the allowed ones', async () => {
    const response = await post({ message: 'hi', model: 'llama-70b' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; details: { allowed: string[] } } };
    expect(body.error.code).toBe('MODEL_NOT_ALLOWED');
    expect(body.error.details.allowed).toEqual(['gpt-oss:20b', 'qwen3:4b']);
  });

  it('should refuse a model the model server does not offer when no allow-list is set', async () => {
    const open = await createTestApp({
      database: database.handle,
      env: { LLM_BASE_URL: llm.baseUrl, LLM_MAX_RETRIES: '0' },
    });
    try {
      const response = await open.app.inject({
        method: 'POST',
        url: '/v1/chat',
        headers: alice.headers,
        payload: { message: 'hi', model: 'no-such-model:7b', stream: false },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        error: { code: 'MODEL_NOT_FOUND', details: { allowed: ['gpt-oss:20b', 'qwen3:4b'] } },
      });
    } finally {
      await open.app.close();
    }
  });

  it('should refuse client-supplied roles and empty messages', async () => {
    expect((await post({ message: 'hi', role: 'system' })).status).toBe(400);
    expect((await post({ message: '  \u0000 ' })).status).toBe(400);
    expect((await post({ message: 'hi', sessionId: '00000000-0000-4000-8000-000000000000' })).status).toBe(
      404,
    );
  });

  it('should answer 503 LLM_UNAVAILABLE naming the URL, or an error event then run-end in a stream', async () => {
    llm.enqueue(errorResponse(503, 'model is loading'));
    const json = await post({ message: 'hello?', stream: false });
    expect(json.status).toBe(503);
    const body = (await json.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('LLM_UNAVAILABLE');
    expect(body.error.message).toContain(llm.baseUrl);

    llm.enqueue(errorResponse(500, 'boom'));
    const streamed = parseChatSse(await (await post({ message: 'hello again?' })).text());
    expect(streamed.slice(-2).map((event) => event.type)).toEqual(['error', 'run-end']);
    expect(streamed.at(-1)).toMatchObject({ finishReason: 'error' });
  });

  it('should abort the upstream request when the client disconnects and keep the partial answer as cancelled', async () => {
    llm.enqueue(
      steps({ type: 'text', text: 'Once upon a time' }, { type: 'delay', ms: 300 }, { type: 'hang' }),
    );
    const response = await post({ message: 'Tell me a long story' });
    const sessionId = response.headers.get('x-youworker-session-id') ?? '';
    const reader = response.body?.getReader();
    let seen = '';
    while (!seen.includes('text-delta')) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) {
        break;
      }
      seen += Buffer.from(chunk.value).toString('utf8');
    }
    await reader?.cancel();
    const upstream = llm.requests.at(-1);
    expect(await upstream?.ended).toBe('client-disconnected');
    let stored: { messages: { role: string; status: string; content: string }[] } | undefined;
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const detail = await testApp.app.inject({
        method: 'GET',
        url: `/v1/sessions/${sessionId}`,
        headers: alice.headers,
      });
      stored = detail.json();
      if (stored?.messages.length === 2) {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(stored?.messages[1]).toMatchObject({
      role: 'assistant',
      status: 'cancelled',
      content: 'Once upon a time',
    });
  });
});
