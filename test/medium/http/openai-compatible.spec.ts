import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createLocalToolRegistry } from '@youworker/agent';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, type TestUser } from '../../support/identity.ts';
import { errorResponse, textAnswer, toolCallAnswer } from '../../support/scripted-llm/script.ts';
import { startScriptedLlm, type ScriptedLlm } from '../../support/scripted-llm/scripted-llm-server.ts';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';

const specPath = resolve(import.meta.dirname, '../../../../shared/datasets/openai-openapi/openapi.json');
const hasSpec = existsSync(specPath);
if (!hasSpec) {
  console.info(`openai-compatible.spec: ${specPath} not found; skipping the OpenAI schema checks`);
}

/** OpenAPI 3.0 `nullable: true` (still used in parts of the document) as JSON Schema `anyOf … null`. */
function withoutNullable(node: unknown): unknown {
  if (Array.isArray(node)) {
    return node.map(withoutNullable);
  }
  if (typeof node !== 'object' || node === null) {
    return node;
  }
  const { nullable, ...rest } = node as Record<string, unknown>;
  const converted = Object.fromEntries(
    Object.entries(rest).map(([key, value]) => [key, withoutNullable(value)]),
  );
  return nullable === true ? { anyOf: [converted, { type: 'null' }] } : converted;
}

function openAiSchemas(): (name: string) => ValidateFunction {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('unixtime', true);
  ajv.addSchema(withoutNullable(JSON.parse(readFileSync(specPath, 'utf8'))) as object, 'openai');
  return (name) => {
    const validate = ajv.getSchema(`openai#/components/schemas/${name}`);
    if (!validate) {
      throw new Error(`no schema ${name}`);
    }
    return validate;
  };
}

function expectValid(validate: ValidateFunction, data: unknown): void {
  const ok = validate(data);
  expect(ok ? [] : validate.errors, JSON.stringify(data)).toEqual([]);
}

const clockTool = {
  name: 'clock__now',
  description: 'The current time in a time zone.',
  inputSchema: { type: 'object', properties: { timezone: { type: 'string' } }, required: ['timezone'] },
  execute: () => Promise.resolve({ content: 'It is 21:00.' }),
};

function sseData(body: string): string[] {
  return body
    .split('\n\n')
    .map((frame) => frame.trim())
    .filter((frame) => frame.startsWith('data: '))
    .map((frame) => frame.slice('data: '.length));
}

describe('OpenAI-compatible surface', () => {
  let database: TestDatabase;
  let llm: ScriptedLlm;
  let testApp: TestApp;
  let alice: TestUser;
  let baseUrl: string;
  let client: OpenAI;

  beforeAll(async () => {
    database = await createTestDatabase();
    llm = await startScriptedLlm({ models: ['gpt-oss:20b', 'qwen3:4b'] });
    testApp = await createTestApp({
      database: database.handle,
      env: { LLM_BASE_URL: llm.baseUrl, LLM_MAX_RETRIES: '0', RATE_LIMIT_CHAT_PER_MINUTE: '1000' },
      tools: createLocalToolRegistry([clockTool]),
    });
    const { app } = testApp;
    alice = await createTestUser(testApp);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    client = new OpenAI({ baseURL: `${baseUrl}/v1`, apiKey: alice.apiKey, maxRetries: 0 });
  });

  afterAll(async () => {
    await testApp.close();
    await llm.close();
    await database.destroy();
  });

  const post = (body: unknown, headers: Record<string, string> = alice.headers) =>
    fetch(`${baseUrl}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  describe.skipIf(!hasSpec)('against the official OpenAI schemas', () => {
    let schema: (name: string) => ValidateFunction;
    beforeAll(() => {
      schema = openAiSchemas();
    });

    it('should list models as a ListModelsResponse', async () => {
      const response = await fetch(`${baseUrl}/v1/models`, { headers: alice.headers });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { data: { id: string }[] };
      expectValid(schema('ListModelsResponse'), body);
      expect(body.data.map((model) => model.id)).toEqual(['gpt-oss:20b', 'qwen3:4b']);
    });

    it('should answer a CreateChatCompletionResponse, passing the client history to the model', async () => {
      llm.enqueue(
        textAnswer('Ciao Alice!', { reasoning: 'Greet.', usage: { promptTokens: 40, completionTokens: 4 } }),
      );
      const response = await post({
        model: 'gpt-oss:20b',
        temperature: 0.2,
        max_tokens: 100,
        messages: [
          { role: 'system', content: 'Answer in Italian.' },
          { role: 'user', content: 'I am Alice.' },
          { role: 'assistant', content: 'Hello Alice.' },
          { role: 'user', content: [{ type: 'text', text: 'Greet me.' }] },
        ],
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-youworker-session-id')).toMatch(/^[0-9a-f-]{36}$/);
      const body = (await response.json()) as Record<string, unknown>;
      expectValid(schema('CreateChatCompletionResponse'), body);
      expect(body).toMatchObject({
        object: 'chat.completion',
        model: 'gpt-oss:20b',
        choices: [
          { index: 0, message: { role: 'assistant', content: 'Ciao Alice!' }, finish_reason: 'stop' },
        ],
        usage: { prompt_tokens: 40, completion_tokens: 4, total_tokens: 44 },
      });
      const sent = (llm.requests.at(-1)?.body as { messages: { role: string; content: string }[] }).messages;
      expect(sent.map((message) => `${message.role}:${message.content}`).slice(1)).toEqual([
        'system:Answer in Italian.',
        'user:I am Alice.',
        'assistant:Hello Alice.',
        'user:Greet me.',
      ]);
    });

    it('should stream valid chunks: role first, content, finish, usage, then [DONE]', async () => {
      llm.enqueue(
        toolCallAnswer([{ name: 'clock__now', arguments: { timezone: 'Asia/Tokyo' } }], {
          text: 'Checking.',
        }),
        textAnswer('It is 21:00.', {
          reasoning: 'The tool said so.',
          usage: { promptTokens: 9, completionTokens: 3 },
        }),
      );
      const response = await post({
        model: 'gpt-oss:20b',
        stream: true,
        stream_options: { include_usage: true },
        messages: [{ role: 'user', content: 'Time in Tokyo?' }],
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/event-stream');
      const frames = sseData(await response.text());
      expect(frames.at(-1)).toBe('[DONE]');
      const chunks = frames.slice(0, -1).map((frame) => JSON.parse(frame) as Record<string, unknown>);
      for (const chunk of chunks) {
        expectValid(schema('CreateChatCompletionStreamResponse'), chunk);
      }
      type Choice = {
        delta: { role?: string; content?: string; reasoning_content?: string };
        finish_reason: string | null;
      };
      const choices = chunks.flatMap((chunk) => chunk.choices as Choice[]);
      expect(choices[0]?.delta.role).toBe('assistant');
      expect(choices.map((choice) => choice.delta.content ?? '').join('')).toBe('Checking.\n\nIt is 21:00.');
      expect(choices.map((choice) => choice.delta.reasoning_content ?? '').join('')).toBe(
        'The tool said so.',
      );
      expect(choices.at(-1)?.finish_reason).toBe('stop');
      // Usage sums both model calls of the run (the tool step's and the answer's).
      const usage = (chunks.at(-1) as { choices: unknown[]; usage: Record<string, number> }).usage;
      expect(chunks.at(-1)?.choices).toEqual([]);
      expect(usage.prompt_tokens).toBeGreaterThanOrEqual(9);
      expect(usage.completion_tokens).toBeGreaterThanOrEqual(3);
      expect(usage.total_tokens).toBe((usage.prompt_tokens ?? 0) + (usage.completion_tokens ?? 0));
      expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(1);
    });

    it('should answer errors, also of authentication, in the OpenAI ErrorResponse shape', async () => {
      const cases: [Promise<Response>, number, string, string | null][] = [
        [
          post({ model: 'gpt-oss:20b', messages: [{ role: 'user', content: 'hi' }] }, {}),
          401,
          'authentication_required',
          null,
        ],
        [
          post(
            { model: 'gpt-oss:20b', messages: [{ role: 'user', content: 'hi' }] },
            { authorization: 'Bearer yw_wrong' },
          ),
          401,
          'invalid_api_key',
          null,
        ],
        [
          post({
            model: 'gpt-oss:20b',
            messages: [{ role: 'user', content: 'hi' }],
            tools: [{ type: 'function', function: { name: 'f' } }],
          }),
          400,
          'tools_not_supported',
          'tools',
        ],
        [post({ model: 'nope', messages: [{ role: 'user', content: 'hi' }] }), 404, 'model_not_found', null],
        [
          post({ model: 'gpt-oss:20b', messages: [{ role: 'assistant', content: 'hi' }] }),
          400,
          'last_message_not_user',
          'messages[0].role',
        ],
        [
          post({
            model: 'gpt-oss:20b',
            messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'x' } }] }],
          }),
          400,
          'unsupported_content',
          'messages[0].content[0]',
        ],
        [post({ model: 'gpt-oss:20b' }), 400, 'validation_failed', 'messages'],
      ];
      for (const [pending, status, code, param] of cases) {
        const response = await pending;
        const body = (await response.json()) as { error: { code: string; param: string | null } };
        expect(response.status, JSON.stringify(body)).toBe(status);
        expectValid(schema('ErrorResponse'), body);
        expect(
          body.error.code === code || (status === 401 && body.error.code.length > 0),
          JSON.stringify(body),
        ).toBe(true);
        expect(body.error.param).toBe(param);
      }
      const models = await fetch(`${baseUrl}/v1/models`);
      expect(models.status).toBe(401);
      expectValid(schema('ErrorResponse'), await models.json());
    });

    it('should answer 503 when the model server fails, and stream the failure as an error object', async () => {
      llm.enqueue(errorResponse(503, 'loading'), errorResponse(503, 'loading'));
      const plain = await post({ model: 'gpt-oss:20b', messages: [{ role: 'user', content: 'hi' }] });
      expect(plain.status).toBe(503);
      expectValid(schema('ErrorResponse'), await plain.json());
      const streamed = await post({
        model: 'gpt-oss:20b',
        stream: true,
        messages: [{ role: 'user', content: 'hi' }],
      });
      const frames = sseData(await streamed.text());
      const failure = frames
        .map((frame) => (frame === '[DONE]' ? {} : (JSON.parse(frame) as object)))
        .find((frame) => 'error' in frame);
      expectValid(schema('ErrorResponse'), failure);
    });
  });

  describe('with the openai npm client', () => {
    it('should list models', async () => {
      const page = await client.models.list();
      expect(page.data.map((model) => model.id)).toContain('gpt-oss:20b');
    });

    it('should create a completion, streamed and not', async () => {
      llm.enqueue(textAnswer('Hello from YouWorker.'), textAnswer('Streamed hello, ✓ done.'));
      const completion = await client.chat.completions.create({
        model: 'gpt-oss:20b',
        messages: [{ role: 'user', content: 'Say hello.' }],
      });
      expect(completion.choices[0]?.message.content).toBe('Hello from YouWorker.');
      const stream = await client.chat.completions.create({
        model: 'gpt-oss:20b',
        messages: [{ role: 'user', content: 'Say hello, streamed.' }],
        stream: true,
      });
      let text = '';
      for await (const chunk of stream) {
        text += chunk.choices[0]?.delta.content ?? '';
      }
      expect(text).toBe('Streamed hello, ✓ done.');
    });

    it('should continue a stored session named by x-youworker-session-id', async () => {
      llm.enqueue(textAnswer('First.'), textAnswer('Second.'));
      const first = await client.chat.completions
        .create({ model: 'gpt-oss:20b', messages: [{ role: 'user', content: 'One' }] })
        .withResponse();
      const sessionId = first.response.headers.get('x-youworker-session-id') ?? '';
      await client.chat.completions.create(
        { model: 'gpt-oss:20b', messages: [{ role: 'user', content: 'Two' }] },
        { headers: { 'x-youworker-session-id': sessionId } },
      );
      const sent = (llm.requests.at(-1)?.body as { messages: { role: string; content: string }[] }).messages;
      expect(sent.map((message) => message.content).slice(1)).toEqual(['One', 'First.', 'Two']);
    });

    it('should raise AuthenticationError for an invalid key and BadRequestError for client tools', async () => {
      const intruder = new OpenAI({ baseURL: `${baseUrl}/v1`, apiKey: 'yw_invalid', maxRetries: 0 });
      const refused = await intruder.models.list().catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(OpenAI.AuthenticationError);
      expect((refused as InstanceType<typeof OpenAI.AuthenticationError>).status).toBe(401);
      const withTools = await client.chat.completions
        .create({
          model: 'gpt-oss:20b',
          messages: [{ role: 'user', content: 'hi' }],
          tools: [{ type: 'function', function: { name: 'lookup', parameters: { type: 'object' } } }],
        })
        .catch((error: unknown) => error);
      expect(withTools).toBeInstanceOf(OpenAI.BadRequestError);
    });
  });
});
