import type { AgentEvent } from '@youworker/agent';
import type { ToolRunView } from './chat-session.service.ts';

/** Builds the record of each tool call of a run from its `tool-call`, `tool-result` and `tool-error` events. */
export class ToolRunTracker {
  private readonly runs = new Map<string, Omit<ToolRunView, 'id'>>();

  /** Feeds one event; events of other types are ignored. */
  track(event: AgentEvent | { type: string }): void {
    const typed = event as AgentEvent;
    switch (typed.type) {
      case 'tool-call':
        this.runs.set(typed.toolCallId, {
          step: typed.step,
          toolCallId: typed.toolCallId,
          toolName: typed.toolName,
          arguments: typeof typed.input === 'string' ? typed.input : JSON.stringify(typed.input),
          resultPreview: null,
          // Until a result arrives: a run that never finishes was cut short.
          status: 'cancelled',
          durationMs: 0,
          errorCode: null,
        });
        break;
      case 'tool-result':
      case 'tool-error': {
        const run = this.runs.get(typed.toolCallId);
        if (!run) {
          break;
        }
        run.durationMs = Math.round(typed.durationMs);
        if (typed.type === 'tool-result') {
          run.status = 'success';
          run.resultPreview = typed.output;
        } else {
          run.status = typed.error.code === 'TOOL_TIMEOUT' ? 'timeout' : 'error';
          run.errorCode = typed.error.code;
          run.resultPreview = typed.error.message;
        }
        break;
      }
      case 'run-start':
      case 'text-delta':
      case 'reasoning-delta':
      case 'step-end':
      case 'error':
      case 'run-end':
        break;
    }
  }

  /** The tool runs so far, in call order. */
  list(): Omit<ToolRunView, 'id'>[] {
    return [...this.runs.values()];
  }
}
