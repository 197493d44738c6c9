import type { ChatMessage } from '@youworker/llm';
import type { AgentEvent, AgentRunResult } from '../agent-events.ts';
import { runAgent } from '../run-agent.ts';
import type { AgentLimits, RunAgentOptions } from '../run-agent-options.ts';
import {
  type AgentTool,
  createLocalToolRegistry,
  type ToolExecutionContext,
  type ToolOutput,
} from '../tool-registry.ts';
import type { MockLanguageModel } from './mock-language-model.ts';

/** Generous limits so a test only hits the one it sets. */
export const testLimits: AgentLimits = {
  maxSteps: 10,
  timeoutMs: 5_000,
  toolTimeoutMs: 2_000,
  toolConcurrency: 4,
};

/** The conversation most tests start from. */
export const userMessages: ChatMessage[] = [
  { role: 'system', content: 'You are a test.' },
  { role: 'user', content: 'Hello?' },
];

/** A tool named `name` whose `execute` is `execute`. */
export function testTool(
  name: string,
  execute: (input: unknown, context: ToolExecutionContext) => Promise<ToolOutput>,
): AgentTool {
  return {
    name,
    description: `The ${name} tool.`,
    inputSchema: { type: 'object', properties: {} },
    execute,
  };
}

/** Runs the agent to its end, collecting every event and the returned result. */
export async function collectRun(
  options: Partial<Omit<RunAgentOptions, 'tools'>> & {
    provider: MockLanguageModel;
    tools?: AgentTool[] | RunAgentOptions['tools'];
  },
  onEvent?: (event: AgentEvent) => void,
): Promise<{ events: AgentEvent[]; result: AgentRunResult }> {
  const tools = Array.isArray(options.tools) ? createLocalToolRegistry(options.tools) : options.tools;
  const run = runAgent({
    model: 'test-model',
    messages: userMessages,
    limits: testLimits,
    _internal: { generateId: () => 'run-1' },
    ...options,
    tools,
  });
  const events: AgentEvent[] = [];
  for (;;) {
    const next = await run.next();
    if (next.done === true) {
      return { events, result: next.value };
    }
    events.push(next.value);
    onEvent?.(next.value);
  }
}

/** The events of one type. */
export function eventsOfType<T extends AgentEvent['type']>(
  events: AgentEvent[],
  type: T,
): Extract<AgentEvent, { type: T }>[] {
  return events.filter((event): event is Extract<AgentEvent, { type: T }> => event.type === type);
}
