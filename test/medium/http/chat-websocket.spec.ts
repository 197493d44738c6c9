import { createLocalToolRegistry } from '@youworker/agent';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTestUser, type TestUser } from '../../support/identity.ts';
import { checkChatEvent } from '../../support/sse.ts';
import { steps, textAnswer } from '../../support/scripted-llm/script.ts';
import { startScriptedLlm, type ScriptedLlm } from '../../support/scripted-llm/scripted-llm-server.ts';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';

type Frame = Record<string, unknown> & { type: string };

/** Opens a socket and collects its frames; `until` resolves when a frame matches. */
function connect(url: string, headers: Record<string, string>) {
  const socket = new WebSocket(url, { headers });
  const frames: Frame[] = [];
  const waiters: { test: (frame: Frame) => boolean; resolve: (frame: Frame) => void }[] = [];
  socket.on('message', (data: Buffer) => {
    const frame = JSON.parse(data.toString('utf8')) as Frame;
    if ('sequence' in frame) {
      // A run's event (not a refusal frame): it must match the stream protocol's contract.
      checkChatEvent(frame);
    }
    frames.push(frame);
    for (const waiter of [...waiters]) {
      if (waiter.test(frame)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(frame);
      }
    }
  });
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => {
      resolve();
    });
    socket.once('unexpected-response', (_request, response) => {
      reject(new Error(`handshake refused: ${String(response.statusCode)}`));
    });
    socket.once('error', reject);
  });
  const until = (test: (frame: Frame) => boolean) =>
    new Promise<Frame>((resolve) => {
      const found = frames.find(test);
      if (found) {
        resolve(found);
      } else {
        waiters.push({ test, resolve });
      }
    });
  return { socket, frames, opened, until };
}

describe('WS /v1/chat/ws', () => {
  let database: TestDatabase;
  let llm: ScriptedLlm;
  let testApp: TestApp;
  let alice: TestUser;
  let url: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    llm = await startScriptedLlm();
    testApp = await createTestApp({
      database: database.handle,
      env: { LLM_BASE_URL: llm.baseUrl, LLM_MAX_RETRIES: '0', CORS_ORIGINS: 'https://ui.example.org' },
      tools: createLocalToolRegistry([]),
    });
    alice = await createTestUser(testApp);
    await testApp.app.listen({ port: 0, host: '127.0.0.1' });
    const address = testApp.app.server.address();
    url = `ws://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/v1/chat/ws`;
  });

  afterAll(async () => {
    await testApp.close();
    await llm.close();
    await database.destroy();
  });

  it('should run a turn per send and stream the same events as SSE, keeping the session', async () => {
    const client = connect(url, alice.headers);
    await client.opened;
    llm.enqueue(textAnswer('Hallo!'), textAnswer('Gern geschehen.'));
    client.socket.send(JSON.stringify({ type: 'send', message: 'Hallo' }));
    const start = await client.until((frame) => frame.type === 'run-start');
    const end = await client.until((frame) => frame.type === 'run-end');
    expect(end).toMatchObject({
      finishReason: 'stop',
      text: 'Hallo!',
      citations: [],
      retrieval: { status: 'none', sources: 0 },
    });
    client.socket.send(
      JSON.stringify({ type: 'send', message: 'Danke', sessionId: start.sessionId, rag: 'off' }),
    );
    const second = await client.until(
      (frame) => frame.type === 'run-end' && frame.text === 'Gern geschehen.',
    );
    expect(second).toMatchObject({ retrieval: { status: 'off', sources: 0 } });
    const history = (llm.requests.at(-1)?.body as { messages: { content: string }[] }).messages.map(
      (message) => message.content,
    );
    expect(history.slice(1)).toEqual(['Hallo', 'Hallo!', 'Danke']);
    client.socket.close();
  });

  it('should cancel a run on request and store the partial answer as cancelled', async () => {
    const client = connect(url, alice.headers);
    await client.opened;
    llm.enqueue(steps({ type: 'text', text: 'Es war einmal' }, { type: 'hang' }));
    client.socket.send(JSON.stringify({ type: 'send', message: 'Erzähl mir was' }));
    const start = await client.until((frame) => frame.type === 'run-start');
    await client.until((frame) => frame.type === 'text-delta');
    client.socket.send(JSON.stringify({ type: 'send', message: 'too early' }));
    expect(await client.until((frame) => frame.type === 'error')).toMatchObject({ code: 'RUN_IN_PROGRESS' });
    client.socket.send(JSON.stringify({ type: 'cancel' }));
    expect(await client.until((frame) => frame.type === 'run-end')).toMatchObject({
      finishReason: 'cancelled',
    });
    expect(await llm.requests.at(-1)?.ended).toBe('client-disconnected');
    const detail = await testApp.app.inject({
      method: 'GET',
      url: `/v1/sessions/${String(start.sessionId)}`,
      headers: alice.headers,
    });
    expect(detail.json<{ messages: { status: string; content: string }[] }>().messages[1]).toMatchObject({
      status: 'cancelled',
      content: 'Es war einmal',
    });
    client.socket.close();
  });

  it('should answer bad frames with error frames and keep the socket open', async () => {
    const client = connect(url, alice.headers);
    await client.opened;
    client.socket.send('not json');
    expect(await client.until((frame) => frame.type === 'error')).toMatchObject({ code: 'INVALID_JSON' });
    client.socket.send(JSON.stringify({ type: 'send', message: '', role: 'system' }));
    expect(await client.until((frame) => frame.code === 'VALIDATION_FAILED')).toBeDefined();
    client.socket.send(JSON.stringify({ type: 'send', message: 'hi', scope: { documentIds: ['nope'] } }));
    expect(
      await client.until(
        (frame) => frame.code === 'VALIDATION_FAILED' && String(frame.message).includes('scope.documentIds'),
      ),
    ).toBeDefined();
    client.socket.send(
      JSON.stringify({ type: 'send', message: 'hi', sessionId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(await client.until((frame) => frame.code === 'SESSION_NOT_FOUND')).toBeDefined();
    expect(client.socket.readyState).toBe(WebSocket.OPEN);
    client.socket.close();
  });

  it('should refuse the handshake without credentials or from a foreign origin', async () => {
    await expect(connect(url, {}).opened).rejects.toThrow('handshake refused: 401');
    await expect(connect(url, { ...alice.headers, origin: 'https://evil.example' }).opened).rejects.toThrow(
      'handshake refused: 403',
    );
    const allowed = connect(url, { ...alice.headers, origin: 'https://ui.example.org' });
    await allowed.opened;
    allowed.socket.close();
  });
});
