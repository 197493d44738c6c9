import { describe, expect, it } from 'vitest';
import { buildOpenAiChatBody, mapOpenAiFinishReason, ToolCallAssembler } from './openai-wire.ts';

describe(ToolCallAssembler.name, () => {
  it('should assemble interleaved calls by index, with ids and names from their first chunk', () => {
    const assembler = new ToolCallAssembler();
    assembler.add([{ index: 0, id: 'call_a', function: { name: 'search', arguments: '' } }]);
    assembler.add([{ index: 1, id: 'call_b', function: { name: 'fetch', arguments: '{"u' } }]);
    assembler.add([{ index: 0, function: { arguments: '{"q":' } }]);
    assembler.add([{ index: 1, function: { arguments: 'rl":"x"}' } }]);
    assembler.add([{ index: 0, function: { arguments: '"cats"}' } }]);
    assembler.add([{ index: 2, function: { name: 'now' } }]);
    expect(assembler.drain()).toEqual([
      { id: 'call_a', name: 'search', arguments: '{"q":"cats"}' },
      { id: 'call_b', name: 'fetch', arguments: '{"url":"x"}' },
      { id: 'call_2', name: 'now', arguments: '{}' },
    ]);
    expect(assembler.size).toBe(0);
  });
});

describe(mapOpenAiFinishReason.name, () => {
  it.each([
    ['stop', false, 'stop'],
    ['stop', true, 'tool-calls'],
    ['tool_calls', true, 'tool-calls'],
    ['length', false, 'length'],
    ['content_filter', false, 'content-filter'],
    ['abort', false, 'other'],
  ])('should map %s (tool calls seen: %s) to %s', (reason, sawToolCalls, expected) => {
    expect(mapOpenAiFinishReason(reason, sawToolCalls)).toBe(expected);
  });
});

describe(buildOpenAiChatBody.name, () => {
  it('should map assistant tool calls and tool results to the OpenAI format', () => {
    const body = buildOpenAiChatBody(
      {
        model: 'm',
        messages: [
          { role: 'assistant', content: '', toolCalls: [{ id: 'c1', name: 'now', arguments: '{}' }] },
          { role: 'tool', toolCallId: 'c1', name: 'now', content: '12:00' },
        ],
      },
      {},
    );
    expect(body.messages).toEqual([
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'c1', type: 'function', function: { name: 'now', arguments: '{}' } }],
      },
      { role: 'tool', tool_call_id: 'c1', content: '12:00' },
    ]);
    expect(body).not.toHaveProperty('temperature');
  });
});
