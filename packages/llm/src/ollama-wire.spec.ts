import { describe, expect, it } from 'vitest';
import { buildOllamaChatBody, mapOllamaDoneReason } from './ollama-wire.ts';

describe(buildOllamaChatBody.name, () => {
  it('should send arguments as objects, tool results with tool_name, and options', () => {
    const body = buildOllamaChatBody(
      {
        model: 'gpt-oss:20b',
        messages: [
          {
            role: 'assistant',
            content: 'x',
            toolCalls: [{ id: 'call_0', name: 'add', arguments: '{"a":1}' }],
          },
          {
            role: 'assistant',
            content: '',
            toolCalls: [{ id: 'call_1', name: 'bad', arguments: 'not json' }],
          },
          { role: 'tool', toolCallId: 'call_0', name: 'add', content: '2' },
        ],
        think: false,
        temperature: 0.2,
      },
      { contextSize: 4096, temperature: 0.9 },
    );
    expect(body).toMatchObject({
      stream: true,
      think: false,
      options: { num_ctx: 4096, temperature: 0.2 },
      messages: [
        { role: 'assistant', content: 'x', tool_calls: [{ function: { name: 'add', arguments: { a: 1 } } }] },
        { role: 'assistant', content: '', tool_calls: [{ function: { name: 'bad', arguments: {} } }] },
        { role: 'tool', content: '2', tool_name: 'add' },
      ],
    });
    expect(body).not.toHaveProperty('tools');
  });

  it('should omit think when the request does not ask', () => {
    expect(buildOllamaChatBody({ model: 'm', messages: [] }, {})).not.toHaveProperty('think');
  });
});

describe(mapOllamaDoneReason.name, () => {
  it('should report tool-calls when the response called tools, and map length', () => {
    expect(mapOllamaDoneReason('stop', true)).toBe('tool-calls');
    expect(mapOllamaDoneReason('stop', false)).toBe('stop');
    expect(mapOllamaDoneReason('length', false)).toBe('length');
    expect(mapOllamaDoneReason('unload', false)).toBe('other');
  });
});
