import { LlmError } from '@youworker/llm';
import type { ErrorEvent } from './agent-events.ts';

/** Listing the tools failed (code `TOOL_REGISTRY_FAILED`). */
export class ToolRegistryError extends Error {
  readonly code = 'TOOL_REGISTRY_FAILED';
}

/**
 * The `error` event for a failure that ends a run: an {@link LlmError} keeps its code and
 * `isRetryable`; anything unexpected becomes `AGENT_UNEXPECTED_ERROR`.
 */
export function toErrorEvent(error: unknown): Omit<ErrorEvent, 'sequence'> {
  if (LlmError.isInstance(error)) {
    return { type: 'error', code: error.code, message: error.message, retryable: error.isRetryable };
  }
  if (error instanceof ToolRegistryError) {
    return { type: 'error', code: error.code, message: error.message, retryable: false };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { type: 'error', code: 'AGENT_UNEXPECTED_ERROR', message, retryable: false };
}
