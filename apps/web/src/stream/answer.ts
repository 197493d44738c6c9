import type { ChatEvent, Citation, Usage } from './chat-events';

/** One tool call as the user sees it, live. */
export interface ToolCallView {
  id: string;
  name: string;
  input: unknown;
  status: 'running' | 'success' | 'error';
  output?: string;
  error?: { code: string; message: string };
  durationMs?: number;
}

/** The assistant's answer being built from stream events. */
export interface Answer {
  text: string;
  reasoning: string;
  tools: ToolCallView[];
  citations: Citation[];
  model?: string;
  error?: { code: string; message: string };
  finishReason?: string;
  usage?: Usage;
  done: boolean;
}

export const emptyAnswer: Answer = { text: '', reasoning: '', tools: [], citations: [], done: false };

function updateTool(tools: ToolCallView[], id: string, patch: Partial<ToolCallView>): ToolCallView[] {
  return tools.map((tool) => (tool.id === id ? { ...tool, ...patch } : tool));
}

/** Folds one stream event into the answer (pure; returns a new object when something changed). */
export function applyChatEvent(answer: Answer, event: ChatEvent): Answer {
  switch (event.type) {
    case 'run-start':
      return { ...answer, model: event.model };
    case 'reasoning-delta':
      return { ...answer, reasoning: answer.reasoning + event.text };
    case 'text-delta':
      return { ...answer, text: answer.text + event.text };
    case 'tool-call':
      return {
        ...answer,
        tools: [
          ...answer.tools,
          { id: event.toolCallId, name: event.toolName, input: event.input, status: 'running' },
        ],
      };
    case 'tool-result':
      return {
        ...answer,
        tools: updateTool(answer.tools, event.toolCallId, {
          status: 'success',
          output: event.output,
          durationMs: event.durationMs,
        }),
      };
    case 'tool-error':
      return {
        ...answer,
        tools: updateTool(answer.tools, event.toolCallId, {
          status: 'error',
          error: event.error,
          durationMs: event.durationMs,
        }),
      };
    case 'step-end':
      return answer;
    case 'error':
      return { ...answer, error: { code: event.code, message: event.message } };
    case 'run-end':
      return {
        ...answer,
        // The final answer is the last step's text; deltas of tool-calling steps were preambles.
        text: event.text !== '' ? event.text : answer.text,
        citations: event.citations,
        finishReason: event.finishReason,
        usage: event.usage,
        done: true,
      };
  }
}
