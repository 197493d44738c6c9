import { LlmError } from '@youworker/llm';
import { describe, expect, it } from 'vitest';
import { runAgent } from './run-agent.ts';
import {
  collectRun,
  eventsOfType,
  testLimits,
  testTool,
  userMessages,
} from './testing/agent-test-helpers.ts';
import {
  MockLanguageModel,
  textResponse,
  toolCall,
  toolCallsResponse,
} from './testing/mock-language-model.ts';

const weather = testTool('get_weather', async (input) => ({
  content: `Sunny in ${(input as { city: string }).city}`,
  structured: { sky: 'clear' },
}));

describe('runAgent', () => {
  it('should stream a plain answer and end with stop', async () => {
    const provider = new MockLanguageModel([
      textResponse('Hi there!', { promptTokens: 5, completionTokens: 3 }),
    ]);
    const { events, result } = await collectRun({
      provider,
      tools: [weather],
      _internal: { generateId: () => 'run-1', now: () => Date.parse('2026-01-02T03:04:05.000Z') },
    });

    expect(events.map((event) => event.type)).toEqual([
      'run-start',
      'text-delta',
      'text-delta',
      'step-end',
      'run-end',
    ]);
    expect(events[0]).toEqual({
      type: 'run-start',
      sequence: 0,
      runId: 'run-1',
      model: 'test-model',
      startedAt: '2026-01-02T03:04:05.000Z',
    });
    expect(result).toEqual({
      runId: 'run-1',
      finishReason: 'stop',
      usage: { promptTokens: 5, completionTokens: 3 },
      text: 'Hi there!',
      citations: [],
      steps: 1,
      messages: [{ role: 'assistant', content: 'Hi there!' }],
    });
    expect(events.at(-1)).toEqual({ type: 'run-end', sequence: 4, ...result });
    expect(provider.calls[0]?.messages).toEqual(userMessages);
    expect(provider.calls[0]?.tools).toEqual([
      {
        name: 'get_weather',
        description: 'The get_weather tool.',
        inputSchema: { type: 'object', properties: {} },
      },
    ]);
  });

  it('should send no tools when there is no registry', async () => {
    const provider = new MockLanguageModel([textResponse('ok')]);
    await collectRun({ provider, tools: undefined, temperature: 0.2, contextSize: 4096, think: true });
    expect(provider.calls[0]?.tools).toBeUndefined();
    expect(provider.calls[0]?.request).toMatchObject({ temperature: 0.2, contextSize: 4096, think: true });
  });

  it('should run tool calls, feed the results back and append the messages for the next turn', async () => {
    const provider = new MockLanguageModel([
      toolCallsResponse(
        [
          toolCall('call-a', 'get_weather', { city: 'Rome' }),
          toolCall('call-b', 'get_weather', { city: 'Oslo' }),
        ],
        { promptTokens: 10, completionTokens: 4 },
        'Let me check. ',
      ),
      textResponse('Rome is sunny, Oslo too.', { promptTokens: 30, completionTokens: 6, reasoningTokens: 2 }),
    ]);
    const { events, result } = await collectRun({ provider, tools: [weather] });

    const expectedAppended = [
      {
        role: 'assistant',
        content: 'Let me check. ',
        toolCalls: [
          { id: 'call-a', name: 'get_weather', arguments: '{"city":"Rome"}' },
          { id: 'call-b', name: 'get_weather', arguments: '{"city":"Oslo"}' },
        ],
      },
      { role: 'tool', toolCallId: 'call-a', name: 'get_weather', content: 'Sunny in Rome' },
      { role: 'tool', toolCallId: 'call-b', name: 'get_weather', content: 'Sunny in Oslo' },
    ];
    expect(provider.calls[1]?.messages).toEqual([...userMessages, ...expectedAppended]);
    expect(result.messages).toEqual([
      ...expectedAppended,
      { role: 'assistant', content: 'Rome is sunny, Oslo too.' },
    ]);
    expect(result.text).toBe('Rome is sunny, Oslo too.');
    expect(result.usage).toEqual({ promptTokens: 40, completionTokens: 10, reasoningTokens: 2 });
    expect(result.steps).toBe(2);
    expect(eventsOfType(events, 'tool-call').map((event) => event.input)).toEqual([
      { city: 'Rome' },
      { city: 'Oslo' },
    ]);
    const toolResults = eventsOfType(events, 'tool-result');
    expect(toolResults.map((event) => event.output).sort()).toEqual(['Sunny in Oslo', 'Sunny in Rome']);
    expect(toolResults[0]).toMatchObject({ step: 1, toolName: 'get_weather', structured: { sky: 'clear' } });
    expect(eventsOfType(events, 'step-end').map((event) => event.finishReason)).toEqual([
      'tool-calls',
      'stop',
    ]);
  });

  it('should hand the caller to the registry and to every tool call', async () => {
    const seen: unknown[] = [];
    const whoami = testTool('whoami', async (_input, context) => {
      seen.push(context.caller);
      return { content: 'ok' };
    });
    const listed: unknown[] = [];
    const registry = {
      list: (context?: { caller?: unknown }) => {
        listed.push(context?.caller);
        return [whoami];
      },
    };
    const provider = new MockLanguageModel([
      toolCallsResponse([toolCall('call-a', 'whoami', {})]),
      textResponse('done'),
    ]);
    await collectRun({ provider, tools: registry, caller: { userId: 'user-1', requestId: 'req-1' } });

    expect(listed).toEqual([{ userId: 'user-1', requestId: 'req-1' }]);
    expect(seen).toEqual([{ userId: 'user-1', requestId: 'req-1' }]);
  });

  it('should number events strictly in order and end with run-end', async () => {
    const provider = new MockLanguageModel([
      toolCallsResponse([
        toolCall('c1', 'get_weather', { city: 'A' }),
        toolCall('c2', 'get_weather', { city: 'B' }),
      ]),
      textResponse('done now'),
    ]);
    const { events } = await collectRun({ provider, tools: [weather] });

    expect(events.map((event) => event.sequence)).toEqual(events.map((_, index) => index));
    expect(events.filter((event) => event.type === 'run-end')).toHaveLength(1);
    expect(events.at(-1)?.type).toBe('run-end');
    const firstStepEnd = events.findIndex((event) => event.type === 'step-end');
    const lastToolResult = events.findLastIndex((event) => event.type === 'tool-result');
    expect(lastToolResult).toBeLessThan(firstStepEnd);
  });

  it('should feed a thrown tool error back so the model can recover', async () => {
    const flaky = testTool('search', async () => {
      throw new Error('index offline');
    });
    const provider = new MockLanguageModel([
      toolCallsResponse([toolCall('s1', 'search', { query: 'x' })]),
      textResponse('Search is down, sorry.'),
    ]);
    const { events, result } = await collectRun({ provider, tools: [flaky] });

    expect(eventsOfType(events, 'tool-error')[0]).toMatchObject({
      toolCallId: 's1',
      toolName: 'search',
      error: { code: 'TOOL_EXECUTION_FAILED', message: 'index offline' },
    });
    expect(provider.calls[1]?.messages.at(-1)).toEqual({
      role: 'tool',
      toolCallId: 's1',
      name: 'search',
      content: 'Error: TOOL_EXECUTION_FAILED: index offline',
    });
    expect(result.finishReason).toBe('stop');
    expect(result.text).toBe('Search is down, sorry.');
  });

  it('should feed unknown tools and malformed JSON arguments back as tool errors', async () => {
    const provider = new MockLanguageModel([
      toolCallsResponse([
        toolCall('u1', 'no_such_tool'),
        { id: 'm1', name: 'get_weather', arguments: '{"city": "Ro' },
      ]),
      textResponse('Let me answer anyway.'),
    ]);
    const { events, result } = await collectRun({ provider, tools: [weather] });

    const calls = eventsOfType(events, 'tool-call');
    expect(calls[1]?.input).toBe('{"city": "Ro');
    const errors = eventsOfType(events, 'tool-error');
    expect(errors.map((event) => [event.toolCallId, event.error.code])).toEqual(
      expect.arrayContaining([
        ['u1', 'TOOL_NOT_FOUND'],
        ['m1', 'TOOL_INPUT_INVALID'],
      ]),
    );
    const fedBack = provider.calls[1]?.messages.slice(-2);
    expect(fedBack?.map((message) => message.role === 'tool' && message.toolCallId)).toEqual(['u1', 'm1']);
    expect(fedBack?.[0]?.content).toMatch(/^Error: TOOL_NOT_FOUND: no tool named "no_such_tool"/);
    expect(fedBack?.[1]?.content).toMatch(/^Error: TOOL_INPUT_INVALID: arguments are not valid JSON/);
    expect(result.finishReason).toBe('stop');
  });

  it('should turn an LlmError into an error event and run-end error without throwing', async () => {
    const provider = new MockLanguageModel([
      { error: new LlmError('LLM_UNAVAILABLE', 'Cannot reach http://model:11434', { isRetryable: true }) },
    ]);
    const { events, result } = await collectRun({ provider });

    expect(events.map((event) => event.type)).toEqual(['run-start', 'error', 'run-end']);
    expect(events[1]).toEqual({
      type: 'error',
      sequence: 1,
      code: 'LLM_UNAVAILABLE',
      message: 'Cannot reach http://model:11434',
      retryable: true,
    });
    expect(result.finishReason).toBe('error');
    expect(result.steps).toBe(0);
  });

  it('should report a failing tool registry as an error', async () => {
    const provider = new MockLanguageModel([]);
    const { events, result } = await collectRun({
      provider,
      tools: {
        list: () => {
          throw new Error('MCP server down');
        },
      },
    });
    expect(eventsOfType(events, 'error')[0]).toMatchObject({ code: 'TOOL_REGISTRY_FAILED' });
    expect(result.finishReason).toBe('error');
  });

  it('should keep usage counts undefined when no step reported them', async () => {
    const provider = new MockLanguageModel([
      toolCallsResponse([toolCall('c1', 'get_weather', { city: 'A' })], { completionTokens: 2 }),
      textResponse('ok', {}),
    ]);
    const { result } = await collectRun({ provider, tools: [weather] });
    expect(result.usage).toEqual({ completionTokens: 2 });
  });

  it('should call the lifecycle callbacks', async () => {
    const seen: string[] = [];
    const provider = new MockLanguageModel([
      toolCallsResponse([toolCall('c1', 'get_weather', { city: 'A' })]),
      textResponse('ok'),
    ]);
    const run = runAgent({
      provider,
      model: 'test-model',
      messages: userMessages,
      tools: { list: () => [weather] },
      limits: testLimits,
      callbacks: {
        onStepStart: ({ step, toolsEnabled }) => void seen.push(`step ${step} ${toolsEnabled}`),
        onToolExecutionEnd: (event) => void seen.push(`${event.type} ${event.toolCallId}`),
        onEnd: (result) => void seen.push(`end ${result.finishReason}`),
      },
    });
    for await (const event of run) {
      seen.push(event.type);
    }
    expect(seen).toEqual([
      'run-start',
      'step 1 true',
      'tool-call',
      'tool-result',
      'tool-result c1',
      'step-end',
      'step 2 true',
      'text-delta',
      'step-end',
      'end stop',
      'run-end',
    ]);
  });
});
