import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { ChatOpenAI } from '@langchain/openai';
import { createLocalToolRegistry } from '@youworker/agent';
import { generateText, streamText } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, type TestUser } from '../../support/identity.ts';
import { textAnswer, toolCallAnswer } from '../../support/scripted-llm/script.ts';
import { startScriptedLlm, type ScriptedLlm } from '../../support/scripted-llm/scripted-llm-server.ts';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';

/**
 * The OpenAI-compatible surface driven by the two other client libraries people point at a local
 * server (the `openai` SDK itself is exercised in openai-compatible.spec.ts): the Vercel AI SDK's
 * `@ai-sdk/openai-compatible` provider and LangChain's `ChatOpenAI`. YouWorker runs its own tools,
 * so a server-side tool call shows up in the answer, and client-declared tools are refused.
 */
describe('OpenAI client libraries against /v1/chat/completions', () => {
  let database: TestDatabase;
  let llm: ScriptedLlm;
  let testApp: TestApp;
  let alice: TestUser;
  let baseURL: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    llm = await startScriptedLlm({ models: ['gpt-oss:20b'] });
    testApp = await createTestApp({
      database: database.handle,
      env: { LLM_BASE_URL: llm.baseUrl, LLM_MAX_RETRIES: '0', RATE_LIMIT_CHAT_PER_MINUTE: '1000' },
      tools: createLocalToolRegistry([
        {
          name: 'clock__now',
          description: 'The current time in a time zone.',
          inputSchema: { type: 'object', properties: { timezone: { type: 'string' } } },
          execute: () => Promise.resolve({ content: 'It is 21:00.' }),
        },
      ]),
    });
    alice = await createTestUser(testApp);
    await testApp.app.listen({ port: 0, host: '127.0.0.1' });
    const address = testApp.app.server.address();
    baseURL = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/v1`;
  });

  afterAll(async () => {
    await testApp.close();
    await llm.close();
    await database.destroy();
  });

  describe('Vercel AI SDK (ai + @ai-sdk/openai-compatible)', () => {
    const model = () =>
      createOpenAICompatible({ name: 'youworker', baseURL, apiKey: alice.apiKey, includeUsage: true })(
        'gpt-oss:20b',
      );

    it('should generate text with usage', async () => {
      llm.enqueue(textAnswer('Bonjour Alice.', { usage: { promptTokens: 12, completionTokens: 3 } }));
      const result = await generateText({ model: model(), prompt: 'Say hello in French.', maxRetries: 0 });
      expect(result.text).toBe('Bonjour Alice.');
      expect(result.finishReason).toBe('stop');
      expect(result.usage.inputTokens).toBeGreaterThanOrEqual(12);
      expect(result.usage.outputTokens).toBe(3);
    });

    it('should stream text, including the answer after a server-side tool call, with usage', async () => {
      llm.enqueue(
        toolCallAnswer([{ name: 'clock__now', arguments: { timezone: 'Asia/Tokyo' } }]),
        textAnswer('It is 21:00 in Tokyo.', { usage: { promptTokens: 20, completionTokens: 6 } }),
      );
      const result = streamText({ model: model(), prompt: 'Time in Tokyo?', maxRetries: 0 });
      const deltas: string[] = [];
      for await (const delta of result.textStream) {
        deltas.push(delta);
      }
      expect(deltas.join('')).toBe('It is 21:00 in Tokyo.');
      expect(await result.finishReason).toBe('stop');
      expect((await result.usage).outputTokens).toBeGreaterThanOrEqual(6);
    });

    it('should surface an authentication failure as an API error with status 401', async () => {
      const unauthorised = createOpenAICompatible({ name: 'youworker', baseURL, apiKey: 'yw_wrong' })(
        'gpt-oss:20b',
      );
      await expect(generateText({ model: unauthorised, prompt: 'hi', maxRetries: 0 })).rejects.toMatchObject({
        statusCode: 401,
      });
    });
  });

  describe('LangChain (@langchain/openai ChatOpenAI)', () => {
    const chat = (apiKey = alice.apiKey) =>
      new ChatOpenAI({ model: 'gpt-oss:20b', apiKey, maxRetries: 0, configuration: { baseURL } });

    it('should invoke and return the answer with usage metadata', async () => {
      llm.enqueue(textAnswer('Ciao!', { usage: { promptTokens: 8, completionTokens: 2 } }));
      const message = await chat().invoke([
        ['system', 'Answer in Italian.'],
        ['human', 'Greet me.'],
      ]);
      expect(message.content).toBe('Ciao!');
      expect(message.usage_metadata?.output_tokens).toBe(2);
      const sent = (llm.requests.at(-1)?.body as { messages: { role: string; content: string }[] }).messages;
      expect(sent.slice(1).map((entry) => `${entry.role}:${entry.content}`)).toEqual([
        'system:Answer in Italian.',
        'user:Greet me.',
      ]);
    });

    it('should stream chunks that concatenate to the answer', async () => {
      llm.enqueue(textAnswer('One, two, three.'));
      const pieces: string[] = [];
      for await (const chunk of await chat().stream('Count to three.')) {
        pieces.push(typeof chunk.content === 'string' ? chunk.content : '');
      }
      expect(pieces.join('')).toBe('One, two, three.');
    });

    it('should refuse client-declared tools (bindTools) with a clear 400', async () => {
      const withTools = chat().bindTools([
        {
          type: 'function',
          function: {
            name: 'lookup',
            description: 'Look up',
            parameters: { type: 'object', properties: {} },
          },
        },
      ]);
      await expect(withTools.invoke('Use the tool.')).rejects.toMatchObject({
        status: 400,
        message: expect.stringMatching(/tools/i) as unknown,
      });
    });

    it('should refuse a wrong API key with 401', async () => {
      await expect(chat('yw_wrong').invoke('hi')).rejects.toMatchObject({ status: 401 });
    });
  });
});
