import type { ToolCall } from '@youworker/llm';
import { describe, expect, it } from 'vitest';
import type { AgentEventBody } from './agent-events.ts';
import { executeToolCalls, type ExecuteToolCallsOptions, parseToolInput } from './execute-tool-calls.ts';
import { testTool } from './testing/agent-test-helpers.ts';
import { sleep, toolCall } from './testing/mock-language-model.ts';
import type { AgentTool } from './tool-registry.ts';

/** A tool that sleeps `delayMs` and tracks how many calls run at once. */
function concurrencyProbe(delayMs: number) {
  const probe = { active: 0, maxActive: 0 };
  const tool = testTool('probe', async (input) => {
    probe.active += 1;
    probe.maxActive = Math.max(probe.maxActive, probe.active);
    await sleep(delayMs);
    probe.active -= 1;
    return { content: `done ${(input as { n: number }).n}` };
  });
  return { probe, tool };
}

function run(toolCalls: ToolCall[], tools: AgentTool[], overrides: Partial<ExecuteToolCallsOptions> = {}) {
  const events: AgentEventBody[] = [];
  const promise = executeToolCalls({
    step: 1,
    toolCalls,
    tools: new Map(tools.map((tool) => [tool.name, tool])),
    signal: new AbortController().signal,
    timeoutMs: 1_000,
    concurrency: 4,
    onEvent: (event) => events.push(event),
    now: Date.now,
    ...overrides,
  });
  return { events, promise };
}

describe('executeToolCalls', () => {
  it('should run calls concurrently', async () => {
    const { probe, tool } = concurrencyProbe(30);
    const calls = [0, 1, 2].map((n) => toolCall(`c${n}`, 'probe', { n }));
    const outcomes = await run(calls, [tool]).promise;
    expect(probe.maxActive).toBe(3);
    expect(outcomes.map((outcome) => outcome.message.content)).toEqual(['done 0', 'done 1', 'done 2']);
  });

  it('should respect the concurrency cap and keep the call order in the results', async () => {
    const delays = [40, 5, 25, 5, 15, 5];
    const probe = { active: 0, maxActive: 0 };
    const tool = testTool('probe', async (input) => {
      const n = (input as { n: number }).n;
      probe.active += 1;
      probe.maxActive = Math.max(probe.maxActive, probe.active);
      await sleep(delays[n] ?? 0);
      probe.active -= 1;
      return { content: `done ${n}` };
    });
    const calls = delays.map((_, n) => toolCall(`c${n}`, 'probe', { n }));
    const { events, promise } = run(calls, [tool], { concurrency: 2 });
    const outcomes = await promise;

    expect(probe.maxActive).toBe(2);
    expect(outcomes.map((outcome) => outcome.toolCall.id)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5']);
    expect(outcomes.map((outcome) => outcome.message.toolCallId)).toEqual([
      'c0',
      'c1',
      'c2',
      'c3',
      'c4',
      'c5',
    ]);
    expect(events).toHaveLength(6);
    expect(events[0]).toMatchObject({ type: 'tool-result', toolCallId: 'c1' });
  });

  it('should time out a slow call, abort its signal and report TOOL_TIMEOUT', async () => {
    let signal: AbortSignal | undefined;
    const slow = testTool('slow', async (_input, context) => {
      signal = context.signal;
      await sleep(5_000, context.signal);
      return { content: 'late' };
    });
    const { events, promise } = run([toolCall('t1', 'slow')], [slow], { timeoutMs: 20 });
    const [outcome] = await promise;

    expect(signal?.aborted).toBe(true);
    expect(outcome?.isError).toBe(true);
    expect(outcome?.message.content).toBe('Error: TOOL_TIMEOUT: the tool did not answer within 20 ms');
    expect(events[0]).toMatchObject({ type: 'tool-error', error: { code: 'TOOL_TIMEOUT' } });
  });

  it('should time out a tool that ignores its signal', async () => {
    const stubborn = testTool('stubborn', () => new Promise(() => undefined));
    const [outcome] = await run([toolCall('t1', 'stubborn')], [stubborn], { timeoutMs: 20 }).promise;
    expect(outcome?.message.content).toMatch(/^Error: TOOL_TIMEOUT/);
  });

  it('should report a tool-reported failure as TOOL_REPORTED_ERROR', async () => {
    const failing = testTool('failing', async () => ({ content: 'no such page', isError: true }));
    const { events, promise } = run([toolCall('f1', 'failing')], [failing]);
    const [outcome] = await promise;
    expect(outcome?.message.content).toBe('Error: TOOL_REPORTED_ERROR: no such page');
    expect(events[0]).toMatchObject({ type: 'tool-error', error: { code: 'TOOL_REPORTED_ERROR' } });
  });

  it('should not start calls once the run is aborted', async () => {
    let executed = false;
    const tool = testTool('any', async () => {
      executed = true;
      return { content: 'x' };
    });
    const [outcome] = await run([toolCall('a1', 'any')], [tool], { signal: AbortSignal.abort() }).promise;
    expect(executed).toBe(false);
    expect(outcome?.message.content).toMatch(/^Error: TOOL_CANCELLED/);
  });
});

describe('parseToolInput', () => {
  it('should treat empty arguments as an empty object', () => {
    expect(parseToolInput('  ')).toEqual({ ok: true, value: {} });
  });

  it('should reject malformed JSON', () => {
    expect(parseToolInput('{"a":')).toMatchObject({ ok: false });
  });
});
