import { describe, expect, it } from 'vitest';
import { FINAL_ANSWER_INSTRUCTION } from './run-agent-options.ts';
import { collectRun, eventsOfType, testLimits, testTool } from './testing/agent-test-helpers.ts';
import {
  MockLanguageModel,
  sleep,
  textResponse,
  toolCall,
  toolCallsResponse,
} from './testing/mock-language-model.ts';

const echo = testTool('echo', async (input) => ({ content: JSON.stringify(input) }));

describe('runAgent limits', () => {
  it('should end at the step limit with a final answer made without tools', async () => {
    const provider = new MockLanguageModel([
      toolCallsResponse([toolCall('c1', 'echo', { n: 1 })]),
      toolCallsResponse([toolCall('c2', 'echo', { n: 2 })]),
      textResponse('Best answer I have.'),
    ]);
    const { events, result } = await collectRun({
      provider,
      tools: [echo],
      limits: { ...testLimits, maxSteps: 2 },
    });

    expect(provider.calls).toHaveLength(3);
    expect(provider.calls[1]?.tools).toHaveLength(1);
    expect(provider.calls[2]?.tools).toBeUndefined();
    expect(provider.calls[2]?.messages.at(-1)).toEqual({ role: 'user', content: FINAL_ANSWER_INSTRUCTION });
    expect(result.finishReason).toBe('step-limit');
    expect(result.text).toBe('Best answer I have.');
    expect(result.steps).toBe(3);
    expect(result.messages.map((message) => message.role)).toEqual([
      'assistant',
      'tool',
      'assistant',
      'tool',
      'assistant',
    ]);
    expect(eventsOfType(events, 'step-end')).toHaveLength(3);
  });

  it('should ignore tool calls the model still makes in the final answer', async () => {
    const provider = new MockLanguageModel([
      toolCallsResponse([toolCall('c1', 'echo')]),
      toolCallsResponse([toolCall('c2', 'echo')], {}, 'Partial answer.'),
    ]);
    const { events, result } = await collectRun({
      provider,
      tools: [echo],
      limits: { ...testLimits, maxSteps: 1 },
    });
    expect(eventsOfType(events, 'tool-call')).toHaveLength(1);
    expect(result).toMatchObject({ finishReason: 'step-limit', text: 'Partial answer.' });
    expect(result.messages.at(-1)).toEqual({ role: 'assistant', content: 'Partial answer.' });
  });

  it('should abort the provider call and end with timeout when the run takes too long', async () => {
    const provider = new MockLanguageModel([
      { parts: [{ type: 'text-delta', text: 'Thinking' }], hang: true },
    ]);
    const { events, result } = await collectRun({ provider, limits: { ...testLimits, timeoutMs: 40 } });

    expect(provider.calls[0]?.signal?.aborted).toBe(true);
    expect(result.finishReason).toBe('timeout');
    expect(result.text).toBe('Thinking');
    expect(result.messages).toEqual([{ role: 'assistant', content: 'Thinking' }]);
    expect(eventsOfType(events, 'error')).toHaveLength(0);
    expect(events.at(-1)?.type).toBe('run-end');
  });

  it('should end with timeout even when the provider ignores its signal', async () => {
    const provider = new MockLanguageModel([{ parts: [], hang: true, ignoreAbort: true }]);
    const { result } = await collectRun({ provider, limits: { ...testLimits, timeoutMs: 30 } });
    expect(result.finishReason).toBe('timeout');
    expect(provider.calls[0]?.signal?.aborted).toBe(true);
  });

  it('should cancel the tools in flight when the run times out', async () => {
    let toolSignal: AbortSignal | undefined;
    const slow = testTool('slow', async (_input, context) => {
      toolSignal = context.signal;
      await sleep(5_000, context.signal);
      return { content: 'late' };
    });
    const provider = new MockLanguageModel([toolCallsResponse([toolCall('s1', 'slow')])]);
    const { events, result } = await collectRun({
      provider,
      tools: [slow],
      limits: { ...testLimits, timeoutMs: 40 },
    });

    expect(toolSignal?.aborted).toBe(true);
    expect(eventsOfType(events, 'tool-error')[0]?.error.code).toBe('TOOL_CANCELLED');
    expect(result.finishReason).toBe('timeout');
    expect(result.messages.map((message) => message.role)).toEqual(['assistant', 'tool']);
  });

  it('should end with cancelled and abort upstream when the caller aborts mid-stream', async () => {
    const caller = new AbortController();
    const provider = new MockLanguageModel([
      { parts: [{ type: 'text-delta', text: 'Once upon' }], hang: true },
    ]);
    const { events, result } = await collectRun({ provider, signal: caller.signal }, (event) => {
      if (event.type === 'text-delta') {
        caller.abort();
      }
    });

    expect(provider.calls[0]?.signal?.aborted).toBe(true);
    expect(provider.calls[0]?.signal).not.toBe(caller.signal);
    expect(result.finishReason).toBe('cancelled');
    expect(events.map((event) => event.type)).toEqual(['run-start', 'text-delta', 'run-end']);
  });

  it('should not call the model when the caller signal is already aborted', async () => {
    const provider = new MockLanguageModel([textResponse('never')]);
    const { result } = await collectRun({ provider, signal: AbortSignal.abort() });
    expect(provider.calls).toHaveLength(0);
    expect(result.finishReason).toBe('cancelled');
  });

  it('should abort upstream when the consumer stops iterating', async () => {
    const provider = new MockLanguageModel([{ parts: [{ type: 'text-delta', text: 'a' }], hang: true }]);
    const { runAgent } = await import('./run-agent.ts');
    const run = runAgent({ provider, model: 'm', messages: [], tools: undefined, limits: testLimits });
    for await (const event of run) {
      if (event.type === 'text-delta') {
        break;
      }
    }
    expect(provider.calls[0]?.signal?.aborted).toBe(true);
  });

  it('should apply the tool concurrency cap and the tool timeout from the limits', async () => {
    const probe = { active: 0, maxActive: 0 };
    const busy = testTool('busy', async (input, context) => {
      probe.active += 1;
      probe.maxActive = Math.max(probe.maxActive, probe.active);
      try {
        await sleep((input as { n: number }).n === 5 ? 5_000 : 10, context.signal);
      } finally {
        probe.active -= 1;
      }
      return { content: 'ok' };
    });
    const calls = [0, 1, 2, 3, 4, 5].map((n) => toolCall(`b${n}`, 'busy', { n }));
    const provider = new MockLanguageModel([toolCallsResponse(calls), textResponse('fine')]);
    const { events, result } = await collectRun({
      provider,
      tools: [busy],
      limits: { ...testLimits, toolConcurrency: 2, toolTimeoutMs: 200 },
    });

    expect(probe.maxActive).toBe(2);
    expect(eventsOfType(events, 'tool-result')).toHaveLength(5);
    expect(eventsOfType(events, 'tool-error')[0]).toMatchObject({
      toolCallId: 'b5',
      error: { code: 'TOOL_TIMEOUT' },
    });
    expect(
      provider.calls[1]?.messages.slice(-6).map((message) => message.role === 'tool' && message.toolCallId),
    ).toEqual(['b0', 'b1', 'b2', 'b3', 'b4', 'b5']);
    expect(result.finishReason).toBe('stop');
  });

  it('should end with token-budget once the budget is reached, answering pending calls as cancelled', async () => {
    let executed = 0;
    const counted = testTool('counted', async () => {
      executed += 1;
      return { content: 'ok' };
    });
    const provider = new MockLanguageModel([
      toolCallsResponse([toolCall('c1', 'counted')], { promptTokens: 60, completionTokens: 10 }),
      toolCallsResponse([toolCall('c2', 'counted')], { promptTokens: 80, completionTokens: 10 }),
      textResponse('unreachable'),
    ]);
    const { events, result } = await collectRun({
      provider,
      tools: [counted],
      limits: { ...testLimits, maxTokens: 150 },
    });

    expect(result.finishReason).toBe('token-budget');
    expect(provider.calls).toHaveLength(2);
    expect(executed).toBe(1);
    expect(result.usage).toEqual({ promptTokens: 140, completionTokens: 20 });
    expect(eventsOfType(events, 'tool-error').map((event) => event.error.code)).toEqual(['TOOL_CANCELLED']);
    expect(result.messages.at(-1)).toMatchObject({ role: 'tool', toolCallId: 'c2' });
  });

  it('should end with stop when the budget is reached by a final answer', async () => {
    const provider = new MockLanguageModel([
      textResponse('short', { promptTokens: 500, completionTokens: 5 }),
    ]);
    const { result } = await collectRun({ provider, limits: { ...testLimits, maxTokens: 10 } });
    expect(result.finishReason).toBe('stop');
  });
});
