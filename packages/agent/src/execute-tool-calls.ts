import type { ChatMessage, ToolCall } from '@youworker/llm';
import { AbortedError, linkAbort, raceAbort } from './abort-utilities.ts';
import type { AgentEventBody, ToolErrorCode } from './agent-events.ts';
import type { AgentTool, ToolCaller, ToolOutput } from './tool-registry.ts';

/** The outcome of one tool call, in the order of the calls. */
export interface ToolCallOutcome {
  toolCall: ToolCall;
  /** The tool message fed back to the model (`Error: <code>: <message>` on failure). */
  message: Extract<ChatMessage, { role: 'tool' }>;
  isError: boolean;
  durationMs: number;
}

/** Options of {@link executeToolCalls}. */
export interface ExecuteToolCallsOptions {
  step: number;
  toolCalls: readonly ToolCall[];
  tools: ReadonlyMap<string, AgentTool>;
  /** The run's signal: aborting it cancels every call (`TOOL_CANCELLED`). */
  signal: AbortSignal;
  /** Per call; `0` or less: no limit. */
  timeoutMs: number;
  /** Most calls running at once (at least 1). */
  concurrency: number;
  /** Receives `tool-result` / `tool-error` events as calls finish (completion order). */
  onEvent: (event: AgentEventBody) => void;
  now: () => number;
  /** Passed to every tool's `execute`. */
  caller?: ToolCaller;
}

/**
 * Parses a tool call's JSON arguments. Empty text counts as `{}` (some models send nothing for
 * tools without parameters).
 */
export function parseToolInput(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  if (text.trim() === '') {
    return { ok: true, value: {} };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: `arguments are not valid JSON (${errorMessage(error)})` };
  }
}

/** Turns a tool failure into the text the model reads. */
export function formatToolError(code: ToolErrorCode, message: string): string {
  return `Error: ${code}: ${message}`;
}

/**
 * Runs one step's tool calls in parallel, at most `concurrency` at a time, each under its own
 * timeout and an AbortSignal chained to the run's. Never throws: unknown tools, invalid JSON
 * arguments, thrown errors, tool-reported errors, timeouts and cancellation all become a
 * `tool-error` event and an error tool message. Resolves with one outcome per call, in call order.
 */
export async function executeToolCalls(options: ExecuteToolCallsOptions): Promise<ToolCallOutcome[]> {
  const outcomes: ToolCallOutcome[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < options.toolCalls.length) {
      const index = next;
      next += 1;
      const toolCall = options.toolCalls[index];
      if (toolCall !== undefined) {
        outcomes[index] = await executeOne(toolCall, options);
      }
    }
  };
  const workerCount = Math.max(1, Math.min(options.concurrency, options.toolCalls.length));
  await Promise.all(Array.from({ length: workerCount }, worker));
  return outcomes;
}

type Attempt = { ok: true; output: ToolOutput } | { ok: false; code: ToolErrorCode; message: string };

async function executeOne(toolCall: ToolCall, options: ExecuteToolCallsOptions): Promise<ToolCallOutcome> {
  const startedAt = options.now();
  const attempt = await attemptCall(toolCall, options);
  const durationMs = Math.max(0, options.now() - startedAt);
  const base = { step: options.step, toolCallId: toolCall.id, toolName: toolCall.name, durationMs };
  let content: string;
  if (attempt.ok && attempt.output.isError !== true) {
    content = attempt.output.content;
    options.onEvent({
      type: 'tool-result',
      ...base,
      output: content,
      ...(attempt.output.structured === undefined ? {} : { structured: attempt.output.structured }),
    });
  } else {
    const error = attempt.ok
      ? { code: 'TOOL_REPORTED_ERROR' as const, message: attempt.output.content }
      : { code: attempt.code, message: attempt.message };
    content = formatToolError(error.code, error.message);
    options.onEvent({ type: 'tool-error', ...base, error });
  }
  return {
    toolCall,
    message: { role: 'tool', toolCallId: toolCall.id, name: toolCall.name, content },
    isError: !attempt.ok || attempt.output.isError === true,
    durationMs,
  };
}

async function attemptCall(toolCall: ToolCall, options: ExecuteToolCallsOptions): Promise<Attempt> {
  const tool = options.tools.get(toolCall.name);
  if (tool === undefined) {
    const known = [...options.tools.keys()].join(', ') || 'none';
    return {
      ok: false,
      code: 'TOOL_NOT_FOUND',
      message: `no tool named "${toolCall.name}" (available: ${known})`,
    };
  }
  const input = parseToolInput(toolCall.arguments);
  if (!input.ok) {
    return { ok: false, code: 'TOOL_INPUT_INVALID', message: input.message };
  }
  if (options.signal.aborted) {
    return { ok: false, code: 'TOOL_CANCELLED', message: 'the run ended before the tool ran' };
  }
  const controller = new AbortController();
  const unlink = linkAbort(options.signal, controller);
  const timeoutReason = new Error('tool timeout');
  const timer =
    options.timeoutMs > 0
      ? setTimeout(() => {
          controller.abort(timeoutReason);
        }, options.timeoutMs)
      : undefined;
  try {
    const running = Promise.resolve().then(() =>
      tool.execute(input.value, {
        signal: controller.signal,
        toolCallId: toolCall.id,
        ...(options.caller ? { caller: options.caller } : {}),
      }),
    );
    const output = await raceAbort(running, controller.signal);
    if (typeof output !== 'object' || typeof output.content !== 'string') {
      return { ok: false, code: 'TOOL_EXECUTION_FAILED', message: 'the tool returned no text content' };
    }
    return { ok: true, output };
  } catch (error) {
    if (controller.signal.reason === timeoutReason) {
      return {
        ok: false,
        code: 'TOOL_TIMEOUT',
        message: `the tool did not answer within ${options.timeoutMs} ms`,
      };
    }
    if (controller.signal.aborted || error instanceof AbortedError) {
      return { ok: false, code: 'TOOL_CANCELLED', message: 'the run ended while the tool was running' };
    }
    return { ok: false, code: 'TOOL_EXECUTION_FAILED', message: errorMessage(error) };
  } finally {
    clearTimeout(timer);
    unlink();
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
