import type { components } from '../api/schema';
import type { Answer, ToolCallView } from '../stream/answer';
import type { Citation } from '../stream/chat-events';

type StoredMessage = components['schemas']['ChatMessage'];

/** One message of the conversation as the UI shows it. */
export interface DisplayMessage {
  id: string;
  role: 'user' | 'assistant';
  text: string;
  reasoning: string;
  tools: ToolCallView[];
  citations: Citation[];
  error?: { code: string; message: string };
  /** `cancelled` when the user stopped it. */
  status: 'complete' | 'cancelled' | 'error';
}

/** A stored message (GET /v1/sessions/:id) for display. */
export function fromStored(message: StoredMessage): DisplayMessage {
  return {
    id: message.id,
    role: message.role,
    text: message.content,
    reasoning: '',
    tools: message.toolRuns.map((run) => ({
      id: run.toolCallId,
      name: run.toolName,
      input: run.arguments,
      status: run.status === 'success' ? 'success' : 'error',
      output: run.resultPreview ?? undefined,
      error: run.errorCode ? { code: run.errorCode, message: run.status } : undefined,
      durationMs: run.durationMs,
    })),
    citations: message.citations,
    error: message.errorCode ? { code: message.errorCode, message: message.errorCode } : undefined,
    status: message.status,
  };
}

/** A finished streamed answer for display. */
export function fromAnswer(id: string, answer: Answer): DisplayMessage {
  return {
    id,
    role: 'assistant',
    text: answer.text,
    reasoning: answer.reasoning,
    tools: answer.tools,
    citations: answer.citations,
    error: answer.error,
    status: answer.finishReason === 'cancelled' ? 'cancelled' : answer.error ? 'error' : 'complete',
  };
}
