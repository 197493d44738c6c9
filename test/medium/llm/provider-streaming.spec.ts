import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScriptedLlm, type ScriptedLlm } from '../../support/scripted-llm/scripted-llm-server.ts';
import { steps, textAnswer, toolCallAnswer } from '../../support/scripted-llm/script.ts';
import { collectParts, providerFor } from './llm-test-helpers.ts';

let llm: ScriptedLlm;
beforeAll(async () => {
  llm = await startScriptedLlm();
});
afterAll(async () => {
  await llm.close();
});

const tools = [
  {
    name: 'web_search',
    description: 'Search the web',
    inputSchema: { type: 'object', properties: { q: { type: 'string' } } },
  },
];

describe.each(['ollama', 'openai-compatible'] as const)('%s provider', (kind) => {
  it('should keep the connection alive for the next request once an answer is read to its end', async () => {
    const provider = providerFor(kind, llm.baseUrl);
    const first = llm.requests.length;
    for (const text of ['one', 'two', 'three']) {
      llm.enqueue(textAnswer(text));
      const parts = await collectParts(
        provider.streamChat({ model: 'gpt-oss:20b', messages: [{ role: 'user', content: text }] }),
      );
      expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'stop' });
    }
    const made = llm.requests.slice(first);
    expect(made).toHaveLength(3);
    expect(await Promise.all(made.map((request) => request.ended))).toEqual([
      'completed',
      'completed',
      'completed',
    ]);
    // One TCP connection for the three answers: the reader stopped at the model's last line, and the
    // rest of the body was drained instead of the socket being destroyed.
    expect(new Set(made.map((request) => request.remotePort)).size).toBe(1);
  });

  it('should stream reasoning and text deltas and report usage', async () => {
    llm.enqueue(
      steps(
        { type: 'reasoning', text: 'Let me ' },
        { type: 'reasoning', text: 'think.' },
        { type: 'text', text: 'Ciao, ' },
        { type: 'text', text: 'perché no? 👋' },
        { type: 'usage', promptTokens: 12, completionTokens: 7, reasoningTokens: 3 },
      ),
    );
    const parts = await collectParts(
      providerFor(kind, llm.baseUrl).streamChat({
        model: 'gpt-oss:20b',
        messages: [{ role: 'user', content: 'hi' }],
      }),
    );
    expect(
      parts
        .filter((part) => part.type === 'reasoning-delta')
        .map((part) => part.text)
        .join(''),
    ).toBe('Let me think.');
    expect(
      parts
        .filter((part) => part.type === 'text-delta')
        .map((part) => part.text)
        .join(''),
    ).toBe('Ciao, perché no? 👋');
    expect(parts.at(-1)).toEqual({
      type: 'finish',
      finishReason: 'stop',
      usage:
        kind === 'ollama'
          ? { promptTokens: 12, completionTokens: 7 }
          : { promptTokens: 12, completionTokens: 7, reasoningTokens: 3 },
    });
  });

  it('should survive frames cut into 3-byte slices (UTF-8 characters split across chunks)', async () => {
    llm.enqueue({
      kind: 'steps',
      steps: [{ type: 'text', text: 'Grüße aus Köln — 日本語 ✓' }],
      sliceBytes: 3,
    });
    const parts = await collectParts(providerFor(kind, llm.baseUrl).streamChat({ model: 'm', messages: [] }));
    expect(
      parts
        .filter((part) => part.type === 'text-delta')
        .map((part) => part.text)
        .join(''),
    ).toBe('Grüße aus Köln — 日本語 ✓');
  });

  it('should emit three tool calls whole, in order, with JSON arguments', async () => {
    llm.enqueue(
      toolCallAnswer(
        [
          { id: 'call_s', name: 'web_search', arguments: { q: 'YouCo srl', top_k: 3 } },
          { id: 'call_f', name: 'web_fetch', arguments: { url: 'https://example.com/a?b=c' } },
          { id: 'call_t', name: 'datetime_now', arguments: { tz: 'Europe/Rome' } },
        ],
        { text: 'Checking.', argumentChunks: 5, interleave: true },
      ),
    );
    const parts = await collectParts(
      providerFor(kind, llm.baseUrl).streamChat({
        model: 'gpt-oss:20b',
        messages: [{ role: 'user', content: 'go' }],
        tools,
      }),
    );
    const calls = parts.flatMap((part) => (part.type === 'tool-call' ? [part.toolCall] : []));
    expect(calls.map((call) => [call.name, JSON.parse(call.arguments) as unknown])).toEqual([
      ['web_search', { q: 'YouCo srl', top_k: 3 }],
      ['web_fetch', { url: 'https://example.com/a?b=c' }],
      ['datetime_now', { tz: 'Europe/Rome' }],
    ]);
    expect(calls.map((call) => call.id)).toEqual(
      kind === 'ollama' ? ['call_0', 'call_1', 'call_2'] : ['call_s', 'call_f', 'call_t'],
    );
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'tool-calls' });
  });

  it('should report length as the finish reason', async () => {
    llm.enqueue(steps({ type: 'text', text: 'trunc' }, { type: 'finish', reason: 'length' }));
    const parts = await collectParts(providerFor(kind, llm.baseUrl).streamChat({ model: 'm', messages: [] }));
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'length' });
  });

  it('should send the history, tools, options and the API key', async () => {
    llm.enqueue(textAnswer('ok'));
    const provider = providerFor(kind, llm.baseUrl, {
      LLM_API_KEY: 'sk-test-123',
      LLM_CONTEXT_SIZE: 16384,
      LLM_TEMPERATURE: 0.3,
    });
    await collectParts(
      provider.streamChat({
        model: 'qwen3:8b',
        think: true,
        tools,
        messages: [
          { role: 'system', content: 'You are YouWorker.' },
          { role: 'user', content: 'Search cats' },
          {
            role: 'assistant',
            content: '',
            toolCalls: [{ id: 'call_0', name: 'web_search', arguments: '{"q":"cats"}' }],
          },
          { role: 'tool', toolCallId: 'call_0', name: 'web_search', content: 'cats are great' },
        ],
      }),
    );
    const request = llm.requests.at(-1);
    expect(request?.headers.authorization).toBe('Bearer sk-test-123');
    const functionTool = {
      type: 'function',
      function: { name: 'web_search', description: 'Search the web', parameters: tools[0]?.inputSchema },
    };
    if (kind === 'ollama') {
      expect(request?.path).toBe('/api/chat');
      expect(request?.body).toEqual({
        model: 'qwen3:8b',
        stream: true,
        think: true,
        options: { num_ctx: 16384, temperature: 0.3 },
        tools: [functionTool],
        messages: [
          { role: 'system', content: 'You are YouWorker.' },
          { role: 'user', content: 'Search cats' },
          {
            role: 'assistant',
            content: '',
            tool_calls: [{ function: { name: 'web_search', arguments: { q: 'cats' } } }],
          },
          { role: 'tool', content: 'cats are great', tool_name: 'web_search' },
        ],
      });
    } else {
      expect(request?.path).toBe('/v1/chat/completions');
      expect(request?.body).toEqual({
        model: 'qwen3:8b',
        stream: true,
        stream_options: { include_usage: true },
        temperature: 0.3,
        tools: [functionTool],
        messages: [
          { role: 'system', content: 'You are YouWorker.' },
          { role: 'user', content: 'Search cats' },
          {
            role: 'assistant',
            content: null,
            tool_calls: [
              { id: 'call_0', type: 'function', function: { name: 'web_search', arguments: '{"q":"cats"}' } },
            ],
          },
          { role: 'tool', tool_call_id: 'call_0', content: 'cats are great' },
        ],
      });
    }
  });

  it('should send no Authorization header without an API key', async () => {
    llm.enqueue(textAnswer('ok'));
    await collectParts(providerFor(kind, llm.baseUrl).streamChat({ model: 'm', messages: [] }));
    expect(llm.requests.at(-1)?.headers.authorization).toBeUndefined();
  });

  it('should list the served models', async () => {
    const models = await providerFor(kind, llm.baseUrl).listModels();
    expect(models.map((model) => model.id)).toEqual(['gpt-oss:20b', 'qwen3:8b']);
    expect(models[0]?.details).toEqual(
      kind === 'ollama'
        ? { size: 13_780_173_839, family: 'gptoss', parameterSize: '20.9B', quantizationLevel: 'MXFP4' }
        : { ownedBy: 'vllm', contextLength: 32768 },
    );
  });
});

describe('scripted server, stream: false', () => {
  it.each([
    [
      '/api/chat',
      {
        message: {
          role: 'assistant',
          content: 'whole',
          tool_calls: [{ function: { name: 'now', arguments: {} } }],
        },
        done: true,
      },
    ],
    [
      '/v1/chat/completions',
      {
        object: 'chat.completion',
        choices: [{ message: { role: 'assistant', content: 'whole' }, finish_reason: 'tool_calls' }],
      },
    ],
  ])('should answer %s with one aggregated message', async (path, expected) => {
    llm.enqueue(toolCallAnswer([{ name: 'now', arguments: {} }], { text: 'whole' }));
    const response = await fetch(`${llm.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'm', messages: [], stream: false }),
    });
    expect(await response.json()).toMatchObject(expected);
  });
});
