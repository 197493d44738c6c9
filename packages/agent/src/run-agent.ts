import { randomUUID } from 'node:crypto';
import type { ChatMessage, ChatRequest, ToolDefinition } from '@youworker/llm';
import { AbortedError, raceAbort } from './abort-utilities.ts';
import type { AgentEvent, AgentEventBody, AgentFinishReason, AgentRunResult } from './agent-events.ts';
import { ToolRegistryError, toErrorEvent } from './run-errors.ts';
import { createAsyncQueue } from './async-queue.ts';
import { executeToolCalls, type ToolCallOutcome } from './execute-tool-calls.ts';
import { FINAL_ANSWER_INSTRUCTION, type RunAgentOptions } from './run-agent-options.ts';
import {
  isStopConditionMet,
  stepCountIs,
  type StopCondition,
  tokenBudgetExceeded,
} from './stop-conditions.ts';
import { createModelStepOutcome, type ModelStepOutcome, streamModelStep } from './stream-model-step.ts';
import type { AgentTool } from './tool-registry.ts';
import { addUsage } from './token-usage.ts';

/** Mutable state of one run, shared by the engine's parts. */
interface RunContext {
  options: RunAgentOptions;
  runId: string;
  now: () => number;
  startedAtMs: number;
  signal: AbortSignal;
  number: (body: AgentEventBody) => AgentEvent;
  abortReason: () => 'cancelled' | 'timeout' | undefined;
  stepCount: number;
  usage: AgentRunResult['usage'];
  text: string;
  appended: ChatMessage[];
  /** The step in progress; its partial text is kept if the run stops mid-stream. */
  pending: ModelStepOutcome | undefined;
}

/**
 * Runs the agent loop and streams its events (protocol v1, see `agent-events.ts`):
 * `run-start`, then per step text/reasoning deltas, `tool-call`s, their `tool-result`/`tool-error`
 * and `step-end`, and always a final `run-end` (preceded by `error` when the run failed). The
 * generator's return value is the same {@link AgentRunResult} the `run-end` event carries, including
 * the messages to persist.
 *
 * Each step calls the model with the conversation and the tools; tool calls run in parallel (capped,
 * each under a timeout) and their results, failures included, are fed back for the next step. The run
 * ends when the model answers without tool calls (`stop`), after `maxSteps` tool steps plus one final
 * call without tools (`step-limit`), when the token budget is reached (`token-budget`), on the total
 * timeout (`timeout`), when `signal` aborts or the consumer stops iterating (`cancelled`), or on a
 * provider failure (`error`). Provider failures never throw out of the generator.
 */
export async function* runAgent(options: RunAgentOptions): AsyncGenerator<AgentEvent, AgentRunResult> {
  const now = options._internal?.now ?? Date.now;
  const controller = new AbortController();
  let abortReason: 'cancelled' | 'timeout' | undefined;
  const abort = (reason: 'cancelled' | 'timeout'): void => {
    if (!controller.signal.aborted) {
      abortReason = reason;
      controller.abort(new Error(`agent run ${reason}`));
    }
  };
  const onCallerAbort = (): void => {
    abort('cancelled');
  };
  let sequence = 0;
  let ended = false;
  const context: RunContext = {
    options,
    runId: (options._internal?.generateId ?? randomUUID)(),
    now,
    startedAtMs: now(),
    signal: controller.signal,
    number: (body) => ({ ...body, sequence: sequence++ }),
    abortReason: () => abortReason,
    stepCount: 0,
    usage: {},
    text: '',
    appended: [],
    pending: undefined,
  };
  const timer =
    options.limits.timeoutMs > 0
      ? setTimeout(() => {
          abort('timeout');
        }, options.limits.timeoutMs)
      : undefined;
  options.signal?.addEventListener('abort', onCallerAbort, { once: true });
  if (options.signal?.aborted === true) {
    abort('cancelled');
  }
  try {
    yield context.number({
      type: 'run-start',
      runId: context.runId,
      model: options.model,
      startedAt: new Date(context.startedAtMs).toISOString(),
    });
    let finishReason: AgentFinishReason;
    try {
      finishReason = yield* runSteps(context);
    } catch (error) {
      keepPartialText(context);
      if (controller.signal.aborted) {
        finishReason = abortReason ?? 'cancelled';
      } else {
        yield context.number(toErrorEvent(error));
        finishReason = 'error';
      }
    }
    const result: AgentRunResult = {
      runId: context.runId,
      finishReason,
      usage: context.usage,
      text: context.text,
      citations: [],
      steps: context.stepCount,
      messages: context.appended,
    };
    ended = true;
    await options.callbacks?.onEnd?.(result);
    yield context.number({ type: 'run-end', ...result });
    return result;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onCallerAbort);
    if (!ended) {
      // The consumer stopped iterating before run-end: stop the model call and the tools.
      abort('cancelled');
    }
  }
}

async function* runSteps(context: RunContext): AsyncGenerator<AgentEvent, AgentFinishReason> {
  const { options, signal } = context;
  const tools = await listTools(context);
  const toolMap = new Map<string, AgentTool>();
  for (const tool of tools) {
    if (!toolMap.has(tool.name)) {
      toolMap.set(tool.name, tool);
    }
  }
  const definitions: ToolDefinition[] = [...toolMap.values()].map(({ name, description, inputSchema }) => ({
    name,
    description,
    inputSchema,
  }));
  const toolStepsExhausted: StopCondition = stepCountIs(options.limits.maxSteps);
  const budgetReached: StopCondition = tokenBudgetExceeded(options.limits.maxTokens ?? 0);
  for (let step = 1; ; step += 1) {
    const finalAnswer = isStopConditionMet([toolStepsExhausted], runState(context));
    const toolsEnabled = !finalAnswer && definitions.length > 0;
    const messages: ChatMessage[] = [...options.messages, ...context.appended];
    if (finalAnswer) {
      messages.push({ role: 'user', content: FINAL_ANSWER_INSTRUCTION });
    }
    await options.callbacks?.onStepStart?.({ runId: context.runId, step, messages, toolsEnabled });
    const outcome = createModelStepOutcome();
    context.pending = outcome;
    yield* streamModelStep({
      provider: options.provider,
      request: buildRequest(options, messages, toolsEnabled ? definitions : undefined, signal),
      step,
      acceptToolCalls: !finalAnswer,
      number: context.number,
      outcome,
    });
    context.pending = undefined;
    context.stepCount = step;
    context.usage = addUsage(context.usage, outcome.usage);
    context.text = outcome.text;
    const stepEnd: AgentEventBody = {
      type: 'step-end',
      step,
      finishReason: outcome.finishReason,
      usage: outcome.usage,
    };
    if (outcome.toolCalls.length === 0) {
      context.appended.push({ role: 'assistant', content: outcome.text });
      yield context.number(stepEnd);
      return finalAnswer ? 'step-limit' : 'stop';
    }
    const overBudget = isStopConditionMet([budgetReached], runState(context));
    // Over budget, the calls are not run: they are answered as cancelled so the history stays valid.
    const results = yield* runTools(
      context,
      step,
      outcome,
      toolMap,
      overBudget ? AbortSignal.abort() : signal,
    );
    context.appended.push(
      { role: 'assistant', content: outcome.text, toolCalls: outcome.toolCalls },
      ...results.map((result) => result.message),
    );
    yield context.number(stepEnd);
    if (overBudget) {
      return 'token-budget';
    }
    const reason = context.abortReason();
    if (reason !== undefined) {
      return reason;
    }
  }
}

async function* runTools(
  context: RunContext,
  step: number,
  outcome: ModelStepOutcome,
  tools: ReadonlyMap<string, AgentTool>,
  signal: AbortSignal,
): AsyncGenerator<AgentEvent, ToolCallOutcome[]> {
  const queue = createAsyncQueue<AgentEventBody>();
  const execution = executeToolCalls({
    step,
    toolCalls: outcome.toolCalls,
    tools,
    signal,
    timeoutMs: context.options.limits.toolTimeoutMs,
    concurrency: context.options.limits.toolConcurrency,
    onEvent: (event) => {
      queue.push(event);
    },
    now: context.now,
    ...(context.options.caller ? { caller: context.options.caller } : {}),
  }).finally(() => {
    queue.close();
  });
  execution.catch(() => undefined);
  for await (const body of queue) {
    const event = context.number(body);
    yield event;
    if (event.type === 'tool-result' || event.type === 'tool-error') {
      await context.options.callbacks?.onToolExecutionEnd?.(event);
    }
  }
  return execution;
}

async function listTools(context: RunContext): Promise<AgentTool[]> {
  const registry = context.options.tools;
  if (registry === undefined) {
    return [];
  }
  try {
    return await raceAbort(
      Promise.resolve().then(() =>
        registry.list(context.options.caller ? { caller: context.options.caller } : {}),
      ),
      context.signal,
    );
  } catch (error) {
    if (error instanceof AbortedError) {
      throw error;
    }
    const message = error instanceof Error ? error.message : String(error);
    throw new ToolRegistryError(`Listing the tools failed: ${message}`);
  }
}

function buildRequest(
  options: RunAgentOptions,
  messages: ChatMessage[],
  tools: ToolDefinition[] | undefined,
  signal: AbortSignal,
): ChatRequest & { signal: AbortSignal } {
  return {
    model: options.model,
    messages,
    signal,
    ...(tools === undefined ? {} : { tools }),
    ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
    ...(options.contextSize === undefined ? {} : { contextSize: options.contextSize }),
    ...(options.think === undefined ? {} : { think: options.think }),
  };
}

function runState(context: RunContext) {
  return {
    stepCount: context.stepCount,
    usage: context.usage,
    elapsedMs: context.now() - context.startedAtMs,
  };
}

function keepPartialText(context: RunContext): void {
  const pending = context.pending;
  context.pending = undefined;
  if (pending !== undefined && pending.text !== '') {
    context.text = pending.text;
    context.appended.push({ role: 'assistant', content: pending.text });
  }
}
